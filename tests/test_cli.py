"""The `facts` command, through Typer's runner, against a throwaway database."""

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import app
from app.services.seed import SEED_DIR

runner = CliRunner()


def test_db_upgrade_then_seed_twice(make_database, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FACTS_DATABASE_URL", make_database())
    result = runner.invoke(app, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    first = runner.invoke(app, ["seed"])
    assert first.exit_code == 0, first.output
    assert "seed article loaded" in first.output
    second = runner.invoke(app, ["seed"])
    assert "already loaded" in second.output
    down = runner.invoke(app, ["db", "downgrade", "base"])
    assert down.exit_code == 0, down.output


def test_help_lists_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("serve", "db", "seed"):
        assert command in result.output


SEED_TEXT = (SEED_DIR / "article.txt").read_text(encoding="utf-8")


def test_extract_prints_facts_as_json(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(SEED_DIR / "article.txt"), "--published", "2024-09-30"])
    assert result.exit_code == 0, result.output
    facts = json.loads(result.output)
    assert set(facts) == {"language", "speakers", "quotes", "pledges", "dates", "organizations", "places"}
    assert facts["language"] == "ar"
    assert sorted(p["amount"] for p in facts["pledges"]) == [148_000_000, 168_000_000, 535_000_000]
    for quote in facts["quotes"]:
        assert SEED_TEXT[quote["start"] : quote["end"]] == quote["text"]


def test_extract_reads_stdin_and_leaves_relative_dates_unresolved() -> None:
    result = runner.invoke(app, ["extract", "-", "--language", "en"], input="He said that talks ended yesterday.")
    assert result.exit_code == 0, result.output
    [yesterday] = json.loads(result.output)["dates"]
    assert yesterday["expression"] == "yesterday" and yesterday["value"] is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "missing.txt"], "missing.txt"),
        (["extract", "-", "--published", "30/09/2024"], "YYYY-MM-DD"),
        (["extract", "-", "--language", "fr"], "fr"),
    ],
)
def test_extract_bad_input(args: list[str], message: str) -> None:
    result = runner.invoke(app, args, input="Some text.")
    assert result.exit_code == 2
    assert message in result.output


def test_ingest_files_and_folders(make_database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FACTS_DATABASE_URL", make_database())
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "seed.txt").write_text(SEED_TEXT, encoding="utf-8")
    (folder / "english.json").write_text(
        json.dumps({"text": "The minister said that Japan will provide $5 million.", "published": "2025-01-02"}),
        encoding="utf-8",
    )
    (folder / "empty.txt").write_text("  ", encoding="utf-8")
    (folder / "notes.md").write_text("ignored", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(folder), "--published", "2024-09-30", "--batch-size", "1"])
    assert result.exit_code == 1
    assert "2 stored, 0 already present, 1 failed" in result.output
    assert "empty.txt" in result.output
    again = runner.invoke(app, ["ingest", str(folder / "seed.txt")])
    assert again.exit_code == 0
    assert "0 stored, 1 already present, 0 failed" in again.output


def test_eval_scores_a_gold_file(tmp_path: Path) -> None:
    curated = json.loads((SEED_DIR / "facts.json").read_text(encoding="utf-8"))["facts"]
    gold = {
        "id": "seed",
        "language": "ar",
        "published": "2024-09-30",
        "text": SEED_TEXT,
        "gold": {
            "speakers": [{"name": s["name"], "name_en": s["name_en"]} for s in curated["speakers"]],
            "quotes": [{k: q[k] for k in ("speaker", "kind", "verb", "text")} for q in curated["quotes"]],
            "pledges": [
                {"amount": p["amount"], "currency": p["currency"], "evidence": SEED_TEXT[p["start"] : p["end"]]}
                for p in curated["pledges"]
            ],
            "other_amounts": [],
            "dates": [
                {"expression": d["expression"], "value": d["value"], "resolution": d["grain"], "relative": d["relative"]}
                for d in curated["dates"]
                if d["grain"] in ("day", "month", "year")
            ],
        },
    }
    path = tmp_path / "seed.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    table = runner.invoke(app, ["eval", str(path)])
    assert table.exit_code == 0, table.output
    assert "quotes" in table.output and "pledges" in table.output
    report = json.loads(runner.invoke(app, ["eval", str(path), "--json"]).output)
    assert report["totals"]["pledges"]["f1"] == 1.0
    assert report["totals"]["quotes"]["recall"] == 1.0
def test_keys_create_list_revoke(make_database, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FACTS_DATABASE_URL", make_database())
    assert runner.invoke(app, ["db", "upgrade"]).exit_code == 0
    created = runner.invoke(app, ["keys", "create", "news desk"])
    assert created.exit_code == 0, created.output
    key = created.stdout.strip().rsplit(" ", 1)[1]
    assert key.startswith("facts_") and len(key) > 40
    listed = runner.invoke(app, ["keys", "list"])
    assert "news desk" in listed.output and "active" in listed.output
    assert key not in listed.output and key[:12] in listed.output
    revoked = runner.invoke(app, ["keys", "revoke", "1"])
    assert revoked.exit_code == 0 and "revoked" in revoked.output
    assert "active" not in runner.invoke(app, ["keys", "list"]).output
    missing = runner.invoke(app, ["keys", "revoke", "99"])
    assert missing.exit_code == 1 and "No API key has id 99" in missing.output


def test_serve_passes_settings_to_uvicorn(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, object]] = []

    def run(target: str, **options: object) -> None:
        options["metrics_dir"] = Path(os.environ["PROMETHEUS_MULTIPROC_DIR"])
        assert options["metrics_dir"].is_dir()  # type: ignore[union-attr]
        calls.append(options)

    monkeypatch.setattr("app.cli.server.run", run)
    monkeypatch.setenv("FACTS_WORKERS", "3")
    monkeypatch.setenv("FACTS_EVENT_LOOP", "uvloop")
    # Set then unset, so that the variable `serve` sets is undone after the test.
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", "")
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR")
    assert runner.invoke(app, ["serve", "--port", "9999"]).exit_code == 0
    [options] = calls
    assert options["workers"] == 3 and options["port"] == 9999 and options["access_log"] is False
    assert options["loop"] == "uvloop" and options["http"] == "app.server:NoDelayHttpProtocol"
    assert not Path(str(options["metrics_dir"])).exists()  # removed when serving ends
