"""Language packs: what the Russian pack holds, that languages without a pack have none,
and that asking for packs stays cheap (no model loads)."""
import subprocess
import sys

from sholu.lang import has_pack, pack_for, prose_stop_words
from sholu.quotes import extract_quotes


def test_russian_has_a_pack_with_its_words():
    pack = pack_for("ru")
    assert has_pack("ru") and pack.code == "ru"
    assert {"заявить", "подчеркнуть"} <= pack.speech_verbs
    assert pack.months["мар"] == 3 and pack.months["мае"] == 5
    assert "аким" in pack.titles and "министерство" in pack.org_heads
    assert {"который", "чтобы"} <= pack.stop_words and "және" not in pack.stop_words
    assert [kind for kind, _ in pack.event_triggers] == ["press_conference", "meeting", "other"]


def test_russian_morphology_lemmatises_and_inflects():
    pack = pack_for("ru")
    assert pack.lemma("коллективом") == "коллектив"
    assert pack.lemma("шахтёрами") == "шахтер"
    assert pack.morphology.dictionary_form("подчёркивает") == "подчёркивать"
    assert pack.morphology.nominative_phrase(["трудовым", "коллективом"]) == "трудовой коллектив"
    words = pack.morphology.WORD.findall("В Усть-Каменогорске - 15 марта")
    assert words == ["В", "Усть-Каменогорске", "15", "марта"]


def test_languages_without_a_pack_have_none():
    for code in ("uk", "en", "und", None):
        assert not has_pack(code)
        assert pack_for(code) is None


def test_kazakh_has_a_pack_that_strips_endings_to_one_stem():
    pack = pack_for("kk")
    assert has_pack("kk") and pack.code == "kk"
    forms = ("Конституция", "Конституцияның", "Конституцияға", "Конституцияда")
    assert {pack.lemma(form) for form in forms} == {"конституция"}
    # a stem that is not a word is not cut: «Қазақстан» keeps its «-тан»
    assert pack.lemma("Қазақстанда") == pack.lemma("Қазақстан") == "қазақстан"
    # a name is cut only to a name: «Алматы» is not «алма» + accusative «-ты»
    assert pack.lemma("Алматыда") == pack.lemma("Алматы") == "алматы"
    # possessive and plural go too, and a voiced final consonant turns back (г -> к)
    assert pack.lemma("министрлігінің") == pack.lemma("министрліктер") == "министрлік"
    assert (pack.lemma("деді"), pack.lemma("айтты")) == ("де", "айт")      # verbs of saying by stem
    assert pack.morphology.is_speech_verb("мәлімдеді") and not pack.morphology.is_speech_verb("кездесті")


def test_prose_stop_words_cover_every_language_folder():
    words = prose_stop_words()
    assert {"который", "және", "which"} <= words


def test_a_stage_reads_the_words_of_the_pack_it_is_given():
    text = "«Мы построим новый цех уже этой весной», – заявил Серик Ахметов."
    start = text.index("Серик")
    persons = [{"name": "Серик Ахметов", "entity_id": "per-1", "spans": [[start, start + 13]]}]
    quotes = extract_quotes(text, persons, pack_for("ru"))
    assert [(q["speaker"], q["verb"]) for q in quotes] == [("Серик Ахметов", "заявить")]


def test_importing_the_packs_loads_no_model():
    code = ("import sys, sholu.lang as L; p = L.pack_for('ru'); p.stop_words; "
            "print(sorted(m for m in ('pymorphy2', 'natasha', 'slovnet') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
