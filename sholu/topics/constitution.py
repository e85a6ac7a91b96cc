"""References to articles of the Constitution: «пункт 2 статьи 27 Конституции».

Which law a reference is to, the rule:
1. an act named right after the numbers (within four words, same sentence) decides:
   «статьи 27 проекта Конституции», «статьей 5 Основного закона» count;
   «статья 190 Уголовного кодекса», «ст. 5 закона о выборах», «статьи 3 Конституционного
   закона» do not;
2. otherwise the act named last before the reference decides (the text is still talking
   about it: «Проект Конституции … Статья 41 гарантирует…»), and failing that the first
   act named after it in the same sentence;
3. a reference with no act named anywhere before it or in its sentence is left out.
Contracts, agreements and rules count only under rule 1. Kazakh names the act first
(«Конституцияның 72-бабының 1-тармағы»): the reference is the act's, unless another act
stands between («конституциялық заңның 20-бабы» is a constitutional law's).
"""
from __future__ import annotations

import re
from bisect import bisect_right

NUMBER = r"\d{1,3}"
NUMBERS = rf"{NUMBER}(?:\s*(?:,|и|или|[-–—])\s*{NUMBER})*"
ARTICLE = r"(?:\bстат(?:ья|ьи|ье|ью|ьей|ьею|ьёй|ей|ьям|ьями|ьях)\b|\bст\.)"
POINT = r"(?:\bпункт(?:а|у|ом|е|ы|ов|ам|ами|ах)?\b|\bп\.|\bпп\.|\bчаст(?:ь|и|ью|ей|ям|ями|ях)\b|\bч\.)"
REFERENCE = re.compile(
    rf"(?:(?P<point_word>{POINT})\s*(?P<points>{NUMBERS})\s+)?"
    rf"{ARTICLE}\s*(?P<articles>{NUMBERS})(?!\s*(?:\d|[-–]?\s*(?:й|я|го|ая|ой)\b))"
    rf"(?:\s*,?\s*(?:{POINT})\s*(?P<points_after>{NUMBERS}))?",
    re.IGNORECASE,
)
CONSTITUTION = re.compile(
    r"\bконституци(?:я|и|ю|ей|ею|е)\b|\bосновн(?:ой|ого|ому|ым|ом)\s+закон(?:а|у|ом|е)?\b",
    re.IGNORECASE,
)
OTHER_ACT = re.compile(
    r"\b(?:закон(?:а|у|ом|е|ы|ов|ам|ами|ах)?|кодекс\w*|УК|ГК|ТК|КоАП|УПК|ГПК|НК|указ(?:а|у|ом|е)?|"
    r"постановлени\w*|регламент\w*|приказ(?:а|у|ом|е)?|конвенци\w*|пакт\w*|устав\w*|"
    r"деклараци\w*)\b",
    re.IGNORECASE,
)
# Acts that are as often plain documents («трудового договора», «правила приема»): they
# decide a reference named right before them (rule 1), never one further on (rule 2).
DOCUMENT_ACT = re.compile(r"\b(?:договор\w*|соглашени\w*|правил(?:а|ам|ами|ах)?)\b", re.IGNORECASE)
# Kazakh names the act first: «Конституцияның 72-бабының 1-тармағы», «Ата Заңның 24-бабы».
# «конституциялық» is the adjective (a constitutional law, the Constitutional Court), and an
# act named between the Constitution and the article owns it («Конституцияға сәйкес заңның
# 5-бабы»): law, code, decree, resolution, rules.
KAZAKH_OTHER_ACT = r"(?:заң|кодекс|жарлы[ғқ]|қаулы|ереже)"
KAZAKH_REFERENCE = re.compile(
    r"(?:\bКонституция(?!л[ыі])|\bАта\s+[Зз]аң|\bНегізгі\s+[Зз]аң)\w*\s+"
    rf"(?:(?!{KAZAKH_OTHER_ACT})[^\W\d]+\s+){{0,2}}?"
    r"(?P<articles>\d{1,3})-?(?:бап|баб)\w*(?:\s+(?P<points>\d{1,3})-?тармағ?\w*)?",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?;](?=\s+[«\"(]?[А-ЯЁA-Z0-9])|\n")
ACT_WINDOW_WORDS = 4
MAX_RANGE = 20      # «статьи 27–29» lists 27, 28, 29; a longer range only its ends


def constitution_refs(text: str) -> list[dict]:
    """[{article, paragraph, text, start, end}] for each reference to the Constitution,
    in text order; «статьи 27 и 28» gives two."""
    acts = named_acts(text)
    refs = []
    for found in REFERENCE.finditer(text):
        end = act_after(text, found.end())
        verdict = end[0] if end else act_in_context(text, found, acts)
        if verdict == "constitution":
            stop = end[1] if end else found.end()
            refs.extend(expand(found, text[found.start():stop], found.start(), stop))
    for found in KAZAKH_REFERENCE.finditer(text):
        refs.extend(expand(found, found.group(), found.start(), found.end()))
    return sorted(refs, key=lambda ref: ref["start"])


def named_acts(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every act the text names, in order; «Основного закона» is the
    Constitution, not a law."""
    constitution = [(m.start(), m.end(), "constitution") for m in CONSTITUTION.finditer(text)]
    others = [(m.start(), m.end(), "other") for m in OTHER_ACT.finditer(text)
              if not any(s <= m.start() < e for s, e, _ in constitution)]
    return sorted(constitution + others)


def act_after(text: str, position: int) -> tuple[str, int] | None:
    """The act named within a few words after the numbers: (kind, where it ends)."""
    window = sentence_rest(text, position)
    words = list(re.finditer(r"\S+", window))[:ACT_WINDOW_WORDS]
    if not words:
        return None
    window = window[: words[-1].end()]
    for kind, pattern in (("constitution", CONSTITUTION), ("other", OTHER_ACT), ("other", DOCUMENT_ACT)):
        found = pattern.search(window)
        if found and not (kind == "other" and CONSTITUTION.search(window[: found.end()])):
            return kind, position + found.end()
    return None


def act_in_context(text: str, found: re.Match, acts: list) -> str | None:
    """The last act named before the reference, else the next one in its sentence."""
    before = bisect_right([start for start, _, _ in acts], found.start()) - 1
    if before >= 0:
        return acts[before][2]
    sentence_end = found.end() + len(sentence_rest(text, found.end()))
    later = [kind for start, _, kind in acts if found.end() <= start < sentence_end]
    return later[0] if later else None


def sentence_rest(text: str, position: int) -> str:
    rest = text[position: position + 200]
    stop = SENTENCE_END.search(rest)
    return rest[: stop.start()] if stop else rest


def expand(found: re.Match, span_text: str, start: int, end: int) -> list[dict]:
    articles = numbers(found.group("articles"))
    points = numbers(found.group("points") or found.groupdict().get("points_after") or "") or [None]
    return [{"article": article, "paragraph": point, "text": span_text.strip(),
             "start": start, "end": end}
            for article in articles for point in points]


def numbers(listed: str) -> list[int]:
    """«27 и 28» → [27, 28]; «27–29» → [27, 28, 29]."""
    values: list[int] = []
    for part in re.split(r"\s*(?:,|\bи\b|\bили\b)\s*", listed.strip()):
        ends = [int(n) for n in re.findall(r"\d+", part)]
        if len(ends) == 2 and 0 < ends[1] - ends[0] <= MAX_RANGE:
            values.extend(range(ends[0], ends[1] + 1))
        else:
            values.extend(ends)
    return list(dict.fromkeys(values))
