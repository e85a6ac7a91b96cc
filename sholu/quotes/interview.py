"""Interviews written as labelled lines: «Вопрос: …» / «Ответ: …», «Сұрақ: …» / «Жауап: …»,
«Корреспондент: …». An answer is the interviewee's words, the person the lead names before
the first labelled line; a question is the interviewer's, and nothing in it is a quote
(«Ваш коллега X предлагал …?» reports no statement of X)."""
from __future__ import annotations

from .marks import word_count
from .speakers import UNKNOWN
from .text import Reading, trim

MIN_ANSWER_WORDS = 2


def labelled(reading: Reading, labels: frozenset[str]):
    """The label-line matches whose label is one of `labels`."""
    for match in reading.pack.label_line.finditer(reading.text):
        if match.group(1).strip().lower() in labels:
            yield match


def answer_lines(reading: Reading, make) -> list[dict]:
    """Each «Ответ: …» line as the interviewee's direct speech."""
    answers = list(labelled(reading, reading.pack.answer_labels))
    if not answers:
        return []
    speaker = interviewee(reading)
    quotes = []
    for match in answers:
        start, end = trim(reading.text, match.start(2), match.end(2))
        if speaker is not UNKNOWN and word_count(reading.text[start:end]) >= MIN_ANSWER_WORDS:
            quotes.append(make(speaker, "direct", start, end, None))
    return quotes


def interviewee(reading: Reading):
    """The person named last before the first question or answer line."""
    labels = reading.pack.answer_labels | reading.pack.question_labels
    first = next(labelled(reading, labels), None)
    return (first and reading.finder.last_person(first.start(), None)) or UNKNOWN


def question_spans(reading: Reading) -> list[tuple[int, int]]:
    """Where the interviewer's lines stand."""
    return [(m.start(), m.end()) for m in labelled(reading, reading.pack.question_labels)]


def outside_questions(reading: Reading, statements: list[dict]) -> list[dict]:
    """The statements not read out of an interviewer's question."""
    spans = question_spans(reading)
    return [q for q in statements if not any(start <= q["start"] < end for start, end in spans)]
