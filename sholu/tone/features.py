"""What the tone model sees of one entity in one sentence: sparse named features
(words of the sentence with the entity masked, the words next to it on each side,
negated words, lemmas, character n-grams near it, its place in the dependency tree:
`syntax.py`) and a dense part (Navec means of the sentence, of the entity's
neighbourhood and of its tree neighbours). Training and inference share this module,
so the shipped model reads exactly what it was trained on.

A sentence is read once (`Reading`: tokens, lemmas, verb flags, Navec rows) for all the
entities in it; an entity's masked sentence is that reading with the entity's tokens
replaced by one <E> slot. Features are keyed by name for training (`NAMES`) and by the
model's column for inference (`model.py`), one code path for both."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..lang.ru.morphology import parses
from ..topics.vectors import unit_vectors
from .syntax import Tree, parse_trees, syntax_names, syntax_vectors
from .words import TOKEN, tokens, word_reading

NEGATIONS = frozenset({"не", "нет", "ни", "без", "никогда", "нельзя"})
NEAR, WIDE = 3, 8          # tokens on each side read as "next to" and "around" the entity
DECAY = 5.0                # a word DECAY tokens away from the entity weighs half
ZERO = np.zeros(300, dtype=np.float32)
QUOTE_MARKS = "«»\"“”„"
ENTITY = "<E>"
# A word's features, in the order they are first added: lemma, form, lemma by side, and
# (next to the entity) as a neighbour, a neighbour by side, the very next word by side.
WORD_PREFIXES = ("l:", "w:", "L:", "R:", "n:", "Ln:", "Rn:", "L1:", "R1:")


@dataclass(frozen=True)
class Mention:
    """An entity in a sentence: character offsets into the sentence, and its kind."""

    sentence: str
    start: int
    end: int
    tag: str = "PERSON"


def entity_slots(words: list[tuple[str, int, int]], start: int, end: int) -> tuple[int, int]:
    """The first and one-past-last token of the entity (the nearest token if none overlaps)."""
    inside = [i for i, (_, s, e) in enumerate(words) if s < end and e > start]
    if inside:
        return inside[0], inside[-1] + 1
    after = next((i for i, (_, s, _) in enumerate(words) if s >= start), len(words))
    return after, after


class Reading:
    """A sentence read once for every entity in it: its tokens' forms, lemmas, verb flags
    and Navec rows, with one slot more at the end for the masked entity (<E>)."""

    def __init__(self, sentence: str):
        self.sentence = sentence
        self.words = tokens(sentence)
        self.forms = [w for w, _, _ in self.words] + [ENTITY]
        self.lemmas, self.verbs = map(list, zip(*map(word_reading, self.forms)))
        vectors = unit_vectors(list(zip(self.forms, self.lemmas)))
        self.matrix = np.array([v if v is not None else ZERO for v in vectors], dtype=np.float32)
        self.seen = [v is not None for v in vectors]          # a word Navec knows
        self.keyed: dict[tuple, object] = {}   # made once: word and bigram keys, masked slots
        self.parsed: Tree | None = None

    @property
    def tree(self) -> Tree:
        """The sentence's dependency tree (parsed here unless `with_trees` parsed it with others)."""
        if self.parsed is None:
            with_trees([self])
        return self.parsed

    def tree_rows(self) -> np.ndarray:
        """The Navec rows of the sentence's tree, one per token (what `Tree.matrix` looks
        up): the reading's own, punctuation's zeroed."""
        rows = self.matrix[:-1].copy()
        rows[[i for i, form in enumerate(self.forms[:-1]) if not form[0].isalnum()]] = 0
        return rows

    def masked(self, start: int, end: int) -> tuple[list[int], int]:
        """The slots of the sentence with the entity masked, and the index of <E> in them
        (the sparse and the dense features both ask)."""
        if (start, end) not in self.keyed:
            first, last = entity_slots(self.words, start, end)
            entity = len(self.words)
            self.keyed[start, end] = [*range(first), entity, *range(last, entity)], first
        return self.keyed[start, end]

    def word_keys(self, keys) -> list[tuple]:
        if ("words", keys) not in self.keyed:
            self.keyed["words", keys] = [keys.word(lem, form) for lem, form in zip(self.lemmas, self.forms)]
        return self.keyed["words", keys]

    def pair_keys(self, keys) -> list:
        """The key of each two neighbouring tokens' bigram (the <E> slot's bigrams aside)."""
        if ("pairs", keys) not in self.keyed:
            self.keyed["pairs", keys] = [keys.name(f"b:{a}_{b}") for a, b in zip(self.lemmas[:-2], self.lemmas[1:-1])]
        return self.keyed["pairs", keys]

    def bigram_keys(self, slots: list[int], at: int, keys) -> list:
        """The masked sentence's bigrams in order: the sentence's own, and <E>'s two."""
        pairs = self.pair_keys(keys)
        before, after = slots[:at], slots[at + 1:]
        found = pairs[:max(0, len(before) - 1)]
        if before:
            found.append(keys.name(f"b:{self.lemmas[before[-1]]}_{ENTITY}"))
        if after:
            found.append(keys.name(f"b:{ENTITY}_{self.lemmas[after[0]]}"))
        return found + pairs[after[0]:] if after else found


def with_trees(readings: list[Reading]) -> None:
    """The readings not yet parsed, parsed together (one batched call)."""
    waiting = list({id(r): r for r in readings if r.parsed is None}.values())
    for reading, tree in zip(waiting, parse_trees([r.sentence for r in waiting], [r.words for r in waiting])):
        tree.vectors = reading.tree_rows()
        reading.parsed = tree


@lru_cache(maxsize=256)        # the sparse and the dense features read it: made once
def read(sentence: str) -> Reading:
    return Reading(sentence)


class FeatureNames:
    """Features keyed by their names: what training sees and writes into the model."""

    def word(self, lemma_: str, form: str) -> tuple[str, ...]:
        return tuple(f"{prefix}{form if prefix == 'w:' else lemma_}" for prefix in WORD_PREFIXES)

    def name(self, name: str) -> str:
        return name


NAMES = FeatureNames()


def masked_sentence(mention: Mention) -> tuple[list[str], list[str], int]:
    """The sentence's tokens with the entity as one <E> token, their lemmas, and <E>'s index."""
    reading = read(mention.sentence)
    slots, at = reading.masked(mention.start, mention.end)
    return [reading.forms[j] for j in slots], [reading.lemmas[j] for j in slots], at


def sparse_features(mention: Mention, reading: Reading | None = None, keys=NAMES) -> dict:
    """Features with their weights, keyed by `keys` (None keys are dropped): a word's
    weight falls with its distance from the entity, so the words next to it count most."""
    reading = reading or read(mention.sentence)
    slots, at = reading.masked(mention.start, mention.end)
    found: dict = {}
    tag = keys.name(f"tag:{mention.tag}")
    if tag is not None:
        found[tag] = 1.0
    word_keys = reading.word_keys(keys)
    sentence_words(found, [word_keys[j] for j in slots], at)
    lemmas = [reading.lemmas[j] for j in slots]
    masked = [reading.forms[j] for j in slots]
    for key in reading.bigram_keys(slots, at, keys):
        if key is not None:
            found[key] = 1.0
    for name in negated_words(masked, lemmas) + placement(mention, masked, at) + roles(mention, reading, slots, at):
        key = keys.name(name)
        if key is not None:
            found[key] = 1.0
    for name, weight in syntax_names(reading.tree, mention.start, mention.end, mention.tag).items():
        key = keys.name(name)
        if key is not None:
            found[key] = weight
    return found


def sentence_words(found: dict, word_keys: list[tuple], at: int) -> None:
    """Each word's lemma by itself, by side of the entity, and (within NEAR tokens) as a
    neighbour; weights fall as 1 / (1 + distance / DECAY), a word seen twice keeps the larger."""
    for i, (lem, form, left, right, near, left_near, right_near, left_next, right_next) in enumerate(word_keys):
        if i == at:
            continue
        distance = abs(i - at)
        weight = closeness(distance)
        for key in (lem, form, left if i < at else right):
            if key is not None and found.get(key, 0.0) < weight:
                found[key] = weight
        if distance <= NEAR:
            for key in (near, left_near if i < at else right_near):
                if key is not None:
                    found[key] = 1.0
        if distance == 1:
            key = left_next if i < at else right_next
            if key is not None:
                found[key] = 1.0


@lru_cache(maxsize=None)
def closeness(distance: int) -> float:
    return 1 / (1 + distance / DECAY)


def roles(mention: Mention, reading: Reading, slots: list[int], at: int) -> list[str]:
    """Who acts on whom: the entity's case (the critic is nominative, the criticised
    accusative) with the nearest verb on each side, and with the words next to it."""
    case = entity_case(mention)
    found = [f"case:{case}"]
    for side, indexes in (("L", range(at - 1, -1, -1)), ("R", range(at + 1, len(slots)))):
        verb = next((reading.lemmas[slots[i]] for i in indexes if reading.verbs[slots[i]]), None)
        if verb:
            found += [f"v{side}:{verb}", f"v{side}:{verb}|{case}"]
    found += [f"c|{case}|{reading.lemmas[slots[i]]}"
              for i in range(max(0, at - NEAR), min(len(slots), at + NEAR + 1)) if i != at]
    return found


def entity_case(mention: Mention) -> str:
    words = TOKEN.findall(mention.sentence[mention.start:mention.end])
    if not words or not words[0][0].isalpha():
        return "none"
    return str(parses(words[-1].lower())[0].tag.case or "none")


def negated_words(masked: list[str], lemmas: list[str]) -> list[str]:
    """The word after a negation, marked: «не поддержал» is not «поддержал»."""
    return [f"neg:{lemmas[i + 1]}" for i, w in enumerate(masked[:-1]) if w in NEGATIONS]


def placement(mention: Mention, masked: list[str], at: int) -> list[str]:
    before = mention.sentence[:mention.start]
    found = [f"pos:{min(at, 5)}", f"len:{min(len(masked) // 10, 5)}"]
    if before.count("«") > before.count("»"):
        found.append("inquote")
    if any(mark in mention.sentence for mark in QUOTE_MARKS):
        found.append("hasquote")
    return found


def dense_features(mention: Mention, reading: Reading | None = None) -> np.ndarray:
    """Navec means around the entity (the whole sentence, 3 and 8 tokens each side, each
    side alone, and weighted by closeness): words the training rows never used still
    land near the ones they did."""
    reading = reading or read(mention.sentence)
    slots, at = reading.masked(mention.start, mention.end)
    matrix = reading.matrix[slots]
    matrix[at] = 0                    # unknown words' rows are zeros too: sums skip them all
    seen = [reading.seen[j] for j in slots]
    seen[at] = False
    size = len(slots)
    # the whole sentence, 3 and 8 tokens each side, each side alone: each part's known
    # rows, summed in order as `mean` sums them (a zero row adds nothing)
    spans = [(0, size), (max(0, at - NEAR), min(size, at + NEAR + 1)), (max(0, at - WIDE), min(size, at + WIDE + 1)),
             (0, at), (at + 1, size)]
    sums = np.array([np.add.reduce(matrix[low:high], axis=0) for low, high in spans])
    counts = np.array([max(1, sum(seen[low:high])) for low, high in spans], dtype=np.intp)
    np.true_divide(sums, counts[:, None], out=sums, casting="unsafe")
    closer = np.array([1 / (1 + abs(i - at) / 3.0) if known else 0.0 for i, known in enumerate(seen)])
    norms = np.sqrt(np.array([row.dot(row) for row in sums]))      # as unit_mean, five at once
    return np.concatenate([(sums / np.where(norms > 0, norms, 1)[:, None]).ravel(),
                           unit_mean((matrix * closer[:, None]).sum(axis=0))])


def dense_row(mention: Mention, reading: Reading | None = None) -> np.ndarray:
    """The whole dense part: the Navec means around the entity, then those of its tree."""
    reading = reading or read(mention.sentence)
    return np.concatenate([dense_features(mention, reading),
                           syntax_vectors(reading.tree, mention.start, mention.end, mention.tag)])


def unit_mean(vector: np.ndarray) -> np.ndarray:
    norm = float(np.sqrt(vector.dot(vector)))           # np.linalg.norm's sum, without its checks
    return vector / norm if norm else vector
