"""Word classes learned from unlabelled Kazakh text, for the NER: words that stand in
the same company (министрлігі / комитеті / агенттігі before «мәлімдеді») fall in one
class, so a name or head noun the training labels never showed still gets its
neighbours' evidence. Built by train_ner.py from the training text's words (labels
unused): stems described by the stems around them (positive PMI), reduced by SVD, then
grouped by k-means at a few sizes; shipped as clusters.txt (stem, one class per size)."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

SIZES = (50, 200, 800)        # classes coarse to fine: a word gets one feature per size
CONTEXT_WORDS = 3000          # the commonest stems describe the others
DIMENSIONS = 60
MIN_COUNT = 2
SEED = 17

_table_in_use: dict[str, tuple[str, ...]] | None = None


@lru_cache(maxsize=1)
def table() -> dict[str, tuple[str, ...]]:
    """Stem -> its class at each size (clusters.txt, or the table put in use instead)."""
    if _table_in_use is not None:
        return _table_in_use
    from ..pack import read_word_list

    words = read_word_list(__package__, "clusters")
    width = len(SIZES) + 1
    return {words[i]: tuple(words[i + 1:i + width]) for i in range(0, len(words), width)}


def use_table(found: dict[str, tuple[str, ...]] | None) -> None:
    global _table_in_use
    _table_in_use = found
    table.cache_clear()


def classes_of(root: str) -> tuple[str, ...]:
    return table().get(root, ())


def learn_table(sentences: list[list[str]], stem) -> dict[str, tuple[str, ...]]:
    """Cluster the stems of these sentences (lists of words) by the stems around them."""
    import numpy as np

    stems = [[stem(word) for word in words] for words in sentences]
    counts = Counter(root for roots in stems for root in roots)
    targets = sorted(root for root, n in counts.items() if n >= MIN_COUNT)
    contexts = [root for root, _ in counts.most_common(CONTEXT_WORDS)]
    vectors = reduced(context_counts(stems, targets, contexts), DIMENSIONS)
    labels = [kmeans(vectors, size, np.random.default_rng(SEED)) for size in SIZES]
    return {root: tuple(f"{size}:{found[i]}" for size, found in zip(SIZES, labels))
            for i, root in enumerate(targets)}


def context_counts(stems: list[list[str]], targets: list[str], contexts: list[str]):
    """Sparse counts: a target stem's row, one column per (context stem, side)."""
    from scipy import sparse

    row_of = {root: i for i, root in enumerate(targets)}
    column_of = {root: i for i, root in enumerate(contexts)}
    cells: Counter = Counter()
    for roots in stems:
        padded = ["^", *roots, "$"]
        for i in range(1, len(padded) - 1):
            row = row_of.get(padded[i])
            if row is None:
                continue
            for side, other in ((0, padded[i - 1]), (1, padded[i + 1])):
                column = column_of.get(other)
                if column is not None:
                    cells[row, 2 * column + side] += 1
    rows, columns = [row for row, _ in cells], [column for _, column in cells]
    return sparse.csr_matrix((list(cells.values()), (rows, columns)),
                             shape=(len(targets), 2 * len(contexts)), dtype=float)


def reduced(counts, dimensions: int):
    """Positive PMI of the counts, reduced to `dimensions` by SVD, rows of length one."""
    import numpy as np
    from scipy.sparse.linalg import svds

    row_sums = np.asarray(counts.sum(axis=1)).ravel()
    column_sums = np.asarray(counts.sum(axis=0)).ravel() ** 0.75
    coo = counts.tocoo()
    pmi = np.log(coo.data * column_sums.sum() / (row_sums[coo.row] * column_sums[coo.col]))
    coo.data = np.maximum(pmi, 0.0)
    u, s, _ = svds(coo.tocsr(), k=dimensions, random_state=SEED)
    vectors = u * np.sqrt(s)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


def kmeans(vectors, size: int, rng, rounds: int = 25):
    """Each row's group among `size` (spherical k-means from random rows)."""
    import numpy as np

    centres = vectors[rng.choice(len(vectors), size=min(size, len(vectors)), replace=False)]
    for _ in range(rounds):
        found = np.argmax(vectors @ centres.T, axis=1)
        for k in range(len(centres)):
            members = vectors[found == k]
            if len(members):
                centre = members.sum(axis=0)
                centres[k] = centre / max(np.linalg.norm(centre), 1e-9)
    return np.argmax(vectors @ centres.T, axis=1)
