"""The nlp stage for Kazakh articles: the kk pack's CRF finds people, organisations,
places and positions; names are put back in the nominative by cutting the case ending
Kazakh adds to a noun phrase's last word (Балаеваның -> Балаева, Астанада -> Астана),
and places and organisations are looked up in the gazetteer, whose Kazakh variants
lead to the same entry (and entity_id) as the Russian spelling."""
from __future__ import annotations

import re
from functools import lru_cache

from razdel import sentenize, tokenize

from ..lang import pack_for
from ..lang.kk.morphology import cuts, has_case_ending, stem, strip_case, vocabulary
from ..lang.kk.ner import tag_sentences
from ..nlp.conll import entity_spans
from .dates import find_dates
from .gazetteer import Entry, load_gazetteer
from .people import entity_id, name_key

KINDS = {"PERSON": "person", "GPE": "place", "LOCATION": "place", "ORGANISATION": "organization"}
SURNAME_END = re.compile(r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ұлы|қызы|ко|ук|юк|ян|швили)$", re.IGNORECASE)
TITLE_REACH = 4            # words a title's qualifying phrase may take before it
GENITIVE_ENDINGS = ("ның", "нің", "дың", "дің", "тың", "тің")
EDGE_PUNCTUATION = "«»\"“”„'.,:;()"


def analyse_kazakh(text: str, published: str | None = None) -> dict:
    """Entities of a Kazakh text in the export contract's shape."""
    sentences = list(sentenize(text)) if text else []
    tokens = [list(tokenize(sentence.text)) for sentence in sentences]
    offsets = [sentence.start for sentence in sentences]
    tags = tag_sentences([[t.text for t in sentence] for sentence in tokens])
    found: dict[str, dict[str, dict]] = {"person": {}, "place": {}, "organization": {}}
    for words, offset, sentence_tags in zip(tokens, offsets, tags):
        add_sentence_mentions(found, words, offset, sorted(entity_spans(sentence_tags)), text)
    surnames_as_people(found)
    add_lone_surnames(found["person"], tokens, offsets)
    add_role_references(found["person"], [(offset + w.start, offset + w.stop, w.text)
                                          for words, offset in zip(tokens, offsets) for w in words])
    return {"persons": list(found["person"].values()), "organizations": list(found["organization"].values()),
            "places": list(found["place"].values()), "dates": find_dates(text, published)}


QUOTE_MARKS = frozenset("«»“”\"")


def add_sentence_mentions(found: dict, words: list, offset: int, spans: list, text: str) -> None:
    for first, last, label in spans:
        kind = KINDS.get(label)
        if label == "POSITION":
            add_name_in_title(found, words, first, last, offset)
        if kind != "person":
            if kind:
                add_span(found, kind, words, first, last, offset, None)
            continue
        if last > first and full_name_of(found["person"], surname_nominative(words[first].text)):
            add_span(found, "person", words, first, first, offset, None)     # «Балаева Тоқаевқа»: two people
            first += 1
        first = after_titles(words, first, last)
        add_span(found, kind, words, first, last, offset, position_before(spans, words, first, offset, text))


def add_name_in_title(found: dict, words: list, first: int, last: int, offset: int) -> None:
    """The place or organisation a title names («Қарағанды облысының әкімі», «Мәжіліс
    депутаты», «Қазақмыс» корпорациясының басшысы; KazNERD tags the whole as a POSITION),
    as Russian «аким Карагандинской области» gives its place: the title's first words
    (inside «…» if it opens with one), if the gazetteer knows them as one."""
    while first < last and words[first].text in QUOTE_MARKS:
        first += 1
    for size in (3, 2, 1):
        if first + size - 1 < last:
            entry = gazetteer_entry([w.text for w in words[first:first + size]])
            if entry:
                add_span(found, "place" if entry.is_place else "organization", words, first, first + size - 1,
                         offset, None)
                return


def add_span(found: dict, kind: str, words: list, first: int, last: int, offset: int, position: str | None) -> None:
    name, entry = normal_name(kind, [w.text for w in words[first:last + 1]])
    if name:
        span = (offset + words[first].start, offset + words[last].stop)
        add_mention(found[kind], kind, name, entry, span, position)


def after_titles(words: list, first: int, last: int) -> int:
    """A title the tagger took into a name («Министр Тоқаевқа …») stays out of it."""
    while first < last and stem(words[first].text) in title_stems():
        first += 1
    return first


@lru_cache(maxsize=1)
def title_stems() -> frozenset[str]:
    return frozenset(stem(title) for title in pack_for("kk").titles)


def add_lone_surnames(people: dict, tokens: list, offsets: list[int]) -> None:
    """Every case form of a known person's surname that the tagger left untagged
    («Сапаровтың айтуынша» after «Ерлан Сапаров») is a mention of that person."""
    taken = [span for person in people.values() for span in person["spans"]]
    for words, offset in zip(tokens, offsets):
        for word in words:
            span = (offset + word.start, offset + word.stop)
            if not word.text[:1].isupper() or any(s <= span[0] < e for s, e in taken):
                continue
            person = full_name_of(people, surname_nominative(word.text))
            if person:
                person["spans"] = sorted(person["spans"] + [list(span)])
                person["mentions"] += 1


def surnames_as_people(found: dict) -> None:
    """A lone surname the tagger took for a place or an organisation («– деді Балаева.»)
    is the person of the article with that surname."""
    for kind in ("place", "organization"):
        for key, record in list(found[kind].items()):
            known_place = load_gazetteer().lookup(record["name"]) is not None
            person = None if known_place else full_name_of(found["person"], record["name"])
            if person:
                person["spans"] = sorted(person["spans"] + record["spans"])
                person["mentions"] += record["mentions"]
                del found[kind][key]


def add_role_references(people: dict, words: list[tuple[int, int, str]]) -> None:
    """A role noun outside any name («Депутат …», «министрдің») refers to the person last
    introduced with a position headed by that noun («Мәжіліс депутаты Аида Балаева»)."""
    taken = [span for person in people.values() for span in person["spans"]]
    for start, end, word in words:
        role = stem(word)
        if len(role) < 4 or any(s <= start < e for s, e in taken):
            continue
        holders = [p for p in people.values() if min(s for s, _ in p["spans"]) < start
                   and any(stem(position.split()[-1]) == role for position in p["positions"])]
        if holders:
            max(holders, key=lambda p: min(s for s, _ in p["spans"]))["references"].append([start, end])


def normal_name(kind: str, words: list[str]) -> tuple[str, Entry | None]:
    words = [w for w in (w.strip(EDGE_PUNCTUATION) for w in words) if w]
    if not words:
        return "", None
    if kind == "person":
        return " ".join([*words[:-1], surname_nominative(words[-1])]), None
    nominative = " ".join([*words[:-1], case_stripped(words[-1])])
    entry = gazetteer_entry(words)
    return (entry.name if entry else nominative), entry


def surname_nominative(word: str) -> str:
    """The last word of a name without its case ending, when what is left looks like a
    name (Тоқаевқа -> Тоқаев, Балаеваның -> Балаева); «Нұрсұлтан» keeps its -тан."""
    cut = case_stripped(word)
    return cut if cut != word and SURNAME_END.search(cut) else word


def case_stripped(word: str) -> str:
    """The word as written minus its case ending (the possessive stays: облысы)."""
    return word[:len(strip_case(word.lower(), vocabulary()))]


def gazetteer_entry(words: list[str]) -> Entry | None:
    """The gazetteer's entry for a place or organisation named in any case form: the last
    word as written, then with ever shorter cuts of its endings (Теміртауда -> Теміртау,
    Қарағанды облысында -> Қарағанды облысы)."""
    gazetteer = load_gazetteer()
    last = words[-1]
    for cut in sorted(cuts(last.lower()), key=len, reverse=True):
        entry = gazetteer.lookup(" ".join([*words[:-1], last[:len(cut)]]))
        if entry:
            return entry
    return None


def position_before(spans, words, first: int, offset: int, text: str) -> str | None:
    """The position just before a name: the tagger's POSITION («Мәжіліс депутаты Аида
    Балаева»), or else a title noun with the words that qualify it («Қарағанды облысының
    әкімі», «Ұлттық экономика министрі»)."""
    start = next((a for a, b, label in spans if label == "POSITION" and b == first - 1), None)
    if start is None and first > 0 and stem(words[first - 1].text) in title_stems() \
            and not subject_and_object(words, first):
        start = first - 1
        while start > max(first - TITLE_REACH, 0) and qualifies_title(words[start - 1].text):
            start -= 1
    return text[offset + words[start].start:offset + words[first - 1].stop] if start is not None else None


def subject_and_object(words: list, first: int) -> bool:
    """«Министр Тоқаевқа баяндады»: a title opening the sentence before a name in another
    case is the sentence's subject, not the name's title."""
    return first == 1 and has_case_ending(words[first].text)


def qualifies_title(word: str) -> bool:
    """A word of a title's phrase: a name, or a word in the nominative or the genitive."""
    lower = word.lower()
    return word.isalpha() and (word[:1].isupper() or not has_case_ending(lower) or lower.endswith(GENITIVE_ENDINGS))


def add_mention(records: dict, kind: str, name: str, entry: Entry | None, span: tuple[int, int],
                position: str | None) -> None:
    record = records.get(name.lower()) or (kind == "person" and full_name_of(records, name))
    if not record:
        record = records.setdefault(name.lower(), new_record(kind, name, entry))
    record["spans"].append(list(span))
    record["mentions"] += 1
    if position and position not in record.get("positions", [position]):
        record["positions"].append(position)


def full_name_of(records: dict, surname: str) -> dict | None:
    """A surname alone («Балаева») is the person named in full before (Аида Балаева)."""
    if " " in surname:
        return None
    key = name_key(surname)
    named = [r for r in records.values() if " " in r["name"] and name_key(r["name"].split()[-1]) == key]
    return named[-1] if named else None


def new_record(kind: str, name: str, entry: Entry | None) -> dict:
    # the Kazakh tagger reads the body only: no mention in the headline (the export
    # contract and the API's record want the field all the same)
    record = {"name": name, "mentions": 0, "spans": [], "title_spans": [], "entity_id": entity_id(kind, name)}
    if kind == "person":
        record.update({"positions": [], "references": []})
    if kind == "place":
        record.update({"lat": getattr(entry, "lat", None), "lon": getattr(entry, "lon", None),
                       "region": getattr(entry, "region", None)})
    return record
