"""The words that announce an event in a Russian sentence. Texts reach here with ё
written as е. A sentence gets one gathering type: a press conference before a meeting
before other."""
from __future__ import annotations

import re

from .words import MONTH_IN_PATTERN

W = r"[\w«»\"'-]+"                          # one word, quotes and hyphens included
HAPPENED = r"(?:состоял|прошл|прошел|проходил|провел|проведен|провод|организова)\w*"
AUDIENCE_START = (r"(?:трудов\w+\s+)?(?:коллектив|работник|жител|избирател|сотрудник|студент|"
                  r"молодеж|металлург|горняк|шахтер|нефтяник|ветеран|педагог|учител|врач|медик|"
                  r"аграри|предпринимател|госслужащ|государственн\w+ служащ)")

MEETING = re.compile("|".join([
    rf"\b{HAPPENED}\s+(?:{W}\s+){{0,3}}?встреч",           # «состоялась встреча», «провели встречу»
    rf"\bвстреч[аиуе]\s+(?:{W}\s+){{0,6}}?{HAPPENED}",      # «встреча … прошла»
    r"\bвстрет(?:ил|ила|или|ится|ятся)(?:ся|сь)?\s+с\b",    # «встретился с», «встретятся с»
    r"\bв\s+диалоге\s+с\b",
    r"\bучасти\w*\s+во\s+встрече\b",
    rf"\bво\s+встрече\s+(?:{W}\s+){{0,2}}?(?:приня|участв)",  # «Во встрече приняли участие»
    rf"\bвстреч\w*\s+с\s+{AUDIENCE_START}",                # «в ходе встречи с жителями»
    r"\b(?:выездн|информационно-разъяснительн|разъяснительн)\w*\s+(?:встреч|мероприяти)",
]), re.IGNORECASE)

PRESS_CONFERENCE = re.compile(r"\bпресс-конференци\w*|\bбрифинг\w*|\bпресс-подход\w*", re.IGNORECASE)

# a congress, a ceremony, a rally, a forum
GATHERING = (r"(?:кругл\w+\s+стол\w*|форум\w*|семинар\w*|(?<!пресс-)конференци\w*|собрани[еяию]\w*|митинг\w*|"
             r"съезд\w*|церемони\w*|торжественн\w+\s+мероприяти\w*)")
# a sitting of a body (заседание, сессия, совещание): its members meet, so it is a meeting
SITTING = r"(?:заседани\w*|сесси[яиюей]\w*|совещани\w*)"
# «депутаты собрались на внеочередную сессию»
CONVENED = r"(?:собрал(?:ись|ась|ся)|созван\w*)"
# spoken at or attended: «выступил на заседании», «в заседании приняли участие»
TOOK_PART = r"(?:выступи\w*|приня\w*\s+участие|участвова\w*)"
# what a sitting decided («на заседании 5 марта утвердила перечень»): it was held
DECIDED = r"(?:утверди|приня(?!\w*\s+участи)|рассмотре|обсуди|одобри|постанови|избра|назначи)\w*"
# a signing: «подписали соглашение», «меморандум подписан»
SIGNING = (rf"\bподписа\w*\s+(?:{W}\s+){{0,3}}?(?:соглашени|меморандум|договор|декларац)\w*|"
           rf"\b(?:соглашени|меморандум)\w*\s+(?:{W}\s+){{0,5}}?подписа\w*")


def held(gathering: str) -> str:
    """A gathering of this kind that took place, was attended or decided something."""
    return (rf"\b{HAPPENED}\s+(?:{W}\s+){{0,3}}?{gathering}|\b{gathering}\s+(?:{W}\s+){{0,6}}?{HAPPENED}|"
            rf"\b{TOOK_PART}\s+(?:{W}\s+){{0,3}}?(?:на|в|во)\s+(?:{W}\s+){{0,2}}?{gathering}|"
            rf"\b(?:на|в|во)\s+(?:{W}\s+){{0,2}}?{gathering}\s+(?:{W}\s+){{0,6}}?{TOOK_PART}|"
            rf"\bна\s+(?:{W}\s+){{0,2}}?{gathering}\s+(?:{W}\s+){{0,4}}?{DECIDED}")


SITTING_HELD = re.compile(rf"{held(SITTING)}|\b{CONVENED}\s+(?:{W}\s+){{0,3}}?на\s+(?:{W}\s+){{0,2}}?{SITTING}",
                          re.IGNORECASE)
OTHER = re.compile(rf"{held(GATHERING)}|{SIGNING}", re.IGNORECASE)

# a meeting with someone, or a sitting of a body
MEETING_OR_SITTING = re.compile(f"{MEETING.pattern}|{SITTING_HELD.pattern}", re.IGNORECASE)
GATHERING_TRIGGERS = (("press_conference", PRESS_CONFERENCE), ("meeting", MEETING_OR_SITTING), ("other", OTHER))

# «сайлау» is the Kazakh word for elections, which Russian texts of the region use too.
VOTE_TRIGGERS = {
    "election": re.compile(r"\bвыбор(?:ы|ов|ах|ам|ами)\b|\bизбирательн\w+\s+кампани\w*|\bсайлау\w*",
                           re.IGNORECASE),
    # a referendum, not its commission («референдумная комиссия»)
    "referendum": re.compile(r"\bреферендум\w*+(?!\s+комисси)", re.IGNORECASE),
}

# «19 марта 2023 года состоятся выборы», «15 марта пройдет референдум»: a date, then a verb
# of taking place before the vote word, dates the vote
VOTE_HAPPENS = re.compile(r"^\s*(?:[\w-]+\s+)?(?:состо|пройд|прошел|прошл|проход|назначен|проведен)\w*\s+"
                          r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)

# «В мае 1981 года … провел встречу», «Ранее …», a bare «Накануне …»: a time the dates
# stage could not pin to a day, and not the publication day either.
ELSEWHEN = re.compile(rf"\bв\s+(?:1[89]\d\d|20\d\d)\s+году\b|\bв\s+прошлом\s+(?:году|месяце)|\bранее\b|"
                      rf"\b(?:в|во)\s+{MONTH_IN_PATTERN}\b|"
                      r"\bнакануне\b(?!\s+(?:референдум|выбор|голосовани|праздник|дня|нов))", re.IGNORECASE)

# A sentence that names a gathering but reports none held that day: a broadcast or an
# interview (a talk show's guests «встретились» in a studio), a sports match («встреча
# завершилась со счетом»), a meeting called off or still hoped for.
NOT_A_GATHERING = re.compile(
    r"\bток-шоу|\bшоу\b|\bтелеканал\w*|\bв\s+(?:программе|передаче)\b|\bв\s+(?:прямом\s+)?эфире\b|\bв\s+студии\b|\bтелепередач\w*|\bподкаст\w*|"
    r"\bтеледебат\w*|\bдебат(?:ы|ов|ах)\b|\bв\s+(?:[\w-]+\s+){0,2}?интервью\b|"
    r"\bсо\s+сч[её]том\b|\bматч\w*|\bболельщик\w*|\bтурнир\w*|\bчемпионат\w*|"
    r"\bне\s+(?:состоял|состоит|прош|пройд|удалось)\w*|\bотмен(?:ен|ил|ят|яет)\w*|\bперенес(?:ен|л)\w*|\bсорвал\w*|"
    r"\bдолжн\w+\s+был\w*\s+(?:пройти|состояться)|\bмогл\w+\s+бы\b",
    re.IGNORECASE)

# «В 1961 году», «в мае 1981 года», «в 1986-м»: the year a past gathering is told of (its group:
# the year).
IN_YEAR = re.compile(rf"\bв\s+(?:{MONTH_IN_PATTERN}\s+)?(1[89]\d\d|20\d\d)(?:\s+год(?:у|а)\b|-м\b)", re.IGNORECASE)
LONG_AGO = re.compile(r"\b\d+\s+(?:лет|года?|десятилети\w+)\s+назад\b|\bв\s+советск\w+\s+(?:время|годы)\b|"
                      r"\bв\s+(?:19|20)?\d0-(?:е|х)\b|\bв\s+годы\s+(?:войны|перестройки|застоя)\b|"
                      r"\bв\s+прошлом\s+(?:веке|году)\b", re.IGNORECASE)

# A gathering announced, still to come: dated by the day the text gives it, never by the
# publication.
TO_COME = re.compile(r"\b(?:встрет(?:ит|ят)ся|состо(?:ит|ят)ся|пройд(?:ет|ут)|проведет|проведут|"
                     r"планиру\w+|запланирован\w*|намечен\w*|ожида\w+ся)\b", re.IGNORECASE)

# «Накануне в Шахтинске министр встретился …», «накануне, 11 марта»: the day before the
# article (not «накануне референдума», the day before something else).
DAY_BEFORE = re.compile(r"\b[Нн]акануне(?=\s*,|\s+(?:в|во|на|у|с|со|[А-ЯЁ]))")

# the voting itself («Голосование пройдёт 15 марта»): dates the one vote an article is about
VOTING = re.compile(r"\bголосовани\w*", re.IGNORECASE)

# A vote named as the time of something else («в ходе референдума», «после выборов») or as
# another vote than the article's («на следующих выборах», «выборах 2023 года»): a passing
# mention, not the vote the article keeps coming back to. Before: up to the vote word, one
# adjective allowed between («после республиканского референдума»).
VOTE_IN_PASSING_BEFORE = re.compile(
    r"\b(?:в\s+ходе|во\s+время|в\s+период|после|по\s+итогам|накануне|следующ\w+|прошл\w+|предыдущ\w+|"
    r"прошедш\w+|будущ\w+)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
VOTE_IN_PASSING_AFTER = re.compile(r"^\w*\s+(?:(?:19|20)\d\d\s+год|прошлого|предыдущ)", re.IGNORECASE)
# the vote as a time bound, before its word («после референдума», «накануне выборов»)
VOTE_BOUND_BEFORE = re.compile(r"\b(?:после|накануне|в\s+преддверии|до)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
# Russian puts the bound before the date («до 20 марта»: `NOT_THE_DAY` in sholu/events/when.py)
NOT_THE_DAY_AFTER = re.compile(r"(?!)")

# A lead that tells when and where news was made public («18 марта обнародовала итоги»,
# «в понедельник представило в Астане выводы»): the day and town of the briefing the
# article then quotes from.
MADE_PUBLIC = re.compile(r"\b(?:обнародова|представил|представлен|огласил|объявил|опубликова|презентова|"
                         r"сообщил|заявил|подвел\w*\s+итог)\w*", re.IGNORECASE)
