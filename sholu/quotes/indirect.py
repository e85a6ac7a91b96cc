"""Indirect speech, one quote per sentence: «X подчеркнул, что …», «X призвал граждан
прийти …», «По словам X, …» (anywhere in the sentence), «В сообщении X говорится, что …», «Как заявил X, …», «Такой
переход, считает X, повысит …», and «Об этом заявил X» (the content is the sentence
before)."""
from __future__ import annotations

import re

from .speakers import UNKNOWN
from .text import Reading, content_end, trim
from .verbs import (is_finite, is_first_person, is_future, is_infinitive, is_intent_verb, is_naming_verb, is_passive,
                    is_speech_participle, is_speech_word, speech_lemma, verb_gender)
from .words import is_preposition, only_instrumental

VERB_REACH = 8             # words between a verb of saying and its «, что»
CLAUSE_REACH = 160         # characters searched for that «, что»
ABOUT_REACH = 8            # words between an announcing verb and its «о/об»: «предупредил X и Y о …»
NAMING_REACH = 12          # words between a verb of calling and its instrumental predicate
COORDINATING = frozenset(("и", "или", "либо"))    # conjunctions inside one clause («сырым и непродуманным»)
PHRASE_POS = ("NOUN", "ADJF", "PRTF", "PREP", "NUMR", "NPRO")    # the words of an object's phrase
NOUN_REACH = 3             # words between a verb of saying and the noun of its content
INTENT_REACH = 4           # words between «призвал» and its infinitive
ABOUT_THIS_REACH = 8       # words from «Об этом» to its verb: «Об этом вчера на брифинге в … сообщил»
MIN_CONTENT_WORDS = 3
MIN_NAMED_CONTENT_WORDS = 2   # after «по словам X», «как заявил X»
DASHES = "–—-"


def indirect_quotes(reading: Reading, make) -> list[dict]:
    quotes = []
    for start, stop in reading.sentences:
        if reading.quoted.holding(start) or reading.text[start] in DASHES:
            continue                   # inside a quotation, or a line of dialogue
        found = (reported_throughout(reading, start, stop, make)
                 or first_statement(reading, start, stop, make) or according_to(reading, start, stop, make)
                 or in_statement(reading, start, stop, make)
                 or as_said(reading, start, stop, make) or about_that(reading, start, stop, make)
                 or in_parenthesis(reading, start, stop, make)
                 or about_this(reading, start, stop, make))
        if found:
            quotes += [found, *contrasted(reading, found, stop, make)]
    return quotes


def first_statement(reading: Reading, start: int, stop: int, make) -> dict | None:
    found = statement_at(reading, start, stop, make)
    return found[1] if found else None


def statement_at(reading: Reading, start: int, stop: int, make) -> tuple[int, dict] | None:
    """The statement whose verb comes first, with that verb's position: a verb of saying
    with its content («X подчеркнул, что …») or of calling with its verdict («X назвал
    итоги подтасованными и призвал …»: the verdict, and the call with it)."""
    found = [f for f in (said_that(reading, start, stop, make), called(reading, start, stop, make)) if f]
    return min(found, key=lambda f: f[0]) if found else None


def contrasted(reading: Reading, first: dict, stop: int, make) -> list[dict]:
    """«Минск считает, что …, а Россия уверена, что …», «X объявил о …, однако Y назвал
    …»: a statement of another speaker named after «а», «но», «однако» ends the first
    one there and is a quote of its own."""
    for match in reading.pack.contrast.finditer(reading.text, first["start"], stop):
        found = statement_at(reading, match.end(), stop, make)
        if not found:
            continue
        verb_at, second = found
        if second["speaker"] != first["speaker"] and second["speaker_type"] != "unknown" and \
                subject_named(reading, match.end(), verb_at):
            first["end"] = trim(reading.text, first["start"], match.start(), " ,\n\t")[1]
            first["text"] = reading.text[first["start"]:first["end"]]
            return [second, *contrasted(reading, second, stop, make)]
    return []


def subject_named(reading: Reading, start: int, verb_at: int) -> bool:
    """Whether the clause names its own subject before its verb («а Россия уверена»),
    not only goes on («а также отметил»)."""
    finder = reading.finder
    return any(m.nominative for m in finder.people.within(start, verb_at)) or \
        finder.scan(start, verb_at, None, subject=True) is not None


def said_that(reading: Reading, start: int, stop: int, make) -> tuple[int, dict] | None:
    """«X подчеркнул(а), что …», «заявил X, что …», «Эксперты уверены, что …»,
    «Президент призвал граждан прийти …»; with the verb's position."""
    text, pack = reading.text, reading.pack
    words = reading.finder.words(start, stop, positions=True)
    for index, word in enumerate(words):
        verb = word.group()
        if not is_speech_word(verb, pack) and not is_intent_verb(verb, pack) and not is_speech_participle(verb, pack):
            continue
        if is_passive(verb, pack) or is_first_person(verb, pack):
            continue
        if index and pack.as_said.match(text, words[index - 1].start()):
            continue                   # «Как отметил X, …»: as_said reads it
        content = (that_clause(reading, words, index, stop) or intent_clause(reading, words, index, stop)
                   or noun_clause(reading, words, index, stop))
        if content is None:
            continue
        word = nearest_verb(reading, words, index, content)
        verb = word.group()
        gender = verb_gender(verb, pack)
        speaker = reading.finder.subject(start, word.start(), word.end(), content, gender)
        if speaker is UNKNOWN and content <= word.start() and speech_lemma(verb, pack) in pack.object_verbs:
            continue                   # «…, которые требовали возвращения островов»: someone's act, unnamed
        if speaker is UNKNOWN and is_future(verb, pack):
            continue                   # «Нам ответят, что …»: an objection imagined, no one's statement
        end = before_quotation(reading, content, content_end(text, content, stop))
        if is_speech_participle(verb, pack):
            end = participle_phrase_end(reading, content, end)
        return word.start(), make(speaker, kind_of_content(reading, content, end), content, end,
                                  speech_lemma(verb, pack))
    return None


def participle_phrase_end(reading: Reading, content: int, end: int) -> int:
    """«X, сообщивший, что мост закроют, предложил …»: the participle's clause ends at
    the comma before the main verb."""
    for comma in re.finditer(r",\s*([\w-]+)", reading.text[content:end]):
        if reading.pack.morphology.parses(comma.group(1).lower())[0].tag.POS == "VERB":
            return content + comma.start()
    return end


def before_quotation(reading: Reading, content: int, end: int) -> int:
    """«сообщил, что график изменили: «Автобусы теперь ходят реже …»»: the reported clause ends at
    a colon that opens a quotation, the speaker's own words, read as direct speech."""
    colon = reading.text.find(":", content, end)
    while colon >= 0:
        opening = colon + 1
        while opening < end and reading.text[opening] == " ":
            opening += 1
        quotation = reading.quoted.holding(opening)
        if quotation and quotation[0] == opening and colon > content:
            return colon
        colon = reading.text.find(":", colon + 1, end)
    return end


def nearest_verb(reading: Reading, words, index: int, content: int):
    """«Продолжая, он отметил, что …»: of two verbs of saying before one clause, the one
    next to it."""
    later = [w for w in words[index + 1:] if w.start() < content
             and is_speech_word(w.group(), reading.pack) and not is_passive(w.group(), reading.pack)]
    return later[-1] if later else words[index]


def that_clause(reading: Reading, words, index: int, stop: int) -> int | None:
    """Where the «что» clause after the verb begins, if it follows within reach."""
    verb = words[index]
    if not is_speech_word(verb.group(), reading.pack) and not is_speech_participle(verb.group(), reading.pack):
        return None
    clause = reading.pack.that_clause.search(reading.text, verb.end(), min(stop, verb.end() + CLAUSE_REACH))
    if not clause:
        return None
    between = sum(1 for w in words[index + 1:] if w.start() < clause.start())
    return clause.end() if between <= VERB_REACH else None


def intent_clause(reading: Reading, words, index: int, stop: int) -> int | None:
    """«призвал однопартийцев «дать отпор»», «пообещал ограничить поставки»: the content
    runs from the verb to the sentence's end."""
    if not is_intent_verb(words[index].group(), reading.pack):
        return None
    following = words[index + 1:index + 1 + INTENT_REACH]
    if not any(is_infinitive(w.group(), reading.pack) for w in following):
        return None
    if len(words) - index - 1 < MIN_CONTENT_WORDS:
        return None
    return words[index].start()          # «призвал однопартийцев «дать отпор»»: the call itself


def noun_clause(reading: Reading, words, index: int, stop: int) -> int | None:
    """«выразили намерение сформировать …», «объявили об ужесточении контроля …»: the
    content is a noun after the verb, from that noun (or its «о») to the sentence's end."""
    verb, pack = words[index], reading.pack
    if not is_speech_word(verb.group(), pack) or len(words) - index - 1 < MIN_CONTENT_WORDS:
        return None
    if not is_finite(verb.group(), pack):
        return None                    # «отказывается сообщать о …»: nothing was said
    following = words[index + 1:index + 1 + NOUN_REACH]
    for word in following:
        if pack.lemma(word.group()) in pack.stance_nouns:
            return word.start()
    if speech_lemma(verb.group(), pack) in pack.object_verbs and object_noun(reading, following, words[index + 1:]):
        return verb.start()            # «опровергает эти слухи», «признали провалы»: the verb and its object
    if speech_lemma(verb.group(), pack) not in pack.announcing_verbs or verb.group().lower() in pack.agency_forms:
        return None                    # «Министерство сообщает о начале приёма»: the release's own news
    reach = words[index + 1:index + 1 + ABOUT_REACH]
    limit = min(stop, reach[-1].end() + 1) if reach else verb.end()
    about = pack.about_clause.search(reading.text, verb.end() - 1, limit)
    if not about or "," in reading.text[verb.end():about.start()]:
        return None                    # «о …» of another clause
    return about.start() + 1


def object_noun(reading: Reading, following, clause) -> bool:
    """Whether the words after a verb open with its object: a noun in the accusative or
    the genitive, adjectives and determiners before it, no preposition. An adjective
    that cannot agree with the noun is a predicate in the instrumental, and the verb a
    ruling, not a statement («признал незаконным приказ», «признал сделку
    недействительной»)."""
    attributes = []
    for index, word in enumerate(following):
        readings = reading.pack.morphology.parses(word.group().lower())
        if readings[0].tag.POS == "NOUN":
            cases = {p.tag.case for p in readings if p.tag.POS == "NOUN"} & {"accs", "gent"}
            return bool(cases) and all(agrees(reading, a, cases) for a in attributes) and \
                not has_predicate_after(reading, clause[index:], cases)
        if readings[0].tag.POS not in ("ADJF", "PRTF"):
            return False
        attributes.append(word.group())
    return False


def agrees(reading: Reading, adjective: str, cases: set[str]) -> bool:
    return any(p.tag.case in cases for p in reading.pack.morphology.parses(adjective.lower())
               if p.tag.POS in ("ADJF", "PRTF"))


def has_predicate_after(reading: Reading, words, cases: set[str]) -> bool:
    """«… сделку о продаже земли недействительной»: the object's phrase (nouns, adjectives,
    prepositions) closed by an adjective in the instrumental, not in the object's case,
    that follows no preposition (not «в своей работе»)."""
    last = 0
    while last + 1 < len(words) and not re.search(r"[,.;:!?]", reading.text[words[last].end():words[last + 1].start()]):
        if reading.pack.morphology.parses(words[last + 1].group().lower())[0].tag.POS not in PHRASE_POS:
            return False                   # a verb or a conjunction: the phrase went on into a clause
        last += 1
    return last > 0 and not is_preposition(words[last - 1].group(), reading.pack) and \
        is_instrumental_adjective(reading, words[last].group(), cases)


def is_instrumental_adjective(reading: Reading, word: str, cases: set[str]) -> bool:
    parses = [p for p in reading.pack.morphology.parses(word.lower()) if p.tag.POS in ("ADJF", "PRTF")]
    return any(p.tag.case == "ablt" for p in parses) and not any(p.tag.case in cases for p in parses)


def called(reading: Reading, start: int, stop: int, make) -> tuple[int, dict] | None:
    """«Бенер назвал реформу «убийцей рабочих мест»», «Клуб считает решение ошибочным»,
    «…, назвав его «оскорблением»»: a verb of calling with an object and a predicate in
    the instrumental is the subject's verdict, and the verb belongs to it (to call a
    reform a killer is not to say the reform is one): the sentence is the quote, direct
    when the verdict is in quotation marks; with the verb's position."""
    pack = reading.pack
    words = reading.finder.words(start, stop, positions=True)
    for index, word in enumerate(words):
        if not is_naming_verb(word.group(), pack):
            continue
        verdict = object_and_predicate(reading, words[index + 1:index + 1 + NAMING_REACH])
        if verdict is None:
            continue
        speaker = reading.finder.subject(start, word.start(), word.end(), stop, verb_gender(word.group(), pack))
        if speaker is UNKNOWN:
            continue                   # «его назвали лучшим»: no one in particular
        if speech_lemma(word.group(), pack) in pack.ruling_verbs and is_ruling(speaker, words[index + 1:index + 1 + verdict]):
            continue
        end = content_end(reading.text, start, stop)
        quoted = next((w for w in words[index + 1:index + verdict + 2] if reading.quoted.holding(w.start())), None)
        if quoted is not None and not quotes_an_instrumental(reading, quoted.start()):
            return None                # «назвал книгу «Дорога через степь»»: a title, no verdict
        return word.start(), make(speaker, "direct" if quoted is not None else "indirect", start, end,
                                  speech_lemma(word.group(), pack))
    return None


def is_ruling(speaker, before_predicate) -> bool:
    """Whether a verdict of «признать» is a legal act, not an opinion: a body's («суд признал
    сделку недействительной») or a plea («не признал себя виновным»)."""
    return speaker.type != "person" or any(w.group().lower() == "себя" for w in before_predicate)


def quotes_an_instrumental(reading: Reading, start: int) -> bool:
    """Whether the quotation at `start` holds a word that can only be an instrumental, not a
    nominative («на самом деле хорошей»: a verdict; «Дорога через степь и горы»: a title)."""
    return any(only_instrumental(word, reading.pack) for word in reading.quotation_words(start))


def object_and_predicate(reading: Reading, following) -> int | None:
    """The index in `following` of the predicate of «назвал X Y»: a noun or an adjective
    in the instrumental (not one that is an adverb too: «летом»), with an object in the
    accusative beside it, neither one the object of a preposition, both in the verb's
    clause («назвал имена арбитров, которые будут …» has no predicate). An object that is a
    person of the article with an unquoted predicate is an appointment («назвал Лемана
    первым вратарём»), not a verdict."""
    pack, finder = reading.pack, reading.finder
    objects, predicate, governed_next = [], None, False
    for index, word in enumerate(in_clause(following, pack)):
        form = word.group().lower()
        if is_preposition(form, pack):
            governed_next = True
            continue
        readings = pack.morphology.parses(form)
        nominal = [p for p in readings if p.tag.POS in ("NOUN", "NPRO", "ADJF", "PRTF")]
        if governed_next:
            governed_next = not any(p.tag.POS in ("NOUN", "NPRO") for p in nominal)
        elif predicate is None and is_predicate(readings):
            predicate = index
        elif any(p.tag.case == "accs" for p in nominal) or finder.people.at(word.start()):
            objects.append(word)
    if predicate is None or not objects:
        return None
    appointed = finder.people.at(objects[0].start()) and not reading.quoted.holding(following[predicate].start())
    return None if appointed else predicate


def in_clause(following, pack) -> list:
    """The words up to another finite verb or a subordinating conjunction."""
    words = []
    for word in following:
        tag = pack.morphology.parses(word.group().lower())[0].tag
        if tag.POS == "VERB" or (tag.POS == "CONJ" and word.group().lower() not in COORDINATING):
            break
        words.append(word)
    return words


def is_predicate(readings) -> bool:
    return not any(p.tag.POS == "ADVB" for p in readings) and \
        any(p.tag.case == "ablt" and p.tag.POS in ("NOUN", "ADJF", "PRTF") and "Apro" not in p.tag for p in readings)


def according_to(reading: Reading, start: int, stop: int, make) -> dict | None:
    """«По словам X, …», «…, по его мнению, …», «Согласно X, …»."""
    match = reading.pack.according_to.search(reading.text, start, stop)
    if not match:
        return None
    finder = reading.finder
    if match.group(1):
        speaker = finder.scan(match.start(1), match.end(1), None, subject=False) or UNKNOWN
    else:
        group = 2 if match.group(2) else 3
        speaker = finder.named(match.start(group), match.end(group))
        if group == 3 and not names_a_speaker(reading, match.start(3), match.end(3)):
            return None                # «согласно распоряжению X»: a document, not a speaker
    return around(reading, match, start, stop, speaker, reading.pack.according_to_verb, make)


def reported_throughout(reading: Reading, start: int, stop: int, make) -> dict | None:
    """«По её словам, допрошены шестеро, четверо из которых подтвердили, что …»: a
    sentence that opens on «по словам X» is X's report throughout, the «что» clause of
    someone inside it included."""
    match = reading.pack.according_to.search(reading.text, start, stop)
    if not match or reading.text[start:match.start()].strip():
        return None
    return according_to(reading, start, stop, make)


def in_statement(reading: Reading, start: int, stop: int, make) -> dict | None:
    """«Как говорится в сообщении пресс-службы акимата, …», «В заявлении МИД говорится,
    что …»: what a body's statement says is the body's."""
    match = reading.pack.in_statement.search(reading.text, start, stop)
    if not match:
        return None
    group = "body" if match.group("body") else "named"
    speaker = reading.finder.named(match.start(group), match.end(group))
    return around(reading, match, start, stop, speaker, reading.pack.according_to_verb, make)


def names_a_speaker(reading: Reading, start: int, end: int) -> bool:
    """«Согласно Марку», «согласно отчёту Guardian»: a person opens the phrase, or an
    organisation is in it («согласно распоряжению президента» is a document)."""
    finder = reading.finder
    return bool(finder.people.at(start) or finder.orgs.within(start, end))


def as_said(reading: Reading, start: int, stop: int, make) -> dict | None:
    """«Как заявил президент Касым-Жомарт Токаев, …», «…, как пояснили в милиции, …»."""
    pack = reading.pack
    match = pack.as_said.search(reading.text, start, stop)
    if not match or not is_speech_word(match.group(1), pack):
        return None
    speaker = reading.finder.named(match.start(2), match.end(2), verb_gender(match.group(1), pack))
    return around(reading, match, start, stop, speaker, speech_lemma(match.group(1), pack), make)


def in_parenthesis(reading: Reading, start: int, stop: int, make) -> dict | None:
    """«Такой переход, считает вице-губернатор X, повысит …», «…, подчеркнул он.»"""
    pack = reading.pack
    for match in pack.parenthesis.finditer(reading.text, start, stop):
        verb = match.group(1)
        if not is_speech_word(verb, pack) or verb.lower() in pack.agency_forms or not is_finite(verb, pack):
            continue                   # «…, опасаясь репрессий, …»: a gerund's clause, no attribution
        if reading.text[match.start(2):match.end(2)].split()[0].lower() in ("что", "чтобы", "ли"):
            continue
        speaker = reading.finder.named_after_content(start, match.start(2), match.end(2), verb_gender(verb, pack))
        if speaker is UNKNOWN:
            continue
        end = match.start() if reading.text[match.end():stop].strip(" .!?…\n") == "" else stop
        return quote_span(reading, start, end, speaker, speech_lemma(verb, pack), make)
    return None


def about_that(reading: Reading, start: int, stop: int, make) -> dict | None:
    """«О том, что этот вопрос поднимался, сказал в интервью … Мустафа Джемилев»: the
    content clause opens the sentence, the verb of saying and its speaker follow it."""
    pack = reading.pack
    opening = pack.about_that.match(reading.text, start, stop)
    if not opening:
        return None
    for match in pack.verb_after_comma.finditer(reading.text, opening.end(), stop):
        verb = match.group(1)
        if is_speech_word(verb, pack) and is_finite(verb, pack) and not is_passive(verb, pack):
            speaker = reading.finder.named_after_content(start, match.end(), stop, verb_gender(verb, pack))
            return quote_span(reading, opening.end(), match.start(), speaker, speech_lemma(verb, pack), make,
                              least=MIN_NAMED_CONTENT_WORDS)
    return None


def about_this(reading: Reading, start: int, stop: int, make) -> dict | None:
    """«Об этом заявил X», «Об этом вчера на брифинге сообщил X»: the sentence before is
    what X said."""
    pack = reading.pack
    match = pack.about_this.match(reading.text, start, stop)
    previous = reading.sentences.previous(start)
    verb = match and first_speech_verb(reading, match.start(1), match.end(2))
    if not verb or previous is None or verb.group().lower() in pack.agency_forms:
        return None
    speaker = reading.finder.named(verb.end(), match.end(2), verb_gender(verb.group(), pack))
    quote = quote_span(reading, previous[0], previous[1], speaker, speech_lemma(verb.group(), pack), make)
    if quote:
        quote["about_this"] = True      # may name the speaker of a quote found there instead
    return quote


def first_speech_verb(reading: Reading, start: int, end: int):
    """The verb of saying among the first words from `start` (when, where it was said may
    come before it)."""
    words = reading.finder.words(start, end, positions=True)[:ABOUT_THIS_REACH]
    if words and is_prepositional(words[0].group(), reading.pack):
        return None                    # «Об этом человеке говорят …»: «этом» points at a noun
    for word in words:
        if is_speech_word(word.group(), reading.pack) and not is_passive(word.group(), reading.pack):
            return word
    return None


def is_prepositional(word: str, pack) -> bool:
    return "loct" in pack.morphology.parses(word.lower())[0].tag


def around(reading: Reading, match, start: int, stop: int, speaker, verb: str, make) -> dict | None:
    """The content of a sentence with an attribution phrase: what follows it when the
    phrase opens the sentence, else the whole sentence. The phrase names its speaker
    outright, so two words say enough («По его словам, реформа продолжится»)."""
    content = match.end() if reading.text[start:match.start()].strip() == "" else start
    return quote_span(reading, content, stop, speaker, verb, make, least=MIN_NAMED_CONTENT_WORDS)


def quote_span(reading: Reading, start: int, stop: int, speaker, verb: str, make,
               least: int = MIN_CONTENT_WORDS) -> dict | None:
    start, end = trim(reading.text, start, content_end(reading.text, start, stop))
    if len(reading.finder.words(start, end)) < least:
        return None
    return make(speaker, kind_of_content(reading, start, end), start, end, verb)


def kind_of_content(reading: Reading, start: int, end: int) -> str:
    """«Как сообщил А. Кудрин, «предусматривается …»»: content that is all quotation is
    direct speech."""
    start, end = trim(reading.text, start, end)
    quotation = reading.quoted.holding(start)
    return "direct" if quotation and quotation[0] == start and quotation[1] >= end - 1 else "indirect"
