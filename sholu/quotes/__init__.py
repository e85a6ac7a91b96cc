"""Quotes: who said what. Direct speech in quote marks («…», “…”, "…") or dialogue lines,
interview answers and headlines led by a name (sholu/quotes/direct.py); indirect speech
(sholu/quotes/indirect.py); speakers resolved across the article to its people,
organisations and groups (sholu/quotes/speakers.py). Every step looks at a bounded
stretch around one sentence or one quotation, so the stage is linear in the text."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace

from ..document import Document
from ..lang import LanguagePack, stage_pack
from .direct import direct_quotes
from .indirect import indirect_quotes
from .interview import answer_lines, outside_questions, split_answers
from .marks import quoted_spans
from .speakers import Speaker, SpeakerFinder, lowered_words
from .text import Reading, Sentences, Spans, trim

FOLLOW_GAP = 400          # characters over which an unattributed quote keeps the last speaker
PARAGRAPH_FOLLOW_GAP = 1500   # … and over which a paragraph of quotation keeps the last quoted one
TITLE_WORDS = 2           # words of a title between a body's genitive and the person it names


def annotate_quotes(doc: Document) -> Document:
    pack = stage_pack(doc.language)
    quotes = extract_quotes(doc.text, doc.persons, pack, doc.organizations, doc.places)
    if doc.title and not doc.text.startswith(doc.title):
        doc.quotes = not_repeated(headline_quotes(doc.title, doc.persons, pack), quotes) + quotes
    else:
        quotes = mark_headline(doc.text, quotes, doc.title)
        body = [q for q in quotes if not q["in_title"]]
        doc.quotes = not_repeated([q for q in quotes if q["in_title"]], body) + body
    return doc


def headline_quotes(title: str, persons: list[dict], pack: LanguagePack) -> list[dict]:
    """«Путин: Россия выполнила задачи» as a headline apart from the text: its people are
    the article's, found by name (their spans are the text's), its offsets the title's."""
    named = [{**person, "spans": [], "references": []} for person in persons]
    quotes = extract_quotes(title, named, pack)
    for quote in quotes:
        quote["in_title"] = True
    return quotes


def not_repeated(headline: list[dict], body: list[dict]) -> list[dict]:
    """The headline's quotes the body does not give again (a headline «Балаева: «…»» mostly
    repeats the body's words, or a shortening of them: one statement, counted once). A
    headline's indirect speech («Горняки потребовали пересмотреть ставки») is the story's
    summary in the author's words, not a statement."""
    return [q for q in headline if q["kind"] == "direct" and not any(repeats(q, said) for said in body)]


def repeats(headline: dict, said: dict) -> bool:
    """«Для сёл это не абстракция» of «Для сёл нашей области … это не абстракция»: every
    word of the headline's quote in one statement of the same speaker (or the words as
    they stand in anyone's)."""
    words = plain(headline["text"])
    if words in plain(said["text"]):
        return True
    return said["speaker"] == headline["speaker"] and set(words.split()) <= set(plain(said["text"]).split())


def plain(text: str) -> str:
    return " ".join(lowered_words(text.strip(" .,!?…«»\"“”")))


def mark_headline(text: str, quotes: list[dict], title: str | None) -> list[dict]:
    """Quotes in the headline the text opens with: the title, or a first line with no
    full stop (as plain-text articles are written)."""
    first_line = text.split("\n", 1)[0]
    looks_like_one = "\n" in text and not first_line.rstrip().endswith((".", "!", "?", "…", ":"))
    headline_end = len(title) if title else len(first_line) if looks_like_one else 0
    for quote in quotes:
        quote["in_title"] = quote["end"] <= headline_end
    return quotes


def extract_quotes(text: str, persons: list[dict], pack: LanguagePack | None = None,
                   organizations: list[dict] | None = None, places: list[dict] | None = None) -> list[dict]:
    """The quotes of a text; `pack`: its language's (Russian when not given); the
    article's organisations and places may be speakers too («МИД России», «Минск»)."""
    pack = pack or stage_pack(None)
    quoted, sentences = Spans(quoted_spans(text)), Sentences(text)
    finder = SpeakerFinder(text, persons, organizations or [], pack, places or [], quoted, sentences)
    reading = Reading(text, pack, finder, sentences, quoted)
    make = maker(text)
    statements = direct_quotes(reading, make) + indirect_quotes(reading, make)
    if pack.verb_final_speech:
        statements = with_verb_final(statements, verb_final_quotes(reading, make))
    statements = outside_questions(reading, split_answers(reading, answer_lines(reading, make) + statements))
    statements = outermost(sorted(statements, key=lambda q: (q["start"], -q["end"])))
    fill_followers(statements, text)
    return [q for q in statements if q.pop("keep", True)]


def maker(text: str):
    def make(speaker: Speaker, kind: str, start: int, end: int, verb: str | None, follow: bool = False) -> dict:
        """`verb`: the verb of saying as a lemma, or the phrase that stands for one."""
        start, end = trim(text, start, end)
        item = {**speaker.as_fields(), "kind": kind, "text": text[start:end], "start": start,
                "end": end, "verb": verb, "in_title": False}
        if follow:
            item["follow"] = True
        return item
    return make


def outermost(statements: list[dict]) -> list[dict]:
    """A quote inside another (the «…» of «X заявил, что «…»») is part of it. «Об этом
    заявил X» names the speaker of a quote found in the sentence before instead."""
    kept: list[dict] = []
    for statement in statements:
        if kept and statement["end"] <= kept[-1]["end"]:
            outer = kept[-1]
            if statement.get("about_this") or outer.get("about_this"):
                name_speaker(outer, statement)
            continue
        if kept and statement.get("about_this") and statement["start"] < kept[-1]["end"]:
            name_speaker(kept[-1], statement)
            continue
        kept.append(statement)
    for statement in kept:
        statement.pop("about_this", None)
    return kept


def name_speaker(quote: dict, attribution: dict) -> None:
    if attribution.get("about_this") and attribution["speaker_type"] != "unknown":
        if quote.get("follow") or quote["speaker_type"] == "unknown":
            copy_speaker(quote, attribution)
            quote.pop("follow", None)
            quote["verb"] = quote["verb"] or attribution["verb"]


# -- speech before its verb (Kazakh: «…» деп атап өтті, … екенін айтты) -------------------

def verb_final_quotes(reading: Reading, make) -> list[dict]:
    """The pack's reader of verb-final speech, sentence by sentence, given the quotation
    marks inside each sentence only (found by bisection: linear in the text)."""
    quoted, quotes = reading.quoted, []
    for start, stop in reading.sentences:
        inside = quoted.spans[bisect_left(quoted.starts, start):bisect_right(quoted.starts, stop)]
        for found in reading.pack.verb_final_speech(reading.text[start:stop], start, inside):
            found = titled_subject(reading, found) or past_named_body(reading, found)
            speaker = reading.finder.named(found.speaker_start, found.speaker_end)
            quotes.append(make(speaker, found.kind, found.start, found.end, found.verb))
    return quotes


def titled_subject(reading: Reading, found):
    """«Облыс әкімдігінің … басқармасының басшысы Асан Серікбаев … айтты»: where the
    subject rule named no person, the first person named after a title that runs from the
    sentence's start is the speaker, and the content starts after his name (the pack says
    what a title is). None when the sentence is not of that kind."""
    titles = reading.pack.titles_person
    if not titles or found.kind != "indirect":
        return None
    people = reading.finder.people
    if people.within(found.speaker_start, found.speaker_end):
        return None
    named = [m for m in people.within(found.speaker_start, found.end) if m.nominative]
    if not named or not titles(reading.text, found.speaker_start, named[0].start):
        return None
    person = named[0]
    return replace(found, start=content_after(reading.text, person.end, found.end), speaker_end=person.end)


def past_named_body(reading: Reading, found):
    """«Орталық сайлау комиссиясы … өтетінін мәлімдеді»: a body's name the subject rule cut
    after its first word is the speaker to its end, and the content starts after it."""
    body = reading.finder.orgs.at(found.speaker_end - 1)
    if found.kind != "indirect" or body is None or body.end <= found.speaker_end or body.end >= found.end:
        return found
    person = titled_person_after(reading, body.end, found.end)
    if person:                           # «… сотының судьясы Әлия Бекова …»: the judge speaks
        return replace(found, start=content_after(reading.text, person.end, found.end),
                       speaker_start=person.start, speaker_end=person.end)
    head = reading.pack.body_head_after and reading.pack.body_head_after(reading.text, body.end, found.end)
    end = head or body.end               # «… сотының баспасөз қызметі …»: the body's press service speaks
    return replace(found, start=content_after(reading.text, end, found.end), speaker_end=end)


def titled_person_after(reading: Reading, after: int, end: int):
    """A person named after a body's genitive by a title or two («сотының судьясы X»,
    «комитетінің бас маманы X»): a word or two in lower case, then the name."""
    people = reading.finder.people.within(after, end)
    if not people:
        return None
    title = reading.finder.words(after, people[0].start)
    if 0 < len(title) <= TITLE_WORDS and all(w.islower() for w in title):
        return people[0]
    return None


def content_after(text: str, start: int, end: int) -> int:
    gap = text[start:end]
    return start + len(gap) - len(gap.lstrip())


def with_verb_final(statements: list[dict], verb_final: list[dict]) -> list[dict]:
    """A quote whose verb comes after it replaces the unattributed reading of its span."""
    taken = {(q["start"], q["end"]) for q in verb_final}
    return [q for q in statements if (q["start"], q["end"]) not in taken] + verb_final


def fill_followers(statements: list[dict], text: str) -> None:
    """A quote with no attribution of its own continues the statement just before it; a
    paragraph that is all quotation continues the last direct speech, further back."""
    previous, last_direct = None, None
    for statement in statements:
        if statement.pop("follow", False):
            source = previous if near(previous, statement, FOLLOW_GAP) else None
            if whole_paragraph(text, statement) and near(last_direct, statement, PARAGRAPH_FOLLOW_GAP):
                source = source or last_direct
            if source and source["speaker_type"] != "unknown":
                copy_speaker(statement, source)
            else:
                statement["keep"] = False     # a quoted title or slogan, not speech
        previous = statement
        if statement["kind"] == "direct" and statement["speaker_type"] != "unknown":
            last_direct = statement


def near(before: dict | None, quote: dict, gap: int) -> bool:
    return before is not None and quote["start"] - before["end"] <= gap


def whole_paragraph(text: str, quote: dict) -> bool:
    """«…» standing alone as a paragraph (its quote marks and full stop aside)."""
    opening = text.rfind("\n", 0, quote["start"]) + 1
    closing = text.find("\n", quote["end"])
    closing = len(text) if closing < 0 else closing
    return text[opening:quote["start"]].strip(" «“„\"—–-") == "" and \
        text[quote["end"]:closing].strip(" »”\".!?…") == ""


def copy_speaker(quote: dict, source: dict) -> None:
    for key in ("speaker", "speaker_entity_id", "speaker_type"):
        quote[key] = source[key]
