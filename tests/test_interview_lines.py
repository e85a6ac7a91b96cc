"""Interviews written as labelled lines («Вопрос: / Ответ:», «Сұрақ: / Жауап:», a bold
«Корреспондент:»): answers are the interviewee's direct speech, questions quote no one.
Sentences written for these tests, through the real nlp stages."""
from sholu.lang import pack_for
from sholu.nlp import analyse_text
from sholu.nlp.kazakh import analyse_kazakh
from sholu.quotes import extract_quotes


def said(text: str, language: str = "ru") -> list[tuple]:
    found = analyse_kazakh(text) if language == "kk" else analyse_text(text)
    quotes = extract_quotes(text, found["persons"], pack_for(language), found["organizations"], found["places"])
    return [(q["speaker"], q["kind"], q["text"]) for q in quotes]


def test_kazakh_answers_are_the_interviewee_s_and_questions_quote_no_one():
    text = ("Мәжіліс депутаты Болат Сейтқалиев жаңа салық кодексі туралы газетімізге сұхбат берді.\n\n"
            "Сұрақ: Кодекс кәсіпкерлерге қандай өзгеріс әкеледі?\n\n"
            "Жауап: Шағын бизнес үшін есеп беру жеңілдейді, тексерулер азаяды.\n\n"
            "Сұрақ: Әріптесіңіз Дәурен Әбенов салықты көтеруді ұсынды. Бұл дұрыс па?\n\n"
            "Жауап: Жоқ. Біз салықты көтермейміз, керісінше жеңілдіктер береміз.")
    assert said(text, "kk") == [
        ("Болат Сейтқалиев", "direct", "Шағын бизнес үшін есеп беру жеңілдейді, тексерулер азаяды."),
        ("Болат Сейтқалиев", "direct", "Жоқ. Біз салықты көтермейміз, керісінше жеңілдіктер береміз.")]


def test_russian_answer_lines_and_a_question_naming_a_colleague():
    text = ("Министр энергетики Алмас Садыков рассказал нашей газете о планах на зиму.\n\n"
            "Вопрос: Будут ли отключения света в регионах?\n\n"
            "Ответ: Нет, все станции готовы к холодам, запасы угля сделаны.\n\n"
            "Вопрос: Ваш заместитель Ерлан Жунусов предлагал поднять тарифы. Это решено?\n\n"
            "Ответ: Пока нет, решение примут весной.")
    assert [s for s, _, _ in said(text)] == ["Алмас Садыков", "Алмас Садыков"]


def test_a_correspondent_s_question_is_no_quote_of_the_colleague_it_names():
    text = ("Аким района Марат Ибраев ответил на вопросы редакции.\n"
            "Корреспондент: Депутат Гульнара Сеитова предлагала построить новую школу. Это возможно?\n"
            "Марат Ибраев: Да, проект уже готов, стройка начнётся летом.")
    assert said(text) == [("Марат Ибраев", "direct", "Да, проект уже готов, стройка начнётся летом.")]


def test_an_answer_with_no_one_named_before_is_no_quote():
    assert said("Вопрос: Когда откроют мост?\nОтвет: Мост откроют в мае, работы идут по графику.") == []


# -- statements that are not a speaker's, and speakers behind a body's name ---------------

def test_reported_to_and_informed_are_verbs_of_saying():
    assert said("Марат Исмаилов доложил, что доходы бюджета выросли на два миллиарда тенге.") == [
        ("Марат Исмаилов", "indirect", "доходы бюджета выросли на два миллиарда тенге")]
    assert said("Аким Сергей Волков проинформировал депутатов, что ремонт школ завершится к сентябрю.") == [
        ("Сергей Волков", "indirect", "ремонт школ завершится к сентябрю")]
    assert said("Директор Павел Ким отрапортовал, что план выполнен досрочно.") == [
        ("Павел Ким", "indirect", "план выполнен досрочно")]


def test_kazakh_verbs_of_reporting_and_confirming():
    assert said("Аудан әкімі Серік Омаров жол жөндеу жұмыстарының қыркүйекке дейін аяқталатынын баяндады.", "kk") == [
        ("Серік Омаров", "indirect", "жол жөндеу жұмыстарының қыркүйекке дейін аяқталатынын")]
    assert [s for s, _, _ in said("Министр Айгүл Сейітова жалақының өсетінін растады.", "kk")] == ["Айгүл Сейітова"]
    assert said("Баяндама кезінде депутаттар сұрақтар қойды.", "kk") == []


def test_a_press_release_announcing_its_own_news_is_no_quote():
    assert said("Министерство здравоохранения сообщает о начале вакцинации от гриппа в поликлиниках.") == []
    # told by someone, the same news is a statement
    assert [k for _, k, _ in said("Министерство здравоохранения сообщило о начале вакцинации от гриппа в поликлиниках.")] == [
        "indirect"]


def test_a_judge_named_after_the_court_s_genitive_is_the_speaker():
    for court in ("Түркістан облыстық сотының", "Павлодар облыстық сотының"):
        text = f"{court} судьясы Гүлнар Есенова референдумға қатысты үш арыздың қаралғанын хабарлады."
        assert said(text, "kk") == [("Гүлнар Есенова", "indirect", "референдумға қатысты үш арыздың қаралғанын")]


def headline_quotes_of(title: str, body: str) -> list[tuple]:
    from sholu.document import Document
    from sholu.nlp import annotate
    from sholu.quotes import annotate_quotes

    doc = Document(source="t", fingerprint="t", title=title, text=body)
    return [(q["speaker"], q["in_title"]) for q in annotate_quotes(annotate(doc)).quotes]


def test_a_headline_shortening_an_answer_is_the_answer_once():
    body = ("Аким района Марат Ибраев ответил на вопросы редакции.\n"
            "Корреспондент: Что будет со старой школой?\n"
            "Марат Ибраев: Старое здание школы, построенное в 1962 году, снесут этой осенью.")
    assert headline_quotes_of("Марат Ибраев: «Старое здание снесут осенью»", body) == [("Марат Ибраев", False)]
    # words the answer does not hold stay a headline quote
    assert headline_quotes_of("Марат Ибраев: «Новую школу откроют в сентябре»", body) == [
        ("Марат Ибраев", True), ("Марат Ибраев", False)]


def test_a_headline_s_indirect_summary_is_no_quote():
    body = "Собрание шахтёров прошло в Караганде. Профсоюз направил письмо руководству компании."
    assert headline_quotes_of("Шахтёры Караганды потребовали пересмотреть тарифные ставки", body) == []


# -- interviews written as dash turns («— Вопрос?» / «— Ответ.») ---------------------------

RU_DASH_INTERVIEW = (
    "Редакция попросила агронома Тимура Жаксылыкова рассказать о посевной.\n\n"
    "— Когда начнётся сев?\n\n"
    "— Зерновые посеем в середине мая, если погода позволит.\n\n"
    "— Ваш сосед Олег Руденко предлагал сеять раньше. Почему вы не согласны?\n\n"
    "— Почва ещё холодная. Мой брат, фермер Ринат Жаксылыков, уверен, что ранний сев съедает "
    "четверть урожая. Поэтому ждём тепла. Одна соседка рассказала нам: «Земля сама скажет, когда "
    "сеять». Так и вышло в прошлом году.\n\n"
    "Ранний сев в прошлом году стоил нам половины урожая пшеницы.\n\n"
    "— Расскажите о технике.\n\n"
    "— Все сеялки отремонтированы за зиму, запчасти закуплены заранее.\n\n"
    "Посевная в области продлится до июня, сообщили в управлении сельского хозяйства.")


def test_dash_answers_are_the_interviewee_s_named_in_the_lead_in_an_oblique_case():
    quotes = said(RU_DASH_INTERVIEW)
    by_text = {text: (speaker, kind) for speaker, kind, text in quotes}
    assert by_text["Зерновые посеем в середине мая, если погода позволит."] == ("Тимур Жаксылыков", "direct")
    assert by_text["Все сеялки отремонтированы за зиму, запчасти закуплены заранее."] == (
        "Тимур Жаксылыков", "direct")
    # a paragraph with no dash continues the answer before it
    assert by_text["Ранний сев в прошлом году стоил нам половины урожая пшеницы."] == ("Тимур Жаксылыков", "direct")
    # the question naming a neighbour is no quote of him, a request no answer
    assert all(speaker != "Олег Руденко" for speaker, _, _ in quotes)
    assert not any(text.startswith("Расскажите") for _, _, text in quotes)


def test_a_third_person_reported_in_an_answer_keeps_his_statement():
    quotes = said(RU_DASH_INTERVIEW)
    assert ("Ринат Жаксылыков", "indirect", "ранний сев съедает четверть урожая") in quotes
    # what an unnamed neighbour told him stays in his answer
    assert ("Тимур Жаксылыков", "direct", "Поэтому ждём тепла. Одна соседка рассказала нам: «Земля сама "
            "скажет, когда сеять». Так и вышло в прошлом году.") in quotes
    assert not any("Ринат" in text for speaker, _, text in quotes if speaker == "Тимур Жаксылыков")


def test_kazakh_dash_answers_and_a_colleague_s_words_inside_one():
    text = ("Біз аудандағы мектеп директоры Айгүл Нұрланқызымен сөйлестік.\n\n"
            "– Жаңа оқу жылына дайындық қалай жүріп жатыр?\n\n"
            "– Жөндеу жұмыстары тамыз айында аяқталады, оқулықтар түгел келді.\n\n"
            "– Мұғалім жетіспей ме?\n\n"
            "– Иә, екі математик керек. Әріптесім Болат Серіков айтқандай, жас мамандар ауылға келгісі келмейді.")
    assert said(text, "kk") == [
        ("Айгүл Нұрланқызы", "direct", "Жөндеу жұмыстары тамыз айында аяқталады, оқулықтар түгел келді."),
        ("Айгүл Нұрланқызы", "direct", "Иә, екі математик керек."),
        ("Болат Серіков", "indirect", "жас мамандар ауылға келгісі келмейді")]


def test_a_reportage_s_attributed_dialogue_is_no_interview():
    text = ("На рынке Мария Ким торгует овощами двадцать лет.\n\n"
            "— Почём сегодня молодая картошка?\n\n"
            "— Двести тенге за килограмм, дешевле не найдёте, — ответил сосед Марии Олег Пак.\n\n"
            "— А морковь у вас своя?\n\n"
            "— Морковь привозят из Шымкента каждую неделю.")
    assert [s for s, _, _ in said(text) if s == "Мария Ким"] == []


def test_one_question_line_makes_no_interview():
    text = ("Аким района Ерлан Садыков встретился с жителями села.\n\n"
            "— Когда починят дорогу к школе?\n\n"
            "— Ремонт дороги начнётся летом, деньги уже выделены из бюджета.")
    assert [s for s, _, _ in said(text) if s] == []
