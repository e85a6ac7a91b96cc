"""Where an organisation's name ends, and which body a short or lower-case name is (class 7
of bench/data/unseen-2026-12c/RESULTS.md): a body's remit after «по» and its number after
«№», committees and regional services written in lower case, ministries' short names;
Kazakh abbreviations with a hyphenated case ending, a company's quoted name before its
legal form, an initial and a surname, lower-case regional bodies and a body named again
by its level and kind. On sentences written for these tests."""
import pytest

from sholu.nlp import analyse_text
from sholu.nlp.kazakh import analyse_kazakh, qualified_body


def organisations(text: str) -> list[str]:
    return sorted(o["name"] for o in analyse_text(text)["organizations"])


def kazakh(text: str) -> dict[str, list[str]]:
    found = analyse_kazakh(text)
    return {kind: sorted(e["name"] for e in found[kind]) for kind in ("persons", "organizations")}


@pytest.mark.parametrize("text, body", [
    ("Вчера в Астане прошло заседание Национальной комиссии по делам женщин и семейно-демографической "
     "политике.", "Национальная комиссия по делам женщин и семейно-демографической политике"),
    ("Проект одобрила Республиканская бюджетная комиссия по вопросам регионального развития.",
     "Республиканская бюджетная комиссия по вопросам регионального развития"),
])
def test_a_bodys_remit_after_po_is_part_of_its_name(text, body):
    assert body in organisations(text)


@pytest.mark.parametrize("text, body", [
    ("Жалобу направили в Атырауский районный суд № 4 вчера.", "Атырауский районный суд № 4"),
    ("Иск рассмотрел Алматинский районный суд № 2 12 мая.", "Алматинский районный суд № 2"),
])
def test_the_number_of_a_body_is_part_of_its_name(text, body):
    assert body in organisations(text)


@pytest.mark.parametrize("text, body", [
    ("Законопроект обсудят на заседании комитета по финансам и бюджету в среду.", "комитет по финансам и бюджету"),
    ("Прием документов продлен. Об этом сообщили в областной службе занятости.", "областная служба занятости"),
])
def test_a_committee_or_a_regional_service_in_lower_case_is_an_organisation(text, body):
    assert any(name.startswith(body) for name in organisations(text))


@pytest.mark.parametrize("text", [
    "По итогам заседания комиссии по этому поводу ничего не сказали.",
    "Начальник управления по надзору за законностью Айгуль Сеитова дала пояснения.",
])
def test_a_circumstance_after_po_or_a_department_by_its_remit_alone_is_no_body(text):
    assert organisations(text) == []


@pytest.mark.parametrize("text, body", [
    ("Минтруд предложил поднять пособия.", "Министерство труда и социальной защиты населения"),
    ("Письмо направили Минтруду.", "Министерство труда и социальной защиты населения"),
    ("Минторг проверил цены на рынках.", "Министерство торговли и интеграции"),
])
def test_a_ministrys_short_name_is_the_ministry(text, body):
    assert organisations(text) == [body]


def test_a_short_name_and_the_full_one_are_one_ministry():
    text = "Минтруд: пособия вырастут. Министерство труда и социальной защиты населения подготовило проект."
    assert organisations(text) == ["Министерство труда и социальной защиты населения"]


@pytest.mark.parametrize("text, body", [
    ("ОСК-тың шешімі бүгін жарияланды.", "Центральная избирательная комиссия"),
    ("Шағымдар ҚТЖ-ға жолданды.", "Қазақстан темір жолы"),
])
def test_a_kazakh_abbreviation_with_a_hyphenated_ending_is_the_body(text, body):
    assert kazakh(text)["organizations"] == [body]


@pytest.mark.parametrize("text, company", [
    ("Павлодарда «Ертіс Көлік» ЖШС жүргізушілерінің конференциясы болды.", "Ертіс Көлік"),
    ("Жиынға «Алтын Дән» АҚ өкілдері қатысты.", "Алтын Дән"),
])
def test_a_quoted_name_before_a_kazakh_legal_form_is_a_company(text, company):
    assert kazakh(text)["organizations"] == [company]


@pytest.mark.parametrize("text, person", [
    ("Бірлестік төрағасы Мира Ахметова мәлімдеме жасады. «Шағымдардың бәрін ҰҚК-ға және сотқа "
     "жолдадық», – деді М. Ахметова.", "Мира Ахметова"),
    ("Қауымдастық төрағасы Дина Омарова айтты. «Хатты ЖСК-ға және министрлікке жолдадық», – деді "
     "Д. Омарова.", "Дина Омарова"),
])
def test_an_initial_and_a_surname_are_the_person_named_before(text, person):
    found = kazakh(text)
    surname = person.split()[-1]
    assert found["persons"] == [person] and not any(name.endswith(surname) for name in found["organizations"])


@pytest.mark.parametrize("text, body", [
    ("Облыстық еңбек инспекциясының маманы Ерлан Сәрсенов тексеру жүргізді.", "облыстық еңбек инспекциясы"),
    ("Аудандық жер инспекциясы жаңа ереже жариялады.", "аудандық жер инспекциясы"),
])
def test_a_kazakh_regional_inspectorate_is_an_organisation(text, body):
    assert body in kazakh(text)["organizations"]


def test_a_kazakh_body_named_again_by_its_level_is_the_one_named_in_full():
    text = ("Павлодар облысының денсаулық сақтау басқармасы хабарлады. Облыстық денсаулық сақтау "
            "басқармасының мамандары ауруханаларды тексерді.")
    assert kazakh(text)["organizations"] == ["Павлодар облысының денсаулық сақтау басқармасы"]


@pytest.mark.parametrize("text, body", [
    ("Жиынға Бірыңғай жинақтаушы зейнетақы қорының басқарма төрағасы Арман Сейітов қатысты. Ол биыл "
     "ерікті бірыңғай жинақтаушы зейнетақы қорына 200 миллиард теңге түседі деп күтілетінін айтты.",
     "Бірыңғай жинақтаушы зейнетақы қоры"),
    ("Брифингке Мемлекеттік кірістер комитетінің төрағасы Ержан Омаров қатысты. Ол биыл аумақтық "
     "мемлекеттік кірістер комитетіне 500 шағым түскенін айтты.", "Мемлекеттік кірістер комитеті"),
])
def test_a_kazakh_body_named_with_its_first_word_alone_capitalised(text, body):
    assert kazakh(text)["organizations"] == [body]


def test_a_capitalised_owner_in_the_genitive_names_no_body():
    assert kazakh("Кеше біз Елбасының қызметін талқыладық.")["organizations"] == []


def test_a_lower_case_name_ending_in_another_bodys_name_is_that_body():
    full = {"name": "Әлеуметтік сақтандыру қоры", "spans": [[0, 26]], "mentions": 1}
    qualified = {"name": "міндетті әлеуметтік сақтандыру қоры", "spans": [[40, 75]], "mentions": 1}
    other = {"name": "сақтандыру қоры", "spans": [[90, 105]], "mentions": 1}
    assert qualified_body(qualified, [full, qualified]) is full
    assert qualified_body(full, [full, qualified]) is None and qualified_body(other, [full, other]) is None
