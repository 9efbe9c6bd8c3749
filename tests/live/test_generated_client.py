"""Integration from other services: a client generated from /openapi.json by openapi-python-client."""

import importlib
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from types import ModuleType

import httpx
import pytest

from app.settings import PROJECT_DIR

GENERATOR_BIN = PROJECT_DIR / ".venv-codegen" / "bin"
PACKAGE = "facts_client"


@pytest.fixture(scope="module")
def generated_client(live_server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The client package generated from the running server's OpenAPI document, imported."""
    generator = GENERATOR_BIN / "openapi-python-client"
    if not generator.exists():
        pytest.fail(f"{generator} is missing: `make test` builds it from the codegen dependency group")
    out = tmp_path_factory.mktemp("client")
    spec = out / "openapi.json"
    spec.write_bytes(httpx.get(f"{live_server}/openapi.json").content)
    subprocess.run(
        [str(generator), "generate", "--path", str(spec), "--meta", "none", "--output-path", str(out / PACKAGE)],
        check=True,
        capture_output=True,
        # The generator formats its output with ruff, installed beside it.
        env={"PATH": f"{GENERATOR_BIN}:/usr/bin:/bin"},
    )
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(out))
        for name in [name for name in sys.modules if name == PACKAGE or name.startswith(f"{PACKAGE}.")]:
            del sys.modules[name]


@pytest.fixture
def api(generated_client: ModuleType, live_server: str) -> Iterator[object]:
    with generated_client.Client(base_url=live_server, raise_on_unexpected_status=True) as client:
        yield client


def test_generated_client_lists_pledges(api: object) -> None:
    from facts_client.api.pledges import list_pledges
    from facts_client.models import PagePledgePublic

    page = list_pledges.sync(client=api, currency="USD", min_amount=100_000_000, max_amount=150_000_000)
    assert isinstance(page, PagePledgePublic)
    assert [pledge.amount for pledge in page.items] == [148_000_000]
    assert page.items[0].evidence == "148 مليون دولار"


def test_generated_client_gets_a_pledge_and_reads_problems(api: object) -> None:
    from facts_client.api.pledges import get_pledge
    from facts_client.models import PledgePublic, Problem

    pledge = get_pledge.sync(client=api, pledge_id=1)
    assert isinstance(pledge, PledgePublic) and pledge.amount == 148_000_000
    missing = get_pledge.sync(client=api, pledge_id=987654)
    assert isinstance(missing, Problem)
    assert missing.status == 404 and missing.detail == "No pledge has id 987654."


def test_generated_client_pages_with_cursors(api: object) -> None:
    from facts_client.api.quotes import list_quotes

    seen: list[int] = []
    cursor: str | None = None
    while True:
        page = list_quotes.sync(client=api, limit=4, cursor=cursor)
        seen += [quote.id for quote in page.items]
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    assert seen == list(range(1, 12))



def test_generated_client_posts_an_article(
    generated_client: ModuleType, live_server: str, live_key: str
) -> None:
    from facts_client.api.articles import create_article

    text = "The foreign minister said on Friday that Canada will provide $12 million in aid to Haiti."
    body = generated_client.models.ArticleCreate(text=text, published_on=date(2025, 5, 16))
    with generated_client.Client(base_url=live_server) as anonymous:
        refused = create_article.sync_detailed(client=anonymous, body=body)
    assert refused.status_code == 401
    with generated_client.AuthenticatedClient(base_url=live_server, token=live_key) as api:
        first = create_article.sync_detailed(client=api, body=body)
        again = create_article.sync_detailed(client=api, body=body)
    assert first.status_code == 201
    assert [(p.amount, p.currency) for p in first.parsed.pledges] == [(12_000_000, "USD")]
    assert again.status_code == 200
    assert again.parsed.article.id == first.parsed.article.id
