"""evaluate() scores made-up gold files by the README rules."""
from __future__ import annotations

import json
from pathlib import Path

from app.extraction.evaluation import evaluate

TEXT = ("Minister Omar Haddad said that the country will provide $20 million to flood victims. "
        '"Help is coming to every village," he added on Monday. '
        "The appeal seeks $90 million.")


def _write(path: Path, gold: dict[str, object]) -> Path:
    doc = {"id": path.stem, "language": "en", "published": "2025-03-06", "text": TEXT, "gold": gold}
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_evaluate_counts_matches_and_errors(tmp_path: Path) -> None:
    folder = tmp_path / "gold"
    folder.mkdir()
    _write(folder / "one.json", {
        "speakers": [{"name": "Omar Haddad", "name_en": "Omar Haddad"}],
        "quotes": [
            {"speaker": "Omar Haddad", "kind": "indirect", "verb": "said",
             "text": "that the country will provide $20 million to flood victims"},
            {"speaker": "Omar Haddad", "kind": "direct", "verb": "added", "text": "Help is coming to every village"},
        ],
        "pledges": [{"amount": 20_000_000, "currency": None, "evidence": "$20 million"}],
        "other_amounts": [{"amount": 90_000_000, "currency": "USD", "evidence": "$90 million"}],
        "dates": [
            {"expression": "Monday", "value": "2025-03-03", "resolution": "day", "relative": True},
            {"expression": "March 1", "value": "2025-03-01", "resolution": "day", "relative": False},
        ],
    })
    report = evaluate([tmp_path])
    assert len(report.articles) == 1
    quotes, pledges, dates = report.total("quotes"), report.total("pledges"), report.total("dates")
    assert (quotes.matched, quotes.gold, quotes.predicted) == (2, 2, 2)
    assert report.speaker_accuracy == 1.0 and report.kind_accuracy == 1.0
    assert (pledges.matched, pledges.gold, pledges.predicted) == (1, 1, 1)
    assert (dates.matched, dates.gold) == (1, 2)
    assert dates.recall == 0.5
    assert "date: March 1 = 2025-03-01" in report.articles[0].missed
    dumped = report.to_json()
    assert dumped["totals"]["quotes"]["f1"] == 1.0
    json.dumps(dumped)
    table = report.to_table()
    assert "TOTAL" in table and "one" in table


def test_wrong_grain_and_wrong_speaker_do_not_count(tmp_path: Path) -> None:
    path = _write(tmp_path / "two.json", {
        "speakers": [{"name": "Someone Else"}],
        "quotes": [{"speaker": "Someone Else", "kind": "direct", "verb": "added",
                    "text": "Help is coming to every village"}],
        "pledges": [{"amount": 20_000_000, "currency": "EUR", "evidence": "$20 million"}],
        "dates": [{"expression": "Monday", "value": "2025-03", "resolution": "month", "relative": True}],
    })
    report = evaluate([path])
    assert report.total("quotes").matched == 1 and report.speaker_accuracy == 0.0
    assert report.total("pledges").matched == 0 and report.total("pledges").precision == 0.0
    assert report.total("dates").matched == 0


def test_pledge_status_is_scored_against_the_gold_kind(tmp_path: Path) -> None:
    def status_scores(kind: str) -> tuple[int, int, float]:
        path = _write(tmp_path / f"{kind}.json", {
            "pledges": [{"amount": 20_000_000, "currency": "USD", "evidence": "$20 million", "kind": kind}],
        })
        report = evaluate([path])
        article = report.articles[0]
        return article.status_scored, article.status_correct, report.status_accuracy

    assert status_scores("new") == (1, 1, 1.0)
    assert status_scores("cumulative") == (1, 0, 0.0)  # the sentence pledges new money
    assert status_scores("component") == (1, 0, 0.0)
    assert status_scores("a kind no status has") == (0, 0, 0.0)
    table = evaluate([tmp_path / "new.json"]).to_table()
    assert "pledge status accuracy 1.000 (of 1 matched pledges)" in table
