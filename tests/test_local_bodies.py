"""Local and regional bodies (maslikhats, akimats, departments, regional prosecutors,
courts written in lower case), generic references to them, abbreviations of a body
named in full, and regions sharing one noun: the classes 1, 2, 10 and 14 of
bench/data/unseen-2026-12b/RESULTS.md, on sentences written for these tests."""
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
    ("Депутаты Экибастузского городского маслихата собрались на сессию.", "Экибастузский городской маслихат"),
    ("Решение Риддерского городского маслихата вступило в силу.", "Риддерский городской маслихат"),
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
    ("Облыстық мәслихаттың кезекті сессиясы өтті.", "облыстық мәслихат"),
    ("Қостанай облысының прокуратурасы тексеру жүргізді.", "Қостанай облысының прокуратурасы"),
    ("Облыстық білім басқармасының басшысы сөз сөйледі.", "облыстық білім басқармасы"),
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


def places(text: str) -> list[str]:
    return sorted(p["name"] for p in analyse_text(text)["places"])


def kazakh_places(text: str) -> list[str]:
    return sorted(p["name"] for p in analyse_kazakh(text)["places"])


@pytest.mark.parametrize("text, regions", [
    ("Жители Павлодарской и Акмолинской областей проголосовали.", ["Акмолинская область", "Павлодарская область"]),
    ("Рабочие Западно-Казахстанской, Атырауской и Мангистауской областей приехали на форум.",
     ["Атырауская область", "Западно-Казахстанская область", "Мангистауская область"]),
    ("В Павлодарской и Акмолинской областях прошли встречи.", ["Акмолинская область", "Павлодарская область"]),
])
def test_regions_sharing_one_noun_are_each_a_region(text, regions):
    assert places(text) == regions


def test_a_region_named_in_full_beside_a_lone_adjective_is_no_list():
    assert "Акмолинская область" not in places("Жители Павлодарской области и Акмолинской тоже.")


@pytest.mark.parametrize("text, regions", [
    ("Шығыс Қазақстан және Абай облыстарының кәсіподақтары жиналды.",
     ["Абайская область", "Восточно-Казахстанская область"]),
    ("Павлодар, Ақмола және Қостанай облыстарында жиналыс өтті.",
     ["Акмолинская область", "Костанайская область", "Павлодарская область"]),
])
def test_kazakh_regions_sharing_one_noun_are_each_a_region(text, regions):
    assert kazakh_places(text) == regions


def test_a_kazakh_plural_region_noun_alone_names_none():
    assert kazakh_places("Облыстарда жиналыс өтті.") == []


@pytest.mark.parametrize("text, bodies", [
    ("Тәуелсіз Мемлекеттер Достастығының бақылаушылары Астанаға келді. ТМД миссиясының басшысы сөйледі.",
     ["Содружество Независимых Государств"]),
    ("Біріккен Ұлттар Ұйымының өкілі мен ЕҚЫҰ бақылаушылары келді.",
     ["Организация Объединённых Наций", "Организация по безопасности и сотрудничеству в Европе"]),
])
def test_kazakh_names_of_international_bodies_are_their_canonical_entries(text, bodies):
    assert kazakh_organisations(text) == bodies


def test_a_kazakh_word_in_another_case_before_a_body_is_no_part_of_it():
    text = "Жаңа Конституцияда кәсіподақтардың Конституциялық Сотқа жүгіну құқығы бекітілді."
    assert kazakh_organisations(text) == ["Конституционный суд"]


def test_a_kazakh_body_with_its_genitive_country_is_still_found():
    text = "Қазақстан Республикасының Жоғарғы Сотына азаматтар шағым жолдады."
    assert kazakh_organisations(text) == ["Верховный суд"]


def test_a_quoted_name_cut_after_its_opening_quote_keeps_no_closing_one():
    text = ("Заявление подписали члены объединения юридических лиц «Союз адвокатов Казахстана» (САК). "
            "В САК пояснили, что ждут ответа.")
    assert organisations(text) == ["Союз адвокатов Казахстана"]


@pytest.mark.parametrize("text, named", [
    ("Жиынға Текелі, Үшарал және Сарқанд қалаларынан делегаттар келді.", ["Сарканд", "Текели", "Учарал"]),
    ("Жиынға Текеліден делегаттар келді.", ["Текели"]),
])
def test_a_kazakh_place_spelt_with_kazakh_letters_is_its_russian_entry(text, named):
    assert kazakh_places(text) == named


def test_a_kazakh_territorial_word_in_the_locative_names_no_body():
    assert kazakh_organisations("Қалада полиция бөлімі жаңа ғимаратқа көшті.") == []


@pytest.mark.parametrize("text", [
    "Сот оған 100 АЕК мөлшерінде айыппұл салды.",
    "Әкімшілік құқық бұзушылық үшін 50 АЕК айыппұл салынады, деп хабарлады прокуратура.",
])
def test_an_abbreviation_after_a_number_is_a_unit_not_an_organisation(text):
    assert "АЕК" not in kazakh_organisations(text)


def test_a_known_body_after_a_number_is_still_an_organisation():
    assert kazakh_organisations("Жиында 12 ҚТЖ қызметкері марапатталды.") == ["Қазақстан темір жолы"]


@pytest.mark.parametrize("text", [
    "Горняки Восточного Казахстана требуют повышения зарплат.",
    "Фермеры Северного Казахстана собрали хороший урожай.",
])
def test_a_side_of_the_country_is_not_the_country(text):
    assert places(text) == []


def test_the_country_after_another_adjective_is_the_country():
    assert places("Жители всего Казахстана проголосовали.") == ["Казахстан"]


@pytest.mark.parametrize("text, named", [
    ("Құрманғазы ауданындағы мектепте жиналыс өтті.", ["Құрманғазы ауданы"]),
    ("Жиынға Исатай ауданының тұрғындары келді. Олар Атырауда тұрады.", ["Атырау", "Исатай ауданы"]),
])
def test_a_kazakh_place_before_the_district_noun_is_the_district(text, named):
    assert kazakh_places(text) == named


def test_a_kazakh_region_is_still_its_region():
    assert kazakh_places("Жиынға Атырау облысының тұрғындары келді.") == ["Атырауская область"]


@pytest.mark.parametrize("text, body", [
    ("В Карагандинской области областной маслихат утвердил бюджет.", "маслихат Карагандинской области"),
    ("В Шымкенте городской маслихат собрался на сессию.", "маслихат Шымкента"),
    ("Павлодар облыстық мәслихатының кезекті сессиясы өтті.", "маслихат Павлодарской области"),
    ("Қостанай облысында облыстық мәслихаттың сессиясы өтті.", "маслихат Костанайской области"),
])
def test_a_maslikhat_is_the_gazetteer_maslikhat_of_its_region_or_city(text, body):
    found = kazakh_organisations(text) if "ә" in text else organisations(text)
    assert found == [body]


def test_a_generic_maslikhat_stays_as_written_when_no_region_is_named():
    assert kazakh_organisations("Атырауда облыстық мәслихаттың сессиясы өтті.") == ["облыстық мәслихат"]


def test_a_sentence_opening_noun_is_no_part_of_the_body_named_after_it():
    assert organisations("Сессию Павлодарского областного маслихата открыл секретарь.") == [
        "маслихат Павлодарской области"]


def test_a_company_opening_a_sentence_stays_an_organisation():
    assert "Сбербанк" in organisations("Сбербанк открыл новый офис в Астане.")


@pytest.mark.parametrize("text, body, language", [
    ("Прокуратура Жамбылской области проверила жалобы. По данным прокуратуры области, нарушений нет.",
     "прокуратура Жамбылской области", "ru"),
    ("Түркістан облысының прокуратурасы тексеру жүргізді. Облыс прокуратурасының мәліметінше, заң бұзылмаған.",
     "Түркістан облысының прокуратурасы", "kk"),
])
def test_a_generic_body_is_the_body_of_its_kind_named_in_full_before(text, body, language):
    found = analyse_kazakh(text) if language == "kk" else analyse_text(text)
    assert [(o["name"], o["mentions"]) for o in found["organizations"]] == [(body, 2)]


def test_two_bodies_of_one_kind_leave_the_generic_one_as_written():
    text = ("Управление образования Атырауской области и управление здравоохранения Атырауской области "
            "провели проверку. Управление области сообщило итоги.")
    assert "управление области" in organisations(text)


def test_every_plural_form_of_a_unit_noun_passes_the_stem_check():
    """The quick check before pymorphy (a word must begin as every form of the noun does)
    lets through each form that can only be plural («областях», «районов»)."""
    from sholu.nlp.coordinated import plural_unit

    for word in ("Областей", "областям", "областями", "областях", "районов", "Районам", "районами", "районах"):
        assert plural_unit(word) == ("область" if "обл" in word.lower() else "район")
    assert plural_unit("области") is None and plural_unit("облаках") is None


@pytest.mark.parametrize("text, body", [
    ("Жамбыл облыстық мәслихатының хатшысы жиынды ашты.", "маслихат Жамбылской области"),
    ("Солтүстік Қазақстан облысы мәслихатының депутаттары жиналды.", "маслихат Северо-Казахстанской области"),
    ("Шығыс Қазақстан облысы әкімдігінің өкілі жиынға келді.", "акимат Восточно-Казахстанской области"),
])
def test_a_kazakh_region_known_only_with_its_unit_stays_in_the_body(text, body):
    assert kazakh_organisations(text) == [body]


def test_a_kazakh_generic_body_is_the_one_named_in_full_in_russian_spelling():
    text = "Жамбыл облыстық мәслихатының хатшысы сессияны ашты. Облыстық мәслихат бюджетті бекітті."
    assert kazakh_organisations(text) == ["маслихат Жамбылской области"]


def test_a_lower_case_word_before_a_kazakh_unit_is_no_region():
    assert kazakh_organisations("Жаңа облыстық мәслихаттың хатшысы жиынды ашты.") == ["облыстық мәслихат"]


@pytest.mark.parametrize("text, body", [
    ("Начальник отдела образования, физической культуры и спорта Жамбылского района выступил на сессии.",
     "отдел образования, физической культуры и спорта Жамбылского района"),
    ("Сотрудники управления пассажирского транспорта и автомобильных дорог Павлодарской области проверили мост.",
     "управление пассажирского транспорта и автомобильных дорог Павлодарской области"),
    ("Как сообщили в департаменте по чрезвычайным ситуациям Павлодарской области, паводок прошёл.",
     "департамент по чрезвычайным ситуациям Павлодарской области"),
])
def test_a_local_body_keeps_a_long_complement_up_to_its_unit(text, body):
    assert body in organisations(text)


def test_a_comma_before_a_second_body_ends_the_complement():
    found = organisations("Представители отдела образования, акимата района и полиции проверили школы.")
    assert not any("акимат" in name and "отдел" in name for name in found)


def test_a_remit_after_a_maslikhat_belongs_to_its_commission():
    found = organisations("Члены постоянной комиссии областного маслихата по вопросам экологии собрались.")
    assert not any("по вопросам" in name and "маслихат" in name for name in found)


def test_a_kazakh_body_holds_the_object_of_its_verbal_noun():
    text = "Жамбыл облысы әкімдігінің жұмыспен қамтуды үйлестіру және әлеуметтік бағдарламалар басқармасы хабарлады."
    assert kazakh_organisations(text) == [
        "Жамбыл облысы әкімдігінің жұмыспен қамтуды үйлестіру және әлеуметтік бағдарламалар басқармасы"]


@pytest.mark.parametrize("text, districts", [
    ("Жители Жангалинского и Акжаикского районов получат воду.", ["Акжаикский район", "Жангалинский район"]),
    ("В Жангалинском и Акжаикском районах отремонтируют школы.", ["Акжаикский район", "Жангалинский район"]),
])
def test_districts_sharing_one_noun_are_each_a_district_though_the_gazetteer_lacks_them(text, districts):
    assert places(text) == districts


def test_quality_adjectives_sharing_a_district_noun_name_no_district():
    assert "Новый район" not in places("Жителей переселяют из старых в новые районы.")


def test_a_complement_that_names_an_akimat_leaves_the_unit_to_it():
    text = "Руководитель отдела экономики и бюджетного планирования акимата города Павлодара выступил."
    assert organisations(text) == ["акимат города Павлодара"]


def test_a_generic_akimat_is_the_akimat_of_the_region_a_body_is_named_by():
    text = ("Председатель Павлодарского областного филиала Союза юристов Ержан Ахметов рассказал о реформе. "
            "Областной акимат выделил средства.")
    assert "акимат Павлодарской области" in organisations(text)


def test_a_generic_akimat_stays_as_written_when_bodies_name_two_regions():
    text = ("Депутаты Павлодарского областного маслихата и Карагандинского областного маслихата встретились. "
            "Областной акимат выделил средства.")
    assert "Областной акимат" in organisations(text)


def test_a_generic_body_is_the_one_that_opens_with_its_words_before_a_region():
    text = ("В управлении образования Павлодарской области сообщили о проверке. "
            "Областное управление образования проверит школы.")
    assert organisations(text) == ["управление образования Павлодарской области"]


def test_a_kazakh_generic_akimat_is_that_of_the_region_its_maslikhat_names():
    text = "Жамбыл облыстық мәслихатының депутаты Серік Әбенов келді. Облыс әкімдігі қаржы бөлді."
    assert kazakh_organisations(text) == ["акимат Жамбылской области", "маслихат Жамбылской области"]


def test_a_body_noun_before_a_named_service_of_a_region_is_one_body():
    text = "В департаменте полиции Павлодарской области сообщили о задержании."
    assert organisations(text) == ["департамент полиции Павлодарской области"]
