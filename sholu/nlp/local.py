"""Local and regional bodies, which news writes in lower case and the tagger misses:
«маслихат города Костаная», «областного маслихата», «управление образования Атырауской
области», «специализированный межрайонный административный суд». For an election monitor
they are political subjects like any ministry.

A body noun (маслихат, акимат, управление …) is a local body when a territorial word
says so: an adjective before it (областной, городской, межрайонный) or a genitive unit
after it (области, города Костаная, Карагандинской области). The place stays a place too.

A generic reference («городской маслихат», «акимат области», «облыс әкімдігі») is the one
body of its kind and level the article names in full, else the gazetteer's akimat or
maslikhat of the one region (or city) the article names; else it stays as written."""
from __future__ import annotations

from functools import lru_cache

from ..lang.kk.bodies import is_territorial
from ..lang.kk.morphology import GENITIVE_ENDINGS, base_forms, cuts, has_case_ending
from .gazetteer import Entry, load_gazetteer
from .models import noun_stems, parses
from .parse import Mention, Parsed
from .people import entity_id
from .repair import TERRITORIAL_NOUNS, lemma_in, remit_end

LOCAL_HEADS = frozenset("маслихат акимат управление департамент прокуратура суд отдел комиссия служба "
                        "инспекция комитет".split())
TERRITORIAL_ADJECTIVES = frozenset("областной городской районный межрайонный региональный сельский "
                                   "территориальный окружной".split())
REMIT_HEADS = frozenset({"комитет", "комиссия"})   # a body by its remit alone; an «управление по …» is part of one
# a council or an akimat has no remit: «комиссии маслихата по вопросам …» is the commission's
NO_REMIT_HEADS = frozenset({"маслихат", "акимат"})
MAX_COMPLEMENT = 9          # genitive words after the head, up to the unit («водных ресурсов и
                            # сельского хозяйства … области»)


def local_bodies(parsed: Parsed, mentions: list[Mention]) -> list[Mention]:
    """The mentions with every local body no organisation mention already covers; a
    "place" holding a body's noun («Экибастузского городского маслихата») is that body."""
    taken = {i for m in mentions if m.kind in ("organization", "person") for i in range(m.first, m.last + 1)}
    places = {i: m for m in mentions if m.kind == "place" for i in range(m.first, m.last + 1)}
    found, heads = [], set()
    for token in parsed.tokens:
        readings = head_readings(token) if token.index not in taken and may_head(parsed, token) else []
        span = local_body_span(parsed, token.index, readings, places, taken) if readings else None
        remit = remit_body(parsed, token.index, mentions) if readings and span is None else None
        if remit is not None:            # «департамент полиции … области»: the body the police's name is the remit of
            mentions = [m for m in mentions if m is not remit]
            span = (token.index, remit.last)
        if span is not None:
            first, last = span
            found.append(Mention("organization", first, last, parsed.tokens[first].start, parsed.tokens[last].end,
                                 name=local_body_name(parsed, first, token.index, last, readings), source="rule"))
            taken.update(range(first, last + 1))
            heads.add(token.index)
    if not found:
        return mentions
    kept = [m for m in mentions if m.kind != "place" or not any(m.first <= head <= m.last for head in heads)]
    return sorted(kept + found, key=lambda m: m.start)


def remit_body(parsed: Parsed, head: int, mentions: list[Mention]) -> Mention | None:
    """An organisation named right after a body's noun, in the genitive, with a territorial
    unit in its name («департамента [полиции Павлодарской области]»): its name is the body's
    remit and place, so the two are one body. None where none follows."""
    following = next((m for m in mentions if m.kind == "organization" and m.first == head + 1), None)
    if following is None or parsed.tokens[head + 1].capitalised or not genitive(parsed.tokens[head + 1].text):
        return None
    names_unit = any(lemma_in(t.text, TERRITORIAL_NOUNS) for t in parsed.words(following))
    return following if names_unit else None


def with_complements(parsed: Parsed, mentions: list[Mention]) -> list[Mention]:
    """«Северо-Казахстанская областная комиссия [референдума]»: the tagger stops at the
    body noun; the lower-case genitive nouns right after it are part of the name."""
    starts = {m.first for m in mentions}
    for mention in mentions:
        last = parsed.tokens[mention.last]
        if mention.kind != "organization" or mention.source != "ner" or not head_readings(last):
            continue
        index = mention.last + 1
        while index < len(parsed.tokens) and index not in starts and index - mention.last <= MAX_GENITIVES \
                and is_genitive_noun(parsed.tokens[index], last):
            index += 1
        if index > mention.last + 1:
            mention.last, mention.end = index - 1, parsed.tokens[index - 1].end
    return mentions


MAX_GENITIVES = 2


def is_genitive_noun(token, head) -> bool:
    return token.sentence == head.sentence and not token.capitalised and token.pos == "NOUN" \
        and token.case == "Gen" and genitive(token.text)


def may_head(parsed: Parsed, token) -> bool:
    """Lower case, or capitalised as its sentence's first word («Прокуратура области …»)."""
    previous = parsed.tokens[token.index - 1] if token.index else None
    return not token.capitalised or previous is None or previous.sentence != token.sentence


def head_readings(token) -> list:
    """The dictionary's readings of the word as a local body noun (the tagger often
    misreads «маслихата», a word it does not know)."""
    # singular only: «территориальных комиссий» are bodies in general, not one
    lower = token.text.lower()
    if not lower.startswith(noun_stems(LOCAL_HEADS)):
        return []
    return [p for p in parses(lower)
            if p.tag.POS == "NOUN" and p.normal_form in LOCAL_HEADS and p.tag.number == "sing"]


def local_body_span(parsed: Parsed, head: int, readings: list, places: dict, taken: set) -> tuple[int, int] | None:
    """A body noun with its territorial adjective or unit, or with its remit («комитета по
    финансам и бюджету», a committee of parliament, in lower case as news writes it)."""
    first, territorial = modifiers_before(parsed, head, readings, taken)
    remit = remit_end(parsed.tokens, head)
    last = unit_after(parsed, head, places, taken) or (remit and unit_after(parsed, remit, places, taken))
    if last is None and territorial:
        last = genitives_after(parsed, head, taken)       # «областной службе занятости»
    if last is not None and readings[0].normal_form not in NO_REMIT_HEADS:
        last = remit_end(parsed.tokens, last) or last
    elif readings[0].normal_form in REMIT_HEADS:
        last = remit_end(parsed.tokens, head)
    if last is None or any(index in taken for index in range(head, last + 1)):
        return None
    return first, last


def genitives_after(parsed: Parsed, head: int, taken: set) -> int:
    """The last of the lower-case genitive nouns right after the head (the head if none)."""
    index = head
    while index + 1 < len(parsed.tokens) and index + 1 not in taken and index - head < MAX_GENITIVES \
            and is_genitive_noun(parsed.tokens[index + 1], parsed.tokens[head]):
        index += 1
    return index


def modifiers_before(parsed: Parsed, head: int, readings: list, taken: set) -> tuple[int, bool]:
    """The first of the adjectives agreeing with the head, and whether one is territorial."""
    tokens, first, territorial = parsed.tokens, head, False
    while first > 0 and first - 1 not in taken:
        before = tokens[first - 1]
        if before.sentence != tokens[head].sentence or not agrees(before.text, readings):
            break
        territorial = territorial or lemma_in(before.text, TERRITORIAL_ADJECTIVES)
        first -= 1
    return first, territorial


def agrees(word: str, readings: list) -> bool:
    """An adjective in a case, number and gender of one of the head's readings."""
    wanted = {(r.tag.case, r.tag.number, r.tag.gender if r.tag.number == "sing" else None) for r in readings}
    return any(p.tag.POS in ("ADJF", "PRTF") and "Apro" not in p.tag and
               (p.tag.case, p.tag.number, p.tag.gender if p.tag.number == "sing" else None) in wanted
               for p in parses(word.lower()))


def unit_after(parsed: Parsed, head: int, places: dict, taken: set) -> int | None:
    """The last word of the genitive territorial unit after the head («города Костаная»,
    «образования Атырауской области»), or None when the genitives after it name none."""
    tokens, index = parsed.tokens, head + 1
    while index < len(tokens) and index - head <= MAX_COMPLEMENT and index not in taken:
        token = tokens[index]
        if token.sentence != tokens[head].sentence:
            return None
        if index in places:
            return places[index].last
        if token.text == "и" and index > head + 1:
            index += 1
            continue
        if listed_after_comma(tokens, index, head):
            index += 1                  # «отдела культуры, спорта и развития языков района»
            continue
        if token.capitalised or not genitive(token.text) or head_readings(token):
            return None                 # «отдела … акимата города»: the unit is the akimat's
        if lemma_in(token.text, TERRITORIAL_NOUNS):
            following = places.get(index + 1)
            return following.last if following is not None else index
        index += 1
    return None


def listed_after_comma(tokens, index: int, head: int) -> bool:
    """A comma inside a list of the head's genitive complements: a genitive in lower case on
    each side, and no body noun after it (that would be a second body)."""
    if tokens[index].text != "," or index == head + 1 or index + 1 >= len(tokens):
        return False
    following = tokens[index + 1]
    return not following.capitalised and genitive(following.text) and genitive(tokens[index - 1].text) \
        and not following.text.lower().startswith(noun_stems(LOCAL_HEADS))


def genitive(word: str) -> bool:
    return any(p.tag.case == "gent" for p in parses(word.lower()))


def local_body_name(parsed: Parsed, first: int, head: int, last: int, readings: list) -> str:
    """In the nominative: the head's lemma, its adjectives agreeing, the rest as written."""
    gender = readings[0].tag.gender
    words = [nominative_adjective(t.text, gender) for t in parsed.tokens[first:head]] + [readings[0].normal_form]
    rest = parsed.text[parsed.tokens[head].end:parsed.tokens[last].end]
    name = " ".join(words) + rest
    return name[:1].lower() + name[1:] if is_common(parsed.tokens[first].text) else name


def is_common(word: str) -> bool:
    """«Областного», «Прокуратура» opening a sentence are common words; «Экибастузского» is not."""
    return lemma_in(word, TERRITORIAL_ADJECTIVES | LOCAL_HEADS)


def nominative_adjective(word: str, gender: str | None) -> str:
    for parse in parses(word.lower()):
        if parse.tag.POS in ("ADJF", "PRTF"):
            inflected = parse.inflect({"nomn", "sing", gender} if gender else {"nomn", "sing"})
            if inflected is not None:
                return inflected.word.capitalize() if word[:1].isupper() else inflected.word
    return word


# -------------------------------------------------------------------- generic references

LEVELS = (("област", "region"), ("облыс", "region"), ("город", "city"), ("қала", "city"),
          ("район", "district"), ("аудан", "district"))
# the bodies the gazetteer lists for every region and city of republican significance
GAZETTEER_BODIES = {"акимат": ("акимат", "әкімдік", "әкімдіг"), "маслихат": ("маслихат", "мәслихат")}


def resolve_generic_bodies(organisations: list[dict], places: list[dict]) -> list[dict]:
    """Organisation records named by their kind and level alone («городской маслихат»,
    «акимат области», «облыс әкімдігі») merged into the one body of that kind and level the
    article names in full («маслихат города Костаная»), else renamed to the gazetteer's
    akimat or maslikhat of the one region (or city) among the article's places."""
    merged: dict[str, dict] = {}
    places = places + regions_of_bodies(organisations)
    for record in organisations:
        generic = generic_parts(record["name"])
        target = named_in_full(generic, organisations) if generic else named_again_in_full(record["name"], organisations)
        target = target or (gazetteer_body_of(generic, places) if generic else None)
        if target is not None:
            record = {**record, "name": target, "entity_id": entity_of(target)}
        key = record["name"].lower()
        if key in merged:
            merged[key]["spans"] = sorted(merged[key]["spans"] + record["spans"])
            merged[key]["mentions"] += record["mentions"]
        else:
            merged[key] = record
    return list(merged.values())


def generic_parts(name: str) -> tuple[str, str] | None:
    """(level, head) of a two-word name made of a level word and a body noun."""
    words = name.lower().split()
    if len(words) != 2:
        return None
    for level_word, head in (words, words[::-1]):
        level = level_of(level_word)
        if level and not level_of(head):
            return level, head
    return None


def level_of(word: str) -> str | None:
    return next((level for stem, level in LEVELS if word.startswith(stem)), None)


def named_in_full(generic: tuple[str, str], organisations: list[dict]) -> str | None:
    """The name of the one longer body with the same head noun at the same level."""
    level, head = generic
    stems = head_stems(head)
    names = {r["name"] for r in organisations if len(r["name"].split()) > 2
             and any(w.startswith(stems) for w in r["name"].lower().split())
             and any(level_of(w) == level for w in r["name"].lower().split())}
    return names.pop() if len(names) == 1 else None


def head_stems(head: str) -> tuple[str, ...]:
    """The stems a body's head noun is written with: both languages' for a body the
    gazetteer names in Russian («облыстық мәслихат» is the «маслихат … области» named
    before), else the noun's own."""
    kind = next((heads for heads in GAZETTEER_BODIES.values() if head.startswith(heads)), None)
    return kind or (head[:max(3, len(head) - 2)],)


def named_again_in_full(name: str, organisations: list[dict]) -> str | None:
    """«облыстық денсаулық сақтау басқармасы» after «Павлодар облысының денсаулық сақтау
    басқармасы»: a body named by its level and kind is the one body of the article whose
    name ends in the same words after a place of that level, or opens with them before one
    («областное управление образования», «управление образования Павлодарской области»)."""
    words = name.lower().split()
    level = level_of(words[0]) if len(words) > 2 else None
    if level is None:
        return None
    rest = " " + " ".join(words[1:])
    names = {r["name"] for r in organisations if r["name"].lower().endswith(rest)
             and any(level_of(w) == level for w in r["name"].lower()[:-len(rest)].split()[1:])}
    names |= {r["name"] for r in organisations if r["name"].lower().startswith(rest[1:] + " ")
              and any(level_of(w) == level for w in r["name"].lower()[len(rest):].split())}
    return names.pop() if len(names) == 1 else None


def regions_of_bodies(organisations: list[dict]) -> list[dict]:
    """The regions bodies are named by, as places («Костанайский областной филиал …» →
    Костанайская область, «Қостанай облыстық филиалы» → the same): the article's region
    even where it names no place of its own."""
    regions = []
    for record in organisations:
        words = record["name"].split()
        for word, unit in zip(words, words[1:]):
            region = region_before_unit(word, unit.lower())
            if region and region not in regions:
                regions.append(region)
    return [{"name": name} for name in regions]


def region_before_unit(word: str, unit: str) -> str | None:
    """The gazetteer's region a word names before «областной»/«облыстық» (or «облысы»)."""
    if not word[:1].isupper():
        return None
    if unit.startswith("облыс"):
        candidates = [f"{word} облысы"]
    elif unit.startswith("област"):          # «областной», «области»
        candidates = [f"{form} область" for form in feminine_forms(word)]
    else:
        return None
    entries = [load_gazetteer().lookup(name) for name in candidates]
    return next((e.name for e in entries if e is not None and e.is_place and e.kind == "region"), None)


def feminine_forms(adjective: str) -> list[str]:
    """«Костанайский» -> «Костанайская»: the adjective in the feminine nominative."""
    forms = []
    for parse in parses(adjective.lower()):
        if parse.tag.POS == "ADJF":
            inflected = parse.inflect({"nomn", "sing", "femn"})
            if inflected is not None and inflected.word.capitalize() not in forms:
                forms.append(inflected.word.capitalize())
    return forms


def gazetteer_body_of(generic: tuple[str, str], places: list[dict]) -> str | None:
    """The gazetteer's akimat or maslikhat of the article's one region (or city)."""
    level, head = generic
    kind = next((kind for kind, heads in GAZETTEER_BODIES.items() if head.startswith(heads)), None)
    if kind is None or level not in ("region", "city"):
        return None
    named = {p["name"] for p in places if place_kind(p["name"]) == level}
    body = bodies_by_place().get((kind, next(iter(named)))) if len(named) == 1 else None
    return body.name if body is not None else None


def entity_of(name: str) -> str:
    return entity_id("organization", name)


def place_kind(name: str) -> str | None:
    entry = load_gazetteer().lookup(name)
    return entry.kind if entry is not None and entry.is_place else None


@lru_cache(maxsize=1)
def bodies_by_place() -> dict[tuple[str, str], Entry]:
    """The gazetteer's akimats and maslikhats by kind and the place each names
    («маслихат Астаны» → ("маслихат", "Астана"))."""
    gazetteer, found = load_gazetteer(), {}
    for entry in gazetteer.entries:
        kind = entry.name.split()[0].lower()
        if entry.kind == "state_body" and kind in GAZETTEER_BODIES:
            named = [m.entry for m in gazetteer.find(entry.name[len(kind) + 1:]) if m.kind == "place"]
            if len(named) == 1:
                found.setdefault((kind, named[0].name), entry)
    return found


# -------------------------------------------------------------------- Kazakh

KK_LOCAL_HEADS = frozenset("мәслихат әкімдік басқарма департамент прокуратура сот бөлім комиссия инспекция".split())
KK_NOT_IN_NAME = frozenset("бойынша үшін туралы арқылы кейін дейін бірге".split())
KK_MIDDLE_WORDS = 9         # «Облыстық мәдениет және тілдерді дамыту басқармасы», «облысы
                            # әкімдігінің су ресурстарын басқару және … бағдарламалар басқармасы»
KK_PLACE_WORDS = 2          # «Шығыс Қазақстан облысының»


def kazakh_local_bodies(words: list) -> list[tuple[int, int]]:
    """(first, last) of each Kazakh local body: a body noun after a territorial word
    («облыстық мәслихаттың», «Түркістан облысының прокуратурасы», «облыс әкімдігі»), with
    the words between them and the place's name before them."""
    found = []
    for head, word in enumerate(words):
        if word.text[:1].islower() and not head_forms(word.text).isdisjoint(KK_LOCAL_HEADS):
            first = kazakh_body_start(words, head)
            if first is not None:
                found.append((first, head))
    return found


def head_forms(word: str) -> set[str]:
    """The word's base forms, and its every cut where the vocabulary lacks the word, so
    cannot confirm one («инспекциясының» -> «инспекция»)."""
    return base_forms(word) | cuts(word.lower())


def kazakh_body_start(words: list, head: int) -> int | None:
    """The body's first word: a territorial word («қалада», a circumstance, is none) after
    at most a few lower-case attributes or genitives, with the place named before it."""
    index = head - 1
    while index >= 0 and head - index <= KK_MIDDLE_WORDS:
        text, lower = words[index].text, words[index].text.lower()
        if not lower.replace("-", "").isalpha() or lower in KK_NOT_IN_NAME or \
                (has_case_ending(lower) and not lower.endswith(GENITIVE_ENDINGS)
                 and not governed_by_verbal_noun(words, index, head)):
            return None
        if is_territorial(text):
            return with_place_name(words, index)
        if text[:1].isupper():
            return None
        index -= 1
    return None


def governed_by_verbal_noun(words: list, index: int, head: int) -> bool:
    """«жұмыспен қамтуды үйлестіру басқармасы», «халықты әлеуметтік қорғау»: a noun in
    another case inside a body's name is the object of the verbal noun in -у after it (a
    word or two on), which names the body's remit."""
    following = [w.text.lower() for w in words[index + 1:min(index + 3, head)]]
    return any(is_verbal_noun(word) for word in following)


def is_verbal_noun(word: str) -> bool:
    return word.isalpha() and any(form.endswith(("у", "ю")) and len(form) > 3 for form in cuts(word) | {word})


def with_place_name(words: list, territorial: int) -> int:
    """The first word of the place the gazetteer knows named right before «облысының»,
    «облыстық» («Шығыс Қазақстан», «Түркістан»), or the territorial word itself. A region
    the gazetteer knows only with its unit («Түркістан облысы») is that place too."""
    unit = territorial_unit(words[territorial].text)
    for size in range(KK_PLACE_WORDS, 0, -1):
        names = [w.text for w in words[max(0, territorial - size):territorial]]
        if len(names) == size and all(name[:1].isupper() for name in names) and \
                any(is_place_named(" ".join(names + form)) for form in ([], unit)):
            return territorial - size
    return territorial


def territorial_unit(word: str) -> list[str]:
    """The unit a territorial word names, as a region's name ends in it («облыстық»,
    «облысының» -> «облысы»; «аудандық» -> «ауданы»), or nothing."""
    forms = base_forms(word) | {word.lower()}
    return next(([unit] for stem, unit in KK_UNITS if any(form.startswith(stem) for form in forms)), [])


KK_UNITS = (("облыс", "облысы"), ("аудан", "ауданы"))


def is_place_named(name: str) -> bool:
    entry = load_gazetteer().lookup(name)
    return entry is not None and entry.is_place
