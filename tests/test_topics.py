"""The topics stage: campaign themes per paragraph and article, references to the
Constitution. Sentences are written for these tests; the five sample articles are a
sanity check against the gold file, not something the method was fitted to."""
from __future__ import annotations

import json
import re

import pytest
from conftest import GOLD, SAMPLES

from sholu.clean import clean
from sholu.document import Document
from sholu.ingest import read_file
from sholu.lang.kk.morphology import kazakh_stem
from sholu.nlp import annotate
from sholu.topics import (
    CONFIDENT,
    annotate_topics,
    article_topics,
    classify_paragraphs,
    constitution_refs,
    themes,
)
from sholu.topics.taxonomy import load_themes

THEME_SENTENCES = [
    ("labour_rights", "Проект закрепляет право на труд, безопасные условия и справедливую оплату."),
    ("labour_rights", "Профсоюзы требуют повысить минимальную зарплату и обеспечить охрану труда на шахтах."),
    ("social_guarantees", "Государство сохранит социальные гарантии: пенсии, пособия и адресную социальную помощь."),
    ("social_guarantees", "С 1 января вырастут пенсии и пособия многодетным семьям и людям с инвалидностью."),
    ("constitutional_court", "Граждане смогут напрямую обращаться в Конституционный суд для защиты своих прав."),
    ("constitutional_court", "Конституционный суд признал норму закона не соответствующей Конституции."),
    ("rule_of_law", "Верховенство закона и равенство всех перед законом станут основой правового государства."),
    ("rule_of_law", "Эксперты говорили о независимости судей и неотвратимости наказания за коррупцию."),
    ("legal_reform", "Правительство внесло законопроект о поправках в Уголовный кодекс и Кодекс об административных правонарушениях."),
    ("legal_reform", "Реформа политической системы предполагает переход к однопалатному парламенту – Курултаю."),
    ("digital_rights", "Закрепляется защита персональных данных и тайны переписки, в том числе в интернете."),
    ("digital_rights", "Авторы получат защиту интеллектуальной собственности в цифровой среде."),
    ("environment", "Предприятие обязано возместить ущерб окружающей среде и сократить вредные выбросы."),
    ("environment", "Изменение климата и загрязнение воды угрожают экосистеме Арала."),
    ("sovereignty", "Новая Конституция закрепляет территориальную целостность и суверенитет Казахстана."),
    ("sovereignty", "Земля и ее недра принадлежат народу, а государственная граница неприкосновенна."),
    ("interethnic_unity", "Единство и межэтническое согласие – главное достояние нашей страны."),
    ("interethnic_unity", "Ассамблея народа Казахстана объединяет представителей более ста этносов."),
    ("economy", "Промышленность привлекает инвестиции и создает новые рабочие места."),
    ("economy", "Малый и средний бизнес получит налоговые льготы и доступ к кредитам."),
    ("referendum_participation", "Важно участие граждан в референдуме 15 марта."),
    ("referendum_participation", "ЦИК сообщила, что явка на референдуме превысила 60 процентов."),
    ("elections", "19 марта пройдут выборы депутатов Мажилиса и маслихатов."),
    ("elections", "Партии представили партийные списки, а кандидаты в одномандатных округах начали агитацию."),
]

NO_THEME_SENTENCES = [
    "Сборная Казахстана по футболу обыграла соперников со счетом 2:1 в отборочном матче.",
    "Синоптики обещают похолодание до минус 20 градусов и сильный снег в Астане.",
    "Хоккейный клуб «Барыс» проиграл в овертайме и выбыл из борьбы за плей-офф.",
    "В Алматы открылась выставка современного искусства, посвященная творчеству Абая.",
    "Делегация посетила цеха предприятия и вручила благодарственные письма лучшим сотрудникам.",
]


def top_theme(text: str) -> dict | None:
    topics = classify_paragraphs(text)[0]["topics"]
    return topics[0] if topics else None


@pytest.mark.parametrize("theme, sentence", THEME_SENTENCES)
def test_a_sentence_gets_its_theme_first_and_confidently(theme, sentence):
    best = top_theme(sentence)
    assert best is not None and best["topic"] == theme, classify_paragraphs(sentence)
    assert best["score"] >= CONFIDENT


@pytest.mark.parametrize("sentence", NO_THEME_SENTENCES)
def test_sports_weather_and_culture_get_no_campaign_theme(sentence):
    paragraphs = classify_paragraphs(sentence)
    assert all(item["score"] < CONFIDENT for item in paragraphs[0]["topics"])
    assert article_topics(paragraphs) == []


def test_paragraphs_have_offsets_and_scores_in_range():
    text = ("Сборная по футболу выиграла матч.\n\n"
            "Конституция закрепляет право на труд и справедливую оплату.\n\n"
            "Защита персональных данных и тайны переписки станет конституционной нормой.")
    paragraphs = classify_paragraphs(text)
    assert [text[p["start"]:p["end"]][:10] for p in paragraphs] == [
        "Сборная по", "Конституци", "Защита пер"]
    assert paragraphs[0]["topics"] == []
    assert paragraphs[1]["topics"][0]["topic"] == "labour_rights"
    assert paragraphs[2]["topics"][0]["topic"] == "digital_rights"
    for paragraph in paragraphs:
        scores = [item["score"] for item in paragraph["topics"]]
        assert all(0.0 <= s <= 1.0 for s in scores) and scores == sorted(scores, reverse=True)


def test_text_without_blank_lines_is_split_at_line_breaks():
    text = "Первая строка о футболе.\nВторая строка о выборах в маслихаты."
    assert len(classify_paragraphs(text)) == 2


def test_article_themes_are_sorted_and_a_passing_word_is_not_a_theme():
    sports = "Команда провела тренировку на стадионе, болельщики поддерживали игроков. " * 8
    text = "\n\n".join([
        sports,
        "Участники обсудили право на труд, безопасные условия труда и справедливую оплату.",
        "Работодатели отвечают за охрану труда, а профсоюзы защищают права работников.",
        sports + "После матча тренер сказал, что у игроков был непростой выбор и свой референдум.",
        sports,
    ])
    topics = article_topics(classify_paragraphs(text))
    assert [t["topic"] for t in topics] == ["labour_rights"]
    assert topics == sorted(topics, key=lambda t: -t["score"])


def test_words_inside_an_organisation_name_do_not_make_a_theme():
    text = "Встреча прошла в Министерстве труда и социальной защиты населения."
    name = "Министерстве труда и социальной защиты населения"
    span = (text.index(name), text.index(name) + len(name))
    assert top_theme(text)["topic"] == "social_guarantees"      # without the name's span
    masked = classify_paragraphs(text, [span])[0]["topics"]
    assert all(item["score"] < CONFIDENT for item in masked)


def test_a_user_taxonomy_replaces_the_default(tmp_path, monkeypatch):
    own = {"themes": [{"id": "sport", "label_ru": "Спорт", "label_en": "Sport",
                       "description": "Matches and teams.",
                       "terms": ["футбол", "матч", "сборная", "хоккейный клуб"]}]}
    path = tmp_path / "topics.json"
    path.write_text(json.dumps(own, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("SHOLU_TOPICS", str(path))
    assert [theme.id for theme in themes()] == ["sport"]
    assert top_theme(NO_THEME_SENTENCES[0])["topic"] == "sport"
    monkeypatch.delenv("SHOLU_TOPICS")
    assert len(themes()) == 12


def test_a_broken_user_taxonomy_is_named(tmp_path):
    path = tmp_path / "topics.json"
    path.write_text('{"themes": [{"label_ru": "без id"}]}', encoding="utf-8")
    with pytest.raises(ValueError, match="topics.json"):
        load_themes(str(path))


def test_the_default_taxonomy_has_every_theme_with_labels_and_seeds():
    expected = {"labour_rights", "social_guarantees", "constitutional_court", "rule_of_law",
                "legal_reform", "digital_rights", "environment", "sovereignty",
                "interethnic_unity", "economy", "referendum_participation", "elections"}
    loaded = themes()
    assert {theme.id for theme in loaded} == expected
    for theme in loaded:
        assert theme.label_ru and theme.label_en and theme.description
        kazakh = [term for term in theme.terms if is_kazakh(term.text)]
        # a theme grows by whole word families (housing, courts, tariffs), not without bound
        assert 15 <= len(theme.terms) - len(kazakh) <= 70, theme.id
        assert 10 <= len(kazakh) <= 50, theme.id          # Kazakh articles read by the same themes


def is_kazakh(text: str) -> bool:
    return any(kazakh_stem(word) for word in text.lower().split())


# --- references to the Constitution ----------------------------------------------------

REFERENCES = [
    ("Эти гарантии отражены в пункте 2 статьи 27 проекта Конституции.", [(27, 2)]),
    ("Статья 41 Конституции гарантирует право на жилище.", [(41, None)]),
    ("Согласно п. 3 ст. 5 Конституции РК, объединения равны перед законом.", [(5, 3)]),
    ("Это предусмотрено статьей 27 Основного закона.", [(27, None)]),
    ("Нормы статьи 27 и 28 Конституции касаются труда.", [(27, None), (28, None)]),
    ("Право защищено пунктом 1 статьи 24 Конституции.", [(24, 1)]),
    ("Положения статей 27–29 Конституции посвящены социальным правам.",
     [(27, None), (28, None), (29, None)]),
    ("В проекте Конституции много новелл. Например, статья 41 гарантирует право на жилище.",
     [(41, None)]),
    ("Конституция закрепляет это в статье 27, пункт 2.", [(27, 2)]),
    # a contract named in between is a document, not the act the text is talking about
    ("В проекте Конституции много нового. Работники перезаключат трудовые договоры. Новая редакция "
     "статьи 24 закрепляет право на труд.", [(24, None)]),
    # Kazakh names the act first
    ("Бұл норма Конституцияның 72-бабының 1-тармағына сәйкес келеді.", [(72, 1)]),
    ("Ата Заңның 24-бабы еңбек құқығын кепілдейді.", [(24, None)]),
    ("Жаңа Конституция жобасының 28-бабы талқыланды.", [(28, None)]),
    ("Конституциялық Сот Конституцияның 33-бабына сүйенді.", [(33, None)]),
]

NOT_REFERENCES = [
    "Он обвиняется по статье 190 Уголовного кодекса (мошенничество).",
    "Согласно ст. 5 закона о выборах, кандидатов регистрирует ЦИК.",
    "Дело возбуждено по статье 190 УК РК.",
    "Статья 3 Конституционного закона «О выборах» определяет сроки.",
    "Проект Конституции обсудили. Затем Уголовный кодекс изменили, и статья 190 стала строже.",
    "Автор статьи 5 лет изучал историю города.",
    "Статья 5 регулирует порядок работы комиссии.",
    "Согласно статье 5 Соглашения о ЕАЭС товары перемещаются свободно.",
    "Салық кодексінің 12-бабы өзгерді.",
    # a constitutional law is not the Constitution, in either language
    "Байқаушылар референдум туралы конституциялық заңның 14-бабына сілтеме жасады.",
    "Парламент туралы Конституциялық заңның 8-бабы өзгертілді.",
    "Конституцияға негізделген заңның 6-бабы күшін жойды.",
    "Комиссия сослалась на статью 14 конституционного закона о референдуме.",
]


@pytest.mark.parametrize("text, expected", REFERENCES)
def test_constitution_references(text, expected):
    refs = constitution_refs(text)
    assert [(r["article"], r["paragraph"]) for r in refs] == expected
    for ref in refs:
        assert text[ref["start"]:ref["end"]] == ref["text"]


@pytest.mark.parametrize("text", NOT_REFERENCES)
def test_articles_of_other_laws_are_not_constitution_references(text):
    assert constitution_refs(text) == []


def test_annotate_topics_fills_the_document():
    doc = Document(source="test", fingerprint="x", text=(
        "Отдельно участники встречи обсудили работу Конституционного суда: граждане смогут "
        "обращаться в Конституционный суд напрямую.\n\n"
        "Эти гарантии прямо отражены в пункте 2 статьи 27 проекта Конституции."))
    annotate_topics(doc)
    assert doc.topics[0]["topic"] == "constitutional_court"
    assert [(r["article"], r["paragraph"]) for r in doc.constitution_refs] == [(27, 2)]
    assert doc.constitution_refs[0]["text"] == "пункте 2 статьи 27 проекта Конституции"


# --- the five sample articles against the gold file ---------------------------------------

@pytest.fixture(scope="module")
def sample_documents() -> dict[str, Document]:
    """The samples through ingest, clean (date marker and site chrome go), nlp and topics,
    as the pipeline runs them."""
    docs = {}
    for path in sorted(SAMPLES.glob("*.txt")):
        raw = next(iter(read_file(path)))
        docs[path.name] = annotate_topics(annotate(clean(raw)))
    return docs


def test_sample_themes_match_the_gold(sample_documents):
    hits = predicted = expected = 0
    for name, doc in sample_documents.items():
        found = {item["topic"] for item in doc.topics}
        gold = set(GOLD[name]["topics"])
        hits, predicted, expected = hits + len(found & gold), predicted + len(found), expected + len(gold)
    f1 = 2 * hits / (predicted + expected)
    assert f1 >= 0.7, f"themes micro-F1 {f1:.3f}"


def test_sample_constitution_references_match_the_gold(sample_documents):
    for name, doc in sample_documents.items():
        found = {(r["article"], r["paragraph"]) for r in doc.constitution_refs}
        gold = {(r["article"], r.get("paragraph")) for r in GOLD[name].get("constitution_refs", [])}
        assert gold <= found, name
    assert (27, 2) in {(r["article"], r["paragraph"])
                       for r in sample_documents["002_23470084129bac58.txt"].constitution_refs}


def test_reading_words_grows_linearly_with_the_organisation_names():
    """An article naming a new company in every sentence: twice the sentences, about
    twice the calls (each word was checked against every name)."""
    import cProfile
    import pstats

    from sholu.topics.words import words

    def calls(n: int) -> int:
        sentence = "Депутат встретился с работниками ТОО «Завод {}» и обсудил зарплаты. "
        text = "".join(sentence.format(i) for i in range(n))
        names = tuple((m.start(), m.end()) for m in re.finditer(r"ТОО «Завод \d+»", text))
        profile = cProfile.Profile()
        profile.runcall(words, text, names)
        return pstats.Stats(profile).total_calls

    calls(5)                                # the lemma cache fills here, not in a measurement
    small, large = calls(200), calls(400)
    assert large < 2.3 * small, (small, large)
