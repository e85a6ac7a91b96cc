"""Organisations the training text labelled, as a feature for the NER: «Ұлттық кеңес» was
an organisation there, so the same words (by their stems, whatever their endings) get that
evidence here, with how often those words were that name at all (Президент alone: rarely;
«Тұңғыш Президент қоры»: mostly). Built by train_ner.py from its training sentences; the
training sentences themselves each get a list built without their own part (jackknife),
so the model learns how far to trust a list that has not seen the sentence, as unseen
text will be. Only organisations: persons and places listed so cost more than they gave
(fold 1 of the CV). Shipped as known_names.txt: a name's stems, label and share."""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache

LABELS = frozenset({"ORGANISATION"})
LONGEST = 6                 # words in the longest name looked up
SHARES = ((0.7, "most"), (0.3, "often"), (0.0, "rare"))   # how often the words were that name

_table_in_use: dict[tuple[str, ...], tuple[str, float]] | None = None


def learn_table(sentences: Iterable[tuple[list[str], Iterable[tuple[int, int, str]]]],
                stem: Callable[[str], str]) -> dict[tuple[str, ...], tuple[str, float]]:
    """(words, their labelled names as (first, last, label)) -> the stems of each name ->
    its commonest label and the share of the stems' occurrences that were a name of it."""
    labelled: dict[tuple[str, ...], Counter] = {}
    stemmed = []
    for words, names in sentences:
        roots = tuple(stem(word) for word in words)
        stemmed.append(roots)
        for first, last, label in names:
            if last - first < LONGEST and label in LABELS:
                labelled.setdefault(roots[first:last + 1], Counter())[label] += 1
    seen = occurrences(stemmed, labelled)
    table = {}
    for key, labels in labelled.items():
        label, count = labels.most_common(1)[0]
        table[key] = (label, count / max(seen[key], count))
    return table


def occurrences(stemmed: list[tuple[str, ...]], keys) -> Counter:
    """How often each key (a tuple of stems) stands anywhere in the sentences."""
    seen: Counter = Counter()
    for roots in stemmed:
        for i in range(len(roots)):
            for n in range(1, min(LONGEST, len(roots) - i) + 1):
                if roots[i:i + n] in keys:
                    seen[roots[i:i + n]] += 1
    return seen


def use_table(found: dict | None) -> None:
    global _table_in_use
    _table_in_use = found
    table.cache_clear()


@lru_cache(maxsize=1)
def table() -> dict[tuple[str, ...], tuple[str, float]]:
    """The table put in use, or the shipped known_names.txt."""
    if _table_in_use is not None:
        return _table_in_use
    from importlib.resources import files

    found = {}
    for line in files(__package__).joinpath("known_names.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            *roots, label, share = line.split(" ")
            found[tuple(roots)] = (label, float(share))
    return found


def write_table(found: dict, path) -> None:
    lines = [f"{' '.join(key)} {label} {share:.2f}\n" for key, (label, share) in sorted(found.items())]
    path.write_text("# Stems of names labelled in KazNERD (CC BY 4.0), their label and how often they were it;"
                    " written by train_ner.py\n" + "".join(lines), encoding="utf-8")


def share_word(share: float) -> str:
    return next(word for floor, word in SHARES if share >= floor)


def name_features(roots: list[str], found: dict | None = None) -> list[dict[str, str]]:
    """Each word's place (B/I) in the longest known name starting leftmost, its label and
    how often those words were that name."""
    known = table() if found is None else found
    features: list[dict[str, str]] = [{} for _ in roots]
    i = 0
    while i < len(roots):
        for n in range(min(LONGEST, len(roots) - i), 0, -1):
            hit = known.get(tuple(roots[i:i + n]))
            if hit:
                label, share = hit
                for j in range(i, i + n):
                    place = "B" if j == i else "I"
                    features[j] = {"kn": f"{place}-{label}:{share_word(share)}"}
                i += n
                break
        else:
            i += 1
    return features
