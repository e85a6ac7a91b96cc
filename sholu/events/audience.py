"""Whom a gathering was for, in the nominative: «с трудовым коллективом предприятия» →
«трудовой коллектив предприятия», «Выступая перед металлургами» → «металлурги»."""
from __future__ import annotations

import re

from ..lang import LanguagePack
from .article import Article
from .sentences import Sentence, fold

ADDRESSED = re.compile(r"\b(?:перед|обращаясь\s+к|обратил(?:ся|ась|ись)\s+к)\s+", re.IGNORECASE)


def audience_in(article: Article, triggers: list[Sentence], start: int, end: int) -> str | None:
    """«с трудовым коллективом предприятия» → «трудовой коллектив предприятия»; failing
    the event's own sentences, whom a speaker addressed («Выступая перед металлургами»)."""
    for sentence in triggers:
        found = audience_after(sentence.folded, 0, article.pack, anywhere=True)
        if found:
            return found
    for sentence in article.sentences_from(start, end):
        for match in ADDRESSED.finditer(sentence.folded):
            found = audience_after(sentence.folded, match.end(), article.pack, anywhere=False)
            if found:
                return found
    return None


def audience_after(text: str, position: int, pack: LanguagePack, anywhere: bool) -> str | None:
    """The first audience noun after `position`; with `anywhere` false, only one that
    follows at once or after adjectives («перед молодыми металлургами»)."""
    words = list(pack.morphology.WORD.finditer(text, position))
    for i, word in enumerate(words):
        head = audience_head(word.group(), pack)
        if head is not None:
            return audience_phrase(text, words, i, head, pack)
        if not anywhere and not pack.morphology.is_adjective(word.group()):
            return None
    return None


def audience_head(word: str, pack: LanguagePack):
    """The word's most likely reading, when it is an audience noun («рабочей группы» is
    an adjective first, so no audience)."""
    head = pack.morphology.parses(word.lower())[0]
    if pack.morphology.is_noun(head) and fold(head.normal_form) in pack.audience_heads:
        return head
    return None


def audience_phrase(text: str, words: list, i: int, head, pack: LanguagePack) -> str:
    """The head in the nominative with the adjectives before it and one genitive noun
    after it («коллектив ведомства»)."""
    morphology = pack.morphology
    first = i
    while first > 0 and text[words[first - 1].end():words[first].start()] == " " \
            and morphology.agreeing_adjective(words[first - 1].group(), head):
        first -= 1
    parts = [morphology.nominative(morphology.agreeing_adjective(w.group(), head), head)
             for w in words[first:i]]
    parts.append(morphology.nominative(head, head))
    complement = words[i + 1] if i + 1 < len(words) else None
    if complement and text[words[i].end():complement.start()] == " " \
            and is_complement(complement.group(), pack):
        parts.append(complement.group())
    return fold(" ".join(parts))          # pymorphy writes ё («шахтёры»); news mostly does not


def is_complement(word: str, pack: LanguagePack) -> bool:
    parse = pack.morphology.noun_parse(word, ("gent",))
    return (word[:1].islower() and parse is not None and parse.tag.case == "gent"
            and pack.lemma(word) in pack.audience_complements)
