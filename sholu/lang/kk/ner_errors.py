"""Where the Kazakh NER goes wrong, per scored class (`train_ner --errors`): each gold name
found right, missed, found with another label over the same words, or found with other
bounds (wider, narrower, shifted; and with which label when that differs too); each
found name that matches none ("extra:"): spurious (over no gold name), over a gold name the
scorer does not count (a POSITION, FACILITY…), or over one counted already. Counts a
scorer's F1 hides: what to fix first."""
from __future__ import annotations

from collections import Counter

from ...nlp.conll import entity_spans

Span = tuple[int, int, str]


def error_kinds(gold: list[str], found: list[str], scored: dict[str, str]) -> Counter:
    """(scored class, what happened) for one sentence's gold and found IOB2 tags."""
    want, got = entity_spans(gold), entity_spans(found)
    kinds: Counter = Counter()
    for span in want:
        if span[2] in scored:
            kinds[scored[span[2]], gold_outcome(span, got, scored)] += 1
    for span in got:
        if span[2] in scored and not any(same_name(span, other, scored) for other in want):
            kinds[scored[span[2]], found_outcome(span, want, scored)] += 1
    return kinds


def same_name(one: Span, other: Span, scored: dict[str, str]) -> bool:
    return one[:2] == other[:2] and scored.get(one[2]) == scored.get(other[2])


def gold_outcome(span: Span, got: set[Span], scored: dict[str, str]) -> str:
    first, last, label = span
    overlapping = sorted(other for other in got if other[0] <= last and other[1] >= first)
    if any(same_name(span, other, scored) for other in overlapping):
        return "right"
    if not overlapping:
        return "missed"
    other = overlapping[0]
    labelled = "" if scored.get(other[2]) == scored[label] else f" as {other[2]}"
    if other[:2] == span[:2]:
        return f"same words{labelled}"
    bounds = ("wider" if other[0] <= first and other[1] >= last else
              "narrower" if other[0] >= first and other[1] <= last else "shifted")
    return f"found {bounds}{labelled}"


def found_outcome(span: Span, want: set[Span], scored: dict[str, str]) -> str:
    first, last, _ = span
    overlapping = sorted(other for other in want if other[0] <= last and other[1] >= first)
    if not overlapping:
        return "extra: spurious"
    unscored = [other[2] for other in overlapping if other[2] not in scored]
    return f"extra: over a gold {unscored[0]}" if unscored else "extra: over a gold name (counted above)"


def error_table(kinds: Counter) -> list[str]:
    """Lines to print: per class, its outcomes, commonest first."""
    lines = []
    for label in sorted({label for label, _ in kinds}):
        rows = sorted(((n, kind) for (other, kind), n in kinds.items() if other == label), key=lambda row: (-row[0], row[1]))
        lines.append(f"{label}: " + ", ".join(f"{kind} {n}" for n, kind in rows))
    return lines
