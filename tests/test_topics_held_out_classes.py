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


# ------------------------------------------------------------------ unseen-2026-12c: theme word families
# (bench/data/unseen-2026-12c/RESULTS.md, class 5; sentences written for these tests)

def test_rented_flats_and_dormitories_are_social_guarantees():
    text = ("Глава района рассказал о планах на год.\n\n"
            "Для молодых врачей и учителей город построит шестьдесят арендных квартир, "
            "а очередь на жилье сократится вдвое.")
    assert "social_guarantees" in themes_of(text)


def test_kazakh_rented_flats_and_dormitories_are_social_guarantees():
    text = ("Кәсіпорын басшылары жұмысшылардың сұрақтарына жауап берді.\n\n"
            "Жас мамандар жатақханада орын жетпейтінін айтты, көбі пәтер жалдап тұрады.\n\n"
            "Әкімдік келесі жылы отыз жалдамалы пәтер береді.")
    assert "social_guarantees" in themes_of(text)


def test_a_court_fining_an_official_is_the_rule_of_law():
    text = ("Районный суд рассмотрел административное дело в отношении начальника отдела образования.\n\n"
            "Чиновник признан виновным в нарушении сроков ответа на жалобы и оштрафован, "
            "прокурор настаивал на более строгом наказании.")
    assert "rule_of_law" in themes_of(text)


def test_a_kazakh_court_fining_a_manager_is_the_rule_of_law():
    text = ("Қалалық сот дүкен иесіне қатысты әкімшілік істі қарады.\n\n"
            "Ол кінәлі деп танылып, айыппұл төлеуге міндеттелді. Прокурор шешімге шағымданбайтынын айтты.")
    assert "rule_of_law" in themes_of(text)


def test_utility_tariffs_and_fishing_quotas_are_the_economy():
    tariffs = ("С июля в области подорожает электроэнергия.\n\n"
               "Рост тарифов энергетики объясняют износом сетей, повышение тарифов согласовано с ведомством.")
    quotas = ("Рыбаки Балхаша недовольны тем, как распределяют квоты на вылов судака.\n\n"
              "По их словам, рыболовство остается единственным заработком в поселках у озера.")
    assert "economy" in themes_of(tariffs)
    assert "economy" in themes_of(quotas)


def test_a_union_vote_on_its_contract_is_no_referendum():
    russian = ("Делегаты профсоюзной конференции проголосовали за новый коллективный договор.\n\n"
               "Договор повышает зарплаты шахтеров на десять процентов.")
    kazakh = ("Кәсіподақ конференциясының делегаттары жаңа ұжымдық шартқа дауыс берді.\n\n"
              "Шарт бойынша кеншілердің жалақысы он пайызға өседі.")
    assert "referendum_participation" not in themes_of(russian)
    assert "referendum_participation" not in themes_of(kazakh)


def test_voting_beside_the_referendum_or_under_its_headline_is_the_referendum():
    beside = "На участках референдума с утра шло голосование, люди приходили семьями."
    assert "referendum_participation" in themes_of(beside)
    under = classify_paragraphs("Голосование на участках шло спокойно: многие сельчане проголосовали "
                                "до обеда и приходили голосовать семьями.",
                                headline="Референдум в области: как голосовали сельчане")
    assert "referendum_participation" in {t["topic"] for t in article_topics(under)}


def test_the_constitution_by_its_other_names_is_no_new_law():
    russian = "В новом Основном законе прямо записано право каждого на справедливую оплату труда."
    kazakh = "Жаңа Ата Заң әр азаматтың әділ еңбекақы алу құқығын бекітті."
    for text in (russian, kazakh):
        scores = {t["topic"]: t["score"] for t in classify_paragraphs(text)[0]["topics"]}
        assert scores.get("legal_reform", 0) < 0.5, text


def test_a_new_law_and_laws_brought_in_line_with_the_constitution_stay_legal_reform():
    assert "legal_reform" in themes_of("Парламент принял новый закон о профсоюзах, он вступит в силу летом.")
    assert "legal_reform" in themes_of("Биыл заңдарды жаңа Ата Заңға сәйкестендіру жұмысы аяқталады.")
