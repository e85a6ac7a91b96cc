"""Who a stretch of text names as the speaker: a person of the article (by name, or by
surname, given the article's full name), a pronoun or a role noun («глава МИД»,
«премьер», «супруга») resolved to the last fitting person named before, an organisation
(«пресс-служба ВТБ», «МИД России») or a group or unnamed source («эксперты», «источник
в правительстве») kept as a nominative noun phrase. Mentions are kept sorted, so each
look-up is a bisection, not a walk over the article."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..lang import LanguagePack
from .verbs import is_finite
from .words import (governed, head_noun, is_adjective_before, is_body, is_dependent, is_first_name,
                    is_nominative, is_plain_noun, is_preposition, may_be_nominative, names_someone, noun_gender,
                    person_gender, phrase_in_nominative)

MAX_PHRASE_WORDS = 6
ROLE_LOOKBACK = 40           # mentions searched back for a person holding a role
BODY_REACH = 400             # characters before a sentence where «ведомство» finds its body
CATAPHORA_REACH = 600        # characters after a role noun where the person it means is named
INVERSION_WORDS = 3          # «заявил глава МИД»: the subject right after the verb
PHRASE_BREAKS = re.compile(r"[,;:()–—]")
SENTENCE_OPENING = re.compile(r"[.!?…]\s+(\w[\w-]*)")
QUOTED_NAME = re.compile(r"\s*[«“\"][^«»“”\"\n]{1,60}[»”\"]")


@dataclass
class Speaker:
    name: str | None
    entity_id: str | None
    type: str                  # person | organization | group | unknown

    def as_fields(self) -> dict:
        return {"speaker": self.name, "speaker_entity_id": self.entity_id, "speaker_type": self.type}


UNKNOWN = Speaker(None, None, "unknown")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    record: dict
    nominative: bool           # the name as written is its dictionary form («Кан», not «Кана»)


class Mentions:
    """Mentions sorted by start; those in a window, or at a position, by bisection."""

    def __init__(self, mentions: list[Mention]):
        self.items = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]

    def within(self, start: int, end: int) -> list[Mention]:
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [m for m in self.items[first:last] if m.end <= end]

    def at(self, position: int) -> Mention | None:
        index = bisect_right(self.starts, position) - 1
        return self.items[index] if index >= 0 and position < self.items[index].end else None

    def last_before(self, position: int) -> Mention | None:
        index = bisect_left(self.starts, position) - 1
        return self.items[index] if index >= 0 else None


class SpeakerFinder:
    """Resolves the speaker phrases of one document."""

    def __init__(self, text: str, persons: list[dict], organizations: list[dict], pack: LanguagePack,
                 places: list[dict] = (), quoted=None, sentences=None):
        self.text, self.pack, self.sentences = text, pack, sentences
        self.named_in_full = named_in_full(persons)
        self.people = Mentions([person_mention(text, p, s, e) for p in persons for s, e in p.get("spans", [])])
        self.roles = Mentions([Mention(s, e, p, True) for p in persons for s, e in p.get("references", [])])
        self.orgs = Mentions([Mention(s, e, o, True) for o in organizations for s, e in o.get("spans", [])])
        self.org_spans = [(m.start, m.end) for m in self.orgs.items]
        self.places = Mentions([Mention(s, e, p, True) for p in places for s, e in p.get("spans", [])])
        self.by_gender = {gender: Mentions([m for m in self.people.items
                                            if self.gender_of(self.in_full(m.record)) == gender])
                          for gender in ("masc", "femn")}
        # Named as a subject («Хван считает», not «Кима Чен Ира»): who a later «он» or
        # «соратник» most likely means.
        said = quoted.holding if quoted else (lambda position: None)   # names inside quotations
        self.subjects = {gender: Mentions([m for m in mentions.items if m.nominative and not said(m.start)])
                         for gender, mentions in [*self.by_gender.items(), (None, self.people)]}
        self.full_names = full_names(persons)
        self.subject_pronouns = {word: gender for word, gender in pack.speaker_pronouns.items()
                                 if is_nominative(word, pack)}          # «он», not «его»
        self.last_group: Speaker | None = None
        self.last_source: tuple[int, Speaker | None] = (-1, None)
        self.horizon: int | None = None     # where the content of the attribution read now begins

    # -- the subject of a verb of saying ----------------------------------------------------

    def subject(self, clause_start: int, verb_start: int, verb_end: int, clause_end: int,
                gender: str | None) -> Speaker:
        """«X заявил, что …», «заявил X, что …», «Он отметил …», «Эксперты считают …»."""
        named = [m for m in self.people.within(clause_start, verb_start) if m.nominative]
        if named and gender != "plur":     # «Врачи, лечащие Гиффордс, говорят»: not her
            return self.person(named[-1].record, gender)
        comma = self.text.rfind(",", clause_start, verb_start)
        found = (comma >= 0 and self.scan(comma + 1, verb_start, gender, subject=True)) or \
            self.scan(clause_start, verb_start, gender, subject=True)     # «…, как экологи сообщили»
        if found:
            return found
        after = [m for m in self.people.within(verb_end, clause_end) if m.nominative]
        if after:
            return self.person(after[0].record, gender)
        inverted = self.words(verb_end, clause_end, positions=True)[:INVERSION_WORDS]
        found = inverted and self.scan(inverted[0].start(), inverted[-1].end(), gender, subject=True)
        return found or self.unstated(clause_start, verb_start, gender)

    def named(self, start: int, end: int, gender: str | None = None) -> Speaker:
        """A phrase that names the speaker in any case: «по словам премьера Японии Наото
        Кана», «— сказал он», «как пояснили в милиции»."""
        people = self.people.within(start, end)
        if people:
            return self.person(people[0].record, gender)
        return self.body_ending(start, end) or self.scan(start, end, gender, subject=False) or UNKNOWN

    def named_after_content(self, content_start: int, start: int, end: int, gender: str | None) -> Speaker:
        """«…, считает маэстро», «…, — подчеркнул он»: a pronoun or a role noun that
        follows what was said means someone named before it, never a person the content
        itself speaks of («Джексон совершил переворот, считает маэстро»)."""
        self.horizon = content_start
        try:
            return self.named(start, end, gender)
        finally:
            self.horizon = None

    def before_content(self, position: int) -> int:
        return position if self.horizon is None else min(position, self.horizon)

    def body_ending(self, start: int, end: int) -> Speaker | None:
        """A body whose name ends the phrase, where the pack reads head-final phrases
        («облыс әкімдігінің баспасөз қызметінің хабарлауынша»)."""
        name = self.pack.body_speaker and self.pack.body_speaker(self.text, start, end, self.org_spans)
        return Speaker(name, None, "organization") if name else None

    def label(self, start: int, end: int) -> Speaker | None:
        """An interview line's or headline's «Мустафа Джемилев:» when it names a person."""
        words = {w.lower() for w in self.words(start, end)}
        for mention in self.people.within(start, end):
            return self.person(mention.record)
        for record in self.full_names.values():
            for person in record.values():
                if words and words <= {w.lower() for w in person["name"].split()}:
                    return self.person(person)
        return None

    def role_label(self, start: int, end: int) -> Speaker | None:
        """A headline's «Депутат:» over the item that names him: the first person named after
        it, soon, whose positions hold that role."""
        words = self.words(start, end)
        parse = head_noun(words[0], self.pack, True) if len(words) == 1 else None
        if parse is None or "anim" not in parse.tag or "plur" in parse.tag:
            return None
        stem = parse.normal_form[:5]
        first = bisect_left(self.people.starts, end)
        for mention in self.people.items[first:]:
            if mention.start - end > CATAPHORA_REACH:
                break
            if any(stem in p.lower() for p in mention.record.get("positions", [])):
                return self.person(mention.record)
        return None

    def person_named(self, start: int, end: int) -> Speaker | None:
        people = self.people.within(start, end)
        return self.person(people[-1].record) if people else None

    # -- reading a phrase left to right -----------------------------------------------------------

    def scan(self, start: int, end: int, gender: str | None, subject: bool) -> Speaker | None:
        """The first word that can name a speaker decides: a pronoun, an organisation, a
        noun heading a phrase (role, group, source, organisation), a first name alone."""
        words = self.words(start, end, positions=True)
        if subject:
            return self.scan_subject(words, end, gender)
        for index in range(len(words)):
            found = self.speaker_at(words, index, end, gender, subject=False)
            if found:
                return found
        return None

    def scan_subject(self, words, end: int, gender: str | None) -> Speaker | None:
        """As `scan`, passing over prepositional phrases («В ходе встречи», «Вместе с
        тем») and an opening «По сведениям X,»: their nouns are never the subject."""
        phrases = PrepositionalPhrases(self, words)
        for index, word in enumerate(words):
            if word.group().lower() in self.pack.introductory:
                comma = self.text.find(",", word.end(), end)
                if comma > 0:
                    return self.scan(comma + 1, end, gender, subject=True)
            if phrases.passes_over(index):
                continue
            found = self.speaker_at(words, index, end, gender, subject=True)
            if found:
                return found
        return phrases.within if gender == "plur" else None

    def speaker_at(self, words, index: int, end: int, gender: str | None, subject: bool) -> Speaker | None:
        word = words[index]
        lower = word.group().lower()
        pronouns = self.subject_pronouns if subject else self.pack.speaker_pronouns
        if lower in pronouns:
            return self.by_pronoun(word.start(), pronouns[lower])
        if self.people.at(word.start()):
            return None                    # an oblique mention («помощник Путина»)
        org = self.orgs.at(word.start())
        if org:
            return self.with_partner(Speaker(self.phrase(words, index, org), None, "organization"), org, gender)
        place = self.places.at(word.start())
        if place and subject and is_nominative(word.group(), self.pack):            # «Минск считает»
            return self.with_partner(Speaker(self.phrase(words, index, place), None, "organization"), place, gender)
        parse = head_noun(word.group(), self.pack, subject)
        if parse is not None:
            return self.headed_by(words, index, parse, end, gender)
        if subject and is_first_name(word.group(), self.pack):
            return Speaker(word.group(), None, "person")
        return None

    def with_partner(self, speaker: Speaker, mention: Mention, gender: str | None) -> Speaker:
        """«Израиль и США отвергают …»: a body or a country joined by «и» to another one
        right after its name, as the subject of a plural verb, speaks with it."""
        joined = self.pack.coordination.match(self.text, mention.end)
        if gender in ("masc", "femn") or not joined or speaker.name != self.text[mention.start:mention.end]:
            return speaker
        partner = self.orgs.at(joined.end()) or self.places.at(joined.end())
        if partner is None or partner.start != joined.end() or \
                not may_be_nominative(self.words(partner.start, partner.end)[0], self.pack):
            return speaker
        return Speaker(self.text[mention.start:partner.end], None, "group")

    def headed_by(self, words, index: int, parse, end: int, gender: str | None) -> Speaker | None:
        """A noun phrase's speaker: «директор НАСА Билл Герстенмайер» is that person,
        «помощник Путина» someone unnamed, else as the head noun says (`kind_of`)."""
        word = words[index]
        phrase = self.phrase(words, index, None, parse)
        named = self.people.within(word.end(), end)
        if "anim" in parse.tag and "plur" not in parse.tag and named:
            if named[0].nominative:
                return self.person(named[0].record, gender)
            return self.unnamed(phrase, word.start())
        return self.kind_of(parse, phrase, word.start(), gender)

    def organization_in(self, words, index: int) -> Speaker | None:
        """«в Минсвязи», «в российском министерстве финансов»: the body a plural verb's
        unnamed speakers belong to."""
        org = self.orgs.at(words[index].start())
        if org:
            return Speaker(self.phrase(words, index, org), None, "organization")
        last = index
        while last + 1 < len(words) and is_adjective_before(words[last].group(), self.pack):
            last += 1
        parse = head_noun(words[last].group(), self.pack, subject=False)
        if parse is not None and parse.normal_form in self.pack.organization_nouns:
            phrase = self.phrase(words, last, None, parse)
            return Speaker(self.generic_body(phrase, parse, words[last].start()), None, "organization")
        return None

    def generic_body(self, phrase: str, parse, position: int) -> str:
        """«ведомство» alone: the body named just before; any other phrase as it is."""
        if parse.normal_form in self.pack.generic_bodies and phrase.lower() == parse.normal_form:
            return self.body_before(position) or phrase
        return phrase

    def phrase(self, words, index: int, org: Mention | None, head=None) -> str:
        """The phrase a head word leads, in the nominative: agreeing adjectives before it,
        genitives, names and «от/в X» after it, up to a punctuation mark."""
        first = index
        while first > 0 and is_adjective_before(words[first - 1].group(), self.pack) and \
                not PHRASE_BREAKS.search(self.text, words[first - 1].end(), words[first].start()):
            first -= 1
        last = self.phrase_end(words, index, first, org)
        lead = [w.group() for w in words[first:index + 1]]
        nominative = phrase_in_nominative(lead, self.pack, index - first, head)
        end = max(words[last].end(), self.quoted_name_end(words[index].end()))
        while end < len(self.text) and self.text[end] in "»”\"":
            end += 1                       # «газета «Труд»»: the name's marks stay
        return nominative + self.text[words[index].end():end] if end > words[index].end() else nominative

    def phrase_end(self, words, index: int, first: int, org: Mention | None) -> int:
        """The index of the phrase's last word: the organisation's name, then genitives and
        names, and «в/от» + a body, before any punctuation."""
        last = index
        while last + 1 < len(words) and last - first < MAX_PHRASE_WORDS - 1:
            following = words[last + 1]
            if PHRASE_BREAKS.search(self.text, words[last].end(), following.start()):
                break
            if org and following.end() <= org.end:
                last += 1
                continue
            if self.body_goes_on(words, index, last):
                last += 1                  # «департамент по делам молодёжи»: «по» and its noun
                continue
            if following.group().lower() in self.pack.phrase_links:
                if last + 2 >= len(words) or not is_body(words[last + 2].group(), self.pack):
                    break                  # «премьер в речи»: a circumstance, not a body
            elif not is_dependent(following.group(), self.pack):
                break
            last += 1
        while last > index and words[last].group().lower() in self.pack.phrase_links:
            last -= 1
        return last

    def body_goes_on(self, words, index: int, last: int) -> bool:
        """A body's head followed by «по» and a word that depends on it."""
        following = words[last + 1].group().lower()
        return following in self.pack.body_complements and last + 2 < len(words) and \
            self.pack.lemma(words[index].group()) in self.pack.organization_nouns and \
            is_dependent(words[last + 2].group(), self.pack)

    def quoted_name_end(self, after: int) -> int:
        """«газета «Степной край»»: a name in quote marks right after the head noun."""
        match = QUOTED_NAME.match(self.text, after)
        return match.end() if match else after

    def kind_of(self, parse, phrase: str, position: int, gender: str | None) -> Speaker | None:
        lemma = parse.normal_form
        if lemma in self.pack.organization_nouns:
            phrase = self.generic_body(phrase, parse, position)
            return Speaker(self.body_named_before(phrase, position), None, "organization")
        plural, animate = "plur" in parse.tag, "anim" in parse.tag
        if (gender == "plur") != plural and gender in ("masc", "femn", "plur"):
            return None                # not the verb's subject: «предупредила о последствиях»
        if animate and not plural and gender == "femn" and noun_gender(parse) == "masc":
            woman = self.woman_before(position)      # «— отметила представитель Philips»
            if woman:
                return woman
        if lemma in self.pack.source_nouns and not plural or self.indefinite_before(position):
            return self.unnamed(phrase, position)
        animate = animate or "Apro" in parse.tag          # «некоторые», «многие»
        if lemma in self.pack.group_nouns and (plural or not animate) or (plural and animate):
            self.last_group = Speaker(phrase, None, "group")     # «эксперты», «власти», «коллектив»
            return self.last_group
        if animate and not plural:
            gender = gender if gender in ("masc", "femn") else noun_gender(parse)
            return self.by_role(position, lemma, gender, bare=not names_someone(phrase)) or \
                self.unnamed(phrase, position)
        return None

    def woman_before(self, position: int) -> Speaker | None:
        """A masculine role noun with a feminine verb is a woman the article named: the
        last one before it."""
        mention = self.by_gender["femn"].last_before(self.before_content(position))
        return self.person(mention.record, "femn") if mention else None

    def body_named_before(self, phrase: str, position: int) -> str:
        """«Авиационное управление сообщило» after «Федеральное авиационное управление»,
        «Министерство пояснило» after «Министерство торговли КНР»: the body the article
        named in full before, the nearest such; else the phrase as written."""
        words = lowered_words(phrase)
        for mention in reversed(self.orgs.items[:bisect_left(self.orgs.starts, position)]):
            name = mention.record.get("name") or ""
            if len(name) > len(phrase) and holds_run(lowered_words(name), words):
                return name
        return phrase

    def indefinite_before(self, position: int) -> bool:
        """«одна соседка рассказала нам», «некий чиновник»: a person the article brings in
        unnamed, never the last one of that role it named."""
        before = self.words(max(0, position - 20), position)
        return bool(before) and before[-1].lower() in self.pack.indefinites

    def body_before(self, position: int) -> str | None:
        """The body named last in the sentences before `position` (an organisation the nlp
        stage found, or a phrase headed by a body's noun: «департамент по делам молодёжи»)."""
        start = self.sentences.around(position)[0] if self.sentences is not None else position
        words = self.words(max(0, start - BODY_REACH), start, positions=True)
        for index in range(len(words) - 1, -1, -1):
            org = self.orgs.at(words[index].start())
            if org and org.start < words[index].start():
                continue               # inside a name: its first word makes the phrase
            parse = head_noun(words[index].group(), self.pack, False)
            body_noun = parse is not None and parse.normal_form in self.pack.organization_nouns
            if org or (body_noun and parse.normal_form not in self.pack.generic_bodies):
                return self.phrase(words, index, org, None if org else parse)
        return None

    def unnamed(self, phrase: str, position: int) -> Speaker:
        """«Пилот объяснил …» in an article that names no one: an unnamed source, whom a
        later «он» or «чиновник» still means."""
        self.last_source = (position, Speaker(phrase, None, "group"))
        return self.last_source[1]

    # -- who a pronoun or a role noun stands for -------------------------------------------------

    def by_pronoun(self, position: int, gender: str) -> Speaker | None:
        if gender == "plur":
            return self.plural_subject_before(position) or self.last_group
        return self.role_subject_since(position, gender) or self.last_person(position, gender) or \
            self.body_of_gender(position, gender) or self.last_person(position, None)

    def body_of_gender(self, position: int, gender: str) -> Speaker | None:
        """«Еврокомиссия … В декабре она заявила, что …» where no person of that gender is
        named: the organisation named last, after every person (a foreign name whose
        gender its form hides is still the likelier one), when its head noun is singular
        and of the pronoun's gender."""
        position = self.before_content(position)
        person = self.people.last_before(position)
        body = self.orgs.last_before(position)
        if body is None or (person is not None and person.start > body.start):
            return None
        if body_gender(body.record.get("name") or "", self.pack) != gender:
            return None
        return Speaker(self.written_name(body), None, "organization")

    def written_name(self, mention: Mention) -> str:
        """A body as the text names it where that is the nominative («Еврокомиссия»), else
        its name."""
        words = self.words(mention.start, mention.end)
        head = next((w for w in words if head_noun(w, self.pack, subject=False)), None)
        return " ".join(words) if head and is_nominative(head, self.pack) else mention.record["name"]

    def plural_subject_before(self, position: int) -> Speaker | None:
        """«Представители Роскосмоса не подтвердили … Они лишь сказали, что …»: «они» is
        the plural subject the sentence before opens with, a group (before its verb)."""
        if self.sentences is None or self.sentences.index_of(position) == 0:
            return None
        start, stop = self.sentences.spans[self.sentences.index_of(position) - 1]
        words = self.words(start, stop, positions=True)
        verb = next((w.start() for w in words if is_finite(w.group(), self.pack)), stop)
        found = self.scan(start, verb, "plur", subject=True)
        return found if found and found.type == "group" else None

    def role_subject_since(self, position: int, gender: str | None) -> Speaker | None:
        """«Гайдамак предложил … Аким согласился. По его словам, …»: a role noun opening a
        sentence after the last person named is the subject a pronoun goes back to, when
        the role is a position of one of the article's people."""
        last = self.people.last_before(position)
        start = last.end if last else max(0, position - CATAPHORA_REACH)
        for opening in reversed(list(SENTENCE_OPENING.finditer(self.text, start, position))):
            role = self.role_noun(opening.group(1))
            if role:
                return self.by_role(opening.start(1), role, gender, bare=False)
        return None

    def role_noun(self, word: str) -> str | None:
        """The lemma of a person noun in the nominative singular («Министр»), or a title of
        the pack's list as written («Аким», which the dictionary knows as a first name only)."""
        if word.lower() in self.pack.titles:
            return word.lower()
        parse = head_noun(word, self.pack, subject=True)
        return parse.normal_form if parse is not None and "anim" in parse.tag and "plur" not in parse.tag else None

    def by_role(self, position: int, role: str, gender: str | None, bare: bool = True) -> Speaker | None:
        """«Глава МИД», «вице-премьер»: a person whose positions hold the role (or a title it
        stands for), else the one the nlp stage tied the noun to; a bare role noun
        («министр», «супруга») also the last person of that gender, or the next."""
        stems = {title[:5] for title in (role, *self.pack.role_synonyms.get(role, ()))}
        before = bisect_left(self.people.starts, self.before_content(position))
        for mention in reversed(self.people.items[max(0, before - ROLE_LOOKBACK):before]):
            if any(stem in p.lower() for p in mention.record.get("positions", []) for stem in stems):
                return self.person(mention.record, gender)
        tied = self.roles.at(position)
        if tied:
            return self.person(tied.record, gender)
        if not bare:
            return None                # «пользователь ЖЖ zyalt»: someone the article does not name
        return self.last_person(position, gender) or \
            (self.horizon is None and self.next_person(position, gender)) or None

    def next_person(self, after: int, gender: str | None) -> Speaker | None:
        """«Супруга «оружейного барона» рассчитывает …» opening an article that names her
        just after: the first person of that gender named soon after the role noun."""
        mentions = self.by_gender.get(gender) or self.people
        index = bisect_left(mentions.starts, after)
        if index < len(mentions.items) and mentions.items[index].start - after <= CATAPHORA_REACH:
            return self.person(mentions.items[index].record, gender)
        return None

    def last_person(self, before: int, gender: str | None) -> Speaker | None:
        """The person of that gender named last, or the unnamed source spoken of since."""
        gender = gender if gender in ("masc", "femn") else None
        before = self.before_content(before)
        mention = self.subjects[gender].last_before(before) or \
            (self.by_gender.get(gender) or self.people).last_before(before)
        source_at, source = self.last_source
        if source and source_at < before and (mention is None or mention.start < source_at):
            return source
        return self.person(mention.record, gender) if mention else None

    def unstated(self, start: int, end: int, gender: str | None) -> Speaker:
        """No subject before the verb («Также отметил, что …»): the last person named."""
        if any(w[:1].isupper() for w in self.words(start, end)[1:]):
            return UNKNOWN
        if gender == "plur":
            return self.last_group or UNKNOWN
        return self.last_person(start, gender) or UNKNOWN

    # -- helpers ------------------------------------------------------------------------------

    def person(self, record: dict, gender: str | None = None) -> Speaker:
        """The person as the article names them in full; of two with one surname
        («Бут сообщил»), the one of the verb's gender."""
        record = self.in_full(record, gender)
        if gender in ("masc", "femn") and self.gender_of(record) != gender:
            record = self.full_names.get(surname(record["name"]), {}).get(gender, record)
        return Speaker(record["name"], record.get("entity_id"), "person")

    def in_full(self, record: dict, gender: str | None = None) -> dict:
        """«Обама» -> «Барак Обама», «Алла» -> «Алла Бут»: a one-word name as the article
        gives it in full, when one person (of the verb's gender) fits."""
        if " " in record["name"]:
            return record
        fitting = self.named_in_full.get(record["name"].lower().replace("ё", "е"), [])
        if gender in ("masc", "femn") and len(fitting) > 1:
            fitting = [p for p in fitting if self.gender_of(p) == gender]
        return fitting[0] if len(fitting) == 1 else record

    def words(self, start: int, end: int, positions: bool = False):
        found = self.pack.morphology.WORD.finditer(self.text, start, end)
        return list(found) if positions else [m.group() for m in found]

    def gender_of(self, record: dict) -> str:
        return person_gender(record["name"], self.pack.masculine_names_in_a)


class PrepositionalPhrases:
    """Which words of a clause, read in order, belong to a prepositional phrase (the
    preposition, its object and the genitives after it); notes on the way the body of an
    «в X» («В Минсвязи уверены»: a plural verb's speaker)."""

    def __init__(self, finder: SpeakerFinder, words):
        self.finder, self.words = finder, words
        self.state = ""                # "" | "noun": the object to come | "chain": genitives
        self.within: Speaker | None = None

    def passes_over(self, index: int) -> bool:
        finder, words = self.finder, self.words
        lower = words[index].group().lower()
        if index and PHRASE_BREAKS.search(finder.text, words[index - 1].end(), words[index].start()):
            self.state = ""            # «Кроме того, глава …»: a comma ends the phrase
        if self.state == "noun" and governed(lower, finder.pack):
            if not self.within and words[index - 1].group().lower() in finder.pack.body_prepositions:
                self.within = finder.organization_in(words, index)
            self.state = "chain" if is_plain_noun(lower, finder.pack) else "noun"
            return True
        if is_preposition(lower, finder.pack):
            self.state = "noun"
            return True
        if self.state == "chain" and is_dependent(lower, finder.pack):
            return True
        if self.state and self.inside_body(words[index].start()):
            return True                # «в Министерстве … Республики Казахстан»: the body's name goes on
        self.state = ""
        return False

    def inside_body(self, position: int) -> bool:
        """A word inside an organisation's name that opened before it."""
        org = self.finder.orgs.at(position)
        return org is not None and org.start < position


def person_mention(text: str, person: dict, start: int, end: int) -> Mention:
    written = re.findall(r"\w+", text[start:end].lower().replace("ё", "е"))
    name = {w.lower().replace("ё", "е") for w in person["name"].split()}
    return Mention(start, end, person, bool(written) and not is_inflected(written[-1], name))


def is_inflected(written: str, name: set[str]) -> bool:
    """«Лаврова», «Балаевой», «Кана» for «Лавров», «Балаева», «Кан»: a case ending on a
    word of the name (a name spelt otherwise, as a foreign one may be, is taken as is)."""
    if written in name:
        return False
    return any(written.startswith(stem) and len(written) - len(stem) <= 3
               for stem in (word[:-1] if len(word) > 3 and word[-1] in "аяоеиы" else word for word in name))


def lowered_words(text: str) -> list[str]:
    return text.lower().replace("ё", "е").split()


def holds_run(words: list[str], run: list[str]) -> bool:
    """Whether `run` stands in `words` as consecutive words."""
    return any(words[i:i + len(run)] == run for i in range(len(words) - len(run) + 1))


def body_gender(name: str, pack: LanguagePack) -> str | None:
    """The grammatical gender of a body's singular head noun («Европейская комиссия»:
    feminine; «Власти Мьянмы»: none, a plural)."""
    for word in name.split():
        parse = head_noun(word, pack, subject=True)
        if parse is not None:
            return None if "plur" in parse.tag else noun_gender(parse)
    return None


def surname(name: str) -> str:
    return name.split()[-1].lower().replace("ё", "е") if name.split() else ""


def named_in_full(persons: list[dict]) -> dict[str, list[dict]]:
    """Each word of a full name -> the people whose full name holds it."""
    found: dict[str, list[dict]] = {}
    for person in persons:
        if " " in person["name"]:
            for word in {w.lower().replace("ё", "е") for w in person["name"].split()}:
                found.setdefault(word, []).append(person)
    return found


def full_names(persons: list[dict]) -> dict[str, dict[str, dict]]:
    """surname -> gender -> the person with a full name («Обама» -> «Барак Обама»)."""
    found: dict[str, dict[str, dict]] = {}
    for person in persons:
        if " " in person["name"]:
            gender = person_gender(person["name"], ())
            found.setdefault(surname(person["name"]), {}).setdefault(gender, person)
    return found


