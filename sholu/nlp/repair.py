"""Where Natasha's spans are wrong on this kind of text, and the general fixes:

- a quoted name cut before its closing quote («РОО «Союз юристов Казахстана») grows
  to the quote; a descriptor and the quoted name after it («коалиции «За …»») join;
- a gazetteer name (state bodies, parties, places) overrides the tagger, so «Мажилиса»
  is no person and «Справедливого Казахстана» is the place Казахстан;
- an organisation needs a head noun, quotes, Latin letters or an acronym: slogans such
  as «Человека Труда» are dropped; so are the tagger's pieces of web domains (a whole site
  name is `recall.missed_sites`'s);
- a person's words are capitalised names, not common words.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ..lang import pack_for
from .acronyms import is_unit
from .models import morph, parses
from .normalise import is_adjective, is_noun
from .parse import Mention, Parsed
from .titles import is_extra_title

OPEN, CLOSE = "«“„", "»”"
DOMAIN = re.compile(r"\.(kz|ru|com|org|net|media|news|info)$", re.IGNORECASE)
ACRONYM = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,}$")
LATIN = re.compile(r"[A-Za-z]")
OCCUPATION = re.compile(r"(?:ник|щик|чик|ист|лог|тор)$")
PRONOUN_ADJECTIVES = frozenset("других другого такого таких этого этих всего всех своего своих "
                               "некоторых многих иных прочих".split())
NO_ONE_BODY = frozenset({"СМИ", "НКО", "НПО", "вузы", "ВУЗ", "вуз",
                         "ЖКХ", "АПК", "ТЭК", "ВПК", "ГМК", "МСБ"})     # the last: sectors of the economy
QUOTE_REACH = 12
STREET_NOUNS = frozenset("улица проспект площадь бульвар переулок шоссе набережная микрорайон тупик "
                         "проезд аллея даңғыл көше".split())
STREET_ABBREVIATIONS = frozenset("ул пр пр-т пр-кт просп пл б-р бул пер ш наб мкр мкрн".split())          # tokens a quoted name may run past the tagger's span
BUILDING_NOUNS = frozenset("дом дворец здание зал павильон".split())


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    """`sholu/lang/ru/org_heads.txt`."""
    return pack_for("ru").org_heads


NAME_PARTICLES = ("аль-", "эль-", "ад-", "ас-", "ан-", "бин", "ибн", "бен", "ван", "фон", "де", "ди",
                  "да", "дер", "ла", "ле", "al-", "el-", "bin", "van", "von", "de", "da")


ATTRIBUTION_WORDS = frozenset("""передает передаёт сообщает сообщают пишет информирует источник
    корреспондент корреспондента данным информации ссылкой""".split())
# the nouns of an administrative unit («области», «района»): a place's own name, not a thing
TERRITORIAL_NOUNS = frozenset("область город район регион округ".split())
ATTRIBUTION_REACH = 4     # tokens before an outlet's name where «передает» may stand


def repair(parsed: Parsed, matches: list) -> list[Mention]:
    mentions = [open_quotes(parsed, close_quotes(parsed, extend_organisation(parsed, without_governing_noun(
                parsed, trim_title(parsed, m))))) for m in parsed.mentions]
    mentions = join_descriptor_and_quote(parsed, mentions) + quoted_names(parsed, mentions)
    mentions = apply_gazetteer(parsed, mentions, matches)
    mentions = [m for m in map(lambda m: capitals_read(parsed, m), mentions) if m is not None]
    return [m for m in mentions if plausible(parsed, m) and not is_attribution(parsed, m)]


MIN_CAPITALISED_WORD = 5     # letters: acronyms that are also words are shorter (ФИФА, ПАСЕ, ОПЕК)


def capitals_read(parsed: Parsed, mention: Mention) -> Mention | None:
    """«КОРРЕСПОНДЕНТ:», «ВИДЕО-ОБРАЩЕНИЕ», «ОМАРОВ:»: a long word in capitals that the
    dictionary knows is a word set in capitals (a transcript's speaker label, a header), not an
    acronym the tagger may take for an organisation: a surname or first name is that
    person, any other word no mention at all."""
    words = [t for t in parsed.words(mention) if t.pos != "PUNCT"]
    if mention.kind != "organization" or mention.source != "ner" or len(words) != 1 \
            or not is_word_in_capitals(words[0].text):
        return mention
    readings = parses(words[0].text.lower())[:1]
    if readings and {"Surn", "Name"} & readings[0].tag.grammemes:
        mention.kind = "person"
        return mention
    return None


def is_word_in_capitals(word: str) -> bool:
    letters = word.replace("-", "")
    if not (letters.isalpha() and letters.isupper() and len(letters) >= MIN_CAPITALISED_WORD):
        return False
    parts = word.lower().split("-")       # «ВИДЕО-ОБРАЩЕНИЕ»: each part a word
    return all(morph().word_is_known(part) and is_ordinary_word(part) for part in parts if part)


def is_ordinary_word(word: str) -> bool:
    readings = parses(word)[:1]
    return bool(readings) and not {"Abbr", "Orgn", "Geox"} & readings[0].tag.grammemes


def is_attribution(parsed: Parsed, mention: Mention) -> bool:
    """«передает DKNews.kz», «Источник: zanmedia.kz»: the outlet field's business, not
    a mention of an actor; «NEWSru.com» elsewhere in a text is an organisation."""
    if mention.kind != "organization":
        return False
    outlet = getattr(mention.entry, "kind", None) == "outlet" or DOMAIN.search(parsed.surface(mention).strip())
    before = parsed.tokens[max(0, mention.first - ATTRIBUTION_REACH):mention.first]
    return bool(outlet) and any(t.text.lower() in ATTRIBUTION_WORDS for t in before)


def close_quotes(parsed: Parsed, mention: Mention) -> Mention:
    words = parsed.words(mention)
    opened = sum(t.text in OPEN for t in words) - sum(t.text in CLOSE for t in words)
    if opened <= 0:
        return mention
    closing = next_close(parsed, mention.last + 1, mention)
    if closing is not None:
        extend_to(parsed, mention, closing)
    return mention


def open_quotes(parsed: Parsed, mention: Mention) -> Mention:
    """«Союз адвокатов Казахстана» (САК): a span that closes a quote it did not open
    starts at the opening quote right before it."""
    words = parsed.words(mention)
    closed = sum(t.text in CLOSE for t in words) - sum(t.text in OPEN for t in words)
    if closed > 0 and mention.first > 0 and parsed.tokens[mention.first - 1].text in OPEN:
        mention.first -= 1
        mention.start = parsed.tokens[mention.first].start
    return mention


def next_close(parsed: Parsed, start: int, mention: Mention) -> int | None:
    sentence = parsed.tokens[mention.first].sentence
    for index in range(start, min(start + QUOTE_REACH, len(parsed.tokens))):
        token = parsed.tokens[index]
        if token.sentence != sentence:
            return None
        if token.text in CLOSE:
            return index
    return None


def extend_to(parsed: Parsed, mention: Mention, last: int) -> None:
    mention.last = last
    mention.end = parsed.tokens[last].end


def trim_title(parsed: Parsed, mention: Mention) -> Mention:
    """«Аким Ерлан Сагиев», «Электролизник Канат Сулейменов»: a sentence-initial title
    or occupation is not part of the name."""
    while mention.kind == "person" and mention.last > mention.first \
            and (is_title_word(parsed.tokens[mention.first].text) or is_occupation_before_name(parsed, mention)) \
            and not parsed.tokens[mention.first + 1].text.lower().startswith(NAME_PARTICLES):
        mention.first += 1
        mention.start = parsed.tokens[mention.first].start
    return mention


def is_title_word(word: str) -> bool:
    """A person noun that is never a name («аким», «министр»; not «Лев», «Роза»)."""
    if is_extra_title(word):
        return True
    if not morph().word_is_known(word.lower()):
        return False          # an unknown word here is a foreign first name (Джаред)
    readings = parses(word.lower())
    if any({"Name", "Surn", "Patr"} & p.tag.grammemes for p in readings):
        return False
    return any(p.tag.POS == "NOUN" and "anim" in p.tag for p in readings)


def is_occupation_before_name(parsed: Parsed, mention: Mention) -> bool:
    """A word the dictionary lacks, shaped like an occupation (электролизник, шихтовщик),
    before two more words of the name: no part of it (a known one is `is_title_word`'s)."""
    first = parsed.tokens[mention.first].text.lower()
    return mention.last - mention.first >= 2 and OCCUPATION.search(first) is not None \
        and not morph().word_is_known(first)


def extend_organisation(parsed: Parsed, mention: Mention) -> Mention:
    """The tagger often stops short of an organisation's full name: a capitalised
    adjective before it («Генерального Совета»), the noun after a final adjective
    («Штаб поддержки профсоюзных кандидатов»), a genitive conjunct («центра зеленых
    технологий и инвестиционных проектов»)."""
    if mention.kind != "organization":
        return mention
    tokens = parsed.tokens
    while mention.first > 0 and is_leading_adjective(tokens[mention.first - 1], tokens[mention.first]):
        mention.first -= 1
        mention.start = tokens[mention.first].start
    after = mention.last + 1
    if after < len(tokens) and is_adjective(tokens[mention.last]) and is_noun(tokens[after]) \
            and tokens[after].feats.get("Animacy") != "Anim":
        extend_to(parsed, mention, after)
    conjunct = genitive_conjunct(tokens, mention.last)
    if conjunct is not None:
        extend_to(parsed, mention, conjunct)
    complement = number_after(tokens, mention.last) or remit_end(tokens, mention.last)
    if complement is not None:
        extend_to(parsed, mention, complement)
    attached = attached_to(tokens, mention.last)
    if attached is not None:
        extend_to(parsed, mention, attached)
    return mention


def number_after(tokens, last: int) -> int | None:
    """Index of the number in «суд № 3», «школа № 45»: it tells bodies of one kind apart."""
    sign, number = last + 1, last + 2
    if number >= len(tokens) or tokens[sign].text not in ("№", "N") or not tokens[number].text.isdigit() \
            or tokens[number].sentence != tokens[last].sentence or not lemma_in(tokens[last].text, org_heads()):
        return None
    return number


# «по» before these names a circumstance (по итогам, по словам, по данным), no body's remit
NOT_A_REMIT = frozenset("итог слово данные мнение повод случай результат причина приглашение инициатива "
                        "поручение просьба информация сведение оценка подсчёт телефон окончание линия".split())
REMIT_WORDS = 12             # words of «по …» after a body's noun


def remit_end(tokens, head: int) -> int | None:
    """Index of the last word of a body's remit after its noun: «комиссии по делам женщин и
    семейно-демографической политике», «комитета по финансам и бюджету» — «по», a dative
    phrase and the genitives and conjuncts after it."""
    start = head + 1
    if start + 1 >= len(tokens) or tokens[start].text.lower() != "по" or not lemma_in(tokens[head].text, org_heads()):
        return None
    last = None
    for token in tokens[start + 1:start + 1 + REMIT_WORDS]:
        if token.sentence != tokens[head].sentence or token.capitalised:
            break
        if token.pos == "NOUN" and token.case in ("Dat", "Gen"):
            if last is None and (token.case != "Dat" or lemma_in(token.text, NOT_A_REMIT)):
                return None
            last = token.index
        elif not (token.text == "и" or (token.pos == "ADJ" and token.case in ("Dat", "Gen"))):
            break
    return last


def attached_to(tokens, last: int) -> int | None:
    """Index of the last word of «при Президенте (Республики Казахстан)», «при
    Правительстве»: the body a service or council is attached to is part of its name."""
    index = last + 1
    if index + 1 >= len(tokens) or tokens[index].text != "при" or not tokens[index + 1].capitalised \
            or tokens[index + 1].sentence != tokens[last].sentence:
        return None
    index += 1
    while index + 1 < len(tokens) and tokens[index + 1].capitalised and tokens[index + 1].case == "Gen" \
            and tokens[index + 1].sentence == tokens[last].sentence:
        index += 1
    return index


def is_leading_adjective(token, first) -> bool:
    return (token.pos == "ADJ" and token.capitalised and token.sentence == first.sentence
            and token.case == first.case and token.index != first.index)


def genitive_conjunct(tokens, last: int) -> int | None:
    """Index of the noun closing «и <adjectives> <genitive noun>» after `last`."""
    if tokens[last].case != "Gen" or tokens[last].pos != "NOUN" or tokens[last].capitalised \
            or last + 2 >= len(tokens) or tokens[last + 1].text != "и":
        return None
    index = last + 2
    while index < len(tokens) and tokens[index].pos == "ADJ" and tokens[index].case == "Gen" \
            and tokens[index].text.lower() not in PRONOUN_ADJECTIVES:
        index += 1
    if index < len(tokens) and tokens[index].pos == "NOUN" and tokens[index].case == "Gen":
        return index
    return None


def join_descriptor_and_quote(parsed: Parsed, mentions: list[Mention]) -> list[Mention]:
    """An organisation followed by a quoted name becomes one organisation; the quoted
    name's own span, if the tagger made one, goes into it."""
    for mention in mentions:
        after = mention.last + 1
        if mention.kind != "organization" or after >= len(parsed.tokens):
            continue
        if parsed.tokens[after].text in OPEN:
            closing = next_close(parsed, after + 1, mention)
            if closing is not None:
                extend_to(parsed, mention, closing)
    return drop_contained(mentions)


def quoted_names(parsed: Parsed, mentions: list[Mention]) -> list[Mention]:
    """«ассоциация «Голос»», «ТОО «Казцинк»»: a capitalised quoted name right after an
    organisation noun or a legal form is an organisation even where the tagger is silent."""
    from .normalise import LEGAL_FORMS

    covered = {i for m in mentions for i in range(m.first, m.last + 1)}
    found = []
    for token in parsed.tokens[1:]:
        before = parsed.tokens[token.index - 1]
        if token.text not in OPEN or token.index in covered or token.index + 1 >= len(parsed.tokens):
            continue
        if not parsed.tokens[token.index + 1].capitalised:
            continue
        if before.text in LEGAL_FORMS or lemma_in(before.text, org_heads()):
            closing = next_close(parsed, token.index + 1, Mention("organization", token.index, token.index, 0, 0))
            inside = range(token.index, (closing or token.index) + 1)
            if closing is not None and closing > token.index + 1 and not covered.intersection(inside):
                found.append(Mention("organization", token.index, closing, token.start,
                                     parsed.tokens[closing].end, source="rule"))
    return found


def drop_contained(mentions: list[Mention]) -> list[Mention]:
    kept = []
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if kept and mention.start >= kept[-1].start and mention.end <= kept[-1].end:
            continue
        kept.append(mention)
    return kept


def apply_gazetteer(parsed: Parsed, mentions: list[Mention], matches: list) -> list[Mention]:
    """A known name wins over the tagger, except inside a longer organisation name
    («Национальной инженерной академии Казахстана» keeps its Казахстан) or as the
    name of a street («ул. Шевченко» in any town is not Aktau, once Шевченко) or part of a
    web address («.РФ»)."""
    alive = {id(m): m for m in mentions}          # in their order, as the sort below keeps it
    overlapping = OverlapIndex(mentions)
    added = []
    for match in matches:          # in text order, not overlapping one another
        near = [m for m in overlapping(match.start, match.end) if id(m) in alive]
        host = next((m for m in near if m.kind == "organization" and m.source == "ner"
                     and m.start <= match.start and match.end <= m.end
                     and (m.start, m.end) != (match.start, match.end)), None)
        if part_of_country(parsed, match):            # the tagger's place over it goes too
            for mention in near:
                if mention.kind == "place":
                    del alive[id(mention)]
            continue
        if host is not None or names_a_street(parsed, match) or in_a_domain(parsed.text, match):
            continue
        for mention in near:
            if without_match(parsed, mention, match) is None:
                del alive[id(mention)]
        added.append(gazetteer_mention(parsed, match))
    return sorted([*alive.values(), *added], key=lambda m: m.start)


class OverlapIndex:
    """The mentions overlapping a stretch of text, found by bisection over their starts
    (a scan per gazetteer match made long articles quadratic). Mentions may shrink
    afterwards (`without_match`), never grow, so the answer only over-approximates."""

    def __init__(self, mentions: list[Mention]):
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.longest = max((m.end - m.start for m in mentions), default=0)

    def __call__(self, start: int, end: int) -> list[Mention]:
        low = bisect_left(self.starts, start - self.longest)
        high = bisect_left(self.starts, end)
        return [m for m in self.mentions[low:high] if m.end > start]


COMPASS_ADJECTIVES = frozenset("восточный западный северный южный центральный".split())


def part_of_country(parsed: Parsed, match) -> bool:
    """«Горняки Восточного Казахстана»: a part of the country named by its side is not the
    country, and no place the gazetteer can put on the map."""
    first = parsed.first_token_after(match.start)
    if getattr(match.entry, "kind", None) != "country" or not 0 < first < len(parsed.tokens):
        return False
    before = parsed.tokens[first - 1]
    return before.capitalised and before.sentence == parsed.tokens[first].sentence \
        and lemma_in(before.text, COMPASS_ADJECTIVES)


def in_a_domain(text: str, match) -> bool:
    """«в зоне .РФ», «akorda.kz»: a web address, not the country."""
    return match.start > 0 and text[match.start - 1] == "."


def names_a_street(parsed: Parsed, match) -> bool:
    """The word before the match is a street, square or avenue («ул.», «проспекте»)."""
    first = parsed.first_token_after(match.start)
    first = first if first < len(parsed.tokens) else 0
    index = first - 1
    while index >= 0 and parsed.tokens[index].text == ".":
        index -= 1
    return index >= 0 and is_street_word(parsed.tokens[index].text)


def is_street_word(word: str) -> bool:
    lower = word.lower().rstrip(".")
    return lower in STREET_ABBREVIATIONS or lemma_in(lower, STREET_NOUNS)


def without_match(parsed: Parsed, mention: Mention, match) -> Mention | None:
    """A mention clear of the match stays; a person whose name the tagger ran into a
    place («Алматы Ерлан Досаев») keeps the rest; any other overlap gives way."""
    if mention.end <= match.start or mention.start >= match.end:
        return mention
    if mention.kind != "person":
        return None
    inside = [t.index for t in parsed.words(mention) if t.start >= match.end or t.end <= match.start]
    if not inside or inside != list(range(inside[0], inside[-1] + 1)):
        return None
    mention.first, mention.last = inside[0], inside[-1]
    mention.start, mention.end = parsed.tokens[inside[0]].start, parsed.tokens[inside[-1]].end
    return mention


def gazetteer_mention(parsed: Parsed, match) -> Mention:
    first, last = parsed.first_token_after(match.start), parsed.last_token_before(match.end)
    kind = "place" if match.kind == "place" else "organization"
    return Mention(kind, first, last, match.start, match.end, name=match.entry.name,
                   source="gazetteer", entry=match.entry)


def plausible(parsed: Parsed, mention: Mention) -> bool:
    words = [t for t in parsed.words(mention) if t.pos != "PUNCT"]
    if not words:
        return False
    if mention.kind in ("person", "place") and mention.source == "ner" and street_named_after(parsed, mention, words):
        return False                   # «на улице Сейфуллина»: an address, no one person or place
    if mention.kind == "person":
        return all(is_name_word(t.text) for t in words) and words[-1].text.split("-")[-1][:1].isupper() \
            and not (len(words) == 1 and only_a_verb(words[0].text))
    if mention.kind == "organization" and mention.source == "ner":
        before = parsed.tokens[mention.first - 1].text if mention.first > 0 else None
        return plausible_organisation(parsed.surface(mention), words) and \
            not (len(words) == 1 and (is_unit(words[0].text, before) or governs_a_name(parsed, words[0])))
    return not (mention.kind == "place" and (in_a_domain(parsed.text, mention) or names_a_thing(parsed, mention)))


def street_named_after(parsed: Parsed, mention: Mention, words) -> bool:
    """«на улице Сейфуллина», «по проспекту Назарова»: a person's name in the genitive after one
    street's noun names the street («на улицы Лондона», «на площади Тяньаньмэнь» name a place)."""
    if not names_a_street(parsed, mention) or not words[-1].capitalised:
        return False
    noun = parsed.tokens[mention.first - 1].text.lower()
    if not (noun.rstrip(".") in STREET_ABBREVIATIONS or any(
            p.normal_form in PERSONS_STREETS and p.tag.number == "sing" for p in parses(noun))):
        return False
    readings = parses(words[-1].text.lower())
    if any({"Surn", "Name"} & p.tag.grammemes and p.tag.case == "gent" for p in readings):
        return True
    return words[-1].text.lower().endswith(SURNAME_GENITIVES) and not any("Geox" in p.tag for p in readings)


SURNAME_GENITIVES = ("ова", "ева", "ёва", "ина", "ына")      # «улице Жумабаева»: a surname the dictionary lacks


PERSONS_STREETS = frozenset("улица проспект переулок бульвар".split())   # named after people


def only_a_verb(word: str) -> bool:
    """«Подписывайте» opening a quoted order: a word the dictionary reads as a verb only
    is no one's name."""
    readings = parses(word.lower())
    return bool(readings) and all(p.tag.POS in ("VERB", "INFN") for p in readings)


def names_a_thing(parsed: Parsed, mention: Mention) -> bool:
    """«на Карачаганакском месторождении», «у Кашаганского промысла»: the tagger's place that is an
    adjective alone, before the noun it qualifies, names that thing (a dam, an oil field)
    after a place, not the place; before a street's or a territory's noun («Тверской
    площади», «Жамбылского района») it is part of a place's name."""
    words = [t for t in parsed.words(mention) if t.pos != "PUNCT"]
    after = mention.last + 1
    if mention.source != "ner" or len(words) != 1 or not is_adjective(words[0]) or after >= len(parsed.tokens):
        return False
    noun = parsed.tokens[after]
    return noun.sentence == words[0].sentence and not noun.capitalised and is_noun(noun) \
        and noun.case == words[0].case and not is_street_word(noun.text) and not lemma_in(noun.text, TERRITORIAL_NOUNS)


def governs_a_name(parsed: Parsed, token) -> bool:
    """«Сессию Павлодарского областного маслихата открыл …»: a sentence's capitalised first
    word that the dictionary knows as a common noun, no body's head, before a capitalised
    genitive is the sentence's word, not part of the organisation named after it."""
    previous = parsed.tokens[token.index - 1] if token.index else None
    following = parsed.tokens[token.index + 1] if token.index + 1 < len(parsed.tokens) else None
    if (previous is not None and previous.sentence == token.sentence) or following is None \
            or not following.capitalised or following.case != "Gen":
        return False
    readings = parses(token.text.lower())[:1]
    return bool(readings) and readings[0].tag.POS == "NOUN" and morph().word_is_known(token.text.lower()) \
        and not {"Name", "Surn", "Orgn", "Geox", "Abbr"} & readings[0].tag.grammemes \
        and not lemma_in(token.text, org_heads())


def without_governing_noun(parsed: Parsed, mention: Mention) -> Mention:
    """The organisation without a sentence's first word that only governs it (`governs_a_name`)."""
    if mention.kind == "organization" and mention.last > mention.first \
            and governs_a_name(parsed, parsed.tokens[mention.first]):
        mention.first += 1
        mention.start = parsed.tokens[mention.first].start
    return mention


def is_name_word(word: str) -> bool:
    """Capitalised, or a particle of Arabic, Dutch or German names (бин, аль-Хадж)."""
    if not word.replace("-", "").replace("'", "").isalpha():
        return False
    return word[:1].isupper() or word.lower().startswith(NAME_PARTICLES)


def plausible_organisation(surface: str, words) -> bool:
    """A name headed by a person noun («Человека Труда») is a slogan, not a body; a
    legal form alone («ПАО») or «СМИ» (the media at large) names no one body."""
    from .normalise import LEGAL_FORMS

    if all(t.text in LEGAL_FORMS or t.text in NO_ONE_BODY for t in words):
        return False
    if surface[:1] in OPEN or LATIN.search(surface) or any(t.text in OPEN for t in words):
        return True
    if any(ACRONYM.match(t.text) for t in words):
        return True
    head = words[0]
    return not (lemma_in(head.text, org_heads()) is False and is_animate_noun(head.text)) \
        and not names_a_kind(words)


def names_a_kind(words) -> bool:
    """«в сельском Доме культуры», «Дворец школьников»: a building's noun with common words
    after it names a kind of venue, which any town has, not one organisation."""
    head, rest = words[0], words[1:]
    if not rest or not head.capitalised or any(t.capitalised for t in rest):
        return False
    readings = parses(head.text.lower())[:1]
    return bool(readings) and readings[0].normal_form in BUILDING_NOUNS \
        and not {"Name", "Surn", "Orgn", "Geox", "Abbr"} & readings[0].tag.grammemes


def is_animate_noun(word: str) -> bool:
    readings = parses(word.lower())
    return bool(readings) and readings[0].tag.POS == "NOUN" and "anim" in readings[0].tag \
        and not {"Name", "Surn", "Orgn", "Geox"} & readings[0].tag.grammemes


def lemma_in(word: str, lemmas: frozenset[str]) -> bool:
    lower = word.lower()
    return lower in lemmas or any(p.normal_form in lemmas for p in parses(lower)[:3])
