"""Find the article body in text scraped together with its page.

Each line is labelled from its own features: prose (long, many function words),
chrome (known widget and menu phrases, credits, weather, render dates, breadcrumbs,
truncated teasers of other stories) or short (anything else). Chrome lines cut the page
into blocks; the body is the block with the most prose. Headline-like lines at its top
become the title; orphan fragments at its end are dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..lang import prose_stop_words
from .dates import dates_in
from .outlet import RUSSIAN_MEDIA

PROSE_MIN_WORDS = 10
PROSE_MIN_STOPWORD_SHARE = 0.08
TEASER_MIN_WORDS = 6
CREDIT_MAX_WORDS = 12
TRAILING_FRAGMENT_MAX_WORDS = 7
HEADLINE_MAX_WORDS = 20
TITLE_REACH = 3            # lines above the body where its headline may stand
NOTICE_MAX_WORDS = 25
AFTER_SECTION_END_WEIGHT = 0.5   # prose below «Похожие статьи» is seldom the article
TEXT_LABELS = ("prose", "short")
MAX_CHROME_GAP = 2      # a caption or «Читайте также: …» link inside the article

WORD = re.compile(r"[\w'’-]+", re.UNICODE)
# a closing quote ends a sentence only with its punctuation, inside or after it: a line
# ending in a bare «…» is a headline («Ғалым Сапаров: «Жаңа Ата Заң жастарға сенім артады»»)
SENTENCE_END = re.compile(r"[.!?…:;][»\"”’)\]]*$|[»”\"][.!?…]$")
TEASER_END = re.compile(r"(\.\.\.|…)\s*$")
WEATHER = re.compile(r"^[+\-−–]?\d{1,2}([.,]\d)?\s*°?\s*[CСF]?$", re.IGNORECASE)
CLOCK_OR_DATE = re.compile(r"^[\d\s.:/\-,]+$")
WORDY_DATE = re.compile(r"^\d{1,2}\s+[^\W\d]+\.?,?\s+\d{4}(\s*(г\.|года))?,?\s*(\d{1,2}:\d{2})?$")
WEEKDAYS = ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота",
            "воскресенье", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі",
            "жұма", "сенбі", "жексенбі")
GLUED_WORDS = re.compile(r"[a-zа-яёәғқңөұүһі][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]")
GLUED_MENU_MAX_WORDS = 8     # a sentence naming «ҚазМұнайГаз» or «КазМунайГаз» is no menu
CRUMB_SEPARATORS = re.compile(r"\s[»›>/|]\s")
COUNT_SUFFIX = re.compile(r"\s*[(\[]\d[\d\s]*[)\]]\s*$")
STAMP = re.compile(r"^(\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}:\d{2})\b")
STAMP_MAX_WORDS = 8
URL_ONLY = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)
# Emoji and pictographs that messengers put before a post's stamp or text («🔴 17.03.2026
# 09:40», «📌 Подписывайтесь»): arrows, shapes, dingbats, the emoji planes, joiners.
PICTOGRAPHS = re.compile("[\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2b00-\u2bff\u200d\ufe0f"
                         "\U0001f000-\U0001faff]")
EDGE_MARKS = " \t.!?:;,-–—•*|«»\"'[]()"   # and the brackets of a stamp «[15.04.2026 08:12]»
# Hashtags and emoji a post ends with come after its last sentence («…басталады. #көктем»).
TRAILING_TAGS = re.compile(rf"(?:\s*(?:#\w+|{PICTOGRAPHS.pattern}))+\s*$")
# An editorial disclaimer names the author and the editors, their views, and says these may
# not agree: a negation or «мүмкін» (a Kazakh «сәйкес» alone is «according to», no view).
DISCLAIMER_WORDS = (re.compile(r"\bавтор", re.IGNORECASE), re.compile(r"\bредакци", re.IGNORECASE),
                    re.compile(r"совпада|отража|разделя|сәйкес\s+кел|ұстаным|көзқарас", re.IGNORECASE),
                    re.compile(r"\bне\b|мүмкін|емес|[мбп][ае](?:уі|йді|йды)\b", re.IGNORECASE))
# A byline with the outlet under the article: «Марина КОВАЛЬ, «Северный курьер»», «…, газета
# «…»»; a word before the name other than an outlet's kind is a signature's post («директор «…»»).
BYLINE = re.compile(r"^(?P<author>[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ][\w-]+(?:\s+[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ][\w-]+){1,2})\s*[,/–—-]\s*"
                    rf"(?:(?i:{RUSSIAN_MEDIA})\s+)?[«\"“](?P<outlet>[^»\"”]{{2,40}})[»\"”]\.?$")


@dataclass
class Line:
    text: str
    words: int
    label: str          # prose | short | chrome | end (a chrome heading of another section)

    @property
    def ends_sentence(self) -> bool:
        return bool(SENTENCE_END.search(without_trailing_tags(self.text)))


@dataclass
class Body:
    lines: list[str]
    title: str | None = None
    before: list[str] = field(default_factory=list)   # page lines above the body
    after: list[str] = field(default_factory=list)    # page lines below the body
    inside: list[str] = field(default_factory=list)   # captions and links within it

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@lru_cache(maxsize=None)
def load_list(name: str) -> tuple[str, ...]:
    raw = resources.files("sholu.data").joinpath(name).read_text(encoding="utf-8")
    stripped = (line.strip().lower() for line in raw.splitlines())
    return tuple(line for line in stripped if line and not line.startswith("#"))


def stopwords() -> frozenset[str]:
    return prose_stop_words()


@lru_cache(maxsize=None)
def chrome_phrases() -> frozenset[str]:
    return frozenset(squash(p) for p in load_list("chrome_phrases.txt"))


@lru_cache(maxsize=None)
def notices() -> tuple[str, ...]:
    return load_list("chrome_contains.txt")


@lru_cache(maxsize=None)
def section_ends() -> frozenset[str]:
    return frozenset(squash(p) for p in load_list("section_ends.txt"))


def squash(text: str) -> str:
    """Lowercase, ё as е, without the punctuation or a count around it
    («Комментарии (12)» is «комментарии»)."""
    key = COUNT_SUFFIX.sub("", text.lower().replace("ё", "е"))
    return without_pictographs(key.strip(EDGE_MARKS)).strip(EDGE_MARKS)


def without_pictographs(text: str) -> str:
    """The text between the emoji at its edges."""
    start, end = 0, len(text)
    while start < end and (PICTOGRAPHS.match(text[start]) or text[start].isspace()):
        start += 1
    while end > start and (PICTOGRAPHS.match(text[end - 1]) or text[end - 1].isspace()):
        end -= 1
    return text[start:end]


def without_trailing_tags(text: str) -> str:
    return TRAILING_TAGS.sub("", text)


def extract_body(text: str) -> Body:
    lines = keep_lone_teasers([label_line(raw.strip()) for raw in text.splitlines() if raw.strip()])
    if not lines:
        return Body([])
    start, end = best_block(lines)
    if start == end:
        return Body([], before=[line.text for line in lines])
    title, start = take_headline(lines, start, end)
    title = title or headline_above(lines, start)
    if has_chrome(lines):
        end = drop_trailing_fragments(lines, start, end)
    end = drop_byline(lines, start, end)
    inside = lines[start:end]
    return Body(
        [line.text for line in inside if is_body_line(line)],
        title=title,
        before=[line.text for line in lines[:start]],
        after=[line.text for line in lines[end:]],
        inside=[line.text for line in inside if not is_body_line(line)],
    )


def is_body_line(line: Line) -> bool:
    """Text, less a post's reaction counters; and a dated stamp between posts, which dates
    the post below it (the stamp above the first post dates the page: imprint.py)."""
    if line.label in TEXT_LABELS:
        return not is_counter(line.text)
    return line.label == "chrome" and is_dated_stamp(line.text)


def is_counter(text: str) -> bool:
    """Reactions or views under a post: emoji and figures only («👍 95 💬 12»)."""
    figures = PICTOGRAPHS.sub("", text)
    return figures != text and bool(CLOCK_OR_DATE.match(figures.strip() or "x"))


def is_dated_stamp(text: str) -> bool:
    """A line of a date and a time alone («📢 12.05.2026, 09:30», «[12 мая 2026, 09:30]»)."""
    key = squash(text)
    return bool(CLOCK_OR_DATE.match(key) or WORDY_DATE.match(key)) and bool(dates_in(key))


def drop_byline(lines: list[Line], start: int, end: int) -> int:
    """A byline that names the outlet («Марина КОВАЛЬ, «Северный курьер»») is the page's
    signature, not the article's last paragraph; a letter's «Имя Фамилия, должность» stays."""
    if end - 1 > start and BYLINE.match(lines[end - 1].text):
        return end - 1
    return end


def label_line(text: str) -> Line:
    words = WORD.findall(text)
    if squash(text) in section_ends():
        return Line(text, len(words), "end")
    share = sum(w.lower() in stopwords() for w in words) / max(len(words), 1)
    prose = len(words) >= PROSE_MIN_WORDS and (share >= PROSE_MIN_STOPWORD_SHARE or reads_as_sentences(text, words))
    if is_teaser(text, words):
        return Line(text, len(words), "teaser")
    if is_chrome(text, words, prose):
        return Line(text, len(words), "chrome")
    return Line(text, len(words), "prose" if prose else "short")


def reads_as_sentences(text: str, words: list[str]) -> bool:
    """Running text however few function words it has (a news post of figures: «ЦИК огласил
    итоги: явка составила 72,6%.»): it ends a sentence and most of its words are in lower
    case, where menus, lists of names and headlines capitalise theirs."""
    lettered = [word for word in words if not any(char.isdigit() for char in word)]
    in_lower_case = sum(word[0].islower() for word in lettered)
    return SENTENCE_END.search(without_trailing_tags(text)) is not None and 2 * in_lower_case > len(lettered)


def keep_lone_teasers(lines: list[Line]) -> list[Line]:
    """A line cut off with «…» between paragraphs of prose (or prose and the page's
    edge) is the article's own (a lead, an interview question); teasers of other
    stories come in runs, with headlines and dates between them, or below a section
    heading («Последние новости»)."""
    edge = Line("", 0, "prose")
    section_ended = False
    for index, line in enumerate(lines):
        section_ended = section_ended or line.label == "end"
        if line.label == "teaser":
            before = lines[index - 1] if index else edge
            after = lines[index + 1] if index + 1 < len(lines) else edge
            prose_around = before.label == after.label == "prose" and not section_ended
            line.label = "prose" if prose_around else "chrome"
    return lines


def is_chrome(text: str, words: list[str], prose: bool = False) -> bool:
    """`prose`: the line reads as sentences, so words glued in it are brand names
    (MySQL, FarmVille), not a flattened menu."""
    key = squash(text)
    if not key or key in chrome_phrases():
        return True
    return (
        is_credit(key, words)
        or is_notice(key, words)
        or is_disclaimer(key, words)
        or is_widget(key)
        or (not prose and is_breadcrumb(text))
        or bool(URL_ONLY.match(text))
    )


def is_credit(key: str, words: list[str]) -> bool:
    return len(words) <= CREDIT_MAX_WORDS and key.startswith(load_list("chrome_prefixes.txt"))


def is_notice(key: str, words: list[str]) -> bool:
    return len(words) <= NOTICE_MAX_WORDS and any(phrase in key for phrase in notices())


def is_disclaimer(key: str, words: list[str]) -> bool:
    """«Мнение редакции может не совпадать с точкой зрения автора» and its variants."""
    return len(words) <= NOTICE_MAX_WORDS and all(word.search(key) for word in DISCLAIMER_WORDS)


def is_teaser(text: str, words: list[str]) -> bool:
    """Feeds of other stories show each one cut off with an ellipsis."""
    return len(words) >= TEASER_MIN_WORDS and bool(TEASER_END.search(text))


def is_widget(key: str) -> bool:
    """Weather, clocks and the page's render date ("Понедельник, 15 декабря, 2025")."""
    if WEATHER.match(key) or CLOCK_OR_DATE.match(key) or WORDY_DATE.match(key):
        return True
    if STAMP.match(key) and len(key.split()) <= STAMP_MAX_WORDS:
        return True        # «16.03.2026 10:15 · 2 345 просмотров»: a page's stamp line
    return starts_with_weekday(key) and len(key.split()) <= 6


def starts_with_weekday(key: str) -> bool:
    return bool(key.split()) and key.split(",")[0].split()[0] in WEEKDAYS


def is_breadcrumb(text: str) -> bool:
    """Menus flattened by a scraper glue words together ("ДомойНовостиПолитика") or
    keep their separators ("Главная » Новости » Политика")."""
    glued_menu = len(GLUED_WORDS.findall(text)) >= 2 and len(text.split()) <= GLUED_MENU_MAX_WORDS
    return glued_menu or len(CRUMB_SEPARATORS.findall(text)) >= 2


def best_block(lines: list[Line]) -> tuple[int, int]:
    """The run of non-chrome lines with the most prose characters, joined with runs of
    prose that only a caption or an inline link separates from it; with no prose at
    all, the longest run (a short note is still an article)."""
    blocks = split_blocks(lines)
    if not blocks:
        return 0, 0
    first_end = next((i for i, line in enumerate(lines) if line.label == "end"), len(lines))
    weights = [AFTER_SECTION_END_WEIGHT if start > first_end else 1.0 for start, _ in blocks]
    best = max(range(len(blocks)),
               key=lambda i: weighted(block_score(lines, blocks[i]), weights[i]))
    first = last = best
    # the article won over the 0.5 weight below a section heading: that heading was
    # one of its own subheadings («Комментарии» over experts' comments), not an end
    while first > 0 and joinable(lines, blocks[first - 1], blocks[first], ("chrome", "end")):
        first -= 1
    while last < len(blocks) - 1 and joinable(lines, blocks[last], blocks[last + 1]):
        last += 1
    return blocks[first][0], blocks[last][1]


def split_blocks(lines: list[Line]) -> list[tuple[int, int]]:
    blocks, start = [], None
    for index, line in enumerate(lines + [Line("", 0, "chrome")]):
        is_text = line.label in TEXT_LABELS
        if is_text and start is None:
            start = index
        elif not is_text and start is not None:
            blocks.append((start, index))
            start = None
    return blocks


def weighted(score: tuple[int, int], weight: float) -> tuple[float, float]:
    return score[0] * weight, score[1] * weight


def joinable(lines: list[Line], earlier: tuple[int, int], later: tuple[int, int],
             gap_labels: tuple[str, ...] = ("chrome",)) -> bool:
    gap = lines[earlier[1]:later[0]]
    return (
        len(gap) <= MAX_CHROME_GAP
        and all(line.label in gap_labels for line in gap)
        and all(block_score(lines, block)[0] > 0 for block in (earlier, later))
    )


def block_score(lines: list[Line], block: tuple[int, int]) -> tuple[int, int]:
    block = lines[block[0]:block[1]]
    prose = sum(len(line.text) for line in block if line.label == "prose")
    return prose, sum(len(line.text) for line in block)


def take_headline(lines: list[Line], start: int, end: int) -> tuple[str | None, int]:
    """Lines at the top of the body that end without punctuation are headlines or
    menu items: the longest becomes the title, none stays in the text."""
    first = start
    while first < end - 1 and is_headline(lines[first]):
        first += 1
    heads = lines[start:first]
    title = max(reversed(heads), key=lambda line: line.words).text if heads else None
    return title, first


def headline_above(lines: list[Line], start: int) -> str | None:
    """A headline separated from the body by a date or counter line."""
    for line in reversed(lines[max(0, start - TITLE_REACH):start]):
        if line.label in TEXT_LABELS:
            return line.text if is_headline(line) and not mostly_figures(line.text) else None
    return None


def mostly_figures(text: str) -> bool:
    """A rates or scores widget («USD 512.40 EUR 548.10»), not a headline."""
    words = WORD.findall(text)
    return 2 * sum(word.isdigit() for word in words) > len(words)


def is_headline(line: Line) -> bool:
    return not line.ends_sentence and line.words <= HEADLINE_MAX_WORDS


def has_chrome(lines: list[Line]) -> bool:
    """Whether the page has any site furniture; on a clean article, a short last line
    is its own (a letter's signature), not a byline or tags."""
    return any(line.label not in TEXT_LABELS for line in lines)


def drop_trailing_fragments(lines: list[Line], start: int, end: int) -> int:
    """Bylines, tags and captions after the last sentence: short and unpunctuated."""
    while end - 1 > start:
        last = lines[end - 1]
        if last.ends_sentence or last.words > TRAILING_FRAGMENT_MAX_WORDS:
            break
        end -= 1
    return end
