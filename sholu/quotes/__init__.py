"""Quotes: who said what. Direct speech in quotation marks with its attribution after
(«…», – подчеркнула Аида Балаева), before («Аида Балаева отметила: «…»») or in the
sentence before; indirect speech («X подчеркнул, что …», «По словам X, …»). Speakers
are the article's people, pronouns and role nouns resolved to them, or groups."""
from __future__ import annotations

import re
from functools import lru_cache

from razdel import sentenize

from ..document import Document
from ..lang import LanguagePack, stage_pack
from .marks import quoted_spans, word_count
from .speakers import UNKNOWN, Speaker, SpeakerFinder

AFTER_QUOTE = re.compile(r"\s*,?\s*[–—-]\s*([\w-]+)")    # used with match(text, end)
MIN_ATTRIBUTED_WORDS = 3
MIN_UNATTRIBUTED_WORDS = 8
VERB_REACH = 5            # words between a verb of saying and its «, что»
FOLLOW_GAP = 400          # characters over which an unattributed quote keeps the last speaker


def annotate_quotes(doc: Document) -> Document:
    doc.quotes = extract_quotes(doc.text, doc.persons, stage_pack(doc.language))
    return doc


def extract_quotes(text: str, persons: list[dict], pack: LanguagePack | None = None) -> list[dict]:
    """The quotes of a text; `pack`: its language's (Russian when not given)."""
    finder = SpeakerFinder(text, persons, pack or stage_pack(None))
    spans = [s for s in quoted_spans(text) if word_count(text[s[0]:s[1]]) >= MIN_ATTRIBUTED_WORDS]
    statements = direct_quotes(text, spans, finder) + indirect_quotes(text, spans, finder)
    if finder.pack.verb_final_speech:
        statements = with_verb_final(statements, verb_final_quotes(text, spans, finder))
    statements.sort(key=lambda q: q["start"])
    fill_followers(statements, finder)
    return [q for q in statements if q.pop("keep", True)]


# -- direct speech ----------------------------------------------------------------------

def direct_quotes(text: str, spans: list[tuple[int, int]], finder: SpeakerFinder) -> list[dict]:
    quotes = []
    for start, end in spans:
        speaker, verb = attribution_after(text, end, finder)
        if verb is None:
            speaker, verb = attribution_before(text, start, finder)
        unattributed = verb is None
        if unattributed and word_count(text[start:end]) < MIN_UNATTRIBUTED_WORDS:
            continue          # a short quoted name («Казцинк», «Профсоюзы за справедливость!»)
        verb = verb and verb_lemma(verb, finder.pack)
        quotes.append(record(speaker, "direct", text, start + 1, end - 1, verb, follow=unattributed))
    return quotes


def attribution_after(text: str, end: int, finder: SpeakerFinder) -> tuple[Speaker, str | None]:
    """«…», – подчеркнула Аида Балаева. / — сказал он."""
    match = AFTER_QUOTE.match(text, end)
    if not match or not is_speech_verb(match.group(1), finder.pack):
        return UNKNOWN, None
    stop = sentence_end(text, match.end())
    return finder.resolve(match.end(), stop, verb_gender(match.group(1), finder.pack)), match.group(1)


def attribution_before(text: str, start: int, finder: SpeakerFinder) -> tuple[Speaker, str | None]:
    """«Аида Балаева отметила: «…»» — a colon before the quote, a verb of saying before it."""
    if not text[:start].rstrip().endswith(":"):
        return UNKNOWN, None
    clause_start = sentence_start(text, start)
    for match in reversed(list(finder.pack.morphology.WORD.finditer(text, clause_start, start))):
        if is_speech_verb(match.group(), finder.pack):
            gender = verb_gender(match.group(), finder.pack)
            return finder.resolve(clause_start, match.start(), gender), match.group()
    return UNKNOWN, None


# -- indirect speech --------------------------------------------------------------------

def indirect_quotes(text: str, spans: list[tuple[int, int]], finder: SpeakerFinder) -> list[dict]:
    quotes = []
    for sentence in sentenize(text):
        if inside_any(sentence.start, spans):
            continue
        found = (said_that(text, sentence, finder) or according_to(text, sentence, finder)
                 or as_said(text, sentence, finder))
        if found:
            quotes.append(found)
    return quotes


def said_that(text: str, sentence, finder: SpeakerFinder) -> dict | None:
    """«X подчеркнул(а), что …»: the verb of saying, then «, что» within a few words."""
    pack = finder.pack
    words = list(pack.morphology.WORD.finditer(text, sentence.start, sentence.stop))
    for index, word in enumerate(words):
        if not is_speech_verb(word.group(), pack) or is_passive(word, pack):
            continue
        clause = pack.that_clause.search(text, word.end(), sentence.stop)
        if clause and word_distance(words, index, clause.start()) <= VERB_REACH:
            speaker = finder.resolve(sentence.start, word.start(), verb_gender(word.group(), pack))
            stop = content_end(text, clause.end(), sentence.stop)
            return record(speaker, "indirect", text, clause.end(), stop, verb_lemma(word.group(), pack))
    return None


def according_to(text: str, sentence, finder: SpeakerFinder) -> dict | None:
    """«По словам X, …», «По ее словам, …», «По их мнению, …»."""
    match = finder.pack.according_to.match(text, sentence.start, sentence.stop)
    if not match:
        return None
    group = 1 if match.group(1) else 2
    speaker = finder.resolve(match.start(group), match.end(group), None)
    stop = content_end(text, match.end(), sentence.stop)
    return record(speaker, "indirect", text, match.end(), stop, finder.pack.according_to_verb)


def as_said(text: str, sentence, finder: SpeakerFinder) -> dict | None:
    """«Как заявил президент Касым-Жомарт Токаев, …», «Как отметила она, …»."""
    match = finder.pack.as_said.match(text, sentence.start, sentence.stop)
    if not match or not is_speech_verb(match.group(1), finder.pack):
        return None
    speaker = finder.resolve(match.start(2), match.end(2), verb_gender(match.group(1), finder.pack))
    stop = content_end(text, match.end(), sentence.stop)
    return record(speaker, "indirect", text, match.end(), stop, verb_lemma(match.group(1), finder.pack))


# -- speech before its verb (Kazakh: «…» деп атап өтті, … екенін айтты) -------------------

def verb_final_quotes(text: str, spans: list[tuple[int, int]], finder: SpeakerFinder) -> list[dict]:
    quotes = []
    for sentence in sentenize(text):
        for found in finder.pack.verb_final_speech(sentence.text, sentence.start, spans):
            speaker = finder.resolve(found.speaker_start, found.speaker_end, None)
            quotes.append(record(speaker, found.kind, text, found.start, found.end, found.verb))
    return quotes


def with_verb_final(statements: list[dict], verb_final: list[dict]) -> list[dict]:
    """A quote whose verb comes after it replaces the unattributed reading of its span."""
    taken = {(q["start"], q["end"]) for q in verb_final}
    return [q for q in statements if (q["start"], q["end"]) not in taken] + verb_final


# -- the sentence before ------------------------------------------------------------------

def fill_followers(statements: list[dict], finder: SpeakerFinder) -> None:
    """A quote with no attribution of its own continues the statement just before it."""
    previous = None
    for statement in statements:
        if statement.pop("follow", False):
            near = previous and statement["start"] - previous["end"] <= FOLLOW_GAP
            if near and previous["speaker_type"] != "unknown":
                for key in ("speaker", "speaker_entity_id", "speaker_type"):
                    statement[key] = previous[key]
            else:
                statement["keep"] = False     # a quoted title or slogan, not speech
        previous = statement


# -- helpers ----------------------------------------------------------------------------

def record(speaker: Speaker, kind: str, text: str, start: int, end: int, verb: str | None,
           follow: bool = False) -> dict:
    """`verb`: the verb of saying as a lemma, or the phrase that stands for one."""
    start, end = trim(text, start, end)
    item = {**speaker.as_fields(), "kind": kind, "text": text[start:end], "start": start,
            "end": end, "verb": verb}
    if follow:
        item["follow"] = True
    return item


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \n":
        start += 1
    while end > start and text[end - 1] in " \n":
        end -= 1
    return start, end


def content_end(text: str, start: int, stop: int) -> int:
    """The reported content ends with its sentence, the full stop left out."""
    end = stop
    while end > start and text[end - 1] in " .\n":
        end -= 1
    return end


@lru_cache(maxsize=20000)
def verb_lemma(word: str, pack: LanguagePack) -> str:
    return pack.morphology.dictionary_form(word)


@lru_cache(maxsize=20000)
def is_speech_verb(word: str, pack: LanguagePack) -> bool:
    return any(p.normal_form in pack.speech_verbs and p.tag.POS in ("VERB", "INFN", "GRND", "PRTS")
               for p in pack.morphology.parses(word.lower()))


def verb_gender(word: str, pack: LanguagePack) -> str | None:
    for parse in pack.morphology.parses(word.lower()):
        if parse.tag.POS == "VERB":
            return "plur" if "plur" in parse.tag else parse.tag.gender
    return None


def is_passive(word, pack: LanguagePack) -> bool:
    """«Было подчеркнуто, что …» names no speaker: not a quote."""
    return any(p.tag.POS == "PRTS" for p in pack.morphology.parses(word.group().lower())[:1])


def word_distance(words, index: int, position: int) -> int:
    return sum(1 for w in words[index + 1:] if w.start() < position)


def sentence_start(text: str, position: int) -> int:
    for sentence in sentenize(text[:position]):
        last = sentence.start
    return last if position else 0


def sentence_end(text: str, position: int) -> int:
    match = re.search(r"[.!?…](?=\s|$)|\n", text[position:])
    return position + match.end() if match else len(text)


def inside_any(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)
