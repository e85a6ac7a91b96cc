"""Kazakh news through the whole pipeline into a real SQLite file and out of its export,
one run for the module: names in the headline and in every case form, one entity_id
for a person written in Kazakh and in Russian, places from case forms, each form of
Kazakh reported speech with its speaker, dates, events, themes, search, and the links
between an outlet's Kazakh article and its Russian version.
tests/fixtures/kazakh-news/feed.jsonl, written for these tests (see the fixtures' README)."""
import pytest

from conftest import FIXTURES, export_records, run_into
from sholu.nlp.kazakh import analyse_kazakh
from sholu.store import open_store
from sholu.store.search import parse_query

FEED = FIXTURES / "kazakh-news" / "feed.jsonl"
BALAEVA, KHABAR_KK, KHABAR_RU = "kk/balaeva-karaganda", "kk/tokayev-bektenov", "ru/tokayev-bektenov"
MAZHILIS, ECOLOGY_KK, ECOLOGY_RU = "kk/mazhilis-sessia", "kk/ekologia", "ru/ekologia"
ZHAKYPOVA, REFERENDUM = "kk/zhakypova-shymkent", "kk/referendum-kyzylorda"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("kazakh-news") / "news.db"
    assert run_into(path, FEED, jobs=1).errors == []
    return path


@pytest.fixture(scope="module")
def records(db) -> dict[str, dict]:
    return {record["url"].split(".example/")[1]: record for record in export_records(db)}


def entity(record: dict, field: str, name: str) -> dict:
    return next(item for item in record[field] if item["name"] == name)


def written(record: dict, item: dict, field: str = "spans") -> list[str]:
    text = record["title" if field == "title_spans" else "text"]
    return [text[start:end] for start, end in item[field]]


# -- names, places and organisations ----------------------------------------------------------

def test_names_in_the_headline_have_title_spans_and_join_the_body_mention(records):
    balaeva = records[BALAEVA]
    assert written(balaeva, entity(balaeva, "persons", "Аида Балаева"), "title_spans") == ["Аида Балаева"]
    assert written(balaeva, entity(balaeva, "places", "Караганда"), "title_spans") == ["Қарағандыда"]
    khabar = records[KHABAR_KK]
    tokayev = entity(khabar, "persons", "Қасым-Жомарт Тоқаев")        # «Тоқаев Үкімет басшысын қабылдады»
    assert written(khabar, tokayev, "title_spans") == ["Тоқаев"]
    assert written(khabar, entity(khabar, "organizations", "Правительство"), "title_spans") == ["Үкімет"]
    assert written(records[MAZHILIS], entity(records[MAZHILIS], "organizations", "Мажилис"),
                   "title_spans") == ["Мәжілісте"]


def test_a_name_only_in_the_headline_is_exported_with_no_body_span(records):
    zhakypova = entity(records[ZHAKYPOVA], "persons", "Светлана Жақыпова")    # «Жақыпова: «…»»
    assert written(records[ZHAKYPOVA], zhakypova, "title_spans") == ["Жақыпова"]
    pavlodar = entity(records[ECOLOGY_KK], "places", "Павлодар")               # «Павлодарда …»
    assert pavlodar["spans"] == [] and pavlodar["title_spans"] and pavlodar["mentions"] == 1


def test_people_come_out_in_the_nominative_from_every_case_form(records):
    balaeva, khabar = records[BALAEVA], records[KHABAR_KK]
    assert {p["name"] for p in balaeva["persons"]} == {"Аида Балаева"}       # not «Шахтерлер Балаева»
    assert {"Балаеваның", "Балаеваға"} <= set(written(balaeva, balaeva["persons"][0]))
    assert {p["name"] for p in khabar["persons"]} == {"Қасым-Жомарт Тоқаев", "Олжас Бектенов"}
    assert {"Тоқаевқа", "Тоқаевпен"} <= set(written(khabar, entity(khabar, "persons", "Қасым-Жомарт Тоқаев")))
    assert "Олжас Бектеновті" in written(khabar, entity(khabar, "persons", "Олжас Бектенов"))
    zhakypova = records[ZHAKYPOVA]
    assert {"Жақыповаға", "Жақыповамен"} <= set(written(zhakypova, entity(zhakypova, "persons",
                                                                         "Светлана Жақыпова")))


def test_a_person_in_kazakh_and_in_russian_shares_one_entity_id(records):
    for kazakh, russian, names in [(KHABAR_KK, KHABAR_RU, [("Қасым-Жомарт Тоқаев", "Касым-Жомарт Токаев"),
                                                            ("Олжас Бектенов", "Олжас Бектенов")]),
                                   (ECOLOGY_KK, ECOLOGY_RU, [("Асайын Байханов", "Асаин Байханов")])]:
        for in_kazakh, in_russian in names:
            assert entity(records[kazakh], "persons", in_kazakh)["entity_id"] == \
                entity(records[russian], "persons", in_russian)["entity_id"]


@pytest.mark.parametrize("article, form, place", [
    (BALAEVA, "Қарағандыға", "Караганда"),
    (ZHAKYPOVA, "Шымкентте", "Шымкент"),
    (ZHAKYPOVA, "Алматыға", "Алматы"),
    (ZHAKYPOVA, "Ақтауға", "Актау"),
    (ZHAKYPOVA, "Түркістан облысының", "Туркестанская область"),
    (REFERENDUM, "Қызылордадан", "Кызылорда"),
    (MAZHILIS, "Астанада", "Астана"),
])
def test_places_in_any_case_form_become_the_gazetteers_entry(records, article, form, place):
    found = entity(records[article], "places", place)
    assert form in written(records[article], found)
    assert found["region"] and found["lat"] is not None


# -- quotes -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("article, kind, speaker, words", [
    (BALAEVA, "direct", "Аида Балаева", "әр азаматтың еңбек құқығын"),            # «…», – деді министр.
    (BALAEVA, "indirect", "Аида Балаева", "жалақы мәселесі үнемі"),              # Балаеваның айтуынша, …
    (MAZHILIS, "indirect", "Нұрлан Әбдіров", "сайлау ашық және әділ өтеді"),      # X … деп атап өтті
    (MAZHILIS, "indirect", "Нұрлан Әбдіров", "учаскелері уақытында ашылатынын"),  # X … ашылатынын мәлімдеді
    (MAZHILIS, "indirect", "Ерлан Сапаров", "сайлау құқығын кеңейтеді"),          # X … деп айтты
    (KHABAR_KK, "indirect", "Қасым-Жомарт Тоқаев", "басты міндет екенін"),       # … екенін айтты
    (ZHAKYPOVA, "direct", "Светлана Жақыпова", "еңбегі әділ бағалануы"),         # X «…» деп мәлімдеді
    (ZHAKYPOVA, "indirect", "Светлана Жақыпова", "төменгі жалақы көбейеді"),     # Министрдің айтуынша, …
    (ZHAKYPOVA, "indirect", "Светлана Жақыпова", "еңбек құқығын қорғайтынын"),   # Ол … атап өтті
    (ZHAKYPOVA, "indirect", "Светлана Жақыпова", "Ақтауға баратынын"),           # … соңында министр …
    (ECOLOGY_KK, "indirect", "Асайын Байханов", "ауа сапасын жақсарту"),         # Әкімнің айтуынша, …
    (REFERENDUM, "indirect", "Гүлмира Сәрсенова", "кешке дейін жұмыс істегенін"),  # … төрайымы X … айтты
])
def test_each_form_of_kazakh_speech_has_its_speaker(records, article, kind, speaker, words):
    record = records[article]
    (quote,) = [q for q in record["quotes"] if words in q["text"]]
    assert (quote["kind"], quote["speaker"]) == (kind, speaker)
    assert quote["speaker_entity_id"] == entity(record, "persons", speaker)["entity_id"]
    assert record["text"][quote["start"]:quote["end"]] == quote["text"]


def test_indirect_speech_leaves_its_speaker_out_of_the_content(records):
    texts = [q["text"] for r in records.values() if r["language"] == "kk" for q in r["quotes"]]
    assert not [t for t in texts if "төрайымы" in t or "министр" in t or t.startswith(("соңында", "референдум"))]


def test_a_headline_quote_led_by_a_name(records):
    (quote,) = [q for q in records[ZHAKYPOVA]["quotes"] if q["in_title"]]
    assert (quote["speaker"], quote["text"]) == ("Светлана Жақыпова", "Жалақы уақытылы төленуі тиіс")


# -- dates, events, themes ----------------------------------------------------------------------

@pytest.mark.parametrize("article, dates", [
    (BALAEVA, ["2026-03-09", "2026-03-15"]),        # наурыздың 9-ы, 15 наурыз
    (KHABAR_KK, ["2026-03-15"]),                    # 2026 жылғы 15 наурызда
    (REFERENDUM, ["2026-03-15"]),                   # Наурыздың 15-і
])
def test_kazakh_dates_resolve(records, article, dates):
    assert [d["date"] for d in records[article]["dates"]] == dates


def test_kazakh_events(records):
    def events(article):
        return {(e["type"], e["date"], e["city"]) for e in records[article]["events"]}
    assert events(BALAEVA) == {("meeting", "2026-03-09", "Караганда"), ("referendum", "2026-03-15", None)}
    assert events(ZHAKYPOVA) == {("meeting", "2026-03-04", "Шымкент")}   # no meeting where she goes next
    assert events(ECOLOGY_KK) == {("other", "2026-03-12", None)}          # жиналыс … өтті
    assert events(REFERENDUM) == {("referendum", "2026-03-15", None)}     # сайлау учаскелері: no election
    assert ("election", None, None) in events(MAZHILIS)
    meeting = next(e for e in records[BALAEVA]["events"] if e["type"] == "meeting")
    assert meeting["participants"] == ["Аида Балаева"]


@pytest.mark.parametrize("sentence, kind", [
    ("Облыстық мәслихаттың кезекті сессиясы кеше әкімдікте өтті.", "meeting"),    # a body's sitting
    ("Мәжілістің жалпы отырысы сәрсенбі күні өтеді.", "meeting"),
    ("Наурыз мерекесіне арналған салтанатты шара орталық алаңда ұйымдастырылды.", "other"),
    ("Министр еңбек ұжымымен кездесті.", "meeting"),
    ("Сессия туралы ақпарат сайтта жарияланды.", None),          # named, not held
    ("Ашылу рәсіміне арналған салтанатты шараға облыс әкімі қатысты.", "other"),   # attended
    ("Вице-министр Үкіметтің отырысында баяндама жасады.", "meeting"),            # spoken at
    ("Әкімдік пен кәсіподақ әлеуметтік әріптестік туралы келісімге қол қойды.", "other"),   # a signing
    ("Ауылда жаңа мектеп пайдалануға берілді.", "other"),                         # handed over
])
def test_kazakh_gatherings_that_took_place(sentence, kind):
    from sholu.lang import pack_for

    found = [name for name, pattern in pack_for("kk").event_triggers if pattern.search(sentence)]
    assert found[:1] == ([kind] if kind else [])


@pytest.mark.parametrize("article, theme", [
    (BALAEVA, "labour_rights"), (ECOLOGY_KK, "environment"), (MAZHILIS, "elections"),
    (REFERENDUM, "referendum_participation"), (KHABAR_KK, "economy"),
])
def test_kazakh_seed_terms_give_the_themes(records, article, theme):
    assert records[article]["topics"][0]["topic"] == theme


# -- search and translations ---------------------------------------------------------------------

@pytest.mark.parametrize("query", ["Конституция", "Конституцияның", "Конституцияға", "Қарағанды", "шахтерлер"])
def test_search_matches_every_case_form(db, records, query):
    store = open_store(str(db))
    try:
        found = {hit["id"] for hit in store.search(parse_query(query), {}, 50, 0)[0]}
    finally:
        store.close()
    assert records[BALAEVA]["id"] in found      # the text has «Конституция», «Конституцияға», «Қарағандыға»


def test_an_outlets_kazakh_and_russian_versions_are_linked(records):
    for kazakh, russian in [(KHABAR_KK, KHABAR_RU), (ECOLOGY_KK, ECOLOGY_RU)]:
        assert records[kazakh]["translations"] == [{"id": records[russian]["id"], "language": "ru"}]
        assert records[russian]["translations"] == [{"id": records[kazakh]["id"], "language": "kk"}]
    assert records[MAZHILIS]["translations"] == []       # Kazinform, the day before, another story


# -- rules on sentences of their own --------------------------------------------------------------

def test_a_body_after_a_name_in_a_headline_is_not_part_of_it():
    found = analyse_kazakh("Премьер-министр Олжас Бектенов есеп берді.", None, "Тоқаев Үкімет басшысын қабылдады")
    assert [(p["name"], p["title_spans"]) for p in found["persons"] if p["title_spans"]] == [("Тоқаев", [[0, 6]])]
    assert [(o["name"], o["title_spans"]) for o in found["organizations"]] == [("Правительство", [[7, 13]])]


def test_a_surname_that_is_also_a_towns_name_stays_a_person():
    found = analyse_kazakh("Қаныш Сәтпаев туралы кітап шықты.", None, "Сәтпаев туралы жаңа кітап")
    assert [(p["name"], p["title_spans"]) for p in found["persons"]] == [("Қаныш Сәтпаев", [[0, 7]])]
    assert found["places"] == []
