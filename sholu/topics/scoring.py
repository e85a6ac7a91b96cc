"""A paragraph's score for every theme, from seed terms and word vectors.

Evidence is counted in «phrase units»: a matched seed phrase is worth about 1.5, a word
0.5-1.0 (by rarity). The paragraph's vector decides how much that evidence is believed
(a seed word in an off-topic paragraph counts less) and adds a little evidence of its
own for the theme it is clearly closest to, for paragraphs that paraphrase the seeds.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .matching import Match, TermIndex, find_matches, term_index
from .taxonomy import Term, Theme, load_themes, taxonomy_path
from .vectors import mean_vector, unit_vectors
from .words import words

SCALE = 1.2             # evidence for which the score is 1 - 1/e (0.63)
REPEAT_BONUS = 0.25     # each repeat of a term adds this share of its weight...
REPEAT_CAP = 1.5        # ...up to this many times its weight
SEMANTIC_FROM = 2.0     # z above which the paragraph vector adds evidence of its own...
SEMANTIC_MARGIN = 0.5   # ...to its nearest theme only, when the next one is this far behind
SEMANTIC_GAIN = 0.6     # evidence per unit of z above SEMANTIC_FROM
SEMANTIC_CAP = 0.6      # at most this much: vectors alone never make a confident theme
JUDGED_SHARE = 0.5      # the share of a paragraph's words the vectors must know to judge it


@dataclass(frozen=True)
class Model:
    themes: tuple[Theme, ...]
    ids: tuple[str, ...]
    index: TermIndex
    centroids: np.ndarray       # one unit vector per theme
    background: np.ndarray      # mean cosine of each centroid with other themes' terms
    spread: np.ndarray          # and its standard deviation


def current_model() -> Model:
    return load_model(taxonomy_path())


@lru_cache(maxsize=8)
def load_model(path: str) -> Model:
    taxonomy = load_themes(path)
    term_vectors = [theme_term_vectors(theme) for theme in taxonomy]
    centroids = np.stack([centroid(vectors) for vectors in term_vectors])
    background, spread = calibration(centroids, term_vectors)
    return Model(taxonomy, tuple(t.id for t in taxonomy), term_index(taxonomy),
                 centroids, background, spread)


def theme_term_vectors(theme: Theme) -> list[np.ndarray]:
    vectors = (mean_vector([(form, form) for form in term.forms]) for term in theme.terms)
    return [vector for vector in vectors if vector is not None]


def centroid(vectors: list[np.ndarray]) -> np.ndarray:
    """Mean of a theme's term vectors; every term counts once, phrase or word."""
    if not vectors:
        return np.zeros(300, dtype=np.float32)
    mean = np.mean(vectors, axis=0)
    return mean / np.linalg.norm(mean)


def calibration(centroids: np.ndarray, term_vectors: list) -> tuple[np.ndarray, np.ndarray]:
    """How close each theme's centroid is to the other themes' terms, on average and how
    widely: a broad theme («legal_reform») is near everything political, so its raw cosine
    says less; z-scores against this background make themes comparable."""
    background, spread = [], []
    for position, own in enumerate(centroids):
        others = [v for i, vectors in enumerate(term_vectors) if i != position for v in vectors]
        cosines = np.stack(others) @ own if others else np.zeros(2)
        background.append(float(cosines.mean()))
        spread.append(max(float(cosines.std()), 0.05))
    return np.array(background), np.array(spread)


def score_paragraph(text: str, model: Model, names=(), named: frozenset = frozenset()) -> dict[str, float]:
    """Every theme's score in [0, 1] for one paragraph; `names` are the spans of the
    organisation names in it, `named` the themes its article's headline names."""
    found = words(text, names)
    closeness = paragraph_z(found, model)
    judged = vectors_judge(found)
    matches = in_company(to_the_nearest_theme(find_matches(found, model.index), closeness, model), named)
    evidence = lexical_evidence(matches, closeness, model, judged)
    credit = semantic_credit(closeness)
    scores = {}
    for position, theme_id in enumerate(model.ids):
        total = evidence.get(theme_id, 0.0) + credit[position]
        scores[theme_id] = round(1.0 - math.exp(-total / SCALE), 3)
    return scores


def lexical_evidence(matches: list[Match], closeness: np.ndarray, model: Model,
                     judged: bool = True) -> dict[str, float]:
    """`matches`: each counting for one theme (`to_the_nearest_theme`, `in_company`)."""
    found: dict[tuple[str, Term], int] = defaultdict(int)
    for match in matches:
        found[(match.theme, match.term)] += 1
    evidence: dict[str, float] = defaultdict(float)
    for (theme_id, term), count in found.items():
        repeats = min(1.0 + REPEAT_BONUS * (count - 1), REPEAT_CAP)
        single = len(term.forms) == 1 and judged
        trust = belief(closeness[model.ids.index(theme_id)]) if single else 1.0
        evidence[theme_id] += term.weight * repeats * trust
    return evidence


def to_the_nearest_theme(matches: list[Match], closeness: np.ndarray, model: Model) -> list[Match]:
    """Words that several themes list («явка», «бюллетень»: an election's or a
    referendum's) count for the one the paragraph is nearest to: a referendum's turnout
    is no election."""
    claims: dict[tuple[int, ...], list[Match]] = defaultdict(list)
    for match in matches:
        claims[match.positions].append(match)
    nearest = (max(same, key=lambda m: closeness[model.ids.index(m.theme)]) for same in claims.values())
    kept = {id(match) for match in nearest}
    return [match for match in matches if id(match) in kept]


def in_company(matches: list[Match], named: frozenset = frozenset()) -> list[Match]:
    """Context terms count only where their theme has a term of its own, in the paragraph
    or the headline: a vote in a paragraph that names no referendum, under a headline
    that names none, is some other body's («делегаты проголосовали за договор»)."""
    anchored = named | {match.theme for match in matches if not match.term.needs_company}
    return [match for match in matches if not match.term.needs_company or match.theme in anchored]


def own_term_themes(text: str, model: Model) -> frozenset[str]:
    return frozenset(m.theme for m in find_matches(words(text), model.index) if not m.term.needs_company)


def paragraph_z(found, model: Model) -> np.ndarray:
    """How close the paragraph is to each theme, in standard deviations above the theme's
    background (0 when no word has a vector)."""
    vector = mean_vector([(word.form, word.lemma) for word in found])
    if vector is None:
        return np.zeros(len(model.ids))
    return (model.centroids @ vector - model.background) / model.spread


def vectors_judge(found) -> bool:
    """Whether the (Russian) word vectors know most of the paragraph's words: of a Kazakh
    paragraph they know a few loanwords, whose closeness to a theme says nothing, so its
    seed words are believed as they stand («зейнетақы», «аурухана»)."""
    known = sum(vector is not None for vector in unit_vectors([(w.form, w.lemma) for w in found]))
    return known >= JUDGED_SHARE * len(found)


def belief(z: float) -> float:
    """How far a single seed word is believed (a phrase always is): half in a paragraph no
    closer to the theme than background, fully from z = 2: «среда» in a weather report is
    not the environment."""
    return min(1.0, max(0.5, 0.5 + 0.25 * z))


def semantic_credit(closeness: np.ndarray) -> np.ndarray:
    """Evidence from the vector alone, for the one theme the paragraph is clearly nearest:
    it lets paraphrases («вмешиваться во внутренние дела») count without any seed term."""
    credit = np.zeros(len(closeness))
    if len(closeness) < 2:
        return credit
    first, second = np.argsort(-closeness)[:2]
    if closeness[first] - closeness[second] >= SEMANTIC_MARGIN:
        gain = SEMANTIC_GAIN * (closeness[first] - SEMANTIC_FROM)
        credit[first] = min(SEMANTIC_CAP, max(0.0, gain))
    return credit
