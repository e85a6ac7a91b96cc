"""The Kazakh language pack: a CRF NER model trained on KazNERD (`ner`, CC BY 4.0), a
stemmer that strips case, possessive and plural endings (`morphology`), speech reported
before its verb (`speech`), event words (`triggers`). The month names also serve Russian
news of Kazakhstan, which writes dates with them (2026 жылғы 15 наурыз), and the clean
stage counts the function words of stopwords.txt in prose."""
from __future__ import annotations

from ..pack import LanguagePack
from . import bodies, morphology, speech, subject, triggers, words

LETTERS = "а-яёәіңғүұқөһ"                  # for character classes: Cyrillic plus Kazakh letters
# A month name with any short suffix (наурызда, сәуірдің), a possessive one after a year in the
# genitive too («2026 жылдың 15 шілдесінде», «шілдесіндегі»); қыркүйек voices its last
# consonant before a vowel (қыркүйегі, қыркүйегінде).
MONTH_PATTERN = (r"(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйе[кг]|қазан"
                 rf"|қараша|желтоқсан)(?:с?[ыі]н[{LETTERS}]{{0,5}}|[{LETTERS}]{{0,4}})")
MONTHS = {                                  # a month name's first three letters -> its number
    "қаң": 1, "ақп": 2, "нау": 3, "сәу": 4, "мам": 5, "мау": 6, "шіл": 7, "там": 8,
    "қыр": 9, "қаз": 10, "қар": 11, "жел": 12,
}

PACK = LanguagePack(
    code="kk",
    package=__name__,
    morphology=morphology,
    speech_verbs=words.SPEECH_VERBS,
    speaker_pronouns=words.SPEAKER_PRONOUNS,
    group_nouns=words.GROUP_NOUNS,
    masculine_names_in_a=words.MASCULINE_NAMES_IN_A,
    answer_labels=words.ANSWER_LABELS,
    question_labels=words.QUESTION_LABELS,
    that_clause=speech.THAT_CLAUSE,
    according_to=speech.ACCORDING_TO,
    according_to_verb=speech.ACCORDING_TO_VERB,
    as_said=speech.AS_SAID,
    role_synonyms=words.ROLE_SYNONYMS,
    generic_roles=words.GENERIC_ROLES,
    months=MONTHS,
    month_pattern=MONTH_PATTERN,
    short_month_pattern=r"(?!x)x",           # Kazakh news writes months in full
    event_triggers=triggers.GATHERING_TRIGGERS,
    vote_triggers=triggers.VOTE_TRIGGERS,
    voting=triggers.VOTING,
    vote_in_passing_before=triggers.VOTE_IN_PASSING_BEFORE,
    vote_in_passing_after=triggers.VOTE_IN_PASSING_AFTER,
    vote_bound_after=triggers.VOTE_BOUND_AFTER,
    not_the_day_after=triggers.NOT_THE_DAY_AFTER,
    made_public=triggers.MADE_PUBLIC,
    elsewhen=triggers.ELSEWHEN,
    vote_happens=triggers.VOTE_HAPPENS,
    vote_of_date=triggers.VOTE_OF_DATE,
    audience_heads=words.AUDIENCE_HEADS,
    audience_complements=words.AUDIENCE_COMPLEMENTS,
    verb_final_speech=speech.verb_final_speech,
    body_speaker=bodies.body_speaker,
    body_head_after=bodies.head_after,
    titles_person=subject.titles_person,
)
