"""The city a venue stands in, when the text names only the venue («на площадке ТОО
«Казцинк»»). The table is `sholu/data/venues.csv` (name,city): `name` is an organisation
as `sholu/data/gazetteer/organizations.csv` names it (any variant found in a text is
mapped to it through the gazetteer), `city` a town of `places.csv` or of
`world_cities.csv` («Кремль» → Москва). Only bodies whose work happens in one known city
are listed (ministries, akimats, single-site plants), with no city for companies spread
over several sites; kept apart from the gazetteer so the nlp stage's files stay as they
are."""
from __future__ import annotations

import csv
import io
import re
from functools import lru_cache
from importlib.resources import files

from ..nlp.gazetteer import load_gazetteer, lookup_key


@lru_cache(maxsize=1)
def venue_cities() -> dict[str, str]:
    text = files("sholu.data").joinpath("venues.csv").read_text(encoding="utf-8")
    return {lookup_key(row["name"]): row["city"].strip()
            for row in csv.DictReader(io.StringIO(text)) if (row.get("city") or "").strip()}


def canonical_organization(name: str | None) -> str | None:
    """The gazetteer's name for an organisation («ТОО «Казцинк»» → «Казцинк»)."""
    entry = load_gazetteer().lookup(name) if name else None
    return entry.name if entry is not None and not entry.is_place else name


def city_of_venue(organization: str | None) -> str | None:
    canonical = canonical_organization(organization)
    return venue_cities().get(lookup_key(canonical)) if canonical else None


@lru_cache(maxsize=1)
def world_cities() -> dict[str, str]:
    """`sholu/data/world_cities.csv`: capitals and large cities abroad (name, country;
    a list of common facts written for the project), kept out of the gazetteer, which is
    Kazakhstan's (the nlp stage finds these places by its NER; only the events stage
    needs to know they are cities)."""
    text = files("sholu.data").joinpath("world_cities.csv").read_text(encoding="utf-8")
    return {lookup_key(row["name"]): row["name"] for row in csv.DictReader(io.StringIO(text))}


def settlement_name(place: str) -> str | None:
    """The name of the city, town or village `place` names, as the tables write it."""
    entry = load_gazetteer().lookup(place)
    if entry is not None:
        return entry.name if entry.kind in ("city", "town", "village") else None
    return world_cities().get(lookup_key(place))


# «Павлодарского алюминиевого завода», «Карагандинский», «Кызылординская»: a settlement's
# adjective, read by the stem before its -ск- ending
SETTLEMENT_ADJECTIVE = re.compile(r"^([а-яё-]{4,}?)(?:ин|ен)?ск(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|им|ими)$")
MIN_STEM = 5


def city_in_name(name: str | None) -> str | None:
    """The city or town a venue's name is called after («Павлодарский алюминиевый завод»
    → Павлодар), when one settlement of the gazetteer begins with the adjective's stem."""
    for word in (name or "").lower().replace("ё", "е").split():
        found = SETTLEMENT_ADJECTIVE.match(word.strip("«»\"“”"))
        stem = found and found.group(1)
        if stem and len(stem) >= MIN_STEM - 1:
            fitting = settlements_by_stem().get(stem[:MIN_STEM])
            named = [city for city in fitting or () if city.lower().replace("ё", "е").startswith(stem[:-1])]
            if len(named) == 1:
                return named[0]
    return None


@lru_cache(maxsize=1)
def settlements_by_stem() -> dict[str, list[str]]:
    """Cities and towns of the gazetteer by their first letters."""
    found: dict[str, list[str]] = {}
    for entry in load_gazetteer().entries:
        if entry.kind in ("city", "town"):
            found.setdefault(entry.name.lower().replace("ё", "е")[:MIN_STEM], []).append(entry.name)
    return found
