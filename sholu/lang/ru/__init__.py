"""The Russian language pack: word lists (stopwords.txt, titles.txt, org_heads.txt in
this folder), words in `words`, patterns of reported speech in `speech` and of events in
`triggers`, pymorphy in `morphology`."""
from __future__ import annotations

from ..pack import LanguagePack
from . import morphology, speech, triggers, words

PACK = LanguagePack(
    code="ru",
    package=__name__,
    morphology=morphology,
    speech_verbs=words.SPEECH_VERBS,
    speaker_pronouns=words.SPEAKER_PRONOUNS,
    group_nouns=words.GROUP_NOUNS,
    masculine_names_in_a=words.MASCULINE_NAMES_IN_A,
    that_clause=speech.THAT_CLAUSE,
    according_to=speech.ACCORDING_TO,
    according_to_verb=speech.ACCORDING_TO_VERB,
    as_said=speech.AS_SAID,
    role_synonyms=words.ROLE_SYNONYMS,
    generic_roles=words.GENERIC_ROLES,
    months=words.MONTHS,
    month_pattern=words.MONTH_PATTERN,
    short_month_pattern=words.SHORT_MONTH_PATTERN,
    event_triggers=triggers.GATHERING_TRIGGERS,
    vote_triggers=triggers.VOTE_TRIGGERS,
    voting=triggers.VOTING,
    elsewhen=triggers.ELSEWHEN,
    not_a_gathering=triggers.NOT_A_GATHERING,
    in_year=triggers.IN_YEAR,
    long_ago=triggers.LONG_AGO,
    to_come=triggers.TO_COME,
    day_before=triggers.DAY_BEFORE,
    vote_happens=triggers.VOTE_HAPPENS,
    audience_heads=words.AUDIENCE_HEADS,
    audience_complements=words.AUDIENCE_COMPLEMENTS,
    intent_verbs=words.INTENT_VERBS,
    quoting_verbs=words.QUOTING_VERBS,
    bare_titles=words.BARE_TITLES,
    stance_nouns=words.STANCE_NOUNS,
    introductory=frozenset(("по", "согласно")),
    body_prepositions=frozenset(("в", "во")),
    phrase_links=frozenset(("от", "в", "во", "при")),
    about_clause=speech.ABOUT_CLAUSE,
    announcing_verbs=words.ANNOUNCING_VERBS,
    agency_forms=words.AGENCY_FORMS,
    source_nouns=words.SOURCE_NOUNS,
    organization_nouns=words.ORGANIZATION_NOUNS,
    parenthesis=speech.PARENTHESIS,
    about_this=speech.ABOUT_THIS,
    in_statement=speech.IN_STATEMENT,
)
