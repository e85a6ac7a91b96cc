"""Nominative forms of organisation names, places and position titles.

Only the head noun phrase declines: «Комиссии по конституционной реформе» →
«Комиссия по конституционной реформе», «заместителя Премьер-министра» →
«заместитель Премьер-министра». Quoted names stay as written.
"""
from __future__ import annotations

from ..lang.ru.morphology import inflect

from .models import morph, parses
from .parse import Token
from .titles import title_nominative

CASES = {"Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct", "Nom": "nomn"}
NUMBERS = {"Sing": "sing", "Plur": "plur"}
QUOTES_OPEN = "«“„\""
QUOTES_CLOSE = "»”“\""
HEAD_POS = {"NOUN", "PROPN"}
MODIFIER_POS = {"ADJ", "DET", "NUM"}
LEGAL_FORMS = frozenset("""ТОО АО РОО ОО ОЮЛ РГП РГКП ГКП ГККП ГУ КГУ КГП НАО ПК ИП ЗАО ОАО ООО ПАО НАО
    LLP JSC LLC ТДО ЖШС АҚ ҚБ РОБО ОФ РОФ""".split())


def head_phrase_end(tokens: list[Token]) -> int:
    """Index after the head noun: modifiers, joined by «и», then the first noun. A
    participle used as a noun heads alone («заведующая поликлиникой»)."""
    if tokens and is_noun_participle(tokens[0]):
        return 1
    for index, token in enumerate(tokens):
        if is_noun(token) and token.text not in LEGAL_FORMS:
            return index + 1
        if token.pos not in MODIFIER_POS and token.text.lower() not in ("и", "-", "–"):
            return 0
    return 0


def is_noun_participle(token: Token) -> bool:
    return any("Subx" in p.tag and p.tag.POS == "PRTF" for p in parses(token.text.lower()))


def is_noun(token: Token) -> bool:
    """The tagger's noun, or its «adjective» that the dictionary knows only as a noun
    (it reads «Мажилиса Парламента» as adjective + noun)."""
    if token.pos in HEAD_POS:
        return True
    readings = parses(token.text)
    return token.pos == "ADJ" and not any(p.tag.POS in ("ADJF", "PRTF") for p in readings) \
        and any(p.tag.POS == "NOUN" for p in readings)


def is_adjective(token: Token) -> bool:
    """The tagger's adjective, or a word it called a noun that is only an adjective."""
    readings = parses(token.text)
    if token.pos == "ADJ":
        return not is_noun(token)
    return all(p.tag.POS in ("ADJF", "PRTF") for p in readings[:2])


def nominative_phrase(tokens: list[Token], text: str, offset: int, plural_ok=False) -> str:
    """The span's text with its head noun phrase put in the nominative (singular unless
    `plural_ok`), everything after the head unchanged."""
    end = head_phrase_end(tokens)
    gender = noun_gender(tokens[end - 1]) if end else None
    pieces, cursor = [], offset
    for index, token in enumerate(tokens):
        pieces.append(text[cursor:token.start])
        pieces.append(to_nominative(token, plural_ok, gender) if index < end else token.text)
        cursor = token.end
    return "".join(pieces).strip()


def noun_gender(token: Token) -> str | None:
    """Modifiers take the head noun's gender («Международного центра» → «Международный»)."""
    nouns = [p for p in parses(token.text) if p.tag.POS == "NOUN" and p.tag.gender]
    # a reading in the tagger's case first: pymorphy guesses «маслихата» a feminine nominative
    fitting = [p for p in nouns if case_fits(p.tag, token) and token.case not in (None, "Nom")]
    return (fitting or nouns)[0].tag.gender if nouns else None


def to_nominative(token: Token, plural_ok: bool = False, gender: str | None = None) -> str:
    """One word of a head phrase in the nominative, agreeing as the tagger read it;
    when the tagger's case fits no reading of the word, the likeliest reading."""
    if is_abbreviation(token.text):
        return token.text
    title = title_nominative(token.text)
    if title is not None:
        return match_case(title, token.text)
    readings = [p for p in parses(token.text) if pos_fits(p.tag, token)]
    if not readings or (already_nominative(token, readings) and (plural_ok or token.feats.get("Number") != "Plur")):
        return token.text
    number = NUMBERS.get(token.feats.get("Number"), "sing") if plural_ok else "sing"
    chosen = [p for p in readings if case_fits(p.tag, token)] or readings
    wanted = {"nomn", number} | ({gender} if gender and chosen[0].tag.POS != "NOUN" and number == "sing" else set())
    for parse in chosen:
        inflected = inflect(parse, frozenset(wanted)) or inflect(parse, frozenset({"nomn", number}))
        if inflected:
            return match_case(inflected.word, token.text)
    return token.text


def is_abbreviation(word: str) -> bool:
    """«БДИПЧ», «КОП», «ОБСЕ»: an abbreviation does not decline (the dictionary would read
    «БДИПЧ» as a genitive plural, «КОП» as a policeman); a longer word in capitals does
    (a headline's «МИНИСТЕРСТВА»)."""
    return word.isupper() and word.isalpha() and (len(word) <= MAX_ABBREVIATION or not morph().word_is_known(word.lower()))


MAX_ABBREVIATION = 5


def already_nominative(token: Token, parses) -> bool:
    return token.case in (None, "Nom") and any(p.tag.case == "nomn" for p in parses)


def pos_fits(tag, token: Token) -> bool:
    pos = "NOUN" if is_noun(token) else token.pos
    wanted_pos = {"NOUN": {"NOUN"}, "PROPN": {"NOUN"}, "ADJ": {"ADJF", "PRTF"},
                  "DET": {"ADJF", "NPRO"}, "NUM": {"ADJF", "NUMR"}}.get(pos, set())
    return tag.POS in wanted_pos


def case_fits(tag, token: Token) -> bool:
    case = CASES.get(token.case)
    return case is None or tag.case == case or (case == "accs" and tag.case == "nomn")


def match_case(word: str, original: str) -> str:
    if original.isupper() and len(original) > 1:
        return word.upper()
    parts, originals = word.split("-"), original.split("-")
    if len(parts) == len(originals):
        return "-".join(p[:1].upper() + p[1:] if o[:1].isupper() else p
                        for p, o in zip(parts, originals))
    return word[:1].upper() + word[1:] if original[:1].isupper() else word


def strip_quotes(name: str) -> str:
    name = name.strip()
    if name[:1] in QUOTES_OPEN and name[-1:] in QUOTES_CLOSE and balanced_inside(name[1:-1]):
        return name[1:-1].strip()
    return name


def balanced_inside(inner: str) -> bool:
    return inner.count("«") == inner.count("»")


def organisation_name(tokens: list[Token], text: str, start: int) -> str:
    """«ТОО «Казцинк»» → «Казцинк»; «Комиссии по конституционной реформе» →
    «Комиссия по конституционной реформе»; a quoted name as written."""
    if tokens and tokens[0].text in LEGAL_FORMS and len(tokens) > 1:
        return strip_quotes(text[tokens[1].start:tokens[-1].end])
    if tokens and tokens[0].text in QUOTES_OPEN:
        return strip_quotes(text[tokens[0].start:tokens[-1].end])
    return strip_quotes(nominative_phrase(tokens, text, start))


def place_name(tokens: list[Token]) -> str:
    """Every word of a place name declines («Тверской площади» → «Тверская площадь»)."""
    return " ".join(to_nominative(t, plural_ok=True) if t.pos != "PUNCT" else t.text
                    for t in tokens).replace(" - ", "-")
