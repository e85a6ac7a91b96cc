"""The `sholu` command line. Every command prints errors to stderr and exits non-zero
on failure; every list command has --json.

Start-up is most of what a short command costs, so this module imports only click and
the store; the pipeline, its models and other heavy libraries are imported inside the
commands that use them (`sholu --help` imports none of them)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..services.text import first_words
from ..store import StoreError, default_target, open_store
from ..store.queries import people

if TYPE_CHECKING:
    from ..pipeline import Summary

DB_HELP = "Database: a SQLite file path or a postgresql:// URL (default: $SHOLU_DB or ./sholu.db)."
SAMPLE_CORPUS = "kz-referendum-2026"


def facet_options(command):
    """The filters search and export share."""
    options = [
        click.option("--outlet", help="Only this outlet, e.g. Kazpravda.kz."),
        click.option("--from", "date_from", metavar="YYYY-MM-DD", help="Published on or after."),
        click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Published on or before."),
        click.option("--person", metavar="NAME", help="Only articles naming this person (any form)."),
        click.option("--theme", metavar="THEME", help="Only articles on this theme, e.g. labour_rights."),
        click.option("--event", metavar="TYPE", help="Only articles reporting an event of this type or key."),
        OUTLETS_OPTION,
        LANGUAGE_OPTION,
    ]
    for option in reversed(options):
        command = option(command)
    return command


OUTLETS_HELP = ("Outlets and outlet groups (of the groups file, $SHOLU_GROUPS), comma-separated, "
                "e.g. 'state media,BAQ.KZ'.")
OUTLETS_OPTION = click.option("--outlets", metavar="NAMES", help=OUTLETS_HELP)
LANGUAGE_OPTION = click.option("--language", metavar="CODE",
                               help="Only articles in this language (ISO 639-1: ru, kk, …).")


def selection_options(command):
    """A period, an outlet set and a language: the filter lists and the report share."""
    for option in reversed([click.option("--from", "date_from", metavar="YYYY-MM-DD", help="Published on or after."),
                            click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Published on or before."),
                            OUTLETS_OPTION, LANGUAGE_OPTION]):
        command = option(command)
    return command


def asked(date_from, date_to, outlets, language=None):
    from ..services.selection import Asked

    return Asked(date_from, date_to, outlets, language)


def facet_filters(store, outlet, date_from, date_to, person, theme, event, with_copies, outlets=None,
                  language=None) -> dict:
    from ..services.facets import Facets, store_filters

    return store_filters(store, Facets(outlet, date_from, date_to, person, theme, event, with_copies, outlets,
                                       language))


def db_option(default=None):
    return click.option("--db", "db", default=default, metavar="DB", help=DB_HELP)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sholu")
def main():
    """Sholu: raw Russian-language news pages in, a structured record of who met whom,
    who said what and which texts are copies out.

    \b
    Start with:
      sholu demo                       # the bundled sample corpus into sholu-demo.db
      sholu run ~/news --db news.db    # your own files and folders
      sholu export --db news.db --format jsonl --out news.jsonl
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option()
@click.option("--jobs", "-j", type=click.IntRange(1), default=None,
              help="Worker processes (default: one per core).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where the per-document stages run: this machine's cores, or a Dask cluster.")
@click.option("--scheduler", metavar="tcp://HOST:8786",
              help="Dask scheduler to use (default: a local cluster, one worker per core).")
@click.option("--shards", metavar="DIR", type=click.Path(file_okay=False),
              help="Write the analysed documents as Parquet shards in DIR (a new or empty "
                   "folder) instead of a database; `sholu load DIR` imports them. Not with --db.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--wait", is_flag=True, help="If another run is writing the database, wait for it "
              "to finish (default: refuse).")
@click.option("--max-document-mb", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Largest text, page, JSON line, CSV row or WARC payload read "
                   "(default 8, or $SHOLU_MAX_DOCUMENT_MB).")
@click.option("--max-inflated-mb", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Most a compressed file may inflate to (default 2048, or $SHOLU_MAX_INFLATED_MB).")
@click.option("--max-ratio", type=click.FloatRange(min=1), default=None,
              help="Most a compressed file may inflate per byte past 64 MiB (default 200, or $SHOLU_MAX_RATIO).")
@click.option("--stage-seconds", type=click.FloatRange(min=0), default=None,
              help="Time budget of one document in one stage; past it the document is a problem "
                   "naming the stage (default 120, or $SHOLU_STAGE_SECONDS; 0: none).")
def run(paths, db, jobs, engine, scheduler, shards, as_json, quiet, wait, max_document_mb,
        max_inflated_mb, max_ratio, stage_seconds):
    """Ingest files and folders (recursively) and run every pipeline stage.

    Reads .txt, .html/.htm, .jsonl, .csv and .warc/.warc.gz; other files are sniffed.
    Input already stored by this pipeline version is skipped. Bad files are reported
    by name with the reason as they are met (and kept in the database's problems list,
    `sholu problems`) and never stop the run; the limits below bound what one document
    may cost. One run writes a database at a time: a second is refused (or, with
    --wait, waits).

    With --shards there is no database: each batch's analysed documents go to one
    Parquet file in DIR (on a cluster, written by the worker that analysed them), and
    every document is analysed whole, since nothing earlier can be compared with;
    `sholu load` later finds the copies and skips what the database already holds.

    \b
    Examples:
      sholu run articles/                     # into ./sholu.db
      sholu run feed.jsonl crawl.warc.gz --db campaign.db
      sholu run articles/ --json > summary.json
      sholu run archive/ --engine dask --scheduler tcp://10.0.0.5:8786 --db postgresql://…
      sholu run archive/ --engine dask --scheduler tcp://10.0.0.5:8786 --shards /shared/run1
    """
    if shards:
        if db:
            raise click.UsageError("--shards and --db are exclusive: a sharded run writes "
                                   "Parquet files and no database; import them afterwards "
                                   "with `sholu load DIR --db DB`")
        summary = run_sharded(paths, shards, jobs, quiet, engine, scheduler)
        print_shard_summary(summary, shards, as_json)
    else:
        limits = run_limits(max_document_mb, max_inflated_mb, max_ratio, stage_seconds)
        summary = run_pipeline(paths, db, jobs, quiet, engine, scheduler, limits=limits, wait=wait)
        print_summary(summary, db or default_target(), as_json, reported=True)
    if summary.errors and not (summary.read or summary.skipped):
        sys.exit(1)


@main.command()
@click.argument("shards", nargs=-1, required=True, type=click.Path())
@db_option()
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def load(shards, db, as_json, quiet):
    """Import the Parquet shards of `sholu run --shards DIR` into a database.

    SHARDS are shard folders (all their parts, in name order; the folder's manifest
    must match them) or single part files. Documents go through the dedup and writes
    of a direct run: copies of stored or earlier documents are marked and take their
    original's entities, so the database ends as `sholu run` into it would leave it.
    Sources already stored by this pipeline version are skipped: loading twice adds
    nothing. Every shard is checked first; a bad one is refused by name, and a shard
    is loaded whole or not at all.

    \b
    Examples:
      sholu load /shared/run1 --db postgresql://sholu@db/news
      sholu load run1/ run2/part-000007.parquet --db campaign.db --json
    """
    from .. import pipeline
    from ..store.shards import ShardError

    from ..store.base import RunLocked

    store = open_or_fail(db)
    try:
        with store.run_lock():
            summary = pipeline.load_shards(shards, store, progress=progress_bar(quiet, "doc"))
    except ShardError as err:
        raise click.ClickException(str(err)) from err
    except RunLocked as err:
        raise click.ClickException(f"{err}; load again when it has finished") from err
    finally:
        store.close()
    print_summary(summary, db or default_target(), as_json)


@main.command()
@db_option(default="sholu-demo.db")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def demo(db, as_json):
    """Run the pipeline on the bundled sample corpus and list what was stored.

    \b
    Example:
      sholu demo                 # writes ./sholu-demo.db
      sholu demo --db /tmp/d.db
    """
    from importlib import resources

    corpus = Path(str(resources.files("sholu.samples").joinpath(SAMPLE_CORPUS)))
    summary = run_pipeline(sorted(map(str, corpus.glob("*.txt"))), db, None, quiet=False)
    print_summary(summary, db, as_json)
    if not as_json:
        click.echo()
        print_documents(list_documents(db))
        click.echo("\nmost named people (sholu persons):")
        print_persons(read_store(db, lambda store: people.top_persons(store, 5)))


@main.command()
@db_option()
@LANGUAGE_OPTION
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def documents(db, language, as_json):
    """List stored documents: id, date, outlet, title, and the original of a copy.

    \b
    Examples:
      sholu documents --db sholu-demo.db
      sholu documents --db sholu-demo.db --language kk --json | jq .title
    """
    rows = [row for row in list_documents(db) if not language or row["language"] == language.strip().lower()]
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    else:
        print_documents(rows)


@main.command()
@db_option()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "xlsx"]),
              default="jsonl", show_default=True)
@click.option("--out", type=click.Path(), default="-", show_default=True,
              help="A file for jsonl ('-': standard output) and xlsx; a folder for csv and parquet.")
@click.option("--query", "-q", help="Only articles matching this search query.")
@facet_options
@click.option("--with-copies/--without-copies", default=True, show_default=True,
              help="Include reprints (the export keeps them, marked by duplicate_of).")
def export(db, fmt, out, query, outlet, date_from, date_to, person, theme, event, outlets, language, with_copies):
    """Export articles with the fields of the export contract: JSONL one object per
    article; CSV, Parquet and XLSX one table per kind (documents, persons,
    organizations, places, quotes, events, topics, dates, constitution_refs).
    Filters are those of `sholu search`.

    \b
    Examples:
      sholu export --db sholu-demo.db --format jsonl --out corpus.jsonl
      sholu export --db sholu-demo.db --format csv --out tables/
      sholu export --db sholu-demo.db --format xlsx --out corpus.xlsx --person Балаева
    """
    from ..export import export as write_export
    from ..export.select import filtered_records
    from ..store.search import QueryError

    store = open_or_fail(db, must_exist=True)
    try:
        filters = facet_filters(store, outlet, date_from, date_to, person, theme, event, with_copies, outlets,
                                language)
        counts = write_export(filtered_records(store, filters, query), fmt, Path(out))
    except (QueryError, ValueError, OSError) as err:     # SelectionError is a ValueError
        raise click.ClickException(f"{out}: {err}") from err
    finally:
        store.close()
    if out != "-":
        click.echo(f"exported {counts.get('documents', 0)} documents to {out} "
                   f"({', '.join(f'{k} {v}' for k, v in counts.items())})", err=True)


@main.command()
@db_option()
@click.option("--top", type=click.IntRange(1, 1_000_000), default=20, show_default=True)
@selection_options
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def persons(db, top, date_from, date_to, outlets, language, as_json):
    """People ranked by the number of articles naming them (copies not counted),
    with their latest positions; in a period and outlet set when given.

    \b
    Examples:
      sholu persons --db sholu-demo.db
      sholu persons --db sholu-demo.db --top 5 --json
      sholu persons --db sholu-demo.db --from 2026-02-23 --to 2026-03-01 --outlets "state media"
    """
    from ..services.reads import Paging, persons as ranked

    chosen = asked(date_from, date_to, outlets, language)
    rows = read_store(db, lambda store: ranked(store, Paging(top, 0), chosen)["items"])
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    print_persons(rows)


@main.command()
@click.argument("name")
@db_option()
@click.option("--json", "as_json", is_flag=True, help="The profile as one JSON object.")
def person(name, db, as_json):
    """One person: positions with the dates they were stated, articles, and the
    people most often named with them. NAME may be in any case or a surname.

    \b
    Examples:
      sholu person "Аида Балаева" --db sholu-demo.db
      sholu person Балаевой --db sholu-demo.db --json
    """
    from ..services.people import find_persons

    matches = read_store(db, lambda store: find_persons(store, name))
    if len(matches) != 1:
        listed = ", ".join(n for _, n in matches) if matches else "nobody"
        raise click.ClickException(f"{name!r} matches {listed}; give the full name")
    profile = read_store(db, lambda store: people.person_profile(store, matches[0][0]))
    if as_json:
        click.echo(json.dumps(profile, ensure_ascii=False, indent=2))
    else:
        print_profile(profile)


@main.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@db_option()
def aliases(file, db):
    """Apply an aliases file (merge, apart, block; see `sholu.nlp.aliases`) to the
    stored corpus now, without analysing anything again. Point $SHOLU_ALIASES at the
    same file so later runs apply it too.

    \b
    Example lines:
      merge,Елбасы,Нурсултан Назарбаев
      apart,Ахметов,Ерлан Ахметов
      block,Дискавери
    """
    from ..nlp.aliases import AliasError, read_aliases
    from ..services.aliases import apply_aliases

    try:
        corrections = read_aliases(file)
    except AliasError as err:
        raise click.ClickException(f"{file}: {err}") from err
    store = open_or_fail(db, must_exist=True)
    try:
        changed = apply_aliases(store, corrections)
    finally:
        store.close()
    click.echo(f"{changed} documents corrected")


@main.command()
@db_option()
@click.option("--speaker", metavar="NAME", help="Only this person's quotes (any case form or surname).")
@click.option("--topic", metavar="THEME", help="Only quotes on this theme, e.g. labour_rights.")
@click.option("--words", metavar="TEXT", help="Only quotes containing these words.")
@click.option("--tone", type=click.IntRange(-1, 1), help="Only quotes of this tone (-1, 0, 1).")
@selection_options
@click.option("--limit", type=click.IntRange(1, 1_000_000), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def quotes(db, speaker, topic, words, tone, date_from, date_to, outlets, language, limit, as_json):
    """Who said what: direct and indirect speech with the speaker, newest first; a line
    said in several articles shows how many times.

    \b
    Examples:
      sholu quotes --db sholu-demo.db
      sholu quotes --db sholu-demo.db --speaker Балаева --json
      sholu quotes --db sholu-demo.db --topic digital_rights
    """
    from ..services.people import find_persons
    from ..services.reads import Paging, quotes as said

    if speaker and not read_store(db, lambda store: find_persons(store, speaker)):
        raise click.ClickException(f"{speaker!r} matches nobody in {db or default_target()}")
    chosen = asked(date_from, date_to, outlets, language)
    rows = read_store(db, lambda store: said(store, speaker, topic, Paging(limit, 0), words, tone, chosen)["items"])
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False) if as_json else quote_line(row))


@main.command()
@db_option()
@click.option("--limit", type=click.IntRange(1, 1_000_000), default=100, show_default=True)
@selection_options
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def events(db, limit, date_from, date_to, outlets, language, as_json):
    """Campaign events, reports from different outlets grouped: date, city, venue,
    participants and the number of reports; those reported in a period and outlet set
    when given.

    \b
    Examples:
      sholu events --db sholu-demo.db
      sholu events --db sholu-demo.db --json --from 2026-02-23 --outlets "state media"
    """
    from ..services.reads import Paging, events as grouped

    chosen = asked(date_from, date_to, outlets, language)
    rows = read_store(db, lambda store: grouped(store, Paging(limit, 0), chosen)["items"])
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False) if as_json else event_line(row))


@main.command()
@db_option()
@selection_options
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def outlets(db, date_from, date_to, outlets, language, as_json):
    """Outlets by articles published: originals, copies, how many of their originals
    others reprinted, first and last publication date, main themes; in a period and
    outlet set when given.

    \b
    Examples:
      sholu outlets --db sholu-demo.db
      sholu outlets --db sholu-demo.db --json
    """
    from ..analytics import outlets as outlet_table

    chosen = asked(date_from, date_to, outlets, language)
    for row in read_store(db, lambda store: outlet_table(store, chosen.resolve(store))):
        click.echo(json.dumps(row, ensure_ascii=False) if as_json else outlet_line(row))


@main.command()
@db_option()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def regions(db, as_json):
    """Regions of Kazakhstan by the original articles naming a place in them (an
    article naming two towns of one region counts once).

    \b
    Examples:
      sholu regions --db sholu-demo.db
      sholu regions --db sholu-demo.db --json
    """
    from ..store.queries.regions import regions as region_rows

    for row in read_store(db, region_rows):
        click.echo(json.dumps(row, ensure_ascii=False) if as_json
                   else f"{row['articles']:>5}  {row['region']:<34} {', '.join(row['places'])}")


@main.command()
@click.argument("table", type=click.File(encoding="utf-8"))
@click.option("--out", type=click.File("w", encoding="utf-8"), default="-", show_default=True,
              help="Where the rows with their `predicted` column go.")
def tone(table, out):
    """Tone towards an entity in a sentence, for rows in RuSentNE-2023's format
    (tab-separated: sentence, entity, entity_tag, entity_pos_start_rel,
    entity_pos_end_rel[, label]); writes them back with `predicted` (-1/0/1). With labels,
    the last line is {"f1_pn": …, "f1_pn0": …}.

    \b
    Examples:
      sholu tone validation.tsv --out predicted.tsv
      sholu tone rows.tsv | tail -1
    """
    from ..tone.table import predict_rows, read_table, scores, write_table

    try:
        rows = predict_rows(read_table(table))
    except ValueError as error:
        raise click.ClickException(f"{table.name}: {error}") from error
    write_table(rows, out)
    figures = scores(rows)
    if figures is not None:
        out.flush()
        click.echo(json.dumps(figures))


@main.command()
@db_option()
@click.option("--errors", "severity", flag_value="error", help="Only what could not be stored.")
@click.option("--notes", "severity", flag_value="note", help="Only notes on stored documents.")
@click.option("--limit", type=click.IntRange(1, 1_000_000), default=100, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def problems(db, severity, limit, as_json):
    """What runs could not store and why (errors), or stored with something to report
    (notes: bytes replaced in decoding), newest first. A source stored since drops off.

    \b
    Examples:
      sholu problems --db campaign.db
      sholu problems --db campaign.db --errors --json | jq .reason
    """
    from ..store.queries.problems import list_problems

    for row in read_store(db, lambda store: list_problems(store, limit, severity)):
        click.echo(json.dumps(row, ensure_ascii=False) if as_json else
                   f"{row['noted_at'][:19]}  {row['severity']:<5}  {row['source']}: {row['reason']}")


@main.command()
@db_option()
def translations(db):
    """Link stored articles to their versions in other languages (an outlet's Kazakh
    report and its Russian one), as `sholu run` links those it reads: for articles
    stored before it did, or read in runs that never met. Links already there stay;
    running it again adds nothing.

    \b
    Example:
      sholu translations --db news.db
    """
    from ..dedup.translations import link_stored
    from ..store.base import RunLocked

    store = open_or_fail(db, must_exist=True)
    try:
        with store.run_lock():
            made = link_stored(store)
    except RunLocked as err:
        raise click.ClickException(f"{err}; link again when it has finished") from err
    finally:
        store.close()
    click.echo(f"{made} pairs of translations linked")


@main.command()
@click.option("--lang", "language", type=click.Choice(["kk", "ru"]), required=True,
              help="The language of the text: kk (Kazakh CRF) or ru (Natasha).")
@click.option("--conll", nargs=2, required=True, type=click.Path(), metavar="IN OUT",
              help="CoNLL in (token first, one per line, blank line between sentences) and out ('-': stdout).")
def ner(language, conll):
    """Named entities of a tokenised text: each line written back with a predicted IOB2
    tag (PERSON, GPE, LOCATION, ORGANISATION, …) in a new last column. A KazNERD id line
    («AID283875 O») is kept and tagged O.

    \b
    Examples:
      sholu ner --lang kk --conll IOB2_test.txt predicted.txt
      sholu ner --lang ru --conll tokens.txt -
    """
    from ..nlp.conll import read_conll, tagged_lines, tagger_for

    source, target = conll
    with click.open_file(source, encoding="utf-8") as handle:
        sentences = list(read_conll(handle))
    with click.open_file(target, "w", encoding="utf-8") as out:
        for line in tagged_lines(sentences, tagger_for(language)):
            out.write(line + "\n")


@main.command()
@click.argument("query")
@db_option()
@facet_options
@click.option("--with-copies", is_flag=True, help="Include reprints (left out by default).")
@click.option("--limit", type=click.IntRange(1, 1_000_000), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(0, 1_000_000_000), default=0, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per hit.")
def search(query, db, outlet, date_from, date_to, person, theme, event, outlets, language, with_copies, limit,
           offset, as_json):
    """Full-text search that knows Russian word forms: «трудовой коллектив» finds
    «трудовым коллективом», «Балаевой» finds every article about Аида Балаева.

    \b
    Query: words (all must occur), "a phrase", a OR b, -excluded, prefix*.
    Examples:
      sholu search "трудовой коллектив" --db sholu-demo.db
      sholu search Балаевой --db sholu-demo.db --from 2026-03-01 --json
      sholu search "цифровой OR персональный" --db sholu-demo.db --theme digital_rights
    """
    from ..services.selection import SelectionError
    from ..store.search import QueryError, parse_query, snippet

    store = open_or_fail(db, must_exist=True)
    try:
        parsed = parse_query(query)
        filters = facet_filters(store, outlet, date_from, date_to, person, theme, event, with_copies, outlets,
                                language)
        hits, total, estimated = store.search(parsed, filters, limit, offset)
    except QueryError as err:
        raise click.ClickException(f"bad query {query!r}: {err}") from err
    except SelectionError as err:
        raise click.ClickException(str(err)) from err
    finally:
        store.close()
    for hit in hits:
        text = hit.pop("text")
        hit["snippet"] = snippet(text, parsed.lemmas)
        hit["title"] = hit["title"] or first_words(text)
        click.echo(json.dumps(hit, ensure_ascii=False) if as_json else hit_line(hit))
    if not as_json:
        click.echo(f"{'about ' if estimated else ''}{total} article(s) found" + (f", showing {offset + 1}–{offset + len(hits)}" if hits else ""), err=True)


@main.command()
@db_option()
@click.option("--out", type=click.Path(dir_okay=False), default="report.html", show_default=True)
@selection_options
@click.option("--top-subjects", type=click.IntRange(1, 500), default=15, show_default=True,
              help="People and organisations in the share tables; the rest are one row.")
@click.option("--top-outlets", type=click.IntRange(1, 500), default=8, show_default=True,
              help="Outlets shown; the rest are one row or column.")
def report(db, out, date_from, date_to, outlets, language, top_subjects, top_outlets):
    """The observer's report as one self-contained, printable HTML page (no network
    needed to open it): summary, timeline, share of coverage and tone per subject and
    outlet (OSCE/ODIHR tables), outlets, themes and reprints, for a period and outlet
    set; the whole corpus adds share of voice, regions and co-occurrence.

    \b
    Examples:
      sholu report --db sholu-demo.db --out report.html
      sholu report --db news.db --from 2026-02-23 --to 2026-03-01 --outlets "state media,BAQ.KZ"
    """
    from ..analytics import write_report
    from ..services.selection import SelectionError

    store = open_or_fail(db, must_exist=True)
    try:
        selection = asked(date_from, date_to, outlets, language).resolve(store)
        path = write_report(store, Path(out), selection, top_subjects=top_subjects, top_outlets=top_outlets)
    except SelectionError as err:
        raise click.ClickException(str(err)) from err
    finally:
        store.close()
    click.echo(f"report written to {path}", err=True)


@main.command()
@db_option()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--token", envvar="SHOLU_API_TOKEN", help="Bearer token for writes (or $SHOLU_API_TOKEN); "
              "without one, POST /api/documents is refused.")
@click.option("--auth", envvar="SHOLU_AUTH", metavar="token:SECRET|basic:USER:PASSWORD",
              help="Close reading (dashboard, API, /docs) behind a token or a user name and "
                   "password (or $SHOLU_AUTH); see the README's deployment section.")
def serve(db, host, port, token, auth):
    """The dashboard at / and the REST API at /api/ (OpenAPI at /openapi.json) under uvicorn.

    \b
    Examples:
      sholu serve --db sholu-demo.db
      SHOLU_API_TOKEN=secret sholu serve --db campaign.db --port 8080
      sholu serve --db campaign.db --host 0.0.0.0 --auth basic:analyst:long-passphrase
    """
    import uvicorn

    from ..access import AuthError, ReadAuth
    from ..server import create_app

    target = db or default_target()
    open_or_fail(target, must_exist=True).close()
    try:
        ReadAuth.parse(auth)
    except AuthError as err:
        raise click.BadParameter(str(err), param_hint="--auth") from err
    if host not in ("127.0.0.1", "localhost", "::1") and not auth:
        click.echo(f"warning: listening on {host} with no --auth: anyone who reaches it reads "
                   "the whole corpus", err=True)
    click.echo(f"dashboard: http://{host}:{port}/   API: http://{host}:{port}/api/documents", err=True)
    uvicorn.run(create_app(target, token, auth=auth or ""), host=host, port=port, log_level="info")


# -- helpers ------------------------------------------------------------------------

def hit_line(hit: dict) -> str:
    return (f"{hit['id']}  {hit['published'] or '—':10}  {hit['outlet'] or '—':13}  "
            f"{first_words(hit['title'] or '', 50)}\n    {hit['snippet']}")



def event_line(row: dict) -> str:
    inferred = " (city inferred from the venue)" if row["city_inferred"] else ""
    return (f"{row['date'] or '—':10}  {first_words(row['title'], 160)}"
            f" · {row['reports']} report(s), {row['original_reports']} original{inferred}")



def outlet_line(row: dict) -> str:
    themes = ", ".join(t["topic"] for t in row["top_themes"][:3])
    return (f"{row['outlet'] or '—':16} {row['originals']:>5} orig. {row['copies']:>4} copies "
            f"{row['originals_reprinted_elsewhere']:>4} reprinted  {row['first_date'] or '—':10} – "
            f"{row['last_date'] or '—':10}  {themes}")


def quote_line(row: dict) -> str:
    said = f"  [said {row['times_said']}×]" if row["times_said"] > 1 else ""
    text = row["text"] if len(row["text"]) <= 160 else row["text"][:160].rsplit(" ", 1)[0] + "…"
    mark = "«»" if row["kind"] == "direct" else "~"
    return (f"{row['published'] or '—':10}  {row['outlet'] or '—':13}  {row['speaker'] or '?'}"
            f" {mark} {text}{said}")



def print_persons(rows: list[dict]) -> None:
    for row in rows:
        position = row["positions"][0] if row["positions"] else ""
        click.echo(f"{row['articles']:>4} art. {row['mentions']:>4} ment.  {row['name']:<28} {position}")


def print_profile(profile: dict) -> None:
    click.echo(f"{profile['name']}  ({profile['entity_id']})")
    click.echo("positions:")
    for item in profile["positions"]:
        click.echo(f"  {item['published'] or '—':10}  {item['position']}  [{item['document_id']}]")
    click.echo("articles:")
    for item in profile["articles"]:
        copy = f"  copy of {item['duplicate_of']}" if item["duplicate_of"] else ""
        click.echo(f"  {item['published'] or '—':10}  {item['outlet'] or '—':14}  "
                   f"{first_words(item['title'] or item['first_words'])}{copy}")
    click.echo("named with:")
    for item in profile["co_mentioned"][:10]:
        click.echo(f"  {item['articles']:>3}  {item['name']}")




def open_or_fail(db: str | None, must_exist: bool = False):
    target = db or default_target()
    if must_exist and "://" not in target and not Path(target).is_file():
        raise click.ClickException(f"{target}: no such database (run `sholu run` first)")
    try:
        return open_store(target)
    except StoreError as err:
        raise click.ClickException(str(err)) from err


def read_store(db: str | None, read):
    """`read(store)` on the stored database, closed afterwards."""
    from ..services.selection import SelectionError

    store = open_or_fail(db, must_exist=True)
    try:
        return read(store)
    except SelectionError as err:
        raise click.ClickException(str(err)) from err
    finally:
        store.close()


def progress_bar(quiet: bool, unit: str):
    """A tqdm bar factory on a terminal, else None."""
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return lambda total: tqdm(total=total, unit=unit, file=sys.stderr)


def run_limits(document_mb, inflated_mb, ratio, stage_seconds):
    from ..ingest.limits import MIB, Limits

    return Limits.resolve(max_document_bytes=document_mb and document_mb * MIB,
                          max_inflated_bytes=inflated_mb and inflated_mb * MIB,
                          max_ratio=ratio, stage_seconds=stage_seconds)


def run_pipeline(paths, db, jobs, quiet, engine="local", scheduler=None, limits=None,
                 wait=False) -> Summary:
    from .. import pipeline
    from ..store.base import RunLocked

    store = open_or_fail(db)
    try:
        with store.run_lock(wait):
            return pipeline.run(paths, store, jobs=jobs, progress=progress_bar(quiet, "file"),
                                engine=engine, scheduler=scheduler, limits=limits,
                                on_problem=print_problem)
    except RunLocked as err:
        raise click.ClickException(f"{err}; run again when it has finished, or pass --wait") from err
    finally:
        store.close()


def run_sharded(paths, folder, jobs, quiet, engine, scheduler) -> Summary:
    from .. import pipeline
    from ..store.shards import ShardError

    try:
        summary, shards = pipeline.run_to_shards(paths, folder, jobs=jobs, engine=engine,
                                                 scheduler=scheduler,
                                                 progress=progress_bar(quiet, "file"))
    except ShardError as err:
        raise click.ClickException(str(err)) from err
    summary.totals = {"shards": shards, "documents": summary.new}
    return summary


def print_shard_summary(summary: Summary, folder: str, as_json: bool) -> None:
    if as_json:
        result = summary.as_dict()
        click.echo(json.dumps({"shards": folder, "files": summary.totals["shards"],
                               "read": summary.read, "analysed": summary.analysed,
                               "written": summary.new, "seconds": result["seconds"],
                               "errors": result["errors"]}, ensure_ascii=False, indent=2))
    else:
        click.echo(f"{folder}: read {summary.read}, analysed {summary.analysed}, wrote "
                   f"{summary.new} documents in {summary.totals['shards']} shard(s), "
                   f"errors {len(summary.errors)}  [{summary.seconds:.2f} s]")
        click.echo(f"next: sholu load {folder} --db DB")
    print_problems(summary)


def print_summary(summary: Summary, db: str, as_json: bool, reported: bool = False) -> None:
    """The run's counts; its problems too, unless they were `reported` as they happened."""
    if as_json:
        click.echo(json.dumps({"db": db, **summary.as_dict()}, ensure_ascii=False, indent=2))
    else:
        click.echo(
            f"{db}: read {summary.read}, new {summary.new} "
            f"(duplicates {summary.duplicates}), skipped {summary.skipped} already stored, "
            f"errors {len(summary.errors)}  [{summary.seconds:.2f} s]")
        totals = summary.totals
        click.echo(f"store: {totals['documents']} documents, {totals['originals']} originals, "
                   f"{totals['duplicates']} copies, {totals['outlets']} outlets")
    if not reported:
        print_problems(summary)


def print_problems(summary: Summary) -> None:
    for problem in summary.errors:
        print_problem(problem)


def print_problem(problem) -> None:
    label = "note" if problem.severity == "note" else "error"
    click.echo(f"{label}: {problem.source}: {problem.reason}", err=True)


def list_documents(db) -> list[dict]:
    store = open_or_fail(db, must_exist=True)
    rows = [{"id": d.id, "published": d.published, "outlet": d.outlet, "language": d.language,
             "title": d.title or first_words(d.text), "duplicate_of": d.duplicate_of,
             "source": d.source} for d in store.documents()]
    store.close()
    return rows


def print_documents(rows: list[dict]) -> None:
    for row in rows:
        copy = f"  copy of {row['duplicate_of']}" if row["duplicate_of"] else ""
        click.echo(f"{row['id']}  {row['published'] or '—':10}  {row['outlet'] or '—':14}  "
                   f"{first_words(row['title'])}{copy}")
