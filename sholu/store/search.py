"""Russian and Kazakh full-text search on lemmas. SQLite's FTS5 has no Russian stemmer, so the
index holds each word's lemma (the Russian pack's morphology) and the query is
lemmatised the same way (one index for the corpus, so every text is read as Russian):
«трудовой коллектив» finds «трудовым коллективом», «Балаевой» finds «Балаева». Kazakh
words are indexed by their stem (`kazakh_stem`): «Конституцияға» finds «Конституцияның».

Query language: words (all must occur), "quoted phrases", OR between alternatives,
a leading minus to exclude a word, a trailing * for a prefix.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lang.kk.morphology import KAZAKH_LETTERS, KAZAKH_TO_RUSSIAN, kazakh_stem
from ..lang.ru.morphology import WORD, fold_yo
from ..lang.ru.morphology import lemma as word_lemma
from ..lang.ru.morphology import morph

QUERY_TOKEN = re.compile(r'"[^"]*"|-?[\w*-]+|\S')
SNIPPET_WORDS = 12
SURNAME_FORM = re.compile(r"^(\w{2,}?(?:ов|ев|ин|ын))(?:а|у|ым|ом|е|ой|ою|ую)?$")


class QueryError(ValueError):
    """The query cannot be searched; the message says why."""


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The index term of a word: its lemma; a word with digits as written, lowercased."""
    lower = fold_yo(word.lower())
    if not lower.isalpha() and not lower.replace("-", "").isalpha():
        return lower
    stem = kazakh_stem(lower)
    if stem and KAZAKH_LETTERS.intersection(stem):
        return kazakh_surname(stem) or stem.translate(KAZAKH_TO_RUSSIAN)
    if stem:              # «Балаеваның» -> балаева, then read as the Russian form it is
        word, lower = word[:len(stem)], stem
    return surname_stem(word, lower) or word_lemma(lower)


def kazakh_surname(stem: str) -> str | None:
    """A surname written in Kazakh (Тоқаев, Сәрсенова: a Russian surname ending) indexed
    as its Russian spelling is (токаев, сарсенов), so either script finds the other's.
    Any other stem with Kazakh letters is indexed in Russian letters too (Қасым-Жомарт ~
    Касым-Жомарт): Kazakh words that differ only in those letters are few, names written
    both ways are many."""
    found = SURNAME_FORM.match(stem)
    return found.group(1).translate(KAZAKH_TO_RUSSIAN) if found else None


def surname_stem(word: str, lower: str) -> str | None:
    """A surname of the -ов/-ев/-ин type in any case form and either gender, as its
    masculine nominative, where the dictionary does not know it or, capitalised, reads
    it as another word: its guesses split one surname (Токаев → «токай», Токаева →
    «токаева»). A capitalised common noun keeps its lemma (Причина, Магазина)."""
    found = SURNAME_FORM.match(lower)
    if found is None:
        return None
    stem = found.group(1)
    if not morph().word_is_known(lower):
        return stem
    misread = word_lemma(lower) not in (lower, stem, stem + "а")
    return stem if word[:1].isupper() and misread else None


def lemmatise(text: str) -> str:
    """The text as space-separated lemmas, what the index holds."""
    return " ".join(lemma(w) for w in WORD.findall(text))


@dataclass
class Term:
    words: list[str]         # lemmas; several for a phrase
    prefix: bool = False


@dataclass
class Query:
    groups: list[list[Term]]     # all groups must match; within a group, any term (OR)
    negatives: list[Term]        # none may match
    lemmas: set[str]             # what to highlight

    @property
    def fts(self) -> str:
        """The query as an SQLite FTS5 MATCH expression; every term quoted."""
        positive = " AND ".join("(" + " OR ".join(fts_term(t) for t in g) + ")" for g in self.groups)
        return positive + "".join(f" NOT {fts_term(t)}" for t in self.negatives)

    @property
    def tsquery(self) -> str:
        """The same query for PostgreSQL's to_tsquery('simple', …) over the lemmas."""
        positive = " & ".join("(" + " | ".join(ts_term(t) for t in g) + ")" for g in self.groups)
        return positive + "".join(f" & !{ts_term(t)}" for t in self.negatives)


def fts_term(term: Term) -> str:
    return '"' + " ".join(term.words) + '"' + (" *" if term.prefix else "")


def ts_term(term: Term) -> str:
    """Lemmas are word characters only, so single quotes need no escaping beyond this."""
    lexemes = ["'" + w.replace("'", "''") + "'" for w in term.words]
    if term.prefix:
        return lexemes[0] + ":*"
    return "(" + " <-> ".join(lexemes) + ")"


def parse_query(text: str) -> Query:
    """The user's query as terms; no query syntax of the user reaches the database."""
    if text.count('"') % 2:
        raise QueryError("unclosed quote in the query")
    groups, negatives, lemmas, pending_or = [], [], set(), False
    for token in QUERY_TOKEN.findall(text):
        if token == "OR":
            if not groups or pending_or:
                raise QueryError("OR needs a term on each side")
            pending_or = True
            continue
        term, negated = query_term(token)
        if term is None:
            continue
        if negated:
            negatives.append(term)
        elif pending_or:
            groups[-1].append(term)
        else:
            groups.append([term])
        if not negated:
            lemmas |= {w + "*" if term.prefix else w for w in term.words}
        pending_or = False
    if pending_or:
        raise QueryError("OR needs a term on each side")
    if not groups:
        raise QueryError("the query has no word to search for")
    return Query(groups, negatives, lemmas)


def query_term(token: str) -> tuple[Term | None, bool]:
    """(term, excluded?) for one token of the query."""
    negated = token.startswith("-") and len(token) > 1
    body = token[1:] if negated else token
    if body.startswith('"'):
        words = [lemma(w) for w in WORD.findall(body)]
        return (Term(words) if words else None), negated
    if body.endswith("*") and WORD.fullmatch(body[:-1]):
        return Term([body[:-1].lower().replace("ё", "е")], prefix=True), negated
    if WORD.fullmatch(body):
        return Term([lemma(body)]), negated
    return None, False              # stray punctuation carries no meaning here


def snippet(text: str, lemmas: set[str], width: int = SNIPPET_WORDS, marks: tuple[str, str] = ("[", "]")) -> str:
    """Words around the first match, each match between `marks` ([brackets] for the
    API and the CLI; the web pages use characters no text holds). Words are
    lemmatised only up to the first match and in the words shown, not the whole text."""
    words = list(WORD.finditer(text))
    if not words:
        return ""
    matches = matcher(lemmas)
    first_hit = next((index for index, word in enumerate(words) if matches(lemma(word.group()))), 0)
    first = max(0, first_hit - width // 3)
    chosen = words[first:first + width]
    pieces, cursor = [], chosen[0].start()
    for word in chosen:
        pieces.append(text[cursor:word.start()])
        pieces.append(f"{marks[0]}{word.group()}{marks[1]}" if matches(lemma(word.group())) else word.group())
        cursor = word.end()
    prefix = "…" if first > 0 else ""
    suffix = "…" if first + width < len(words) else ""
    return prefix + "".join(pieces).replace("\n", " ") + suffix


def matcher(lemmas: set[str]):
    """Whether a word's lemma is one of `lemmas`, or starts with one ending in *."""
    prefixes = tuple(l[:-1] for l in lemmas if l.endswith("*"))
    return lambda found: found in lemmas or found.startswith(prefixes)
