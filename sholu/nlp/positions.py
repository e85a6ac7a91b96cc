"""Positions of people: the title phrase right before a name («заместителя
Премьер-министра – министра культуры и информации РК Аиды Балаевой»), comma-joined
titles («председатель РОО «Союз юристов Казахстана», член Комиссии Серик Акылбай»),
an apposition after the name («Сергей Пономарев, депутат Мажилиса, отметил»), and a
plural title shared by a list («депутаты Мажилиса Марат Башимов и Павел Казанцев»).

A title phrase starts with an animate common noun (депутат, директор, сотрудница) or
the adjectives before one, and holds only nouns, adjectives, names, prepositions inside
and quotes; a verb, a pronoun or an adverb ends it.
"""
from __future__ import annotations

from .models import parses
from .normalise import nominative_phrase
from .parse import Mention, Parsed, Token
from .titles import is_extra_title, is_honorific

TITLE_POS = {"NOUN", "PROPN", "ADJ", "ADP", "CCONJ", "DET", "NUM", "X", "PUNCT"}
INNER_PUNCT = {"«", "»", "“", "”", "„", '"', "–", "—", "-", "(", ")", ".", "№"}
DASHES = {"–", "—", "-"}
PARTICLES = {"а", "также", "и", "еще", "ещё"}
NAME_GRAMMEMES = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"}
PYMORPHY_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}


def find_positions(parsed: Parsed, persons: list[Mention], bodies: frozenset[int] = frozenset()) -> set[int]:
    """Fill `positions` of every person mention, in text order; return the indexes
    of the tokens that title phrases took. `bodies`: the indexes of the tokens inside
    organisations' names, whose commas end no title («специалист отдела ЖКХ, транспорта
    и дорог района»)."""
    previous, taken = None, set()
    for mention in persons:
        floor = previous.last + 1 if previous else 0
        pieces = titles_before(parsed, mention, floor, bodies) or titles_after(parsed, mention)
        if not pieces and previous and shares_title(parsed, previous, mention):
            mention.positions = list(previous.positions)
        else:
            mention.positions = [title_text(parsed, piece) for piece in pieces]
        taken.update(token.index for piece in pieces for token in piece)
        previous = mention
    return taken


def titles_before(parsed: Parsed, mention: Mention, floor: int,
                  bodies: frozenset[int] = frozenset()) -> list[list[Token]]:
    """Title phrases ending right before the name, right to left across commas."""
    pieces, end = [], mention.first
    while True:
        piece = title_ending_at(parsed, end, floor, mention, bodies)
        if not piece:
            break
        pieces.insert(0, piece)
        comma = piece[0].index - 1
        if comma < floor or parsed.tokens[comma].text != ",":
            break
        end = comma
    return pieces


def title_ending_at(parsed: Parsed, end: int, floor: int, mention: Mention,
                    bodies: frozenset[int] = frozenset()) -> list[Token]:
    """The longest title phrase tokens[start:end], or [] when none ends there."""
    tokens, start = parsed.tokens, end
    sentence = tokens[mention.first].sentence
    while start > floor and (fits_title(tokens[start - 1], sentence) or comma_in_body(tokens[start - 1], bodies)):
        start -= 1
    for title_start in title_starts(tokens, start, end):
        piece = tokens[title_start:end]
        if agrees(piece, tokens[mention.first]):
            return piece
    return []


def comma_in_body(token: Token, bodies: frozenset[int]) -> bool:
    return token.text == "," and token.index in bodies


def fits_title(token: Token, sentence: int) -> bool:
    if token.sentence != sentence or token.text == ",":
        return False
    if token.text == "№":
        return True
    if token.pos == "PUNCT":
        return token.text in INNER_PUNCT
    if token.pos == "VERB":            # «глава ограниченной миссии»: a participle as an adjective
        return token.feats.get("VerbForm") == "Part" and "Case" in token.feats
    return token.pos in TITLE_POS and token.text.lower() not in PARTICLES - {"и"}


def title_starts(tokens: list[Token], start: int, end: int):
    """Where a title may open, left to right: at each person noun, with the adjectives
    right before it (prepositions, «и» and stray nouns before it skipped). «сообщила
    журналистам заместитель председателя ЦИК X»: the first person noun is no title of X,
    the next one is."""
    for index in range(start, end):
        if is_person_noun(tokens[index]):
            opening = index
            while opening > start and tokens[opening - 1].pos in ("ADJ", "CCONJ") \
                    and not (tokens[opening - 1].pos == "CCONJ" and opening - 1 == start):
                opening -= 1
            yield opening


def is_person_noun(token: Token) -> bool:
    """A common noun naming a person: депутат, министр, сотрудница, юрист (an honorific,
    «госпожа», «господин», is none)."""
    if is_extra_title(token.text):
        return True
    if token.pos not in ("NOUN", "PROPN", "ADJ") or is_honorific(token.text):
        return False
    if token.feats.get("Animacy") == "Inan" and not only_animate(token.text):
        return False                   # «Председатель КОП ГМК»: the tagger's Inan, the dictionary's person
    for parse in parses(token.text.lower()):
        if parse.tag.POS == "NOUN" and "anim" in parse.tag and not NAME_GRAMMEMES & parse.tag.grammemes:
            return True
        if "Subx" in parse.tag and parse.tag.POS in ("PRTF", "ADJF") and token.pos in ("NOUN", "ADJ"):
            return True        # a participle used as a noun: заведующая, управляющий
    return False


def only_animate(word: str) -> bool:
    """Every noun reading of the word names a living being («председатель», not «глава»)."""
    nouns = [p for p in parses(word.lower()) if p.tag.POS == "NOUN"]
    return bool(nouns) and all("anim" in p.tag for p in nouns)


def agrees(piece: list[Token], name: Token) -> bool:
    """The head is in the name's case, or in the instrumental of a predicate
    («избрание Президентом Касым-Жомарта Токаева»); never after a preposition."""
    head = next(t for t in piece if is_person_noun(t))
    if head.index > 0 and piece[0].pos == "ADP":
        return False
    return head.case in (None, name.case) or head.case == "Ins" or name.case is None or \
        can_be_in_case(head.text, name.case)


def can_be_in_case(word: str, case: str) -> bool:
    """The dictionary allows the word in that case, whatever the tagger read («Вице-министр
    энергетики Асхат Жумабеков»: the tagger took the title for a genitive adjective)."""
    wanted = PYMORPHY_CASES.get(case)
    return any(p.tag.POS == "NOUN" and p.tag.case == wanted for p in parses(word.lower()))


def titles_after(parsed: Parsed, mention: Mention) -> list[list[Token]]:
    """«Сергей Пономарев, депутат Мажилиса, отметил …»: comma, title, comma or end."""
    tokens = parsed.tokens
    start = mention.last + 2
    if start >= len(tokens) or tokens[mention.last + 1].text != "," or not is_person_noun(tokens[start]):
        return []
    end = start
    sentence = tokens[start].sentence
    while end < len(tokens) and fits_title(tokens[end], sentence) and tokens[end].text != "." \
            and not line_break_before(parsed, end):
        end += 1
    closed = end >= len(tokens) or tokens[end].text in (",", ".") or tokens[end].sentence != sentence \
        or line_break_before(parsed, end)
    return [tokens[start:end]] if closed and end > start else []


def line_break_before(parsed: Parsed, index: int) -> bool:
    """«Анна Котова, директор школы» as a caption line: the title ends with its line even
    where no full stop closes it and the sentence splitter ran on into the next paragraph."""
    return index > 0 and "\n" in parsed.text[parsed.tokens[index - 1].end:parsed.tokens[index].start]


def shares_title(parsed: Parsed, previous: Mention, mention: Mention) -> bool:
    """«депутаты Мажилиса Марат Башимов и Павел Казанцев»: a plural title before the
    first name of a list joined by «и» or a comma."""
    between = parsed.tokens[previous.last + 1:mention.first]
    if [t.text for t in between] not in (["и"], [","]) or not previous.positions:
        return False
    heads = [t for t in parsed.tokens[:previous.first] if is_person_noun(t)]
    return bool(heads) and heads[-1].feats.get("Number") == "Plur"


def title_text(parsed: Parsed, piece: list[Token]) -> str:
    """Nominative singular, each dash-joined part declined on its own head."""
    parts, current = [], []
    for token in piece:
        if token.text in DASHES and current and token.text != "-":
            parts.append(current)
            current = []
        else:
            current.append(token)
    parts.append(current)
    texts = [nominative_phrase(part, parsed.text, part[0].start) for part in parts if part]
    return lower_first(" – ".join(texts), piece[0])


def lower_first(title: str, first: Token) -> str:
    """«Директор …» at a sentence start is still «директор»."""
    if first.text.isupper() or (first.pos == "PROPN" and not is_extra_title(first.text)):
        return title
    return title[:1].lower() + title[1:]
