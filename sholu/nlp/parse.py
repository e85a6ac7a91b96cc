"""Natasha at the edge: sentences, tokens with morphology, and NER spans, converted
into Sholu's own small records so no Natasha type travels further."""
from __future__ import annotations

from dataclasses import dataclass, field

from natasha import Doc
from slovnet.bio import bio_spans

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
    spans = tag_entities(docs, models["ner_tagger"])
    return [adapt(doc, found) for doc, found in zip(docs, spans)]


def tag_morphology(sents: list, tagger) -> None:
    """Every sentence's tokens get their part of speech and features, shortest first."""
    order = sorted(range(len(sents)), key=lambda i: len(sents[i].tokens))
    words = [[token.text for token in sents[i].tokens] for i in order]
    for i, markup in zip(order, tagger.map(words)):
        for token, tagged in zip(sents[i].tokens, markup.tokens):
            token.pos, token.feats = tagged.pos, tagged.feats


def tag_entities(docs: list[Doc], tagger) -> list[list]:
    """NER spans of each segmented text (none for a blank one), texts batched by
    length. The tagger reads the tokens segmentation found (Slovnet would tokenise the
    text again with the same razdel rules) and its BIO tags become spans on them."""
    infer = tagger.infer
    order = sorted((i for i, doc in enumerate(docs) if doc.text.strip()), key=lambda i: len(docs[i].tokens))
    words = [[token.text for token in docs[i].tokens] for i in order]
    spans: list[list] = [[] for _ in docs]
    for i, tags in zip(order, infer.decoder(infer.process(infer.encoder(words)))):
        spans[i] = list(bio_spans(docs[i].tokens, tags))
    return spans


def adapt(doc: Doc, spans: list) -> Parsed:
    tokens = adapt_tokens(doc)
    mentions = [Mention(KINDS[span.type], first, last, span.start, span.stop)
                for span, (first, last) in zip(spans, token_ranges(doc.tokens, spans))]
    return Parsed(doc.text, tokens, mentions)


def token_ranges(tokens: list, spans: list) -> list[tuple[int, int]]:
    """(first, last) token index of each span; spans are built on these tokens."""
    by_start = {token.start: index for index, token in enumerate(tokens)}
    by_end = {token.stop: index for index, token in enumerate(tokens)}
    return [(by_start[span.start], by_end[span.stop]) for span in spans]


def adapt_tokens(doc: Doc) -> list[Token]:
    tokens = []
    for number, sentence in enumerate(doc.sents):
        for token in sentence.tokens:
            tokens.append(Token(len(tokens), token.start, token.stop, token.text,
                                token.pos or "X", dict(token.feats or {}), number))
    return tokens
