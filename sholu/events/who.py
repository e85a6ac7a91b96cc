"""Who held a gathering (organiser) and who took part in it (participants). Patterns run
on the text with ё written as е."""
from __future__ import annotations

import re

from .article import Article, Mention
from .sentences import Sentence

ORG_NOUN = r"(?:партии|коалиции|движения|профсоюза|союза|ассоциации|фонда|штаба|филиала|федерации|палаты)"
ORGANIZER_BEFORE = re.compile(
    rf"\b(?:член\w*|представител\w*|делегаци\w*|активист\w*|организован\w*|силами|при\s+поддержке|"
    rf"по\s+инициативе|организатор\w*(?:\s+(?:выступил\w*|стал\w*|является))?)\s+(?:{ORG_NOUN}\s+)?[«\"]?$",
    re.IGNORECASE)
# A sentence of its own that names who organised it: «Организатором выступила …».
ORGANISED_BY = re.compile(r"\bорганизатор\w*|\bорганизован\w*|\bпо\s+инициативе\b", re.IGNORECASE)
ORGANIZER_AFTER = re.compile(r"^[»\"]?\s*(?:(?:также|совместно|сегодня|вчера|накануне)\s+)?"
                             r"(?:провел\w*|организовал\w*|проводит|проводят|инициировал\w*)\b",
                             re.IGNORECASE)

PRESENCE = re.compile(
    r"\b(?:участи[ея]|участвовал\w*|участник\w*|возглави\w*|возглавля\w*|под\s+председательством|"
    r"модератор\w*|выступил\w*|выступая|выступлени\w*|присутствовал\w*|посетил\w*|побывал\w*|"
    r"прибыл\w*|встретил\w*|провел\w*|обратил(?:ся|ась|ись)|обращаясь|приветствовал\w*|делегаци\w*)",
    re.IGNORECASE)
SPEECH = re.compile(
    r"\b(?:отметил\w*|подчеркнул\w*|сказал\w*|заявил\w*|рассказал\w*|сообщил\w*|пояснил\w*|"
    r"добавил\w*|уточнил\w*|указал\w*|высказал\w*|поделил\w*|призвал\w*|напомнил\w*|выразил\w*|ответил\w*|"
    r"акцентировал\w*|считает|уверен\w*|убежден\w*|по\s+(?:его|ее|их\s+)?(?:словам|мнению)|"
    # who asked or raised something at the gathering took part in it too
    r"спросил\w*|поинтересовал\w*|задал\w*\s+(?:\w+\s+)?вопрос\w*|поднял\w*\s+(?:\w+\s+)?(?:вопрос|тем|проблем)\w*|"
    r"предложил\w*|пожаловал\w*)", re.IGNORECASE)
# A sentence about earlier events, or a statement given on another occasion («в
# комментарии нашему изданию», «в интервью телеканалу»): the people in it need not be at this one.
BACKGROUND = re.compile(r"\b(?:ранее|напомним|как известно|как сообщалось|в прошлом году|"
                        r"в (?:своем )?послании|в\s+(?:[\w-]+\s+){0,2}?(?:комментари\w*|интервью|беседе))\b",
                        re.IGNORECASE)
# «по поручению Главы государства Касым-Жомарта Токаева»: named, not present.
REPORTED_ONLY = re.compile(r"\b(?:поручени\w*|послани\w*|указ(?:а|у|ом|е)?|решени\w*|имени|памяти)\s+"
                           r"(?:[\w-]+\s+){0,4}$", re.IGNORECASE)
QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
HEAD_OF_STATE = {"президент", "президент рк", "президент республики казахстан",
                 "президент казахстана", "глава государства"}



# ------------------------------------------------------------------ organiser

def organizer_in(article: Article, triggers: list[Sentence], start: int, end: int) -> str | None:
    """«встреча членов Общенациональной коалиции …», «коалиция провела встречу», and
    failing those, «Организатором выступила …» elsewhere in the event's stretch."""
    announcing = set(triggers)
    stated = [s for s in article.sentences_from(start, end)
              if s not in announcing and ORGANISED_BY.search(s.folded)]
    for sentence in triggers + stated:
        for org in article.within(article.organizations, sentence.start, sentence.end):
            before = article.folded[sentence.start:org.start]
            after = article.folded[org.end:sentence.end]
            if ORGANIZER_BEFORE.search(before) or ORGANIZER_AFTER.search(after):
                return org.name
    return None


# ------------------------------------------------------------------ participants

def participants_in(article: Article, triggers: list[Sentence], start: int, end: int) -> list[str]:
    """People described as present between `start` and `end`, in order of appearance."""
    first_seen: dict[str, int] = {}
    announcing = set(triggers)
    listing = False                          # the sentence before ended «приняли участие:»
    for sentence in article.sentences_from(start, end):
        is_trigger = sentence in announcing
        for mention in present_people(article, sentence, is_trigger, listing):
            first_seen.setdefault(mention.name, mention.start)
        listing = sentence.text.rstrip().endswith(":") and is_presence(sentence, is_trigger)
    for name, position in quote_speakers(article, start, end):
        first_seen.setdefault(name, position)
    return sorted(first_seen, key=first_seen.get)


def present_people(article: Article, sentence: Sentence, is_trigger: bool, listing: bool) -> list[Mention]:
    people = [m for m in article.within(article.persons, sentence.start, sentence.end)
              if not REPORTED_ONLY.search(article.folded[max(sentence.start, m.start - 80):m.start])]
    if not is_trigger:
        people = [m for m in people if not is_head_of_state(m)]
    if is_trigger or listing or is_presence(sentence, False):
        return people
    if SPEECH.search(sentence.folded) and not BACKGROUND.search(sentence.folded):
        speaker = speaker_of(article, sentence, people)
        return [speaker] if speaker else []
    return []


def is_presence(sentence: Sentence, is_trigger: bool) -> bool:
    return is_trigger or (bool(PRESENCE.search(sentence.folded)) and not BACKGROUND.search(sentence.folded))


def speaker_of(article: Article, sentence: Sentence, people: list[Mention]) -> Mention | None:
    """The person named nearest to the verb of saying, outside quotation marks."""
    quoted = [(m.start() + sentence.start, m.end() + sentence.start)
              for m in QUOTED.finditer(sentence.folded)]
    outside = [p for p in people if not any(a <= p.start < b for a, b in quoted)]
    verbs = [m.start() + sentence.start for m in SPEECH.finditer(sentence.folded)]
    if not outside or not verbs:
        return None
    return min(outside, key=lambda p: min(abs(p.start - v) for v in verbs))


def quote_speakers(article: Article, start: int, end: int) -> list[tuple[str, int]]:
    """Speakers the quotes stage found, when it ran first: people quoted at the event (not
    in a sentence about another occasion: an interview, a comment, earlier events)."""
    names = article.person_by_name
    return [(q["speaker"], q.get("start") or 0) for q in article.quotes_from(start, end)
            if q.get("speaker") in names and not is_head_of_state(names[q["speaker"]])
            and not said_elsewhere(article, q.get("start") or 0)]


def said_elsewhere(article: Article, offset: int) -> bool:
    sentence = article.sentence_at(offset)
    return sentence is not None and bool(BACKGROUND.search(sentence.folded))


def is_head_of_state(mention: Mention) -> bool:
    return any(p.strip().lower() in HEAD_OF_STATE for p in mention.record.get("positions", []))
