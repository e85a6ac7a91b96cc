"""Outlet and date that a plain-text page states about itself: a masthead the page signs, a
messenger channel's title and its posts' stamps, a transcript's opening line, a dateline
or a labelled date; and what is no such statement."""
import pytest

from sholu.clean import clean
from sholu.document import RawDocument

REPORT = [
    "Депутаты городского маслихата утвердили новый порядок субсидирования автобусных "
    "перевозчиков, который вступит в силу со следующего месяца.",
    "По словам заместителя акима города, на эти цели из местного бюджета выделят около "
    "двух миллиардов тенге, а маршрутов в отдалённые микрорайоны станет больше.",
]


def clean_page(lines: list[str]):
    return clean(RawDocument("page.txt", "\n".join(lines), "text", "f"))


# --- transcripts -------------------------------------------------------------------------------
@pytest.mark.parametrize("opening, outlet, published", [
    ("Стенограмма программы «Итоги недели» на телеканале «Астана Плюс» от 5 мая 2026 года.",
     "Астана Плюс", "2026-05-05"),
    ("Телеканал Ertis TV, эфир от 12.03.2026. Расшифровка интервью.", "Ertis TV", "2026-03-12"),
    ("«Шалқар» радиосының 2026 жылғы 5 мамырдағы «Таңғы студия» бағдарламасынан үзінді.",
     "Шалқар", "2026-05-05"),
])
def test_a_transcript_opening_names_its_station_and_air_date(opening, outlet, published):
    doc = clean_page(["Тарифы и автобусы: о чём спорят в маслихате", opening,
                      "ВЕДУЩИЙ: Добрый вечер, сегодня у нас в студии депутат городского маслихата.", *REPORT])
    assert (doc.outlet, doc.published) == (outlet, published)
    assert doc.text.startswith(opening)            # the opening line stays the transcript's own


def test_a_news_report_about_a_broadcast_is_not_its_transcript():
    opening = ("В эфире телеканала «Хабар 24» министр энергетики заявил, что с 1 января 2027 года "
               "тарифы на электроэнергию вырастут.")
    doc = clean_page(["Минэнерго: тарифы вырастут", opening, *REPORT])
    assert (doc.outlet, doc.published) == (None, None)


# --- messenger channels -----------------------------------------------------------------------
CHANNEL_POSTS = [
    "[15.04.2026 08:12]",
    "⚡️ В Актобе из-за ремонта магистральных сетей 40 домов останутся без горячей воды до "
    "пятницы, сообщили в коммунальном предприятии города.",
    "#актобе #ремонт",
    "[15.04.2026 11:30]",
    "Аким города пообещал, что подрядчик закончит работы раньше срока, а жители домов на "
    "проспекте Абилкайыр хана получат перерасчёт за все дни без воды.",
]


@pytest.mark.parametrize("title, outlet", [
    ("Новости Актобе | Telegram-канал", "Новости Актобе"),
    ("Telegram-канал «Голос Актобе»", "Голос Актобе"),
])
def test_a_channel_title_and_its_first_post_stamp(title, outlet):
    doc = clean_page([title, *CHANNEL_POSTS])
    assert (doc.outlet, doc.published) == (outlet, "2026-04-15")


# --- scraped pages ----------------------------------------------------------------------------
def scraped_page(masthead: str, dateline: str, footer: str) -> list[str]:
    return [masthead, "Новости | Общество | Экономика | Спорт", "Главная » Общество",
            "Маслихат изменил порядок субсидий перевозчикам", dateline, *REPORT,
            "Теги: транспорт, маслихат", footer]


@pytest.mark.parametrize("dateline", ["Опубликовано: 14 марта 2026, 10:15",
                                      "14.03.2026 10:15 | Просмотров: 1 204",
                                      "14 марта 2026 года, 10:15"])
def test_a_signed_masthead_and_the_dateline_under_the_headline(dateline):
    doc = clean_page(scraped_page("Степной Вестник", dateline, "© 2026 Степной Вестник. Все права защищены."))
    assert (doc.outlet, doc.published) == ("Степной Вестник", "2026-03-14")


def test_a_known_site_name_as_masthead_needs_no_signature():
    doc = clean_page(scraped_page("Kazinform", "14.03.2026 10:15", "Контакты редакции"))
    assert doc.outlet == "Kazinform"


def test_an_unsigned_first_line_is_no_masthead_and_a_render_date_is_no_dateline():
    page = ["Степной Вестник", "Новости | Общество | Экономика | Спорт",
            "Среда, 14 марта 2026", "Главная » Общество", *REPORT, "Контакты редакции"]
    doc = clean_page(page)
    assert (doc.outlet, doc.published) == (None, None)


@pytest.mark.parametrize("lead", [
    "17.03.2026 күні Алматыда байқаушылар коалициясы баспасөз мәслихатын өткізді, онда "
    "учаскелердегі бұзушылықтар туралы айтылды.",
    "14 марта 2026 года депутаты городского маслихата собрались на внеочередную сессию и "
    "обсудили порядок субсидирования перевозчиков.",
])
def test_a_date_in_the_articles_own_sentence_is_not_the_page_date(lead):
    doc = clean_page(["Маслихат изменил порядок субсидий", lead, *REPORT])
    assert doc.published is None


@pytest.mark.parametrize("headline", ["15 марта 2026 года маслихат изменит порядок субсидий",
                                      "Tengrinews.kz: итоги года"])
def test_a_headline_that_starts_with_a_date_or_names_a_site_states_neither(headline):
    doc = clean_page([headline, *REPORT])
    assert (doc.outlet, doc.published) == (None, None)


def test_a_share_bar_is_no_channel_title():
    doc = clean_page(["Поделиться | Telegram", "Маслихат изменил порядок субсидий", *REPORT])
    assert doc.outlet is None


def test_a_labelled_date_line_is_neither_the_title_nor_text():
    doc = clean_page(["Жаңалықтар | Саясат", "Маслихат субсидия тәртібін өзгертті",
                      "Жарияланды: 14 наурыз 2026, 10:15", *REPORT])
    assert (doc.title, doc.published) == ("Маслихат субсидия тәртібін өзгертті", "2026-03-14")
    assert doc.text == "\n\n".join(REPORT)


# --- datelines, wire agencies and bylines of plain-text reports (12d class 6) --------------------
@pytest.mark.parametrize("opening, published", [
    ("КОКШЕТАУ, 14 мая 2026 года. Вчера в городском акимате обсудили, как ускорить ремонт "
     "школьных спортзалов к началу учебного года.", "2026-05-14"),
    ("Павлодар, 2026 жылғы 6 мамыр. Кеше қалалық мәслихатта мектеп спортзалдарын жөндеу "
     "мәселесі талқыланды.", "2026-05-06"),
])
def test_a_dateline_opening_the_body_dates_the_page(opening, published):
    doc = clean_page(["Спортзалы отремонтируют к сентябрю", opening, *REPORT])
    assert doc.published == published
    assert doc.text.startswith(opening)                      # the dateline stays the report's own


@pytest.mark.parametrize("opening, outlet, published", [
    ("ПАВЛОДАР. 2026 жылғы 6 мамыр. ДалаИнфо – Облыстық әкімдік мектеп спортзалдарын жөндеуге "
     "қосымша қаржы бөлді.", "ДалаИнфо", "2026-05-06"),
    # no year in the dateline: the first full date of the report gives it
    ("КОСТАНАЙ. 12 мая. СтепьМедиа – Областной акимат выделил дополнительные деньги на ремонт "
     "спортзалов, работы закончат до 1 сентября 2026 года.", "СтепьМедиа", "2026-05-12"),
])
def test_a_wire_dateline_names_its_agency_and_date(opening, outlet, published):
    doc = clean_page([opening, *REPORT])
    assert (doc.outlet, doc.published) == (outlet, published)


@pytest.mark.parametrize("opening", [
    "Президент Токаев, 14 мая 2026 года, подписал указ о ремонте школ во всех областях страны.",
    "В Астане, 14 мая 2026 года, прошло совещание о ремонте школьных спортзалов и стадионов.",
])
def test_a_date_inside_the_first_sentence_is_no_dateline(opening):
    doc = clean_page(["Спортзалы отремонтируют к сентябрю", opening, *REPORT])
    assert (doc.outlet, doc.published) == (None, None)


def test_a_plain_word_before_a_dash_after_a_dateline_is_no_agency():
    opening = "ПАВЛОДАР. 12 мая 2026 года. Сегодня – День медицинского работника, в области наградили врачей."
    assert (clean_page([opening, *REPORT]).outlet) is None


def test_a_byline_naming_the_outlet_is_no_text_and_names_the_outlet():
    doc = clean_page(["Спортзалы отремонтируют к сентябрю", *REPORT, "Марина КОВАЛЬ, «Северный курьер»"])
    assert doc.outlet == "Северный курьер"
    assert doc.text == "\n\n".join(REPORT)


def test_a_signature_naming_a_company_is_no_byline():
    lines = [*REPORT, "Айдар Сапаров, директор «Степного агрохолдинга»"]
    doc = clean_page(["Спортзалы отремонтируют к сентябрю", *lines])
    assert (doc.outlet, doc.text) == (None, "\n\n".join(lines))


def test_a_yearless_dateline_takes_no_year_from_a_report_citing_other_years():
    opening = ("КОСТАНАЙ. 12 мая. СтепьМедиа – По закону от 3 марта 2015 года акимат выделил деньги на "
               "ремонт спортзалов, работы закончат до 1 сентября 2026 года.")
    assert clean_page([opening, *REPORT]).published is None


@pytest.mark.parametrize("header, outlet", [
    ("Канал «Акимат Павлодара | Новости» (WhatsApp)", "Акимат Павлодара"),
    ("Ақтөбе қалалық әкімдігі | Ресми арна", "Ақтөбе қалалық әкімдігі"),
])
def test_a_channel_header_names_the_outlet_and_is_not_the_title(header, outlet):
    doc = clean_page([header, *CHANNEL_POSTS])
    assert (doc.outlet, doc.published) == (outlet, "2026-04-15")
    assert doc.title != header


def test_a_headline_about_a_channel_is_the_title_not_the_outlet():
    headline = "Канал «Степь 24» покажет финал чемпионата в прямом эфире"
    doc = clean_page([headline, *REPORT])
    assert (doc.title, doc.outlet) == (headline, None)


def test_a_headline_about_a_telegram_channel_names_no_outlet():
    doc = clean_page(["Телеграм-канал «Городской курьер» оштрафовали за рекламу букмекеров", *REPORT])
    assert doc.outlet is None
