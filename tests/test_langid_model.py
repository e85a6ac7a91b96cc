"""py3langid's model read from the unpacked copy in the cache gives py3langid's own
answers, and is unpacked once."""
import py3langid
import pytest

from sholu.clean import langid_model

TEXTS = [
    "Вчера в Караганде депутаты маслихата встретились с жителями района.",
    "Last week the regional governor met residents of the district.",
    "Der Bürgermeister traf sich gestern mit den Bewohnern des Bezirks.",
    "Сербија и Црна Гора су потписале споразум о сарадњи.",
    "Учора ў Мінску адбылася сустрэча з жыхарамі раёна.",
    "12345 !!! ???",
]


@pytest.fixture()
def cached_identifier(tmp_path, monkeypatch):
    monkeypatch.setenv("SHOLU_CACHE", str(tmp_path))
    langid_model.identifier.cache_clear()
    yield langid_model.identifier
    langid_model.identifier.cache_clear()


def test_unpacked_model_answers_as_py3langid(cached_identifier, tmp_path):
    first = cached_identifier()                     # unpacks into tmp_path
    langid_model.identifier.cache_clear()
    mapped = cached_identifier()                    # reads the unpacked files
    assert len(list(tmp_path.glob("py3langid-*/ptc.npy"))) == 1
    for text in TEXTS:
        expected = py3langid.classify(text)
        assert first.classify(text) == expected
        assert mapped.classify(text) == expected


def test_unwritable_cache_still_classifies(cached_identifier, tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("SHOLU_CACHE", str(blocked / "cache"))
    assert cached_identifier().classify(TEXTS[1]) == py3langid.classify(TEXTS[1])
    assert not (blocked / "cache").exists()
