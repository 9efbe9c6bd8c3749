"""The README stays true: every setting and every endpoint is documented."""

from fastapi import FastAPI

from app.settings import PROJECT_DIR, Settings

README = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented() -> None:
    for name in Settings.model_fields:
        assert f"FACTS_{name.upper()}" in README, name


def test_every_endpoint_is_documented(application: FastAPI) -> None:
    for path, operations in application.openapi()["paths"].items():
        for method in operations:
            assert f"`{method.upper()} {path}`" in README, (method, path)


def test_two_commands() -> None:
    assert "make run" in README and "make test" in README
