"""Names the tagger misses (issue 13): after a title it does not know, or read as a
place; a lone title is no person."""
import pytest

from sholu.nlp import analyse_text


def people(text: str) -> dict[str, list[str]]:
    return {p["name"]: p["positions"] for p in analyse_text(text)["persons"]}


@pytest.mark.parametrize("text", [
    "Вчера Елбасы Нурсултан Назарбаев выступил на форуме.",
    "Встреча с Елбасы Нурсултаном Назарбаевым прошла в Акорде.",
])
def test_a_name_after_an_unknown_title_is_found_with_that_title(text):
    assert people(text) == {"Нурсултан Назарбаев": ["елбасы"]}


def test_a_name_read_as_a_place_is_a_person_in_the_nominative():
    assert "Ерлан Сапаров" in people("Жители обратились к акиму города Ерлану Сапарову.")


def test_a_lone_title_is_no_person():
    assert "Елбасы" not in people("Елбасы сказал, что доволен итогами года.")
