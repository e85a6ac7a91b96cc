"""Natasha at the edge: sentences, tokens with morphology, and NER spans, converted
into Sholu's own small records so no Natasha type travels further."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from razdel import sentenize

from ..lang.tokens import tokenize
from .models import taggers

WORDS_PER_CALL = 8192     # a tagger call's arrays stay small enough to reuse freed memory (big ones cost page faults)
KINDS = {"PER": "person", "ORG": "organization", "LOC": "place"}


@dataclass
class Token:
    index: int
    start: int
    end: int
    text: str
    pos: str
    feats: dict
    sentence: int

    @property
    def case(self) -> str | None:
        return self.feats.get("Case")

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass
class Mention:
    kind: str                 # person | organization | place
    first: int                # index of the first token
    last: int                 # index of the last token (inclusive)
    start: int
    end: int
    name: str = ""            # normalised
    source: str = "ner"       # ner | gazetteer | rule
    entry: object = None      # the gazetteer entry, when one matched
    positions: list[str] = field(default_factory=list)
    same_as: "Mention | None" = None   # a person's name given again in brackets, in Latin letters


@dataclass
class Parsed:
    text: str
    tokens: list[Token]
    mentions: list[Mention]

    def words(self, mention: Mention) -> list[Token]:
        return self.tokens[mention.first:mention.last + 1]

    def surface(self, mention: Mention) -> str:
        return self.text[mention.start:mention.end]

    # Token look-ups by character offset, by bisection: a scan per look-up made long
    # articles quadratic (issue 18). Tokens are in text order and do not overlap.
    @cached_property
    def token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    @cached_property
    def token_ends(self) -> list[int]:
        return [t.end for t in self.tokens]

    def first_token_after(self, offset: int) -> int:
        """The index of the first token ending after `offset` (len(tokens) if none)."""
        return bisect_right(self.token_ends, offset)

    def last_token_before(self, offset: int) -> int:
        """The index of the last token starting before `offset` (-1 if none)."""
        return bisect_left(self.token_starts, offset) - 1


def parse(text: str) -> Parsed:
    return parse_many([text])[0]


def parse_many(texts: list[str]) -> list[Parsed]:
    """Several texts at once: razdel splits sentences and tokens, Slovnet tags all the
    sentences (morphology) and texts (NER) in a few large calls. Each text's result is
    the same as parsing it alone, and as Natasha's own Doc gives."""
    models = taggers()
    segmented = [segment(text) for text in texts]
    tag_morphology([sentence for _, sentences in segmented for sentence in sentences], models["morph_tagger"])
    found = tag_entities([words for words, _ in segmented], models["ner_tagger"])
    return [with_mentions(text, sentences, spans)
            for text, (_, sentences), spans in zip(texts, segmented, found)]


def segment(text: str) -> tuple[list, list[list[Token]]]:
    """razdel's tokens of the whole text (what NER reads, as in Natasha), and Sholu's
    tokens sentence by sentence (a token no sentence holds whole is left out, as Natasha
    leaves it out of its sentences)."""
    from natasha.span import envelop_spans   # Natasha loads only where texts are parsed

    words = list(tokenize(text))
    sentences: list[list[Token]] = []
    count = 0
    for number, chunk in enumerate(envelop_spans(words, list(sentenize(text)) if text else [])):
        sentences.append([Token(count + i, w.start, w.stop, w.text, "X", {}, number) for i, w in enumerate(chunk)])
        count += len(chunk)
    return words, sentences


def tag_morphology(sentences: list[list[Token]], tagger) -> None:
    """Every sentence's tokens get their part of speech and features."""
    for part in in_parts(sentences, len):
        readings = tagger([[token.text for token in sentence] for sentence in part])
        for sentence, tagged in zip(part, readings):
            for token, (pos, feats) in zip(sentence, tagged):
                token.pos, token.feats = pos, dict(feats)


def tag_entities(texts: list[list], tagger) -> list[list]:
    """NER spans of each text, read off its razdel tokens by their BIO tags."""
    from slovnet.bio import bio_spans

    spans: list[list] = []
    for part in in_parts(texts, len):
        tags = tagger([[word.text for word in words] for words in part])
        spans.extend(list(bio_spans(words, found)) for words, found in zip(part, tags))
    return spans


def in_parts(items: list, size, limit: int = WORDS_PER_CALL) -> Iterator[list]:
    """Consecutive runs of items of about `limit` words, to bound a call's memory."""
    part, words = [], 0
    for item in items:
        if part and words + size(item) > limit:
            yield part
            part, words = [], 0
        part.append(item)
        words += size(item)
    if part:
        yield part


def with_mentions(text: str, sentences: list[list[Token]], spans: list) -> Parsed:
    """The text's tokens and NER mentions on them; a span whose first or last word no
    sentence holds (razdel's sentences and tokens almost never disagree so) is left out."""
    tokens = [token for sentence in sentences for token in sentence]
    by_start = {token.start: token.index for token in tokens}
    by_end = {token.end: token.index for token in tokens}
    mentions = [Mention(KINDS[span.type], by_start[span.start], by_end[span.stop], span.start, span.stop)
                for span in spans if span.start in by_start and span.stop in by_end]
    return Parsed(text, tokens, mentions)
