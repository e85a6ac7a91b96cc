"""The nlp stage on real sentences, one rule class at a time, and on the whole sample
corpus against the gold facts. The Natasha models load once per test session."""
import pytest

from conftest import GOLD, gold_form
from sholu.nlp import analyse_text
from sholu.nlp.people import name_key


def people(text: str, published=None) -> dict[str, dict]:
    return {p["name"]: p for p in analyse_text(text, published)["persons"]}


def names(text: str, kind: str) -> set[str]:
    return {e["name"] for e in analyse_text(text)[kind]}


# -- names ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, name", [
    ("Встреча прошла под председательством Аиды Балаевой.", "Аида Балаева"),
    ("Результатом стало избрание Президентом Касым-Жомарта Токаева.", "Касым-Жомарт Токаев"),
    ("Слово предоставили Аманжолу Алтаю, который рассказал о поправках.", "Аманжол Алтай"),
    ("Вопросы задали Гульбазар Медиевой и другим экспертам.", "Гульбазар Медиева"),
    ("Письмо направлено Павлу Казанцеву.", "Павел Казанцев"),
    ("С докладом выступил Пётр Семёнов.", "Пётр Семёнов"),
])
def test_names_are_put_in_the_nominative(sentence, name):
    assert name in people(sentence)


def test_a_name_with_an_apostrophe_is_one_word_whichever_apostrophe_is_typed():
    found = people("Фил О’Рейли встретился с Шоном О'Коннором, и О’Рейли рассказал о планах.")
    assert {"Фил О’Рейли", "Шон О’Коннор"} <= set(found)
    assert found["Фил О’Рейли"]["mentions"] == 2


def test_yo_is_kept_only_where_the_text_has_it():
    assert "Сергей Пономарев" in people("Выступил депутат Сергей Пономарев.")


def test_a_bare_surname_joins_the_person_named_before():
    found = people("Аида Балаева посетила завод. «Это результат вашего труда», — отметила Балаева.")
    assert list(found) == ["Аида Балаева"]
    assert found["Аида Балаева"]["mentions"] == 2


def test_a_bare_surname_spelt_a_letter_or_two_off_joins_the_full_name():
    found = people("Спикер палаты Джон Бенер выступил в Вашингтоне. Позже Бонер встретился с журналистами.")
    assert list(found) == ["Джон Бенер"] and found["Джон Бенер"]["mentions"] == 2
    found = people("Директор программы Билл Герстенмайер прибыл на космодром. Гернстермайер осмотрел корабль.")
    assert list(found) == ["Билл Герстенмайер"]
    # two letters off a short surname is someone else
    assert set(people("Министр Иван Петров приехал в город. Пестов встретил его.")) == {"Иван Петров", "Пестов"}


def test_a_site_cited_as_a_source_is_an_organisation():
    text = ("Как сообщает Tengrinews.kz со ссылкой на пресс-службу акимата, дороги расчистят к утру. "
            "Вопросы принимают по адресу priemnaya@akimat.kz, правила опубликованы на https://adilet.zan.kz/rus.")
    assert names(text, "organizations") >= {"Tengrinews.kz"}
    assert not any("akimat" in name or "zan" in name for name in names(text, "organizations"))
    # the outlet a story is attributed to is its outlet field, not one of its organisations
    found = analyse_text(text, outlet="tengrinews.kz")["organizations"]
    assert "Tengrinews.kz" not in {o["name"] for o in found}


def test_a_name_written_again_where_the_tagger_left_it_is_that_person():
    from sholu.nlp.parse import parse
    from sholu.nlp.recall import repeated_people

    text = "Асель Муканова выиграла турнир. Тренер сказал, что Асель Муканова готовилась год."
    parsed = parse(text)
    tagged = [m for m in parsed.mentions if m.kind == "person"]
    assert [parsed.surface(m) for m in tagged] == ["Асель Муканова", "Асель Муканова"]
    restored = repeated_people(parsed, tagged[:1])        # as if the tagger had missed the second
    assert [(parsed.surface(m), m.start) for m in restored] == [
        ("Асель Муканова", 0), ("Асель Муканова", text.rindex("Асель"))]


def test_a_headline_left_open_is_read_as_a_sentence():
    from sholu.document import Document
    from sholu.nlp import annotate

    # a real headline (factRuEval-2016 devset, book_375): without a full stop the tagger names no one
    title = "Виктор Понедельник: «Адвокат ведет себя, словно царь Иоанн Грозный»"
    doc = annotate(Document(source="t", fingerprint="t", title=title,
                            text="Бывший футболист Виктор Понедельник раскритиковал тренера сборной."))
    grozny = next(p for p in doc.persons if p["name"] == "Иоанн Грозный")
    assert [title[s:e] for s, e in grozny["title_spans"]] == ["Иоанн Грозный"]
    ponedelnik = next(p for p in doc.persons if p["name"] == "Виктор Понедельник")
    assert [doc.text[s:e] for s, e in ponedelnik["spans"]] == ["Виктор Понедельник"]


def test_a_title_alone_and_an_occupation_before_a_name_are_no_person():
    assert people("Служба центральных коммуникаций при Президенте провела брифинг.") == {}
    found = people("Электролизник Канат Сулейменов задал вопрос о сменах.")
    assert list(found) == ["Канат Сулейменов"]
    assert [p.lower() for p in found["Канат Сулейменов"]["positions"]] == ["электролизник"]


def test_a_title_the_tagger_misread_still_agrees_with_the_name():
    # the tagger reads «Вице-министр» here as a genitive adjective; the dictionary allows the nominative
    found = people("Вице-министр энергетики Асхат Жумабеков провел брифинг.")
    assert [p.lower() for p in found["Асхат Жумабеков"]["positions"]] == ["вице-министр энергетики"]


def test_a_body_named_by_its_quoted_name_alone_is_the_body_named_in_full():
    text = ("Национальная палата предпринимателей «Атамекен» провела форум. Представители палаты "
            "«Атамекен» предложили снизить налоги.")
    found = analyse_text(text)["organizations"]
    assert [(o["name"], o["mentions"]) for o in found] == [("Национальная палата предпринимателей «Атамекен»", 2)]


def test_the_body_a_service_is_attached_to_is_part_of_its_name():
    assert names("Брифинг прошел в Службе центральных коммуникаций при Президенте.", "organizations") == {
        "Служба центральных коммуникаций при Президенте"}
    assert names("Комиссия по правам человека при Президенте РК опубликовала доклад.", "organizations") == {
        "Комиссия по правам человека при Президенте РК"}


def test_a_role_noun_joins_the_person_holding_that_role():
    text = ("В обсуждении приняла участие заместитель Премьер-министра – министр культуры и "
            "информации РК Аида Балаева. «Конституция закрепляет право на труд», — сказала вице-премьер.")
    person = people(text)["Аида Балаева"]
    assert [text[s:e] for s, e in person["spans"]] == ["Аида Балаева"]
    assert [text[s:e] for s, e in person["references"]] == ["вице-премьер"]


def test_spelling_variants_share_an_id():
    assert name_key("Касым-Жомарт Тоқаев") == name_key("Касым-Жомарт Токаев") == name_key("Kassym-Jomart Tokayev")


# -- positions -----------------------------------------------------------------------

def test_title_before_a_name_in_the_nominative():
    text = ("Встреча прошла под председательством заместителя Премьер-министра – министра "
            "культуры и информации РК Аиды Балаевой.")
    assert people(text)["Аида Балаева"]["positions"] == [
        "заместитель Премьер-министра – министр культуры и информации РК"]


def test_a_plural_title_is_shared_by_a_list():
    found = people("Во встрече приняли участие депутаты Мажилиса Парламента Марат Башимов и Павел Казанцев.")
    assert found["Марат Башимов"]["positions"] == ["депутат Мажилиса Парламента"]
    assert found["Павел Казанцев"]["positions"] == ["депутат Мажилиса Парламента"]


def test_comma_joined_titles_and_adjectives():
    found = people("В диалоге приняли участие председатель РОО «Союз юристов Казахстана», член "
                   "Комиссии Серик Акылбай и старший мастер медеплавильного цеха Аслан Тургамбаев.")
    assert found["Серик Акылбай"]["positions"] == ["председатель РОО «Союз юристов Казахстана»", "член Комиссии"]
    assert found["Аслан Тургамбаев"]["positions"] == ["старший мастер медеплавильного цеха"]


def test_an_apposition_after_the_name():
    found = people("Сергей Пономарев, депутат Мажилиса, отметил, что проект учитывает цифровую эпоху.")
    assert found["Сергей Пономарев"]["positions"] == ["депутат Мажилиса"]


def test_a_sentence_initial_title_is_lowercased_and_a_prepositional_phrase_is_no_title():
    found = people("Директор Усть-Каменогорского металлургического комплекса Тимур Токжигитов "
                   "выступил перед металлургами. Выступая перед металлургами, Аида Балаева подчеркнула важность труда.")
    assert found["Тимур Токжигитов"]["positions"] == ["директор Усть-Каменогорского металлургического комплекса"]
    assert found["Аида Балаева"]["positions"] == []


# -- organisations and places ----------------------------------------------------------

def test_only_the_head_of_an_institution_name_declines():
    found = names("Он стал членом Комиссии по конституционной реформе и советником Международного "
                  "центра зеленых технологий и инвестиционных проектов.", "organizations")
    assert {"Комиссия по конституционной реформе",
            "Международный центр зеленых технологий и инвестиционных проектов"} <= found


def test_quoted_names_stay_as_written():
    found = names("Встреча членов Общенациональной коалиции «За Народную Конституцию Справедливого и "
                  "Прогрессивного Казахстана!» прошла в цехе. Выступил председатель РОО «Союз юристов Казахстана».",
                  "organizations")
    assert "Общенациональная коалиция «За Народную Конституцию Справедливого и Прогрессивного Казахстана!»" in found
    assert "Союз юристов Казахстана" in found


def test_state_bodies_are_organisations_not_people():
    text = "В диалоге приняли участие депутат Мажилиса Сергей Пономарев и сенаторы."
    assert "Мажилис" in names(text, "organizations")
    assert set(people(text)) == {"Сергей Пономарев"}


@pytest.mark.parametrize("sentence, place", [
    ("Встреча прошла в Актобе.", "Актобе"),
    ("Делегация прибыла из Семея.", "Семей"),
    ("В Кызылорде открыли школу.", "Кызылорда"),
    ("Рабочие в Риддере поддержали реформу.", "Риддер"),
    ("В Усть-Каменогорске на площадке ТОО «Казцинк» состоялась встреча.", "Усть-Каменогорск"),
])
def test_case_forms_of_cities_are_places_with_coordinates(sentence, place):
    found = {p["name"]: p for p in analyse_text(sentence)["places"]}
    assert place in found
    assert found[place]["lat"] and found[place]["lon"] and found[place]["region"]


def test_slogans_are_not_organisations_or_places():
    text = ("Свободные и честные выборы являются важной составляющей построения Справедливого "
            "Казахстана и защищают права Человека Труда.")
    found = analyse_text(text)
    assert {p["name"] for p in found["places"]} == {"Казахстан"}
    assert found["organizations"] == []


def test_dates_are_resolved_against_the_publication_date():
    found = analyse_text("Референдум пройдет 15 марта, а выборы прошли 19 марта 2023 года.", "2026-02-27")
    assert [d["date"] for d in found["dates"]] == ["2026-03-15", "2023-03-19"]


def test_spans_point_at_the_mentions():
    text = "Аида Балаева встретилась с рабочими Казцинка в Усть-Каменогорске."
    found = analyse_text(text)
    for kind in ("persons", "organizations", "places"):
        for entity in found[kind]:
            assert all(text[s:e].strip() for s, e in entity["spans"])
            assert entity["mentions"] == len(entity["spans"])


# -- the sample corpus against the gold ---------------------------------------------------

def f1(found: set, gold: set) -> float:
    hits = len(found & gold)
    return 2 * hits / (len(found) + len(gold)) if found or gold else 1.0


@pytest.fixture(scope="module")
def analysed(sample_records):
    return {name: analyse_text(r["text"], r["published"], r["outlet"]) for name, r in sample_records.items()}


def corpus_f1(analysed, kind: str, gold_key: str, gold_names) -> float:
    found, gold = set(), set()
    for name, result in analysed.items():
        found |= {(name, gold_form(e["name"])) for e in result[kind]}
        gold |= {(name, gold_form(g)) for g in gold_names(GOLD[name][gold_key])}
    return f1(found, gold)


def test_persons_f1_on_the_samples(analysed):
    assert corpus_f1(analysed, "persons", "persons", lambda ps: [p["name"] for p in ps]) >= 0.95


def test_every_gold_position_is_found(analysed):
    for name, result in analysed.items():
        positions = {p["name"]: " | ".join(p["positions"]) for p in result["persons"]}
        for person in GOLD[name]["persons"]:
            for part in person["position_contains"]:
                assert gold_form(part) in gold_form(positions.get(person["name"], "")), (name, person["name"], part)


def test_organisations_and_places_f1_on_the_samples(analysed):
    assert corpus_f1(analysed, "organizations", "organizations", list) >= 0.85
    assert corpus_f1(analysed, "places", "places", list) >= 0.85


def test_every_gold_date_is_found(analysed):
    for name, result in analysed.items():
        assert set(GOLD[name]["dates"]) <= {d["date"] for d in result["dates"]}, name


def test_the_export_carries_the_entities(sample_records):
    record = sample_records["001_cdf56281be8a3dd1.txt"]
    balaeva = next(p for p in record["persons"] if p["name"] == "Аида Балаева")
    assert balaeva["entity_id"].startswith("per:")
    assert "заместитель Премьер-министра – министр культуры и информации РК" in balaeva["positions"]
    assert [record["text"][s:e] for s, e in balaeva["spans"]][0] == "Аида Балаева"


def test_a_whole_sample_article_end_to_end(sample_records):
    """002 through the whole pipeline: every person with their positions, the state body
    the tagger took for a person, the coalition named in full, dates resolved."""
    record = sample_records["002_23470084129bac58.txt"]
    positions = {p["name"]: p["positions"] for p in record["persons"]}
    assert positions == {
        "Аида Балаева": ["заместитель Премьер-министра – министр культуры и информации РК"],
        "Сергей Пономарев": ["депутат Мажилиса", "член Комиссии по конституционной реформе"],
        "Серик Акылбай": ["председатель РОО «Союз юристов Казахстана»", "член Комиссии"],
        "Дарина Сисенова": ["инженер по механическим испытаниям"],
        "Роман Ставкин": ["начальник отдела маркетинга предприятия"],
    }
    organisations = {o["name"] for o in record["organizations"]}
    assert {"Мажилис", "Союз юристов Казахстана", "Комиссия по конституционной реформе",
            "Западно-Казахстанский машиностроительный завод"} <= organisations
    assert "Kazpravda.kz" not in organisations            # the attribution is the outlet field
    assert [p["name"] for p in record["places"]] == ["Казахстан"]
    assert {d["date"] for d in record["dates"]} == {"2026-03-15"}
    for person in record["persons"]:
        assert all(record["text"][s:e] for s, e in person["spans"])


def test_a_participle_title_heads_its_phrase():
    found = people("Заведующая поликлиникой №5 Айгерим Тулегенова рассказала о нормах проекта.")
    assert found["Айгерим Тулегенова"]["positions"] == ["заведующая поликлиникой №5"]


def test_a_senator_and_an_akim():
    found = people("Встречу провел аким Алматы Ерлан Досаев. По словам сенатора Нурлана Бекенова, реформа важна.")
    assert found["Ерлан Досаев"]["positions"] == ["аким Алматы"]
    assert found["Нурлан Бекенов"]["positions"] == ["сенатор"]


# ------------------------------------------------------------------ work grows with the text

def calls_to_analyse(text: str) -> int:
    """Python calls the nlp stage makes after tagging (a count of work, not a timing)."""
    import cProfile
    import pstats

    from sholu.nlp import analyse_parsed
    from sholu.nlp.parse import parse

    parsed, profile = parse(text), cProfile.Profile()
    profile.runcall(analyse_parsed, parsed, "2026-03-02")
    return pstats.Stats(profile).total_calls


def test_nlp_work_grows_linearly_with_the_article():
    """Every sentence brings a gazetteer place, a person and a role noun referring back:
    twice the sentences, about twice the calls (a scan of all mentions per gazetteer
    match, or of all people per role noun, made this quadratic)."""
    sentence = ("{n} марта аким Павлодара Асаин Байханов приехал в Экибастуз, где аким "
                "осмотрел новый цех завода.")

    def article(n: int) -> str:
        return " ".join(sentence.format(n=1 + i % 27) for i in range(n))

    calls_to_analyse(article(5))            # models and caches load here, not in a measurement
    small, large = calls_to_analyse(article(80)), calls_to_analyse(article(160))
    assert large < 2.3 * small, (small, large)
