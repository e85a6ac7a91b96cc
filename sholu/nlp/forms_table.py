"""What sholu/data/gazetteer/forms.json must hold: every shipped gazetteer name and
variant and every extra title, declined by the rules of `inflect`.

Only bench/build_gazetteer_forms.py (which writes the table) and the test that checks
it call this. It lives apart from `inflect` because it reads the gazetteer and the
titles, which themselves decline names with `inflect`.
"""
from __future__ import annotations

from .gazetteer import shipped_entries
from .inflect import decline
from .titles import title_words


def declined() -> dict[str, list[str]]:
    """Each shipped name and title (whitespace collapsed) with its case forms."""
    names = [name for entry in shipped_entries() for name in (entry.name, *entry.variants)]
    return {" ".join(name.split()): decline(name) for name in names + title_words() if name.split()}
