"""A quote's candidate repeats are read in one statement, bucket after bucket in band
order and each bucket's rows in the order stored: what one look-up per bucket gave (the
first of two equally close repeats wins, so the order is part of the answer)."""
import pytest

from conftest import BACKENDS, new_target, opened_store
from sholu.dedup import band_keys


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    yield from opened_store(new_target(request.param, tmp_path, "bands"))


def signature(seed: int) -> bytes:
    return bytes((seed * 31 + i * 7) % 256 for i in range(18 * 7 * 8))


def test_candidates_come_bucket_by_bucket_in_stored_order(store):
    keys = band_keys(signature(1))
    stored = [(keys[5], "b:0"), (keys[2], "c:0"), (keys[5], "a:1"), (keys[0], "d:0"),
              (keys[2], "a:0"), ((keys[3][0], b"elsewhere"), "e:0"), (keys[0], "own:0")]
    with store.batch():
        for (band, bucket), quote_id in stored:
            store.db.execute("INSERT INTO quote_bands VALUES (?, ?, ?, ?)", (band, bucket, quote_id, b"sig"))
        found = [quote_id for quote_id, _ in store.quotes_in_buckets(keys, "own")]
        one_by_one = [row[0] for band, bucket in keys for row in store.db.execute(
            "SELECT quote_id FROM quote_bands WHERE band=? AND bucket=? AND quote_id NOT LIKE ?",
            (band, bucket, "own:%"))]
    assert found == one_by_one == ["d:0", "c:0", "a:0", "b:0", "a:1"]
