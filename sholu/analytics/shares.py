"""The observer's table: share of coverage and tone per subject and outlet for a
selection (period and outlet set), the top subjects and outlets with the rest added
up as "others", and a row per political side of the groups file. One flat list of
rows is the table: the API returns it, the CSV writes it, the dashboard and the
report lay it out, so their numbers are the same by construction."""
from __future__ import annotations

from collections import defaultdict

from ..services.selection import describe, groups
from ..store.queries.common import ALL_TIME, Selection, ratio
from ..store.queries.shares import Cell, outlet_articles, subject_cells

TOP_SUBJECTS = 15
TOP_OUTLETS = 8
OTHERS = "others"          # the subjects or outlets past the top, added up
ALL = "all"                # every outlet of the selection


def subject_table(store, selection: Selection = ALL_TIME, kind: str = "person",
                  top_subjects: int = TOP_SUBJECTS, top_outlets: int = TOP_OUTLETS) -> dict:
    """{"selection", "kind", "outlets": column order, "rows": one per subject and column}."""
    cells, names = subject_cells(store, selection, kind)
    articles = outlet_articles(store, selection)
    ranked = sorted(articles, key=lambda outlet: (-articles[outlet], outlet))
    shown = ranked[:top_outlets]
    column = {outlet: (outlet if outlet in shown else OTHERS) for outlet in ranked}
    totals: dict[str, dict[str, Cell]] = defaultdict(lambda: defaultdict(Cell))   # subject -> column -> cell
    for (entity_id, outlet), cell in cells.items():
        totals[entity_id][column.get(outlet, OTHERS)].add(cell)
        totals[entity_id][ALL].add(cell)
    order = sorted(totals, key=lambda e: (-totals[e][ALL].mentions, names[e]))
    lines = [(names[e], e, "subject", totals[e]) for e in order[:top_subjects]]
    if order[top_subjects:]:
        lines.append((OTHERS, None, OTHERS, summed(totals[e] for e in order[top_subjects:])))
    lines += side_lines(totals, names)
    columns = shown + ([OTHERS] if ranked[top_outlets:] else []) + [ALL]
    whole = {c: summed_column(totals.values(), c) for c in columns}
    return {"selection": {**selection_dict(selection), "label": describe(selection)}, "kind": kind,
            "outlets": columns, "articles": {c: column_articles(articles, column, c) for c in columns},
            "rows": [row(name, entity_id, line, c, cells_[c], whole[c])
                     for name, entity_id, line, cells_ in lines for c in columns]}


def summed(subjects) -> dict[str, Cell]:
    total: dict[str, Cell] = defaultdict(Cell)
    for columns in subjects:
        for name, cell in columns.items():
            total[name].add(cell)
    return total


def summed_column(subjects, column: str) -> Cell:
    total = Cell()
    for columns in subjects:
        if column in columns:
            total.add(columns[column])
    return total


def side_lines(totals: dict, names: dict[str, str]) -> list[tuple]:
    """A line per side of the groups file adding up its members' cells."""
    lines = []
    for side, members in groups().sides.items():
        wanted = {member.casefold() for member in members}
        ids = [e for e in totals if names[e].casefold() in wanted]
        if ids:
            lines.append((side, None, "side", summed(totals[e] for e in ids)))
    return lines


def column_articles(articles: dict[str, int], column: dict[str, str], name: str) -> int:
    if name == ALL:
        return sum(articles.values())
    return sum(count for outlet, count in articles.items() if column[outlet] == name)


def row(name: str, entity_id: str | None, line: str, outlet: str, cell: Cell, whole: Cell) -> dict:
    return {"subject": name, "entity_id": entity_id, "line": line, "outlet": outlet, **cell.counts(),
            "mention_share": ratio(cell.mentions, whole.mentions),
            "character_share": ratio(cell.characters, whole.characters)}


def selection_dict(selection: Selection) -> dict:
    return {"date_from": selection.date_from, "date_to": selection.date_to,
            "outlets": list(selection.outlets) if selection.outlets is not None else None,
            "language": selection.language}
