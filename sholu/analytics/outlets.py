"""Outlets and reprints: who publishes, and whose texts travel to other outlets."""
from __future__ import annotations

from ..store.queries import outlets as outlet_queries
from ..store.queries.common import ALL_TIME, Selection
from .common import theme_labels


def outlets(store, selection: Selection = ALL_TIME) -> list[dict]:
    """One row per outlet (None: outlet not known), most articles first, as
    `store.queries.outlets.outlet_table` defines it, themes with their Russian labels."""
    return outlet_queries.outlet_table(store, theme_labels(), selection.scope())


def reprints(store, selection: Selection = ALL_TIME) -> list[dict]:
    """Groups of near-identical articles: the original, its copies and where the text
    appeared first (the earliest dated member; the original when none is dated).
    Largest groups first."""
    groups: dict[str, dict] = {}
    for row in outlet_queries.copied_pairs(store, selection.scope()):
        original = article(*row[5:])
        group = groups.setdefault(original["id"], {"original": original, "copies": []})
        group["copies"].append(article(*row[:5]))
    for group in groups.values():
        members = [group["original"], *group["copies"]]
        group["outlets"] = len({member["outlet"] for member in members})
        group["first_appearance"] = first_appearance(members)
    return sorted(groups.values(), key=lambda group: (
        -len(group["copies"]), group["original"]["published"] or "9999", group["original"]["id"]))


def article(doc_id, outlet, published, title, opening) -> dict:
    return {"id": doc_id, "outlet": outlet, "published": published, "title": title,
            "first_words": " ".join((opening or "").split())[:100].rstrip()}


def first_appearance(members: list[dict]) -> dict:
    """The earliest dated member; on a tie or with no dates, the original (listed first)."""
    dated = [m for m in members if m["published"]]
    first = min(dated, key=lambda m: m["published"]) if dated else members[0]
    return {"id": first["id"], "outlet": first["outlet"], "published": first["published"]}
