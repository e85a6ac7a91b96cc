"""The coverage report: one HTML file with everything inline (styles, SVG charts), so
it opens from a mail attachment or a USB stick with no network. Every text that comes
from articles is escaped; headings and explanations are in Russian for the analysts."""
from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path

from ..services.selection import describe
from ..store.queries.common import ALL_TIME, Selection, ratio
from .coverage import regions_over_time, summary, themes_over_time, timeline
from .network import co_occurrence
from .outlets import outlets, reprints
from .periods import all_periods, best_period, period_of
from .shares import ALL, OTHERS, TOP_OUTLETS, TOP_SUBJECTS, subject_table
from .svg import bar_chart, line_chart, stacked_shares
from .voice import share_of_voice

TOP_ENTITIES = 15
TOP_OVER_TIME = 6          # more lines than this on one chart cannot be told apart
TOP_PAIRS = 30
TOP_REPRINTS = 20
COPIES_LISTED = 10         # of a group's copies; the rest are counted
NO_OUTLET = "издание не указано"
UNDATED = "без даты"
EVENT_TYPES = {"meeting": "встреча", "election": "выборы", "referendum": "референдум",
               "press_conference": "пресс-конференция", "other": "другое"}
PERIOD_NAMES = {"day": "по дням", "week": "по неделям (ISO, «2026-W09»)"}

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1040px; padding: 0 1rem;
       color: #222; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.5rem; border-bottom: 2px solid #2f6db5; }
h3 { margin-top: 1.5rem; font-size: 1.05rem; }
p.note { color: #555; margin: .3rem 0 .8rem; }
nav a { margin-right: .8rem; white-space: nowrap; }
.scroll { overflow-x: auto; margin-bottom: 1rem; }
table { border-collapse: collapse; font-size: .88rem; margin: .5rem 0; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; vertical-align: top; text-align: left; }
th { background: #eef2f8; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
svg.chart { max-width: 100%; height: auto; display: block; margin: .5rem 0; }
footer { margin-top: 3rem; color: #777; font-size: .85rem; }
@media print { nav { display: none; } section { break-inside: avoid-page; } body { margin: 0; max-width: none; }
               .scroll { overflow: visible; } table { font-size: .75rem; } }
"""


class Html(str):
    """Markup built here from escaped parts: a table puts it in as it is."""


def text(value) -> str:
    return "—" if value is None or value == "" else escape(str(value))


def outlet_name(outlet: str | None) -> str:
    return outlet or NO_OUTLET


def period_name(period: str | None) -> str:
    return period or UNDATED


def percent(share: float) -> str:
    return f"{share * 100:.1f} %"


def table(headers: list[str], rows: list[list]) -> Html:
    """A data table; numbers right-aligned, everything but `Html` cells escaped."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(cell(value) for value in row) + "</tr>" for row in rows)
    if not rows:
        body = f'<tr><td colspan="{len(headers)}">нет данных</td></tr>'
    return Html(f'<div class="scroll"><table><thead><tr>{head}</tr></thead>'
                f'<tbody>{body}</tbody></table></div>')


def cell(value) -> str:
    if isinstance(value, Html):
        return f"<td>{value}</td>"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f'<td class="num">{value}</td>'
    return f"<td>{text(value)}</td>"


def lines(items: list[str]) -> Html:
    """Several values in one cell, one per line."""
    return Html("<br>".join(text(item) for item in items) or "—")


def section(anchor: str, heading: str, note: str, *parts: str) -> str:
    return (f'<section id="{anchor}"><h2>{escape(heading)}</h2><p class="note">{escape(note)}</p>'
            + "".join(parts) + "</section>")


def subheading(title: str, note: str = "") -> str:
    return f"<h3>{escape(title)}</h3>" + (f'<p class="note">{escape(note)}</p>' if note else "")


# -- time series shared by the timeline, people, themes and regions -----------------------

def chart_periods(points: list[dict], by: str, selection: Selection = ALL_TIME) -> list[str]:
    """Every period from the first dated point to the last (from the selection's first
    day to its last, when it has them), quiet ones included."""
    dated = sorted(p["period"] for p in points if p["period"])
    if not dated:
        return []
    first = period_of(selection.date_from, by) or dated[0]
    last = period_of(selection.date_to, by) or dated[-1]
    return all_periods(first, last, by)


def over_time(rows: list[dict], label, series_of, by: str, title: str) -> str:
    """A line chart of the first rows and, under it, the table of all rows by period."""
    points = [p for row in rows for p in series_of(row)]
    periods = chart_periods(points, by)
    values = {label(row): counts_in(series_of(row), periods) for row in rows[:TOP_OVER_TIME]}
    table_periods = sorted({p["period"] for p in points if p["period"]})
    has_undated = any(p["period"] is None for p in points)
    headers = ["", *table_periods, *([UNDATED] if has_undated else [])]
    body = [[label(row), *counts_in(series_of(row), table_periods),
             *([counts_in(series_of(row), [None])[0]] if has_undated else [])] for row in rows]
    return line_chart(periods, values, title) + table(headers, body)


def counts_in(points: list[dict], periods: list, field: str = "articles") -> list[int]:
    found = {p["period"]: p[field] for p in points}
    return [found.get(period, 0) for period in periods]


# -- sections ------------------------------------------------------------------------------

def summary_section(overview: dict, by: str, selection: Selection = ALL_TIME) -> str:
    rows = [["Выборка (период · издания)", describe(selection)],
            ["Документов всего", overview["documents"]],
            ["Оригинальных статей", overview["originals"]],
            ["Копий (перепечаток)", overview["copies"]],
            ["Изданий", overview["outlets"]],
            ["Изданий с оригинальными статьями", overview["outlets_with_originals"]],
            ["Период публикаций", f"{overview['first_date'] or '—'} — {overview['last_date'] or '—'}"],
            ["Оригиналов без даты", overview["undated_originals"]],
            ["Людей / организаций / мест", f"{overview['persons']} / {overview['organizations']} / "
                                           f"{overview['places']}"],
            ["Цитат", overview["quotes"]],
            ["Событий", overview["events"]],
            ["Шаг временных рядов", PERIOD_NAMES[by]]]
    return section("summary", "Сводка по корпусу",
                   "Оригинал — первая публикация текста; копия — точная или почти точная "
                   "перепечатка другого документа. Все показатели ниже, если не сказано иное, "
                   "считаются по оригиналам, чтобы один пресс-релиз не засчитывался многократно.",
                   table(["Показатель", "Значение"], rows))


def timeline_section(store, by: str, selection: Selection = ALL_TIME) -> str:
    points = timeline(store, by, selection)
    periods = chart_periods(points, by, selection)
    chart = line_chart(periods, {"Оригиналы": counts_in(points, periods),
                                 "Копии": counts_in(points, periods, "copies")},
                       "Публикации по времени")
    counted = {p["period"]: p for p in points}
    rows = [[period_name(period), counted.get(period, {}).get("articles", 0), counted.get(period, {}).get("copies", 0)]
            for period in [*periods, *([None] if None in counted else [])]]    # quiet periods as zeros
    return section("timeline", "Динамика публикаций",
                   f"Число оригинальных статей и копий {PERIOD_NAMES[by]}; статьи без даты "
                   "на графике не показаны, они в последней строке таблицы.",
                   chart, table(["Период", "Оригиналы", "Копии"], rows))


def people_section(store, by: str, selection: Selection = ALL_TIME, top_outlets: int = TOP_OUTLETS) -> str:
    people = share_of_voice(store, "person", "total", TOP_ENTITIES, selection)
    chart = bar_chart([p["name"] for p in people],
                      {"Статей": [p["articles"] for p in people], "Цитат": [p["quotes"] for p in people]},
                      "Люди: статьи и цитаты")
    rows = [[p["name"], p["articles"], p["mentions"], percent(p["mention_share"]), p["quotes"]]
            for p in people]
    by_outlet = share_of_voice(store, "person", "outlet", TOP_ENTITIES, selection)
    over = share_of_voice(store, "person", by, TOP_OVER_TIME, selection)
    return section(
        "people", "Доля голоса: люди",
        "Сколько оригинальных статей называют человека, сколько раз он упомянут, его доля среди "
        "всех упоминаний людей и сколько его цитат (прямая и косвенная речь) приведено.",
        chart, table(["Человек", "Статей", "Упоминаний", "Доля упоминаний", "Цитат"], rows),
        subheading("По изданиям", f"Число оригинальных статей каждого издания, называющих человека; "
                                  f"{top_outlets} изданий, остальные — одним столбцом."),
        outlet_matrix(by_outlet, top_outlets),
        subheading("Во времени", f"Статьи, называющие человека, {PERIOD_NAMES[by]}."),
        over_time(over, lambda p: p["name"], lambda p: p["breakdown"], by, "Люди во времени"))


def outlet_matrix(entities: list[dict], top: int = TOP_OUTLETS) -> str:
    """Articles per person and outlet: the `top` outlets, the rest added up."""
    totals: dict[str | None, int] = {}
    for entity in entities:
        for part in entity["breakdown"]:
            totals[part["outlet"]] = totals.get(part["outlet"], 0) + part["articles"]
    ranked = sorted(totals, key=lambda o: (-totals[o], o is None, o or ""))
    columns, rest = ranked[:top], set(ranked[top:])
    rows = [[e["name"], *[next((p["articles"] for p in e["breakdown"] if p["outlet"] == o), 0) for o in columns],
             *([sum(p["articles"] for p in e["breakdown"] if p["outlet"] in rest)] if rest else [])]
            for e in entities]
    others = [f"{OTHER_OUTLETS} ({len(rest)})"] if rest else []
    return table(["", *[outlet_name(o) for o in columns], *others], rows)


def organisations_section(store, selection: Selection = ALL_TIME) -> str:
    organisations = share_of_voice(store, "organization", "total", TOP_ENTITIES, selection)
    chart = bar_chart([o["name"] for o in organisations],
                      {"Статей": [o["articles"] for o in organisations],
                       "Упоминаний": [o["mentions"] for o in organisations]},
                      "Организации: статьи и упоминания")
    rows = [[o["name"], o["articles"], o["mentions"], percent(o["mention_share"])] for o in organisations]
    return section("organisations", "Доля голоса: организации",
                   "Госорганы, партии, предприятия и объединения по числу оригинальных статей, "
                   "которые их называют, и по числу упоминаний.",
                   chart, table(["Организация", "Статей", "Упоминаний", "Доля упоминаний"], rows))


def outlets_section(store, selection: Selection = ALL_TIME, top: int = TOP_OUTLETS) -> str:
    every = outlets(store, selection)
    table_rows = every[:top] + ([other_outlets(every[top:])] if every[top:] else [])
    chart = bar_chart([outlet_name(o["outlet"]) for o in table_rows],
                      {"Оригиналы": [o["originals"] for o in table_rows],
                       "Копии": [o["copies"] for o in table_rows]},
                      "Издания: оригиналы и копии")
    rows = [[outlet_name(o["outlet"]), o["articles"], o["originals"], o["copies"],
             percent(o["reprint_share"]), o["originals_reprinted_elsewhere"],
             lines([f"{t['label']} ({t['articles']})" for t in o["top_themes"]]),
             o["people_quoted"], lines(o["speakers"]), o["first_date"], o["last_date"]]
            for o in table_rows]
    return section(
        "outlets", "Издания",
        f"Главные {top} изданий по числу публикаций, остальные — одной строкой. "
        "Все публикации каждого издания, включая копии: доля перепечаток — копии от всех его "
        "публикаций; «перепечатано другими» — сколько его оригиналов скопировали другие издания. "
        "Темы и цитируемые люди — по всем публикациям издания.",
        chart, table(["Издание", "Всего", "Оригиналы", "Копии", "Доля перепечаток",
                      "Перепечатано другими", "Главные темы", "Цитируемых людей", "Кто цитируется",
                      "Первая дата", "Последняя дата"], rows))


OTHER_OUTLETS = "остальные издания"
SUMMED = ("articles", "originals", "copies", "originals_reprinted_elsewhere", "people_quoted")


def other_outlets(rows: list[dict]) -> dict:
    """The outlets past the top added up into one row."""
    total = {key: sum(row[key] for row in rows) for key in SUMMED}
    dates = [row[key] for row in rows for key in ("first_date", "last_date") if row[key]]
    return {"outlet": f"{OTHER_OUTLETS} ({len(rows)})", **total, "reprint_share": ratio(total["copies"], total["articles"]),
            "top_themes": [], "speakers": [], "first_date": min(dates, default=None),
            "last_date": max(dates, default=None)}


# -- share of coverage and tone (the ODIHR tables) -------------------------------------

SUBJECT_KINDS = {"person": ("shares-people", "Доля освещения и тон: люди"),
                 "organization": ("shares-organisations", "Доля освещения и тон: организации")}
LINE_NAMES = {OTHERS: "остальные", "side": "сторона"}


def column_name(outlet: str) -> str:
    return {OTHERS: OTHER_OUTLETS, ALL: "все издания"}.get(outlet, outlet)


def subject_name(row: dict) -> str:
    if row["line"] == OTHERS:
        return "остальные субъекты"
    return f"{row['subject']} (сторона)" if row["line"] == "side" else row["subject"]


def shares_section(store, kind: str, selection: Selection, top_subjects: int, top_outlets: int) -> str:
    """Per subject: share of mentions in each outlet, then volume and tone over all
    outlets, with the tone as stacked bars: the numbers of `subject_table` as they are."""
    anchor, heading = SUBJECT_KINDS[kind]
    found = subject_table(store, selection, kind, top_subjects, top_outlets)
    columns = found["outlets"]
    lines: dict[str, dict[str, dict]] = {}
    for row in found["rows"]:
        lines.setdefault(subject_name(row), {})[row["outlet"]] = row
    share_rows = [[name, *[f"{percent(cells[c]['mention_share'])} ({cells[c]['mentions']})" for c in columns]]
                  for name, cells in lines.items()]
    totals = [(name, cells[ALL]) for name, cells in lines.items()]
    volume_rows = [[name, t["articles"], t["mentions"], t["headline_mentions"], t["characters"],
                    percent(t["character_share"]), t["positive"], t["neutral"], t["negative"]] for name, t in totals]
    chart = stacked_shares([name for name, _ in totals],
                           {"позитивно": [t["positive"] for _, t in totals],
                            "нейтрально": [t["neutral"] for _, t in totals],
                            "негативно": [t["negative"] for _, t in totals]}, f"{heading}: тон упоминаний")
    return section(
        anchor, heading,
        f"Методика ODIHR: доля субъекта среди упоминаний всех субъектов в издании (в скобках — "
        f"упоминаний), включая перепечатки; главные {top_subjects} субъектов и {top_outlets} изданий, "
        "остальные — одной строкой и одним столбцом. Ниже — объём по всем изданиям: статьи, упоминания, "
        "заголовки, символы предложений о субъекте и тон упоминаний (если тон не определён — нули).",
        table(["Субъект", *[column_name(c) for c in columns]], share_rows),
        chart,
        table(["Субъект", "Статей", "Упоминаний", "В заголовках", "Символов", "Доля символов",
               "Позитивно", "Нейтрально", "Негативно"], volume_rows))


def themes_section(store, by: str, selection: Selection = ALL_TIME) -> str:
    themes = themes_over_time(store, by, selection)
    chart = bar_chart([t["label"] for t in themes], {"Статей": [t["articles"] for t in themes]},
                      "Темы: число статей")
    return section(
        "themes", "Темы кампании",
        "Оригинальные статьи, в которых тема звучит уверенно (одна статья может относиться "
        "к нескольким темам).",
        chart, table(["Тема", "Код", "Статей"], [[t["label"], t["topic"], t["articles"]] for t in themes]),
        subheading("Темы во времени", f"Статьи по темам {PERIOD_NAMES[by]}; на графике — "
                                      f"{TOP_OVER_TIME} главных тем."),
        over_time(themes, lambda t: t["label"], lambda t: t["series"], by, "Темы во времени"))


def regions_section(store, by: str, selection: Selection = ALL_TIME) -> str:
    regions = regions_over_time(store, by, selection)
    chart = bar_chart([r["region"] for r in regions], {"Статей": [r["articles"] for r in regions]},
                      "Регионы: число статей")
    rows = [[r["region"], lines(r["places"]), r["articles"]] for r in regions]
    return section(
        "regions", "Регионы",
        "Оригинальные статьи, называющие населённый пункт или область региона Казахстана "
        "(регион берётся из справочника мест).",
        chart, table(["Регион", "Названные места", "Статей"], rows),
        subheading("Регионы во времени", f"Статьи по регионам {PERIOD_NAMES[by]}."),
        over_time(regions, lambda r: r["region"], lambda r: r["series"], by, "Регионы во времени"))


def pairs_section(store, selection: Selection = ALL_TIME) -> str:
    pairs = co_occurrence(store, TOP_PAIRS, selection)
    labels = [f"{p['person_a']['name']} — {p['person_b']['name']}" for p in pairs]
    chart = bar_chart(labels[:TOP_ENTITIES], {"Статей": [p["articles"] for p in pairs[:TOP_ENTITIES]]},
                      "Люди, названные вместе")
    rows = [[p["person_a"]["name"], p["person_b"]["name"], p["articles"],
             lines([event_line(e) for e in p["shared_events"]])] for p in pairs]
    return section(
        "co-occurrence", "Кто упоминается вместе",
        "Пары людей, названных в одних и тех же оригинальных статьях, и события, в которых "
        "оба указаны участниками.",
        chart, table(["Человек", "Человек", "Общих статей", "Общие события"], rows))


def event_line(event: dict) -> str:
    parts = [EVENT_TYPES.get(event["type"], event["type"]), event["date"] or UNDATED,
             event["city"], event["venue"]]
    return ", ".join(part for part in parts if part)


def where_and_when(article: dict) -> str:
    return f"{outlet_name(article['outlet'])}, {period_name(article['published'])}"


def first_copies(copies: list[dict]) -> list[str]:
    """Where and when the first COPIES_LISTED copies appeared, and how many more there are."""
    listed = [where_and_when(copy) for copy in copies[:COPIES_LISTED]]
    return listed + ([f"… и ещё {len(copies) - COPIES_LISTED}"] if len(copies) > COPIES_LISTED else [])


def reprints_section(store, selection: Selection = ALL_TIME) -> str:
    groups = reprints(store, selection)[:TOP_REPRINTS]
    labels = [f"{where_and_when(g['original'])}: {g['original']['title'] or g['original']['first_words']}"
              for g in groups]
    chart = bar_chart(labels, {"Копий": [len(g["copies"]) for g in groups]}, "Перепечатки: копий на оригинал")
    rows = [[where_and_when(g["original"]),
             lines([part for part in (g["original"]["title"], g["original"]["first_words"]) if part]),
             lines(first_copies(g["copies"])),
             where_and_when(g["first_appearance"]),
             g["outlets"]] for g in groups]
    return section(
        "reprints", "Перепечатки",
        f"До {TOP_REPRINTS} самых больших групп почти одинаковых текстов: оригинал и его копии в других изданиях. Первое "
        "появление — самая ранняя датированная публикация группы (при равенстве или без дат — оригинал).",
        chart, table(["Оригинал", "Заголовок и начало текста", "Копии", "Первое появление", "Изданий"],
                     rows))


# -- the page -------------------------------------------------------------------------------

SECTIONS = (("summary", "Сводка"), ("timeline", "Динамика"), ("shares-people", "Доля: люди"),
            ("shares-organisations", "Доля: организации"), ("people", "Люди"),
            ("organisations", "Организации"), ("outlets", "Издания"), ("themes", "Темы"),
            ("regions", "Регионы"), ("co-occurrence", "Связи"), ("reprints", "Перепечатки"))


def render_report(store, selection: Selection = ALL_TIME, top_subjects: int = TOP_SUBJECTS,
                  top_outlets: int = TOP_OUTLETS) -> str:
    """The report of a period and outlet set (the whole corpus by default): every
    section counts the selection's articles; long lists stop at their top rows."""
    overview = summary(store, selection)
    by = best_period(overview["first_date"], overview["last_date"])
    sections = [summary_section(overview, by, selection), timeline_section(store, by, selection),
                shares_section(store, "person", selection, top_subjects, top_outlets),
                shares_section(store, "organization", selection, top_subjects, top_outlets),
                people_section(store, by, selection, top_outlets), organisations_section(store, selection),
                outlets_section(store, selection, top_outlets), themes_section(store, by, selection),
                regions_section(store, by, selection), pairs_section(store, selection),
                reprints_section(store, selection)]
    nav = "".join(f'<a href="#{anchor}">{escape(name)}</a>' for anchor, name in SECTIONS)
    generated = datetime.now().strftime("%Y-%m-%d %H:%M")
    return ("<!DOCTYPE html>\n<html lang=\"ru\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>Sholu — обзор освещения</title><style>{STYLE}</style></head><body>"
            "<h1>Sholu — обзор освещения в СМИ</h1>"
            f'<p class="note">Выборка: {escape(describe(selection))}. Отчёт создан {escape(generated)}. '
            "Файл самодостаточен: открывается без сети.</p>"
            f"<nav>{nav}</nav>" + "".join(sections)
            + "<footer>Sholu — открытый монитор русскоязычных СМИ Казахстана.</footer></body></html>\n")


def write_report(store, out_path, selection: Selection = ALL_TIME, **tops) -> Path:
    """Write the report to `out_path` (UTF-8) and return its path."""
    path = Path(out_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(store, selection, **tops), encoding="utf-8")
    return path
