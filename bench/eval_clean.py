"""Body precision and recall of the clean stage on chrome-wrapped pages: each devset
article (real news text, bench/data/factrueval-dev) is wrapped in three site layouts of
our own making, modelled on Kazakh and Russian news sites (a portal with menus,
widgets, captions, «Читайте также» links, tags and a feed of teasers; a blog with
breadcrumbs, a stamp line and reader comments; a scraped page with glued menus, the
weather and a «Последние новости» feed). Precision: the share of the words cleaning
keeps that are the article's (headline included); recall: the share of the article's
words it keeps. Every layout is built the same way for every article (no randomness).

    .venv/bin/python bench/eval_clean.py
    .venv/bin/python bench/eval_clean.py --worst 5      # the pages that lose most

tests/test_clean_gate.py holds the figures to bench/export_baseline.json.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sholu.clean import clean  # noqa: E402
from sholu.document import Problem, RawDocument  # noqa: E402

DEVSET = ROOT / "bench" / "data" / "factrueval-dev"
WORD = re.compile(r"\w+")
FEED = ["В Павлодаре отремонтируют три моста через Иртыш",
        "Мосты закроют для машин на всё лето, а объезд проложат через промзону и…",
        "Аким Костанайской области встретился с фермерами",
        "Разговор шёл о ценах на топливо и о том, как хозяйствам пережить весенний сев без…",
        "В Шымкенте открылся новый парк"]
COMMENTS = ["Айдос: Давно пора было этим заняться, спасибо журналистам за материал!",
            "Гость: А кто будет за всё это платить, опять мы с вами?"]


def portal(headline: str, body: list[str]) -> list[str]:
    return (["Войти", "Регистрация", "Новости", "Политика", "Экономика", "Общество", "Спорт",
             "KZ RU EN", "USD 512.40 EUR 548.10", "12 марта 2026, 14:05", headline]
            + body[:1] + ["Фото: пресс-служба акимата"] + body[1:2]
            + ["Читайте также: Как изменились цены на хлеб в Казахстане"] + body[2:]
            + ["Теги: общество, новости, регионы", "Поделиться", "Читайте также"] + FEED
            + ["© 2026 Все права защищены. При использовании материалов ссылка обязательна"])


def blog(headline: str, body: list[str]) -> list[str]:
    return (["Главная » Новости » Общество", headline, "16.03.2026 10:15 · 2 345 просмотров"]
            + body + ["Комментарии (2)"] + COMMENTS
            + ["Добавить комментарий", "Подписывайтесь на наш Telegram-канал"])


def scraped(headline: str, body: list[str]) -> list[str]:
    return (["ГлавнаяНовостиПолитикаЭкономикаСпорт", "+12°C", "Понедельник, 16 марта, 2026", headline]
            + body + ["Последние новости"] + FEED)


LAYOUTS = {"portal": portal, "blog": blog, "scraped": scraped}


def articles(devset: Path = DEVSET) -> dict[str, tuple[str, list[str]]]:
    """Each article as (headline, paragraphs); a text without one gets a neutral one."""
    found = {}
    for path in sorted(devset.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        if len(lines) >= 2:
            found[path.stem] = (lines[0], lines[1:])
    return found


def kept_words(lines: list[str]) -> Counter:
    doc = clean(RawDocument("page.txt", "\n".join(lines), "text", "f"))
    if isinstance(doc, Problem):
        return Counter()
    return Counter(WORD.findall(f"{doc.title or ''} {doc.text}".lower()))


def evaluate(devset: Path = DEVSET) -> dict:
    kept_right = kept_all = article_all = 0
    per_page = []
    for name, (headline, body) in articles(devset).items():
        truth = Counter(WORD.findall(" ".join([headline, *body]).lower()))
        for layout, wrap in LAYOUTS.items():
            kept = kept_words(wrap(headline, body))
            right = sum((kept & truth).values())
            kept_right, kept_all, article_all = kept_right + right, kept_all + sum(kept.values()), article_all + sum(truth.values())
            per_page.append((right / max(sum(truth.values()), 1), f"{name}/{layout}"))
    return {"pages": len(per_page),
            "body_precision": round(kept_right / max(kept_all, 1), 4),
            "body_recall": round(kept_right / max(article_all, 1), 4),
            "worst": sorted(per_page)[:10]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--worst", type=int, default=0, help="list the pages that lose most")
    args = parser.parse_args()
    result = evaluate()
    print(f"{result['pages']} pages: body precision {result['body_precision']:.4f}, "
          f"recall {result['body_recall']:.4f}")
    for recall, page in result["worst"][:args.worst]:
        print(f"  {page}: recall {recall:.3f}")


if __name__ == "__main__":
    main()
