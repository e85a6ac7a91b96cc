"""Tone: for every mention of a person or organisation, the tone of its sentence
towards it (-1, 0, 1, with the model's confidence); per entity per article the counts
and a net tone; each quote the tone of its sentence towards its speaker. The model
(`model.py`) was trained offline on RuSentNE-2023 by `python -m sholu.tone.train`; it
reads Russian, so other languages' documents keep no tone."""
from __future__ import annotations

from bisect import bisect_right

from razdel import sentenize

from ..document import Document
from .features import Mention, Reading
from .model import Tone, shipped_model

TONED = (("persons", "PERSON"), ("organizations", "ORGANIZATION"))
MODEL_LANGUAGE = "ru"


def preload() -> None:
    """Load the tone model and the syntax parser now (before worker processes fork)."""
    from .syntax import parser

    shipped_model()
    parser()


def annotate_tone(doc: Document, located: tuple | None = None) -> Document:
    """`located`: the document's `located_mentions`, when `tone_together` found them."""
    if doc.language != MODEL_LANGUAGE:
        return doc
    if doc.known_tones:
        remember(doc.known_tones)
    doc.known_tones = None
    sentences, entities, mentions = located or located_mentions(doc)
    tones = iter(mention_tones(toned_of(mentions), sentences))
    for (entity, _), found in zip(entities, mentions):
        tone_entity(entity, [span_tone(start, end, next(tones)) for start, end, mention, _ in found if mention])
    for quote in doc.quotes:
        quote["speaker_tone"] = speaker_tone(quote, doc.persons + doc.organizations, sentences)
    return doc


def tone_together(docs: list[Document]) -> list[dict]:
    """The tone stage's common work for a chunk: the mentions of all its Russian documents
    not toned before, scored in one call (one parse of their sentences, one product), so
    each document's own run finds its mentions' tones remembered."""
    extras, toned = [], []
    for doc in docs:
        if doc.language != MODEL_LANGUAGE:
            extras.append({})
            continue
        if doc.known_tones:
            remember(doc.known_tones)
        sentences, _, mentions = located = located_mentions(doc)
        extras.append({"located": located})
        toned.extend((mention, sentences, sentence) for mention, sentence in toned_of(mentions)
                     if mention not in _remembered)
    new = {mention: sentences.reading(sentence) for mention, sentences, sentence in toned}
    if new and len(new) + len(_remembered) <= REMEMBERED_LIMIT:   # else each document scores its own
        remember(dict(zip(new, shipped_model().tones(list(new.items())))))
    return extras


def located_mentions(doc: Document) -> tuple["Sentences", list[tuple[dict, str]], list[list[tuple]]]:
    """The text's sentences, the persons and organisations with their tags, and each one's
    spans located in their sentences."""
    sentences = Sentences(doc.text)
    entities = [(entity, tag) for field, tag in TONED for entity in getattr(doc, field)]
    return sentences, entities, [[located(start, end, tag, sentences) for start, end in entity.get("spans", [])]
                                 for entity, tag in entities]


def toned_of(mentions: list[list[tuple]]) -> list[tuple[Mention, tuple[int, int]]]:
    """The located mentions that keep a tone, with their sentences' spans."""
    return [(mention, sentence) for found in mentions for _, _, mention, sentence in found if mention]


# A mention's tone depends on its sentence and its place in it alone, so a sentence the
# process has toned before (a reprint's, a stock phrase) is not read and parsed again.
REMEMBERED_LIMIT = 50_000       # mentions (a few megabytes; reprints come close together)
_remembered: dict[Mention, Tone] = {}


def mention_tones(toned: list[tuple[Mention, tuple[int, int]]], sentences: "Sentences") -> list[Tone]:
    """Each mention's tone; the ones not remembered scored together (one product). Read off
    a dict of its own: remembering the new ones may empty the memory of the others."""
    known = {mention: _remembered[mention] for mention, _ in toned if mention in _remembered}
    new = {mention: sentence for mention, sentence in toned if mention not in known}
    if new:
        scored = dict(zip(new, shipped_model().tones([(m, sentences.reading(s)) for m, s in new.items()])))
        remember(scored)
        known.update(scored)
    return [known[mention] for mention, _ in toned]


def remember(tones: dict[Mention, Tone]) -> None:
    if len(_remembered) + len(tones) > REMEMBERED_LIMIT:      # a long run's memory stays bounded
        _remembered.clear()
    _remembered.update(tones)


def tones_of(doc: Document) -> dict[Mention, Tone]:
    """The tones a toned document's mentions were given, by mention (sentence, place,
    tag): what a reprint with the same sentence would be given (a copy inherits them)."""
    if doc.language != MODEL_LANGUAGE:
        return {}
    toned = [(entity, tag) for field, tag in TONED for entity in getattr(doc, field) if entity.get("tone_mentions")]
    if not toned:
        return {}
    sentences = Sentences(doc.text)
    found = {}
    for entity, tag in toned:
        for given in entity["tone_mentions"]:
            _, _, mention, _ = located(given["start"], given["end"], tag, sentences)
            if mention:
                found[mention] = Tone(given["tone"], given["confidence"])
    return found


class Sentences:
    """The text's sentences (razdel), found by offset, each read once for all its mentions."""

    def __init__(self, text: str):
        self.spans = [(s.start, s.stop) for s in sentenize(text)]
        self.starts = [start for start, _ in self.spans]
        self.text = text
        self.readings: dict[tuple[int, int], Reading] = {}
        self.strings: dict[tuple[int, int], str] = {}   # one string per sentence for all its mentions

    def string(self, span: tuple[int, int]) -> str:
        if span not in self.strings:
            self.strings[span] = self.text[span[0]:span[1]]
        return self.strings[span]

    def around(self, start: int) -> tuple[int, int] | None:
        index = bisect_right(self.starts, start) - 1
        return self.spans[index] if index >= 0 and start < self.spans[index][1] else None

    def reading(self, span: tuple[int, int]) -> Reading:
        if span not in self.readings:
            self.readings[span] = Reading(self.string(span))
        return self.readings[span]


def tone_entity(entity: dict, tones: list[dict]) -> None:
    """The entity's toned mentions, counted by tone."""
    counts = {value: sum(t["tone"] == value for t in tones) for value in (1, 0, -1)}
    entity["tone"] = {"positive": counts[1], "neutral": counts[0], "negative": counts[-1],
                      "net": round((counts[1] - counts[-1]) / len(tones), 3) if tones else 0.0}
    entity["tone_mentions"] = tones


def span_tone(start: int, end: int, tone: Tone) -> dict:
    return {"start": start, "end": end, "tone": tone.value, "confidence": tone.confidence}


def located(start: int, end: int, tag: str, sentences: Sentences) -> tuple:
    """The span, its mention in its sentence and the sentence's span (None, None when the
    span leaves its sentence: such a mention keeps no tone)."""
    sentence = sentences.around(start)
    if sentence is None or end > sentence[1]:
        return start, end, None, None
    first, last = sentence
    return start, end, Mention(sentences.string(sentence), start - first, end - first, tag), sentence


def speaker_tone(quote: dict, entities: list[dict], sentences: Sentences) -> int | None:
    """The tone towards the speaker of the speaker's mention in the quote's own sentences
    (the attribution «— раскритиковал X» or «X похвалил …»); None when no mention is there."""
    speaker = next((e for e in entities if e["entity_id"] == quote.get("speaker_entity_id")), None)
    if speaker is None or quote.get("in_title"):       # a headline's offsets are the title's
        return None
    covering = [sentences.around(at) for at in (quote["start"], quote["end"])]
    low = min([s[0] for s in covering if s] + [quote["start"]])
    high = max([s[1] for s in covering if s] + [quote["end"]])
    near = [m["tone"] for m in speaker.get("tone_mentions", []) if low <= m["start"] < high]
    return max(near, key=abs) if near else None
