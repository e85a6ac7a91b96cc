"""The Kazakh NER's network reader (neural_ner.py, trained by train_neural_ner.py, shipped as
neural_ner.npz): its numpy forward pass reads what PyTorch's does, the joint decoding keeps
IOB2 well formed, and the shipped tagger takes organisations mostly from it."""
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


def test_the_shipped_tagger_reads_an_organisation_name_whole():
    # the CRF alone read «Ұлттық банкі» and left the country's abbreviation out of the name
    words = "ҚР Ұлттық банкі базалық мөлшерлемені өзгеріссіз қалдырды .".split()
    assert neural_ner.shipped() is not None
    tags = ner.tag_sentences([words])[0]
    assert tags[:4] == ["B-ORGANISATION", "I-ORGANISATION", "I-ORGANISATION", "O"]


def test_the_network_only_replaces_names_over_the_organisations_it_reads():
    crf = ["B-GPE", "B-ORGANISATION", "O", "B-PERSON", "I-PERSON", "O"]
    joint = ["B-ORGANISATION", "I-ORGANISATION", "O", "O", "B-GPE", "O"]
    assert ner.with_names_of(crf, joint, {"ORGANISATION"}) == [
        "B-ORGANISATION", "I-ORGANISATION", "O", "B-PERSON", "I-PERSON", "O"]
    # where the network reads no organisation, the CRF's one stays
    assert ner.with_names_of(crf, ["O"] * 6, {"ORGANISATION"}) == crf


def test_a_title_opening_a_sentence_stays_what_the_crf_read():
    # decoding the mixed probabilities over every label read «Әкім» here as a person
    words = "Әкім Ата Заңға енгізілген жаңа нормаларға тоқталды .".split()
    assert "B-PERSON" not in ner.tag_sentences([words])[0]
