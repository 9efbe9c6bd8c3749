"""Score the extractor against gold files, following the rules in the gold README."""
from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, computed_field

from app.extraction.normalize import fold_key
from app.extraction.pipeline import extract
from app.extraction.types import ExtractedDate, ExtractedFacts, ExtractedQuote


class KindScore(BaseModel):
    predicted: int = 0
    gold: int = 0
    matched: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: KindScore) -> None:
        self.predicted += other.predicted
        self.gold += other.gold
        self.matched += other.matched

    def dump(self) -> dict[str, float | int]:
        return {"predicted": self.predicted, "gold": self.gold, "matched": self.matched,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


class ArticleReport(BaseModel):
    id: str
    path: str
    language: str
    quotes: KindScore = Field(default_factory=KindScore)
    pledges: KindScore = Field(default_factory=KindScore)
    dates: KindScore = Field(default_factory=KindScore)
    speaker_correct: int = 0
    kind_correct: int = 0
    status_scored: int = 0
    status_correct: int = 0
    missed: list[str] = Field(default_factory=list)
    spurious: list[str] = Field(default_factory=list)


class EvalReport(BaseModel):
    articles: list[ArticleReport]

    def total(self, kind: str) -> KindScore:
        score = KindScore()
        for article in self.articles:
            score.add(getattr(article, kind))
        return score

    @computed_field  # type: ignore[prop-decorator]
    @property
    def speaker_accuracy(self) -> float:
        matched = self.total("quotes").matched
        return sum(a.speaker_correct for a in self.articles) / matched if matched else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def kind_accuracy(self) -> float:
        matched = self.total("quotes").matched
        return sum(a.kind_correct for a in self.articles) / matched if matched else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def status_accuracy(self) -> float:
        """Matched pledges whose status is the gold kind, among those whose kind is a status."""
        scored = sum(a.status_scored for a in self.articles)
        return sum(a.status_correct for a in self.articles) / scored if scored else 0.0

    def to_json(self) -> dict[str, Any]:
        """A JSON-able summary: totals per kind, quote accuracies, and every article's scores."""
        return {
            "totals": {kind: self.total(kind).dump() for kind in ("quotes", "pledges", "dates")},
            "quote_speaker_accuracy": round(self.speaker_accuracy, 4),
            "quote_kind_accuracy": round(self.kind_accuracy, 4),
            "pledge_status_accuracy": round(self.status_accuracy, 4),
            "articles": [
                {"id": a.id, "path": a.path, "language": a.language, "quotes": a.quotes.dump(),
                 "pledges": a.pledges.dump(), "dates": a.dates.dump(), "speaker_correct": a.speaker_correct,
                 "kind_correct": a.kind_correct, "status_scored": a.status_scored,
                 "status_correct": a.status_correct, "missed": a.missed, "spurious": a.spurious}
                for a in self.articles
            ],
        }

    def to_table(self) -> str:
        """A fixed-width table: one row per article, then the totals."""
        header = f"{'article':<48} {'quotes P/R/F1':>20} {'pledges P/R/F1':>20} {'dates P/R/F1':>20}"
        lines = [header, "-" * len(header)]

        def cell(s: KindScore) -> str:
            return f"{s.precision:.2f}/{s.recall:.2f}/{s.f1:.2f} ({s.matched}/{s.gold})"

        for a in self.articles:
            lines.append(f"{a.id[:48]:<48} {cell(a.quotes):>20} {cell(a.pledges):>20} {cell(a.dates):>20}")
        lines.append("-" * len(header))
        lines.append(f"{'TOTAL':<48} {cell(self.total('quotes')):>20} {cell(self.total('pledges')):>20} "
                     f"{cell(self.total('dates')):>20}")
        lines.append(f"quote speaker accuracy {self.speaker_accuracy:.3f}, quote kind accuracy {self.kind_accuracy:.3f}")
        scored = sum(a.status_scored for a in self.articles)
        lines.append(f"pledge status accuracy {self.status_accuracy:.3f} (of {scored} matched pledges)")
        return "\n".join(lines)


def gold_files(paths: list[Path]) -> list[Path]:
    """Expand folders into their *.json files (recursively), keeping the order given."""
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.rglob("*.json")) if path.is_dir() else [path])
    return files


def evaluate(paths: list[Path]) -> EvalReport:
    """Run extract() on every gold article and score it."""
    reports = []
    for path in gold_files(paths):
        doc = json.loads(path.read_text(encoding="utf-8"))
        published = dt.date.fromisoformat(doc["published"]) if doc.get("published") else None
        facts = extract(doc["text"], language=doc.get("language"), published=published)
        reports.append(score_article(doc, facts, str(path)))
    return EvalReport(articles=reports)


def locate(text: str, evidence: str, used: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first occurrence of evidence that does not overlap a span already located."""
    start = text.find(evidence)
    while start >= 0:
        end = start + len(evidence)
        if all(end <= s or start >= e for s, e in used):
            used.append((start, end))
            return start, end
        start = text.find(evidence, start + 1)
    return None


def score_article(doc: dict[str, Any], facts: ExtractedFacts, path: str) -> ArticleReport:
    gold = doc["gold"]
    report = ArticleReport(id=doc.get("id", path), path=path, language=doc.get("language", ""))
    _score_quotes(doc["text"], gold, facts.quotes, report)
    _score_pledges(gold, facts, report)
    _score_dates(doc["text"], gold, facts.dates, report)
    return report


def _score_quotes(text: str, gold: dict[str, Any], predicted: list[ExtractedQuote], report: ArticleReport) -> None:
    speakers = {s["name"]: s for s in gold.get("speakers", [])}
    used: list[tuple[int, int]] = []
    located = [(q, locate(text, q["text"], used)) for q in gold.get("quotes", [])]
    taken: set[int] = set()
    report.quotes = KindScore(predicted=len(predicted), gold=len(located))
    for q, span in located:
        if span is None:
            report.missed.append(f"quote (not found in text): {q['text'][:40]}")
            continue
        best, best_overlap = None, 0
        for i, p in enumerate(predicted):
            overlap = min(span[1], p.end) - max(span[0], p.start)
            if i not in taken and overlap >= 0.5 * max(span[1] - span[0], p.end - p.start) and overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is None:
            report.missed.append(f"quote: {q['text'][:50]}")
            continue
        taken.add(best)
        report.quotes.matched += 1
        p = predicted[best]
        report.speaker_correct += _names_speaker(p.speaker, q["speaker"], speakers.get(q["speaker"], {}))
        report.kind_correct += p.kind == q["kind"]
    report.spurious += [f"quote: {p.text[:50]}" for i, p in enumerate(predicted) if i not in taken]


def _names_speaker(predicted: str | None, gold_name: str, gold_speaker: dict[str, Any]) -> bool:
    """Right when the predicted name is the gold name, carries its surname, or is its English name."""
    if not predicted:
        return False
    pred = fold_key(predicted).split()
    names = [fold_key(gold_name).split()]
    if gold_speaker.get("name_en"):
        names.append(fold_key(gold_speaker["name_en"]).split())
    return any(pred == n or (n and n[-1] in pred) or (pred and pred[-1] in n and len(pred[-1]) > 2) for n in names)


# The gold's pledge kinds as statuses.
GOLD_STATUSES = {
    "new": "new", "prior": "previously_announced", "cumulative": "cumulative", "aggregate": "aggregate",
    "component": "component",
}


def _score_pledges(gold: dict[str, Any], facts: ExtractedFacts, report: ArticleReport) -> None:
    golds = gold.get("pledges", [])
    taken: set[int] = set()
    report.pledges = KindScore(predicted=len(facts.pledges), gold=len(golds))
    for p in facts.pledges:
        hit = next((i for i, g in enumerate(golds) if i not in taken and g["amount"] == p.amount
                    and (g.get("currency") is None or g["currency"] == p.currency)), None)
        if hit is None:
            report.spurious.append(f"pledge: {p.amount} {p.currency}")
            continue
        taken.add(hit)
        report.pledges.matched += 1
        status = GOLD_STATUSES.get(golds[hit].get("kind", "new"))
        if status is not None:
            report.status_scored += 1
            report.status_correct += p.status == status
    report.missed += [f"pledge: {g['amount']} {g.get('currency')}" for i, g in enumerate(golds) if i not in taken]


def _score_dates(text: str, gold: dict[str, Any], predicted: list[ExtractedDate], report: ArticleReport) -> None:
    unique: dict[tuple[str, str | None], ExtractedDate] = {}
    for d in predicted:
        unique.setdefault((d.expression, d.value), d)
    preds = list(unique.values())
    golds = gold.get("dates", [])
    used: list[tuple[int, int]] = []
    taken: set[int] = set()
    report.dates = KindScore(predicted=len(preds), gold=len(golds))
    for g in golds:
        span = locate(text, g["expression"], used)
        hit = None
        for i, p in enumerate(preds):
            if i in taken or p.value != g["value"]:
                continue
            overlaps = span is not None and p.start < span[1] and span[0] < p.end
            # Gold gives each expression once, located at its first free occurrence; a prediction of the
            # same words elsewhere in the text (a repeated "اليوم السبت") overlaps it as an expression.
            if overlaps or g["expression"] in p.expression or p.expression in g["expression"]:
                hit = i
                break
        if hit is None:
            report.missed.append(f"date: {g['expression']} = {g['value']}")
            continue
        taken.add(hit)
        report.dates.matched += 1
    report.spurious += [f"date: {p.expression} = {p.value}" for i, p in enumerate(preds) if i not in taken]


def main(argv: list[str] | None = None) -> None:
    """`python -m app.extraction.evaluation GOLD... [--json]`: the table (or JSON) for gold files or folders."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report = evaluate(args.paths)
    print(json.dumps(report.to_json(), ensure_ascii=False, indent=1) if args.json else report.to_table())


if __name__ == "__main__":
    main()
