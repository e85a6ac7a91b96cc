"""Theme classes found on held-out text (bench/data/unseen-2026-12b/RESULTS.md), checked on
paragraphs written for these tests: a referendum's voting is no election, a council's
session is no election, and welfare in hospitals, medical care and pensions."""
from __future__ import annotations

from sholu.topics import article_topics, classify_paragraphs


def themes_of(text: str) -> set[str]:
    return {t["topic"] for t in article_topics(classify_paragraphs(text))}


# ------------------------------------------------------------------ a referendum is no election

REFERENDUM_STORY = (
    "Прокуратура области подвела итоги проверок по республиканскому референдуму.\n\n"
    "По словам прокурора, явка на участках была высокой, жалоб на голосование поступило немного.\n\n"
    "Чаще всего избиратели жаловались на незаконную агитацию у входа в участок.\n\n"
    "В одном из сел член комиссии выдал бюллетень без документа, нарушение зафиксировано.")

ELECTION_STORY = (
    "Партии выдвинули кандидатов в депутаты Мажилиса, предвыборная кампания стартовала.\n\n"
    "Явка на выборах в Мажилис, по прогнозу, будет высокой, голосование пройдет в один день.\n\n"
    "Кандидаты от партий проводят агитацию, избиратели получат бюллетень на участке.")


def test_a_referendums_turnout_and_ballots_are_no_election():
    assert "elections" not in themes_of(REFERENDUM_STORY)
    assert "referendum_participation" in themes_of(REFERENDUM_STORY)


def test_the_same_words_in_an_election_story_are_the_elections():
    assert "elections" in themes_of(ELECTION_STORY)


def test_a_council_session_is_no_election():
    text = ("Депутаты маслихата района собрались на очередную сессию.\n\n"
            "Сессию вел секретарь маслихата, депутаты маслихата утвердили план благоустройства дворов.\n\n"
            "Следующая сессия маслихата пройдет в мае.")
    assert "elections" not in themes_of(text)


def test_a_kazakh_referendums_voters_and_campaigning_are_no_election():
    text = ("Облыс прокуратурасы республикалық референдум бойынша тексерістердің қорытындысын шығарды.\n\n"
            "Прокурордың айтуынша, сайлаушылардың келуі жоғары болды, дауыс беру тыныш өтті.\n\n"
            "Сайлаушылар көбінесе учаске маңындағы заңсыз үгітке шағымданды.")
    assert "elections" not in themes_of(text)
    assert "referendum_participation" in themes_of(text)


# ------------------------------------------------------------------ welfare: health care, pensions, housing

def test_medical_care_and_hospitals_are_social_guarantees():
    text = ("Жители отдаленных сел жалуются, что до районной больницы приходится ехать сотню километров.\n\n"
            "Депутат напомнила, что право на доступную медицинскую помощь закреплено в Основном законе, "
            "а поликлиники должны работать и в выходные.")
    assert "social_guarantees" in themes_of(text)


def test_kazakh_pensions_and_hospitals_are_social_guarantees():
    text = ("Ауыл тұрғындарына медициналық көмек көрсететін жаңа емхана ашылды.\n\n"
            "Зейнеткерлер енді ауданның ауруханасына бармай-ақ дәрігерге қарала алады.")
    assert "social_guarantees" in themes_of(text)


def test_kazakh_housing_is_a_social_guarantee():
    text = ("Әкімдік жас отбасыларға баспана беруді жалғастырады.\n\n"
            "Биыл қалада үш жүз пәтерлік жаңа тұрғын үй кешені салынады.")
    assert "social_guarantees" in themes_of(text)


def test_a_hospital_named_in_a_sports_note_is_no_welfare_theme():
    text = ("Сборная области по волейболу выиграла турнир, финальный матч завершился со счетом 3:1.\n\n"
            "Тренер команды поблагодарил болельщиков, а капитан после игры рассказал о подготовке к чемпионату.")
    assert "social_guarantees" not in themes_of(text)
