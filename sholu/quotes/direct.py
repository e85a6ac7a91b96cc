"""Direct speech: quotations in quote marks attributed after («…», — сказал он), inside
(«Часть один, — сказал X, — часть два») or before («X отметил: «…»»); lines of dialogue
opened by a dash; interview lines and headlines led by a person's name («Путин: …»)."""
from __future__ import annotations

from .marks import word_count
from .speakers import UNKNOWN, Speaker
from .text import Reading, trim
from .verbs import is_finite, is_passive, is_speech_word, speech_lemma, verb_gender
from .words import only_instrumental

MIN_ATTRIBUTED_WORDS = 3
MIN_UNATTRIBUTED_WORDS = 8
CAPTION_WORDS = 20                    # a caption naming a quote's speaker is a name and a title
SPEAKER_STOPS = ",.;:!?–—\n"          # a speaker named after the verb ends at one of these


def direct_quotes(reading: Reading, make) -> list[dict]:
    """`make(speaker, kind, start, end, verb, follow=False)` builds one quote."""
    quotes = [quoted(reading, start, end, make) for start, end in reading.quoted.spans]
    return [q for q in quotes + dialogue_lines(reading, make) + labelled_lines(reading, make) if q]


def quoted(reading: Reading, start: int, end: int, make) -> dict | None:
    words = word_count(reading.text[start:end])
    if words < MIN_ATTRIBUTED_WORDS or document_quoted(reading, start, end):
        return None
    in_sentence = words >= MIN_UNATTRIBUTED_WORDS or has_predicate(reading, start, end)
    speaker, verb = (attribution_after(reading, end) or attribution_inside(reading, start + 1, end - 1)
                     or caption_below(reading, start, end) or attribution_before(reading, start)
                     or (in_sentence and attribution_in_sentence(reading, start))
                     or attribution_in_sentence(reading, start, naming_only=True) or (UNKNOWN, None))
    introduced = colon_before(reading.text, start) is not None
    attributed = verb is not None            # «…», – деді министр: said, by someone not named
    if speaker is UNKNOWN and not attributed and (
            words < MIN_UNATTRIBUTED_WORDS or not (introduced or has_predicate(reading, start, end))):
        return None                  # a quoted name («Казцинк», a slogan, a law's title)
    if verb in reading.pack.naming_verbs:
        return make(speaker, "direct", named_thing_start(reading, start), end, verb)
    return make(speaker, "direct", start + 1, end - 1, verb, follow=speaker is UNKNOWN and not attributed)


def document_quoted(reading: Reading, start: int, end: int) -> bool:
    """«…», — говорится в приказе. / В решении сказано: «…»: a text quoted, which is
    no one's statement."""
    after = reading.pack.after_speech.match(reading.text, end)
    if after:
        return in_document(reading, reading.finder.words(after.end(), after.end() + 40))
    colon = colon_before(reading.text, start)
    if colon is None:
        return False
    return in_document(reading, reading.finder.words(reading.sentences.around(colon)[0], colon))


def in_document(reading: Reading, words: list[str]) -> bool:
    """The words open with «в/во» and a document («в приказе», «в законе»)."""
    lowered = [w.lower() for w in words[:2]]
    return len(lowered) == 2 and lowered[0] in ("в", "во") and \
        reading.pack.lemma(lowered[1]) in reading.pack.document_nouns


def named_thing_start(reading: Reading, start: int) -> int:
    """«назвал реформу «убийцей рабочих мест»»: the statement is the thing named and what
    it was called, from the word after the naming verb."""
    clause_start = reading.sentences.around(start)[0]
    verbs = [w for w in reading.finder.words(clause_start, start, positions=True)
             if names_in_quotes(reading, w.group(), start)]
    return verbs[-1].end() if verbs else start


def attribution_after(reading: Reading, end: int) -> tuple[Speaker, str] | None:
    """«…», – подчеркнула Аида Балаева. / — сказал он. / », сказал Клинсман."""
    match = reading.pack.after_speech.match(reading.text, end)
    if not match or not is_speech_word(match.group(1), reading.pack):
        return None
    return said_by(reading, match.group(1), match.end())


def caption_below(reading: Reading, start: int, end: int) -> tuple[Speaker, None] | None:
    """A quotation that is its paragraph, captioned by the next one as a TV or news site
    sets a speaker under a quote: «Имя Фамилия, должность» (the name first, then a comma
    or nothing; a short line with no sentence of its own)."""
    text = reading.text
    if text[text.rfind("\n", 0, start) + 1:start].strip() or text[end:end_of_line(text, end)].strip(" .»"):
        return None
    below = end + len(text[end:]) - len(text[end:].lstrip())
    named = reading.finder.people.at(below)
    if named is None or named.start != below or word_count(text[below:end_of_line(text, below)]) > CAPTION_WORDS:
        return None
    rest = text[named.end:end_of_line(text, below)].strip()
    return (reading.finder.person(named.record), None) if not rest or rest[0] in ",–—" else None


def end_of_line(text: str, at: int) -> int:
    found = text.find("\n", at)
    return len(text) if found < 0 else found


def attribution_inside(reading: Reading, start: int, end: int) -> tuple[Speaker, str] | None:
    """«Утверждают, что это правило, — пояснила она, — но …»."""
    for match in reading.pack.inside_speech.finditer(reading.text, start, end):
        if is_speech_word(match.group(1), reading.pack):
            return said_by(reading, match.group(1), match.end(), end)
    return None


def said_by(reading: Reading, verb: str, after: int, limit: int | None = None) -> tuple[Speaker, str]:
    """The speaker named right after the verb, up to the next punctuation mark; after
    «цитирует», the person quoted, however far in the sentence («…», цитирует infox.ru
    директора по стратегии Philips в России, на Украине … Елену Сябренко)."""
    stop = reading.sentences.around(after)[1] if limit is None else limit
    lemma = speech_lemma(verb, reading.pack)
    quoted_person = lemma in reading.pack.quoting_verbs and reading.finder.people.within(after, stop)
    if quoted_person:
        return reading.finder.person(quoted_person[0].record), lemma
    stop = next((i for i in range(after, min(stop, after + 160)) if reading.text[i] in SPEAKER_STOPS), stop)
    speaker = reading.finder.named(after, stop, verb_gender(verb, reading.pack))
    if speaker is UNKNOWN:
        speaker = reading.finder.last_person(after, verb_gender(verb, reading.pack)) or UNKNOWN
    return speaker, lemma


def attribution_before(reading: Reading, start: int) -> tuple[Speaker, str | None] | None:
    """«Аида Балаева отметила: «…»», «Сам Белов оказался дипломатичнее: «…»»: a colon
    before the quote; the verb of saying before it, or a person named there (or, in a
    headline, written there as the article names them: «Жақыпова: «…»»)."""
    text, pack = reading.text, reading.pack
    colon = colon_before(text, start)
    if colon is None:
        return None
    clause_start = reading.sentences.around(colon)[0]
    words = reading.finder.words(clause_start, colon, positions=True)
    for word in reversed(words):
        if is_speech_word(word.group(), pack) and not is_passive(word.group(), pack):
            gender, verb = verb_gender(word.group(), pack), speech_lemma(word.group(), pack)
            quoted_person = verb in pack.quoting_verbs and reading.finder.person_named(word.end(), colon)
            speaker = quoted_person or reading.finder.subject(clause_start, word.start(), word.end(), colon, gender)
            return speaker, verb
    speaker = reading.finder.person_named(clause_start, colon) or reading.finder.label(clause_start, colon)
    return (speaker, None) if speaker else None


def colon_before(text: str, start: int) -> int | None:
    """Where the colon introducing a quotation stands, spaces aside («X отметил: «…»»)."""
    colon = start - 1
    while colon >= max(0, start - 20) and text[colon] in " \t":
        colon -= 1
    return colon if colon >= 0 and text[colon] == ":" else None


def has_predicate(reading: Reading, start: int, end: int) -> bool:
    """«Мы требуем честных выборов» is said; «Цифровой Казахстан 2025», a programme's name
    in a sentence with a verb of saying, is not."""
    return any(is_finite(word, reading.pack) for word in reading.finder.words(start, end))


def attribution_in_sentence(reading: Reading, start: int,
                            naming_only: bool = False) -> tuple[Speaker, str] | None:
    """«Бенер назвал реформу «убийцей рабочих мест»», «…, уточняет газета «Труд», …
    «…»»: a verb of saying earlier in the quotation's sentence (`naming_only`: a naming
    verb, for a quotation too short to be a statement by itself)."""
    clause_start = reading.sentences.around(start)[0]
    for word in reversed(reading.finder.words(clause_start, start, positions=True)):
        verb = word.group()
        said = not naming_only and is_speech_word(verb, reading.pack)
        if (said or names_in_quotes(reading, verb, start)) and not is_passive(verb, reading.pack):
            if reading.quoted.holding(word.start()) or verb.lower() in reading.pack.agency_forms:
                continue
            gender = verb_gender(verb, reading.pack)
            speaker = reading.finder.subject(clause_start, word.start(), word.end(), start, gender)
            return speaker, speech_lemma(verb, reading.pack)
    return None


def names_in_quotes(reading: Reading, verb: str, start: int) -> bool:
    """«назвал реформу «убийцей рабочих мест»»: a naming verb whose quoted predicate is in
    the instrumental, the speaker's words."""
    pack = reading.pack
    if not any(p.normal_form in pack.naming_verbs for p in pack.morphology.parses(verb.lower())):
        return False
    return opens_in_instrumental(reading, start)


def opens_in_instrumental(reading: Reading, start: int) -> bool:
    """«шагом в правильном направлении»: a quotation opening on a word in the
    instrumental, the predicate of «назвать X чем»; one that may be a nominative
    («Цифровой Казахстан 2025») opens a name."""
    first = reading.quotation_words(start)[:1]
    return bool(first) and bool(reading.pack.naming_verbs) and only_instrumental(first[0], reading.pack)


def dialogue_lines(reading: Reading, make) -> list[dict]:
    """A paragraph opened by a dash: «— Работы начнутся весной, — сказал он.»"""
    quotes, text = [], reading.text
    for opener in reading.pack.dash_line.finditer(text):
        start = opener.end()
        if reading.quoted.holding(start):
            continue
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        quote = dialogue_line(reading, start, line_end, make)
        if quote:
            quotes.append(quote)
    return quotes


def dialogue_line(reading: Reading, start: int, line_end: int, make) -> dict | None:
    for match in reading.pack.inside_speech.finditer(reading.text, start, line_end):
        if is_speech_word(match.group(1), reading.pack):
            if word_count(reading.text[start:match.start()]) < MIN_ATTRIBUTED_WORDS:
                return None
            speaker, verb = said_by(reading, match.group(1), match.end())
            end = continued(reading, match.end(), line_end) or match.start()
            return make(speaker, "direct", start, end, verb)
    return unattributed_line(reading, start, line_end, make)


def unattributed_line(reading: Reading, start: int, line_end: int, make) -> dict | None:
    """A line of dialogue with no verb of saying: an answer, continuing the last speaker
    (a question, a signature «— Татьяна Скригонюк, заместитель …» or a list item is not)."""
    text = reading.text
    if word_count(text[start:line_end]) < MIN_ATTRIBUTED_WORDS or text[start:line_end].rstrip().endswith("?"):
        return None
    if reading.finder.people.at(start) or not has_predicate(reading, start, line_end):
        return None
    return make(UNKNOWN, "direct", start, line_end, None, follow=True)


def continued(reading: Reading, after: int, line_end: int) -> int | None:
    """«— Часть один, — сказал он, — часть два.»: where the second part ends."""
    text = reading.text
    stop = next((i for i in range(after, min(line_end, after + 160)) if text[i] in ".,!?"), None)
    if stop is None or text[stop] != ",":
        return None
    dash = stop + 1
    while dash < line_end and text[dash] == " ":
        dash += 1
    if dash >= line_end or text[dash] not in "–—-":
        return None
    return reading.sentences.around(dash + 1)[1]


def labelled_lines(reading: Reading, make) -> list[dict]:
    """«Мустафа Джемилев: Да, всё верно.» — an interview's answer or a headline; the
    interviewer's lines (not a person of the article) and questions are left out."""
    quotes = []
    for match in reading.pack.label_line.finditer(reading.text):
        start, end = trim(reading.text, match.start(2), match.end(2))
        if reading.quoted.holding(start) or word_count(reading.text[start:end]) < MIN_ATTRIBUTED_WORDS:
            continue
        if reading.text[end - 1] == "?":
            continue
        speaker = reading.finder.label(match.start(1), match.end(1)) or \
            reading.finder.role_label(match.start(1), match.end(1))
        if speaker:
            quotes.append(make(speaker, "direct", start, end, None))
    return quotes
