"""The `facts` command, through Typer's runner, against a throwaway database."""

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
