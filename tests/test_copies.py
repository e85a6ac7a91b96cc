"""Copies skip NER: a reprint found by dedup takes its original's entities (re-anchored
onto its own text) and runs only the cheap stages, yet stores what analysing it alone
would give. Real articles, real models."""
import shutil
from pathlib import Path

import pytest

from conftest import REPRINT, SAMPLES, export_records, run_into
from sholu import pipeline
from sholu.dedup.inherit import Anchor
from sholu.ingest import read_file

ORIGINAL = "002_23470084129bac58.txt"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The samples, the Zakon.kz near copy of 002, an exact copy of 001 with other
    spacing and quotes, and 004 reissued under a line of its own (a near copy)."""
    folder = tmp_path_factory.mktemp("copies") / "in"
    shutil.copytree(SAMPLES, folder)
    shutil.copy(REPRINT / "zakon-reprint.txt", folder / "zz-zakon-reprint.txt")
    text = (SAMPLES / "001_cdf56281be8a3dd1.txt").read_text(encoding="utf-8")
    (folder / "zz-exact-copy.txt").write_text(text.replace("\n\n", "\n\n\n").replace("«", '"'),
                                              encoding="utf-8")
    text = (SAMPLES / "004_9078279bb97392d2.txt").read_text(encoding="utf-8")
    (folder / "zz-reissue.txt").write_text(f"Выпуск 2.\n{text}", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def stored_db(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("copies-db") / "copies.db"
    return run_into(db, corpus), db


@pytest.fixture(scope="module")
def stored(stored_db):
    summary, db = stored_db
    return summary, {Path(r["source"]).name: r for r in export_records(db)}


def test_copies_are_stored_without_running_ner(stored):
    summary, records = stored
    assert (summary.new, summary.duplicates, summary.analysed) == (8, 3, 5)
    copies = {name for name, r in records.items() if r["duplicate_of"]}
    assert copies == {"zz-zakon-reprint.txt", "zz-exact-copy.txt", "zz-reissue.txt"}
    assert records["zz-zakon-reprint.txt"]["duplicate_of"] == records[ORIGINAL]["id"]


@pytest.mark.parametrize("name", ["zz-zakon-reprint.txt", "zz-exact-copy.txt", "zz-reissue.txt"])
def test_a_copy_stores_what_analysing_it_alone_gives(corpus, stored, name):
    """Every stage run on the copy by itself (NER included) gives the record the
    pipeline stored from the inherited entities."""
    _, records = stored
    raw = next(iter(read_file(corpus / name)))
    alone = pipeline.process(raw).to_record()
    kept = records[name]
    for key in ("persons", "organizations", "places", "dates", "events", "topics", "constitution_refs"):
        assert kept[key] == alone[key], key
    strip = ("quote_id", "repeat_of")
    assert [{k: v for k, v in q.items() if k not in strip} for q in kept["quotes"]] == alone["quotes"]


def test_inherited_spans_point_at_the_same_words_in_the_copy(stored):
    _, records = stored
    original, copy = records[ORIGINAL], records["zz-zakon-reprint.txt"]
    anchor = Anchor(original["text"], copy["text"])
    moved = 0
    for person in original["persons"]:
        for start, end in person["spans"]:
            span = anchor.span(start, end)
            if span:
                moved += 1
                assert copy["text"][span[0]:span[1]] == original["text"][start:end]
    assert moved >= 5


def test_an_anchor_drops_words_the_copy_left_out():
    anchor = Anchor("Аида Балаева посетила завод в Уральске.", "Аида Балаева посетила Уральск.")
    assert anchor.span(0, 12) == (0, 12)
    assert anchor.span(22, 27) is None           # «завод» is gone


@pytest.mark.parametrize("source, target", [
    ("a b c", "x y a b c"),                  # a line added before
    ("a b c", "a b c z"),                    # and after
    ("x a b c y", "a b c"),                  # words left out around it
    ("a b a b", "b a b a b a b"),            # periodic: the first place it occurs
    ("a b c", "a x c"),                      # an edit inside: the full search
])
def test_word_mapping_is_sequence_matchers(source, target):
    """The short way for copies that only add or drop words around the original maps
    each word where SequenceMatcher's blocks put it."""
    from difflib import SequenceMatcher

    from sholu.dedup.inherit import word_mapping

    a, b = source.split(), target.split()
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    assert word_mapping(a, b) == {i + k: j + k for i, j, size in blocks for k in range(size)}


def test_the_first_of_a_pair_stays_the_original_in_one_batch(tmp_path):
    """Both in one batch of parallel work: the earlier file is the original, as before."""
    folder = tmp_path / "pair"
    folder.mkdir()
    text = (SAMPLES / ORIGINAL).read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text.upper(), encoding="utf-8")
    summary = run_into(tmp_path / "pair.db", folder)
    records = {Path(r["source"]).name: r for r in export_records(tmp_path / "pair.db")}
    assert records["a.txt"]["duplicate_of"] is None
    assert records["b.txt"]["duplicate_of"] == records["a.txt"]["id"]
    assert summary.analysed == 1


RELEASE = ("Министерство цифрового развития сообщает, что с первого апреля граждане смогут "
           "подать заявление на замену удостоверения личности через мобильное приложение. "
           "Для этого понадобится подтвердить личность по биометрии и оплатить пошлину картой. "
           "Готовый документ можно будет забрать в любом центре обслуживания населения "
           "через пять рабочих дней после подачи заявления.")


def test_the_earliest_published_copy_is_the_original(tmp_path):
    """Read first but published a day later, the aggregator's copy is the copy."""
    import json

    lines = [{"outlet": "aggregator.example", "published": "2026-03-02", "title": "Удостоверение через приложение",
              "text": RELEASE + "\nИсточник: пресс-служба министерства."},
             {"outlet": "first.example", "published": "2026-03-01", "title": "Удостоверение можно заменить онлайн",
              "text": RELEASE}]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines),
                                         encoding="utf-8")
    run_into(tmp_path / "release.db", tmp_path / "feed.jsonl")
    records = {r["outlet"]: r for r in export_records(tmp_path / "release.db")}
    assert records["first.example"]["duplicate_of"] is None
    assert records["aggregator.example"]["duplicate_of"] == records["first.example"]["id"]


ABOUT_THE_COMPANY = ("О компании. Акционерное общество «Степной энергетический холдинг» объединяет "
                     "четыре тепловые электростанции и две угольные шахты в центральном и северном "
                     "Казахстане. Холдинг обеспечивает теплом более шестисот тысяч жителей, на его "
                     "предприятиях работают одиннадцать тысяч человек. Компания входит в число "
                     "крупнейших налогоплательщиков региона и ежегодно направляет средства на "
                     "социальные программы, ремонт школ и поддержку ветеранов труда в моногородах. "
                     "Контакты для прессы: пресс-служба холдинга, телефон и электронная почта на сайте.")
LEADS = ("Холдинг завершил капитальный ремонт турбины на станции в Экибастузе на месяц раньше срока.",
         "На шахте под Карагандой запущена новая лава, добыча вырастет на пятую часть.",
         "Энергетики холдинга провели день открытых дверей для студентов технических колледжей.")


def test_releases_sharing_only_a_boilerplate_paragraph_are_not_copies(tmp_path):
    """Three different releases of one company end with the same paragraph about it:
    each stays an original; a reprint of one of them is still its copy."""
    import json

    lines = [{"outlet": f"release-{n}.example", "published": f"2026-04-0{n + 1}", "text": f"{lead}\n{ABOUT_THE_COMPANY}"}
             for n, lead in enumerate(LEADS)]
    lines.append({"outlet": "reprint.example", "published": "2026-04-05",
                  "text": f"Новости энергетики.\n{LEADS[1]}\n{ABOUT_THE_COMPANY}"})
    (tmp_path / "releases.jsonl").write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines),
                                             encoding="utf-8")
    run_into(tmp_path / "releases.db", tmp_path / "releases.jsonl")
    records = {r["outlet"]: r for r in export_records(tmp_path / "releases.db")}
    assert [records[f"release-{n}.example"]["duplicate_of"] for n in range(3)] == [None, None, None]
    assert records["reprint.example"]["duplicate_of"] == records["release-1.example"]["id"]


def test_signatures_are_datasketchs_minhash():
    """The signature computed with numpy alone is the one datasketch's MinHash gives, and
    the band shape is the one its LSH would choose: stores keep matching their bands."""
    from datasketch import MinHash
    from datasketch.lsh import _optimal_param

    from sholu.dedup import NEAR_DUPLICATE_JACCARD, NUM_PERM, SEED, band_shape, shingles, signature

    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        theirs = MinHash(num_perm=NUM_PERM, seed=SEED)
        theirs.update_batch(list(shingles(text)))
        assert signature(text) == theirs.hashvalues.astype("<u8").tobytes()
    assert band_shape() == _optimal_param(NEAR_DUPLICATE_JACCARD, NUM_PERM, 0.5, 0.5)


def test_a_reprint_takes_its_originals_tones_only_from_this_pipeline_version(stored_db, stored, tmp_path):
    """A copy of a stored original inherits the tones it was given, by sentence (the
    tone stage reads again only what the copy changed), unless an older pipeline
    version, whose tone model read differently, gave them."""
    from sholu import PIPELINE_VERSION
    from sholu.dedup.corpus import toned_now
    from sholu.dedup.inherit import inherit_from_original
    from sholu.document import Document
    from sholu.store import open_store
    from sholu.tone import annotate_tone, tones_of

    _, records = stored
    db = tmp_path / "older.db"
    shutil.copy(stored_db[1], db)
    store = open_store(str(db))
    original = store.document(records[ORIGINAL]["id"])
    assert toned_now(store, original.id)
    found = tones_of(original)
    assert len(found) == sum(len(e["tone_mentions"]) for e in original.persons + original.organizations) > 0
    copy = Document(source="b", fingerprint="", text=f"Выпуск 3.\n{original.text}", language="ru", original=original)
    inherit_from_original(copy)
    assert copy.known_tones == found
    alone = [e["tone_mentions"] for e in annotate_tone(copy).persons]
    assert alone == [[{**t, "start": t["start"] + 10, "end": t["end"] + 10} for t in e["tone_mentions"]]
                     for e in original.persons]
    store.db.execute("UPDATE documents SET pipeline_version=? WHERE id=?", (f"{PIPELINE_VERSION}-older", original.id))
    assert not toned_now(store, original.id)
    store.close()
