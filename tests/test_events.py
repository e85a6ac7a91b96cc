"""The events stage: gatherings (meetings, press conferences) with their date, city,
venue, organiser, participants and audience; elections and referendums with their date;
and the key that groups reports of one event. Sentences are written for the tests; the
last tests run the sample corpus through the real pipeline against the gold events."""
from __future__ import annotations

import csv
import io
from importlib.resources import files

import pytest

from conftest import GOLD, SAMPLES, gold_form
from sholu.document import Document
from sholu.events import annotate_events, event_key, extract_events
from sholu.events.venues import settlement_name
from sholu.ingest import read_file
from sholu.nlp import analyse_text
from sholu.nlp.gazetteer import load_gazetteer
from sholu.pipeline import process

FRAME_KEYS = {"type", "date", "date_source", "city", "city_inferred", "venue", "organizer",
              "participants", "audience", "trigger", "start", "end"}


def document(text: str, published: str | None = None) -> Document:
    """A document as the nlp stage leaves it."""
    doc = Document(source="test", fingerprint="test", text=text, published=published)
    for key, value in analyse_text(text, published).items():
        setattr(doc, key, value)
    return doc


def events_of(text: str, published: str | None = None, kind: str | None = None) -> list[dict]:
    events = extract_events(document(text, published))
    return [e for e in events if kind is None or e["type"] == kind]


def only(events: list[dict]) -> dict:
    assert len(events) == 1, events
    return events[0]


# ------------------------------------------------------------------ meetings

def test_meeting_with_stated_date_city_venue_organiser_and_audience():
    text = ("3 марта в Темиртау на территории АО «Qarmet» состоялась встреча членов партии «AMANAT» "
            "с трудовым коллективом комбината. Во встрече приняли участие депутат Мажилиса Ерлан "
            "Садыков и аким города Нурлан Жумабаев.")
    meeting = only(events_of(text, "2026-03-04", "meeting"))
    assert (meeting["date"], meeting["date_source"]) == ("2026-03-03", "text")
    assert (meeting["city"], meeting["city_inferred"]) == ("Темиртау", False)
    assert meeting["venue"] == "территория АО «Qarmet»"
    assert meeting["organizer"] == "AMANAT"
    assert meeting["audience"] == "трудовой коллектив комбината"
    assert meeting["participants"] == ["Ерлан Садыков", "Нурлан Жумабаев"]
    assert meeting["trigger"].startswith("3 марта в Темиртау") and meeting["start"] == 0


def test_uninflected_city_after_preposition():
    text = "В Жезказган состоялась встреча депутатов с горняками."
    assert only(events_of(text, kind="meeting"))["city"] == "Жезказган"


def test_city_inferred_from_a_ministry_and_date_from_publication():
    text = ("В Министерстве просвещения прошла встреча коллектива ведомства с представителями "
            "Общенациональной коалиции. Модератором выступила руководитель управления Айгерим Сейткали.")
    meeting = only(events_of(text, "2026-02-20", "meeting"))
    assert meeting["venue"] == "Министерство просвещения"
    assert (meeting["city"], meeting["city_inferred"]) == ("Астана", True)
    assert (meeting["date"], meeting["date_source"]) == ("2026-02-20", "published")
    assert meeting["audience"] == "коллектив ведомства"
    assert meeting["participants"] == ["Айгерим Сейткали"]


def test_city_inferred_from_the_plant_whose_workforce_was_met():
    text = ("Члены коалиции встретились с трудовым коллективом Западно-Казахстанского "
            "машиностроительного завода. Перед работниками выступил депутат Мажилиса Сергей Пономарев.")
    meeting = only(events_of(text, kind="meeting"))
    assert "Западно-Казахстанский машиностроительный завод" in meeting["venue"]
    assert (meeting["city"], meeting["city_inferred"]) == ("Уральск", True)
    assert (meeting["date"], meeting["date_source"]) == (None, None)
    assert meeting["participants"] == ["Сергей Пономарев"]


def test_a_tour_of_two_towns_is_two_meetings():
    text = ("Делегация коалиции посетила Экибастуз и Павлодар. В Экибастузе состоялась встреча с "
            "энергетиками ГРЭС-1, в ходе которой выступил депутат Мажилиса Ерлан Садыков.\n\nВ Павлодаре "
            "члены коалиции встретились с работниками алюминиевого завода. Там выступила вице-министр "
            "труда Айгуль Ахметова.")
    meetings = events_of(text, "2026-03-06", "meeting")
    assert [(m["city"], m["participants"]) for m in meetings] == [
        ("Экибастуз", ["Ерлан Садыков"]), ("Павлодар", ["Айгуль Ахметова"])]
    assert meetings[0]["audience"] == "энергетики"


def test_meeting_date_is_not_the_referendum_date():
    text = ("В преддверии референдума 2 марта в Павлодаре прошла встреча с жителями города. Аким "
            "области Асаин Байханов призвал павлодарцев принять участие в республиканском референдуме "
            "15 марта.\n\nРеспубликанский референдум по проекту новой Конституции пройдет "
            "15 марта 2026 года.")
    events = events_of(text, "2026-03-03")
    meeting = only([e for e in events if e["type"] == "meeting"])
    assert (meeting["date"], meeting["city"]) == ("2026-03-02", "Павлодар")
    assert meeting["audience"] == "жители города"
    assert only([e for e in events if e["type"] == "referendum"])["date"] == "2026-03-15"


def test_participants_from_a_list_after_a_colon_not_people_merely_mentioned():
    text = ("По поручению Главы государства Касым-Жомарта Токаева в Актобе состоялась встреча с "
            "ветеранами. Во встрече приняли участие:\n\nаким Актюбинской области Асхат Шахаров, "
            "депутат Сената Нуртай Сабильянов.\n\nКак известно, Президент Касым-Жомарт Токаев "
            "подписал указ о проведении референдума.")
    meeting = only(events_of(text, "2026-02-10", "meeting"))
    assert meeting["participants"] == ["Асхат Шахаров", "Нуртай Сабильянов"]
    assert meeting["audience"] == "ветераны"


def test_speakers_at_the_meeting_are_participants():
    text = ("В Караганде прошла встреча с шахтерами. Выступая перед горняками, депутат Мажилиса "
            "Ерлан Садыков рассказал о новых нормах. «Мы поддерживаем реформу», — подчеркнул "
            "бригадир Иван Петров.")
    meeting = only(events_of(text, "2026-02-10", "meeting"))
    assert meeting["participants"] == ["Ерлан Садыков", "Иван Петров"]
    assert meeting["audience"] == "шахтеры"


def test_a_past_meeting_is_not_dated_by_publication():
    text = "В прошлом месяце в Алматы прошла встреча депутатов с избирателями."
    meeting = only(events_of(text, "2026-02-10", "meeting"))
    assert (meeting["date"], meeting["date_source"]) == (None, None)


@pytest.mark.parametrize("text", [
    "В 1995 году в Алматы прошла встреча депутатов с избирателями.",
    "В мае 2019 года аким провел встречу с жителями поселка.",
    "Тридцать лет назад здесь тоже проходили встречи с избирателями, 30 лет назад в этом зале выступали депутаты.",
    "В советское время в этом клубе проходили встречи с ветеранами.",
    "В 1986-м здесь прошла встреча комсомольцев с ветеранами.",
    "В 90-е в этом зале часто проходили встречи с избирателями.",
], ids=["year", "month and year", "years ago", "soviet times", "the year's short form", "a decade"])
def test_a_meeting_of_years_ago_is_no_event_of_the_article(text):
    assert events_of(text, "2026-02-10", "meeting") == []


@pytest.mark.parametrize("text", [
    "В студии ток-шоу «Итоги недели» депутат Арман Жолдасов встретился с политологом Серикболом Оспановым.",
    "В прямом эфире телеканала депутаты встретились с избирателями и ответили на вопросы.",
    "В интервью нашему изданию аким рассказал о встрече с жителями поселка.",
    "Встреча прошла на Центральном стадионе и завершилась со счетом 3:0.",
    "Встреча министра с фермерами, которая должна была пройти в Талгаре, не состоялась.",
    "Запланированную на пятницу встречу депутатов с избирателями отменили.",
], ids=["talk show", "broadcast", "interview", "football", "did not take place", "called off"])
def test_a_broadcast_an_interview_a_match_or_a_cancelled_meeting_is_no_meeting(text):
    assert events_of(text, "2026-02-10") == []


def test_a_meeting_held_today_stays_beside_such_words_elsewhere():
    text = ("В Талгаре прошла встреча депутата Армана Жолдасова с фермерами. "
            "Встречу показал в эфире областной телеканал.")
    meeting = only(events_of(text, "2026-02-10", "meeting"))
    assert meeting["city"] == "Талгар" and meeting["participants"] == ["Арман Жолдасов"]


# ------------------------------------------------------------------ votes

def test_election_with_date_after_the_word():
    text = ("Указом Главы государства очередные выборы депутатов Мажилиса назначены на 19 марта "
            "2023 года. Кандидаты могут быть выдвинуты до 7 февраля 2023 года.")
    election = only(events_of(text, "2023-01-20"))
    assert (election["type"], election["date"], election["date_source"]) == ("election", "2023-03-19", "text")
    assert election["participants"] == [] and election["city"] is None


def test_election_with_date_before_the_word():
    text = ("19 марта 2023 года состоятся выборы депутатов маслихатов всех уровней. Явка на выборах "
            "будет высокой, считают эксперты.")
    assert [(e["type"], e["date"]) for e in events_of(text)] == [("election", "2023-03-19")]


def test_referendum_one_frame_per_date():
    text = ("Референдум, который состоится 15 марта 2026 года, определит судьбу новой Конституции. "
            "Участие в референдуме 15 марта — право каждого гражданина.")
    assert [(e["type"], e["date"]) for e in events_of(text, "2026-02-01")] == [("referendum", "2026-03-15")]


def test_undated_referendum_only_when_the_article_returns_to_it():
    once = "Результатами реформ стали референдум по изменению Конституции и обновление Сената."
    assert events_of(once) == []
    twice = ("Жители обсудили предстоящий республиканский референдум. Они призвали земляков принять "
             "участие в референдуме.")
    assert [(e["type"], e["date"]) for e in events_of(twice)] == [("referendum", None)]


def test_document_date_is_not_the_election_date():
    text = "Постановление о выборах депутатов маслихатов принято от 27.01.2023 года."
    assert events_of(text) == []


# ------------------------------------------------------------------ press conferences, nothing

def test_press_conference():
    text = ("На брифинге в Службе центральных коммуникаций министр юстиции Азамат Ескараев "
            "рассказал о подготовке к референдуму.")
    briefing = only(events_of(text, "2026-02-11", "press_conference"))
    assert briefing["participants"] == ["Азамат Ескараев"]
    assert briefing["date"] == "2026-02-11"
    assert "Служба центральных коммуникаций" in briefing["venue"]


def test_a_text_with_no_event():
    text = ("Курс тенге укрепился на фоне роста цен на нефть. Аналитики ожидают стабилизации рынка, "
            "у инвесторов сложный выбор.")
    assert events_of(text, "2026-02-12") == []


def test_stage_sets_events_in_the_contract_shape():
    doc = annotate_events(document("В Астане состоялась встреча депутатов с избирателями.", "2026-02-12"))
    assert doc.events and set(doc.events[0]) == FRAME_KEYS | {"key", "title"}
    assert doc.events[0]["key"] == "meeting|2026-02-12|city:астана"
    assert doc.to_record()["events"] == doc.events


# ------------------------------------------------------------------ grouping key

def test_same_event_told_two_ways_gets_one_key():
    stated = document("В Усть-Каменогорске на площадке ТОО «Казцинк» состоялась встреча депутатов "
                      "с металлургами.", "2026-03-02")
    inferred = document("На площадке «Казцинка» прошла встреча членов коалиции с трудовым коллективом.",
                        "2026-03-02")
    keys = {event_key(e, d) for d in (stated, inferred) for e in extract_events(d)}
    assert keys == {"meeting|2026-03-02|city:усть-каменогорск"}


def test_vague_event_has_no_key_and_votes_key_on_day():
    vague = document("Прошла встреча депутатов с избирателями.")
    assert [event_key(e, vague) for e in extract_events(vague)] == [None]
    vote = document("19 марта 2023 года состоятся выборы депутатов Мажилиса.")
    assert [event_key(e, vote) for e in extract_events(vote)] == ["election|2023-03-19"]


@pytest.mark.parametrize("text, kind", [
    ("Заседание избирательной комиссии состоялось 5 марта 2026 года в Астане.", "meeting"),
    ("Аким Павлодара Асылжан Мамбетов выступил на сессии городского маслихата 4 марта 2026 года.", "meeting"),
    ("В совещании 6 марта 2026 года приняли участие руководители районов.", "meeting"),
    ("Повестку заседания опубликуют 5 марта 2026 года.", None),    # named, not held
    ("Маслихат на сессии 4 марта 2026 года утвердил бюджет района.", "meeting"),   # what it decided
    ("Акимат и профсоюз подписали соглашение о гарантиях 4 марта 2026 года.", "other"),   # a signing
    ("Соглашение вступит в силу 1 мая 2026 года.", None),
])
def test_a_sitting_held_or_attended_is_an_event(text, kind):
    """A sitting of a body (заседание, сессия, совещание) is a meeting of its members."""
    assert [e["type"] for e in events_of(text)] == ([kind] if kind else [])


@pytest.mark.parametrize("venue, city", [
    ("Павлодарского алюминиевого завода", "Павлодар"), ("Кызылординской ТЭЦ", "Кызылорда"),
    ("Карагандинского угольного разреза", "Караганда"), ("Национального банка", None),
])
def test_a_venue_named_after_its_town_gives_the_town(venue, city):
    meeting = only(events_of(f"4 марта 2026 года аким встретился с коллективом {venue}.", kind="meeting"))
    assert (meeting["city"], meeting["city_inferred"]) == (city, city is not None)


def test_a_sitting_of_the_election_commission_is_dated_by_its_day():
    # «избирательная» names the body here, not a vote whose day «5 марта» would be
    text = "Центральная избирательная комиссия на заседании 5 марта 2026 года утвердила перечень участков."
    assert only(events_of(text, kind="meeting"))["date"] == "2026-03-05"


def test_the_voting_dates_the_one_vote_of_the_article():
    text = ("Комиссия готовит участки к референдуму. Бюллетени для референдума уже напечатаны. "
            "Голосование пройдёт 15 марта 2026 года с 7:00 до 20:00.")
    assert [(e["type"], e["date"]) for e in events_of(text)] == [("referendum", "2026-03-15")]


def test_who_asked_or_raised_a_question_took_part():
    text = ("В Павлодаре 4 марта 2026 года аким области Асаин Байханов встретился с коллективом "
            "алюминиевого завода. Бригадир электролизного цеха Виктор Шевченко спросил о пенсиях. "
            "Машинист Ерлан Касымов поднял вопрос о жилье. Ранее Касымов работал в Экибастузе.")
    assert only(events_of(text, kind="meeting"))["participants"] == [
        "Асаин Байханов", "Виктор Шевченко", "Ерлан Касымов"]


def test_an_undated_vote_the_headline_names_is_an_event_of_the_article():
    body = "Партия кандидаттарын выборам в маслихаты представит в каждом районе."
    assert events_of(body, kind="election") == []          # one passing mention: background
    doc = document(body)
    doc.title = "Партия готовится к выборам в маслихаты"
    assert [(e["type"], e["date"]) for e in extract_events(doc)] == [("election", None)]


def test_venue_table_names_gazetteer_organisations_and_settlements():
    gazetteer = load_gazetteer()
    rows = list(csv.DictReader(io.StringIO(files("sholu.data").joinpath("venues.csv").read_text("utf-8"))))
    assert rows
    for row in rows:
        organisation = gazetteer.lookup(row["name"])
        assert organisation is not None and not organisation.is_place, row
        assert settlement_name(row["city"]) == row["city"], row


# ------------------------------------------------------------------ the sample corpus

@pytest.fixture(scope="module")
def sample_events() -> dict[str, list[dict]]:
    """Each sample through the real pipeline (clean, dedup signature, nlp), then events."""
    found = {}
    for path in sorted(SAMPLES.glob("*.txt")):
        for raw in read_file(path):
            doc = process(raw)
            found[path.name] = extract_events(doc)
    return found


def field_scores(gold: dict, predicted: dict | None) -> dict[str, float]:
    """One gold event against the predicted frame of its type: 1/0 per field, F1 for
    participants. A gold null date or city is met by an empty value, or by the
    publication date / an inferred city that the frame marks as such."""
    if predicted is None:
        return {"type": 0.0, "date": 0.0, "city": 0.0, "venue": 0.0, "participants": 0.0}
    return {"type": 1.0, "date": float(date_matches(gold["date"], predicted)),
            "city": float(city_matches(gold["city"], predicted)),
            "venue": float(venue_matches(gold["venue_contains"], predicted["venue"])),
            "participants": f1(gold["participants"], predicted["participants"])}


def date_matches(gold: str | None, predicted: dict) -> bool:
    if gold is None:
        return predicted["date"] is None or predicted["date_source"] == "published"
    return predicted["date"] == gold


def city_matches(gold: str | None, predicted: dict) -> bool:
    if gold is None:
        return predicted["city"] is None or predicted["city_inferred"]
    return predicted["city"] is not None and gold_form(predicted["city"]) == gold_form(gold)


def venue_matches(gold: str | None, predicted: str | None) -> bool:
    if gold is None:
        return predicted is None
    return predicted is not None and gold_form(gold) in gold_form(predicted)


def f1(gold: list[str], predicted: list[str]) -> float:
    gold_set, predicted_set = {gold_form(n) for n in gold}, {gold_form(n) for n in predicted}
    if not gold_set and not predicted_set:
        return 1.0
    hits = len(gold_set & predicted_set)
    return 0.0 if hits == 0 else 2 * hits / (len(gold_set) + len(predicted_set))


def matching_frame(gold: dict, frames: list[dict]) -> dict | None:
    """The frame of the gold event's type, the one with its date when there are several."""
    same_type = [f for f in frames if f["type"] == gold["type"]]
    same_date = [f for f in same_type if gold["date"] and f["date"] == gold["date"]]
    return (same_date or same_type or [None])[0]


def test_sample_events_match_the_gold(sample_events):
    scores = []
    for name, facts in sorted(GOLD.items()):
        for gold in facts["events"]:
            predicted = matching_frame(gold, sample_events[name])
            fields = field_scores(gold, predicted)
            scores.extend(fields.values())
            print(f"\n{name} gold {gold}\n    predicted {predicted and short(predicted)}\n    {fields}")
        extra = [short(f) for f in sample_events[name]
                 if not any(matching_frame(g, [f]) for g in facts["events"])]
        print(f"    frames the gold does not list: {extra}")
    share = sum(scores) / len(scores)
    print(f"\nshare of gold event fields matched: {share:.3f} ({len(scores)} fields)")
    assert share >= 0.85


def short(frame: dict) -> dict:
    return {key: value for key, value in frame.items() if key not in ("trigger", "start", "end")}


def test_sample_frames_have_the_contract_fields_and_a_real_trigger(sample_events):
    for frames in sample_events.values():
        assert frames
        for frame in frames:
            assert set(frame) == FRAME_KEYS
            assert frame["type"] in ("meeting", "election", "referendum", "press_conference", "other")
            assert frame["trigger"] and frame["start"] < frame["end"]


def test_an_agency_dateline_gives_the_city_and_date_and_background_places_do_not():
    text = ("ШЫМКЕНТ. 9 марта. Встреча с педагогами и медиками прошла в городском акимате. "
            "С разъяснением норм проекта выступил министр юстиции Азамат Ескараев.\n\n"
            "Ранее сообщалось, что в Актобе прошла аналогичная встреча с работниками предприятия.")
    [meeting] = [e for e in annotate_events(document(text, "2026-03-10")).events if e["type"] == "meeting"]
    assert (meeting["city"], meeting["city_inferred"]) == ("Шымкент", False)
    assert (meeting["date"], meeting["date_source"]) == ("2026-03-09", "text")


# ------------------------------------------------------------------ work grows with the text

def calls_to_annotate(doc: Document) -> int:
    """Python function calls the stage makes on `doc`: a count of work, not a timing."""
    import cProfile
    import pstats

    profile = cProfile.Profile()
    profile.runcall(annotate_events, doc)
    return pstats.Stats(profile).total_calls


@pytest.mark.parametrize("sentence", [
    "{n} марта в Экибастузе на разрезе состоялась встреча депутата Армана Жолдасова с горняками.",
    "{n} марта в {town} прошла встреча депутата Армана Жолдасова с учителями школы № {n}.",
], ids=["one town", "a new town each sentence"])
def test_events_work_grows_linearly_with_the_article(sentence):
    """Twice the sentences, about twice the calls: no frame re-reads its sentences."""
    towns = ("Павлодаре", "Экибастузе", "Аксу", "Семее")

    def article(n: int) -> Document:
        return document(" ".join(sentence.format(n=1 + i % 27, town=towns[i % 4]) for i in range(n)), "2026-03-30")

    small, large = calls_to_annotate(article(60)), calls_to_annotate(article(120))
    assert large < 2.3 * small, (small, large)


# ------------------------------------------------------------------ where, on news as written

@pytest.mark.parametrize("opening, city", [
    ("АЛМАТЫ, 4 марта – ", "Алматы"),
    ("Караганда, 4 марта. КазТАГ – ", "Караганда"),
    ("БИШКЕК, 4 мар – Sputnik. ", "Бишкек"),
])
def test_a_dateline_in_capitals_or_as_a_name_gives_the_city(opening, city):
    text = opening + "Депутаты встретились с предпринимателями и обсудили новые налоговые правила."
    assert only(events_of(text, "2026-03-04", "meeting"))["city"] == city


def test_a_dateline_needs_a_day_after_a_name():
    text = "Депутаты, встретившись с предпринимателями, обсудили налоги. Встреча прошла спокойно."
    assert only(events_of(text, "2026-03-04", "meeting"))["city"] is None


def test_a_venue_abroad_gives_its_city():
    text = "В Кремле состоялась встреча президентов Казахстана и России."
    meeting = only(events_of(text, "2026-03-04", "meeting"))
    assert (meeting["venue"], meeting["city"], meeting["city_inferred"]) == ("Кремль", "Москва", True)


def test_a_city_abroad_is_a_city():
    text = "В Москве министр иностранных дел Казахстана встретился с коллегами из стран СНГ."
    assert only(events_of(text, "2026-03-04", "meeting"))["city"] == "Москва"


def test_the_town_of_the_sentence_before_in_the_same_paragraph():
    text = ("Вице-министр сельского хозяйства Данияр Абилов прибыл с рабочей поездкой в Кокшетау. "
            "Здесь состоялась его встреча с фермерами области.\n\nВ Астане тем временем шел снег.")
    assert only(events_of(text, "2026-03-04", "meeting"))["city"] == "Кокшетау"


# ------------------------------------------------------------------ titles

def test_a_meeting_title_says_what_where_and_who_met_whom():
    text = ("В Темиртау на территории АО «Qarmet» состоялась встреча депутата Мажилиса Ерлана Садыкова "
            "с трудовым коллективом комбината.")
    doc = annotate_events(document(text, "2026-03-04"))
    assert doc.events[0]["title"] == ("Встреча, Темиртау, территория АО «Qarmet»: Ерлан Садыков — "
                                      "трудовой коллектив комбината")


def test_a_title_counts_the_people_it_does_not_name_and_dates_a_vote():
    text = ("В Костанае прошла встреча с аграриями. Во встрече приняли участие аким области Кумар Аксакалов, "
            "депутат Ерлан Садыков и фермер Болат Жумабеков. Референдум пройдет 15 марта 2026 года.")
    titles = [e["title"] for e in annotate_events(document(text, "2026-03-04")).events]
    assert titles == ["Встреча, Костанай: Кумар Аксакалов, Ерлан Садыков и ещё 1 — аграрии", "Референдум, 15.03.2026"]


def test_a_gathering_dated_months_before_the_article_is_recalled_not_reported():
    text = ("Депутат Арман Жолдасов, который 12 января провел митинг в поддержку фермеров, "
            "выступил в Мажилисе с запросом.")
    assert events_of(text, "2026-03-10") == []
    assert only(events_of(text, "2026-01-20"))["date"] == "2026-01-12"


def test_a_talk_show_of_any_name_is_no_meeting():
    text = "В программе «Вечерний разговор» депутат Арман Жолдасов встретился с экономистом Айдаром Бекмухамедовым."
    assert events_of(text, "2026-03-10") == []


def test_an_interview_given_after_a_meeting_leaves_the_meeting():
    text = "В Таразе прошла встреча акима с фермерами, после чего аким дал интервью журналистам."
    assert only(events_of(text, "2026-03-10", "meeting"))["city"] == "Тараз"


def test_a_meeting_to_come_is_dated_by_its_day_never_by_the_publication():
    text = "Аким области Ерлан Садыков встретится с фермерами 5 апреля в Таразе."
    meeting = only(events_of(text, "2026-03-10", "meeting"))
    assert (meeting["date"], meeting["city"]) == ("2026-04-05", "Тараз")
    undated = only(events_of("Аким встретится с фермерами на следующей неделе.", "2026-03-10", "meeting"))
    assert (undated["date"], undated["date_source"]) == (None, None)


def test_a_meeting_about_a_repeal_is_a_meeting():
    text = "В Шымкенте прошла встреча предпринимателей, посвященная отмене проверок малого бизнеса."
    assert only(events_of(text, "2026-03-10", "meeting"))["city"] == "Шымкент"


def test_the_headline_town_of_the_only_gathering():
    doc = document("Аким области Ерлан Садыков провел встречу с фермерами и обсудил цены на топливо.", "2026-03-04")
    doc.title = "В Талдыкоргане аким встретился с фермерами"
    assert only(annotate_events(doc).events)["city"] == "Талдыкорган"
    two = document(doc.text + " Затем аким провел брифинг для журналистов.", "2026-03-04")
    two.title = doc.title
    assert [(e["type"], e["city"]) for e in extract_events(two)] == [("meeting", None), ("press_conference", None)]


def test_a_headline_town_abroad_from_its_case_form():
    doc = document("Министры двух стран провели встречу и подписали соглашение о транзите.", "2026-03-04")
    doc.title = "Министры встретились в Ташкенте"
    assert only(extract_events(doc))["city"] == "Ташкент"


def test_the_eve_is_the_day_before_the_article_unless_it_is_the_eve_of_something():
    yesterday = only(events_of("Накануне в Экибастузе аким встретился с энергетиками.", "2026-03-12"))
    assert (yesterday["date"], yesterday["date_source"]) == ("2026-03-11", "text")
    eve = only(events_of("Накануне референдума в Экибастузе прошла встреча с энергетиками.", "2026-03-12",
                         "meeting"))
    assert (eve["date"], eve["date_source"]) == ("2026-03-12", "published")
