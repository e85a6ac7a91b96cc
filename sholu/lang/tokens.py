"""razdel's tokens, the same ones, at a fraction of the cost. razdel splits at every
space and decides each join between neighbouring atoms (a word, a number, a mark) by
rules that read the atoms next to the join and, for dashes, points and slashes, the
kind of the atom one further: across a space, only its kind. So a run of text without
spaces made of one atom is one token, and any other run is tokenised once per kind of
neighbour on each side, by razdel itself, and remembered. The nlp stage's razdel loop
cost a fifth of the stage (a Python object per atom and per join)."""
from __future__ import annotations

import re
from functools import lru_cache

from razdel import tokenize as razdel_tokenize
from razdel.segmenters.tokenize import ATOM
from razdel.substring import Substring

RUN = re.compile(r"\S+")
# an atom of each kind razdel tells apart, to stand for a neighbour across a space
STAND_IN = {"RU": "я", "LAT": "z", "INT": "1", "PUNCT": ".", "OTHER": "©", None: ""}
RUNS_REMEMBERED = 50_000


def tokenize(text: str) -> list[Substring]:
    """razdel.tokenize(text), as a list."""
    matches = list(RUN.finditer(text))
    kinds = [atom_kinds(match.group()) for match in matches]
    found = []
    for i, match in enumerate(matches):
        start, stop = match.span()
        if kinds[i][2]:
            found.append(Substring(start, stop, match.group()))
            continue
        run = match.group()
        before = kinds[i - 1][1] if i else None
        after = kinds[i + 1][0] if i + 1 < len(matches) else None
        found.extend(Substring(start + low, start + high, run[low:high]) for low, high in pieces(before, run, after))
    return found


@lru_cache(maxsize=RUNS_REMEMBERED)
def atom_kinds(run: str) -> tuple[str, str, bool]:
    """The kinds of the run's first and last atoms, and whether it is one atom."""
    first = ATOM.match(run)
    if first.end() == len(run):
        return first.lastgroup, first.lastgroup, True
    *_, last = ATOM.finditer(run, first.end())
    return first.lastgroup, last.lastgroup, False


@lru_cache(maxsize=RUNS_REMEMBERED)
def pieces(before: str | None, run: str, after: str | None) -> tuple[tuple[int, int], ...]:
    """The run's tokens (offsets into it) between neighbours of these kinds."""
    left = STAND_IN[before] + " " if before else ""
    text = f"{left}{run} {STAND_IN[after]}" if after else left + run
    return tuple((token.start - len(left), token.stop - len(left)) for token in razdel_tokenize(text)
                 if len(left) <= token.start < len(left) + len(run))
