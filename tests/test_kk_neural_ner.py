"""The Kazakh NER's network reader (neural_ner.py, trained by train_neural_ner.py; no weights
shipped: on KazNERD's fold 1 averaging it with the CRF did not beat the CRF, README): its
numpy forward pass reads what PyTorch's does, the joint decoding keeps IOB2 well formed,
and without weights the tagger is the CRF alone."""
import numpy as np
import pytest

from sholu.lang.kk import ner, neural_ner

LABELS = ["B-ORGANISATION", "B-PERSON", "I-ORGANISATION", "I-PERSON", "O"]
SENTENCE = "Бүгін « Нұр Отан » партиясының төрағасы Ерлан Қошанов Алматыға келді .".split()


def test_joint_decoding_never_opens_a_name_with_its_inside_tag():
    # word by word the likeliest tags read O I-ORGANISATION I-PERSON: no name opens there
    probabilities = np.array([[0.1, 0.0, 0.0, 0.0, 0.9],
                              [0.3, 0.0, 0.6, 0.0, 0.1],
                              [0.0, 0.2, 0.0, 0.5, 0.3]])
    tags = ner.best_iob_path(probabilities, LABELS)
    assert tags == ["O", "B-ORGANISATION", "O"]


def test_numpy_forward_pass_reads_as_pytorch_does():
    torch = pytest.importorskip("torch")
    from sholu.lang.kk import train_neural_ner as training

    words = ["<pad>", "<unk>"] + sorted({word.lower() for word in SENTENCE})
    chars = ["<pad>", "<unk>"] + sorted({ch for word in SENTENCE for ch in word})
    rows = ner.sentence_features(SENTENCE)
    features = training.feature_list([rows])
    torch.manual_seed(3)
    model = training.build_tagger(len(words), len(chars), len(LABELS), len(features)).eval()
    network = neural_ner.Network(training.weights_of(model, words, chars, LABELS, features))
    inputs = ner.network_inputs(network, SENTENCE, rows)
    with torch.no_grad():
        expected = torch.softmax(model(*training.batch_tensors([inputs])[0]), -1)[0].numpy()
    assert np.abs(network.probabilities(inputs) - expected).max() < 1e-5


def test_without_weights_the_tagger_is_the_crf():
    assert neural_ner.shipped() is None
    crf = ner.tagger()
    assert ner.tag_sentences([SENTENCE]) == [ner.repaired(crf.tag(ner.sentence_features(SENTENCE)))]
