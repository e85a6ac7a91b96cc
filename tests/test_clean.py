"""The clean stage on pages it has not been tuned on: real article texts wrapped in the
chrome of other site layouts, attribution formulas, dates and languages."""
import pytest

from conftest import FACTRUEVAL
from sholu.clean import clean
from sholu.clean.dates import normalise_date, take_date_marker
from sholu.clean.language import detect_language
from sholu.clean.outlet import from_text, from_url
from sholu.document import Problem, RawDocument


def article(name: str) -> list[str]:
    text = (FACTRUEVAL / f"{name}.txt").read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n") if p.strip()]


def clean_text(lines: list[str]):
    return clean(RawDocument("page.txt", "\n".join(lines), "text", "f"))


@pytest.mark.parametrize("counter", [["1 234"], []])
def test_portal_layout_keeps_the_whole_body_and_drops_the_rest(counter):
    body = article("book_127")
    page = (["Войти", "Новости", "Политика", "Экономика", "Общество", "Спорт", "KZ RU EN",
             "USD 512.40 EUR 548.10", "12 марта 2026, 14:05", *counter,
             "Цены на продовольствие достигли рекордного уровня"]
            + body[:1] + ["Фото: пресс-служба ФАО"] + body[1:2]
            + ["Читайте также: Как изменились цены на хлеб в Казахстане"] + body[2:]
            + ["Теги: ФАО, цены, продовольствие", "Поделиться", "Читайте также",
               "Курс доллара вырос на бирже", "В Астане открылся новый мост",
               "Подписывайтесь на наш Telegram-канал"])
    doc = clean_text(page)
    assert doc.text == "\n\n".join(body)
    assert doc.title == "Цены на продовольствие достигли рекордного уровня"


def test_a_feed_of_teasers_after_the_article_is_not_body():
    body = article("book_115")
    teasers = ["Кибератаки на банки участились",
               "По данным регулятора, число попыток взлома выросло вдвое за последний квартал, "
               "а ущерб клиентов банков превысил...",
               "Аким встретился с жителями",
               "Жители микрорайона пожаловались на отсутствие освещения на улицах и попросили…"]
    doc = clean_text(body + ["Последние новости"] + teasers)
    assert doc.text == "\n\n".join(body)


def test_a_page_with_only_chrome_is_a_problem():
    result = clean_text(["Главная", "Новости", "Поделиться", "-3 °C", "Вторник, 3 марта 2026"])
    assert isinstance(result, Problem)
    assert "no article text" in result.reason


@pytest.mark.parametrize("sentence, outlet", [
    ("Встреча прошла в Астане, передает DKNews.kz.", "DKNews.kz"),
    ("Об этом сообщает Kazpravda.kz со ссылкой на пресс-службу.", "Kazpravda.kz"),
    ("Референдум пройдет 15 марта, передает корреспондент BAQ.KZ.", "BAQ.KZ"),
    ("Об этом пишет издание Vlast.kz.", "Vlast.kz"),
    ("Об этом сообщает МИА Казинформ.", None),
    ("Об этом сообщает Kazinform.", "Kazinform"),
    ("Об этом сообщает пресс-служба акимата.", None),
    ("Аким города передает привет ветеранам.", None),
])
def test_attribution_formulas_name_the_outlet(sentence, outlet):
    assert from_text(sentence, []) == outlet


@pytest.mark.parametrize("sentence, outlet", [
    ("Көпір қайта ашылды, деп хабарлайды Kazinform облыс әкімдігіне сілтеме жасап.", "Kazinform"),
    ("Жиналыс кеше өтті, деп жазады Vlast.kz.", "Vlast.kz"),
    ("Бұл туралы ҚазАқпарат тілшісі хабарлайды.", "Kazinform"),
    ("Zakon.kz тілшісінің хабарлауынша, депутаттар зауытта болды.", "Zakon.kz"),
    ("Tengrinews-тің хабарлауынша, сессия аяқталды.", "Tengrinews.kz"),
    ("Мерекелік концерт туралы Хабар 24 телеарнасы хабарлады.", "24.kz"),
    ("Бұл жөнінде Егемен Қазақстан газеті жазады.", "Egemen Qazaqstan"),
    ("Сайлау учаскелері ашылды, деп мәлімдейді Kazinform.", "Kazinform"),
    ("Vlast.kz мәліметінше, жиын кейінге қалдырылды.", "Vlast.kz"),
    ("Министрлік хабарлайды: өтінімдер қабылданып жатыр.", None),    # a body, no outlet
    ("Аким хабарлады Мәжіліс депутаттарына жаңа жоспар туралы.", None),
])
def test_kazakh_attribution_formulas_name_the_outlet(sentence, outlet):
    assert from_text(sentence, []) == outlet


def test_a_source_line_after_the_body_names_the_outlet():
    assert from_text("Текст статьи.", ["Источник: zanmedia.kz", "Фото из архива"]) == "zanmedia.kz"
    assert from_text("Текст.", ["Источник: https://www.zakon.kz/politika/123"]) == "Zakon.kz"


def test_urls_give_the_outlet_without_language_subdomains():
    assert from_url("https://rus.azattyq.org/a/33000000.html") == "Azattyq"
    assert from_url("https://www.inform.kz/ru/article") == "Kazinform"
    assert from_url("https://unknown-news.kz/x") == "unknown-news.kz"


@pytest.mark.parametrize("value, expected", [
    ("2026-02-27", "2026-02-27"), ("2026-02-27T09:15:00+05:00", "2026-02-27"),
    ("27.02.2026", "2026-02-27"), ("27 февраля 2026", "2026-02-27"),
    ("2 March 2026", "2026-03-02"), ("2026-02-30", None), ("вчера", None), (None, None),
])
def test_dates_are_normalised(value, expected):
    assert normalise_date(value) == expected


def test_the_date_marker_is_taken_off_the_text():
    assert take_date_marker(" date 2026-03-02 В Усть-Каменогорске") == ("2026-03-02", "В Усть-Каменогорске")
    assert take_date_marker("В 2026 году") == (None, "В 2026 году")


@pytest.mark.parametrize("text, language", [
    (" ".join(article("book_105")), "ru"),
    ("Қазақстан Республикасының жаңа Конституциясы бойынша республикалық референдум "
     "2026 жылғы 15 наурызда өтті. Сайлаушылардың басым бөлігі дауыс берді.", "kk"),
    ("Kazakhstan held a national referendum on a new Constitution on 15 March 2026, "
     "and turnout was reported by the Central Election Commission.", "en"),
])
def test_language_is_detected(text, language):
    assert detect_language(text) == language


def test_notices_after_the_body_are_dropped():
    body = article("book_124")
    page = body + ["Если вы заметили ошибку в тексте, выделите её мышью и нажмите Ctrl+Enter",
                   "Подписывайтесь на наш Telegram-канал и будьте в курсе главных новостей страны",
                   "Просмотров: 1 254"]
    assert clean_text(page).text == "\n\n".join(body)


def test_a_longer_feed_of_full_leads_below_a_section_heading_does_not_win():
    short_article = article("book_115")[:2]
    feed = article("book_105") + article("book_127")[:1]
    doc = clean_text(["Экономика"] + short_article + ["Последние новости"] + feed)
    assert doc.text == "\n\n".join(short_article)


def test_a_stamp_line_between_headline_and_body_and_a_comment_section():
    body = article("book_124")
    page = (["Вход Регистрация", "Казахстан | Общество | Экономика | Спорт",
             "Стрелок из Аризоны предстал перед судом", "16.03.2026 10:15 · 2 345 просмотров"]
            + body + ["Комментарии (12)", "Айдос: Наконец-то справедливость восторжествовала, и это очень хорошо для всех нас."])
    doc = clean_text(page)
    assert doc.text == "\n\n".join(body)
    assert doc.title == "Стрелок из Аризоны предстал перед судом"
    # the stamp under the headline dates the article (a masthead's weekday render date does
    # not: tests/test_imprint.py)
    assert doc.published == "2026-03-16"


# -- a clean article loses nothing (issue 13) ------------------------------------------

OWN_ARTICLE = [
    "Новый стадион в Караганде примет первые матчи весной следующего года, сообщили в акимате области.",
    "Строители уже закончили работы на трибунах и сейчас укладывают газон, который привезли из Турции. "
    "По словам подрядчика, все работы завершат к концу декабря.",
    "Билеты на первую игру будут продавать только через приложение клуба.",
]


def test_a_paragraph_with_brand_names_in_camel_case_is_prose_not_a_menu():
    brands = ("Разработчики из компании GameForge выпустили обновление для YouTube и для "
              "сервиса PlayStation, и теперь пользователи смогут смотреть трансляции матчей прямо на консоли.")
    doc = clean_text(["Стадион откроется весной", OWN_ARTICLE[0], brands, *OWN_ARTICLE[1:]])
    assert brands in doc.text.split("\n\n")


@pytest.mark.parametrize("where", [1, 3])
def test_a_paragraph_cut_with_an_ellipsis_inside_the_article_stays(where):
    lead = ("Жители соседних домов давно жаловались на шум стройки и просили акимат перенести "
            "ночные работы на дневное время, но ответа так и не дождались…")
    lines = OWN_ARTICLE[:where] + [lead] + OWN_ARTICLE[where:]
    assert clean_text(lines).text == "\n\n".join(lines)


def test_teasers_of_other_stories_between_headlines_still_go():
    feed = ["Свежие материалы", "В Павлодаре отремонтируют три моста",
            "Мосты через реку Усолку закроют для машин на всё лето, а объезд проложат через…",
            "Аким Костаная встретился с фермерами",
            "Разговор шёл о ценах на топливо и о том, как хозяйствам пережить весенний сев без…"]
    assert clean_text(OWN_ARTICLE + feed).text == "\n\n".join(OWN_ARTICLE)


def test_the_signature_under_a_clean_letter_stays():
    lines = OWN_ARTICLE + ["Айдар Сапаров, директор школы"]
    assert clean_text(lines).text == "\n\n".join(lines)


def test_a_byline_under_an_article_on_a_page_with_chrome_still_goes():
    lines = ["Главная | Новости | Спорт"] + OWN_ARTICLE + ["Фото автора"]
    assert clean_text(lines).text == "\n\n".join(OWN_ARTICLE)


EXPERTS = [
    "Экономист Марат Оспанов считает, что стадион окупится не раньше чем через десять лет, "
    "потому что матчей в городе проходит слишком мало, а содержание арены обходится дорого.",
    "Его коллега Жанна Ибраева напротив уверена, что арена оживит весь район: рядом уже "
    "строятся кафе и гостиница, и у жителей появятся новые рабочие места.",
    "Депутат маслихата Ерлан Нуров добавил, что городской бюджет не потратит на содержание "
    "стадиона ни одного тенге, так как все расходы возьмёт на себя клуб.",
]


def test_a_subheading_named_like_a_section_end_inside_the_article_stays():
    lines = OWN_ARTICLE[:1] + ["Комментарии"] + EXPERTS
    assert clean_text(lines).text == "\n\n".join(OWN_ARTICLE[:1] + EXPERTS)


# -- messenger posts: dense sentences are prose, stamps and forwards are not (class 8) ------

RU_CHANNEL = [
    "Экономика KZ | Telegram-канал",
    "🟢 02.06.2026 08:05",
    "Нацбанк сохранил базовую ставку 15,25%, годовая инфляция замедлилась, курс тенге укрепился, "
    "золотовалютные резервы выросли.",
    "#экономика #нацбанк",
    "🔁 Переслано из канала «Деньги и право»",
    "02.06.2026 10:40",
    "Министр финансов сообщил, что дефицит бюджета по итогам пяти месяцев оказался ниже плана, а "
    "налоговые поступления выросли на двенадцать процентов.",
    "🔴 02.06.2026 12:15",
    "Депутаты Мажилиса попросили правительство объяснить, почему программа льготной ипотеки до сих "
    "пор не заработала в трёх областях.",
    "👍 95 💬 12",
]
KK_CHANNEL = [
    "Ақтөбе жаңалықтары | Telegram-арна",
    "⚡ [14.05.2026 09:30]",
    "Облыс әкімдігі жаңа емхана құрылысын бастады, нысан екі жылда салынады, жоба құны 12 миллиард теңге.",
    "#ақтөбе",
    "14.05.2026 12:10",
    "Қала тұрғындары жаңа аялдамалардың орнатылуына байланысты ұсыныстарын әкімдіктің ресми сайтына "
    "жолдай алады, деп хабарлады қалалық жолаушылар көлігі бөлімі.",
]


@pytest.mark.parametrize("page, first_post, last_post", [(RU_CHANNEL, RU_CHANNEL[2], RU_CHANNEL[-2]),
                                                      (KK_CHANNEL, KK_CHANNEL[2], KK_CHANNEL[-1])])
def test_a_channels_first_post_of_figures_is_the_start_of_the_text(page, first_post, last_post):
    doc = clean_text(page)
    assert doc.text.startswith(first_post) and doc.text.endswith(last_post)


def test_forwarding_headers_and_reactions_are_not_text_and_stamps_between_posts_are():
    doc = clean_text(RU_CHANNEL)
    assert "Переслано" not in doc.text and "👍" not in doc.text
    assert doc.published == "2026-06-02"                  # the first post's stamp dates the page
    # a later post's stamp dates that post (12d class 7): it stays above it, the first one does not
    assert doc.text.startswith(RU_CHANNEL[2])
    assert "02.06.2026 10:40\n\nМинистр финансов" in doc.text and "🔴 02.06.2026 12:15" in doc.text


def test_a_list_of_names_ending_in_a_full_stop_is_not_prose():
    participants = ("Участники: Асхат Жуманов, Елена Коваленко, Бахтияр Сулейменов, Ольга Петрова, "
                    "Серик Ахметов, Дана Ермекова.")
    doc = clean_text(["Главная » Общество", participants, "Поделиться", *OWN_ARTICLE, "Теги: стадион"])
    assert doc.text == "\n\n".join(OWN_ARTICLE)


def test_a_rates_widget_above_the_body_is_not_its_title():
    doc = clean_text(["Главная", "USD 512.40 EUR 548.10", "12 марта 2026, 14:05", *OWN_ARTICLE])
    assert doc.title is None and doc.text == "\n\n".join(OWN_ARTICLE)


# -- the chrome of columns and channels inside the body (12d classes 9, 10) -------------------------

@pytest.mark.parametrize("disclaimer", [
    "Мнение редакции может не совпадать с точкой зрения автора.",
    "Редакция автордың көзқарасымен келіспеуі мүмкін.",
])
def test_an_editorial_disclaimer_under_a_column_is_not_text(disclaimer):
    assert clean_text(OWN_ARTICLE + [disclaimer]).text == "\n\n".join(OWN_ARTICLE)


@pytest.mark.parametrize("line", [
    "Автор письма попросил редакцию не публиковать его фамилию, и мы выполнили эту просьбу.",
    # «сәйкес» alone is «according to»: the author's request, not views that may differ
    "Редакцияға хат жазған автордың өтінішіне сәйкес, оның аты-жөні жарияланбайды.",
])
def test_a_sentence_about_an_author_and_the_editors_stays(line):
    lines = OWN_ARTICLE[:1] + [line] + OWN_ARTICLE[1:]
    assert clean_text(lines).text == "\n\n".join(lines)


KK_POSTS = [
    "Қостанай облысының әкімдігі | Ресми арна",
    "📢 03.05.2026, 08:30",
    "Құрметті тұрғындар! Ертеңнен бастап саябақтарда ағаш отырғызу басталады. Қатысыңыздар! #Қостанай #көктем",
    "📢 03.05.2026, 12:45",
    "Облыс әкімі жаңа балабақшаның құрылысын аралап, жұмыстың кестеден қалмай жүргенін айтты, "
    "нысан күзде ашылады.",
    "❤️ 120 🔥 14",
    "📢 04.05.2026, 09:00",
    "Қалалық жолаушылар көлігі бөлімі екі жаңа автобус бағыты ашылатынын хабарлады, бағыттар "
    "шағын аудандарды орталықпен байланыстырады.",
]


def test_a_channels_short_first_post_ending_in_hashtags_is_text_not_the_title():
    doc = clean_text(KK_POSTS)
    assert doc.text.startswith(KK_POSTS[2]) and doc.title is None


def test_reactions_between_posts_are_not_text_and_the_later_stamps_are():
    doc = clean_text(KK_POSTS)
    assert "❤️" not in doc.text and doc.text.endswith(KK_POSTS[-1])
    assert "📢 04.05.2026, 09:00" in doc.text and "08:30" not in doc.text


def test_a_date_in_an_inline_time_element_stays_in_its_sentence():
    item = ("Аким района встретился с фермерами и пообещал, что дорогу к сёлам отремонтируют "
            "до начала уборочной, а деньги выделят из местного бюджета.")
    page = ("<html><head><title>Неделя в районе</title>"
            '<meta property="article:published_time" content="2026-05-16"></head><body>'
            "<article><h1>Неделя в районе</h1>"
            f"<p>{OWN_ARTICLE[0]}</p><p><time>12 мая</time>. {item}</p><p>{OWN_ARTICLE[1]}</p>"
            f"<p>{OWN_ARTICLE[2]}</p></article></body></html>")
    doc = clean(RawDocument("page.html", page, "html", "f"))
    assert f"12 мая. {item}" in doc.text
    assert doc.published == "2026-05-16"


def test_a_caption_under_a_quote_is_body_whatever_its_class():
    # trafilatura takes an element classed as a caption for furniture: the speaker's name went with it
    page = ("<html><head><title>Ремонт дорог</title></head><body><main><article><h1>Ремонт дорог в Таразе</h1>"
            "<p>В Таразе начали ремонт двенадцати улиц, работы продлятся до осени.</p>"
            "<blockquote>«Мы обязаны сдать каждую улицу в срок, иначе подрядчик заплатит штраф»</blockquote>"
            "<p class=\"quote-caption\">Ерлан Мусин, заместитель акима города Тараза</p>"
            "<p>Жители просят в первую очередь отремонтировать дороги у школ и поликлиник.</p>"
            "</article></main></body></html>")
    doc = clean(RawDocument("tv.html", page, "html", "fp"))
    assert "Ерлан Мусин, заместитель акима города Тараза" in doc.text


def test_a_photo_caption_is_body_and_a_photo_credit_is_not():
    page = ("<html><head><title>Фестиваль</title></head><body><main><article><h1>Фестиваль в Кокшетау</h1>"
            "<p>В Кокшетау прошёл фестиваль народных ремёсел, его посетили несколько тысяч горожан.</p>"
            "<div class=\"photos\"><figure><img src=\"/a.jpg\" alt=\"\">"
            "<figcaption>Гончар Серик Абенов показывает детям, как работает круг</figcaption></figure>"
            "<figure><img src=\"/b.jpg\" alt=\"\"><figcaption>Фото: пресс-служба акимата</figcaption></figure></div>"
            "<p>Следующий фестиваль организаторы обещают провести в августе на берегу озера.</p>"
            "</article></main></body></html>")
    text = clean(RawDocument("photos.html", page, "html", "fp")).text
    assert "Гончар Серик Абенов показывает детям" in text and "пресс-служба" not in text
