"""Measure extraction throughput (articles per second on one core) over the seed and generated text."""
from __future__ import annotations

import datetime as dt
import random
import time
from pathlib import Path

from app.extraction.entities import load_gazetteer
from app.extraction.pipeline import extract

SEED_ARTICLE = Path(__file__).resolve().parents[2] / "data" / "seed" / "article.txt"
_ENGLISH_SENTENCES = (
    'The minister of finance, Jane Doe, said on Tuesday that the government will provide $25 million in aid.',
    '"We are committed to supporting the people of Yemen," she told reporters in Geneva.',
    "Last week the agency pledged 3.5 billion euros for reconstruction in Syria and Lebanon.",
    "The appeal seeks $4 billion, but only a fraction has been raised since January 2023.",
    "He added that two years ago the coalition allocated nearly $40m to demining in Iraq.",
)
_ARABIC_SENTENCES = (
    "وقال وزير الخارجية الفرنسي جان دوبون اليوم الخميس إن بلاده ستقدم 20 مليون يورو لدعم اللاجئين في لبنان.",
    "وأضاف “نحن ملتزمون بمساعدة الشعب اليمني في هذه الظروف الصعبة”.",
    "وكانت الحكومة قد أعلنت الأسبوع الماضي عن تخصيص ٣٠٠ مليون دولار لإعادة إعمار المدن المتضررة.",
    "وأشار إلى أن خطة الاستجابة تحتاج إلى 4 مليارات دولار خلال العام الحالي.",
    "وفي 15 آذار 2023 تعهد المانحون بتقديم مئة وخمسين مليون دولار للعراق وسوريا.",
)


def generated_articles(count: int, size: int = 4096, seed: int = 7) -> list[tuple[str, str]]:
    """Articles of about `size` characters assembled from made-up sentences, alternating languages."""
    rng = random.Random(seed)
    articles = []
    for n in range(count):
        language, pool = ("en", _ENGLISH_SENTENCES) if n % 2 else ("ar", _ARABIC_SENTENCES)
        parts: list[str] = []
        while sum(len(p) + 1 for p in parts) < size:
            parts.append(rng.choice(pool))
        articles.append(("\n".join(parts), language))
    return articles


def measure(articles: list[tuple[str, str]], published: dt.date, rounds: int = 3) -> float:
    """Best articles per CPU-second over a few rounds; CPU time, so other load on the machine does not count."""
    best = 0.0
    for _ in range(rounds):
        start = time.process_time()
        for text, language in articles:
            extract(text, language=language, published=published)
        best = max(best, len(articles) / (time.process_time() - start))
    return best


def main() -> None:
    load_gazetteer()  # loading the gazetteers once is start-up cost, not per-article cost
    published = dt.date(2024, 9, 30)
    seed = SEED_ARTICLE.read_text(encoding="utf-8")
    seed_rate = measure([(seed, "ar")] * 200, published)
    generated = generated_articles(200)
    generated_rate = measure(generated, published)
    detect_rate = measure([(t, None) for t, _ in generated[:100]], published)  # type: ignore[misc]
    print(f"seed article ({len(seed)} chars): {seed_rate:,.0f} articles/s")
    print(f"generated 4 KB articles (ar+en): {generated_rate:,.0f} articles/s")
    print(f"generated 4 KB articles, language detected: {detect_rate:,.0f} articles/s")


if __name__ == "__main__":
    main()
