"""Organisation names holding other names, bracketed aliases and lists (issue 13), on
sentences of our own through the real models."""
import pytest

from sholu.nlp import analyse_text
from sholu.nlp.nesting import name_span, split_brackets, split_lists
from sholu.nlp.parse import Mention, parse


def surfaces(text: str, kind: str) -> dict[str, list[str]]:
    return {e["name"]: [text[s:e] for s, e in e["spans"]] for e in analyse_text(text)[kind]}


@pytest.mark.parametrize("text, body, place", [
    ("Закон одобрили в Сенате США на прошлой неделе.", "Сенате США", "США"),
    ("Спасатели МЧС России вылетели в Таиланд утром.", "МЧС России", "Россия"),
    ("Жалобу рассмотрел Верховный суд Казахстана в среду.", "Верховный суд Казахстана", "Казахстан"),
])
def test_a_body_and_its_genitive_country_are_one_organisation_and_the_place_stays(text, body, place):
    organisations = [s for spans in surfaces(text, "organizations").values() for s in spans]
    assert body in organisations
    assert place in surfaces(text, "places")


def test_an_acronym_in_brackets_is_a_mention_of_its_own():
    text = "Доклад подготовил Комитет защиты журналистов (КЗЖ), а его выводы оспорило министерство."
    found = [s for spans in surfaces(text, "organizations").values() for s in spans]
    assert "Комитет защиты журналистов" in found and "КЗЖ" in found


def test_a_latin_spelling_in_brackets_is_the_same_person():
    text = "Контракт подписал нападающий Марк Уильямсон (Mark Williamson), сообщил клуб."
    people = surfaces(text, "persons")
    assert people == {"Марк Уильямсон": ["Марк Уильямсон", "Mark Williamson"]}


def test_a_quoted_company_name_is_spanned_without_its_descriptor_and_quotes():
    text = "Сделку одобрило ТОО «Степной ветер», а банк «Алтын Капитал» её профинансировал."
    found = [s for spans in surfaces(text, "organizations").values() for s in spans]
    assert "Степной ветер" in found and "Алтын Капитал" in found


def test_a_list_the_tagger_ran_together_is_one_person_each():
    """The tagger seldom does this on short sentences, so its span is made here by hand."""
    parsed = parse("В стартовом составе вышли Абдуллаев, Жуков и капитан команды.")
    first = next(t for t in parsed.tokens if t.text == "Абдуллаев")
    last = next(t for t in parsed.tokens if t.text == "Жуков")
    run_together = Mention("person", first.index, last.index, first.start, last.end)
    split = split_lists(parsed, [run_together])
    assert [parsed.surface(m) for m in split] == ["Абдуллаев", "Жуков"]


def test_a_bulleted_list_of_countries_is_one_place_each():
    text = "Соглашение подписали • Бахрейн • Барбадос • Бермуды • Сирия и ещё несколько стран."
    found = [s for spans in surfaces(text, "places").values() for s in spans]
    assert not any("•" in s for s in found)
    assert {"Бахрейн", "Барбадос"} <= set(found)


def test_a_persons_bracketed_acronyms_are_their_organisation():
    """The tagger seldom runs a person into a bracketed acronym on short sentences: the
    span it made on a longer text is made here by hand."""
    parsed = parse("Молебен отслужил епископ Никодим Ватагин (РПЦ МП) в соборе города.")
    first = next(t for t in parsed.tokens if t.text == "Никодим")
    last = next(t for t in parsed.tokens if t.text == ")")
    split = split_brackets(parsed, [Mention("person", first.index, last.index, first.start, last.end)])
    assert [(m.kind, parsed.surface(m)) for m in split] == [("person", "Никодим Ватагин"),
                                                            ("organization", "РПЦ МП")]


@pytest.mark.parametrize("text", [
    "Об этом сообщили СМИ со ссылкой на источники в правительстве.",
    "Акции продаёт ПАО, а покупает ТОО, сообщили в бирже.",
])
def test_the_media_at_large_or_a_bare_legal_form_is_no_organisation(text):
    assert not {"СМИ", "ПАО", "ТОО"} & set(surfaces(text, "organizations"))


def test_a_span_never_ends_on_an_open_bracket():
    parsed = parse("Резолюцию одобрила ПАСЕ (Парламентская ассамблея) на весенней сессии.")
    first = next(t for t in parsed.tokens if t.text == "ПАСЕ")
    bracket = parsed.tokens[first.index + 1]
    start, end = name_span(parsed, Mention("organization", first.index, bracket.index, first.start, bracket.end))
    assert parsed.text[start:end] == "ПАСЕ"


@pytest.mark.parametrize("text, body, name", [
    ("Решение поддержали власти Таиланда на заседании.", "власти Таиланда", "Власти Таиланда"),
    ("Проект одобрило правительство Грузии в четверг.", "правительство Грузии", "Правительство Грузии"),
    ("Билеты раздали болельщикам сборной Казахстана.", "сборной Казахстана", "Сборная Казахстана"),
])
def test_a_governing_body_named_by_its_country_is_an_organisation(text, body, name):
    assert surfaces(text, "organizations").get(name) == [body]
    assert surfaces(text, "places")


def test_a_capitalised_or_unrelated_noun_before_a_country_makes_no_organisation():
    text = "Туристы из Германии и жители Таиланда встретились на пляже."
    assert surfaces(text, "organizations") == {}
