"""The Russian language pack: word lists (stopwords.txt, titles.txt, org_heads.txt in
this folder), the words and patterns in `words` and `triggers`, pymorphy in `morphology`."""
from __future__ import annotations

from ..pack import LanguagePack
from . import morphology, triggers, words

PACK = LanguagePack(
    code="ru",
    package=__name__,
    morphology=morphology,
    speech_verbs=words.SPEECH_VERBS,
    speaker_pronouns=words.SPEAKER_PRONOUNS,
    group_nouns=words.GROUP_NOUNS,
    masculine_names_in_a=words.MASCULINE_NAMES_IN_A,
    role_synonyms=words.ROLE_SYNONYMS,
    generic_roles=words.GENERIC_ROLES,
    months=words.MONTHS,
    month_pattern=words.MONTH_PATTERN,
    short_month_pattern=words.SHORT_MONTH_PATTERN,
    event_triggers=triggers.GATHERING_TRIGGERS,
    vote_triggers=triggers.VOTE_TRIGGERS,
    elsewhen=triggers.ELSEWHEN,
    audience_heads=words.AUDIENCE_HEADS,
    audience_complements=words.AUDIENCE_COMPLEMENTS,
)
