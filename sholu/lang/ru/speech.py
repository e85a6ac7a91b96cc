"""How Russian reports speech around the verbs of saying (`words.SPEECH_VERBS`)."""
from __future__ import annotations

import re

THAT_CLAUSE = re.compile(r"\s*,\s*(?:что|чтобы|будто)\s+", re.IGNORECASE)    # «подчеркнул, что …»
# «По словам X, …», «…, по ее мнению, …», «Согласно X, …» anywhere in a sentence:
# group 1 a pronoun, group 2 a speaker phrase.
ACCORDING_TO = re.compile(
    r"(?<![\w-])(?:[Пп]о\s+(?:(ее|её|его|их)\s+(?:словам|мнению|данным|оценке|утверждению|убеждению)"
    r"\s*,?|(?:словам|мнению|оценке|утверждению|сообщению|заявлению|убеждению)\s+([^,.;:!?]{2,80}?)\s*,)"
    r"|[Сс]огласно\s+([^,.;:!?]{2,60}?)\s*,)\s*")
ACCORDING_TO_VERB = "по словам"             # what a quote so introduced records as its verb
# «Как заявил президент …, …», «…, как пояснили в милиции, …»: group 1 the verb, group 2
# the speaker phrase.
AS_SAID = re.compile(r"(?<![\w-])[Кк]ак\s+([\w-]+)\s+((?:[^,.;:!?]|(?<=\b[А-ЯЁA-Z])\.){2,80}?)\s*,\s*")
# «сообщил об обнаружении …», «рассказала о том, …»: content opened by «о».
ABOUT_CLAUSE = re.compile(r"\s(?:о|об|обо)\s", re.IGNORECASE)
# «Такой переход, считает X, повысит …», «…, подчеркнул президент.»: the verb of saying
# after a comma, the speaker after it, up to a comma (left for the next one to open) or
# the sentence's end.
PARENTHESIS = re.compile(r",\s*(?:[–—-]\s*)?([\w-]+)\s+([^,.;:!?«»\"]{2,80}?)\s*(?:(?=,)|(?=[.!?…]*\s*$))")
# «Израиль и США заявили …»: two speakers' names joined.
COORDINATION = re.compile(r"\s+и\s+")
# «Минск считает, что …, а Россия уверена, что …»: where a clause of contrast begins, which
# may hold another speaker's statement.
CONTRAST = re.compile(r",\s*(?:а|но|однако|тогда\s+как|в\s+то\s+время\s+как)\s+", re.IGNORECASE)
# «Как говорится в сообщении пресс-службы акимата, …», «В заявлении МИД говорится, что …»:
# a body's statement (a law's or a document's «говорится» is not one); the speaker phrase
# is group «body» or «named».
STATEMENT_NOUN = r"(?:сообщении|заявлении|пресс-релизе|релизе|обращении)"
STATEMENT_VERB = r"(?:говорится|сказано|отмечается|подчеркивается|подчёркивается)"
IN_STATEMENT = re.compile(
    rf"(?<![\w-])(?:[Кк]ак\s+)?{STATEMENT_VERB}\s+в\s+{STATEMENT_NOUN}\s+(?P<body>[^,.;:!?]{{2,80}}?)\s*,\s*"
    rf"|(?<![\w-])[Вв]\s+{STATEMENT_NOUN}\s+(?P<named>[^,.;:!?]{{2,80}}?)\s+{STATEMENT_VERB}\s*,\s*что\s+")
# «О том, что …, сообщил X»: the content clause before its verb, opening the sentence
# (after a word such as «Однако» or «Ранее»); the verb after a comma further on.
ABOUT_THAT = re.compile(r"\s*(?:[А-ЯЁ][а-яё]+\s+)?[Оо]\s+том\s*,\s*(?:что|чтобы)\s+")
VERB_AFTER_COMMA = re.compile(r",\s*([\w-]+)")
# «Об этом заявил X»: the content is the sentence before.
ABOUT_THIS = re.compile(r"\s*Об\s+этом\s+(?:[\w-]+\s+){0,3}?([\w-]+)\s+([^.!?]{2,160})")
