"""Kazakh quote speakers and positions of the classes unseen-2026-12c showed (sentences of
our own): a subject phrase that opens on a body or a place and ends in a title and a
name, a speaker written with an initial, one name in two spellings, a body phrase that
never reaches into the sentence before, verbs and clauses of reported speech, agent
nouns as titles."""
from __future__ import annotations

import pytest

from sholu.lang import pack_for
from sholu.nlp.kazakh import analyse_kazakh
from sholu.quotes import extract_quotes


def kazakh_quotes(text: str) -> list[dict]:
    found = analyse_kazakh(text)
    return extract_quotes(text, found["persons"], pack_for("kk"), found["organizations"])


@pytest.mark.parametrize("text, speaker, content", [
    ("Ақтөбе облыстық ауруханасының бас дәрігері Ерлан Сейітов биыл науқастар саны азайғанын мәлімдеді.",
     "Ерлан Сейітов", "биыл науқастар"),
    ("Федерация үйлестірушісі Ләззат Омарова жарыс көктемде Шымкентте өтетінін айтты.",
     "Ләззат Омарова", "жарыс көктемде"),
    ("Федерация құрамына кіретін «Жасыл өлке» экологиялық қорының заңгері Берік Сұлтанов зауыт "
     "шығарындылары былтыр артқанын айтты.", "Берік Сұлтанов", "зауыт шығарындылары"),
])
def test_a_subject_opening_on_a_body_or_place_is_the_titled_person_it_leads_to(text, speaker, content):
    [quote] = kazakh_quotes(text)
    assert (quote["speaker"], quote["speaker_type"]) == (speaker, "person")
    assert quote["text"].startswith(content)


def test_a_person_subject_keeps_a_titled_name_in_the_content():
    text = "Айгерім Серікова облыс әкімі Марат Жақыпов жиынға келмегенін айтты."
    [quote] = kazakh_quotes(text)
    assert quote["speaker"] == "Айгерім Серікова" and quote["text"].startswith("облыс әкімі Марат Жақыпов")


def test_a_body_subject_with_no_titled_name_after_it_stays_the_speaker():
    text = "Коалиция учаскелердің жартысында бақылаушылар болмағанын мәлімдеді."
    [quote] = kazakh_quotes(text)
    assert quote["speaker_type"] == "organization" and quote["text"].startswith("учаскелердің")


@pytest.mark.parametrize("quote", [
    "«Біз барлық деректерді прокуратураға тапсырдық», – деді М. Жұмабеков.",
    "«Келесі жылы жаңа мектеп ашылады», – деп атап өтті М. Жұмабеков.",
])
def test_a_speaker_written_with_an_initial_is_the_person_in_full(quote):
    text = "Қор төрағасы Мәди Жұмабеков баспасөз мәслихатын өткізді. " + quote
    found = analyse_kazakh(text)
    assert [p["name"] for p in found["persons"]] == ["Мәди Жұмабеков"] and not found["organizations"]
    direct = [q for q in kazakh_quotes(text) if q["kind"] == "direct"]
    assert [(q["speaker"], q["speaker_type"]) for q in direct] == [("Мәди Жұмабеков", "person")]


def test_an_initial_of_another_first_name_is_not_that_person():
    text = ("Қор төрағасы Мәди Жұмабеков баспасөз мәслихатын өткізді. "
            "«Біз барлық деректерді прокуратураға тапсырдық», – деді Д. Жұмабеков.")
    assert [p["name"] for p in analyse_kazakh(text)["persons"]] == ["Мәди Жұмабеков"]


@pytest.mark.parametrize("text, name", [
    ("Агенттік төрағасы Дархан Жазықбаев жиында сөйледі. Кейін Дархан Жазыкбаев журналистердің сұрақтарына "
     "жауап берді.", "Дархан Жазықбаев"),
    ("Ғалия Сәрсенбаева мектепке барды. Сұхбатында Галия Сарсенбаева жаңа оқулықтар туралы айтты.",
     "Ғалия Сәрсенбаева"),
])
def test_one_name_in_kazakh_and_russian_spelling_is_one_person(text, name):
    persons = analyse_kazakh(text)["persons"]
    assert [(p["name"], p["mentions"]) for p in persons] == [(name, 2)]


def test_two_people_whose_names_differ_by_more_than_spelling_stay_two():
    text = "Дархан Жазықбаев жиында сөйледі. Дархан Жақыпов журналистердің сұрақтарына жауап берді."
    assert len(analyse_kazakh(text)["persons"]) == 2


def test_a_body_named_in_short_never_takes_words_of_the_sentence_before():
    text = ("Кеше Алматыда азаматтық форум өтті. Коалиция 200 учаскеде байқау жүргізді. "
            "Коалиция сайлау учаскелерінде ұзын кезек болғанын мәлімдеді.")
    quote = kazakh_quotes(text)[-1]
    assert quote["speaker_type"] == "organization" and "." not in quote["speaker"]


@pytest.mark.parametrize("text, speaker", [
    ("Әсел Қанатова Шымкенттегі №12 мектепте 15 жыл бойы тарихтан сабақ береді. «Балалар тарихқа қызығады», "
     "– дейді Әсел Қанатова.\nҰстаздың пікірінше, оқулықтар жыл сайын жаңарып отыруы тиіс.", "Әсел Қанатова"),
    ("Марат Серіков Тараздағы колледжде 20 жыл бойы физикадан сабақ береді. «Жас мамандар ауылға бармайды», "
     "– дейді Марат Серіков.\nПедагогтың айтуынша, колледждерде зертханалар жетіспейді.", "Марат Серіков"),
])
def test_a_teacher_named_by_a_role_noun_is_the_person_the_paragraph_named(text, speaker):
    quote = kazakh_quotes(text)[-1]
    assert quote["kind"] == "indirect" and (quote["speaker"], quote["speaker_type"]) == (speaker, "person")


@pytest.mark.parametrize("text, content", [
    ("Бекзат Нұрланов жаңа заңды қолдайтынын, бірақ оның орындалуына күмәнданатынын жасырмады.", "жаңа заңды"),
    ("Облыс әкімі Серік Омаров жол жөндеу жұмыстары кешігіп жатқанын жасырмайды.", "жол жөндеу"),
])
def test_did_not_hide_that_reports_what_was_admitted(text, content):
    [quote] = kazakh_quotes(text)
    assert quote["speaker_type"] == "person" and quote["text"].startswith(content)


def test_hiding_something_is_no_statement():
    assert kazakh_quotes("Бекзат Нұрланов сұхбат кезінде өз пікірін жасырды.") == []


@pytest.mark.parametrize("text, speaker, content", [
    ("Тұрғындар жаңа тарифтер күзде қайта қаралатындарын айтты.", "тұрғындар", "жаңа тарифтер"),
    ("Дәрігерлер жаңа емхананың құрылысы жыл соңына дейін аяқталатындарын атап өтті.", "дәрігерлер", "жаңа емхананың"),
])
def test_a_plural_clause_made_a_noun_is_reported_speech(text, speaker, content):
    [quote] = kazakh_quotes(text)
    assert (quote["speaker"].lower(), quote["speaker_type"]) == (speaker, "group")
    assert quote["text"].startswith(content)


@pytest.mark.parametrize("text, name, position", [
    ("Акция үйлестірушісі Сәуле Әлиева журналистерге сұхбат берді.", "Сәуле Әлиева", "Акция үйлестірушісі"),
    ("Жоба ұйымдастырушысы Нұрлан Бекетов қонақтарды қарсы алды.", "Нұрлан Бекетов", "Жоба ұйымдастырушысы"),
])
def test_an_agent_noun_before_a_name_is_a_position(text, name, position):
    assert [(p["name"], p["positions"]) for p in analyse_kazakh(text)["persons"]] == [(name, [position])]


def test_many_doers_before_a_name_are_no_position():
    assert analyse_kazakh("Оқушылар Айгерім Серікованы құттықтады.")["persons"][0]["positions"] == []


# -- opinion and persuasion frames (unseen-2026-12d class 8) ----------------------------------

@pytest.mark.parametrize("text, speaker, content", [
    ("Депутат Нұрлан Әбдіров салық мөлшерлемесін азайту керек деген пікірде.",
     "Нұрлан Әбдіров", "салық мөлшерлемесін азайту керек"),
    ("Экономист Бауыржан Төлеуов бағаның өсуі биыл тоқтамайды деп есептейді.",
     "Бауыржан Төлеуов", "бағаның өсуі биыл тоқтамайды"),
    ("Әкім Ерболат Жұмабеков көпір құрылысы күзге дейін бітетініне сендірді.",
     "Ерболат Жұмабеков", "көпір құрылысы күзге дейін бітетініне"),
])
def test_an_opinion_held_or_an_assurance_is_reported_speech(text, speaker, content):
    [quote] = kazakh_quotes(text)
    assert (quote["speaker"], quote["kind"], quote["text"]) == (speaker, "indirect", content)


@pytest.mark.parametrize("text", [
    "Жаңа кітап «Көшпенділер» деген атау алды.",          # «деген» before a noun names a thing
    "Біз ауылға жаңа жол салу керек деп есептеймін.",      # the author's own view
    "Мұғалім Сәуле Ахметова мектептің жабылатынына қарсы шықты.",   # a dative clause, no verb of saying
])
def test_no_statement_without_a_frame_of_saying(text):
    assert kazakh_quotes(text) == []


def test_an_opinion_frame_inside_a_clause_still_reads_to_the_verb():
    [quote] = kazakh_quotes("Депутат Нұрлан Әбдіров салықты азайту керек деген пікірде екенін жеткізді.")
    assert quote["text"] == "салықты азайту керек деген пікірде екенін"
