"""Interviews written as labelled lines («Вопрос: …» / «Ответ: …», «Сұрақ: …» / «Жауап: …»,
«Корреспондент: …») or as turns opened by a dash («— Что изменится?» / «— Право на помощь
…»). An answer is the interviewee's words, the person the lead names before the first
question; a question is the interviewer's, and nothing in it is a quote («Ваш коллега X
предлагал …?» reports no statement of X)."""
from __future__ import annotations

from dataclasses import dataclass

from ..lang.sentences import LINE
from .marks import word_count
from .speakers import UNKNOWN
from .text import Reading, trim
from .verbs import is_speech_word

MIN_ANSWER_WORDS = 2
MIN_QUESTION_TURNS = 2       # one «— …?» is a line of dialogue; two or more make an interview
MAX_PROMPT_WORDS = 12        # «— Расскажите о …»: a request, not a long answer opening «Посмотрите …»
NAMED_SPEAKERS = ("person", "organization")    # whose statement inside an answer stays theirs


def labelled(reading: Reading, labels: frozenset[str]):
    """The label-line matches whose label is one of `labels`."""
    for match in reading.pack.label_line.finditer(reading.text):
        if match.group(1).strip().lower() in labels:
            yield match


def answer_lines(reading: Reading, make) -> list[dict]:
    """Each «Ответ: …» line, and each answer turn of a dash interview, as the
    interviewee's direct speech."""
    return labelled_answers(reading, make) + dash_answers(reading, make)


def labelled_answers(reading: Reading, make) -> list[dict]:
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
    labelled_questions = [(m.start(), m.end()) for m in labelled(reading, reading.pack.question_labels)]
    return labelled_questions + [(t.start, t.end) for t in dash_interview(reading) if t.question]


def outside_questions(reading: Reading, statements: list[dict]) -> list[dict]:
    """The statements not read out of an interviewer's question."""
    spans = question_spans(reading)
    return [q for q in statements if not any(start <= q["start"] < end for start, end in spans)]


# -- interviews as dash turns -------------------------------------------------------------

@dataclass(frozen=True)
class Turn:
    start: int               # after the dash
    end: int                 # the paragraph's end
    question: bool
    dashed: bool = True      # False: a paragraph continuing the answer before it


def paragraphs(text: str):
    """(start, end) of every non-empty line."""
    return ((line.start(), line.end()) for line in LINE.finditer(text) if line.group().strip())


def dash_interview(reading: Reading) -> list[Turn]:
    """The turns of an interview written as dash paragraphs (read once per text)."""
    if reading.turns is None:
        reading.turns = read_turns(reading)
    return reading.turns


def read_turns(reading: Reading) -> list[Turn]:
    """From the first «— …?» on: a dash paragraph ending with «?» is a question (or a short
    request after an answer, «— Расскажите о …»), any other an answer, and a paragraph
    with no dash after an answer continues it (up to the next question: the article's
    closing words after the last answer are the author's). None
    when the text has fewer than MIN_QUESTION_TURNS questions, or a turn with its own
    attribution («— …, — сказал он»: a reportage's dialogue, each line with its speaker)."""
    text, turns = reading.text, []
    dashed = {m.start(): m.end() for m in reading.pack.dash_line.finditer(text)}
    for start, end in paragraphs(text):
        if start not in dashed:
            if turns and not turns[-1].question:
                turns.append(Turn(*trim(text, start, end), question=False, dashed=False))
            continue
        body_start, body_end = trim(text, dashed[start], end)
        question = text[body_start:body_end].endswith("?") or \
            bool(turns) and not turns[-1].question and is_prompt(reading, body_start, body_end)
        if not (turns or question):
            continue                  # dialogue before the first question
        if attributed(reading, body_start, body_end):
            return []
        turns.append(Turn(body_start, body_end, question))
    while turns and not turns[-1].dashed:
        turns.pop()
    return turns if sum(t.question for t in turns) >= MIN_QUESTION_TURNS else []


def is_prompt(reading: Reading, start: int, end: int) -> bool:
    """«— Расскажите о новом проекте.»: a short turn opening with an imperative, the
    interviewer's request after an answer, no answer itself."""
    words = reading.finder.words(start, end)
    return 0 < len(words) <= MAX_PROMPT_WORDS and \
        any("impr" in p.tag for p in reading.pack.morphology.parses(words[0].lower()))


def attributed(reading: Reading, start: int, end: int) -> bool:
    """«— Работы начнутся весной, — сказал он.»: a line with its own verb of saying."""
    matches = reading.pack.inside_speech.finditer(reading.text, start, end)
    return any(is_speech_word(m.group(1), reading.pack) for m in matches)


def dash_answers(reading: Reading, make) -> list[dict]:
    """Each answer turn as the interviewee's direct speech; the interviewee is the person
    named last before the first question (the lead's «Мы поговорили с юристом X»)."""
    turns = dash_interview(reading)
    if not turns:
        return []
    speaker = reading.finder.last_person(turns[0].start, None) or UNKNOWN
    if speaker is UNKNOWN:
        return []
    answers = []
    for turn in turns:
        if not turn.question and word_count(reading.text[turn.start:turn.end]) >= MIN_ANSWER_WORDS:
            answers.append({**make(speaker, "direct", turn.start, turn.end, None), "answer": True})
    return answers


def split_answers(reading: Reading, statements: list[dict]) -> list[dict]:
    """An answer that reports someone else's statement («Мой брат X уверен, что …»)
    leaves that sentence to its speaker: the answer is cut around it, in pieces. What
    the answer holds with no named speaker of its own (its reading as an unattributed
    line of dialogue, what «одна соседка» told the interviewee) is the interviewee's
    account, part of the answer."""
    answers = [q for q in statements if q.get("answer")]
    if not answers:
        return statements
    result = []
    for statement in statements:
        if statement.pop("answer", False):
            others = [q for q in statements if within(q, statement) and not q.get("answer")
                      and q["speaker_type"] in NAMED_SPEAKERS and q["speaker"] != statement["speaker"]]
            result += answer_pieces(reading, statement, others)
        elif statement["speaker_type"] in NAMED_SPEAKERS or not any(within(statement, a) for a in answers):
            result.append(statement)
    return result


def within(inner: dict, outer: dict) -> bool:
    return outer["start"] <= inner["start"] and inner["end"] <= outer["end"]


def answer_pieces(reading: Reading, answer: dict, others: list[dict]) -> list[dict]:
    pieces, start = [], answer["start"]
    for other in sorted(others, key=lambda q: q["start"]):
        cut_start = max(reading.sentences.around(other["start"])[0], start)
        pieces.append((start, cut_start))
        start = max(start, reading.sentences.around(max(other["end"] - 1, other["start"]))[1])
    pieces.append((start, answer["end"]))
    text = reading.text
    return [{**answer, "text": text[s:e], "start": s, "end": e}
            for s, e in (trim(text, s, e) for s, e in pieces) if word_count(text[s:e]) >= MIN_ANSWER_WORDS]
