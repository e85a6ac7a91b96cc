"""Which outlet published the article: from the page's metadata or URL, else from the
attribution formulas reprints carry («передает DKNews.kz», «деп хабарлайды Kazinform»,
«Источник: zanmedia.kz»).
Names are normalised through `data/outlets.csv`, which users extend."""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

# What a Russian text calls an outlet or its writer before the name («газета «…»», «агентство …»).
RUSSIAN_MEDIA = r"(?:корреспондент\w*|корр\.|агентств\w*|издани\w*|портал\w*|сайт\w*|редакци\w*|телеканал\w*|газет\w*)"
DOMAIN = r"(?:https?://)?(?:www\.)?[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?i:kz|ru|com|org|net|media|news|info|asia|қаз)\b"
ATTRIBUTION = re.compile(
    r"(?:переда[её]т|сообщает|сообщают|пишет|информирует|со ссылкой на|по данным|по информации)"
    rf"\s+(?:(?:собственный\s+)?{RUSSIAN_MEDIA}\s+)?"
    r"(?P<outlet>" + DOMAIN + r"|[«\"]?[A-ZА-ЯЁ][\w-]*(?:\s\d+)?[»\"]?)",
)
# Kazakh puts the outlet after the verb («…, деп хабарлайды Kazinform») or before it, its
# correspondent or its own kind between («Tengrinews.kz тілшісінің хабарлауынша»).
KAZAKH_MEDIA = r"(?:тілшісі\w*|агенттігі\w*|сайты\w*|порталы\w*|басылымы\w*|газеті\w*|(?:теле)?арнасы\w*)"
KAZAKH_WORD = r"[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ]\w*(?:-[A-ZА-ЯЁӘІҢҒҮҰҚӨҺ0-9]\w*)*"
KAZAKH_NAME = DOMAIN + rf"|[«\"]?{KAZAKH_WORD}(?:\s(?:{KAZAKH_WORD}|\d+)){{0,2}}[»\"]?"  # up to three words
KAZAKH_ATTRIBUTION = re.compile(
    rf"(?:деп\s+)?(?:хабарлайды|хабарлады|жазады|мәлімдейді)\s+(?:{KAZAKH_MEDIA}\s+)?(?P<outlet>{KAZAKH_NAME})"
    rf"|(?P<outlet_before>{KAZAKH_NAME})(?:-\w+)?\s+(?:{KAZAKH_MEDIA}\s+)?"
    r"(?:хабарлайды|хабарлады|хабарлауынша|жазады|мәліметінше)")
# Every verb KAZAKH_ATTRIBUTION ends on holds one of these: a text without them has no match,
# and scanning for one tries the outlet-first branch at every capital letter.
KAZAKH_VERB_PARTS = ("хабарла", "жазады", "мәлім")
SOURCE_LINE = re.compile(r"^\s*(?:источник|дереккөз|source)\s*:\s*(?P<outlet>.+?)\s*$",
                         re.IGNORECASE)
LANGUAGE_SUBDOMAINS = ("www.", "ru.", "rus.", "kaz.", "kz.", "en.", "eng.", "m.")


@lru_cache(maxsize=None)
def outlet_names() -> dict[str, str]:
    """alias (lowercase) -> canonical name"""
    raw = resources.files("sholu.data").joinpath("outlets.csv").read_text(encoding="utf-8")
    names = {}
    for row in csv.DictReader(raw.splitlines()):
        for alias in [row["name"], *row["aliases"].split(";")]:
            if alias.strip():
                names[alias.strip().lower()] = row["name"]
    return names


def canonical(name: str) -> str | None:
    return outlet_names().get(name.strip(" «»\"'.").lower())


def from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    while host.startswith(LANGUAGE_SUBDOMAINS) and host.count(".") > 1:
        host = host.split(".", 1)[1]
    return (canonical(host) or host) if host else None


def from_metadata(sitename: str | None, url: str | None) -> str | None:
    """A known site name wins; a URL's host beats an unknown site name, which is often
    a slogan or a company name rather than the outlet's."""
    known = canonical(sitename) if sitename else None
    return known or from_url(url) or (sitename.strip() if sitename else None)


def from_text(body: str, trailer: list[str]) -> str | None:
    """The first attribution in the body, or a «Источник:» line right after it."""
    for line in trailer:
        match = SOURCE_LINE.match(line)
        if match:
            return normalise_mention(match.group("outlet"))
    kazakh = KAZAKH_ATTRIBUTION.finditer(body) if any(part in body for part in KAZAKH_VERB_PARTS) else ()
    for match in sorted([*ATTRIBUTION.finditer(body), *kazakh], key=re.Match.start):
        name = normalise_mention(match.group("outlet")) if match.group("outlet") else \
            known_tail(match.group("outlet_before"))
        if name:
            return name
    return None


def known_tail(words: str) -> str | None:
    """The outlet the last words before a Kazakh verb of reporting name («Бұл туралы Хабар 24
    телеарнасы хабарлады»: the capitalised run may start earlier than the name)."""
    parts = words.split()
    return next((name for k in range(len(parts)) if (name := normalise_mention(" ".join(parts[k:])))), None)


def normalise_mention(mention: str) -> str | None:
    """A domain is an outlet even when unknown; a bare word only when it is known
    («сообщает Kazinform» yes, «сообщает Министерство» no)."""
    mention = mention.strip(" «»\"'.,;")
    domain = re.match(DOMAIN, mention)
    if domain:
        return from_url(domain.group(0)) if "/" in mention else (canonical(mention) or mention)
    return canonical(mention)
