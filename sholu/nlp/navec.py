"""Navec's word vectors by word id, decoded from its product quantisation: each of a
vector's parts is one of 256 centroids of its dimension group, so a vector is its
groups' centroids side by side. Slovnet and navec pick them with a broadcast fancy
index, five times slower than taking rows of one flat table; the values are the same."""
from __future__ import annotations

import numpy as np


class NavecRows:
    def __init__(self, indexes: np.ndarray, codes: np.ndarray):
        groups, centroids, width = codes.shape
        self.indexes = indexes                                  # word id -> centroid of each group
        self.centroids = codes.reshape(groups * centroids, width)
        self.offsets = np.arange(groups, dtype=np.intp) * centroids
        self.dim = groups * width

    def __call__(self, ids) -> np.ndarray:
        """The vectors of the word ids, a row each."""
        chosen = self.indexes[ids] + self.offsets
        return self.centroids.take(chosen, axis=0).reshape(len(chosen), self.dim)

