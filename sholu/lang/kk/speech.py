"""How Kazakh reports speech. The verb of saying comes last (Turkic word order), so the
patterns Russian puts after the verb stand before it here; the quotes stage reads
verb-final speech through `verb_final_speech`."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..pack import ReportedSpeech
from .bodies import is_body_noun
from .morphology import (GENITIVE_ENDINGS, LETTERS, has_case_ending, is_common_word, is_person_noun, is_speech_verb,
                         proper_names, speech_stem)
from .words import OPINION_FRAMES

WORDS = re.compile(rf"[{LETTERS}]+")
MIN_CONTENT_WORDS = 3
DASH = re.compile(r"[–—-]")
# Russian's «, что» has no Kazakh counterpart after the verb: never matches.
THAT_CLAUSE = re.compile(r"(?!x)x")
# «Аида Балаеваның айтуынша, …», «Оның пікірінше, …»: group 1 a pronoun, group 2 a speaker.
ACCORDING_TO = re.compile(rf"\s*(?:(Оның|Олардың)|([^,]{{2,80}}?(?:ның|нің|дың|дің|тың|тің)))\s+"
                          rf"(?:айтуынша|сөзінше|пікірінше|мәліметінше|хабарлауынша)\s*,\s*")
ACCORDING_TO_VERB = "айтуынша"
# «Министр атап өткендей, …»: group 1 the verb (read in a look-ahead), group 2 the speaker.
AS_SAID = re.compile(rf"\s*(?=[^,]{{2,80}}?\s+((?:атап\s+)?[{LETTERS}]+(?:ғандай|гендей|қандай|кендей))\s*,)"
                     rf"([^,]{{2,80}}?)\s+(?:атап\s+)?[{LETTERS}]+(?:ғандай|гендей|қандай|кендей)\s*,\s*",
                     re.IGNORECASE)
# «Балаева: «…», – деді.»: the verb alone after the quote.
BARE_VERB_AFTER = re.compile(r"\s*,?\s*[–—-]\s*(\w+)\s*[.!]?\s*$")
# Reported content before the verb of saying: «… деп» (direct or indirect), or a clause
# made a noun («… екенін», «… баратынын», «… қолдағанын», plural «… келетіндерін») that the
# verb takes as object.
# The clause is in the accusative, or in the dative for a verb that takes it («…
# ашылатынына сендірді», assured that … would open).
NOMINALISED = (r"(?:екен|болған|\w+(?:атын|етін|йтын|йтін|ған|ген|қан|кен)(?:дар|дер|лар|лер|тар|тер)?)"
               r"(?:дігіне|дығына|ына|іне|дігін|дығын|ын|ін)")
# Looked for in the sentence's last TAIL_REACH characters only, so a sentence costs the same
# however many «деп» it holds.
OPINION_TAIL = "|".join(sorted(OPINION_FRAMES))
OPINION_AFTER = rf"(?=\s+(?:{OPINION_TAIL})\s*[.!]?\s*$)"      # «деген» only before an opinion frame
SAID_TAIL = re.compile(rf"(?<!\w)(?:(?P<dep>деп|деген{OPINION_AFTER})|(?P<clause>{NOMINALISED}))\s+"
                       rf"(?P<verb>(?:[{LETTERS}]+\s+){{0,2}}?[{LETTERS}]+)\s*[.!]?\s*$", re.IGNORECASE)
TAIL_REACH = 160
SUBJECT_REACH = 10          # words from a sentence's start where its subject is looked for
SUBJECT_PRONOUNS = frozenset(("ол", "олар", "мен", "біз"))
PHRASE_BREAK = re.compile(r"[,;:.!?()–—]")        # no word of one noun phrase stands behind these
PARTICIPLE_ENDINGS = ("атын", "етін", "йтын", "йтін", "ған", "ген", "қан", "кен")
# «… Әлия Бекова да қатысып, …»: a converb clause of a few words closed by a comma, what the
# subject did before saying it
CONVERB_CLAUSE = re.compile(rf"(?:\s+[{LETTERS}]+){{0,3}}?\s+[{LETTERS}]+(?:ып|іп|п)\s*,", re.IGNORECASE)


def verb_final_speech(sentence: str, offset: int, quoted: list[tuple[int, int]]) -> Iterator[ReportedSpeech]:
    """Speech reported before its verb in one sentence (`offset`: where it starts in
    the text): «Балаева «…» деп атап өтті», «Министр жалақы өсетінін айтты», «Балаева:
    «…», – деді»; the speaker is looked for before the content."""
    inside = [(s - offset, e - offset) for s, e in quoted if offset <= s and e <= offset + len(sentence)]
    yield from bare_verb_after(sentence, offset, inside)
    yield from said_before(sentence, offset, inside)


def bare_verb_after(sentence: str, offset: int, inside: list[tuple[int, int]]) -> Iterator[ReportedSpeech]:
    """«Балаева: «…», – деді.»: the verb alone after the quote, its speaker before it."""
    match = BARE_VERB_AFTER.match(sentence, inside[-1][1]) if inside else None
    if match and is_speech_verb(match.group(1)):
        start, end = inside[-1]
        yield ReportedSpeech("direct", offset + start + 1, offset + end - 1, offset, offset + start,
                             speech_stem(match.group(1)))


def said_before(sentence: str, offset: int, inside: list[tuple[int, int]]) -> Iterator[ReportedSpeech]:
    match = SAID_TAIL.search(sentence, max(0, len(sentence) - TAIL_REACH))
    verb = match and said_verb(match)
    if not verb:
        return
    content_start = 0
    content_end = match.end("clause") if match.group("clause") else len(sentence[:match.start("dep")].rstrip())
    if len(WORDS.findall(sentence, content_start, content_end)) < MIN_CONTENT_WORDS:
        return                # «деп айтты» after a word or two is no statement
    if inside and DASH.search(sentence, inside[-1][1], content_end):
        return                # «…», – деп атап өтті X: the quotes stage reads a dash attribution itself
    if inside and inside[-1][1] >= content_end - 1:
        content_start, content_end = inside[-1][0] + 1, inside[-1][1] - 1
        kind, speaker_end = "direct", inside[-1][0]
    else:
        content_start = clause_start(sentence, content_end)
        kind, speaker_end = "indirect", content_start
    yield ReportedSpeech(kind, offset + content_start, offset + content_end, offset,
                         offset + max(speaker_end, 0), verb)


def said_verb(match: re.Match) -> str | None:
    """The verb of saying that closes the sentence, as a stem: after «деп» or a clause,
    the first verb of saying among the last words; after «деген», the opinion frame that
    ends the sentence («деген пікірде»; a «деген» before any other noun names a thing:
    «… деген атау»)."""
    words = match.group("verb").split()
    if match.group("dep") == "деген":
        return words[0].lower()
    return next((speech_stem(word) for word in words if is_speech_verb(word)), None)


def clause_start(sentence: str, end: int) -> int:
    """Indirect content starts after its speaker, the sentence's subject: a name, a
    person noun or a pronoun in the nominative among its first words, with the titles,
    names and genitives after it («Мәжіліс депутаты Аида Балаева …», «Шымкент қаласының
    әкімі Ғабит Сыздықбеков …»); the words before it (time, place) are no content, nor is
    what the subject did first («… да қатысып, …»). With no such subject, the first run
    of capitalised words."""
    every_word = list(re.finditer(r"[^\s,]+", sentence[:end]))
    words = every_word[:SUBJECT_REACH]
    subject_end = subject_run_end(words, is_subject_word) or subject_run_end(words, is_body_subject)
    if not subject_end:
        return capitalised_run_end(words)
    subject_end = titled_person_end(sentence, every_word, subject_end) or subject_end
    converb = CONVERB_CLAUSE.match(sentence, subject_end, end)
    return converb.end() if converb else subject_end


def titled_person_end(sentence: str, words: list, run_end: int) -> int:
    """«Коалиция үйлестірушісі Дана Ермекова …», «Партияның Павлодар облыстық филиалының
    төрағасы Зарина Ахметова …»: a subject run that is a body or a place, not a person, is
    the first word of a phrase whose head is a title and a name, the person who speaks.
    Where that name ends, or 0 when the words after the run do not lead to one."""
    run = [word.group() for word in words if word.end() <= run_end]
    if not run or not names_no_person(run[-1]):
        return 0
    rest = [word for word in words if word.start() >= run_end]
    quoted = False
    for index, word in enumerate(rest[:SUBJECT_REACH]):
        if PHRASE_BREAK.search(sentence, rest[index - 1].end() if index else run_end, word.start()):
            return 0
        if not quoted and index and is_name_word(word.group()) and is_title_word(rest[index - 1].group()):
            return name_run_end(rest, index)
        quoted = (quoted or word.group().startswith("«")) and not word.group().endswith("»")
        if not (quoted or word.group().endswith("»") or is_phrase_word(rest, index)):
            return 0
    return 0


def names_no_person(word: str) -> bool:
    """A body («Коалиция») or a name the vocabulary knows written capitalised (a place)."""
    lower = word.lower().strip("«»\"")
    return not is_person_noun(lower) and (is_body_noun(lower) or lower in proper_names())


def is_name_word(word: str) -> bool:
    return word[:1].isupper() and word.replace("-", "").isalpha() and not has_case_ending(word.lower())


def is_title_word(word: str) -> bool:
    """«төрағасы», «үйлестірушісі», «заңгері»: a lower-case noun in the nominative."""
    return word.islower() and word.replace("-", "").isalpha() and not has_case_ending(word)


def is_phrase_word(words: list, index: int) -> bool:
    """A word inside a noun phrase before its head: a lower-case attribute in the nominative
    or the genitive, or a noun in another case that a participle after it governs
    («құрамына кіретін», "which is part of")."""
    word = words[index].group()
    if not word.islower() or not word.replace("-", "").isalpha():
        return False
    if not has_case_ending(word) or word.endswith(GENITIVE_ENDINGS) or word.endswith(PARTICIPLE_ENDINGS):
        return True
    return index + 1 < len(words) and words[index + 1].group().endswith(PARTICIPLE_ENDINGS)


def name_run_end(words: list, first: int) -> int:
    last = first
    while last + 1 < len(words) and is_name_word(words[last + 1].group()):
        last += 1
    return words[last].end()


def subject_run_end(words: list, is_subject) -> int:
    """Where the first run of subject words ends (genitives within it belong to it), or 0."""
    subject_end = 0
    for index, word in enumerate(words):
        if is_subject(word.group(), index):
            subject_end = word.end()
        elif subject_end and not word.group().lower().endswith(GENITIVE_ENDINGS):
            break
    return subject_end


def is_body_subject(word: str, index: int) -> bool:
    """A body's head noun in the nominative («Министрлік …», «… баспасөз қызметі …»): the
    subject of a sentence that names no person as its subject."""
    lower = word.lower().strip("«»\"")
    return not has_case_ending(lower) and is_body_noun(lower)


def is_subject_word(word: str, index: int) -> bool:
    """A word that may be (part of) the subject: in the nominative, a person noun or
    pronoun, or a name (the first word of a sentence only when it is no common word)."""
    lower = word.lower().strip("«»\"")
    if has_case_ending(lower) or not lower.replace("-", "").isalpha():
        return False
    if lower in SUBJECT_PRONOUNS or is_person_noun(lower):
        return True
    return word[:1].isupper() and (index > 0 or not is_common_word(lower))


def capitalised_run_end(words: list) -> int:
    run_end = 0
    for word in words[:6]:
        if word.group()[:1].isupper() and not has_case_ending(word.group()):
            run_end = word.end()
        elif run_end:
            break
    return run_end
