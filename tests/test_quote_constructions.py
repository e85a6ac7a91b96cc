"""Quotes of each construction the finder reads, on sentences written for these tests,
through the real nlp stage (Natasha, pymorphy): quote marks of every kind, dialogue,
interviews, headlines, broken quotations, stance and intent verbs, attributions after
the content, speakers across sentences (surname, role, pronoun, unnamed source),
organisations and groups, and what is not a quote."""
from sholu.nlp import analyse_text
from sholu.quotes import extract_quotes


def quotes_of(text: str) -> list[dict]:
    found = analyse_text(text)
    return extract_quotes(text, found["persons"], None, found["organizations"], found["places"])


def only(text: str) -> dict:
    [quote] = quotes_of(text)
    return quote


def said(text: str) -> list[tuple]:
    return [(q["speaker"], q["kind"]) for q in quotes_of(text)]


# -- direct speech ------------------------------------------------------------------------

def test_straight_quote_marks_are_quote_marks():
    quote = only('"Мы откроем новый цех до конца лета", - заявил аким области Марат Ибраев.')
    assert (quote["speaker"], quote["kind"], quote["verb"]) == ("Марат Ибраев", "direct", "заявить")
    assert quote["text"] == "Мы откроем новый цех до конца лета"


def test_a_quotation_broken_by_its_attribution_is_one_quote():
    text = "«Дорогу отремонтируют к осени, — сказал Ерлан Сагиев, — а мост достроят зимой»."
    quote = only(text)
    assert quote["speaker"] == "Ерлан Сагиев"
    assert quote["text"].startswith("Дорогу отремонтируют") and quote["text"].endswith("достроят зимой")


def test_a_line_of_dialogue_opened_by_a_dash():
    text = ("Директор комбината Ержан Касымов встретился с рабочими.\n"
            "— Новое оборудование поступит уже весной, — пообещал он.")
    quote = only(text)
    assert (quote["speaker"], quote["kind"]) == ("Ержан Касымов", "direct")
    assert quote["text"] == "Новое оборудование поступит уже весной"


def test_a_dialogue_s_answers_continue_the_speaker_and_its_questions_are_left_out():
    text = ("Аким города Айдар Нурпеисов ответил на вопросы жителей.\n"
            "— Тарифы на воду в этом году не вырастут, — заверил он.\n"
            "— А что будет с ремонтом труб?\n"
            "— Трубы заменят до холодов.")
    assert [(q["speaker"], q["text"]) for q in quotes_of(text)] == [
        ("Айдар Нурпеисов", "Тарифы на воду в этом году не вырастут"),
        ("Айдар Нурпеисов", "Трубы заменят до холодов."),
    ]


def test_an_interview_gives_the_answers_to_the_guest_and_leaves_the_questions():
    text = ("Экономист Айгерим Нурланова ответила на вопросы редакции.\n"
            "Редакция: Когда стабилизируются цены на продукты?\n"
            "Айгерим Нурланова: Рост цен замедлится к концу года, если урожай будет хорошим.\n"
            "Редакция: Спасибо за беседу!")
    quote = only(text)
    assert (quote["speaker"], quote["kind"]) == ("Айгерим Нурланова", "direct")
    assert quote["text"].startswith("Рост цен замедлится")


def test_a_headline_led_by_a_surname_names_the_article_s_full_name():
    text = ("Жумангарин: Налоги для малого бизнеса не вырастут\n\n"
            "Министр национальной экономики Серик Жумангарин выступил на брифинге в Астане.")
    quote = only(text)
    assert (quote["speaker"], quote["kind"]) == ("Серик Жумангарин", "direct")
    assert quote["text"] == "Налоги для малого бизнеса не вырастут"


def test_a_verb_earlier_in_the_sentence_attributes_a_quotation():
    text = "Одна из делегаций, уточняет газета «Степной край», пришла с плакатом «Мы требуем честных выборов»."
    assert only(text)["speaker"] == "газета «Степной край»"


def test_a_paragraph_of_quotation_continues_the_last_quoted_speaker():
    background = ("Строительство началось три года назад, но подрядчик дважды сменился, а проект "
                  "пересматривали из-за грунтовых вод. Жители соседних домов жаловались на шум и пыль, "
                  "а движение по улице несколько месяцев шло в одну полосу. Весной работы ускорились: "
                  "на площадке трудились две смены, и к лету коробка здания была готова полностью. ")
    text = ("«Мы сдадим школу к первому сентября», — сказал директор стройки Ерлан Мукашев.\n\n"
            + background * 2 + "\n\n"
            "«Осталось завершить отделку спортзала и благоустроить двор, на это хватит месяца».")
    first, second = quotes_of(text)
    assert first["speaker"] == second["speaker"] == "Ерлан Мукашев"


def test_an_attribution_before_a_whole_quotation_makes_it_direct():
    quote = only("Как сообщил министр финансов Мади Такиев, «бюджет следующего года будет исполнен полностью».")
    assert (quote["speaker"], quote["kind"]) == ("Мади Такиев", "direct")


# -- indirect speech ------------------------------------------------------------------------

def test_stance_verbs_and_adjectives_report_opinions():
    text = ("Политолог Данияр Ашимбаев уверен, что выборы пройдут спокойно. "
            "Социолог Гульмира Илеуова считает, что явка будет высокой.")
    assert said(text) == [("Данияр Ашимбаев", "indirect"), ("Гульмира Илеуова", "indirect")]


def test_a_call_to_act_is_what_was_said():
    quote = only("Аким города Бахытжан Нурбаев призвал жителей прийти на субботник в воскресенье.")
    assert quote["speaker"] == "Бахытжан Нурбаев"
    assert "прийти на субботник" in quote["text"]


def test_a_newspaper_writes_that():
    quote = only("Газета «Северный вестник» пишет, что строительство моста отложено на год.")
    assert (quote["speaker"], quote["speaker_type"]) == ("газета «Северный вестник»", "organization")


def test_the_attribution_after_the_content_names_the_speaker():
    text = ("Тарифы на электроэнергию не изменятся до конца года. "
            "Об этом заявил министр энергетики Алмасадам Саткалиев.")
    quote = only(text)
    assert quote["speaker"] == "Алмасадам Саткалиев"
    assert quote["text"] == "Тарифы на электроэнергию не изменятся до конца года"


def test_a_parenthetical_attribution_inside_the_sentence():
    text = ("Новая трасса, считает вице-министр транспорта Максат Калиакпаров, "
            "сократит дорогу до столицы на два часа.")
    quote = only(text)
    assert quote["speaker"] == "Максат Калиакпаров"
    assert "сократит дорогу до столицы" in quote["text"]


def test_according_to_anywhere_in_the_sentence():
    text = ("Эколог Арман Бекжанов осмотрел берег. Уровень воды, по его словам, "
            "упал за лето на полметра.")
    quote = only(text)
    assert quote["speaker"] == "Арман Бекжанов"


# -- speakers across sentences --------------------------------------------------------------

def test_a_surname_later_in_the_article_is_the_full_name():
    text = ("Министр финансов Ерулан Жамаубаев провел брифинг. "
            "Жамаубаев заявил, что бюджет будет исполнен полностью.")
    assert only(text)["speaker"] == "Ерулан Жамаубаев"


def test_a_role_noun_is_the_person_holding_that_post():
    text = ("Глава МИД Мурат Нуртлеу прибыл в Женеву, где встретился с коллегами. "
            "Министр также подчеркнул, что Казахстан поддерживает переговоры.")
    assert only(text)["speaker"] == "Мурат Нуртлеу"


def test_a_pronoun_across_sentences_follows_gender():
    text = ("Депутат Сауле Айтпаева и аким района Нурлан Омаров осмотрели новую школу. "
            "Она отметила, что здание построено в срок.")
    assert only(text)["speaker"] == "Сауле Айтпаева"


def test_a_pronoun_means_the_last_subject_not_a_name_in_another_case_or_in_a_quotation():
    text = ("Аналитик Руслан Жумабаев считает, что экспорт вырастет. "
            "«Рынок Китая открыт для нас, и Алихан Смаилов это понимает», — говорит он. "
            "Он напомнил о договоренностях с Асхатом Оразбеком и отметил, что пошлины снизят.")
    assert [q["speaker"] for q in quotes_of(text)] == ["Руслан Жумабаев"] * 3


def test_a_first_name_alone_is_the_person_the_article_names_in_full():
    text = ("Фермер Гульмира Сапарова вырастила рекордный урожай. "
            "Гульмира уверена, что следующий год будет еще лучше.")
    assert only(text)["speaker"] == "Гульмира Сапарова"


def test_a_role_with_someone_else_s_name_is_not_that_person():
    text = ("Министр энергетики Алмасадам Саткалиев посетил Атырау. "
            "Помощник Саткалиева рассказал, что визит продлится два дня.")
    quote = only(text)
    assert quote["speaker"] != "Алмасадам Саткалиев"
    assert quote["speaker_entity_id"] is None


def test_an_unnamed_source_stays_a_source_and_is_meant_by_a_later_pronoun():
    text = ("Представитель министерства здравоохранения сообщил, что вакцины поступят в мае. "
            "Он также заявил, что запасов хватит на всех.")
    first, second = quotes_of(text)
    assert first["speaker"] == second["speaker"] == "представитель министерства здравоохранения"
    assert first["speaker_type"] == "group"


def test_a_plural_verb_s_subject_is_not_a_person_inside_its_participle():
    text = ("Врачи, оперировавшие депутата Марата Сейтова, говорят, что его жизни ничего не угрожает. "
            "Они предупреждают, что восстановление займет месяц.")
    assert said(text) == [("врачи", "indirect"), ("врачи", "indirect")]


def test_the_subject_of_a_subordinate_clause_is_in_that_clause():
    text = ("Комиссия, в которую вошли сотрудники прокуратуры Павлодара, начала работу после того, "
            "как жители сообщили о гибели рыбы в реке.")
    quote = only(text)
    assert (quote["speaker"], quote["speaker_type"]) == ("жители", "group")


def test_a_prepositional_phrase_before_the_subject_is_passed_over():
    text = ("Министр иностранных дел Мурат Нуртлеу провел переговоры в Берлине. "
            "Вместе с тем глава МИД подтвердил готовность Астаны расширять торговлю с Германией.")
    quote = only(text)
    assert quote["speaker"] == "Мурат Нуртлеу"
    assert quote["text"].startswith("готовность Астаны расширять торговлю")


def test_an_unnamed_speaker_in_an_article_naming_no_one():
    text = "По сведениям агентства, переводчик объяснил задержку тем, что самолет прилетел поздно."
    quote = only(text)
    assert (quote["speaker"], quote["speaker_type"]) == ("переводчик", "group")


def test_a_role_noun_opening_the_article_means_the_person_named_next():
    text = ("Супруга известного фермера надеется, что урожай спасут.\n\n"
            "Жительница Костаная Гульнара Ахметова рассказала о засухе.")
    assert quotes_of(text)[0]["speaker"] == "Гульнара Ахметова"


# -- organisations and groups ---------------------------------------------------------------

def test_a_capital_city_speaks_for_its_government_and_keeps_its_capital():
    quote = only("Ташкент считает, что новый канал не навредит соседям.")
    assert (quote["speaker"], quote["speaker_type"]) == ("Ташкент", "organization")


def test_a_press_service_named_by_where_it_speaks():
    quote = only("В пресс-службе департамента полиции сообщили, что задержаны трое подозреваемых.")
    assert (quote["speaker"], quote["speaker_type"]) == ("пресс-служба департамента полиции", "organization")


def test_a_forecast_and_a_two_word_content_after_a_named_source():
    text = ("Эксперты Всемирного банка прогнозируют, что рост экономики ускорится. "
            "По мнению экономиста Айдархана Кусаинова, инфляция замедлится.")
    assert said(text) == [("эксперты Всемирного банка", "indirect"), ("Айдархан Кусаинов", "indirect")]


def test_people_of_a_ministry_speaking_as_it():
    quote = only("В министерстве финансов уверены, что дефицит бюджета сократится.")
    assert (quote["speaker"], quote["speaker_type"]) == ("министерство финансов", "organization")


def test_authorities_announcing_a_measure():
    quote = only("Местные власти объявили о закрытии рынка на карантин до понедельника.")
    assert (quote["speaker"], quote["speaker_type"]) == ("местные власти", "group")
    assert quote["text"].startswith("о закрытии рынка")


def test_a_press_service_is_an_organisation():
    quote = only("Пресс-служба акимата сообщила, что проверка завершена без нарушений.")
    assert (quote["speaker"], quote["speaker_type"]) == ("пресс-служба акимата", "organization")


def test_experts_are_a_group_in_the_nominative():
    quote = only("По мнению независимых экспертов, цены на жилье вырастут весной.")
    assert (quote["speaker"], quote["speaker_type"]) == ("независимые эксперты", "group")


# -- not quotes -------------------------------------------------------------------------------

def test_a_programme_s_name_in_a_sentence_with_a_verb_of_saying_is_not_a_quote():
    text = "Министр цифрового развития Жаслан Мадиев рассказал журналистам о программе «Цифровой Казахстан 2025»."
    assert quotes_of(text) == []


def test_a_law_s_title_after_a_statement_is_not_more_of_it():
    text = ("Депутат Мажилиса Ирина Смирнова заявила, что поправки давно назрели. "
            "Палата одобрила закон «О внесении изменений и дополнений в некоторые законодательные "
            "акты по вопросам социального обеспечения».")
    assert [q["kind"] for q in quotes_of(text)] == ["indirect"]


def test_the_author_s_reminders_and_agency_credits_are_not_quotes():
    text = ("Напомним, что мост закрыли на ремонт в апреле. "
            "Работы ведет местный подрядчик, сообщает агентство «Новости региона».")
    assert quotes_of(text) == []


# -- a whole article through the pipeline -----------------------------------------------------

INTERVIEW = """Сейткали: Водохранилище наполнится к маю

Председатель комитета по водным ресурсам Нурлан Сейткали рассказал нашему изданию о подготовке к паводку в Актюбинской области.

Редакция: Готовы ли дамбы к весне?

Нурлан Сейткали: Все дамбы области осмотрены, на трех из них уже укрепили откосы. Мы не ожидаем подтоплений в этом году.

Редакция: Что будет с водохранилищем?

Нурлан Сейткали: Водохранилище наполнится к маю, если снега будет столько же, сколько сейчас.

Пресс-служба акимата области сообщила, что в паводкоопасные районы направлены двадцать бригад спасателей.

«Мы будем дежурить круглосуточно до конца апреля», — сказал начальник департамента по чрезвычайным ситуациям Бауыржан Оспанов.
"""


def test_an_interview_article_through_the_whole_pipeline(tmp_path):
    from conftest import export_records, run_into

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "interview.txt").write_text(INTERVIEW, encoding="utf-8")
    run_into(tmp_path / "interview.db", folder, jobs=1)
    (record,) = export_records(tmp_path / "interview.db")
    quotes = [(q["speaker"], q["speaker_type"], q["kind"], q["in_title"], q["text"][:30])
              for q in record["quotes"]]
    # the headline's quote is the body's «Водохранилище наполнится к маю»: one statement
    assert quotes == [
        ("Нурлан Сейткали", "person", "direct", False, "Все дамбы области осмотрены, н"),
        ("Нурлан Сейткали", "person", "direct", False, "Водохранилище наполнится к маю"),
        ("пресс-служба акимата области", "organization", "indirect", False, "в паводкоопасные районы направ"),
        ("Бауыржан Оспанов", "person", "direct", False, "Мы будем дежурить круглосуточн"),
    ]
    persons = {p["name"]: p["entity_id"] for p in record["persons"]}
    assert all(q["speaker_entity_id"] == persons[q["speaker"]]
               for q in record["quotes"] if q["speaker_type"] == "person")
    assert not any("?" in q["text"] for q in record["quotes"])


# -- linear work ------------------------------------------------------------------------------

def test_sentences_are_split_once_whatever_the_number_of_quotes(monkeypatch):
    """Every attribution looks up its sentence by bisection: the splitter reads each
    character of a long dialogue once (it once re-read the text up to every quote)."""
    import sholu.lang.sentences as sentences_module

    read = []
    real = sentences_module.sentenize

    def counting(chunk):
        read.append(len(chunk))
        return real(chunk)

    monkeypatch.setattr(sentences_module, "sentenize", counting)
    sentences_module.sentences_of_line.cache_clear()        # lines split before are remembered
    text = "\n".join("— Работы начнутся весной, — сказал он. «Мы успеем», — добавил он." for _ in range(300))
    extract_quotes(text, [])
    assert sum(read) <= len(text)


# -- quoting verbs and a body's statements ---------------------------------------------------

def test_the_person_quoted_is_the_speaker_not_who_quotes():
    assert said("«Мы достроим школу до сентября», – цитирует пресс-служба слова Ерлана Тасболатова.") == [
        ("Ерлан Тасболатов", "direct")]
    assert said("Газета цитирует министра Асета Иргалиева: «Цены на хлеб останутся прежними до весны».") == [
        ("Асет Иргалиев", "direct")]
    # with no one named, who quotes is the source
    assert said("«Цены на хлеб останутся прежними до весны», – цитирует пресс-служба министерства.") == [
        ("пресс-служба министерства", "direct")]


def test_what_a_bodys_statement_says_is_the_bodys():
    quote = only("Как говорится в сообщении пресс-службы акимата, ремонт дорог завершат к осени.")
    assert (quote["speaker"], quote["kind"], quote["text"]) == (
        "пресс-служба акимата", "indirect", "ремонт дорог завершат к осени")
    assert said("В заявлении МИД Казахстана отмечается, что переговоры продолжатся.") == [
        ("МИД Казахстана", "indirect")]
    assert quotes_of("В законе говорится, что выплаты начнутся в апреле.") == []     # a law is no speaker


def test_kazakh_as_reported_by():
    from sholu.lang import pack_for
    from sholu.nlp.kazakh import analyse_kazakh

    text = "Министрлік баспасөз қызметінің хабарлауынша, жәрдемақы сәуірден бастап өседі."
    found = analyse_kazakh(text)
    [quote] = extract_quotes(text, found["persons"], pack_for("kk"), found["organizations"])
    assert (quote["kind"], quote["text"]) == ("indirect", "жәрдемақы сәуірден бастап өседі")


def test_a_headline_quote_the_body_repeats_is_one_statement():
    from sholu.document import Document
    from sholu.nlp import annotate
    from sholu.quotes import annotate_quotes

    body = ("Министр национальной экономики Серик Жумангарин выступил на брифинге в Астане. "
            "«Налоги для малого бизнеса не вырастут», – заявил Жумангарин.")
    doc = Document(source="t", fingerprint="t", title="Жумангарин: «Налоги для малого бизнеса не вырастут»", text=body)
    quotes = annotate_quotes(annotate(doc)).quotes
    assert [(q["speaker"], q["in_title"]) for q in quotes] == [("Серик Жумангарин", False)]
    # a headline saying something the body does not is kept
    doc = Document(source="t", fingerprint="t", title="Жумангарин: «Цены на бензин не изменятся»", text=body)
    assert [q["in_title"] for q in annotate_quotes(annotate(doc)).quotes] == [True, False]
