"""Kazakh articles through the whole pipeline into a real SQLite file (the kk pack: CRF
NER, nominative names, gazetteer places, verb-final quotes, dates, search), the
`sholu ner` command, and the quality gate on the Kazakh gold articles."""
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURES, export_records, run_into
from sholu.cli import main
from sholu.lang import pack_for
from sholu.nlp.dates import find_dates
from sholu.nlp.kazakh import analyse_kazakh, case_stripped
from sholu.quotes import extract_quotes
from sholu.topics import CONFIDENT, classify_paragraphs
from sholu.store import open_store
from sholu.store.search import parse_query

KAZAKH = FIXTURES / "kazakh"
BENCH = Path(__file__).resolve().parents[1] / "bench"
BASELINE = json.loads((BENCH / "kazakh_baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("kazakh") / "kazakh.db"
    summary = run_into(path, KAZAKH)
    assert summary.errors == []
    return path


@pytest.fixture(scope="module")
def records(db) -> dict[str, dict]:
    return {Path(r["source"]).name: r for r in export_records(db)}


def names(record: dict, field: str) -> set[str]:
    return {item["name"] for item in record[field]}


# -- the pipeline on Kazakh articles ----------------------------------------------------------

def test_kazakh_articles_run_every_stage(records):
    for name, record in records.items():
        assert record["language"] == ("ru" if name.startswith("ru_") else "kk")
        assert record["skipped_stages"] == []


def test_names_come_out_in_the_nominative_from_any_case_form(records):
    temirtau = records["kk_temirtau.txt"]
    assert names(temirtau, "persons") == {"Нұрлан Әбілқасымов", "Айгүл Жақсылықова"}
    person = next(p for p in temirtau["persons"] if p["name"] == "Нұрлан Әбілқасымов")
    mentioned = {temirtau["text"][s:e] for s, e in person["spans"]}
    assert "Әбілқасымовқа" in mentioned            # the dative surname is the same person
    assert any("әкімі" in position for position in person["positions"])


def test_a_person_in_kazakh_and_in_russian_shares_one_entity_id(records):
    kazakh = {p["name"]: p["entity_id"] for p in records["kk_aktobe.txt"]["persons"]}
    russian = {p["name"]: p["entity_id"] for p in records["ru_aktobe.txt"]["persons"]}
    assert kazakh["Қасым-Жомарт Тоқаев"] == russian["Касым-Жомарт Токаев"]


def test_places_and_organisations_become_the_gazetteers_entries(records):
    assert names(records["kk_aktobe.txt"], "places") == {"Актюбинская область", "Актобе"}
    assert "Темиртау" in names(records["kk_temirtau.txt"], "places")          # from «Теміртау қаласының»
    astana = records["kk_astana.txt"]
    assert names(astana, "places") == {"Астана"}
    assert {"КазМунайГаз", "Министерство труда и социальной защиты населения"} <= names(astana, "organizations")
    place = astana["places"][0]
    assert place["region"] and place["lat"] is not None


def test_quotes_in_kazakh_have_their_speakers(records):
    quotes = {(q["kind"], q["speaker"]) for r in records.values() if r["language"] == "kk" for q in r["quotes"]}
    assert ("direct", "Нұрлан Әбілқасымов") in quotes        # «…», – деп атап өтті Әбілқасымов
    assert ("indirect", "Айгүл Жақсылықова") in quotes       # … ашатынын айтты
    assert ("indirect", "Қасым-Жомарт Тоқаев") in quotes     # Тоқаевтың айтуынша, …
    assert ("direct", "Қасым-Жомарт Тоқаев") in quotes       # – деді Мемлекет басшысы (a role noun)


def test_kazakh_dates_resolve(records):
    assert [d["date"] for d in records["kk_temirtau.txt"]["dates"]] == ["2026-02-20"]


def test_kazakh_seed_terms_give_themes(records):
    assert "economy" in {t["topic"] for t in records["kk_aktobe.txt"]["topics"]}   # шағын және орта бизнес


@pytest.mark.parametrize("text, expected", [
    ("Сайлау наурыздың 22-сі күні өтеді.", ["2026-03-22"]),
    ("Заң 2025 жылғы желтоқсанның 3-інде қабылданды.", ["2025-12-03"]),
    ("Кеше комиссия жиналды, ертең шешім жарияланады.", ["2026-03-09", "2026-03-11"]),
])
def test_kazakh_dates_of_every_order(text, expected):
    assert [d["date"] for d in find_dates(text, "2026-03-10")] == expected


def test_search_finds_kazakh_word_forms_and_russian_ones_alike(db, records):
    store = open_store(str(db))
    try:
        def hits(query):
            return {Path(hit["source"]).name for hit in store.search(parse_query(query), {}, 50, 0)[0]}
        assert "kk_astana.txt" in hits("Конституцияға")       # the text has «Конституцияның»
        assert {"kk_aktobe.txt", "ru_aktobe.txt"} <= hits("Ақтөбеде") | hits("Актобе")
        # a surname in either script finds both: Тоқаевқа ~ Токаеву
        assert {"kk_aktobe.txt", "ru_aktobe.txt"} <= hits("Тоқаевқа") & hits("Токаеву")
        # so does a first name: Қасым-Жомарттың ~ Касым-Жомарт
        assert {"kk_aktobe.txt", "ru_aktobe.txt"} <= hits("Қасым-Жомарттың") & hits("Касым-Жомарт")
    finally:
        store.close()


# -- rules on sentences of their own --------------------------------------------------------

def test_a_surname_before_another_name_is_two_people():
    text = "Министр Дәулет Қасенов кеше келді. Қасенов Тоқаевқа хат жазды."
    found = analyse_kazakh(text)
    assert "Дәулет Қасенов" in {p["name"] for p in found["persons"]}
    assert all("Қасенов Тоқаев" != p["name"] for p in found["persons"])


def test_a_first_name_and_patronymic_addresses_the_person_of_that_first_name():
    text = ("Сенат депутаты Асқар Бекенов журналистерге сұхбат берді. – Асқар Нұрланұлы, заң қашан "
            "қабылданады? – Көктемде қабылданады, – деді ол.")
    assert [(p["name"], p["mentions"]) for p in analyse_kazakh(text)["persons"]] == [("Асқар Бекенов", 2)]
    two = ("Сенат депутаттары Асқар Бекенов пен Асқар Темірханов журналистерге сұхбат берді. "
           "– Асқар Нұрланұлы, заң қашан қабылданады?")
    assert len(analyse_kazakh(two)["persons"]) == 3        # which Асқар is not said


@pytest.mark.parametrize("text, person", [
    ("Эфирде ауыл әкімі Бақыт Жұмабаев. Бақыт Асқарұлы, көпір қашан жөнделеді?", "Бақыт Жұмабаев"),
    ("Бүгін студияда дәрігер Жұлдыз Қасымова отыр. Жұлдыз Серікқызы, вакцина қауіпсіз бе?", "Жұлдыз Қасымова"),
    ("Хабарға мұғалім Ерлік Сапаров қатысты. Ерлік Маратұлы, оқулықтар жеткілікті ме?", "Ерлік Сапаров"),
])
def test_a_first_name_that_is_also_a_word_opening_an_address_is_still_a_first_name(text, person):
    """A first name that is a common word too (бақыт, жұлдыз, ерлік) opening the sentence
    stays with the patronymic after it: a patronymic alone is nobody's name."""
    assert [p["name"] for p in analyse_kazakh(text)["persons"]] == [person]


def test_a_common_noun_opening_a_sentence_before_a_surname_stays_out_of_the_name():
    found = analyse_kazakh("Журналист Асқар Бекенов келді. Шахтерлер Бекеновқа хат жазды.")
    assert [p["name"] for p in found["persons"]] == ["Асқар Бекенов"]


def test_a_title_before_a_name_is_its_position_with_its_qualifiers():
    found = analyse_kazakh("Ауыл шаруашылығы министрі Бауыржан Оспанов фермерлермен кездесті.")
    assert [(p["name"], p["positions"]) for p in found["persons"]] == [
        ("Бауыржан Оспанов", ["Ауыл шаруашылығы министрі"])]


def test_the_place_a_title_names_is_a_place_of_the_article():
    found = analyse_kazakh("Павлодар облысының әкімі Асқар Жұмабаев жиналыста сөйледі.")
    assert "Павлодарская область" in {p["name"] for p in found["places"]}


def test_a_title_opening_a_sentence_before_an_oblique_name_is_not_its_position():
    found = analyse_kazakh("Министр Оспановқа хат жазды.")
    assert all("Министр" not in p["positions"] for p in found["persons"])


@pytest.mark.parametrize("text, kind", [
    ("Дәрігер Гүлжан Серікова: «Емхана жаңа құрылғылар алады», – деді.", "direct"),
    ("Дәрігер Гүлжан Серікова «Емхана жаңа құрылғылар алады» деп атап өтті.", "direct"),
    ("«Емхана жаңа құрылғылар алады», – деді Гүлжан Серікова.", "direct"),
    ("Гүлжан Серікова емхана жаңа құрылғылар алады деп мәлімдеді.", "indirect"),
    ("Гүлжан Серікова атап өткендей, емхана жаңа құрылғылар алады.", "indirect"),
    ("Гүлжан Серікованың айтуынша, емхана жаңа құрылғылар алады.", "indirect"),
    ("Гүлжан Серікова емхана жаңа құрылғылар алады деп санайды.", "indirect"),     # thinks
    ("Гүлжан Серікова емхана жаңа құрылғылар алады деп ойлайды.", "indirect"),
    ("Гүлжан Серікова емхана жаңа құрылғылар алады деп еске салды.", "indirect"),   # reminded
])
def test_kazakh_speech_forms_give_the_quote_and_its_speaker(text, kind):
    start = text.index("Гүлжан")
    persons = [{"name": "Гүлжан Серікова", "entity_id": "per-2", "spans": [[start, start + 15]]}]
    (quote,) = extract_quotes(text, persons, pack_for("kk"))
    assert (quote["kind"], quote["speaker"]) == (kind, "Гүлжан Серікова")
    assert "құрылғылар алады" in quote["text"]


def test_speech_before_its_verb_is_a_quote():
    text = "Депутат Мадина Оспанова ауылға жаңа мектеп салынатынын мәлімдеді."
    start = text.index("Мадина")
    persons = [{"name": "Мадина Оспанова", "entity_id": "per-1", "spans": [[start, start + 15]]}]
    (quote,) = extract_quotes(text, persons, pack_for("kk"))
    assert (quote["kind"], quote["speaker"], quote["verb"]) == ("indirect", "Мадина Оспанова", "мәлімде")
    assert quote["text"] == "ауылға жаңа мектеп салынатынын"


def test_a_quoted_name_with_no_verb_after_it_is_no_quote():
    text = "Ол «Болашақ» бағдарламасының түлегі, қазір мектепте сабақ береді."
    assert extract_quotes(text, [], pack_for("kk")) == []


# -- sholu ner --------------------------------------------------------------------------------

def test_ner_command_tags_a_conll_file(tmp_path):
    source = tmp_path / "in.conll"
    source.write_text("BID77 O\nКеше O\nАлматыда O\nСәуле O\nНұрланова O\nсөз O\nсөйледі O\n. O\n\n"
                      "Тоқаев\nкелді\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["ner", "--lang", "kk", "--conll", str(source), str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    lines = (tmp_path / "out").read_text(encoding="utf-8").split("\n")
    assert lines[0] == "BID77 O O"                          # the id line is kept, tagged O
    tags = {line.split()[0]: line.split()[-1] for line in lines if line}
    assert tags["Алматыда"] == "B-GPE"
    assert (tags["Сәуле"], tags["Нұрланова"]) == ("B-PERSON", "I-PERSON")
    assert tags["Тоқаев"] == "B-PERSON" and tags["сөйледі"] == "O"


def test_ner_command_reads_russian_with_natasha(tmp_path):
    source = tmp_path / "in.conll"
    source.write_text("Премьер\nОлжас\nБектенов\nприехал\nв\nШымкент\n.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["ner", "--lang", "ru", "--conll", str(source), "-"])
    assert result.exit_code == 0, result.output
    tags = [line.split()[-1] for line in result.output.strip().split("\n")]
    assert tags == ["O", "B-PERSON", "I-PERSON", "O", "O", "B-GPE", "O"]


# -- the gate -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def gold_scores():
    sys.path.insert(0, str(BENCH))
    import eval_gold

    gold = json.loads((FIXTURES / "gold" / "kazakh.json").read_text(encoding="utf-8"))["documents"]
    return eval_gold.evaluate(gold, KAZAKH)[0]


@pytest.mark.parametrize("field", ["persons", "organizations", "places", "dates"])
def test_kazakh_entities_hold_the_baseline(gold_scores, field):
    assert gold_scores[field]["f1"] >= BASELINE[field]


@pytest.mark.parametrize("figure", ["recall", "precision_people", "speaker_right", "kind_right"])
def test_kazakh_quotes_hold_the_baseline(gold_scores, figure):
    assert gold_scores["quotes"][figure] >= BASELINE["quotes"][figure]


def test_a_body_that_reports_speech_is_the_speaker_to_the_end_of_its_name():
    text = "Кеше Орталық сайлау комиссиясы дауыс беру 15 наурызда өтетінін мәлімдеді."
    found = analyse_kazakh(text)
    [quote] = extract_quotes(text, found["persons"], pack_for("kk"), found["organizations"])
    assert (quote["speaker"], quote["speaker_type"]) == ("Орталық сайлау комиссиясы", "organization")
    assert quote["text"] == "дауыс беру 15 наурызда өтетінін"



def kazakh_quotes(text: str) -> list[dict]:
    found = analyse_kazakh(text)
    return extract_quotes(text, found["persons"], pack_for("kk"), found["organizations"])


@pytest.mark.parametrize("text, speaker", [
    ("Министрліктің баспасөз қызметінің хабарлауынша, жаңа ереже шілдеде күшіне енеді.",
     "министрліктің баспасөз қызметі"),
    ("Кеше әкімдіктің баспасөз қызметі қалада жаңа саябақ ашылатынын хабарлады.", "әкімдіктің баспасөз қызметі"),
    ("Денсаулық сақтау министрлігінің баспасөз қызметінің хабарлауынша, емханаларға жаңа құрылғылар келеді.",
     "Денсаулық сақтау министрлігінің баспасөз қызметі"),
    ("Компания ауылдағы зауыт келесі жылы ашылатынын мәлімдеді.", "компания"),
])
def test_a_body_heading_a_kazakh_phrase_is_the_speaker_in_the_nominative(text, speaker):
    [quote] = kazakh_quotes(text)
    assert (quote["speaker"], quote["speaker_type"]) == (speaker, "organization")
    assert not quote["text"].lower().startswith(speaker.split()[0].lower())


def test_a_short_name_of_a_body_is_the_longer_one_written_before():
    text = ("Облыстық денсаулық сақтау басқармасының баспасөз қызметіне сілтеме жасап хабарланды. "
            "Баспасөз қызметінің хабарлауынша, биыл үш жаңа емхана салынады.")
    [quote] = kazakh_quotes(text)
    assert quote["speaker"] == "облыстық денсаулық сақтау басқармасының баспасөз қызметі"


def test_a_person_subject_keeps_a_body_noun_after_it_in_the_content():
    text = "Мұрат Әлиев партия барлық өңірлерде кандидат ұсынатынын мәлімдеді."
    [quote] = kazakh_quotes(text)
    assert quote["speaker"] == "Мұрат Әлиев" and quote["text"].startswith("партия барлық")

# -- case endings after a possessive --------------------------------------------------------

@pytest.mark.parametrize("form, nominative", [
    ("қызметінде", "қызметі"), ("министрлігінде", "министрлігі"), ("министрлігімен", "министрлігі"),
    ("облысына", "облысы"), ("облысынан", "облысы"), ("облысын", "облысы"), ("федерациясының", "федерациясы"),
    ("коалициясында", "коалициясы"), ("кәсіподағындағы", "кәсіподағы"),
    ("тұрғында", "тұрғын"), ("Астанада", "Астана"), ("Алматыда", "Алматы"),   # no possessive here
])
def test_a_case_ending_after_the_possessive_leaves_the_possessive(form, nominative):
    assert case_stripped(form) == nominative


def test_an_organisation_named_in_the_locative_keeps_its_possessive():
    found = analyse_kazakh("Депутаттар Ұлттық экономика министрлігінде кездесу өткізді.")
    assert all(not o["name"].endswith("министрлігін") for o in found["organizations"])
    assert found["organizations"]


# -- titles with a possessive ---------------------------------------------------------------

@pytest.mark.parametrize("text, name, position", [
    ("Зауыттың аға инженері Болат Сейітов жұмысшылармен сөйлесті.", "Болат Сейітов", "Зауыттың аға инженері"),
    ("Шахтерлер кәсіподағының төрайымы Гүлнар Омарова мәлімдеме жасады.", "Гүлнар Омарова",
     "Шахтерлер кәсіподағының төрайымы"),
    ("Сайлау комиссиясының мүшесі Ерлан Қасымов сөйледі.", "Ерлан Қасымов", "Сайлау комиссиясының мүшесі"),
    ("Қызылорда облысы әкімінің орынбасары Нұрлан Бекұлы жиналысқа қатысты.", "Нұрлан Бекұлы",
     "Қызылорда облысы әкімінің орынбасары"),
])
def test_a_title_in_the_possessive_is_a_position_with_the_body_it_belongs_to(text, name, position):
    assert [(p["name"], p["positions"]) for p in analyse_kazakh(text)["persons"]] == [(name, [position])]


# -- Kazakh seed terms of every theme -------------------------------------------------------

@pytest.mark.parametrize("theme, sentence", [
    ("labour_rights", "Кәсіподақ жұмыс берушіден жалақы берешегін өтеуді талап етті."),
    ("social_guarantees", "Үкімет зейнеткерлерге базалық зейнетақы мен жәрдемақы мөлшерін көтереді."),
    ("environment", "Қаладағы ауаның ластануы мен қалдықтарды қайта өңдеу мәселесі талқыланды."),
    ("rule_of_law", "Сыбайлас жемқорлыққа қарсы күрес пен соттардың тәуелсіздігі күшейтіледі."),
    ("legal_reform", "Депутаттар заң жобасын бірінші оқылымда мақұлдап, заңнаманы жетілдіруді ұсынды."),
    ("digital_rights", "Азаматтардың дербес деректерін қорғау және киберқауіпсіздік мәселесі көтерілді."),
    ("sovereignty", "Мемлекеттік егемендікті қорғау мен шекараға қол сұқпаушылық – басты міндет."),
    ("economy", "Инфляция мен бағаның өсуі жұмыспен қамту мен шағын бизнеске әсер етті."),
    ("elections", "Кандидаттарды тіркеу аяқталып, сайлауалды үгіт басталды."),
    ("referendum_participation", "Референдум күні азаматтар дауыс беруге белсенді қатысты."),
    ("interethnic_unity", "Этносаралық татулық пен қоғамдық келісім – халықтар достығының негізі."),
    ("constitutional_court", "Азаматтар Конституциялық Сотқа тікелей жүгіне алады."),     # «сот» in a case form
])
def test_a_kazakh_sentence_gets_its_theme_first_and_confidently(theme, sentence):
    best = classify_paragraphs(sentence)[0]["topics"][0]
    assert best["topic"] == theme and best["score"] >= CONFIDENT


@pytest.mark.parametrize("sentence", ["Тұрғындар жаңа Конституция жобасын талқылады.",
                                      "Жители обсудили проект новой Конституции."])
def test_the_draft_constitution_alone_is_no_legal_reform_in_either_language(sentence):
    assert all(t["topic"] != "legal_reform" for t in classify_paragraphs(sentence)[0]["topics"])


# -- Kazakh names of state bodies, parties and companies ------------------------------------

def organisations(text: str) -> list[tuple[str, int]]:
    return [(o["name"], o["mentions"]) for o in analyse_kazakh(text)["organizations"]]


@pytest.mark.parametrize("text, body", [
    ("Денсаулық сақтау министрлігінде кеңес өтті.", "Министерство здравоохранения"),
    ("Мәселе Денсаулық сақтау министрлігімен келісілді.", "Министерство здравоохранения"),
    ("Бюджет Ұлттық экономика министрлігінде талқыланды.", "Министерство национальной экономики"),
    ("Ақпаратты Ішкі істер министрлігі растады.", "Министерство внутренних дел"),
    ("Брифинг Орталық коммуникациялар қызметінде өтті.", "Служба центральных коммуникаций"),
    ("Мемлекет басшысы Президент Әкімшілігінде кеңес өткізді.", "Администрация Президента"),
    ("ҚР Ұлттық Банкі базалық мөлшерлемені өзгертпеді.", "Национальный банк Республики Казахстан"),
    ("Қазақстан халық партиясы депутаттары сұрау салды.", "Народная партия Казахстана"),
    ("«Атамекен» Ұлттық кәсіпкерлер палатасы кәсіпкерлерді қолдайды.",
     "Национальная палата предпринимателей «Атамекен»"),
    ("Жалпыұлттық коалиция мүшелері жиналды.",
     "Общенациональная коалиция «За Народную Конституцию Справедливого и Прогрессивного Казахстана!»"),
])
def test_a_kazakh_name_of_a_body_is_its_gazetteer_entry(text, body):
    assert organisations(text) == [(body, 1)]


def test_the_country_before_a_body_is_part_of_its_name():
    found = analyse_kazakh("Қазақстан Республикасы Кәсіподақтар федерациясы үндеу жариялады.")
    assert [o["name"] for o in found["organizations"]] == ["Федерация профсоюзов Республики Казахстан"]
    assert found["places"] == []


def test_an_abbreviation_and_the_full_name_are_one_company():
    text = ("ҚТЖ жолаушылар тасымалын арттырады. «Қазақстан темір жолы» ұлттық компаниясы жаңа вагондар "
            "сатып алды.")
    assert organisations(text) == [("Қазақстан темір жолы", 2)]


def test_another_countrys_government_is_not_kazakhstans():
    assert all(name != "Правительство" for name, _ in organisations("Ресей Үкіметі жаңа шешім қабылдады."))


def test_every_ministry_and_regional_akimat_has_its_kazakh_name():
    from sholu.nlp.gazetteer import shipped_entries

    bodies = [e for e in shipped_entries()
              if e.name.startswith("Министерство") or (e.name.startswith("акимат") and e.name.endswith("области"))]
    assert len(bodies) == 22 + 17            # ministries (the AI one with the digital one), regions
    for entry in bodies:
        assert any(v.endswith(("министрлігі", "әкімдігі")) for v in entry.variants), entry.name


def test_the_outlet_reporting_a_story_is_not_part_of_the_body_after_it():
    text = "Саябақ ашылды, деп хабарлайды Kazinform қала әкімдігінің баспасөз қызметіне сілтеме жасап."
    names = [name for name, _ in organisations(text)]
    assert "Kazinform" not in " ".join(names) and any(name.startswith("қала әкімдігі") for name in names)


def test_an_outlets_own_name_with_its_kind_stays_whole():
    assert organisations("Kazinform агенттігінің тілшісі жиынға қатысты.") == [("Kazinform агенттігі", 1)]


@pytest.mark.parametrize("text, body", [
    # the gazetteer knows the body by the words after its quoted name
    ("Жиын «Әділетті және прогрессивті Қазақстанның Халықтық Конституциясы үшін» жалпыұлттық "
     "коалициясының бастамасымен өтті.",
     "Общенациональная коалиция «За Народную Конституцию Справедливого и Прогрессивного Казахстана!»"),
    ("Стипендияны «Жарқын болашақ» қоғамдық қоры тағайындады.", "Жарқын болашақ"),     # a name it lacks
    ("«Ертіс жарығы» зауытының жұмысшылары жиналды.", "Ертіс жарығы"),
])
def test_a_quoted_name_before_a_bodys_kind_is_an_organisation(text, body):
    assert body in [name for name, _ in organisations(text)]


def test_a_quoted_title_of_a_programme_is_no_organisation():
    assert organisations("Ол «Жарқын болашақ» бағдарламасының түлегі.") == []


def test_a_bodys_press_service_after_its_name_is_the_speaker():
    [quote] = kazakh_quotes("Маңғыстау облыстық сотының баспасөз қызметі апелляция қаралғанын хабарлады.")
    assert quote["speaker"].endswith("сотының баспасөз қызметі") and quote["text"] == "апелляция қаралғанын"


@pytest.mark.parametrize("text, position", [
    ("Делегация басшысы, Бішкектен келген Асан Исаев, сайлау ашық өткенін айтты.", ["Делегация басшысы"]),
    ("Ол, Бішкектен келген Асан Исаев, сайлау ашық өткенін айтты.", []),     # no title before the clause
    ("Ауылдан келген Асан Исаев сөз сөйледі.", []),
])
def test_a_title_before_a_participle_clause_is_the_position_of_the_name_after_it(text, position):
    [person] = analyse_kazakh(text)["persons"]
    assert person["positions"] == position


@pytest.mark.parametrize("text, person", [
    # a bracket, a guillemet or a colon alone before a name: the title check met an empty word
    ("ЖҮРГІЗУШІ (Дана Омарова): Қайырлы кеш, құрметті тыңдармандар!", "Дана Омарова"),
    ("Баяндама (Марат Сейтов) бір сағатқа созылды.", "Марат Сейтов"),
])
def test_punctuation_alone_before_a_name_is_read_not_fatal(text, person):
    assert person in [p["name"] for p in analyse_kazakh(text, "2026-03-02", None)["persons"]]


def test_a_post_stamp_line_does_not_run_into_the_sentence_below_it():
    """The tagger reads each line's sentences: a stamp kept above a post (12d class 7) is no
    part of the post's first sentence, whose first word is still a place."""
    found = analyse_kazakh("📢 08.05.2026, 11:05\n\nШымкент қаласының әкімі Асқар Серікұлы жаңа мектепті аралады.",
                           "2026-05-08")
    assert "Шымкент" in {place["name"] for place in found["places"]}
