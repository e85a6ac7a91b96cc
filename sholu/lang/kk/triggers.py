"""The words that announce an event in a Kazakh sentence; endings follow the stem
(кездесу, кездесуде, кездесті), so patterns match stems."""
from __future__ import annotations

import re

PRESS_CONFERENCE = re.compile(r"\bбаспасөз\s+(?:конференция|мәслихат)\w*|\bбрифинг\w*", re.IGNORECASE)
# A gathering that took place («жиналыс өтті», «форум өткізілді»), not one merely named.
HAPPENED = r"(?:өтті|өтеді|өткізілді|өткізді|ұйымдастырылды|ұйымдастырды)"
# «кездесті», «кездесіп», «жүздесті»; the noun when the meeting took place or was attended
# («Кездесу … өтті», «Кездесуге … қатысты»), not when it only dates what follows
# («Кездесу соңында министр Алматыға баратынын хабарлады»: no meeting in Almaty).
MEETING = re.compile(rf"\bкездес(?:т|ед|іп|кен|пек)\w*|\bжүздес\w*|\bкездесу\w*\s+(?:\S+\s+){{0,6}}?{HAPPENED}\b|"
                     r"\bкездесуге\s+(?:\S+\s+){0,6}?қатыс\w*", re.IGNORECASE)
# a ceremony, a congress, a rally, a forum
GATHERING = (r"(?:жиналыс|жиын|форум|дөңгелек\s+үстел|семинар|конференция|"
             r"салтанатты\s+шара|құрылтай|съезд|митинг)\w*")
# a sitting of a council or parliament (отырыс, сессия): its members meet, so it is a meeting
SITTING = r"(?:отырыс|сессия)\w*"
# attended or spoken at: «Салтанатты шараға әкім қатысты», «отырысында баяндама жасады»
TAKEN_PART = r"(?:қатыс|баяндама\s+жаса|сөз\s+сөйле|сөйле)\w*"
# a signing («меморандумға қол қойды») and a handover into use («пайдалануға берілді»)
SIGNED_OR_OPENED = r"\b(?:келісім|меморандум|шарт)\w*\s+(?:\S+\s+){0,3}?қол\s+қой\w*|\bпайдалануға\s+бер\w*"


def held(gathering: str) -> str:
    """A gathering of this kind that took place or was attended."""
    return rf"\b{gathering}\s+(?:\S+\s+){{0,6}}?(?:{HAPPENED}\b|{TAKEN_PART})"


# what was said or decided at a sitting («отырысында … айтты», «сессиясында … енгізілді»)
SAID_OR_DECIDED = (r"(?:айтты|айтып|мәлімдеді|хабарлады|жеткізді|атап\s+өтті|баяндады|бекітілді|бекітті|"
                   r"енгізілді|қаралды|талқыланды|қабылданды|қабылдады|мақұлданды|мақұлдады)")
# A participle before a noun after the sitting («сессиясында берілген уәделер», the promises given
# at it) takes the sitting: the verb that ends the sentence reports something else said
# elsewhere. «өткен» (past, last: «өткен жылдың») is an adjective.
SITTING_PARTICIPLE = r"(?!өткен\s)\S*(?:ған|ген|қан|кен)\s"
SITTING_HELD = re.compile(rf"{held(SITTING)}|\b{SITTING}нда\s+(?:(?!{SITTING_PARTICIPLE})\S+\s+){{0,25}}?"
                          rf"{SAID_OR_DECIDED}", re.IGNORECASE)
OTHER = re.compile(rf"{held(GATHERING)}|{SIGNED_OR_OPENED}", re.IGNORECASE)
# a meeting with someone, or a sitting of a body
MEETING_OR_SITTING = re.compile(f"{MEETING.pattern}|{SITTING_HELD.pattern}", re.IGNORECASE)
GATHERING_TRIGGERS = (("press_conference", PRESS_CONFERENCE), ("meeting", MEETING_OR_SITTING), ("other", OTHER))

VOTE_TRIGGERS = {
    # an election, not a polling station, the election commission or a voter (сайлаушы)
    "election": re.compile(r"\bсайлау(?:ы|да|ға|дың|ды|дан|ын|ына|ында|лар|лары|ларда|ларға|лардың)?\b"
                           r"(?!\s+(?:учаске|комиссия|округ))", re.IGNORECASE),
    # a referendum, not its commission («қалалық референдум комиссиясы»)
    "referendum": re.compile(r"\bреферендум\w*+(?!\s+(?:комиссия|учаске))", re.IGNORECASE),
}
# «2026 жылғы 15 наурызда өтетін референдум», «15 наурыз күні өтетін сайлау»: a date, then a
# verb of taking place before the vote word, dates the vote
VOTE_HAPPENS = re.compile(r"^\s*(?:күні\s+)?(?:өт|өткізіл|бол)(?:еді|етін|кен|ті|ген|ілетін|ілді|атын|ады|ған)\s+"
                          r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# «15 наурыздағы референдум»: a date in its attributive form (-ғы/-гі/-қы/-кі) right before
# the vote word is that vote's day; searched from the date's start to the vote word
VOTE_OF_DATE = re.compile(r"(?:ғы|гі|қы|кі)\s+$", re.IGNORECASE)
# A time that is not a day: «2019 жылы», «өткен жылы», «бұған дейін», «бұрын».
ELSEWHEN = re.compile(r"\b(?:1[89]\d\d|20\d\d)\s+жылы\b|\bөткен\s+(?:жылы|айда)\b|\bбұған\s+дейін\b|\bбұрын\b",
                      re.IGNORECASE)

# the voting itself («Голосование пройдёт 15 марта»): dates the one vote an article is about
VOTING = re.compile(r"\bдауыс\s+беру\w*", re.IGNORECASE)

# A vote named as the time of something else («референдум кезінде», «референдумнан кейін»,
# «сайлауға дейін») or as a matter («референдумға қатысты»): a passing mention, not the vote
# the article keeps coming back to. After the vote word's ending.
VOTE_IN_PASSING_BEFORE = re.compile(r"\b(?:келесі|алдағы\s+жылғы|өткен|алдыңғы|(?:19|20)\d\d\s+жылғы)\s+$",
                                    re.IGNORECASE)
VOTE_IN_PASSING_AFTER = re.compile(r"^\w*\s+(?:кезінде|кезіндегі|кейін\w*|дейін\w*|қарсаңында|барысында|қатысты)\b",
                                   re.IGNORECASE)
# the vote as a time bound, after its word's ending («референдумнан кейін», «сайлауға дейін»)
VOTE_BOUND_AFTER = re.compile(r"^\w*\s+(?:кейін\w*|дейін\w*|қарсаңында)\b", re.IGNORECASE)
# «20 наурыздың соңына дейін», «1 шілдеден бастап», «16 наурыздан кейін»: a bound after the
# date, not the day anything happens
NOT_THE_DAY_AFTER = re.compile(r"^\S*\s+(?:(?:соңына|аяғына|басына)\s+)?(?:дейін|шейін|бастап|кейін)\b",
                               re.IGNORECASE)

# A lead that tells when and where news was made public («16 наурызда Астанада қорытындысын
# жариялады»): the day and town of the briefing the article then quotes from.
MADE_PUBLIC = re.compile(r"\b(?:жария|мәлімде|хабарла|таныстыр|мәлім\s+ет|қорытындыла)\w*", re.IGNORECASE)
