"""The `facts` command, through Typer's runner, against a throwaway database."""

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import app

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

    monkeypatch.setattr("app.cli.uvicorn.run", run)
    monkeypatch.setenv("FACTS_WORKERS", "3")
    # Set then unset, so that the variable `serve` sets is undone after the test.
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", "")
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR")
    assert runner.invoke(app, ["serve", "--port", "9999"]).exit_code == 0
    [options] = calls
    assert options["workers"] == 3 and options["port"] == 9999 and options["access_log"] is False
    assert not Path(str(options["metrics_dir"])).exists()  # removed when serving ends
