"""The interface in Russian (the default), English and, where translated, Kazakh; a
missing Kazakh string falls back to Russian. Article text is never translated."""
from __future__ import annotations

LANGUAGES = ("ru", "en", "kk")
DEFAULT = "ru"

# key: (ru, en, kk or None)
TEXTS: dict[str, tuple[str, str, str | None]] = {
    "app": ("Sholu — монитор СМИ", "Sholu — media monitor", "Sholu — БАҚ мониторы"),
    "intro": ("Статьи о кампании, разобранные Sholu: кто упомянут и с какой должностью, кто что сказал, "
              "какие события прошли и где, какие темы звучат, какие тексты — перепечатки. Нажмите на имя, "
              "тему, издание или событие, чтобы открыть его страницу; у каждого списка есть JSON, у каждого "
              "графика — данные в CSV; адрес страницы можно переслать вместе с фильтрами.",
              "Campaign articles as Sholu reads them: who is named and in which position, who said what, "
              "which events took place and where, which themes come up, which texts are reprints. Click a "
              "name, theme, outlet or event to open its page; every list has a JSON twin and every chart its "
              "data as CSV; a page's address carries its filters, so it can be shared.",
              "Sholu талдаған науқан туралы мақалалар: кім қандай лауазыммен аталды, кім не айтты, "
              "қандай оқиғалар қайда өтті, қандай тақырыптар көтерілді, қай мәтіндер көшіріп "
              "басылған. Бетін ашу үшін есімді, тақырыпты, басылымды не оқиғаны басыңыз; әр тізімнің "
              "JSON нұсқасы, әр графиктің CSV деректері бар; бет мекенжайын сүзгілерімен бірге "
              "жіберуге болады."),
    "overview": ("Обзор", "Overview", "Шолу"),
    "search": ("Поиск", "Search", "Іздеу"),
    "persons": ("Люди", "People", "Адамдар"),
    "organizations": ("Организации", "Organisations", "Ұйымдар"),
    "outlets": ("Издания", "Outlets", "Басылымдар"),
    "themes": ("Темы", "Themes", "Тақырыптар"),
    "events": ("События", "Events", "Оқиғалар"),
    "search_placeholder": ("Слова, «фраза», OR, -исключить, префикс*", 'Words, "phrase", OR, -exclude, prefix*',
                           "Сөздер, «тіркес», OR, -алып тастау, префикс*"),
    "documents": ("Статей", "Articles", "Мақалалар"),
    "originals": ("Оригиналы", "Originals", "Түпнұсқалар"),
    "copies": ("Копии", "Copies", "Көшірмелер"),
    "duplicates_share": ("Доля копий", "Share of copies", "Көшірмелер үлесі"),
    "date_range": ("Период", "Date range", "Кезең"),
    "undated": ("без даты", "undated", "күні жоқ"),
    "quotes": ("Цитаты", "Quotes", "Дәйексөздер"),
    "coverage": ("Публикации во времени", "Coverage over time", "Жарияланымдар уақыт бойынша"),
    "top_people": ("Кого упоминают чаще всего", "Most mentioned people", "Ең жиі аталатындар"),
    "top_themes": ("Главные темы", "Top themes", "Негізгі тақырыптар"),
    "latest_events": ("Последние события", "Latest events", "Соңғы оқиғалар"),
    "map": ("Карта: статьи о регионах и события в городах", "Map: articles on regions, events in cities",
            "Карта: өңірлер туралы мақалалар, қалалардағы оқиғалар"),
    "regions": ("Регионы", "Regions", "Өңірлер"),
    "region": ("Регион", "Region", "Өңір"),
    "data_csv": ("данные (CSV)", "data (CSV)", "деректер (CSV)"),
    "json": ("JSON", "JSON", "JSON"),
    "articles": ("Статьи", "Articles", "Мақалалар"),
    "mentions": ("Упоминания", "Mentions", "Аталымдар"),
    "name": ("Имя", "Name", "Аты"),
    "position": ("Должность", "Position", "Лауазым"),
    "positions": ("Должности во времени", "Positions over time", "Лауазымдар уақыт бойынша"),
    "first_seen": ("Впервые", "First seen", "Алғаш"),
    "last_seen": ("Последний раз", "Last seen", "Соңғы рет"),
    "outlet": ("Издание", "Outlet", "Басылым"),
    "published": ("Дата", "Date", "Күні"),
    "title": ("Заголовок", "Title", "Тақырып"),
    "theme": ("Тема", "Theme", "Тақырып"),
    "event": ("Событие", "Event", "Оқиға"),
    "person": ("Человек", "Person", "Адам"),
    "date_from": ("С", "From", "Бастап"),
    "date_to": ("По", "To", "Дейін"),
    "articles_language": ("Язык статей", "Articles' language", "Мақалалар тілі"),
    "any_language": ("любой", "any", "кез келген"),
    "language_ru": ("русский", "Russian", "орыс тілі"),
    "language_kk": ("казахский", "Kazakh", "қазақ тілі"),
    "apply": ("Найти", "Search", "Іздеу"),
    "reset": ("Сбросить фильтры", "Clear filters", "Сүзгілерді тазарту"),
    "results": ("Найдено", "Found", "Табылды"),
    "no_results": ("Ничего не найдено.", "Nothing found.", "Ештеңе табылмады."),
    "previous": ("← Назад", "← Previous", "← Артқа"),
    "next": ("Дальше →", "Next →", "Әрі қарай →"),
    "page": ("Страница", "Page", "Бет"),
    "copy_of": ("копия", "copy of", "көшірме"),
    "original": ("Оригинал", "Original", "Түпнұсқа"),
    "reprints": ("Перепечатки и оригинал", "Reprints and original", "Көшірмелер мен түпнұсқа"),
    "no_reprints": ("Других копий этого текста нет.", "No other copies of this text.",
                    "Бұл мәтіннің басқа көшірмелері жоқ."),
    "source": ("Источник", "Source", "Дереккөз"),
    "boilerplate": ("Вырезанный служебный текст", "Boilerplate that was cut", "Қиылған қызметтік мәтін"),
    "show_boilerplate": ("Показать вырезанное", "Show what was cut", "Қиылғанын көрсету"),
    "hide_boilerplate": ("Скрыть вырезанное", "Hide what was cut", "Қиылғанын жасыру"),
    "no_boilerplate": ("Ничего не вырезано.", "Nothing was cut.", "Ештеңе қиылмады."),
    "legend": ("Обозначения", "Legend", "Белгілер"),
    "per": ("люди", "people", "адамдар"),
    "org": ("организации", "organisations", "ұйымдар"),
    "loc": ("места", "places", "орындар"),
    "date": ("даты", "dates", "күндер"),
    "quote_mark": ("цитаты", "quotes", "дәйексөздер"),
    "speaker": ("Кто сказал", "Speaker", "Кім айтты"),
    "kind": ("Вид", "Kind", "Түрі"),
    "direct": ("прямая речь", "direct speech", "төл сөз"),
    "indirect": ("косвенная речь", "indirect speech", "төлеу сөз"),
    "times_said": ("сказано раз", "times said", "айтылған рет"),
    "all_themes": ("все темы", "all themes", "барлық тақырыптар"),
    "co_mentioned": ("Упоминаются вместе", "Mentioned together", "Бірге аталады"),
    "outlets_covering": ("Кто пишет больше всего", "Outlets covering most", "Ең көп жазатындар"),
    "events_attended": ("События с участием", "Events attended", "Қатысқан оқиғалары"),
    "city": ("Город", "City", "Қала"),
    "venue": ("Место", "Venue", "Өтетін орны"),
    "organizer": ("Организатор", "Organiser", "Ұйымдастырушы"),
    "participants": ("Участники", "Participants", "Қатысушылар"),
    "audience": ("Аудитория", "Audience", "Аудитория"),
    "reports": ("Сообщения", "Reports", "Хабарламалар"),
    "said_there": ("Что там сказали", "What was said there", "Онда не айтылды"),
    "type": ("Тип", "Type", "Түрі"),
    "city_inferred": ("город выведен из места", "city inferred from the venue", "қала өткен орнынан анықталды"),
    "people_named": ("Люди в статьях", "People in the articles", "Мақалалардағы адамдар"),
    "speakers": ("Чьи слова приводят", "Who is quoted", "Кімнің сөзі келтіріледі"),
    "timeline": ("Хроника событий", "Events timeline", "Оқиғалар хроникасы"),
    "reprinted_elsewhere": ("Перепечатано другими", "Reprinted elsewhere", "Басқалар көшіріп басқан"),
    "reprint_share": ("Доля перепечаток", "Share of reprints", "Көшірмелер үлесі"),
    "first_date": ("Первая", "First", "Алғашқы"),
    "last_date": ("Последняя", "Last", "Соңғы"),
    "not_found": ("Страница не найдена", "Page not found", "Бет табылмады"),
    "not_found_text": ("Такой записи нет в базе.", "No such record in the store.", "Дерекқорда мұндай жазба жоқ."),
    "bad_query": ("Запрос не понят", "The query could not be read", "Сұрау түсініксіз"),
    "constitution_refs": ("Ссылки на Конституцию", "References to the Constitution", "Конституцияға сілтемелер"),
    "entities": ("Упомянуты", "Named", "Аталғандар"),
    "places": ("Места", "Places", "Жерлер"),
    "map_credit": ("Границы регионов: geokz (CC BY 4.0), на основе OCHA/HDX cod-ab-kaz",
                   "Region boundaries: geokz (CC BY 4.0), from OCHA/HDX cod-ab-kaz",
                   "Өңір шекаралары: geokz (CC BY 4.0), OCHA/HDX cod-ab-kaz негізінде"),
    "api": ("API", "API", "API"),
    "problems": ("Проблемы загрузки", "Input problems", "Жүктеу мәселелері"),
    "problems_intro": ("Что прогоны не смогли сохранить (ошибки) или сохранили с оговоркой (заметки), "
                       "новые сверху; источник, сохранённый позже, пропадает из списка.",
                       "What runs could not store (errors) or stored with a remark (notes), newest "
                       "first; a source stored later drops off the list.",
                       "Іске қосулар сақтай алмағаны (қателер) не ескертпемен сақтағаны (жазбалар), "
                       "жаңалары жоғарыда; кейін сақталған дереккөз тізімнен шығады."),
    "problems_none": ("Проблем нет.", "No problems.", "Мәселе жоқ."),
    "problem_source": ("Источник", "Source", "Дереккөз"),
    "problem_reason": ("Причина", "Reason", "Себебі"),
    "problem_stage": ("Этап", "Stage", "Кезең"),
    "problem_when": ("Когда", "When", "Қашан"),
    "person_count": ("людей", "people", "адам"),
    "quote_count": ("цитат", "quotes", "дәйексөз"),
    "event_count": ("событий", "events", "оқиға"),
    "outlet_count": ("изданий", "outlets", "басылым"),
    "meeting": ("встреча", "meeting", "кездесу"),
    "press_conference": ("пресс-конференция", "press conference", "баспасөз мәслихаты"),
    "election": ("выборы", "election", "сайлау"),
    "referendum": ("референдум", "referendum", "референдум"),
    "score": ("Вес", "Score", "Салмағы"),
    "estimated": ("Оценка: совпадений много, они не пересчитаны поштучно",
                  "An estimate: too many matches to count one by one",
                  "Бағалау: сәйкестіктер көп, олар бір-бірлеп саналмаған"),
    "facet_sample": ("Счётчики — по N новейшим результатам", "Counts over the newest N results",
                     "Санақ — ең жаңа N нәтиже бойынша"),
    "other": ("другое событие", "other event", "басқа оқиға"),
    # the observer's pages: period and outlet set, share of coverage and tone, quotes, press releases
    "shares": ("Доля и тон", "Share and tone", "Үлес пен реңк"),
    "shares_intro": ("Методика ODIHR: доля субъекта среди упоминаний всех субъектов в каждом издании "
                     "(перепечатки считаются), упоминания в заголовках, символы предложений о субъекте и тон "
                     "упоминаний. Главные субъекты и издания, остальные — одной строкой и столбцом.",
                     "The ODIHR method: a subject's share of all subjects' mentions in each outlet (reprints "
                     "count), headline mentions, characters of the sentences about it, and the tone of its "
                     "mentions. The top subjects and outlets; the rest as one row and one column.",
                     "ODIHR әдісі: әр басылымдағы барлық субъектілер аталымдарының ішіндегі субъектінің үлесі "
                     "(көшірмелер де есептеледі), тақырыптардағы аталымдар, ол туралы сөйлемдердің таңбалары және "
                     "аталымдардың реңкі. Басты субъектілер мен басылымдар; қалғандары бір жол мен бір бағанда."),
    "selection": ("Период и издания", "Period and outlets", "Кезең мен басылымдар"),
    "outlet_set": ("Издания или группы", "Outlets or groups", "Басылымдар не топтар"),
    "outlet_set_hint": ("через запятую", "comma-separated", "үтір арқылы"),
    "apply": ("Применить", "Apply", "Қолдану"),
    "reset": ("Сбросить", "Reset", "Тазарту"),
    "all_time": ("весь корпус", "the whole corpus", "бүкіл корпус"),
    "subject": ("Субъект", "Subject", "Субъект"),
    "side": ("сторона", "side", "тарап"),
    "others": ("остальные", "others", "қалғандары"),
    "all": ("все издания", "all outlets", "барлық басылымдар"),
    "mention_share": ("Доля упоминаний", "Share of mentions", "Аталымдар үлесі"),
    "headline_mentions": ("В заголовках", "In headlines", "Тақырыптарда"),
    "characters": ("Символов", "Characters", "Таңбалар"),
    "character_share": ("Доля символов", "Share of characters", "Таңбалар үлесі"),
    "tone": ("Тон", "Tone", "Реңк"),
    "positive": ("позитивно", "positive", "оң"),
    "neutral": ("нейтрально", "neutral", "бейтарап"),
    "negative": ("негативно", "negative", "теріс"),
    "any": ("любой", "any", "кез келген"),
    "quotes_explorer": ("Цитаты", "Quotes", "Дәйексөздер"),
    "words": ("Слова цитаты", "Words of the quote", "Дәйексөз сөздері"),
    "press_release": ("Пресс-релиз и его копии", "A press release and its copies", "Пресс-релиз және оның көшірмелері"),
    "first_publisher": ("Первым опубликовал", "First published by", "Алғаш жариялаған"),
    "days_after": ("Дней после первой", "Days after the first", "Алғашқыдан кейін күн"),
    "copies_in_order": ("Все публикации по времени", "Every publication in time order",
                        "Барлық жарияланымдар уақыт ретімен"),
    "sort_by": ("Сортировать", "Sort by", "Сұрыптау"),
    "name_sort": ("по названию", "by name", "атауы бойынша"),
    "articles_sort": ("по числу публикаций", "by publications", "жарияланым саны бойынша"),
    "group_articles": ("Публикаций в столбце", "Publications in the column", "Бағандағы жарияланымдар"),
    "published_on": ("Дата", "Date", "Күні"),
    "open_press_release": ("Все копии по времени", "Every copy in time order", "Барлық көшірмелер уақыт ретімен"),
}


def pick(language: str | None) -> str:
    return language if language in LANGUAGES else DEFAULT


def translator(language: str):
    """t(key) in `language`; an unknown key comes back as itself, so a gap shows."""
    column = LANGUAGES.index(pick(language))

    def t(key: str) -> str:
        entry = TEXTS.get(key)
        if entry is None:
            return key
        return entry[column] or entry[0]
    return t
