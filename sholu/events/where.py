"""Where a gathering took place: the city named in its sentences, and the venue — an
organisation it was held in or at, a site of one («в цехе …», «на площадке …»), or the
employer whose workforce it met."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp.gazetteer import load_gazetteer
from .article import Article, Mention
from .sentences import Sentence
from .venues import settlement_name
from .who import BACKGROUND

IN_OR_AT = re.compile(r"(?:^|[\s(])(?:в|во|на)\s+[«\"“]?$", re.IGNORECASE)
# Between a venue word and the organisation: a legal form and an opening quote, if any.
LEGAL_FORM_GAP = re.compile(r"(?:\b(?:АО|ТОО|ОАО|ПАО|РГП|ГКП|КГП|НАК|НК|АО\s+НК)\s+)?[«\"“]?$")
CLOSING_QUOTES = {"«": "»", "\"": "\"", "“": "”"}
# «входящего в Kazakhmys Smelting», «изменения в Конституцию»: «в» that is no place.
NOT_A_PLACE = re.compile(r"(?:входящ|вход|вступ|включ|обращ|обратил|направ|поправк|изменени)\w*"
                         r"\s+(?:в|во)\s+$", re.IGNORECASE)
CITY_PREFIX = re.compile(r"(?:\b(?:в|во|на)\s+(?:г\.\s*|город\w*\s+)?|\bг\.\s*)$", re.IGNORECASE)
FROM_PREFIX = re.compile(r"\b(?:из|от)\s+(?:г\.\s*|город\w*\s+)?$", re.IGNORECASE)
SITE = re.compile(r"\b(?:в|во|на)\s+((?:актовом|конференц-|большом|малом)?\s*(?:зале|цехе|площадке|"
                  r"территории|здании|офисе|заводе|фабрике|комбинате|шахте|руднике|предприятии|"
                  r"месторождении|филиале|штаб-квартире|кампусе|подразделении|производстве|депо|станции|базе|"
                  r"стенах))\s+",
                  re.IGNORECASE)
WORKFORCE_OF = re.compile(r"\b(?:коллектив|работник|сотрудник|персонал|металлург|горняк|шахтер|нефтяник|"
                          r"железнодорожник|энергетик|машиностроител|рабоч)\w*\s+(?:(завода|предприятия|"
                          r"компании|комбината|фабрики|шахты|рудника|ведомства|министерства|акимата|"
                          r"организации|холдинга|корпорации|филиала|цеха|месторождения)\s+)?$", re.IGNORECASE)
SITE_CASES = ("loct", "loc2", "datv")
# «в Доме культуры горняков», «во Дворце школьников»: a building any town has, named by its
# genitive complement (no organisation of the nlp stage: it names a kind, not one body).
BUILDING = re.compile(r"\b(?:в|во|на)\s+(Доме|Дворце|Здании)((?:\s+[а-яё]+){1,3})", re.IGNORECASE)
EXCLUDED_KINDS = ("outlet",)


@dataclass
class Venue:
    text: str                        # as the frame reports it
    organization: str | None         # the organisation it is, or belongs to


def city_in(article: Article, sentences: list[Sentence]) -> str | None:
    """The first city, town or village said to be where it happened («В Жезказган»,
    «в г. Сатпаев»), else the first one not said to be where people came from."""
    seen = CitiesSeen()
    for sentence in sentences:
        seen.add(article, sentence)
    return seen.city


@dataclass
class CitiesSeen:
    """The cities of a growing list of sentences, each sentence read once: the first
    one said to be the place, and the first other one not said to be an origin."""
    located: str | None = None
    other: str | None = None

    def add(self, article: Article, sentence: Sentence) -> None:
        if BACKGROUND.search(sentence.folded):                  # «Ранее в Актобе прошла …»
            return
        for m in article.within(article.places, sentence.start, sentence.end):
            if self.located is not None:
                return
            city = settlement_name(m.name)
            if city is None or article.inside_organization(m):
                continue
            before = article.folded[max(0, m.start - 20):m.start]
            if CITY_PREFIX.search(before):
                self.located = city
            elif self.other is None and not FROM_PREFIX.search(before):
                self.other = city

    def join(self, later: "CitiesSeen") -> None:
        """The cities of sentences that come after these."""
        self.located = self.located or later.located
        self.other = self.other or later.other

    @property
    def city(self) -> str | None:
        return self.located or self.other


def venue_in(article: Article, sentences: list[Sentence], organizer: str | None) -> Venue | None:
    for sentence in sentences:
        venue = venue_in_sentence(article, sentence, organizer)
        if venue:
            return venue
    return None


def venue_in_sentence(article: Article, sentence: Sentence, organizer: str | None) -> Venue | None:
    organizations = [m for m in article.within(article.organizations, sentence.start, sentence.end)
                     if m.name != organizer and kind_of(m) not in EXCLUDED_KINDS]
    found = [v for v in (organization_venue(article, organizations, sentence),
                         site_venue(article, organizations, sentence), building_venue(article, sentence)) if v]
    if found:
        return min(found, key=lambda pair: pair[0])[1]
    return workforce_venue(article, organizations, sentence)


def organization_venue(article: Article, organizations: list[Mention], sentence: Sentence):
    """«В Министерстве труда … состоялась встреча»: the organisation itself."""
    for org in organizations:
        before = article.folded[sentence.start:org.start]
        if IN_OR_AT.search(before) and not NOT_A_PLACE.search(before):
            return org.start, Venue(org.name, org.name)
    return None


def site_venue(article: Article, organizations: list[Mention], sentence: Sentence):
    """«в цехе Западно-Казахстанского машиностроительного завода» → «цех Западно-…»."""
    for match in SITE.finditer(article.folded, sentence.start, sentence.end):
        org = next((o for o in organizations if joins(article, match.end(), o)), None)
        head = org and article.pack.morphology.nominative_phrase(match.group(1).split(), SITE_CASES)
        if head:
            return match.start(), Venue(f"{head} {surface_from(article, match.end(), org)}", org.name)
    return None


def building_venue(article: Article, sentence: Sentence):
    """«в Доме культуры горняков» → «Дом культуры горняков»: the building and the words in
    the genitive after it."""
    for match in BUILDING.finditer(article.text, sentence.start, sentence.end):
        head = article.pack.morphology.nominative_phrase([match.group(1)], SITE_CASES)
        complement = list(genitives(article, match.group(2).split()))
        if head and complement:
            return match.start(), Venue(" ".join([head.capitalize(), *complement]), None)
    return None


def genitives(article: Article, words: list[str]):
    """The words from the first while each can be a noun or an adjective in the genitive."""
    for word in words:
        if not any(p.tag.case == "gent" and p.tag.POS in ("NOUN", "ADJF")
                   for p in article.pack.morphology.parses(word.lower())):
            return
        yield word


def workforce_venue(article: Article, organizations: list[Mention], sentence: Sentence) -> Venue | None:
    """«с трудовым коллективом завода Kazkat» → «завод Kazkat»."""
    for org in organizations:
        gap = LEGAL_FORM_GAP.search(article.folded, sentence.start, org.start)
        match = WORKFORCE_OF.search(article.folded, sentence.start, gap.start())
        if match and match.end() == gap.start():
            surface = surface_from(article, gap.start(), org)
            kind = article.pack.morphology.nominative_phrase([match.group(1)]) if match.group(1) else None
            return Venue(f"{kind} {surface}" if kind else org.name, org.name)
    return None


def joins(article: Article, end: int, org: Mention) -> bool:
    """The organisation's name starts at `end`, after at most a legal form and a quote
    («на площадке ТОО «Казцинк»», «работниками АО «Казатомпром»»)."""
    return org.start >= end and LEGAL_FORM_GAP.fullmatch(article.folded, end, org.start) is not None


def surface_from(article: Article, end: int, org: Mention) -> str:
    """The organisation as written from `end` (legal form included), with the closing
    quote when the name was opened with one."""
    written = article.text[end:org.end]
    opening = article.text[org.start - 1:org.start] if org.start > end else ""
    closing = CLOSING_QUOTES.get(opening)
    if closing and article.text[org.end:org.end + 1] == closing:
        written += closing
    return written


def kind_of(org: Mention) -> str | None:
    entry = load_gazetteer().lookup(org.name)
    return entry.kind if entry else None
