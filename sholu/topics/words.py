"""Words of a text as lemmas, the unit both seed terms and paragraphs are compared in.
The word vectors are Russian; seed terms are Russian and Kazakh, a Kazakh word read by
its stem."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..lang import pack_for
from ..lang.kk.morphology import kazakh_stem, stem
from ..lang.ru.morphology import LETTER_WORD as WORD, fold_yo, parses

# Parts of speech that carry meaning; prepositions, conjunctions, particles, pronouns and
# adverbs only glue words together, so phrases match across them.
CONTENT_POS = frozenset({"NOUN", "ADJF", "ADJS", "COMP", "VERB", "INFN", "PRTF", "PRTS", "GRND"})
NEVER_CONTENT = frozenset({"быть", "стать", "мочь", "который", "свой", "весь", "также"})
LIKELY_PARSE = 0.1     # readings pymorphy rates below this are ignored («стали» as steel)
# «Основной закон» and the Kazakh «Ата Заң» («father law») are the Constitution; folding
# each into one word keeps its «закон» / «заң» from counting as ordinary legislation
# («в новом Основном законе», «жаңа Ата Заң» are no «новый закон»). By the head word's
# lemma, the lemmas its modifier may have («основном» reads best as the noun «основное»).
CONSTITUTION_ALIASES = {"закон": frozenset({"основной", "основный", "основное"}), "заң": frozenset({"ата"})}
CONSTITUTION = frozenset({"конституция"})


@dataclass(frozen=True)
class Word:
    form: str                 # lowercased, ё as е
    lemma: str                # the likeliest reading
    lemmas: frozenset[str]    # every likely reading: «судов» is «судно» or «суд»
    in_name: bool = False     # inside a named organisation («Министерство труда…»)


@dataclass(frozen=True)
class Analysis:
    lemma: str
    lemmas: frozenset[str]
    is_content: bool


def words(text: str, names: tuple[tuple[int, int], ...] = ()) -> list[Word]:
    """The content words of a text, lemmatised; `names` are spans of organisation names."""
    found, within = [], Covered(names)
    for match in WORD.finditer(text):
        form, analysis = read_word(match.group())
        if analysis.is_content:
            found.append(Word(form, analysis.lemma, analysis.lemmas, within(match.start(), match.end())))
    return fold_constitution(found)


class Covered:
    """Whether a stretch lies inside the spans (joined where they overlap), by bisection:
    a scan of every name per word made an article of many organisations quadratic."""

    def __init__(self, spans: tuple[tuple[int, int], ...]):
        self.spans: list[list[int]] = []
        for start, end in sorted(spans):
            if self.spans and start <= self.spans[-1][1]:
                self.spans[-1][1] = max(self.spans[-1][1], end)
            else:
                self.spans.append([start, end])
        self.starts = [start for start, _ in self.spans]

    def __call__(self, start: int, end: int) -> bool:
        index = bisect_right(self.starts, start) - 1
        return index >= 0 and end <= self.spans[index][1]


def normal_form(word: str) -> str:
    return fold_yo(word.lower())


def surface_forms(text: str) -> list[str]:
    return WORD.findall(normal_form(text))


@lru_cache(maxsize=200_000)
def read_word(written: str) -> tuple[str, Analysis]:
    """A word as written: its normal form and analysis, remembered (words repeat)."""
    form = normal_form(written)
    return form, analyse(form)


@lru_cache(maxsize=200_000)
def analyse(form: str) -> Analysis:
    """One pymorphy parse per distinct word form and process: parsing is the costly part.
    A Kazakh word is its stem (Kazakh seed terms match every case form)."""
    kazakh = kazakh_stem(form)
    if kazakh:
        return Analysis(kazakh, frozenset({kazakh}), kazakh not in kazakh_function_words())
    readings = parses(form)
    best = readings[0]
    lemma = best.normal_form.replace("ё", "е")
    likely = {p.normal_form.replace("ё", "е") for p in readings if p.score >= LIKELY_PARSE}
    # Unknown words (latin, abbreviations such as «ЦИК») count: they often name things.
    pos = best.tag.POS
    meaningful = pos in CONTENT_POS or pos is None or "Abbr" in best.tag
    content = meaningful and len(form) > 1 and lemma not in NEVER_CONTENT
    return Analysis(lemma, frozenset(likely | {lemma}), content)


def is_content(form: str) -> bool:
    return analyse(normal_form(form)).is_content


def lemma_alternatives(form: str) -> frozenset[str]:
    """Every lemma pymorphy offers for a word, however unlikely: a seed word written as
    «данные» must match text where the best reading is «данные», not «дать»."""
    kazakh = kazakh_stem(normal_form(form))
    if kazakh:
        return frozenset({kazakh})
    return frozenset(p.normal_form.replace("ё", "е") for p in parses(normal_form(form)))


def term_lemmas(forms: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """Each word's lemma alternatives; in a Kazakh term its Kazakh stem too: «сот» of
    «Конституциялық сот» reads as Russian (сотня), while «Сотқа» in a text is stemmed."""
    kazakh = any(kazakh_stem(normal_form(form)) for form in forms)
    return tuple(lemma_alternatives(form) | ({stem(normal_form(form))} if kazakh else set()) for form in forms)


@lru_cache(maxsize=1)
def kazakh_function_words() -> frozenset[str]:
    return frozenset(stem(word) for word in pack_for("kk").stop_words)


def fold_constitution(found: list[Word]) -> list[Word]:
    folded: list[Word] = []
    for word in found:
        if folded and folded[-1].lemmas & CONSTITUTION_ALIASES.get(word.lemma, frozenset()):
            folded[-1] = Word("конституция", "конституция", CONSTITUTION, word.in_name)
        else:
            folded.append(word)
    return folded
