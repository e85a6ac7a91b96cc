"""CoNLL files for NER: one token per line (further columns kept as they are), a blank
line between sentences. A KazNERD id line («AID283875 O») opens a sentence without being
part of it: it is written back tagged O and never shown to a tagger."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

ID_LINE = re.compile(r"^[A-Z]ID\d+$")


@dataclass
class Sentence:
    lines: list[list[str]] = field(default_factory=list)     # each line's columns
    id_line: list[str] | None = None

    @property
    def words(self) -> list[str]:
        return [columns[0] for columns in self.lines]

    @property
    def group(self) -> str:
        """The sentence's number without its variant letter (AID283875 -> 283875)."""
        return self.id_line[0][1:] if self.id_line else ""


def read_conll(lines: Iterable[str]) -> Iterator[Sentence]:
    sentence = Sentence()
    for raw in lines:
        columns = raw.split()
        if not columns:
            if sentence.lines or sentence.id_line:
                yield sentence
            sentence = Sentence()
        elif not sentence.lines and sentence.id_line is None and ID_LINE.match(columns[0]):
            sentence.id_line = columns
        else:
            sentence.lines.append(columns)
    if sentence.lines or sentence.id_line:
        yield sentence


def tagged_lines(sentences: list[Sentence], tagger: Callable[[list[list[str]]], list[list[str]]]) -> Iterator[str]:
    """The sentences written back, each line with a predicted IOB2 tag as a new last column."""
    predicted = tagger([sentence.words for sentence in sentences])
    for sentence, tags in zip(sentences, predicted):
        if sentence.id_line:
            yield " ".join([*sentence.id_line, "O"])
        for columns, tag in zip(sentence.lines, tags):
            yield " ".join([*columns, tag])
        yield ""


def entity_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """(first, last, label) of each IOB2 entity; an I- without its B- starts one."""
    spans, start, label = set(), None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        if start is not None and (prefix != "I" or kind != label):
            spans.add((start, i - 1, label))
            start = None
        if prefix == "B" or (prefix == "I" and start is None):
            start, label = i, kind
    return spans


RUSSIAN_LABELS = {"PER": "PERSON", "ORG": "ORGANISATION", "LOC": "GPE"}


def tag_russian(sentences: list[list[str]]) -> list[list[str]]:
    """Natasha's NER tags, in KazNERD's label names (its LOC is written GPE)."""
    from .models import taggers

    tagger = taggers()["ner_tagger"]
    found = tagger(sentences) if sentences else []
    return [[renamed(tag) for tag in tags] for tags in found]


def renamed(tag: str) -> str:
    prefix, _, label = tag.partition("-")
    return f"{prefix}-{RUSSIAN_LABELS.get(label, label)}" if label else tag


def tagger_for(language: str) -> Callable[[list[list[str]]], list[list[str]]]:
    if language == "kk":
        from ..lang.kk.ner import tag_sentences

        return tag_sentences
    return tag_russian
