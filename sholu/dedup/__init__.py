"""Dedup: exact copies by a hash of the normalised text, near copies (a press release
reprinted with small edits, another attribution line) by MinHash LSH.

Signatures are computed in the workers (`sign_document`); the lookup runs where the
store is (`find_original`), because it must see every document stored before, in this
run and in earlier ones. LSH bands live in the store, so the index survives restarts.

The MinHash is datasketch's, computed here with numpy alone (datasketch imports much of
scipy, half a second of every run's start); numpy is imported in the functions that use
it: the store imports this module, and most commands never sign a text.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

NUM_PERM = 128
SHINGLE_WORDS = 3
NEAR_DUPLICATE_JACCARD = 0.6
MIN_SHINGLES = 10          # shorter texts are compared exactly only
LEAD_WORDS = 20            # the opening a reprint keeps (after a line it may add)
LEAD_SHARED = 0.5          # of one opening's shingles found near the start of the other
SEED = 20260315

WORD = re.compile(r"\w+", re.UNICODE)


def words_of(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("ё", "е"))     # lowered, so Ё is ё; replace runs in C, translate per letter


def text_key(text: str) -> str:
    """Same words in the same order, whatever the case, spacing, quotes or dashes."""
    normalised = " ".join(words_of(text))
    return hashlib.blake2b(normalised.encode("utf-8"), digest_size=8).hexdigest()


def document_id(key: str, source: str, taken: bool) -> str:
    """The first copy's id is the hash of its text; a later exact copy adds its source
    so both are kept."""
    if not taken:
        return key
    return hashlib.blake2b(f"{key}\n{source}".encode("utf-8"), digest_size=8).hexdigest()


def shingles(text: str) -> set[bytes]:
    words = words_of(text)
    return {
        " ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8")
        for i in range(max(len(words) - SHINGLE_WORDS + 1, 0))
    }


def signature(text: str, min_shingles: int = MIN_SHINGLES) -> bytes | None:
    """The text's MinHash: datasketch's (version 2, scheme "affine32", seed SEED) computed
    here, so a run never imports datasketch and the scipy it pulls in (half a second of
    start-up); the stored signatures stay the ones datasketch gives (a test compares)."""
    grams = shingles(text)
    if len(grams) < min_shingles:
        return None
    import numpy as np

    multipliers, offsets = permutations()
    hashed = np.fromiter((sha1_hash32(gram) for gram in grams), dtype=np.uint32, count=len(grams))
    permuted = mixed(hashed)[:, None] * multipliers + offsets        # uint32: wraps modulo 2**32
    return permuted.min(axis=0).astype("<u8").tobytes()


def sha1_hash32(data: bytes) -> int:
    return int.from_bytes(hashlib.sha1(data).digest()[:4], "little")


def mixed(values):
    """MurmurHash3's 32-bit finalizer, which datasketch applies before permuting."""
    import numpy as np

    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


@lru_cache(maxsize=1)
def permutations():
    """The NUM_PERM permutations a * h + b (a odd), drawn as datasketch draws them."""
    import numpy as np

    draw = np.random.RandomState(SEED)
    multipliers = draw.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    return multipliers, draw.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)


def preload() -> None:
    """The permutations, drawn before the workers fork rather than once in each."""
    permutations()


def sign_document(doc):
    doc.text_key = text_key(doc.text)
    doc.signature = signature(doc.text)
    return doc


# (bands, rows per band) that minimise false positives and negatives at the threshold,
# as datasketch's MinHashLSH chooses them for NUM_PERM and NEAR_DUPLICATE_JACCARD (its
# integration needs scipy; a test derives it again).
BAND_SHAPE = (18, 7)


def band_shape() -> tuple[int, int]:
    return BAND_SHAPE


@lru_cache(maxsize=4096)
def band_keys(sig: bytes) -> tuple[tuple[int, bytes], ...]:
    """(band, bucket) of each LSH band; remembered, as dedup and then the reservation
    of a document ask for the same signature's."""
    import numpy as np

    bands, rows = band_shape()
    values = np.frombuffer(sig, dtype="<u8")
    return tuple(
        (band, hashlib.blake2b(values[band * rows:(band + 1) * rows].tobytes(),
                               digest_size=8).digest())
        for band in range(bands)
    )


def jaccard_estimate(a: bytes, b: bytes) -> float:
    """The share of equal hash values (the float np.mean gives, without its overhead: a
    reprint's signature is compared with every stored copy of its text)."""
    import numpy as np

    equal = np.count_nonzero(np.frombuffer(a, dtype="<u8") == np.frombuffer(b, dtype="<u8"))
    return equal / (len(a) // 8)


def find_original(doc, store) -> str | None:
    """The id of the first stored copy of this text, exact or near, or None."""
    exact = store.original_by_key(doc.text_key, exclude_source=doc.source)
    if exact:
        return exact
    if doc.signature is None:
        return None
    best, best_score = None, 0.0
    for candidate_id, candidate_sig in store.band_candidates(band_keys(doc.signature), doc.source):
        score = jaccard_estimate(doc.signature, candidate_sig)
        if score >= NEAR_DUPLICATE_JACCARD and score > best_score and \
                same_opening(doc.text, store.text_of(candidate_id)):     # ties: the earliest
            best, best_score = candidate_id, score
    return store.root_of(best) if best else None


def same_opening(text: str, other: str | None) -> bool:
    """Whether two texts open alike, as a reprint and its original do: most of one's
    opening is near the start of the other (which may have added a line before it).
    Different releases of one press service that end with the same paragraph about
    the company share most of their words, but not their openings."""
    if other is None:
        return False
    return max(opened_in(text, other), opened_in(other, text)) >= LEAD_SHARED


def opened_in(text: str, other: str) -> float:
    """The share of `text`'s opening shingles found in the first words of `other`."""
    first = opening(text, LEAD_WORDS)
    return len(first & opening(other, 2 * LEAD_WORDS)) / len(first) if first else 1.0


def opening(text: str, count: int) -> set[str]:
    words = first_words(text, count)
    return {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(len(words) - SHINGLE_WORDS + 1, 0))}


def first_words(text: str, count: int) -> list[str]:
    """`words_of(text)[:count]`, reading only as much of the text as holds them: a cut
    just before a space splits no word and changes no letter's lower case."""
    cut = text.rfind(" ", 0, CHARACTERS_PER_WORD * (count + 1))
    if cut > 0:
        words = words_of(text[:cut])
        if len(words) >= count:
            return words[:count]
    return words_of(text)[:count]


CHARACTERS_PER_WORD = 16       # a prefix this many times the words wanted nearly always holds them
