"""Kazakh named entities: a CRF (python-crfsuite) trained on KazNERD (CC BY 4.0) by
`python -m sholu.lang.kk.train_ner`, shipped as ner.crfsuite. Kazakh glues endings onto
names (Астана-да, Тоқаев-қа), so a word is described by its endings (suffixes), its
stem without them, its shape, the gazetteer, and the same for two words either side;
the organisations the training labels named (known_names.py), and how far ahead the next
organisation head noun stands with only lower-case words between (the head-final names)."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

from . import known_names
from .clusters import classes_of
from .morphology import cuts, stem

MODEL_FILE = "ner.crfsuite"
GAZETTEER_WORDS_FILE = "gazetteer_words.txt"
NEIGHBOURS = (-2, -1, 1, 2)
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
CLASS_NAMES = ("class0", "class1", "class2")
CLAUSE_BREAKS = frozenset(",.;:!?()«»\"“”—–")
# Endings of the lower-case words that chain before an organisation's head noun:
# -лық/-лік (adjectives of nouns), -дағы/-дегі (located at), -тың/-нің (genitive).
ADJECTIVAL = ("лық", "лік", "дық", "дік", "тық", "тік", "дағы", "дегі", "тағы", "тегі",
              "ғы", "гі", "қы", "кі", "ның", "нің", "дың", "дің", "тың", "тің", "лы", "лі", "ды", "ді")
SHAPES = ((re.compile(r"[^\W\d_]"), "x"), (re.compile(r"\d"), "d"))


def word_shape(word: str) -> str:
    """Letters as X/x, digits as d, repeats squeezed: «Астана» Xx, «2026-жылы» d-x."""
    shape = "".join("X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
                    for ch in word)
    return re.sub(r"(.)\1+", r"\1", shape)


@lru_cache(maxsize=200_000)
def own_features(word: str) -> dict[str, object]:
    """What one word says about itself, wherever it stands."""
    lower = word.lower()
    root = stem(word)
    features: dict[str, object] = {
        "w": lower, "stem": root, "shape": word_shape(word), "len": min(len(word), 12),
        "title": word[:1].isupper(), "upper": word.isupper() and len(word) > 1,
        "digit": any(ch.isdigit() for ch in word), "kazakh": bool(KAZAKH_LETTERS & set(word)),
        "ending": lower[len(root):] if lower.startswith(root) else "~",
    }
    for n in range(1, 6):
        features[f"suf{n}"] = lower[-n:]
    for n in range(1, 4):
        features[f"pre{n}"] = lower[:n]
    features["stem_suf3"] = root[-3:]
    features["adjectival"] = lower.endswith(ADJECTIVAL)
    features.update(gazetteer_features(root, lower))
    features.update({f"class{n}": found for n, found in enumerate(classes_of(root))})
    return features


def gazetteer_features(root: str, lower: str) -> dict[str, bool]:
    """The gazetteer kinds of the word, its stem, or the word with any endings cut
    (the stem of an unknown name keeps a short ending: Киев-ке, Грекия-дағы)."""
    kinds = gazetteer_words()
    found = set(kinds.get(lower) or kinds.get(root) or ())
    if not found:
        found = {kind for cut in cuts(lower) for kind in kinds.get(cut, ())}
    return {f"gaz:{kind}": True for kind in found}


@lru_cache(maxsize=1)
def gazetteer_words() -> dict[str, frozenset[str]]:
    """The gazetteer's words as the shipped model was trained with them (gazetteer_words.txt,
    written by train_ner with the model): a name added to the gazetteer later changes no
    feature of a model that never saw it (the Kazakh names of the ministries moved
    KazNERD's organisations, fold 1, from 0.749 to 0.682 until the model learns them)."""
    path = files(__package__).joinpath(GAZETTEER_WORDS_FILE)
    if not path.is_file():
        return current_gazetteer_words()
    rows = (line.split() for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    return {row[0]: frozenset(row[1].split(",")) for row in rows if len(row) == 2}


def write_gazetteer_words(path) -> None:
    """Ship the gazetteer's words of now with a model trained on them."""
    table = current_gazetteer_words()
    path.write_text("# Words of the gazetteer's names and their kinds, as the model was trained; written by "
                    "train_ner.py\n" + "".join(f"{word} {','.join(sorted(kinds))}\n" for word, kinds in sorted(table.items())),
                    encoding="utf-8")
    gazetteer_words.cache_clear()
    own_features.cache_clear()


def current_gazetteer_words() -> dict[str, frozenset[str]]:
    """Each word of a gazetteer name or variant (and its stem) -> the kinds it names:
    place, organization; and world, a place of world_places.txt (countries, cities)."""
    from ...nlp.gazetteer import shipped_entries
    from ..pack import read_word_list

    kinds: dict[str, set[str]] = {}
    for entry in shipped_entries():
        kind = "place" if entry.is_place else "organization"
        for name in (entry.name, *entry.variants):
            for word in re.findall(r"\w+", name.lower()):
                if len(word) > 2:
                    kinds.setdefault(word, set()).add(kind)
                    kinds.setdefault(stem(word), set()).add(kind)
    for word in read_word_list(__package__, "world_places"):
        kinds.setdefault(word.lower(), set()).add("world")
    return {word: frozenset(found) for word, found in kinds.items()}


def sentence_features(words: list[str], names: dict | None = None) -> list[dict[str, object]]:
    """The CRF's input for one sentence: each word's own features, its neighbours'
    main ones (prefixed with their offset), where it stands, and the organisations it matches
    in the list the training labels named (`names`: that list; None: the shipped one)."""
    own = [own_features(word) for word in words]
    known = known_names.name_features([features["stem"] for features in own], names)
    quoted = inside_quotes(words)
    heads = distance_to_head(words)
    chains = chain_features(words)
    rows = []
    for i, features in enumerate(own):
        row = dict(features)
        row["first"] = i == 0
        row["after_quote"] = i > 0 and words[i - 1] in "«\"“"
        row["quoted"] = quoted[i]
        row.update(heads[i])
        row["-1|0"] = f"{own[i - 1]['w'] if i else '^'}|{features['w']}"
        row["0|+1"] = f"{features['w']}|{own[i + 1]['w'] if i + 1 < len(own) else '$'}"
        for offset in NEIGHBOURS:
            j = i + offset
            if 0 <= j < len(words):
                other = own[j]
                row.update({f"{offset}:w": other["w"], f"{offset}:stem": other["stem"],
                            f"{offset}:title": other["title"], f"{offset}:suf3": other["suf3"],
                            f"{offset}:ending": other["ending"]})
                if abs(offset) == 1:
                    row.update({f"{offset}:{name}": other[name] for name in CLASS_NAMES if name in other})
            else:
                row[f"{offset}:edge"] = True
        row.update(chains[i])
        row.update(known[i])
        for offset in (-1, 1):
            if 0 <= i + offset < len(words) and known[i + offset]:
                row[f"{offset}:kn"] = known[i + offset]["kn"]
        rows.append(row)
    return rows


def chain_features(words: list[str]) -> list[dict[str, object]]:
    """Where each word stands in its name-like run (a «…» quote, or capitalised words in a
    row), how long the run is, and the stems of the words just outside it: «Bek Air»
    компаниясы, «Хабар жиырма төрт» арнасы — the word after a name says what it names."""
    found: list[dict[str, object]] = [{} for _ in words]
    for first, last, quoted in name_runs(words):
        size = last - first + 1
        before = words[first - 1 - quoted] if first - 1 - quoted >= 0 else "^"
        after = words[last + 1 + quoted] if last + 1 + quoted < len(words) else "$"
        for i in range(first, last + 1):
            place = "S" if size == 1 else "B" if i == first else "E" if i == last else "I"
            found[i] = {"run": f"{'q' if quoted else 't'}{place}", "run_len": min(size, 5),
                        "run_after": stem(after), "run_before": stem(before)}
    return found


def name_runs(words: list[str]) -> list[tuple[int, int, bool]]:
    """(first, last, quoted) of each quote's inside and each run of capitalised words."""
    runs, i = [], 0
    while i < len(words):
        if words[i] in "«“" and i + 1 < len(words):
            close = next((j for j in range(i + 1, len(words)) if words[j] in "»”"), None)
            if close is not None and close > i + 1:
                runs.append((i + 1, close - 1, True))
                i = close + 1
                continue
        if words[i][:1].isupper():
            end = i
            while end + 1 < len(words) and words[end + 1][:1].isupper():
                end += 1
            runs.append((i, end, False))
            i = end
        i += 1
    return runs


def distance_to_head(words: list[str], reach: int = 7) -> list[dict[str, object]]:
    """How many words ahead, inside the clause, the next organisation head noun stands
    («министрлігі», «партиясы»), which head it is, and whether a capitalised word opens
    the stretch up to it: an organisation's name begins several words before its head
    («Орталық сайлау комиссиясының»)."""
    heads = organisation_heads()
    found, next_head = [], None
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word in CLAUSE_BREAKS:
            next_head = None
        elif stem(word) in heads:
            next_head = i
        near = next_head is not None and next_head - i <= reach
        found.append({"head_ahead": str(next_head - i), "head_what": stem(words[next_head])} if near
                     else {"head_ahead": "-"})
    found.reverse()
    opened = None
    for i, word in enumerate(words):
        opened = None if word in CLAUSE_BREAKS else i if word[:1].isupper() and opened is None else opened
        if opened is not None and "head_what" in found[i] and int(found[i]["head_ahead"]) + i - opened <= reach:
            found[i]["capital_to_head"] = True
    for i, found_here in enumerate(found):
        if "head_what" in found_here and lower_chain(words[i + 1:i + int(found_here["head_ahead"])]):
            found_here["lower_chain"] = f"{found_here['head_ahead']}:{words[i].lower().endswith(ADJECTIVAL)}"
    return found


def lower_chain(words: list[str]) -> bool:
    """Whether these words could be the body of an organisation's name before its head: lower-case
    words only, as in «Төтенше жағдай жөніндегі мемлекеттік комиссия»."""
    return all(word.replace("-", "").isalpha() and word.islower() for word in words)


@lru_cache(maxsize=1)
def organisation_heads() -> frozenset[str]:
    from ..pack import read_word_list

    return frozenset(stem(word) for word in read_word_list(__package__, "org_heads"))


def inside_quotes(words: list[str]) -> list[bool]:
    """Whether each word stands inside «…» (names of organisations and works often do)."""
    depth, flags = 0, []
    for word in words:
        depth = max(depth - (word in "»”"), 0)
        flags.append(depth > 0 and word not in "«»“”")
        depth += word in "«“"
    return flags


@lru_cache(maxsize=1)
def tagger():
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(files(__package__).joinpath(MODEL_FILE)))
    return tagger


def tag_sentences(sentences: list[list[str]]) -> list[list[str]]:
    """IOB2 tags (B-PERSON, I-GPE, O, …) for each word of each sentence."""
    model = tagger()
    return [repaired(model.tag(sentence_features(words))) if words else [] for words in sentences]


def repaired(tags: list[str]) -> list[str]:
    """Well-formed IOB2, read as conlleval reads the CRF's output: an I- that does not
    continue a name of its own label opens one (O I-GPE -> O B-GPE; B-ORGANISATION I-GPE
    -> B-ORGANISATION B-GPE), so strict scorers count the names that lenient ones do."""
    fixed, previous = [], "O"
    for tag in tags:
        prefix, _, kind = tag.partition("-")
        if prefix == "I" and previous.partition("-")[2] != kind:
            tag = f"B-{kind}"
        fixed.append(tag)
        previous = tag
    return fixed
