"""Event classes found on held-out text (bench/data/unseen-2026-12b/RESULTS.md), checked on
sentences written for these tests, in Russian and Kazakh: votes named only in passing,
bounds that are no vote's day, the lead's date and town for a briefing, a council's
session as a meeting, and who took part in a gathering."""
from __future__ import annotations

import pytest

from sholu.document import Document
from sholu.events import extract_events
from sholu.nlp import analyse_text
from sholu.nlp.kazakh import analyse_kazakh


def document(text: str, published: str | None = None, language: str = "ru", title: str = "") -> Document:
    """A document as the nlp stage leaves it."""
    doc = Document(source="test", fingerprint="test", text=text, published=published,
                   language=language, title=title)
    found = analyse_kazakh(text, published) if language == "kk" else analyse_text(text, published)
    for key, value in found.items():
        setattr(doc, key, value)
    return doc


def events_of(text: str, published: str | None = None, kind: str | None = None, language: str = "ru",
              title: str = "") -> list[dict]:
    events = extract_events(document(text, published, language, title))
    return [e for e in events if kind is None or e["type"] == kind]


def votes(text: str, published: str = "2026-03-20", language: str = "ru", title: str = "") -> list[tuple]:
    return [(e["type"], e["date"]) for e in events_of(text, published, language=language, title=title)
            if e["type"] in ("election", "referendum")]


# ------------------------------------------------------------------ votes named in passing

def test_a_vote_named_as_the_time_of_something_else_is_no_event():
    text = ("Прокуратура области рассмотрела жалобы, поступившие в ходе республиканского референдума. "
            "После референдума прокуроры проверили работу участковых комиссий.")
    assert votes(text) == []


def test_other_votes_than_the_articles_are_no_event():
    text = ("Явка оказалась выше, чем на выборах 2021 года. "
            "На следующих выборах в селах откроют больше участков.")
    assert votes(text) == []


def test_a_vote_the_article_keeps_coming_back_to_stays_an_event():
    text = ("Жители обсудили предстоящий республиканский референдум. "
            "После встречи они призвали земляков принять участие в референдуме.")
    assert votes(text) == [("referendum", None)]


def test_kazakh_vote_named_as_a_time_is_no_event():
    text = ("Облыс прокуратурасы референдум кезінде түскен шағымдарды қарады. "
            "Референдумнан кейін прокурорлар учаскелік комиссиялардың жұмысын тексерді.")
    assert votes(text, language="kk") == []


def test_kazakh_vote_the_article_returns_to_stays_an_event():
    text = ("Тұрғындар алдағы республикалық референдумды талқылады. "
            "Олар жерлестерін референдумға қатысуға шақырды.")
    assert votes(text, language="kk") == [("referendum", None)]


# ------------------------------------------------------------------ bounds are no vote's day

def test_a_day_after_which_something_changes_is_not_the_vote_day():
    text = ("Глава комиссии рассказал, как прошло голосование и что изменится после 1 июля. "
            "Голосование на выборах в маслихат обсуждали и на встрече с избирателями, выборы ждут все.")
    assert ("election", "2026-07-01") not in votes(text)


def test_kazakh_deadline_after_a_date_is_not_the_referendum_day():
    text = ("Дауыс беру 15.03.2026 өтті. Республикалық референдум нәтижелерін комиссия бекітті. "
            "Референдум нәтижелеріне шағымдар 25 наурыздың соңына дейін қабылданады.")
    assert votes(text, language="kk") == [("referendum", "2026-03-15")]


def test_kazakh_referendum_date_before_its_verb_still_counts():
    text = "2026 жылғы 15 наурызда өтетін республикалық референдумға дайындық жүріп жатыр."
    assert votes(text, "2026-03-01", language="kk") == [("referendum", "2026-03-15")]


# ------------------------------------------------------------------ a council's sitting

def test_members_convened_for_a_session_is_a_meeting():
    text = "Депутаты районного маслихата 12 марта собрались на внеочередную сессию."
    meeting = only(events_of(text, "2026-03-13"))
    assert (meeting["type"], meeting["date"]) == ("meeting", "2026-03-12")


def test_a_session_only_planned_or_named_is_no_meeting():
    assert events_of("Повестку внеочередной сессии маслихата опубликуют на сайте.", "2026-03-13") == []
    assert events_of("Жители собрались на площади у акимата.", "2026-03-13") == []


def test_kazakh_council_session_held_is_a_meeting():
    text = "2026 жылғы 12 наурызда аудандық мәслихаттың кезектен тыс сессиясы өтті."
    meeting = only(events_of(text, "2026-03-13", language="kk"))
    assert (meeting["type"], meeting["date"]) == ("meeting", "2026-03-12")


def only(events: list[dict]) -> dict:
    assert len(events) == 1, events
    return events[0]


# ------------------------------------------------------------------ the lead dates a briefing

def briefing(text: str, language: str = "ru") -> tuple:
    event = only(events_of(text, "2026-03-20", kind="press_conference", language=language))
    return event["date"], event["city"]


def test_the_lead_gives_a_briefing_its_day_and_town():
    text = ("Министерство энергетики 17 марта 2026 года в Караганде обнародовало план ремонта котельных. "
            "Работы завершат к осени.\n\n"
            "«Все котельные будут готовы к зиме», — сказал вице-министр на брифинге.")
    assert briefing(text) == ("2026-03-17", "Караганда")


def test_a_lead_that_makes_nothing_public_leaves_the_briefing_undated():
    text = ("Синоптики 17 марта 2026 года в Караганде зафиксировали снегопад. "
            "Дороги расчищали всю ночь.\n\n"
            "«Все котельные будут готовы к зиме», — сказал вице-министр на брифинге.")
    assert briefing(text) == ("2026-03-20", None)          # the page's day stands in, as before


def test_kazakh_lead_gives_a_briefing_its_day_and_town():
    text = ("Энергетика министрлігі 2026 жылғы 17 наурызда Қарағандыда жылу жүйесін жөндеу жоспарын жариялады. "
            "Жұмыстар күзге дейін аяқталады.\n\n"
            "«Барлық қазандықтар қысқа дайын болады», – деді вице-министр брифингте.")
    assert briefing(text, "kk") == ("2026-03-17", "Караганда")


def test_regular_elections_the_article_returns_to_stay_an_event():
    text = ("Партия готовится к очередным выборам в маслихаты. "
            "На выборах партия выдвинет кандидатов во всех районах.")
    assert votes(text) == [("election", None)]


# ------------------------------------------------------------------ unseen-2026-12c: votes and dates
# (bench/data/unseen-2026-12c/RESULTS.md, class 9; sentences written for these tests)

@pytest.mark.parametrize("text, language", [
    ("«Таза сайлау» қоғамдық бірлестігі мәлімдеме жасады. Бірлестік заңгері бұл «Саяси партиялар "
     "мен сайлау туралы» заңның 5-бабын бұзу екенін айтты.", "kk"),
    ("Движение «Честные выборы» провело круглый стол. Юристы движения считают, что поправки "
     "в закон «О выборах в Республике Казахстан» нужно обсудить.", "ru"),
    ("Аудандық референдум комиссиясының төрағасы шағымдарды қарады. "
     "Референдум комиссиясы барлық өтінішке жауап береді.", "kk"),
    ("Председатель районной референдумной комиссии принял жалобы. "
     "Референдумная комиссия ответит на все обращения.", "ru"),
])
def test_a_vote_word_in_the_name_of_a_body_or_a_law_is_no_vote(text, language):
    assert votes(text, language=language) == []


def test_a_kazakh_date_as_the_votes_attribute_dates_it():
    text = ("Байқаушылар миссиясы 22 наурызда баспасөз мәслихатын өткізді. Миссия 15 наурыздағы "
            "сайлау кезінде 400 учаскеде жұмыс істеген.")
    assert votes(text, language="kk") == [("election", "2026-03-15")]


def test_a_dated_vote_named_as_a_time_bound_is_no_event():
    kazakh = "Хатшы 15 наурыздағы референдумнан кейін депутаттардың жұмысы өзгеретінін айтты."
    russian = "Депутаты маслихата впервые собрались после республиканского референдума 15 марта."
    assert votes(kazakh, language="kk") == []
    assert votes(russian) == []


def test_a_meeting_is_dated_by_the_sentence_before_it_in_its_paragraph():
    text = ("Министр энергетики в ходе рабочей поездки 4 апреля прибыл в Экибастуз. В актовом зале "
            "ГРЭС он встретился с энергетиками станции.\n\nЭнергетики пожаловались на износ котлов.")
    meeting = only(events_of(text, "2026-04-07", kind="meeting"))
    assert (meeting["date"], meeting["date_source"]) == ("2026-04-04", "text")


def test_a_bound_or_a_vote_day_in_the_sentence_before_does_not_date_a_meeting():
    text = ("Жители готовились к референдуму 15 марта. В клубе аким встретился с ними.\n\n"
            "Аким ответил на вопросы о дорогах.")
    meeting = only(events_of(text, "2026-03-10", kind="meeting"))
    assert meeting["date_source"] == "published"


# ------------------------------------------- feeds, digests and datelines (unseen-2026-12d class 15)

@pytest.mark.parametrize("text", [
    "Кеше облыстық мәслихаттың сессиясында жергілікті бюджетке өзгерістер енгізілді.",
    "Бүгін Үкіметтің отырысында Ауыл шаруашылығы министрі Ерлан Сапаров егін науқаны басталғанын айтты.",
])
def test_what_was_decided_or_said_at_a_kazakh_sitting_makes_it_a_meeting(text):
    assert len(events_of(text, "2026-05-12", kind="meeting", language="kk")) == 1


FEED = ("📢 12.05.2026, 09:30\n\n"
        "Аким города Ерлан Сапаров встретился с жителями микрорайона Северный и обсудил ремонт дворов.\n\n"
        "📢 12.05.2026, 15:10\n\n"
        "Руководитель отдела образования Динара Жакупова сообщила, что летний лагерь откроется в июне.")
DIGEST = ("12 мая. Аким города Ерлан Сапаров встретился с жителями микрорайона Северный.\n\n"
          "13 мая. Руководитель отдела образования Динара Жакупова сообщила, что летний лагерь откроется в июне.")


@pytest.mark.parametrize("text", [FEED, DIGEST])
def test_a_later_post_or_digest_item_brings_no_participants(text):
    found = events_of(text, "2026-05-14", kind="meeting")
    assert [e["participants"] for e in found] == [["Ерлан Сапаров"]]


def test_a_kazakh_dateline_with_the_year_first_names_the_town():
    text = ("Қостанай, 2026 жылғы 12 мамыр. Кеше облыстық мәслихаттың кезектен тыс сессиясы өтті. "
            "Сессияны мәслихат хатшысы Айдос Бекұлы ашты.")
    found = events_of(text, "2026-05-12", kind="meeting", language="kk")
    assert [(e["city"], e["date"]) for e in found] == [("Костанай", "2026-05-11")]


@pytest.mark.parametrize("text", [
    "Депутат өткен жылғы сессиясында берілген уәделердің әлі орындалмағанын айтты.",
    "Әкім үкімет отырысында көтерілген мәселелер бойынша жұмыс жүргізіліп жатқанын хабарлады.",
])
def test_what_was_said_about_a_sitting_s_promises_is_no_sitting(text):
    """The sitting is where the promises were given or the issues raised (a participle
    takes it), not where the sentence's speaker spoke."""
    assert events_of(text, "2026-05-12", kind="meeting", language="kk") == []


def test_a_kazakh_sitting_still_to_come_is_no_meeting():
    text = "Бұл мәселе облыстық мәслихаттың келесі сессиясында қаралады."
    assert events_of(text, "2026-05-12", kind="meeting", language="kk") == []
