"""What the tone model sees of one entity in one sentence: sparse named features
(words of the sentence with the entity masked, the words next to it on each side,
negated words, lemmas, character n-grams near it) and a dense part (Navec means of the
sentence and of the entity's neighbourhood). Training and inference share this module,
so the shipped model reads exactly what it was trained on."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..lang.ru.morphology import lemma, parses
from ..topics.vectors import unit_vectors

TOKEN = re.compile(r"\w+(?:-\w+)*|[^\w\s]")
NEGATIONS = frozenset({"не", "нет", "ни", "без", "никогда", "нельзя"})
NEAR, WIDE = 3, 8          # tokens on each side read as "next to" and "around" the entity
DECAY = 5.0                # a word DECAY tokens away from the entity weighs half
ZERO = np.zeros(300, dtype=np.float32)
QUOTE_MARKS = "«»\"“”„"
VERB_TAGS = frozenset({"VERB", "INFN", "PRTF", "PRTS", "GRND"})


@dataclass(frozen=True)
class Mention:
    """An entity in a sentence: character offsets into the sentence, and its kind."""

    sentence: str
    start: int
    end: int
    tag: str = "PERSON"


def tokens(sentence: str) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), m.start(), m.end()) for m in TOKEN.finditer(sentence)]


def entity_slots(words: list[tuple[str, int, int]], start: int, end: int) -> tuple[int, int]:
    """The first and one-past-last token of the entity (the nearest token if none overlaps)."""
    inside = [i for i, (_, s, e) in enumerate(words) if s < end and e > start]
    if inside:
        return inside[0], inside[-1] + 1
    after = next((i for i, (_, s, _) in enumerate(words) if s >= start), len(words))
    return after, after


def sparse_features(mention: Mention) -> dict[str, float]:
    """Named features with their weights: a word's weight falls with its distance from
    the entity, so the words next to it count most."""
    masked, lemmas, at = masked_sentence(mention)
    found: dict[str, float] = {f"tag:{mention.tag}": 1.0}
    for name, weight in sentence_words(masked, lemmas, at):
        found[name] = max(found.get(name, 0.0), weight)
    for name in negated_words(masked, lemmas) + placement(mention, masked, at) + roles(mention, masked, lemmas, at):
        found[name] = 1.0
    return found


def roles(mention: Mention, masked: list[str], lemmas: list[str], at: int) -> list[str]:
    """Who acts on whom: the entity's case (the critic is nominative, the criticised
    accusative) with the nearest verb on each side, and with the words next to it."""
    case = entity_case(mention)
    found = [f"case:{case}"]
    for side, indexes in (("L", range(at - 1, -1, -1)), ("R", range(at + 1, len(masked)))):
        verb = next((lemmas[i] for i in indexes if is_verb(masked[i])), None)
        if verb:
            found += [f"v{side}:{verb}", f"v{side}:{verb}|{case}"]
    found += [f"c|{case}|{lemmas[i]}" for i in range(max(0, at - NEAR), min(len(lemmas), at + NEAR + 1)) if i != at]
    return found


def entity_case(mention: Mention) -> str:
    words = TOKEN.findall(mention.sentence[mention.start:mention.end])
    if not words or not words[0][0].isalpha():
        return "none"
    return str(parses(words[-1].lower())[0].tag.case or "none")


def is_verb(word: str) -> bool:
    return word[0].isalpha() and parses(word)[0].tag.POS in VERB_TAGS


@lru_cache(maxsize=256)        # the sparse and the dense features read it: made once
def masked_sentence(mention: Mention) -> tuple[list[str], list[str], int]:
    """The sentence's tokens with the entity as one <E> token, their lemmas, and <E>'s index."""
    words = tokens(mention.sentence)
    first, last = entity_slots(words, mention.start, mention.end)
    masked = [w for w, _, _ in words[:first]] + ["<E>"] + [w for w, _, _ in words[last:]]
    return masked, [lemma(w) if w[0].isalpha() else w for w in masked], first


def sentence_words(masked: list[str], lemmas: list[str], at: int):
    """Each word's lemma by itself, by side of the entity, and (within NEAR tokens) as a
    neighbour; weights fall as 1 / (1 + distance / DECAY)."""
    for i, word in enumerate(lemmas):
        if i == at:
            continue
        distance, side = abs(i - at), "L" if i < at else "R"
        weight = 1 / (1 + distance / DECAY)
        yield from ((f"l:{word}", weight), (f"w:{masked[i]}", weight), (f"{side}:{word}", weight))
        if distance <= NEAR:
            yield from ((f"n:{word}", 1.0), (f"{side}n:{word}", 1.0))
        if distance == 1:
            yield f"{side}1:{word}", 1.0
    yield from ((f"b:{a}_{b}", 1.0) for a, b in zip(lemmas, lemmas[1:]))


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


def dense_features(mention: Mention) -> np.ndarray:
    """Navec means around the entity (the whole sentence, 3 and 8 tokens each side, each
    side alone, and weighted by closeness): words the training rows never used still
    land near the ones they did."""
    masked, lemmas, at = masked_sentence(mention)
    vectors = [v if v is not None else ZERO for v in unit_vectors(list(zip(masked, lemmas)))]
    matrix = np.array(vectors, dtype=np.float32)
    known = np.abs(matrix).sum(axis=1) > 0
    known[at] = False
    distance = np.abs(np.arange(len(matrix)) - at)
    parts = [known, known & (distance <= NEAR), known & (distance <= WIDE),
             known & (np.arange(len(matrix)) < at), known & (np.arange(len(matrix)) > at)]
    means = [unit_mean(matrix[chosen].mean(axis=0)) if chosen.any() else ZERO for chosen in parts]
    means.append(unit_mean((matrix * (known / (1 + distance / 3.0))[:, None]).sum(axis=0)))
    return np.concatenate(means)


def unit_mean(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector
