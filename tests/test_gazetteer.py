"""The gazetteer on news sentences: case forms, variants, word boundaries, coordinates."""
from __future__ import annotations

import pytest

from sholu.nlp import analyse_text
from sholu.nlp.gazetteer import Entry, Gazetteer, load_gazetteer, read_entries
from sholu.nlp.inflect import case_forms


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def found(gazetteer: Gazetteer, text: str) -> list[tuple[str, str]]:
    """(text matched, canonical name) for every match."""
    return [(text[m.start:m.end], m.entry.name) for m in gazetteer.find(text)]


# ------------------------------------------------------------------ case forms

@pytest.mark.parametrize("name, expected", [
    ("Риддер", {"Риддер", "Риддера", "Риддеру", "Риддером", "Риддере"}),
    ("Семей", {"Семей", "Семея", "Семею", "Семеем", "Семее"}),
    ("Кызылорда", {"Кызылорда", "Кызылорды", "Кызылорде", "Кызылорду", "Кызылордой"}),
    ("Конаев", {"Конаев", "Конаева", "Конаеву", "Конаевом", "Конаеве"}),
    ("Актобе", {"Актобе"}),
    ("Алматы", {"Алматы"}),
    ("Атырау", {"Атырау"}),
    ("AMANAT", {"AMANAT"}),
    ("ЦИК", {"ЦИК"}),
])
def test_single_word_names_decline_by_their_ending(name, expected):
    assert case_forms(name) == expected


def test_hyphenated_names_decline_only_the_last_part():
    assert {"Усть-Каменогорска", "Усть-Каменогорске", "Усть-Каменогорском"} <= \
        case_forms("Усть-Каменогорск")


def test_adjective_and_noun_agree():
    assert case_forms("Конституционный суд") == {
        "Конституционный суд", "Конституционного суда", "Конституционному суду",
        "Конституционным судом", "Конституционном суде"}
    assert {"Западно-Казахстанской области", "Западно-Казахстанскую область",
            "Западно-Казахстанской областью"} <= case_forms("Западно-Казахстанская область")


def test_only_the_head_of_an_organisation_name_declines():
    forms = case_forms("Министерство труда и социальной защиты населения")
    assert "Министерства труда и социальной защиты населения" in forms
    assert "Министерстве труда и социальной защиты населения" in forms
    assert "Министерство труда и социальных защит населения" not in forms
    assert "Фонда национального благосостояния «Самрук-Казына»" in \
        case_forms("Фонд национального благосостояния «Самрук-Казына»")


def test_foreign_and_frozen_names_stay_as_written():
    assert case_forms("Ак жол") == {"Ак жол"}
    assert case_forms("Kazakhmys Smelting") == {"Kazakhmys Smelting"}
    assert case_forms("Минтруда") == {"Минтруда"}
    assert case_forms("Қазақстан темір жолы") == {"Қазақстан темір жолы"}


# ------------------------------------------------------------------ places in sentences

@pytest.mark.parametrize("sentence, matched, name", [
    ("В Актобе открылся новый корпус областной больницы.", "Актобе", "Актобе"),
    ("Делегация из Семея прибыла на форум с опозданием.", "Семея", "Семей"),
    ("Весной в Кызылорде начнут ремонт центральной набережной.", "Кызылорде", "Кызылорда"),
    ("Рабочие горно-обогатительного комбината в Риддере встретились с депутатами.",
     "Риддере", "Риддер"),
    ("В Конаеве прошёл областной фестиваль молодёжных инициатив.", "Конаеве", "Конаев"),
    ("Поезд из Усть-Каменогорска задержался на два часа.", "Усть-Каменогорска",
     "Усть-Каменогорск"),
    ("Встреча с коллективом медеплавильного завода прошла в Жезказгане.", "Жезказгане",
     "Жезказган"),
    ("Аким Жамбылской области провёл приём граждан в Таразе.", "Таразе", "Тараз"),
])
def test_cities_in_every_case(gazetteer, sentence, matched, name):
    assert (matched, name) in found(gazetteer, sentence)


def test_matched_places_carry_coordinates_and_region(gazetteer):
    match = gazetteer.find("Митинг прошёл в Усть-Каменогорске у здания акимата.")[0]
    assert match.kind == "place"
    assert match.entry.region == "Восточно-Казахстанская область"
    assert match.entry.lat == pytest.approx(49.97, abs=0.1)
    assert match.entry.lon == pytest.approx(82.6, abs=0.1)
    assert gazetteer.lookup("Жезказган").region == "Улытауская область"
    assert gazetteer.lookup("Семей").region == "Абайская область"
    assert gazetteer.lookup("Уральск").region == "Западно-Казахстанская область"


def test_regions_full_and_short(gazetteer):
    text = ("Паводки в Восточно-Казахстанской области затронули три района; жители ВКО "
            "получат компенсации, сообщили в акимате Западно-Казахстанской области.")
    assert found(gazetteer, text) == [
        ("Восточно-Казахстанской области", "Восточно-Казахстанская область"),
        ("ВКО", "Восточно-Казахстанская область"),
        ("акимате Западно-Казахстанской области", "акимат Западно-Казахстанской области"),
    ]
    region = gazetteer.lookup("ВКО")
    assert region.kind == "region" and region.lat and region.lon


def test_old_and_alternative_names_resolve_to_the_current_one(gazetteer):
    text = ("Ещё в Нур-Султане, как тогда называлась столица, он переехал из Өскемен "
            "в Алма-Ату, а затем в Семипалатинск.")
    assert [name for _, name in found(gazetteer, text)] == [
        "Астана", "Усть-Каменогорск", "Алматы", "Семей"]
    assert gazetteer.lookup("Нур-Султан").name == "Астана"
    assert gazetteer.lookup("Oskemen").name == "Усть-Каменогорск"
    assert gazetteer.lookup("капшагай").name == "Конаев"


def test_no_match_inside_other_words(gazetteer):
    text = "Семейный бюджет обсудили семейные пары; Семейство и Актобеэнерго не в счёт."
    assert found(gazetteer, text) == []


def test_region_adjective_may_match_as_the_region(gazetteer):
    matches = found(gazetteer, "Фермеры Алматинской области ждут субсидий.")
    assert matches == [("Алматинской области", "Алматинская область")]


def test_country_and_neighbours(gazetteer):
    text = "Товарооборот Республики Казахстан с Россией и Китаем вырос, сообщили в РК."
    assert [name for _, name in found(gazetteer, text)] == [
        "Казахстан", "Россия", "Китай", "Казахстан"]


def test_a_place_name_after_a_given_name_is_a_surname(gazetteer):
    text = ("Депутат Аманжол Алтай напомнил, что К. Сатпаев основал науку в Сатпаеве, "
            "а Тарас Шевченко отбывал ссылку в Форт-Шевченко.")
    assert found(gazetteer, text) == [("Сатпаеве", "Сатпаев"),
                                      ("Форт-Шевченко", "Форт-Шевченко")]


def test_latin_place_name_inside_a_brand_is_not_the_place(gazetteer):
    assert found(gazetteer, "Форум прошёл на площадке Astana Hub.") == []


def test_compound_with_a_number_is_not_the_place(gazetteer):
    names = [name for _, name in found(gazetteer, "Стратегия «Казахстан-2050» и трасса "
                                                  "Алматы-Бишкек")]
    assert names == ["Алматы"]


# ------------------------------------------------------------------ organisations

def test_state_bodies_in_sentences(gazetteer):
    text = ("Депутаты Мажилиса Парламента направили запрос в Конституционный суд, а "
            "в Министерстве труда и социальной защиты населения пообещали ответить "
            "до конца месяца. Позицию Правительства озвучил вице-министр; ЦИК пока молчит.")
    assert found(gazetteer, text) == [
        ("Мажилиса Парламента", "Мажилис"),
        ("Конституционный суд", "Конституционный суд"),
        ("Министерстве труда и социальной защиты населения",
         "Министерство труда и социальной защиты населения"),
        ("Правительства", "Правительство"),
        ("ЦИК", "Центральная избирательная комиссия"),
    ]
    assert all(m.kind == "organization" for m in gazetteer.find(text))


def test_match_tells_which_variant_was_written(gazetteer):
    text = "Выступил вице-президент Национальной инженерной академии Казахстана."
    match = gazetteer.find(text)[0]
    assert match.entry.name == "Национальная инженерная академия Республики Казахстан"
    assert match.variant == "Национальная инженерная академия Казахстана"


def test_longest_name_wins(gazetteer):
    text = "Закон принят Мажилисом Парламента Республики Казахстан в первом чтении."
    assert found(gazetteer, text) == [
        ("Мажилисом Парламента Республики Казахстан", "Мажилис")]


def test_parties(gazetteer):
    text = ("Модератором выступил секретарь столичного филиала партии «AMANAT»; "
            "фракции «Ак жол» и «Ауыл» поддержали поправки, в партии «Республика» "
            "воздержались.")
    names = [name for _, name in found(gazetteer, text)]
    assert names == ["AMANAT", "Ак жол", "Ауыл", "Respublica"]
    assert gazetteer.lookup("Нур Отан").name == "AMANAT"


def test_quoted_only_variant_needs_its_quotes(gazetteer):
    assert found(gazetteer, "Делегация Республики Беларусь прибыла в Астану.") == [
        ("Астану", "Астана")]


def test_employers_decline_and_unions(gazetteer):
    text = ("На Казцинке и в Казатомпроме прошли встречи, Федерация профсоюзов "
            "Республики Казахстан поддержала работников КазМунайГаза.")
    assert [name for _, name in found(gazetteer, text)] == [
        "Казцинк", "Казатомпром", "Федерация профсоюзов Республики Казахстан", "КазМунайГаз"]


def test_lowercase_names_also_match_at_sentence_start(gazetteer):
    assert found(gazetteer, "Акимат Алматы объявил конкурс.") == [
        ("Акимат Алматы", "акимат Алматы")]
    assert found(gazetteer, "Жалобу направили в акимат Алматы.") == [
        ("акимат Алматы", "акимат Алматы")]


def test_capitalised_names_do_not_match_common_nouns(gazetteer):
    assert found(gazetteer, "В сенате университета и в правительстве города это обсудили.") \
        == []


def test_headline_capitals(gazetteer):
    assert [n for _, n in found(gazetteer, "КАЗЦИНК ПОДДЕРЖАЛ ИНИЦИАТИВУ")] == ["Казцинк"]


# ------------------------------------------------------------------ lookup and extension

def test_lookup_ignores_case_yo_and_quotes(gazetteer):
    assert gazetteer.lookup("мажилис парламента").name == "Мажилис"
    assert gazetteer.lookup("«Казцинк»").name == "Казцинк"
    assert gazetteer.lookup("Фёдоровка") is gazetteer.lookup("Федоровка")
    assert gazetteer.lookup("Министерстве юстиции").name == "Министерство юстиции"
    assert gazetteer.lookup("Нигдебург") is None


def test_user_files_extend_the_gazetteer(tmp_path, monkeypatch):
    (tmp_path / "mine.csv").write_text(
        "name,kind,lat,lon,region,variants\n"
        "Акбулак,village,43.1,77.2,Алматинская область,Ақбұлақ\n", encoding="utf-8")
    (tmp_path / "orgs.csv").write_text(
        "name,kind,variants\nКомитет по делам села,ngo,КДС\n", encoding="utf-8")
    monkeypatch.setenv("SHOLU_GAZETTEER_DIR", str(tmp_path))
    load_gazetteer.cache_clear()
    try:
        gazetteer = load_gazetteer()
        text = "Активисты КДС провели сход в Акбулаке; в Актобе его поддержали."
        assert [name for _, name in found(gazetteer, text)] == [
            "Комитет по делам села", "Акбулак", "Актобе"]
        assert gazetteer.lookup("Ақбұлақ").region == "Алматинская область"
    finally:
        monkeypatch.delenv("SHOLU_GAZETTEER_DIR")
        load_gazetteer.cache_clear()


def test_shipped_files_are_complete(gazetteer):
    kinds = {}
    for entry in gazetteer.entries:
        kinds[entry.kind] = kinds.get(entry.kind, 0) + 1
    assert kinds["region"] == 17 and kinds["country"] == 6 and kinds["continent"] == 9
    assert sum(kinds[k] for k in ("city", "town", "village")) > 300
    assert {"Астана", "Алматы", "Шымкент"} <= {e.name for e in gazetteer.entries
                                               if e.kind == "city" and e.region == e.name}
    places = [e for e in gazetteer.entries if e.is_place and e.kind not in ("station", "continent", "country")]
    assert all(e.lat is not None and e.lon is not None and e.region for e in places)
    assert all(40 < e.lat < 56 and 46 < e.lon < 88 for e in places)


def test_read_entries_accepts_both_layouts():
    entries = read_entries("name,kind,variants\nТест,ngo,Т;Тестовый\n")
    assert entries == [Entry("Тест", "ngo", variants=("Т", "Тестовый"))]


# ------------------------------------------------------------------ speed

def test_find_tries_a_bounded_number_of_forms_per_word(gazetteer, monkeypatch):
    """Matching stays linear in the article: doubling the text doubles the forms tried, and
    each word tries only the few forms that start with it (counted, not timed)."""
    import sholu.nlp.gazetteer as module

    paragraph = ("Депутаты Мажилиса Парламента РК встретились с коллективом Казцинка в "
                 "Усть-Каменогорске, затем провели приём граждан в Риддере и Семее. "
                 "Представители партии «AMANAT» рассказали о поправках в Конституцию. ")
    tried = []
    counted = module.form_fits
    monkeypatch.setattr(module, "form_fits", lambda *args: tried.append(1) or counted(*args))

    def forms_tried(copies: int) -> int:
        tried.clear()
        gazetteer.find(paragraph * copies)
        return len(tried)

    words = len(paragraph.split())
    small, large = forms_tried(20), forms_tried(40)
    assert large <= 2.1 * small
    assert small <= 4 * words * 20


def test_the_shipped_forms_table_is_what_declining_the_shipped_names_gives():
    """The table only saves time at start: it must hold exactly the forms the rules give
    (rebuild it with bench/build_gazetteer_forms.py after changing names or rules)."""
    from sholu.nlp.forms_table import declined
    from sholu.nlp.inflect import shipped_forms

    table = shipped_forms()
    assert len(table) > 1000
    assert table == declined()
    assert set(table["Семей"]) == {"Семей", "Семея", "Семею", "Семеем", "Семее"}


def test_continents_in_any_case_are_places():
    text = "Товары из Центральной Азии везут в страны Европы через порты Африки."
    found = {e["name"] for e in analyse_text(text)["places"]}
    assert {"Центральная Азия", "Европа", "Африка"} <= found


def test_the_space_station_is_a_place_not_an_organisation():
    found = analyse_text("Экипаж МКС вернулся на Землю, а груз на станцию доставят с Байконура.")
    assert "Международная космическая станция" in {e["name"] for e in found["places"]}
    assert "МКС" not in {e["name"] for e in found["organizations"]}


@pytest.mark.parametrize("text, street", [
    ("Пожар произошёл на ул. Шевченко в Красноярске.", "Шевченко"),
    ("Митинг прошёл на улице Дзержинского в Перми.", "Дзержинского"),
    ("Кафе открылось на проспекте Абая рядом с вокзалом.", "Абая"),
])
def test_a_street_named_like_a_kazakh_town_is_not_put_in_kazakhstan(text, street):
    places = analyse_text(text)["places"]
    on_street = [p for p in places if any(text[s:e] == street for s, e in p["spans"])]
    assert all(p["region"] is None and p["lat"] is None for p in on_street)


def test_the_town_itself_is_still_found():
    places = analyse_text("Жители Актау вышли на субботник у моря.")["places"]
    assert [(p["name"], p["region"]) for p in places] == [("Актау", "Мангистауская область")]


def test_a_country_code_in_a_web_address_is_no_place():
    places = analyse_text("Регистрация сайтов в зоне .РФ начнётся весной, сообщили в Казахстане.")["places"]
    assert [p["name"] for p in places] == ["Казахстан"]
