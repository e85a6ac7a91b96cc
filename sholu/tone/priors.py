"""What the training rows said before about the same entity, and about an entity of the
same kind under the same governing word: RuSentNE's entities recur (countries, leaders,
organisations) and lean one way, and so does «обвинить» over a person. Each key's label
counts in the training rows, smoothed towards the overall shares, become dense columns
of the linear model (target encoding): the log-ratio of its negative and positive shares
to the overall ones, and how often it was seen.

Training counts a row's keys without the rows of its own sentence, or a row would read
its own label; the shipped model keeps the counts of all the training rows."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from .features import Mention, Reading, entity_slots
from .syntax import place

# The subjects a monitor measures (people, organisations) are judged by what the sentence
# says, never by how the training news leaned on that name (Путин, Трамп, НАТО): their name
# key is their kind. Countries, professions and nationalities keep their lemmas.
JUDGED_BY_THE_SENTENCE = frozenset({"PERSON", "ORGANIZATION"})
SMOOTHING = 3.0            # rows of the overall shares added to each key's counts
COLUMNS_PER_KEY = 3        # negative log-ratio, positive log-ratio, log count
UNSEEN = np.zeros(3)


def prior_keys(mention: Mention, reading: Reading) -> tuple[str, str]:
    """The entity's lemmas (a person's or organisation's: its kind only), and its tag with
    the lemma of the word governing it."""
    if mention.tag in JUDGED_BY_THE_SENTENCE:
        name = mention.tag
    else:
        first, last = entity_slots(reading.words, mention.start, mention.end)
        name = " ".join(lemma for lemma in reading.lemmas[first:last] if lemma[0].isalnum())
    at = place(reading.tree, mention.start, mention.end)
    governor = reading.tree.nodes[at.chain[0]].lemma if at and at.chain else "<root>"
    return f"name:{name}", f"gov:{mention.tag}|{governor}"


@dataclass
class Priors:
    """Label counts (negative, neutral, positive) per key, and the shares of all rows."""

    counts: dict[str, np.ndarray]
    shares: np.ndarray

    @classmethod
    def counted(cls, keys: list[tuple[str, ...]], labels: np.ndarray) -> "Priors":
        counts: dict[str, np.ndarray] = {}
        for row_keys, label in zip(keys, labels):
            for key in row_keys:
                counts.setdefault(key, np.zeros(3))[label] += 1
        return cls(counts, np.bincount(labels, minlength=3) / max(1, len(labels)))

    def columns(self, keys: tuple[str, ...], less: "Priors | None" = None) -> np.ndarray:
        """The encoded counts of each key (`less`: counts left out, a row's own sentence's)."""
        return np.concatenate([encoded(self.counts.get(key, UNSEEN) - (less.counts.get(key, UNSEEN) if less else 0),
                                       self.shares) for key in keys])

    def matrix(self, keys: list[tuple[str, ...]]) -> np.ndarray:
        return np.array([self.columns(row_keys) for row_keys in keys]).reshape(len(keys), -1)


def encoded(counts: np.ndarray, shares: np.ndarray) -> np.ndarray:
    seen = counts.sum()
    smoothed = (counts + SMOOTHING * shares) / (seen + SMOOTHING)
    return np.array([np.log(smoothed[0] / shares[0]), np.log(smoothed[2] / shares[2]), np.log1p(seen) / 3])


def left_out_columns(keys: list[tuple[str, ...]], labels: np.ndarray, sentences: list[str],
                     fitted: np.ndarray, scored: np.ndarray) -> np.ndarray:
    """Every row's columns from the counts of the `fitted` rows (`left_out`)."""
    return left_out(lambda rows: Priors.counted([keys[i] for i in rows], labels[rows]),
                    lambda priors, i, less: priors.columns(keys[i], less),
                    COLUMNS_PER_KEY * len(keys[0]) if keys else 0, sentences, fitted, scored)


def left_out(counted: Callable, columns: Callable, width: int, sentences: list[str],
             fitted: np.ndarray, scored: np.ndarray) -> np.ndarray:
    """Every row's columns from what the `fitted` rows counted (`counted(rows)`): a fitted
    row's without its own sentence's rows, or it would read its own label, a `scored`
    row's from them all (rows in neither stay zero). `columns(whole, row, less)` reads one
    row, `less` the counts to take off (None: none)."""
    whole = counted(fitted)
    by_sentence: dict[str, list[int]] = {}
    for i in fitted:
        by_sentence.setdefault(sentences[i], []).append(i)
    own = {sentence: counted(np.array(rows)) for sentence, rows in by_sentence.items()}
    found = np.zeros((len(sentences), width))
    for i in fitted:
        found[i] = columns(whole, i, own[sentences[i]])
    for i in scored:
        found[i] = columns(whole, i, None)
    return found
