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
              "data as CSV; a page's address carries its filters, so it can be shared.", None),
    "overview": ("Обзор", "Overview", "Шолу"),
    "search": ("Поиск", "Search", "Іздеу"),
    "persons": ("Люди", "People", "Адамдар"),
    "organizations": ("Организации", "Organisations", "Ұйымдар"),
    "outlets": ("Издания", "Outlets", "Басылымдар"),
    "themes": ("Темы", "Themes", "Тақырыптар"),
    "events": ("События", "Events", "Оқиғалар"),
    "search_placeholder": ("Слова, «фраза», OR, -исключить, префикс*", 'Words, "phrase", OR, -exclude, prefix*',
                           None),
    "documents": ("Статей", "Articles", "Мақалалар"),
    "originals": ("Оригиналы", "Originals", "Түпнұсқалар"),
    "copies": ("Копии", "Copies", "Көшірмелер"),
    "duplicates_share": ("Доля копий", "Share of copies", "Көшірмелер үлесі"),
    "date_range": ("Период", "Date range", "Кезең"),
    "undated": ("без даты", "undated", "күні жоқ"),
    "quotes": ("Цитаты", "Quotes", "Дәйексөздер"),
    "coverage": ("Публикации во времени", "Coverage over time", "Жарияланымдар уақыт бойынша"),
    "top_people": ("Кого упоминают чаще всего", "Most mentioned people", None),
    "top_themes": ("Главные темы", "Top themes", "Негізгі тақырыптар"),
    "latest_events": ("Последние события", "Latest events", "Соңғы оқиғалар"),
    "map": ("Карта: статьи о регионах и события в городах", "Map: articles on regions, events in cities", None),
    "regions": ("Регионы", "Regions", "Өңірлер"),
    "region": ("Регион", "Region", None),
    "data_csv": ("данные (CSV)", "data (CSV)", "деректер (CSV)"),
    "json": ("JSON", "JSON", None),
    "articles": ("Статьи", "Articles", "Мақалалар"),
    "mentions": ("Упоминания", "Mentions", "Аталымдар"),
    "name": ("Имя", "Name", "Аты"),
    "position": ("Должность", "Position", "Лауазым"),
    "positions": ("Должности во времени", "Positions over time", None),
    "first_seen": ("Впервые", "First seen", None),
    "last_seen": ("Последний раз", "Last seen", None),
    "outlet": ("Издание", "Outlet", "Басылым"),
    "published": ("Дата", "Date", "Күні"),
    "title": ("Заголовок", "Title", None),
    "theme": ("Тема", "Theme", "Тақырып"),
    "event": ("Событие", "Event", "Оқиға"),
    "person": ("Человек", "Person", "Адам"),
    "date_from": ("С", "From", None),
    "date_to": ("По", "To", None),
    "apply": ("Найти", "Search", "Іздеу"),
    "reset": ("Сбросить фильтры", "Clear filters", "Сүзгілерді тазарту"),
    "results": ("Найдено", "Found", "Табылды"),
    "no_results": ("Ничего не найдено.", "Nothing found.", "Ештеңе табылмады."),
    "previous": ("← Назад", "← Previous", "← Артқа"),
    "next": ("Дальше →", "Next →", "Әрі қарай →"),
    "page": ("Страница", "Page", "Бет"),
    "copy_of": ("копия", "copy of", "көшірме"),
    "original": ("Оригинал", "Original", "Түпнұсқа"),
    "reprints": ("Перепечатки и оригинал", "Reprints and original", None),
    "no_reprints": ("Других копий этого текста нет.", "No other copies of this text.", None),
    "source": ("Источник", "Source", "Дереккөз"),
    "boilerplate": ("Вырезанный служебный текст", "Boilerplate that was cut", None),
    "show_boilerplate": ("Показать вырезанное", "Show what was cut", None),
    "hide_boilerplate": ("Скрыть вырезанное", "Hide what was cut", None),
    "no_boilerplate": ("Ничего не вырезано.", "Nothing was cut.", None),
    "legend": ("Обозначения", "Legend", None),
    "per": ("люди", "people", None),
    "org": ("организации", "organisations", None),
    "loc": ("места", "places", None),
    "date": ("даты", "dates", None),
    "quote_mark": ("цитаты", "quotes", None),
    "speaker": ("Кто сказал", "Speaker", None),
    "kind": ("Вид", "Kind", None),
    "direct": ("прямая речь", "direct speech", None),
    "indirect": ("косвенная речь", "indirect speech", None),
    "times_said": ("сказано раз", "times said", None),
    "all_themes": ("все темы", "all themes", "барлық тақырыптар"),
    "co_mentioned": ("Упоминаются вместе", "Mentioned together", None),
    "outlets_covering": ("Кто пишет больше всего", "Outlets covering most", None),
    "events_attended": ("События с участием", "Events attended", None),
    "city": ("Город", "City", "Қала"),
    "venue": ("Место", "Venue", "Өтетін орны"),
    "organizer": ("Организатор", "Organiser", "Ұйымдастырушы"),
    "participants": ("Участники", "Participants", "Қатысушылар"),
    "audience": ("Аудитория", "Audience", None),
    "reports": ("Сообщения", "Reports", "Хабарламалар"),
    "type": ("Тип", "Type", None),
    "city_inferred": ("город выведен из места", "city inferred from the venue", None),
    "people_named": ("Люди в статьях", "People in the articles", None),
    "speakers": ("Чьи слова приводят", "Who is quoted", None),
    "timeline": ("Хроника событий", "Events timeline", "Оқиғалар хроникасы"),
    "reprinted_elsewhere": ("Перепечатано другими", "Reprinted elsewhere", None),
    "reprint_share": ("Доля перепечаток", "Share of reprints", None),
    "first_date": ("Первая", "First", None),
    "last_date": ("Последняя", "Last", None),
    "not_found": ("Страница не найдена", "Page not found", None),
    "not_found_text": ("Такой записи нет в базе.", "No such record in the store.", None),
    "bad_query": ("Запрос не понят", "The query could not be read", None),
    "constitution_refs": ("Ссылки на Конституцию", "References to the Constitution", None),
    "entities": ("Упомянуты", "Named", None),
    "places": ("Места", "Places", "Жерлер"),
    "map_credit": ("Границы регионов: geokz (CC BY 4.0), на основе OCHA/HDX cod-ab-kaz",
                   "Region boundaries: geokz (CC BY 4.0), from OCHA/HDX cod-ab-kaz", None),
    "api": ("API", "API", None),
    "problems": ("Проблемы загрузки", "Input problems", None),
    "problems_intro": ("Что прогоны не смогли сохранить (ошибки) или сохранили с оговоркой (заметки), "
                       "новые сверху; источник, сохранённый позже, пропадает из списка.",
                       "What runs could not store (errors) or stored with a remark (notes), newest "
                       "first; a source stored later drops off the list.", None),
    "problems_none": ("Проблем нет.", "No problems.", None),
    "problem_source": ("Источник", "Source", None),
    "problem_reason": ("Причина", "Reason", None),
    "problem_stage": ("Этап", "Stage", None),
    "problem_when": ("Когда", "When", None),
    "person_count": ("людей", "people", None),
    "quote_count": ("цитат", "quotes", None),
    "event_count": ("событий", "events", None),
    "outlet_count": ("изданий", "outlets", None),
    "meeting": ("встреча", "meeting", "кездесу"),
    "press_conference": ("пресс-конференция", "press conference", None),
    "election": ("выборы", "election", "сайлау"),
    "referendum": ("референдум", "referendum", None),
    "score": ("Вес", "Score", None),
    "estimated": ("Оценка: совпадений много, они не пересчитаны поштучно",
                  "An estimate: too many matches to count one by one", None),
    "facet_sample": ("Счётчики — по N новейшим результатам", "Counts over the newest N results", None),
    "other": ("другое событие", "other event", None),
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
