"""A sentiment lexicon counted from the training rows: for each word, the labels of the
rows that had it in their sentence, smoothed towards the overall shares (the priors'
encoding, `priors.py`). A mention reads the words around it through that lexicon: the
closeness-weighted mean of their negative and positive log-ratios, the strongest of
each, the mean of the three strongest, and the log-ratios of the word governing it in
the dependency tree: «обвинить», «поддержать» lean the same way whoever the sentence
is about, and a word seen in a handful of rows still counts. Two words side by side are
read as one more entry («не поддержать»).

Names are not in it: an entity's own words are left out, and so is any capitalised word
(«Путин» beside the entity is no opinion of it). Training counts a row's words without
the rows of its own sentence; the shipped model keeps the counts of all the training
rows (words seen in MIN_ROWS rows or more)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

import numpy as np

from .features import DECAY, Mention, Reading, entity_slots
from .priors import encoded, left_out
from .syntax import place

MIN_ROWS = 3               # a word seen in fewer rows says nothing yet
STRONGEST = 3              # the strongest words averaged
COLUMNS = 8


class LexiconWords(NamedTuple):
    """What a mention reads through the lexicon: the sentence's lemmas and pairs of
    lemmas side by side ("не поддержать"), each with its closeness to the entity (the
    nearest occurrence's), and the governing word's lemma."""

    around: dict[str, float]
    governor: str | None


def lexicon_words(mention: Mention, reading: Reading) -> LexiconWords:
    """The entity's own words, punctuation and names left out; each pair of words side by
    side counts too («не поддержать», «выступить против» lean where their words alone do
    not), as close as the nearer of the two."""
    first, last = entity_slots(reading.words, mention.start, mention.end)
    kept = [(i, lemma, 1 / (1 + (first - i if i < first else i - last + 1) / DECAY))
            for i, lemma in enumerate(reading.lemmas[:len(reading.words)])
            if not first <= i < last and is_word(reading, i)]
    found: dict[str, float] = {}
    for _, lemma, weight in kept:
        keep_closest(found, lemma, weight)
    for (i, lemma, weight), (j, following, its_weight) in zip(kept, kept[1:]):
        if j == i + 1:
            keep_closest(found, f"{lemma} {following}", max(weight, its_weight))
    at = place(reading.tree, mention.start, mention.end)
    governor = at.chain[0] if at and at.chain else None
    return LexiconWords(found, reading.lemmas[governor] if governor is not None and is_word(reading, governor) else None)


def keep_closest(found: dict[str, float], key: str, weight: float) -> None:
    """The key at its nearest occurrence's closeness."""
    if found.get(key, 0.0) < weight:
        found[key] = weight


def is_word(reading: Reading, i: int) -> bool:
    """A word that may lean: letters, and no capital (a name; the first word's too, as
    «Путин заявил» begins many a sentence)."""
    return reading.lemmas[i][0].isalpha() and not reading.sentence[reading.words[i][1]].isupper()


@dataclass
class Lexicon:
    """Label counts (negative, neutral, positive) of the rows holding each word, and the
    shares of all rows."""

    counts: dict[str, np.ndarray]
    shares: np.ndarray

    @classmethod
    def counted(cls, words: list[LexiconWords], labels: np.ndarray) -> "Lexicon":
        return cls(word_counts(words, labels), np.bincount(labels, minlength=3) / max(1, len(labels)))

    @cached_property
    def leans(self) -> dict[str, np.ndarray]:
        """Each known word's negative and positive log-ratios, made once."""
        return {word: encoded(counts, self.shares)[:2] for word, counts in self.counts.items()
                if counts.sum() >= MIN_ROWS}

    def kept(self) -> "Lexicon":
        """The words seen often enough to ship."""
        return Lexicon({word: counts for word, counts in self.counts.items() if counts.sum() >= MIN_ROWS}, self.shares)

    def columns(self, words: LexiconWords, less: "Lexicon | None" = None) -> np.ndarray:
        """A row's columns (`less`: counts left out, its own sentence's rows')."""
        around = [(word, weight, self.lean(word, less)) for word, weight in words.around.items()]
        known = [(weight, lean) for _, weight, lean in around if lean is not None]
        governor = self.lean(words.governor, less) if words.governor else None
        return np.concatenate([summary(np.array([weight for weight, _ in known]),
                                       np.array([lean for _, lean in known]).reshape(-1, 2)),
                               np.zeros(2) if governor is None else governor])

    def lean(self, word: str, less: "Lexicon | None") -> np.ndarray | None:
        """The word's log-ratios (None: seen too rarely), its `less` counts left out."""
        if less is None or word not in less.counts:
            return self.leans.get(word)
        counts = self.counts[word] - less.counts[word]
        return encoded(counts, self.shares)[:2] if counts.sum() >= MIN_ROWS else None

    def matrix(self, words: list[LexiconWords]) -> np.ndarray:
        return np.array([self.columns(row_words) for row_words in words]).reshape(len(words), COLUMNS)


def summary(weights: np.ndarray, leans: np.ndarray) -> np.ndarray:
    """The closeness-weighted mean of the negative and positive leans, the strongest
    weighted lean of each, and the mean of the STRONGEST strongest."""
    if not len(weights):
        return np.zeros(6)
    weighted = leans * weights[:, None]
    strongest = np.sort(weighted, axis=0)[-STRONGEST:]
    return np.concatenate([weighted.sum(axis=0) / weights.sum(), weighted.max(axis=0), strongest.mean(axis=0)])


def word_counts(words: list[LexiconWords], labels: np.ndarray) -> dict[str, np.ndarray]:
    """Label counts of the rows holding each word (around the entity or governing it)."""
    counts: dict[str, np.ndarray] = {}
    for row_words, label in zip(words, labels):
        for word in {*row_words.around, *([row_words.governor] if row_words.governor else [])}:
            counts.setdefault(word, np.zeros(3))[label] += 1
    return counts


def left_out_lexicon(words: list[LexiconWords], labels: np.ndarray, sentences: list[str],
                     fitted: np.ndarray, scored: np.ndarray) -> np.ndarray:
    """Every row's columns from the lexicon of the `fitted` rows (`priors.left_out`)."""
    return left_out(lambda rows: Lexicon.counted([words[i] for i in rows], labels[rows]),
                    lambda lexicon, i, less: lexicon.columns(words[i], less), COLUMNS, sentences, fitted, scored)
