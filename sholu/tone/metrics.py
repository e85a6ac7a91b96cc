"""RuSentNE-2023's metric: F1_PN, the mean F1 of the positive and the negative class
over all rows (neutral rows count only as those classes' misses or false alarms), and
F1_PN0, the mean over all three classes."""
from __future__ import annotations


def class_f1(gold: list[int], predicted: list[int], label: int) -> float:
    hits = sum(g == p == label for g, p in zip(gold, predicted))
    claimed = sum(p == label for p in predicted)
    present = sum(g == label for g in gold)
    if not hits:
        return 0.0
    precision, recall = hits / claimed, hits / present
    return 2 * precision * recall / (precision + recall)


def f1_pn(gold: list[int], predicted: list[int]) -> float:
    return (class_f1(gold, predicted, 1) + class_f1(gold, predicted, -1)) / 2


def f1_pn0(gold: list[int], predicted: list[int]) -> float:
    return sum(class_f1(gold, predicted, label) for label in (-1, 0, 1)) / 3
