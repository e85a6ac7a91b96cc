"""Batched parsing (many documents per Slovnet call, NER on the segmenter's tokens)
gives exactly what Natasha's own per-document loop gives, on real news texts."""
from pathlib import Path

import pytest
from natasha import Doc

from sholu.nlp.models import embedding as embedding_model
from sholu.nlp.parse import parse, parse_many

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = [ROOT / "bench" / "data" / "factrueval-dev", ROOT / "sholu" / "samples" / "kz-referendum-2026"]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for folder in FOLDERS for p in sorted(folder.glob("*.txt"))]


@pytest.fixture(scope="module")
def plain_natasha() -> dict:
    """Natasha's taggers as a user of Natasha alone loads them (default batch sizes)."""
    from natasha import NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = embedding_model()
    return {"segmenter": Segmenter(), "morph_tagger": NewsMorphTagger(embedding),
            "ner_tagger": NewsNERTagger(embedding)}


def natasha_alone(text: str, models: dict) -> tuple[list, list]:
    """The standard loop, one document at a time: tags of every token and NER spans."""
    doc = Doc(text)
    doc.segment(models["segmenter"])
    doc.tag_morph(models["morph_tagger"])
    doc.tag_ner(models["ner_tagger"])
    tags = [(t.start, t.stop, t.pos, dict(t.feats or {})) for t in doc.tokens]
    return tags, [(s.start, s.stop, s.type) for s in doc.spans]


def seen(parsed) -> tuple[list, list]:
    tags = [(t.start, t.end, t.pos, t.feats) for t in parsed.tokens]
    kinds = {"person": "PER", "organization": "ORG", "place": "LOC"}
    return tags, [(m.start, m.end, kinds[m.kind]) for m in parsed.mentions]


def test_batched_parsing_equals_natashas_per_document_loop(texts, plain_natasha):
    assert len(texts) > 100
    batched = parse_many(texts)
    for text, parsed in zip(texts, batched):
        assert seen(parsed) == natasha_alone(text, plain_natasha)


def test_a_document_parses_the_same_alone_and_in_a_batch(texts):
    batched = parse_many(texts[:20] + ["", "   "])
    assert [seen(p) for p in batched[:20]] == [seen(parse(t)) for t in texts[:20]]
    assert [(p.tokens, p.mentions) for p in batched[20:]] == [([], []), ([], [])]


def test_empty_sequences_between_others_change_nothing(texts):
    """The flat layout puts sequences one after another: an empty one must neither
    shift its neighbours' tags nor get any."""
    from sholu.nlp.models import taggers

    models = taggers()
    words = [token for token in parse(texts[0]).tokens][:40]
    sentence = [token.text for token in words]
    assert models["morph_tagger"]([[], sentence, []]) == [[], models["morph_tagger"]([sentence])[0], []]
    assert models["ner_tagger"]([[], sentence, []]) == [[], models["ner_tagger"]([sentence])[0], []]


def test_a_packs_word_list_is_known_as_navecs_from_its_gzip_trailer():
    """The trailer check says yes exactly where decompressing and comparing does, for
    every vocabulary of the three Slovnet packs (the shapes' and tags' lists are others)."""
    import tarfile

    import natasha
    from slovnet.exec import pack

    from sholu.nlp.models import holds_words

    words = embedding_model().vocab.words
    answers = []
    for path in sorted((Path(natasha.__file__).parent / "data" / "model").glob("*.tar")):
        with tarfile.open(path) as packed:
            for member in (m for m in packed.getmembers() if m.name.startswith("vocabs/")):
                data = packed.extractfile(member).read()
                same = pack.decompress(data).decode("utf8").splitlines() == words
                assert holds_words(data, words) == same, member.name
                answers.append(same)
    assert answers.count(True) == 3 and answers.count(False) == 6
    assert not holds_words(pack.compress("\n".join(words[:-1]).encode("utf8")), words)


def test_texts_decoded_in_step_take_slovnets_crf_paths():
    """`viterbi` advances only the texts still going at each step; Slovnet's CRF pads
    and masks. Made-up scores of many lengths, rounded so that ties occur: the same paths."""
    import numpy as np

    from sholu.nlp.cnn import viterbi
    from sholu.nlp.models import taggers

    crf = taggers()["ner_tagger"].crf
    tags = crf.transitions.array.shape[0]
    rng = np.random.default_rng(7)
    for _ in range(50):
        emissions = [np.round(rng.normal(size=(rng.integers(1, 30), tags)) * 3, int(rng.integers(0, 3)))
                     .astype(np.float32) for _ in range(int(rng.integers(1, 9)))]
        longest = max(len(e) for e in emissions)
        padded = np.zeros((len(emissions), longest, tags), dtype=np.float32)
        mask = np.zeros((len(emissions), longest), dtype=bool)
        for row, scores in enumerate(emissions):
            padded[row, :len(scores)], mask[row, :len(scores)] = scores, True
        expected = [path.tolist() for path in crf.decode(padded, mask)]
        assert [path.tolist() for path in viterbi(emissions, crf.transitions.array)] == expected
