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

MAX_PHRASE_WORDS = 6
ROLE_LOOKBACK = 40           # mentions searched back for a person holding a role
CATAPHORA_REACH = 600        # characters after a role noun where the person it means is named
INVERSION_WORDS = 3          # «заявил глава МИД»: the subject right after the verb
SUBJECT_PRONOUNS = {"он": "masc", "она": "femn", "они": "plur"}
PHRASE_BREAKS = re.compile(r"[,;:()–—]")
QUOTED_NAME = re.compile(r"\s*[«“\"][^«»“”\"\n]{1,60}[»”\"]")
PHRASE_LINKS = frozenset(("от", "в", "во", "при"))     # «наблюдатели от ОБСЕ», «источник в правительстве»


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
                 places: list[dict] = ()):
        self.text, self.pack = text, pack
        self.people = Mentions([person_mention(text, p, s, e) for p in persons for s, e in p.get("spans", [])])
        self.roles = Mentions([Mention(s, e, p, True) for p in persons for s, e in p.get("references", [])])
        self.orgs = Mentions([Mention(s, e, o, True) for o in organizations for s, e in o.get("spans", [])])
        self.places = Mentions([Mention(s, e, p, True) for p in places for s, e in p.get("spans", [])])
        self.by_gender = {gender: Mentions([m for m in self.people.items if self.gender_of(m.record) == gender])
                          for gender in ("masc", "femn")}
        self.full_names = full_names(persons)
        self.last_group: Speaker | None = None
        self.last_source: tuple[int, Speaker | None] = (-1, None)

    # -- the subject of a verb of saying ----------------------------------------------------

    def subject(self, clause_start: int, verb_start: int, verb_end: int, clause_end: int,
                gender: str | None) -> Speaker:
        """«X заявил, что …», «заявил X, что …», «Он отметил …», «Эксперты считают …»."""
        named = [m for m in self.people.within(clause_start, verb_start) if m.nominative]
        if named and gender != "plur":     # «Врачи, лечащие Гиффордс, говорят»: not her
            return self.person(named[-1].record, gender)
        found = self.scan(clause_start, verb_start, gender, subject=True)
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
        return self.scan(start, end, gender, subject=False) or UNKNOWN

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

    def person_named(self, start: int, end: int) -> Speaker | None:
        people = self.people.within(start, end)
        return self.person(people[-1].record) if people else None

    # -- reading a phrase left to right -----------------------------------------------------------

    def scan(self, start: int, end: int, gender: str | None, subject: bool) -> Speaker | None:
        """The first word that can name a speaker decides: a pronoun, an organisation, a
        noun heading a phrase (role, group, source, organisation), a first name alone."""
        words = self.words(start, end, positions=True)
        pronouns = SUBJECT_PRONOUNS if subject else self.pack.speaker_pronouns
        oblique, within = "", None         # within: «В Минсвязи уверены» (a plural verb)
        for index, word in enumerate(words):
            lower = word.group().lower()
            if subject and lower in self.pack.introductory:
                skip_to = self.text.find(",", word.end(), end)     # «По сведениям X, пилот …»
                if skip_to > 0:
                    return self.scan(skip_to + 1, end, gender, subject)
            if index and PHRASE_BREAKS.search(self.text, words[index - 1].end(), word.start()):
                oblique = ""               # «Кроме того, глава …»: a comma ends the phrase
            if subject and oblique == "noun" and governed(lower, self.pack):
                if not within and words[index - 1].group().lower() in ("в", "во"):
                    within = self.organization_in(words, index)     # «В Минсвязи уверены»
                oblique = "chain" if is_plain_noun(lower, self.pack) else "noun"
                continue                   # the preposition's own words: «В тот же день …»
            if subject and is_preposition(lower, self.pack):
                oblique = "noun"
                continue
            if subject and oblique == "chain" and is_dependent(lower, self.pack):
                continue                   # «В ходе встречи представители …»: not the subject
            oblique = ""
            if lower in pronouns:
                found = self.by_pronoun(word.start(), pronouns[lower])
                if found:
                    return found
                continue
            if self.people.at(word.start()):
                continue                   # an oblique mention («помощник Путина»)
            org = self.orgs.at(word.start())
            if org:
                return Speaker(self.phrase(words, index, org), None, "organization")
            place = self.places.at(word.start())
            if place and subject and is_nominative(word.group(), self.pack):
                return Speaker(self.phrase(words, index, place), None, "organization")
            parse = head_noun(word.group(), self.pack, subject)
            if parse is not None:
                named = self.people.within(word.end(), end)
                if "anim" in parse.tag and "plur" not in parse.tag and named:
                    if named[0].nominative:                     # «директор НАСА Билл Герстенмайер»
                        return self.person(named[0].record, gender)
                    return self.unnamed(self.phrase(words, index, None, parse), word.start())   # «помощник Путина»
                found = self.kind_of(parse, self.phrase(words, index, None, parse), word.start(), gender)
                if found:
                    return found
            elif subject and is_first_name(word.group(), self.pack):
                return Speaker(word.group(), None, "person")
        return within if gender == "plur" else None

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
            return Speaker(phrase_in_nominative([w.group() for w in words[index:last + 1]] + [
                w.group() for w in words[last + 1:last + 2] if is_dependent(w.group(), self.pack)],
                self.pack, last - index, parse), None, "organization")
        return None

    def phrase(self, words, index: int, org: Mention | None, head=None) -> str:
        """The phrase a head word leads, in the nominative: agreeing adjectives before it,
        genitives, names and «от/в X» after it, up to a punctuation mark."""
        first = index
        while first > 0 and is_adjective_before(words[first - 1].group(), self.pack) and \
                not PHRASE_BREAKS.search(self.text, words[first - 1].end(), words[first].start()):
            first -= 1
        last = index
        while last + 1 < len(words) and last - first < MAX_PHRASE_WORDS - 1:
            following = words[last + 1]
            if PHRASE_BREAKS.search(self.text, words[last].end(), following.start()):
                break
            if org and following.end() <= org.end:
                last += 1
                continue
            if following.group().lower() in PHRASE_LINKS:
                if last + 2 >= len(words) or not is_body(words[last + 2].group(), self.pack):
                    break                  # «премьер в речи»: a circumstance, not a body
            elif not is_dependent(following.group(), self.pack):
                break
            last += 1
        while last > index and words[last].group().lower() in PHRASE_LINKS:
            last -= 1
        lead = [w.group() for w in words[first:index + 1]]
        nominative = phrase_in_nominative(lead, self.pack, index - first, head)
        end = max(words[last].end(), self.quoted_name_end(words[index].end()))
        while end < len(self.text) and self.text[end] in "»”\"":
            end += 1                       # «газета «Труд»»: the name's marks stay
        return nominative + self.text[words[index].end():end] if end > words[index].end() else nominative

    def quoted_name_end(self, after: int) -> int:
        """«газета «Степной край»»: a name in quote marks right after the head noun."""
        match = QUOTED_NAME.match(self.text, after)
        return match.end() if match else after

    def kind_of(self, parse, phrase: str, position: int, gender: str | None) -> Speaker | None:
        lemma = parse.normal_form
        if lemma in self.pack.organization_nouns:
            return Speaker(phrase, None, "organization")
        plural, animate = "plur" in parse.tag, "anim" in parse.tag
        if (gender == "plur") != plural and gender in ("masc", "femn", "plur"):
            return None                # not the verb's subject: «предупредила о последствиях»
        if lemma in self.pack.source_nouns and not plural:
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

    def unnamed(self, phrase: str, position: int) -> Speaker:
        """«Пилот объяснил …» in an article that names no one: an unnamed source, whom a
        later «он» or «чиновник» still means."""
        self.last_source = (position, Speaker(phrase, None, "group"))
        return self.last_source[1]

    # -- who a pronoun or a role noun stands for -------------------------------------------------

    def by_pronoun(self, position: int, gender: str) -> Speaker | None:
        if gender == "plur":
            return self.last_group
        return self.last_person(position, gender) or self.last_person(position, None)

    def by_role(self, position: int, role: str, gender: str | None, bare: bool = True) -> Speaker | None:
        """«Глава МИД», «вице-премьер»: a person whose positions hold the role (or a title it
        stands for), else the one the nlp stage tied the noun to; a bare role noun
        («министр», «супруга») also the last person of that gender, or the next."""
        stems = {title[:5] for title in (role, *self.pack.role_synonyms.get(role, ()))}
        before = bisect_left(self.people.starts, position)
        for mention in reversed(self.people.items[max(0, before - ROLE_LOOKBACK):before]):
            if any(stem in p.lower() for p in mention.record.get("positions", []) for stem in stems):
                return self.person(mention.record, gender)
        tied = self.roles.at(position)
        if tied:
            return self.person(tied.record, gender)
        if not bare:
            return None                # «пользователь ЖЖ zyalt»: someone the article does not name
        return self.last_person(position, gender) or self.next_person(position, gender)

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
        mentions = self.by_gender.get(gender) or self.people
        mention = mentions.last_before(before)
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
        record = self.full_names.get(surname(record["name"]), {}).get(self.gender_of(record), record) \
            if " " not in record["name"] else record
        if gender in ("masc", "femn") and self.gender_of(record) != gender:
            record = self.full_names.get(surname(record["name"]), {}).get(gender, record)
        return Speaker(record["name"], record.get("entity_id"), "person")

    def words(self, start: int, end: int, positions: bool = False):
        found = self.pack.morphology.WORD.finditer(self.text, start, end)
        return list(found) if positions else [m.group() for m in found]

    def gender_of(self, record: dict) -> str:
        return person_gender(record["name"], self.pack.masculine_names_in_a)


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


def surname(name: str) -> str:
    return name.split()[-1].lower().replace("ё", "е") if name.split() else ""


def full_names(persons: list[dict]) -> dict[str, dict[str, dict]]:
    """surname -> gender -> the person with a full name («Обама» -> «Барак Обама»)."""
    found: dict[str, dict[str, dict]] = {}
    for person in persons:
        if " " in person["name"]:
            gender = person_gender(person["name"], ())
            found.setdefault(surname(person["name"]), {}).setdefault(gender, person)
    return found


def head_noun(word: str, pack: LanguagePack, subject: bool):
    """The noun reading of `word` (nominative when it must be a subject), a person's
    reading first («политика»: a politician, not politics), or None."""
    fitting = [p for p in pack.morphology.parses(word.lower())[:3]
               if (p.tag.POS == "NOUN" or (p.tag.POS in ("ADJF", "PRTF") and "Subx" in p.tag and "Apro" not in p.tag)
                   or (p.tag.POS == "ADJF" and "Apro" in p.tag and "plur" in p.tag and "Anph" not in p.tag))
               and (not subject or p.tag.case == "nomn") and "Name" not in p.tag and "Surn" not in p.tag]
    animate = [p for p in fitting if "anim" in p.tag or "Apro" in p.tag]
    return (animate or fitting or [None])[0]


def names_someone(phrase: str) -> bool:
    """«пользователь ЖЖ zyalt», «представитель Минздрава»: a role tied to a name or a body
    («ветеран футбола», «глава российского государства» describe a person named before)."""
    return any(word[:1].isupper() or re.search(r"[A-Za-z]", word) for word in phrase.split()[1:])


def is_body(word: str, pack: LanguagePack) -> bool:
    """What «источник в …», «наблюдатели от …» attach: an organisation or a name."""
    return word[:1].isupper() or pack.morphology.lemma(word) in pack.organization_nouns


def noun_gender(parse) -> str | None:
    gender = parse.tag.gender
    return str(gender) if gender in ("masc", "femn") else None


def governed(word: str, pack: LanguagePack) -> bool:
    """Whether a word after a preposition may be its object: any word but a noun or an
    adjective that can only be nominative («Вместе с тем глава …»: «глава» is not)."""
    readings = [p for p in pack.morphology.parses(word) if p.tag.POS in ("NOUN", "ADJF", "PRTF", "NPRO")]
    return not readings or any(p.tag.case != "nomn" for p in readings)


def is_plain_noun(word: str, pack: LanguagePack) -> bool:
    return word[:1].isupper() or pack.morphology.parses(word)[0].tag.POS == "NOUN"


def is_preposition(word: str, pack: LanguagePack) -> bool:
    return pack.morphology.parses(word)[0].tag.POS == "PREP"


def is_nominative(word: str, pack: LanguagePack) -> bool:
    return pack.morphology.parses(word.lower())[0].tag.case == "nomn"


def is_first_name(word: str, pack: LanguagePack) -> bool:
    """«Марк рассказал …»: a capitalised first name in the nominative."""
    parse = pack.morphology.parses(word.lower())[0]
    return word[:1].isupper() and "Name" in parse.tag and parse.tag.case == "nomn"


def is_adjective_before(word: str, pack: LanguagePack) -> bool:
    parse = pack.morphology.parses(word.lower())[0]
    return parse.tag.POS in ("ADJF", "PRTF") and "Subx" not in parse.tag


def is_dependent(word: str, pack: LanguagePack) -> bool:
    """A word that belongs to the phrase before it: a genitive, a name, a Latin word."""
    if word[:1].isupper() or re.fullmatch(r"[A-Za-z0-9-]+", word):
        return True
    parse = pack.morphology.parses(word.lower())[0]
    return parse.tag.POS in ("NOUN", "ADJF", "PRTF") and parse.tag.case in ("gent", "loct", "datv")


def phrase_in_nominative(words: list[str], pack: LanguagePack, head_index: int = 0, head=None) -> str:
    """The head noun and the adjectives before it in the nominative, the words after it
    as written: «российских СМИ» -> «российские СМИ», «делегации ОБСЕ» -> «делегация ОБСЕ»."""
    if not words:
        return ""
    head = head or pack.morphology.noun_parse(words[head_index])
    lead = words[:head_index + 1]
    if head is not None and not (words[head_index][1:2].isupper()):
        lead = (pack.morphology.nominative_phrase(lead, (head.tag.case,)) or " ".join(lead)).split()
    elif head is None or words[head_index][1:2].isupper():
        lead = [inflect_adjective(w, pack) for w in lead[:-1]] + [lead[-1]]
    return " ".join(lead + words[head_index + 1:])


def inflect_adjective(word: str, pack: LanguagePack) -> str:
    """An adjective before an acronym («российских СМИ»): nominative, its number kept."""
    parse = pack.morphology.parses(word.lower())[0]
    wanted = {"nomn"} | ({"plur"} if "plur" in parse.tag else set())
    inflected = parse.inflect(wanted)
    return inflected.word if inflected else word


def person_gender(name: str, masculine_names_in_a: tuple[str, ...]) -> str:
    lower = name.lower()
    first = lower.split()[0]
    if re.search(r"(ова|ева|ёва|ина|ына|ая)$", lower) and " " in lower:
        return "femn"
    if first.endswith(("а", "я")) and first not in masculine_names_in_a and " " in lower:
        return "femn"
    return "masc"
