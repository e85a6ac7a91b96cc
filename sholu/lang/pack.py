"""The language pack record: the words and patterns of one language that the stages
read, its morphology, and its word lists (read from the pack's folder when first used)."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType



# Direct speech is marked by punctuation alike in the languages Sholu reads: these are
# every pack's unless it gives its own.
# A line of an interview or a headline: «Мустафа Джемилев: …», «Путин: …».
LABEL_LINE = re.compile(r"^[ \t]*([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][^\n:«»\"]{1,40}?):[ \t]+(\S[^\n]*)$", re.MULTILINE)
# A line of dialogue: a paragraph opening with a dash.
DASH_LINE = re.compile(r"^[ \t]*[–—-][ \t]+(?=\S)", re.MULTILINE)
# The attribution after direct speech: «…», — сказал он / «…» — сказал / «…», сказал.
AFTER_SPEECH = re.compile(r"\s*(?:,\s*[–—-]?|[–—-])\s*([\w-]+)")
# The attribution inside a quotation broken by it: «Часть один, — сказал X, — часть два».
INSIDE_SPEECH = re.compile(r"[,.!?…]\s*[–—-]\s*([\w-]+)")
NEVER = re.compile(r"(?!)")                 # a pattern a pack without the words leaves as it is


@dataclass(frozen=True)
class ReportedSpeech:
    """Speech a verb-final language reports before its verb («…» деп атап өтті): offsets
    into the text of the content and of the window its speaker is named in."""
    kind: str                                # direct | indirect
    start: int
    end: int
    speaker_start: int
    speaker_end: int
    verb: str


@dataclass(frozen=True, eq=False)          # eq=False: hashed by identity, so caches can key on it
class LanguagePack:
    code: str                                # ISO 639-1
    package: str                             # the module whose folder holds the word lists
    morphology: ModuleType                   # lemma, dictionary_form, parses, WORD, inflection
    # quotes
    speech_verbs: frozenset[str]             # lemmas of verbs of saying
    speaker_pronouns: Mapping[str, str]      # pronoun -> masc | femn | plur
    group_nouns: frozenset[str]              # lemmas of collective speakers («участники»)
    masculine_names_in_a: tuple[str, ...]    # first names ending like feminine ones
    that_clause: re.Pattern                  # «, что» after a verb of saying
    according_to: re.Pattern                 # «По словам X, …»: groups (pronoun, speaker)
    according_to_verb: str                   # the verb such a quote records
    as_said: re.Pattern                      # «Как заявил X, …»: groups (verb, speaker)
    # people
    role_synonyms: Mapping[str, tuple[str, ...]]   # role noun -> titles it stands for
    generic_roles: frozenset[str]            # role nouns too vague to point at one person
    # dates
    months: Mapping[str, int]                # a month name's first letters -> its number
    month_pattern: str                       # regex: a month name in any case form
    short_month_pattern: str                 # regex: newsroom abbreviations («сент.»)
    # events
    event_triggers: tuple[tuple[str, re.Pattern], ...]   # (type, sentence pattern), first wins
    vote_triggers: Mapping[str, re.Pattern]  # election | referendum -> pattern
    elsewhen: re.Pattern                     # a time that is not a day («в марте», «ранее»)
    audience_heads: frozenset[str]           # lemmas a gathering's audience is named by
    audience_complements: frozenset[str]     # lemmas of the genitive after it («предприятия»)
    # quotes, more constructions (a pack without them finds only the ones above)
    intent_verbs: frozenset[str] = frozenset()     # «призвал/пообещал» + infinitive
    bare_titles: frozenset[str] = frozenset()      # a title alone is no person («при Президенте»)
    honorifics: frozenset[str] = frozenset()       # «госпожа», «господин»: address, not a position
    quoting_verbs: frozenset[str] = frozenset()    # «цитирует X»: X, not the subject, said it
    object_verbs: frozenset[str] = frozenset()     # «опроверг слухи»: the object is what was said
    naming_verbs: frozenset[str] = frozenset()     # «назвал реформу убийцей / «убийцей»»: a verdict
    ruling_verbs: frozenset[str] = frozenset()     # «суд признал … недействительной»: a body's act, no verdict
    stance_nouns: frozenset[str] = frozenset()     # «выразил надежду …»
    introductory: frozenset[str] = frozenset()     # «по сведениям X,»: not the subject
    body_prepositions: frozenset[str] = frozenset()    # «в Минсвязи уверены»
    coordination: re.Pattern = NEVER               # «Израиль и США»: the «и» between two names
    phrase_links: frozenset[str] = frozenset()     # «наблюдатели от ОБСЕ», «источник в правительстве»
    body_complements: frozenset[str] = frozenset()     # «департамент по делам молодёжи»: part of its name
    about_clause: re.Pattern = NEVER               # «сообщил об …»
    announcing_verbs: frozenset[str] = frozenset()     # the verbs «об …» follows
    agency_forms: frozenset[str] = frozenset()     # «…, сообщает агентство»: not a quote
    source_nouns: frozenset[str] = frozenset()     # «источник», «представитель»: unnamed
    indefinites: frozenset[str] = frozenset()      # «одна соседка», «некий чиновник»: someone new
    document_nouns: frozenset[str] = frozenset()   # «говорится в приказе»: a text, no speaker
    organization_nouns: frozenset[str] = frozenset()   # heads of organisations as speakers
    generic_bodies: frozenset[str] = frozenset()   # «ведомство»: the body named just before
    parenthesis: re.Pattern = NEVER                # «…, считает X, …»
    contrast: re.Pattern = NEVER                   # «…, а Y уверен, что …»: another speaker's statement
    about_this: re.Pattern = NEVER                 # «Об этом заявил X»
    about_that: re.Pattern = NEVER                 # «О том, что …, сообщил X»: the content first
    verb_after_comma: re.Pattern = NEVER           # «…, сообщил X»: group 1 the verb
    in_statement: re.Pattern = NEVER               # «В сообщении X говорится, что …»: groups body, named
    label_line: re.Pattern = LABEL_LINE            # «X: …» interview lines, headlines
    answer_labels: frozenset[str] = frozenset()    # «Ответ: …»: the interviewee speaks
    question_labels: frozenset[str] = frozenset()  # «Вопрос: …», «Корреспондент: …»: no source speaks
    dash_line: re.Pattern = DASH_LINE              # a paragraph of dialogue
    after_speech: re.Pattern = AFTER_SPEECH        # «…», — сказал X
    inside_speech: re.Pattern = INSIDE_SPEECH      # «…, — сказал X, — …»
    # a gathering named but not held that day (a talk show, a match, a cancelled meeting)
    not_a_gathering: re.Pattern = NEVER
    in_year: re.Pattern = NEVER              # «в 1961 году»: group 1, the year
    long_ago: re.Pattern = NEVER             # «20 лет назад», «в советское время»
    to_come: re.Pattern = NEVER              # a gathering announced: «встретится», «состоится»
    day_before: re.Pattern = NEVER           # «Накануне в …»: the day before the article
    vote_happens: re.Pattern = NEVER         # «15 марта пройдет референдум»: a date, a verb, the vote
    vote_of_date: re.Pattern = NEVER         # «15 наурыздағы референдум»: a date made the vote's attribute
    voting: re.Pattern = NEVER               # «голосование», «дауыс беру»: the vote of an article about one
    # a vote named as a time or as another vote («после референдума», «на следующих выборах»,
    # «референдумнан кейін»): groups before / after, the text next to the vote word
    vote_in_passing_before: re.Pattern = NEVER
    vote_in_passing_after: re.Pattern = NEVER
    # of those, a vote as the time after or before which something happens («после
    # референдума 15 марта», «15 наурыздағы референдумнан кейін»): not even a dated one is reported
    vote_bound_before: re.Pattern = NEVER
    vote_bound_after: re.Pattern = NEVER
    made_public: re.Pattern = NEVER          # «обнародовала итоги», «қорытындысын жариялады»: news told
    not_the_day_after: re.Pattern = NEVER    # a bound after a date («20 наурызға дейін»): no event's day
    # (sentence, its offset, quoted spans) -> speech before its verb; None where the verb
    # of saying comes first (Russian)
    verb_final_speech: Callable[[str, int, list], Iterator[ReportedSpeech]] | None = None
    # (text, start, end, organisation spans) -> the body a phrase ending at `end` names, in
    # the nominative; None where the pack reads bodies' phrases word by word (Russian)
    body_speaker: Callable[[str, int, int, list], str | None] | None = None
    # (text, end of a body's name, limit) -> where the head of the phrase the body's genitive
    # belongs to ends («[X сотының] баспасөз қызметі»), or None
    body_head_after: Callable[[str, int, int], int | None] | None = None
    # (text, sentence start, where a person's name starts) -> whether the words between are
    # a title that name closes, the subject of a verb-final sentence («… басқармасының басшысы X»)
    titles_person: Callable[[str, int, int], bool] | None = None

    def lemma(self, word: str) -> str:
        return self.morphology.lemma(word)

    def word_list(self, name: str) -> tuple[str, ...]:
        """`NAME.txt` of the pack's folder: words separated by white space, # comments."""
        return read_word_list(self.package, name)

    @property
    def stop_words(self) -> frozenset[str]:
        return frozenset(self.word_list("stopwords"))

    @property
    def titles(self) -> tuple[str, ...]:
        return self.word_list("titles")

    @property
    def org_heads(self) -> frozenset[str]:
        return frozenset(self.word_list("org_heads"))


@lru_cache(maxsize=None)
def read_word_list(package: str, name: str) -> tuple[str, ...]:
    from importlib import resources

    raw = resources.files(package).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0] for line in raw.splitlines())
    return tuple(word for line in lines for word in line.split())
