"""A Kazakh subject that is a person behind a long title. The title comes first and
may run to a dozen words of genitives and complements («Облыс әкімдігінің жұмыспен қамту
және әлеуметтік бағдарламалар басқармасының басшысы Асан Серікбаев …»); the person it
names, right after its head noun, is who speaks, and nothing of the chain is what he said."""
from __future__ import annotations

import re

from .morphology import LETTERS, has_case_ending, is_speech_verb
from .speech import NOMINALISED, SUBJECT_PRONOUNS

TITLE_CHAIN_REACH = 24      # words from the sentence's start to the person
WORD = re.compile(rf"[{LETTERS}A-Za-z0-9«»\"-]+", re.IGNORECASE)
# Nothing of a title's noun phrase stands behind these (a comma may: «…мүшесі, депутат X»).
CLAUSE_BREAK = re.compile(r"[;:.!?()–—]")
CLAUSE_WORDS = re.compile(rf"(?:деп|{NOMINALISED})", re.IGNORECASE)
# Postpositions of an adverbial phrase («жаңа ереже бойынша», "under the new rule"): the words
# before the name are then no title but the circumstances of what the subject said.
POSTPOSITIONS = frozenset(("бойынша", "туралы", "үшін", "арқылы", "кейін", "дейін", "бері", "сияқты", "қарай"))


def titles_person(text: str, start: int, name_start: int) -> bool:
    """Whether `text[start:name_start]` is a title the name after it closes: its last word a
    lower-case noun in the nominative («басшысы», «депутат», «директоры»), and no word of
    a clause of its own before that (no pronoun subject, no postposition, no verb of saying,
    no «деп», no nominalised clause), within reach."""
    span = text[start:name_start]
    words = WORD.findall(span)
    if not words or len(words) > TITLE_CHAIN_REACH or CLAUSE_BREAK.search(span):
        return False
    if not is_head_noun(words[-1]):
        return False
    return not any(breaks_title(word.strip("«»\"").lower()) for word in words)


def breaks_title(word: str) -> bool:
    """A word no title holds: a pronoun subject («Ол …»), a postposition, a clause's verb."""
    return word in SUBJECT_PRONOUNS or word in POSTPOSITIONS or bool(CLAUSE_WORDS.fullmatch(word)) or \
        is_speech_verb(word)


def is_head_noun(word: str) -> bool:
    return word.islower() and word.replace("-", "").isalpha() and not has_case_ending(word)
