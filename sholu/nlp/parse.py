"""Natasha at the edge: sentences, tokens with morphology, and NER spans, converted
into Sholu's own small records so no Natasha type travels further."""
from __future__ import annotations

from dataclasses import dataclass, field

from natasha import Doc

from .models import natasha

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


@dataclass
class Parsed:
    text: str
    tokens: list[Token]
    mentions: list[Mention]

    def words(self, mention: Mention) -> list[Token]:
        return self.tokens[mention.first:mention.last + 1]

    def surface(self, mention: Mention) -> str:
        return self.text[mention.start:mention.end]


def parse(text: str) -> Parsed:
    return parse_many([text])[0]


def parse_many(texts: list[str]) -> list[Parsed]:
    """Several texts at once: Slovnet tags sentences (morphology) and texts (NER) in
    batches of similar length, so a worker makes a few large calls instead of many
    small, mostly padded ones. Each text's result is the same as parsing it alone."""
    models = natasha()
    docs = [Doc(text) for text in texts]
    for doc in docs:
        doc.segment(models["segmenter"])
    tag_morphology([sent for doc in docs for sent in doc.sents], models["morph_tagger"])
    spans = tag_entities(texts, models["ner_tagger"])
    return [adapt(doc, found) for doc, found in zip(docs, spans)]


def tag_morphology(sents: list, tagger) -> None:
    """Every sentence's tokens get their part of speech and features, shortest first."""
    order = sorted(range(len(sents)), key=lambda i: len(sents[i].tokens))
    words = [[token.text for token in sents[i].tokens] for i in order]
    for i, markup in zip(order, tagger.map(words)):
        for token, tagged in zip(sents[i].tokens, markup.tokens):
            token.pos, token.feats = tagged.pos, tagged.feats


def tag_entities(texts: list[str], tagger) -> list[list]:
    """NER spans of each text (none for a blank one), texts batched by length."""
    order = sorted((i for i, text in enumerate(texts) if text.strip()), key=lambda i: len(texts[i]))
    spans: list[list] = [[] for _ in texts]
    for i, markup in zip(order, tagger.map([texts[i] for i in order])):
        spans[i] = markup.spans
    return spans


def adapt(doc: Doc, spans: list) -> Parsed:
    tokens = adapt_tokens(doc)
    by_start = {token.start: token.index for token in tokens}
    by_end = {token.end: token.index for token in tokens}
    mentions = [
        Mention(KINDS[span.type], by_start[span.start], by_end[span.stop], span.start, span.stop)
        for span in spans if span.start in by_start and span.stop in by_end
    ]
    return Parsed(doc.text, tokens, mentions)


def adapt_tokens(doc: Doc) -> list[Token]:
    tokens = []
    for number, sentence in enumerate(doc.sents):
        for token in sentence.tokens:
            tokens.append(Token(len(tokens), token.start, token.stop, token.text,
                                token.pos or "X", dict(token.feats or {}), number))
    return tokens
