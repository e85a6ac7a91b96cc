"""Local and regional bodies (maslikhats, akimats, departments, regional prosecutors,
courts written in lower case), generic references to them, and abbreviations of a body
named in full: the classes 1, 2 and 14 of bench/data/unseen-2026-12b/RESULTS.md, on
sentences written for these tests."""
import pytest

from sholu.nlp import analyse_text
from sholu.nlp.kazakh import analyse_kazakh


def organisations(text: str) -> list[str]:
    return sorted(o["name"] for o in analyse_text(text)["organizations"])


def kazakh_organisations(text: str) -> list[str]:
    return sorted(o["name"] for o in analyse_kazakh(text)["organizations"])


@pytest.mark.parametrize("text, body", [
    ("Депутаты маслихата города Павлодара собрались на сессию.", "маслихат города Павлодара"),
    ("Решение поддержал акимат города Павлодара.", "акимат города Павлодара"),
    ("Как сообщили в управлении образования Атырауской области, школы готовы.",
     "управление образования Атырауской области"),
    ("Иск рассмотрел специализированный межрайонный экономический суд.",
     "специализированный межрайонный экономический суд"),
    ("Прокуратура Жамбылской области проверила жалобы жителей.", "прокуратура Жамбылской области"),
    ("Сессию Карагандинского областного маслихата открыл секретарь.", "Карагандинский областной маслихат"),
])
def test_a_local_body_in_lower_case_is_an_organisation(text, body):
    assert body in organisations(text)


@pytest.mark.parametrize("text", [
    "Председатели всех территориальных комиссий приехали в столицу.",
    "Городской транспорт работает в обычном режиме.",
    "Суд присяжных вынес вердикт.",
])
def test_a_body_noun_with_no_territory_or_in_the_plural_is_none(text):
    assert organisations(text) == []


def test_a_generic_akimat_is_the_akimat_of_the_one_region_named():
    text = "Представители акимата области выступили с докладом о ремонте дорог в Карагандинской области."
    assert organisations(text) == ["акимат Карагандинской области"]


def test_a_generic_akimat_stays_as_written_when_two_cities_are_named():
    assert organisations("В Актобе и Караганде акимат города объявил конкурс.") == ["акимат города"]


def test_a_generic_body_is_the_one_of_its_kind_named_in_full():
    text = "Депутаты маслихата города Павлодара собрались. Городской маслихат утвердил бюджет."
    found = analyse_text(text)["organizations"]
    assert [(o["name"], o["mentions"]) for o in found] == [("маслихат города Павлодара", 2)]


def test_a_commission_keeps_the_genitive_that_names_it():
    text = "Председатель Павлодарской областной комиссии референдума Иван Петров выступил."
    assert "Павлодарская областная комиссия референдума" in organisations(text)


@pytest.mark.parametrize("text, body", [
    ("Облыстық мәслихаттың кезекті сессиясы өтті.", "Облыстық мәслихат"),
    ("Қостанай облысының прокуратурасы тексеру жүргізді.", "Қостанай облысының прокуратурасы"),
    ("Облыстық білім басқармасының басшысы сөз сөйледі.", "Облыстық білім басқармасы"),
    ("Кеше облыстық сайлау комиссиясы отырыс өткізді.", "облыстық сайлау комиссиясы"),
])
def test_a_kazakh_local_body_is_an_organisation(text, body):
    assert body in kazakh_organisations(text)


def test_a_kazakh_territorial_word_with_a_postposition_names_no_body():
    assert kazakh_organisations("Облыс бойынша сот шешімі шықты.") == []


def test_a_kazakh_generic_akimat_is_the_akimat_of_the_one_region_named():
    text = "Облыс әкімдігі Қостанай облысында жаңа мектеп салады."
    assert kazakh_organisations(text) == ["акимат Костанайской области"]


def test_an_abbreviation_in_brackets_is_the_body_named_before_it():
    text = ("Делегаты Казахстанского отраслевого профессионального союза работников нефтегазового "
            "комплекса (КОП НГК) приняли резолюцию.")
    found = analyse_text(text)["organizations"]
    union = [o for o in found if o["name"].startswith("Казахстанский отраслевой")]
    assert len(union) == 1 and union[0]["mentions"] == 2
    assert not any(o["name"].startswith("КОП") for o in found)


def test_an_abbreviation_made_of_initials_is_the_body_named_in_full():
    text = "Общественное объединение «Союз молодых юристов Казахстана» направило письмо. В СМЮК отметили, что ждут ответа."
    assert "СМЮК" not in organisations(text)


def test_an_abbreviation_does_not_decline():
    assert organisations("Сегодня руководство КОП НГК встретилось с рабочими.") == ["КОП НГК"]


def test_an_abbreviation_of_another_body_stays_apart():
    text = "Депутаты Ассоциации налогоплательщиков Казахстана выступили. Представитель АО «КЕГОК» ответил."
    assert {"Ассоциация налогоплательщиков Казахстана", "КЕГОК"} <= set(organisations(text))
