"""Dates in Russian news text: absolute, day-and-month, relative, and the numbers that only
look like dates."""
import pytest

from sholu.nlp.dates import find_dates


def dates_of(text: str, published: str | None = None) -> list[str]:
    found = find_dates(text, published)
    for item in found:
        assert text[item["start"]:item["end"]] == item["text"]
    assert [i["start"] for i in found] == sorted(i["start"] for i in found)
    return [item["date"] for item in found]


# --- real sentences ----------------------------------------------------------------------
def test_referendum_with_full_date_needs_no_publication_date():
    text = ("Также была отмечена важность активного участия граждан в общенациональном "
            "референдуме, который состоится 15 марта 2026 года.")
    found = find_dates(text, None)
    assert [(d["text"], d["date"]) for d in found] == [("15 марта 2026 года", "2026-03-15")]


def test_election_date_at_sentence_start():
    text = ("19 марта 2023 года состоятся выборы депутатов Мажилиса Парламента Республики "
            "Казахстан и маслихатов всех уровней.")
    assert dates_of(text) == ["2023-03-19"]


def test_dotted_date_of_a_decision_and_nothing_from_its_number():
    text = ("Принято решением Генерального Совета Федерации профсоюзов Республики Казахстан "
            "от 27.01.2023 года №1-4")
    found = find_dates(text, None)
    assert [(d["text"], d["date"]) for d in found] == [("27.01.2023 года", "2023-01-27")]


KAZPRAVDA = ("Обсуждение было посвящено проекту Новой Конституции и предстоящему "
             "республиканскому референдуму 15 марта, сообщает Kazpravda.kz")


def test_day_and_month_take_the_publication_year():
    assert dates_of(KAZPRAVDA, "2026-02-27") == ["2026-03-15"]


def test_day_and_month_without_publication_date_are_left_out():
    assert dates_of(KAZPRAVDA, None) == []


def test_day_and_month_take_the_year_of_the_nearest_full_date_in_the_text():
    text = ("Голосование пройдёт 15 марта 2026 года. Комиссия собралась 5 марта, заявления "
            "принимают до 14 марта.")
    assert dates_of(text, None) == ["2026-03-15", "2026-03-05", "2026-03-14"]
    # across New Year by the same rule as the publication date's
    assert dates_of("Итоги 25 декабря 2025 года подвели, отчёт сдадут 10 января.", None) == [
        "2025-12-25", "2026-01-10"]
    # a relative day still needs the publication date
    assert dates_of("Вчера, 15 марта 2026 года, комиссия собралась.", None) == ["2026-03-15"]


# a date of effect or a deadline lies ahead of the text's time: the year of its events rules
TERMS_IN_OTHER_SENTENCES = [
    ("Совет соберётся 12 марта 2026 года. Новые нормы заработают с 1 января 2027 года. "
     "Замечания принимают до 20 марта.", ["2026-03-12", "2027-01-01", "2026-03-20"]),
    ("Семинар прошёл 12 ноября 2025 года. Программа действует до 31 декабря 2026 года. "
     "Следующая встреча — 2 декабря.", ["2025-11-12", "2026-12-31", "2025-12-02"]),
    ("Жиналыс 2026 жылғы 10 ақпанда өтті. Жаңа ереже 2027 жылдың 1 қаңтарынан бастап күшіне "
     "енеді. Ұсыныстар 25 ақпанға дейін қабылданады.", ["2026-02-10", "2027-01-01", "2026-02-25"]),
]


@pytest.mark.parametrize("text, expected", TERMS_IN_OTHER_SENTENCES)
def test_a_yearless_day_does_not_borrow_the_year_of_a_term_in_another_sentence(text, expected):
    assert dates_of(text, None) == expected


def test_a_yearless_day_takes_the_year_of_a_term_in_its_own_sentence():
    text = "Приём заявок откроется с 1 февраля 2027 года и продлится до 15 марта."
    assert dates_of(text, None) == ["2027-02-01", "2027-03-15"]
    # with only terms stated, the nearest still gives the year
    assert dates_of("Закон действует с 1 июля 2026 года. Отчёт сдадут 5 августа.", None) == [
        "2026-07-01", "2026-08-05"]


def test_kazakh_genitive_year():
    text = "Жаңа тәртіп 2026 жылдың 1 сәуірінен бастап енгізіледі, отырыс наурыздың 20-сында өтті."
    assert dates_of(text, None) == ["2026-04-01", "2026-03-20"]


def test_a_year_alone_is_no_date():
    text = "Начиная с 2022 года в Казахстане проводится политическая модернизация."
    assert dates_of(text, "2026-03-02") == []


# --- absolute forms ----------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Указ подписан 15 марта 2026 г. в Акорде.", "2026-03-15"),
    ("Документ вступает в силу с 1 января 2027 года.", "2027-01-01"),
    ("Закон принят 30 августа 1995 года на референдуме.", "1995-08-30"),
    ("Сессия пройдет 3 сент. 2025 г. в Астане.", "2025-09-03"),
    ("Встреча назначена на 12 янв. 2026 года.", "2026-01-12"),
    ("Публикация от 2026-03-15 на сайте.", "2026-03-15"),
    ("Протокол от 05/02/2024 подписан сторонами.", "2024-02-05"),
    ("В СООБЩЕНИИ ОТ 7 МАЯ 2024 ГОДА УКАЗАНО", "2024-05-07"),
    ("Понедельник, 15 декабря, 2025", "2025-12-15"),
    ("Собрание прошло 10-го февраля 2026 года в Алматы.", "2026-02-10"),
])
def test_absolute_dates(text, expected):
    assert dates_of(text) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Голосование назначено на 15-го марта.", "2026-03-15"),
    ("Мораторий действует до 1 декабря.", "2026-12-01"),
    ("Об этом говорилось 2 февраля на брифинге.", "2026-02-02"),
    ("Итоги подведут в мае, а точнее 20 мая.", "2026-05-20"),
    ("Отчет будет готов к 10 июню.", "2026-06-10"),
    ("Встреча прошла 25 декабря прошлого года.", "2025-12-25"),
])
def test_day_and_month_in_any_case(text, expected):
    assert dates_of(text, "2026-02-27") == [expected]


def test_range_gives_both_days_with_the_range_words():
    text = "Форум пройдет 14–15 марта 2026 года в Астане."
    found = find_dates(text, None)
    assert [d["date"] for d in found] == ["2026-03-14", "2026-03-15"]
    assert {d["text"] for d in found} == {"14–15 марта 2026 года"}


def test_from_to_range_gives_both_ends():
    text = "Выставка будет открыта с 1 по 5 апреля в Доме дружбы."
    found = find_dates(text, "2026-03-10")
    assert [(d["text"], d["date"]) for d in found] == [
        ("с 1 по 5 апреля", "2026-04-01"), ("с 1 по 5 апреля", "2026-04-05")]


@pytest.mark.parametrize("text, published, expected", [
    ("Сессия продлится с 30 марта по 2 апреля 2026 года.", None, ["2026-03-30", "2026-04-02"]),
    ("Сессия продлится 30 марта – 2 апреля.", "2026-03-01", ["2026-03-30", "2026-04-02"]),
    ("Каникулы продлятся с 28 декабря по 3 января.", "2026-01-02",
     ["2025-12-28", "2026-01-03"]),
    ("Слушания прошли 14 и 15 марта 2026 года.", None, ["2026-03-14", "2026-03-15"]),
    ("Прием заявок с 30 марта 2026 года по 2 апреля 2026 года.", None,
     ["2026-03-30", "2026-04-02"]),
])
def test_ranges_across_months(text, published, expected):
    assert dates_of(text, published) == expected


def test_several_dates_in_text_order_with_offsets():
    text = ("19 марта 2023 года прошли выборы, а 15 марта 2026 года состоится референдум; "
            "решение от 27.01.2023 года.")
    found = find_dates(text, None)
    assert [d["date"] for d in found] == ["2023-03-19", "2026-03-15", "2023-01-27"]
    assert found[1]["start"] == text.index("15 марта")


def test_kazakh_month_names():
    text = "Республикалық референдум 2026 жылғы 15 наурызда өтеді, нәтижесі 1 сәуір жарияланады."
    assert dates_of(text, "2026-02-20") == ["2026-03-15", "2026-04-01"]


@pytest.mark.parametrize("text, expected", [
    ("Жаңа ереже 2027 жылдың 1 қыркүйегінен бастап қолданылады.", ["2027-09-01"]),
    ("Өтінімдер қыркүйегінде емес, 2026 жылғы 12 қыркүйегіне дейін қабылданады.", ["2026-09-12"]),
    ("Есеп 2025 жылғы 30 қыркүйекте жарияланды.", ["2025-09-30"]),
])
def test_kazakh_september_voices_its_last_consonant(text, expected):
    assert dates_of(text, "2026-03-02") == expected


# --- the year of a day named without one -------------------------------------------------------
@pytest.mark.parametrize("text, published, expected", [
    ("Референдум пройдет 15 марта.", "2026-02-27", "2026-03-15"),
    ("Праздник отметили 25 декабря.", "2026-01-05", "2025-12-25"),   # last December
    ("Сессия откроется 10 февраля.", "2026-12-20", "2027-02-10"),    # next February
    ("Заседание состоялось 1 июня.", "2026-08-15", "2026-06-01"),
])
def test_year_of_day_and_month(text, published, expected):
    assert dates_of(text, published) == [expected]


def test_february_29_in_a_common_year_is_left_out():
    assert dates_of("Срок истекает 29 февраля.", "2026-01-10") == []


# --- relative days ---------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Вчера в Астане прошло заседание Мажилиса.", "2026-03-01"),
    ("Как сообщалось позавчера, проект опубликован.", "2026-02-28"),
    ("Сегодня Глава государства провел совещание.", "2026-03-02"),
    ("Завтра начнется прием заявок.", "2026-03-03"),
    ("Послезавтра откроется выставка.", "2026-03-04"),
])
def test_relative_days(text, expected):
    assert dates_of(text, "2026-03-02") == [expected]


def test_yesterday_words_are_kept_as_written():
    found = find_dates("Об этом вчера сообщил аким.", "2026-03-02")
    assert [(d["text"], d["date"]) for d in found] == [("вчера", "2026-03-01")]


@pytest.mark.parametrize("text, expected", [
    ("Заседание прошло в прошлый вторник.", "2026-02-24"),
    ("Решение приняли в прошлую пятницу.", "2026-02-27"),
    ("Во вторник депутаты одобрили поправки.", "2026-02-24"),    # latest Tuesday before
    ("В понедельник стартовала кампания.", "2026-03-02"),        # the publication day itself
    ("В воскресенье прошел митинг.", "2026-03-01"),
    ("Форум откроется в эту субботу.", "2026-03-07"),
    ("Итоги подведут в следующий четверг.", "2026-03-12"),
    ("Встреча пройдет в ближайшую среду.", "2026-03-04"),
])
def test_weekdays_relative_to_a_monday(text, expected):
    assert dates_of(text, "2026-03-02") == [expected]


def test_last_tuesday_means_the_week_before_even_late_in_the_week():
    assert dates_of("Заседание прошло в прошлый вторник.", "2026-03-05") == ["2026-02-24"]
    assert dates_of("Заседание прошло во вторник.", "2026-03-05") == ["2026-03-03"]


def test_relative_dates_need_a_publication_date():
    text = "Вчера в прошлый вторник, сегодня и в пятницу."
    assert dates_of(text, None) == []


def test_weeks_are_not_dates():
    text = "На этой неделе прошли слушания, а на прошлой неделе — консультации."
    assert dates_of(text, "2026-03-02") == []


# --- numbers that only look like dates -------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Конституция 1995 года закрепила основы государства.",
    "В 2022 году прошел референдум.",
    "Постановление №1-4 от Совета.",
    "Брифинг начнется в 14:00 по времени Астаны.",
    "Брифинг начнется в 14.00.",
    "Звоните по телефону +7 (701) 123-45-67 или 8-727-2026-03-15.",
    "Бюджет составит 27.5 млрд тенге, еще 27,01 млн — резерв.",
    "Дата 31.02.2026 в документе ошибочна, как и 2026-13-01.",
    "Обновите приложение до версии 1.10.2023.",
    "Сервер доступен по адресу 10.10.2020.1 в сети.",
    "Реформа на 2025–2030 годы и 15 процентов голосов.",
    "Выбросы попадают в среду обитания животных.",
    "Программа рассчитана на март 2026 года.",
])
def test_not_dates(text):
    assert dates_of(text, "2026-03-02") == []


def test_bad_publication_date_counts_as_none():
    assert dates_of("Вчера прошло 15 марта заседание.", "не указана") == []


@pytest.mark.parametrize("text, expected", [
    ("Жаңа тариф 2026 жылдың 15 шілдесінде күшіне енеді.", ["2026-07-15"]),
    ("Әкімнің 2025 жылдың 3 желтоқсанындағы шешімі қайта қаралды.", ["2025-12-03"]),
])
def test_kazakh_month_with_a_possessive_ending_after_a_genitive_year(text, expected):
    """«2026 жылдың 1 шілдесінен»: the month takes a possessive before its case (12d class 7)."""
    assert dates_of(text, None) == expected


def test_a_name_that_starts_like_a_month_after_a_number_is_no_date():
    assert dates_of("Тізімде 5 Қазанғапұлы деген тегі бар адам жоқ.", "2026-03-02") == []
