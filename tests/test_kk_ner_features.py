"""The Kazakh NER's own pieces on sentences of our own: the list of organisations the
training labels name (matched by stems, with how often the words were that name), the
lower-case chain before an organisation's head noun, the IOB2 repair of its output, and
the breakdown of the errors the cross-validation prints."""
from sholu.lang.kk import known_names
from sholu.lang.kk.ner import distance_to_head, repaired
from sholu.lang.kk.ner_errors import error_kinds, error_table
from sholu.nlp.conll import entity_spans


def plain_stem(word: str) -> str:
    """A stand-in stemmer: these tests are about the list, not about Kazakh endings."""
    lower = word.lower()
    return next((lower[:-len(end)] for end in ("тың", "ы") if lower.endswith(end)), lower)


TRAINING = [
    ("Ұлттық кеңес отырысы өтті".split(), ["B-ORGANISATION", "I-ORGANISATION", "O", "O"]),
    ("Ұлттық кеңестың шешімі".split(), ["B-ORGANISATION", "I-ORGANISATION", "O"]),
    ("Ұлттық кеңес туралы айтты".split(), ["O", "O", "O", "O"]),
    ("Асқар Алматыда".split(), ["B-PERSON", "B-GPE"]),
]


def test_the_list_holds_organisations_by_their_stems_with_their_share():
    table = known_names.learn_table([(words, entity_spans(tags)) for words, tags in TRAINING], plain_stem)
    assert table == {("ұлттық", "кеңес"): ("ORGANISATION", 2 / 3)}        # persons and places are left out


def test_a_known_name_is_found_in_any_form_and_marked_by_its_words_place():
    table = {("ұлттық", "кеңес"): ("ORGANISATION", 0.9), ("кеңес",): ("ORGANISATION", 0.1)}
    roots = [plain_stem(word) for word in "Кеше Ұлттық кеңестың отырысы , кеңес".split()]
    found = known_names.name_features(roots, table)
    assert [row.get("kn") for row in found] == [
        None, "B-ORGANISATION:most", "I-ORGANISATION:most", None, None, "B-ORGANISATION:rare"]


def test_the_list_is_written_and_read_back(tmp_path, monkeypatch):
    table = {("ұлттық", "кеңес"): ("ORGANISATION", 0.67)}
    path = tmp_path / "known_names.txt"
    known_names.write_table(table, path)
    assert path.read_text(encoding="utf-8").splitlines()[1] == "ұлттық кеңес ORGANISATION 0.67"


def test_lower_case_words_up_to_the_head_noun_are_a_chain_and_a_capital_breaks_it():
    words = "Төтенше жағдай жөніндегі мемлекеттік комиссияның отырысы".split()
    found = distance_to_head(words)
    assert [row.get("lower_chain") for row in found[:5]] == ["4:False", "3:False", "2:True", "1:True", "0:True"]
    broken = distance_to_head("жағдай Алматы комиссиясы".split())
    assert "lower_chain" not in broken[0] and broken[1]["lower_chain"] == "1:False"


def test_an_i_tag_that_continues_nothing_opens_a_name():
    tags = ["O", "I-PERSON", "I-PERSON", "O", "B-ORGANISATION", "I-GPE", "I-GPE"]
    assert repaired(tags) == ["O", "B-PERSON", "I-PERSON", "O", "B-ORGANISATION", "B-GPE", "I-GPE"]
    assert repaired(["B-GPE", "I-GPE", "O"]) == ["B-GPE", "I-GPE", "O"]


def test_the_error_breakdown_tells_missed_names_from_wrong_bounds_and_labels():
    scored = {"PERSON": "PERSON", "GPE": "GPE+LOCATION", "ORGANISATION": "ORGANISATION"}
    # Кеше | Ұлттық банк басшысы | Асқар | Алматыда | болды
    gold = ["O", "B-ORGANISATION", "I-ORGANISATION", "O", "B-PERSON", "B-GPE", "O"]
    found = ["O", "B-ORGANISATION", "I-ORGANISATION", "I-ORGANISATION", "B-GPE", "B-GPE", "B-PERSON"]
    kinds = error_kinds(gold, found, scored)
    assert kinds == {("ORGANISATION", "found wider"): 1, ("ORGANISATION", "extra: over a gold name (counted above)"): 1,
                     ("PERSON", "same words as GPE"): 1, ("GPE+LOCATION", "extra: over a gold name (counted above)"): 1,
                     ("GPE+LOCATION", "right"): 1, ("PERSON", "extra: spurious"): 1}
    lines = error_table(kinds)
    assert lines[0].startswith("GPE+LOCATION: ") and lines[1] == "ORGANISATION: extra: over a gold name (counted above) 1, found wider 1"
    position = error_kinds(["B-POSITION", "I-POSITION", "O"], ["B-ORGANISATION", "O", "O"], scored)
    assert position == {("ORGANISATION", "extra: over a gold POSITION"): 1}
