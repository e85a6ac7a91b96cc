"""The nlp stage for Kazakh articles: the kk pack's CRF finds people, organisations,
places and positions; names are put back in the nominative by cutting the case ending
Kazakh adds to a noun phrase's last word (Балаеваның -> Балаева, Астанада -> Астана),
and places and organisations are looked up in the gazetteer, whose Kazakh variants
lead to the same entry (and entity_id) as the Russian spelling."""
from __future__ import annotations

import re
from functools import lru_cache


from ..lang import pack_for
from ..lang.kk.morphology import (CASE_ENDINGS, GENITIVE_ENDINGS, KAZAKH_TO_RUSSIAN, PLURAL_ENDINGS, base_forms, cuts,
                                  has_case_ending, is_common_word, proper_names, stem, strip_case, vocabulary)
from ..lang.kk.bodies import CIRCUMSTANCES, is_body_noun, is_territorial
from ..lang.kk.ner import tag_sentences
from ..lang.sentences import line_sentences
from ..lang.tokens import tokenize
from ..nlp.conll import entity_spans
from .acronyms import is_unit, merge_acronyms, merged_into
from .coordinated import kazakh_coordinated_regions
from .dates import find_dates
from .gazetteer import Entry, load_gazetteer
from .headline import SEPARATOR, split_headline
from .local import kazakh_local_bodies, resolve_generic_bodies
from .normalise import LEGAL_FORMS
from .people import entity_id, name_key

KINDS = {"PERSON": "person", "GPE": "place", "LOCATION": "place", "ORGANISATION": "organization"}
SURNAME_END = re.compile(r"(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ұлы|қызы|ко|ук|юк|ян|швили)$", re.IGNORECASE)
PATRONYMIC_END = re.compile(r"(?:ұлы|улы|қызы|кызы)$", re.IGNORECASE)
MIN_SURNAME = 4            # letters a surname keeps once its case ending is cut
TITLE_REACH = 4            # words a title's qualifying phrase may take before it
EDGE_PUNCTUATION = "«»\"“”„'.,:;()"
SETTLEMENTS = ("city", "town", "village")
BODY_LABELS = ("GPE", "LOCATION", "ORGANISATION")
COUNTRY_PREFIXES = (("қазақстан", "республикасы"), ("қазақстан", "республикасының"), ("қр",), ("қазақстанның",),
                    ("қазақстан",))
MAX_BODY_WORDS = 6
AGENT_ENDINGS = ("ушы", "уші")
LOCATIVE_ATTRIBUTES = ("дағы", "дегі", "тағы", "тегі")     # «Астанадағы …»: "the one in Astana"


def analyse_kazakh(text: str, published: str | None = None, title: str = "") -> dict:
    """Entities of a Kazakh text in the export contract's shape. `title`: the headline,
    read with the body (after it, so a surname there joins the body's full name); its
    mentions leave as `title_spans`, offsets into the title, as in Russian articles."""
    joined = title + SEPARATOR + text if title else text
    body_start = len(joined) - len(text)
    body, head = read_sentences(text, body_start), read_sentences(title, 0)
    tags = tag_sentences([[t.text for t in words] for words, _ in body + head])
    found: dict[str, dict[str, dict]] = {"person": {}, "place": {}, "organization": {}}
    for (words, offset), sentence_tags in zip(body + head, tags):
        spans = with_local_bodies(words, with_known_bodies(words, sorted(entity_spans(sentence_tags))))
        spans = with_quoted_bodies(words, without_outlet_before_body(words, with_initialled_surnames(words, spans)))
        spans = with_country_in_bodies(words, with_capitalised_bodies(words, spans))
        spans = with_districts(words, add_coordinated_regions(found, words, offset, without_units(words, spans)))
        add_sentence_mentions(found, words, offset, spans, joined)
    join_lone_surnames(found["person"])
    bodies_out_of_people(found)
    surnames_as_people(found)
    add_lone_surnames(found["person"], body + head)
    add_repeated_bodies(found, body + head)
    add_role_references(found["person"], [(offset + w.start, offset + w.stop, w.text)
                                          for words, offset in body for w in words], body_start)
    organisations = merge_acronyms(list(found["organization"].values()), joined)
    organisations = merged_into(organisations, lambda record: qualified_body(record, organisations))
    organisations = resolve_generic_bodies(organisations, list(found["place"].values()))
    return {"persons": split_headline(list(found["person"].values()), title),
            "organizations": split_headline(organisations, title),
            "places": split_headline(list(found["place"].values()), title), "dates": find_dates(text, published)}


def qualified_body(record: dict, records: list[dict]) -> dict | None:
    """«міндетті әлеуметтік медициналық сақтандыру қоры» beside «Әлеуметтік медициналық
    сақтандыру қоры»: a name in lower case that ends in another body's name of two words or
    more is that body, with a word that qualifies it."""
    name = record["name"]
    if not name.islower():
        return None
    return next((other for other in records if other is not record and len(other["name"].split()) > 1
                 and name.endswith(" " + other["name"].lower())), None)


def read_sentences(text: str, offset: int) -> list[tuple[list, int]]:
    """Each sentence's words (razdel's tokens) with where the sentence starts, `offset` on;
    split inside each line, so a post's stamp or a subheading never runs into the next line."""
    return [(list(tokenize(text[start:end])), offset + start) for start, end in line_sentences(text or "")]


QUOTE_MARKS = frozenset("«»“”\"")


def add_sentence_mentions(found: dict, words: list, offset: int, spans: list, text: str) -> None:
    for first, last, label in spans:
        kind = KINDS.get(label)
        if label == "POSITION":
            add_body_in_title(found, words, first, last, offset)
        if kind != "person":
            if kind:
                add_span(found, kind, words, first, last, offset)
            continue
        body = body_named(words[last].text) if last > first else None
        if body:                                     # «Тоқаев Үкімет басшысын …»: a person, then a body
            add_span(found, body_kind(body), words, last, last, offset)
            last -= 1
        if last > first and full_name_of(found["person"], surname_nominative(words[first].text)):
            add_span(found, "person", words, first, first, offset)     # «Балаева Тоқаевқа»: two people
            first += 1
        first = after_common_noun(words, after_titles(words, first, last), last)
        add_span(found, kind, words, first, last, offset, position_before(spans, words, first, offset, text))


def with_known_bodies(words: list, spans: list) -> list:
    """The tagger's spans with the organisations the gazetteer names in the sentence
    («Қазақстан Республикасы Кәсіподақтар федерациясы», which the tagger reads as a
    country, «ҚТЖ», which it misses), each replacing the spans it overlaps, unless one
    of them is a person or holds it and more names («Ресей Үкіметі» is not Kazakhstan's).
    A title, a common word or a locative around the name («Брифинг Орталық коммуникациялар
    қызметінде», «министрлігінде кеңес») is not part of it."""
    return with_organisations(spans, known_organisations(words), lambda first, last, overlapping: all(
        only_words_around_body(words, a, b, first, last) for a, b, _ in overlapping))


def with_organisations(spans: list, bodies, fits) -> list:
    """Each (first, last) of `bodies` an organisation that replaces the spans it overlaps,
    where `fits(first, last, overlapping)` and none of them is a person."""
    for first, last in bodies:
        overlapping = [s for s in spans if s[0] <= last and first <= s[1]]
        if all(label != "PERSON" for _, _, label in overlapping) and fits(first, last, overlapping):
            spans = sorted([s for s in spans if s not in overlapping] + [(first, last, "ORGANISATION")])
    return spans


def add_coordinated_regions(found: dict, words: list, offset: int, spans: list) -> list:
    """«Шығыс Қазақстан және Абай облыстарында»: each region of the list is a place; the
    tagger's places over the list give way. The spans left."""
    regions = kazakh_coordinated_regions(words)
    for first, last, entry in regions:
        span = (offset + words[first].start, offset + words[last].stop)
        add_mention(found["place"], "place", entry.name, entry, span)
    return [s for s in spans if s[2] not in ("GPE", "LOCATION") or not any(a <= s[1] and s[0] <= b for a, b, _ in regions)]


def with_districts(words: list, spans: list) -> list:
    """«Махамбет ауданындағы»: a place before «ауданы» in any form is the district of that
    name, not the village the district is named after."""
    return [(first, last + 1 if label in ("GPE", "LOCATION") and is_district_word(words, last + 1) else last, label)
            for first, last, label in spans]


def is_district_word(words: list, index: int) -> bool:
    return index < len(words) and words[index].text[:1].islower() and DISTRICT in base_forms(words[index].text)


DISTRICT = "аудан"


def without_units(words: list, spans: list) -> list:
    """The spans without a one-word organisation that is a unit after a number («100 АЕК»),
    unless the gazetteer knows the body («12 ҚТЖ қызметкері»)."""
    return [(first, last, label) for first, last, label in spans
            if not (label == "ORGANISATION" and first == last and first > 0
                    and is_unit(words[first].text, words[first - 1].text) and not gazetteer_entry([words[first].text]))]


def with_local_bodies(words: list, spans: list) -> list:
    """The spans with each local body («облыстық мәслихаттың», «Түркістан облысының
    прокуратурасы»), which replaces the organisations it overlaps; a place inside it stays
    a place too, and a person overlapping it keeps it out."""
    for first, last in kazakh_local_bodies(words):
        overlapping = [s for s in spans if s[0] <= last and first <= s[1]]
        if any(label == "PERSON" for _, _, label in overlapping):
            continue
        spans = sorted([s for s in spans if not (s in overlapping and s[2] == "ORGANISATION")]
                       + [(first, last, "ORGANISATION")])
    return spans


def with_country_in_bodies(words: list, spans: list) -> list:
    """«[Қазақстан Республикасы] [Еңбек … министрлігінің]»: the country the tagger read as a
    place right before a body is the opening of the body's name, no place of the article."""
    merged = []
    for span in spans:
        if merged and span[2] == "ORGANISATION" and merged[-1][1] == span[0] - 1 and \
                merged[-1][2] in ("GPE", "LOCATION") and is_country_prefix(words, merged[-1][0], merged[-1][1]):
            span = (merged.pop()[0], span[1], span[2])
        merged.append(span)
    return merged


def is_country_prefix(words: list, first: int, last: int) -> bool:
    return tuple(w.text.lower() for w in words[first:last + 1]) in COUNTRY_PREFIXES


def with_initialled_surnames(words: list, spans: list) -> list:
    """«– деді М. Ахметова»: an initial and a surname the tagger took for an organisation
    are a person, named by the surname (which joins the full name given before)."""
    return [(last, last, "PERSON") if label == "ORGANISATION" and last == first + 2 and is_initial(words[first].text)
            and words[first + 1].text == "." and SURNAME_END.search(words[last].text) else (first, last, label)
            for first, last, label in spans]


def is_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def with_capitalised_bodies(words: list, spans: list) -> list:
    """The spans with each body named as Kazakh writes a name, its first word alone
    capitalised («Мемлекеттік кірістер комитетінің»), where the tagger named nothing there;
    a title after it keeps its own words."""
    for first, last in capitalised_bodies(words):
        overlapping = [s for s in spans if s[0] <= last and first <= s[1]]
        if any(label in NAME_LABELS for _, _, label in overlapping):
            continue
        rests = [(last + 1, end, label) for _, end, label in overlapping if end > last]
        spans = sorted([s for s in spans if s not in overlapping] + rests + [(first, last, "ORGANISATION")])
    return spans


NAME_LABELS = ("PERSON", "ORGANISATION", "GPE", "LOCATION")


def capitalised_bodies(words: list):
    """(first, last) of each capitalised common word inside a sentence followed by up to
    BODY_TYPE_WORDS lower-case words, the last of them a body's noun."""
    for first in range(1, len(words)):
        text = words[first].text
        before = words[first - 1].text
        if not (text.isalpha() and text[:1].isupper() and text[1:].islower() and text.lower() in vocabulary()) \
                or not before.isalpha() or (first > 1 and before[:1].isupper()) or gazetteer_entry([text]) \
                or text.lower().endswith(GENITIVE_ENDINGS):           # «Елбасының қызметі»: an owner, no name
            continue
        for last in range(first + 1, min(len(words), first + BODY_TYPE_WORDS + 2)):
            if not (words[last].text.isalpha() and words[last].text.islower()):
                break
            if is_body_noun(words[last].text):
                if case_stripped(words[last].text).endswith(("ы", "і")):     # a name's head is possessive
                    yield first, last
                break


def with_quoted_bodies(words: list, spans: list) -> list:
    """«"Әділетті … үшін" жалпыұлттық коалициясы», «"Болашақ" қоғамдық қорының»: a name
    in quote marks before lower-case words that end in a body's head noun is an
    organisation (with those words when the gazetteer knows the body by them), which
    replaces the spans it overlaps unless one is a person."""
    return with_organisations(spans, quoted_bodies(words), lambda *_: True)


QUOTED_NAME_WORDS = 15       # words a quoted name may take
BODY_TYPE_WORDS = 3          # lower-case words after it, up to the head noun


def quoted_bodies(words: list):
    """(first, last) of each quoted name before lower-case words ending in a body noun."""
    texts = [w.text for w in words]
    for opening, text in enumerate(texts):
        if text not in "«“\"":
            continue
        closing = next((i for i in range(opening + 2, min(len(texts), opening + QUOTED_NAME_WORDS))
                        if texts[i] in "»”\""), None)
        if closing is None or not texts[opening + 1][:1].isupper():
            continue
        after = texts[closing + 1:closing + 1 + BODY_TYPE_WORDS]
        if after and after[0] in LEGAL_FORMS:           # «"Ертіс Көлік" ЖШС»: a company
            yield opening + 1, closing - 1
            continue
        heads = [i for i, word in enumerate(after) if word[:1].islower() and is_body_noun(word)]
        if heads and all(word[:1].islower() and word.isalpha() for word in after[:heads[0] + 1]):
            last = closing + 1 + heads[0]
            known = [t.strip(EDGE_PUNCTUATION) for t in texts[opening:last + 1] if t.strip(EDGE_PUNCTUATION)]
            # the gazetteer's body by its kind, or the name alone («"Оңтүстік цемент" зауыты»)
            yield (opening, last) if lower_case_tail_entry(known) else (opening + 1, closing - 1)


def without_outlet_before_body(words: list, spans: list) -> list:
    """«…, деп хабарлайды Kazinform облыс әкімдігінің баспасөз қызметіне сілтеме жасап»: the
    tagger runs the outlet reporting the story into the body after it. The body starts after
    the outlet; the outlet right after a verb of reporting is the story's source, no actor
    of it (the Russian pipeline leaves out «передает Kazinform» alike)."""
    kept = []
    for first, last, label in spans:
        size = outlet_words(words, first, last) if label == "ORGANISATION" else 0
        if size and not (first > 0 and words[first - 1].text.lower() in REPORTING_VERBS):
            kept.append((first, first + size - 1, label))
        kept.append((first + size, last, label))
    return kept


REPORTING_VERBS = frozenset("хабарлайды хабарлады жазады".split())


def outlet_words(words: list, first: int, last: int) -> int:
    """How many words at the span's start name an outlet that a lower-case word follows."""
    for size in range(min(3, last - first), 0, -1):
        entry = gazetteer_entry([w.text for w in words[first:first + size]])
        if entry and entry.kind == "outlet" and words[first + size].text[:1].islower() and \
                not is_media_noun(words[last].text):
            return size
    return 0


# «Kazinform агенттігі», «Egemen Qazaqstan газеті»: the outlet's own name, kept whole
MEDIA_NOUNS = frozenset("агенттік газет басылым телеарна арна портал сайт журнал радио".split())


def is_media_noun(word: str) -> bool:
    return not base_forms(word).isdisjoint(MEDIA_NOUNS)


def known_organisations(words: list):
    """(first, last) of each organisation the gazetteer names in the words, not overlapping."""
    first = 0
    while first < len(words):
        last = organisation_end(words, first)
        if last is not None:
            yield first, last
        first = (last if last is not None else first) + 1


def organisation_end(words: list, first: int) -> int | None:
    """The last word of the longest organisation the gazetteer knows by the words from a
    capitalised one on: two to six words, or one acronym («ҚТЖ»)."""
    head = words[first].text.strip(EDGE_PUNCTUATION)
    if not head[:1].isupper():
        return None
    shortest = 1 if (abbreviation_of(head) or head).isupper() and len(head) >= 3 else 2
    for size in range(min(MAX_BODY_WORDS, len(words) - first), shortest - 1, -1):
        entry = gazetteer_entry([w.text for w in words[first:first + size]])
        if entry and not entry.is_place:
            return first + size - 1
    return None


def only_words_around_body(words: list, a: int, b: int, first: int, last: int) -> bool:
    outside = [w.text for w in words[a:first] + words[last + 1:b + 1]]
    return all(not w[:1].isupper() or is_words_before_body(w) for w in outside)


def is_words_before_body(word: str) -> bool:
    """A title, a common word, a locative attribute, or a word in a case other than the
    genitive («Конституцияда»: only a genitive qualifies the name after it)."""
    lower = word.lower()
    return is_title(word) or is_common_word(lower) or lower.endswith(LOCATIVE_ATTRIBUTES) or \
        (has_case_ending(lower) and not lower.endswith(GENITIVE_ENDINGS))


def add_body_in_title(found: dict, words: list, first: int, last: int, offset: int) -> None:
    """The place or organisation a title names («Қарағанды облысының әкімі», «Сенат
    төрағасы», «Мәжіліс депутаты», «Қазақмыс» корпорациясының басшысы; KazNERD tags the
    whole as a POSITION), as Russian «аким Карагандинской области» gives its place: the
    title's first words (inside «…» if it opens with one), if the gazetteer knows them as one."""
    while first < last and words[first].text in QUOTE_MARKS:
        first += 1
    named = next(bodies_named_at(words, first, last), None)
    if named:
        entry, end = named
        add_span(found, body_kind(entry), words, first, end, offset)


def bodies_named_at(words: list, first: int, stop: int):
    """(entry, last word) of each place or organisation the gazetteer knows by the words
    from `first` on, up to three of them and before `stop`, the longest first."""
    for size in (3, 2, 1):
        if first + size - 1 < stop:
            entry = gazetteer_entry([w.text for w in words[first:first + size]])
            if entry:
                yield entry, first + size - 1


def body_kind(entry: Entry) -> str:
    return "place" if entry.is_place else "organization"


def add_span(found: dict, kind: str, words: list, first: int, last: int, offset: int,
             positions: tuple[str, ...] = ()) -> None:
    while last > first and is_mark(words[last].text):
        last -= 1                        # «#Тараз #жаңалықтар»: a hashtag's sign is no part of the name
    name, entry = normal_name(kind, [w.text for w in words[first:last + 1]])
    if name:
        span = (offset + words[first].start, offset + words[last].stop)
        add_mention(found[kind], kind, name, entry, span, positions)


def is_mark(word: str) -> bool:
    """A token of signs alone, no letter, digit, quotation mark or full stop («#», «@», «—»)."""
    return not any(c.isalnum() or c in QUOTE_MARKS or c == "." for c in word)


def after_titles(words: list, first: int, last: int) -> int:
    """A title the tagger took into a name («Министр Тоқаевқа …») stays out of it."""
    while first < last and is_title(words[first].text):
        first += 1
    return first


def after_common_noun(words: list, first: int, last: int) -> int:
    """A sentence's capitalised first word the tagger took into a name («Шахтерлер
    Балаеваға …», "the miners … to Balayeva") stays out of it when it is a common noun:
    a plural, or a word the vocabulary knows only in lower case. A patronymic after it
    («Бақыт Асқарұлы, …?», a guest addressed) says it is a first name."""
    if first == last or any(w.text[:1].isalnum() for w in words[:first]) \
            or PATRONYMIC_END.search(words[first + 1].text.strip(EDGE_PUNCTUATION)):
        return first
    word = words[first].text.lower()
    base = strip_case(word, vocabulary())
    common = base.endswith(PLURAL_ENDINGS) or (base in vocabulary() and base not in proper_names())
    return first + 1 if common else first


@lru_cache(maxsize=1)
def title_stems() -> frozenset[str]:
    return frozenset(stem(title) for title in pack_for("kk").titles)


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    return frozenset(title.lower() for title in pack_for("kk").titles)


def is_title(word: str) -> bool:
    """A title in any form, its possessive too where the vocabulary lacks the word
    («төрайымы», «инженері»: the stemmer cannot confirm the cut, the title list can)."""
    lower = word.lower().strip(EDGE_PUNCTUATION)
    return stem(lower) in title_stems() or not title_words().isdisjoint(cuts(lower)) or is_agent_noun(lower)


def is_agent_noun(lower: str) -> bool:
    """«үйлестірушісі», «ұйымдастырушысы»: a noun of one who does (a verbal noun in -у with
    -шы/-ші: coordinator, organiser), which names a role as a title does; one, not many."""
    forms = cuts(lower)
    return any(form.endswith(AGENT_ENDINGS) for form in forms) and \
        not any(form.endswith(PLURAL_ENDINGS) for form in forms)


def add_lone_surnames(people: dict, sentences: list[tuple[list, int]]) -> None:
    """Every case form of a known person's surname that the tagger left untagged
    («Сапаровтың айтуынша» after «Ерлан Сапаров») is a mention of that person."""
    taken = [span for person in people.values() for span in person["spans"]]
    for words, offset in sentences:
        for word in words:
            span = (offset + word.start, offset + word.stop)
            if not word.text[:1].isupper() or any(s <= span[0] < e for s, e in taken):
                continue
            person = full_name_of(people, surname_nominative(word.text))
            if person:
                person["spans"] = sorted(person["spans"] + [list(span)])
                person["mentions"] += 1


def add_repeated_bodies(found: dict, sentences: list[tuple[list, int]]) -> None:
    """Every case form of a place or organisation the article names elsewhere that the
    tagger left untagged («Мәжілісте» in a headline after «Мәжілістің» in the body) is a
    mention of it too: the gazetteer says which name a form is, the article that it is
    meant here."""
    taken = [tuple(span) for records in found.values() for record in records.values() for span in record["spans"]]
    for words, offset in sentences:
        for first, word in enumerate(words):
            start = offset + word.start
            if word.text[:1].isupper() and not any(s <= start < e for s, e in taken):
                add_named_body(found, words, first, offset)


def add_named_body(found: dict, words: list, first: int, offset: int) -> None:
    for entry, last in bodies_named_at(words, first, len(words)):
        kind = body_kind(entry)
        if entry.name.lower() in found[kind]:
            add_mention(found[kind], kind, entry.name, entry, (offset + words[first].start, offset + words[last].stop))
            return


def join_lone_surnames(people: dict) -> None:
    """A surname the tagger found before the full name («Тоқаев Ақтөбеде болды» over
    «Мемлекет басшысы Қасым-Жомарт Тоқаев …») is that person too; so is a first name
    with a patronymic («– Ғалым Ерланұлы, …»: an interviewer addressing Ғалым Сапаров),
    when one person of the article has that first name."""
    for key, record in list(people.items()):
        person = full_name_of(people, record["name"]) or addressed_person(people, key, record["name"])
        if person:
            person["spans"] = sorted(person["spans"] + record["spans"])
            person["mentions"] += record["mentions"]
            person["positions"] += [p for p in record["positions"] if p not in person["positions"]]
            del people[key]


def addressed_person(people: dict, key: str, name: str) -> dict | None:
    words = name.split()
    if len(words) != 2 or not PATRONYMIC_END.search(words[1]):
        return None
    same = [r for k, r in people.items() if k != key and " " in r["name"] and r["name"].split()[0] == words[0]]
    return same[0] if len(same) == 1 else None


def surnames_as_people(found: dict) -> None:
    """A lone surname the tagger took for a place or an organisation («– деді Балаева.»,
    «– деді А. Балаева.») is the person of the article with that surname (and initial)."""
    for kind in ("place", "organization"):
        for key, record in list(found[kind].items()):
            known_place = load_gazetteer().lookup(record["name"]) is not None
            person = None if known_place else person_of_surname(found["person"], record["name"])
            if person:
                person["spans"] = sorted(person["spans"] + record["spans"])
                person["mentions"] += record["mentions"]
                del found[kind][key]


def person_of_surname(people: dict, name: str) -> dict | None:
    """The person a surname names, written alone or after an initial («А Балаева» of «А.
    Балаева», whose first name must start with that letter)."""
    words = name.split()
    if len(words) == 2 and len(words[0]) == 1 and words[0].isupper():
        person = full_name_of(people, words[1])
        return person if person and person["name"].startswith(words[0]) else None
    return full_name_of(people, name)


def bodies_out_of_people(found: dict) -> None:
    """A one-word "person" the gazetteer knows as a body, a region or a country («Тоқаев
    Үкімет басшысын қабылдады»: the Government) is that; a town's name may be a surname
    (Сәтпаев)."""
    for key, record in list(found["person"].items()):
        entry = None if " " in record["name"] else body_named(record["name"])
        if entry:
            kind = body_kind(entry)
            body = found[kind].setdefault(entry.name.lower(), new_record(kind, entry.name, entry))
            body["spans"] = sorted(body["spans"] + record["spans"])
            body["mentions"] += record["mentions"]
            del found["person"][key]


def body_named(word: str) -> Entry | None:
    """The gazetteer's body, region or country one word names in any case form, not a
    town (a town's name may be a surname: Сәтпаев)."""
    entry = gazetteer_entry([word.strip(EDGE_PUNCTUATION) or word])
    return entry if entry and entry.kind not in SETTLEMENTS else None


def add_role_references(people: dict, words: list[tuple[int, int, str]], body_start: int) -> None:
    """A role noun outside any name («Депутат …», «министрдің») refers to the person last
    introduced in the body with a position headed by that noun («Мәжіліс депутаты Аида Балаева»)."""
    taken = [span for person in people.values() for span in person["spans"]]
    introduced = {id(p): min((s for s, _ in p["spans"] if s >= body_start), default=None) for p in people.values()}
    for start, end, word in words:
        role = stem(word)
        if len(role) < 4 or any(s <= start < e for s, e in taken):
            continue
        holders = [p for p in people.values() if introduced[id(p)] is not None and introduced[id(p)] < start
                   and any(stem(position.split()[-1]) == role for position in p["positions"])]
        if holders:
            max(holders, key=lambda p: introduced[id(p)])["references"].append([start, end])


def normal_name(kind: str, words: list[str]) -> tuple[str, Entry | None]:
    words = [w for w in (w.strip(EDGE_PUNCTUATION) for w in words) if w]
    if not words:
        return "", None
    if kind == "person":
        return " ".join([*words[:-1], surname_nominative(words[-1])]), None
    nominative = " ".join([*words[:-1], case_stripped(words[-1])])
    if kind == "organization" and is_territorial(words[0]):      # «Облыстық мәслихат» opening a sentence
        nominative = nominative[:1].lower() + nominative[1:]
    entry = gazetteer_entry(words) or (lower_case_tail_entry(words) if kind == "organization" else
                                       place_in_russian_spelling(words))
    return (entry.name if entry else nominative), entry


def place_in_russian_spelling(words: list[str]) -> Entry | None:
    """«Текелі», «Сарқанд»: a place the gazetteer lists under its Russian spelling only
    (Текели, Сарканд) is found by the Kazakh letters spelt as Russian writes them."""
    spelt = [word.translate(KAZAKH_TO_RUSSIAN) for word in words]
    entry = gazetteer_entry(spelt) if spelt != words else None
    return entry if entry is not None and entry.is_place else None


def lower_case_tail_entry(words: list[str]) -> Entry | None:
    """«Әділетті … үшін жалпыұлттық коалициясы»: a body whose own name the gazetteer lacks
    but whose kind it knows by two or more words («жалпыұлттық коалиция»)."""
    tail = len(words)
    while tail > 1 and words[tail - 1][:1].islower():
        tail -= 1
    return next((entry for start in range(tail, len(words) - 1) if (entry := gazetteer_entry(words[start:]))), None)


def surname_nominative(word: str) -> str:
    """The last word of a name without its case ending, when what is left looks like a
    name (Тоқаевқа -> Тоқаев, Балаеваның -> Балаева); «Нұрсұлтан» keeps its -тан."""
    cut = case_stripped(word)
    if cut != word and SURNAME_END.search(cut):
        return cut
    # endings the stemmer keeps on a word it does not know (the accusative: Бектеновті)
    lower = word.lower()
    return next((word[:-len(ending)] for ending in CASE_ENDINGS if lower.endswith(ending)
                 and len(word) - len(ending) >= MIN_SURNAME and SURNAME_END.search(lower[:-len(ending)])), word)


def case_stripped(word: str) -> str:
    """The word as written minus its case ending (the possessive stays: облысы); a genitive
    after a vowel ы/і goes even where the vocabulary lists the whole form as a word
    («инспекциясының» -> «инспекциясы»)."""
    stripped = word[:len(strip_case(word.lower(), vocabulary()))]
    return stripped[:-3] if stripped == word and GENITIVE_AFTER_VOWEL.search(word) else stripped


GENITIVE_AFTER_VOWEL = re.compile(r"[ыі](?:ның|нің)$", re.IGNORECASE)


HYPHENATED_ENDING = re.compile(r"^([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,})-[a-zа-яёәғқңөұүһі]+$")


def abbreviation_of(word: str) -> str | None:
    """«ОСК» of «ОСК-тың»: Kazakh writes a case ending after an abbreviation with a hyphen."""
    found = HYPHENATED_ENDING.match(word)
    return found.group(1) if found else None


def gazetteer_entry(words: list[str]) -> Entry | None:
    """The gazetteer's entry for a place or organisation named in any case form, with or
    without the country before it («Қазақстан Республикасы Кәсіподақтар федерациясы», «ҚР
    Денсаулық сақтау министрлігі»: the gazetteer lists the names without it)."""
    country = next((len(prefix) for prefix in COUNTRY_PREFIXES
                    if len(words) > len(prefix) and tuple(w.lower() for w in words[:len(prefix)]) == prefix), 0)
    return entry_of_form(words) or (entry_of_form(words[country:]) if country else None)


def entry_of_form(words: list[str]) -> Entry | None:
    """The entry for the words, the last as written, then with ever shorter cuts of its
    endings (Теміртауда -> Теміртау, Қарағанды облысында -> Қарағанды облысы); an
    abbreviation's ending follows a hyphen (ОСК-тың, ҚТЖ-ға -> ОСК, ҚТЖ)."""
    gazetteer = load_gazetteer()
    last = abbreviation_of(words[-1]) or words[-1]
    for cut in sorted(cuts(last.lower()), key=len, reverse=True):
        entry = gazetteer.lookup(" ".join([*words[:-1], last[:len(cut)]]))
        if entry:
            return entry
    return None


def position_before(spans, words, first: int, offset: int, text: str) -> tuple[str, ...]:
    """The positions just before a name: the tagger's POSITION («Мәжіліс депутаты Аида
    Балаева»), or else a title noun with the words that qualify it («Қарағанды облысының
    әкімі», «Ұлттық экономика министрі»); and a title apposed before it, after a comma
    («… мүшесі, депутат X»), first."""
    title_end = first - 1 - participle_clause_before(words, first)
    found = []
    start = title_start(spans, words, title_end, first)
    while start is not None:
        found.insert(0, text[offset + words[start].start:offset + words[title_end].stop])
        title_end = start - 2
        start = title_start(spans, words, title_end, first) if start >= 2 and words[start - 1].text == "," else None
    return tuple(found)


def title_start(spans, words, title_end: int, first: int) -> int | None:
    """Where the title ending at `title_end` starts: the tagger's POSITION, or a title noun
    with the words that qualify it, and the body it belongs to; None where no title ends there."""
    start = next((a for a, b, label in spans if label == "POSITION" and b == title_end), None)
    if start is None and title_end >= 0 and is_title(words[title_end].text) and not subject_and_object(words, first):
        start = title_end
        while start > max(title_end + 1 - TITLE_REACH, 0) and qualifies_title(words[start - 1].text):
            start -= 1
    if start is None:
        return None
    return with_body_before(spans, words, title_opening(spans, words, start, title_end))


TITLE_WORDS_MAX = 10          # words of one title («… жөніндегі тұрақты комиссиясының мүшесі»)
NOT_A_TITLE_OPENING = frozenset(("ол", "олар", "бұл", "сол", "осы", "мен", "біз"))
KK_POSTPOSITIONS = frozenset("бойынша үшін туралы арқылы кейін дейін бірге сияқты".split())
TITLE_LINKS = frozenset(("және", "мен"))       # «білім және ғылым басқармасының басшысы»


def title_opening(spans, words, start: int, title_end: int) -> int:
    """A title's first word, its span read by the tagger or the title walk made right: the
    lower-case attributes it left before it taken in («[тұрақты] комиссиясының төрағасы»),
    a conjunction, a circumstance, a pronoun or a person's name it took in left out («[Ал]
    облыс әкімінің орынбасары», «[Айгерім Серікова] облыс әкімі»)."""
    people = {i for a, b, label in spans if label == "PERSON" for i in range(a, b + 1)}
    while start > 0 and title_end - start < TITLE_WORDS_MAX and start - 1 not in people \
            and in_title_before(words, start - 1):
        start -= 1
    while start < title_end and (start in people or words[start].text.lower() in CIRCUMSTANCES
                                 or words[start].text.lower() in NOT_A_TITLE_OPENING
                                 or not title_word(words, start)):
        start += 1                       # «[Жиынды] аудандық мәслихат төрағасы»: the verb's object
    postposition = max((i for i in range(start, title_end) if words[i].text.lower() in KK_POSTPOSITIONS), default=None)
    return postposition + 1 if postposition is not None else start     # «[жаңа ереже бойынша] мектеп директоры»


def in_title_before(words: list, index: int) -> bool:
    """A lower-case word a title's phrase holds before its head: a noun or attribute in the
    nominative or the genitive, a locative attribute («жөніндегі», «ауданындағы»), «және»
    between two such words; no participle (a clause of its own), no circumstance."""
    word = words[index].text
    lower = word.lower()
    if lower in TITLE_LINKS:
        return index > 0 and words[index - 1].text[:1].islower() and title_word(words, index - 1)
    if not word[:1].islower() or lower in CIRCUMSTANCES or lower in KK_POSTPOSITIONS \
            or lower.endswith(PARTICIPLE_ENDINGS):
        return False
    return title_word(words, index)


def title_word(words: list, index: int) -> bool:
    """A word in the nominative or the genitive, a locative attribute, or an adjective in -ты."""
    word = words[index].text
    return qualifies_title(word) or word.lower().endswith(LOCATIVE_ATTRIBUTES) or \
        adjective_before_genitive(words, index)


def adjective_before_genitive(words: list, index: int) -> bool:
    """«тұрақты комиссиясының»: an adjective in -ты/-ті, which the stemmer reads as an
    accusative, before a genitive noun (where an object could not stand)."""
    lower = words[index].text.lower()
    following = words[index + 1].text.lower() if index + 1 < len(words) else ""
    return lower.endswith(("ты", "ті")) and following.endswith(GENITIVE_ENDINGS)


PARTICIPLE_ENDINGS = ("ған", "ген", "қан", "кен", "атын", "етін", "йтын", "йтін")
CLAUSE_REACH = 4             # words of a participle clause between a title and its name


def participle_clause_before(words: list, first: int) -> int:
    """«Миссия өкілі, Бішкектен келген Асан Исаев»: how many words (the comma included) a
    participle clause puts between a title and the name it stands before; 0 where none."""
    if first < 2 or not words[first - 1].text.lower().endswith(PARTICIPLE_ENDINGS):
        return 0
    for comma in range(first - 2, max(first - 2 - CLAUSE_REACH, -1), -1):
        if words[comma].text == ",":
            return first - comma
    return 0


def with_body_before(spans, words, start: int) -> int:
    """A title's start, taking in the place or organisation named right before it that
    it belongs to («Қызылорда облысы әкімінің орынбасары»: the tagger's POSITION begins
    at «әкімінің», its GPE ends at «облысы»), or the body it starts inside."""
    inside = next((a for a, b, label in spans if a < start <= b and label in BODY_LABELS), None)
    if inside is not None:
        return inside                # «[… үйлестіру және … басқармасының] басшысы»: the tagger cut the body
    body = next((a for a, b, label in spans if b == start - 1 and label in BODY_LABELS), None)
    return body if body is not None and qualifies_title(words[start - 1].text) else start


def subject_and_object(words: list, first: int) -> bool:
    """«Министр Тоқаевқа баяндады»: a title opening the sentence before a name in another
    case is the sentence's subject, not the name's title."""
    return first == 1 and has_case_ending(words[first].text)


def qualifies_title(word: str) -> bool:
    """A word of a title's phrase: in the nominative or the genitive («Шымкент қаласының
    әкімі»); «Кездесуге облыс әкімі …» leaves the dative out."""
    lower = word.lower()
    return word.replace("-", "").isalpha() and (not has_case_ending(lower) or lower.endswith(GENITIVE_ENDINGS))


def add_mention(records: dict, kind: str, name: str, entry: Entry | None, span: tuple[int, int],
                positions: tuple[str, ...] = ()) -> None:
    record = records.get(name.lower()) or (kind == "person" and (full_name_of(records, name) or
                                                                  spelt_otherwise(records, name)))
    if not record:
        record = records.setdefault(name.lower(), new_record(kind, name, entry))
    record["spans"].append(list(span))
    record["mentions"] += 1
    for position in positions:
        if position not in record.get("positions", [position]):
            record["positions"].append(position)


def full_name_of(records: dict, surname: str) -> dict | None:
    """A surname alone («Балаева») is the person named in full before (Аида Балаева)."""
    if " " in surname:
        return None
    key = name_key(surname)
    named = [r for r in records.values() if " " in r["name"] and name_key(r["name"].split()[-1]) == key]
    return named[-1] if named else None


def spelt_otherwise(records: dict, name: str) -> dict | None:
    """«Ержан Сарсенов» after «Ержан Сәрсенов»: one full name in Russian and in Kazakh
    spelling (ә/а, қ/к, ұ/у …) is one person, the first spelling kept."""
    if " " not in name:
        return None
    key = name_key(name)
    return next((r for r in records.values() if " " in r["name"] and name_key(r["name"]) == key), None)


def new_record(kind: str, name: str, entry: Entry | None) -> dict:
    record = {"name": name, "mentions": 0, "spans": [], "entity_id": entity_id(kind, name)}
    if kind == "person":
        record.update({"positions": [], "references": []})
    if kind == "place":
        record.update({"lat": getattr(entry, "lat", None), "lon": getattr(entry, "lon", None),
                       "region": getattr(entry, "region", None)})
    return record
