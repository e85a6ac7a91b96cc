"""Kazakh words the stages look for: verbs of saying (as stems: Kazakh verbs take their
endings after an unchanging stem, деді, деп, айтты, мәлімдеді), speakers' group nouns,
role nouns, months, a gathering's audience."""
from __future__ import annotations

# --- quotes ----------------------------------------------------------------------------
# Verb stems of saying; a word is a verb of saying when one of these stems carries a
# verb ending (morphology.VERB_ENDINGS).
# «еске» stands for «еске салды» (reminded): a verb phrase is known by its first word;
# «есепте» is «деп есептейді» (considers that …), like «деп санайды»;
# «жасырма» is «did not hide (that …)», an admission like «мойындады».
SPEECH_VERBS = frozenset("""де айт мәлімде хабарла түсіндір жеткіз ескерт шақыр атап
    баса сендір білдір сана ойла еске баянда раста мойында қорытындыла жасырма есепте""".split())
# «… деген пікірде» (is of the opinion that …): a view held, reported like a verb of saying;
# the noun in the locative after «деген» stands for the verb.
OPINION_FRAMES = frozenset("пікірде ойда көзқараста".split())
# «Ол» is he and she alike (Kazakh pronouns name no gender): the person last named as a
# subject, whoever it is; the plural, the group last named.
SPEAKER_PRONOUNS = {"ол": "either", "оның": "either", "олар": "plur", "олардың": "plur"}
GROUP_NOUNS = frozenset("""қатысушы депутат өкіл қызметкер сарапшы тұрғын мүше
    ұйымдастырушы жұмысшы""".split())
# Interview line labels: the answer is the interviewee's, the question the interviewer's.
ANSWER_LABELS = frozenset(("жауап",))
QUESTION_LABELS = frozenset(("сұрақ", "тілші", "журналист", "жүргізуші"))
MASCULINE_NAMES_IN_A = ("мұса", "иса", "ата")

# --- people ----------------------------------------------------------------------------
ROLE_SYNONYMS = {"басшы": ("министр", "әкім", "төраға", "басшы", "директор", "президент")}
GENERIC_ROLES = frozenset("мүше өкіл қызметкер тұрғын азамат адам".split())
# Other nouns that name a person (the quotes stage reads them as speakers, not things).
OTHER_PERSON_NOUNS = frozenset("""орынбасар кеңесші спикер маман жетекші сарапшы мұғалім дәрігер төрайым
    кәсіпкер шахтер зейнеткер сайлаушы студент ұстаз педагог тәрбиеші""".split())

# --- events: whom a gathering was for --------------------------------------------------
AUDIENCE_HEADS = frozenset("ұжым жұмысшы қызметкер тұрғын сайлаушы жастар студент мұғалім дәрігер".split())
AUDIENCE_COMPLEMENTS = frozenset("кәсіпорын зауыт министрлік компания комбинат әкімдік ұйым".split())
