"""Rebuild sholu/data/gazetteer/forms.json: the six case forms of every name and variant
of the shipped gazetteer and of the extra position titles.

    .venv/bin/python bench/build_gazetteer_forms.py

Declining them with pymorphy took most of a second at every start; the runtime reads
this table and declines only names it does not hold (a user's own gazetteer files).
Run it after changing places.csv, organizations.csv or titles.txt, or the inflection
rules: tests/test_gazetteer.py fails while the table is out of date.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sholu.nlp.forms_table import declined  # noqa: E402
from sholu.nlp.inflect import FORMS_FILE  # noqa: E402


def main() -> None:
    table = declined()
    path = ROOT / "sholu" / "data" / "gazetteer" / FORMS_FILE
    lines = [f"{json.dumps(name, ensure_ascii=False)}: {json.dumps(forms, ensure_ascii=False)}"
             for name, forms in sorted(table.items())]
    path.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")   # a name a line, for diffs
    print(f"{path}: {len(table)} names, {sum(map(len, table.values()))} forms")


if __name__ == "__main__":
    main()
