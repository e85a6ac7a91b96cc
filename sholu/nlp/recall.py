"""People the tagger missed: it sometimes drops a whole name after a title it does not
know («Елбасы Нурсултан Назарбаев», «акиму города Ерлану Сапарову»). A first name the
dictionary knows as one (or a word it does not know at all), followed
by a capitalised word shaped like a surname (-ов/-ев/-ин, -ский, -улы/-кызы, -дзе,
-швили, -енко, -ян, in any case form), is a person where no mention covers either word.
A lone title («Елбасы», «Аким») is no person.

Web addresses cited as sources («сообщает Tengrinews.kz», «со ссылкой на Lenta.ru») are
organisations: the tagger reads them as three tokens and names none."""
from __future__ import annotations

import re

from ..lang import pack_for
from .models import morph, parses
from .parse import Mention, Parsed
from .titles import is_extra_title

SURNAME_SHAPE = re.compile(
    r"(?:(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ом|е|ой|ою|ую)?|(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую)"
    r"|улы|ұлы|кызы|қызы|дзе|швили|енко|ян|янц)$")

# a site's name as news cites it: letters, digits and dots before a top-level domain, not
# inside an address (a path, an e-mail) nor glued to a word
SITE = re.compile(r"(?<![\w.@/-])(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+"
                  r"(?:kz|ru|com|org|net|info|ua|by|uz|kg|su|tv|news|media|[Rr]u|KZ|RU|COM)(?![\w@/-]|\.\w)")

RUSSIAN = pack_for("ru")
MIN_REPEATED_NAME = 4       # letters: a two-letter «Ли» or «Ан» is too often something else


def missed_people(parsed: Parsed, mentions: list[Mention]) -> list[Mention]:
    for mention in mentions:
        if mention.kind == "place" and mention.source == "ner" and name_shaped(parsed.words(mention)):
            mention.kind = "person"            # «акиму города Ерлану Сапарову» read as a place
    covered = {i for m in mentions for i in range(m.first, m.last + 1)}
    found = []
    for first, last in zip(parsed.tokens, parsed.tokens[1:]):
        if first.index in covered or last.index in covered or first.sentence != last.sentence:
            continue
        if name_shaped([first, last]):
            found.append(Mention("person", first.index, last.index, first.start, last.end, source="rule"))
            covered.update((first.index, last.index))
    return sorted(mentions + found, key=lambda m: m.start)


def repeated_people(parsed: Parsed, mentions: list[Mention]) -> list[Mention]:
    """A person's name written again, word for word, where the tagger left it untagged
    (a headline, a list): the same person. Only names the tagger read as a person."""
    names = {tuple(t.text for t in parsed.words(m)) for m in mentions if m.kind == "person" and m.source == "ner"}
    by_first: dict[str, list[tuple]] = {}
    for name in names:
        if all(word[:1].isupper() for word in name) and len("".join(name)) >= MIN_REPEATED_NAME:
            by_first.setdefault(name[0], []).append(name)
    covered = {i for m in mentions for i in range(m.first, m.last + 1)}
    found = []
    for token in parsed.tokens:
        for name in by_first.get(token.text, ()):
            words = parsed.tokens[token.index:token.index + len(name)]
            if tuple(t.text for t in words) == name and not covered.intersection(t.index for t in words) \
                    and words[-1].sentence == token.sentence:
                found.append(Mention("person", token.index, words[-1].index, token.start, words[-1].end, source="rule"))
                covered.update(t.index for t in words)
    return sorted(mentions + found, key=lambda m: m.start) if found else mentions


def missed_sites(parsed: Parsed, mentions: list[Mention], outlet: str | None = None) -> list[Mention]:
    """Every site name as an organisation, in place of any mention inside it; not the
    outlet the story is attributed to («…, сообщает Kazpravda.kz»: the outlet field)."""
    found = []
    for match in SITE.finditer(parsed.text):
        if outlet and match.group().lower() == outlet.lower():
            continue
        first, last = parsed.first_token_after(match.start()), parsed.last_token_before(match.end())
        if first <= last:
            found.append(Mention("organization", first, last, match.start(), match.end(),
                                 name=match.group(), source="rule"))
    if not found:
        return mentions
    kept = [m for m in mentions if not any(s.start <= m.start and m.end <= s.end for s in found)]
    taken = [m for m in kept if any(m.start < s.end and s.start < m.end for s in found)]
    found = [s for s in found if not any(m.start < s.end and s.start < m.end for m in taken)]
    return sorted(kept + found, key=lambda m: m.start)


def name_shaped(words) -> bool:
    return len(words) == 2 and is_surname_shaped(words[1].text) and is_first_name(words[0].text)


def is_first_name(word: str) -> bool:
    """Known as a first name, or a capitalised word the dictionary does not know at all
    (Kazakh first names: Ерлану, Айгерим)."""
    if not (word[:1].isupper() and word.isalpha() and len(word) > 2):
        return False
    lower = word.lower()
    return not morph().word_is_known(lower) or any("Name" in p.tag and p.score > 0.1 for p in parses(lower))


def is_surname_shaped(word: str) -> bool:
    return word[:1].isupper() and word.isalpha() and bool(SURNAME_SHAPE.search(word.lower()))


def only_titles(parsed: Parsed, mention: Mention) -> bool:
    """A person mention made of title words alone («Елбасы», «при Президенте»)."""
    words = [t for t in parsed.words(mention) if t.pos != "PUNCT"]
    return mention.kind == "person" and bool(words) and all(is_bare_title(t.text) for t in words)


def is_bare_title(word: str) -> bool:
    return is_extra_title(word) or any(p.normal_form in RUSSIAN.bare_titles for p in parses(word.lower())[:1])
