"""Tone towards people and organisations: the shipped model on sentences of our own
making, the tone stage through the whole pipeline into a real SQLite file, `sholu tone`
on RuSentNE-format rows, and the gate: the model's cross-validated F1_PN may not fall
below bench/tone_baseline.json."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from conftest import ROOT, export_records, run_into
from sholu.cli import main
from sholu.server import create_app
from sholu.store import open_store
from sholu.tone.features import Mention
from sholu.tone.model import shipped_model
from sholu.tone.train import cross_validated_f1, training_set

BASELINE = json.loads((ROOT / "bench" / "tone_baseline.json").read_text(encoding="utf-8"))


def tone_towards(sentence: str, entity: str) -> int:
    start = sentence.index(entity)
    return shipped_model().tone(Mention(sentence, start, start + len(entity), "PERSON")).value


# -- the model on sentences of each kind ------------------------------------------------

@pytest.mark.parametrize("sentence, entity", [
    ("Жители аула горячо поблагодарили Ерлана Сапарова за новую школу и назвали его героем.", "Ерлана Сапарова"),
    ("Президент наградил Ерлана Сапарова орденом за выдающиеся заслуги.", "Ерлана Сапарова"),
])
def test_clear_praise_is_positive(sentence, entity):
    assert tone_towards(sentence, entity) == 1


@pytest.mark.parametrize("sentence, entity", [
    ("Депутаты резко раскритиковали Ерлана Сапарова, обвинив его в коррупции и провале реформы.", "Ерлана Сапарова"),
    ("Ерлан Сапаров был задержан по подозрению в получении взятки.", "Ерлан Сапаров"),
])
def test_clear_criticism_is_negative(sentence, entity):
    assert tone_towards(sentence, entity) == -1


@pytest.mark.parametrize("sentence, entity", [
    ("Ерлан Сапаров родился в 1968 году в Шымкенте.", "Ерлан Сапаров"),
    ("По данным пресс-службы, Ерлан Сапаров занимает эту должность с 2019 года.", "Ерлан Сапаров"),
    ("Заседание вёл председатель комиссии Ерлан Сапаров.", "Ерлан Сапаров"),
])
def test_a_neutral_report_is_neutral(sentence, entity):
    assert tone_towards(sentence, entity) == 0


def test_criticism_quoted_from_a_third_party_is_negative_towards_its_target():
    sentence = "Аналитики считают, что Ерлан Сапаров провалил реформу и должен уйти в отставку."
    assert tone_towards(sentence, "Ерлан Сапаров") == -1


@pytest.mark.xfail(strict=True, reason="known weakness: a negated reproach still reads as criticism")
def test_a_negated_reproach_is_not_criticism():
    assert tone_towards("Никто не упрекнул Ерлана Сапарова в нечестности.", "Ерлана Сапарова") != -1


def test_confidence_is_the_probability_of_the_chosen_tone():
    sentence = "Депутаты резко раскритиковали Ерлана Сапарова, обвинив его в коррупции."
    start = sentence.index("Ерлана")
    mention = Mention(sentence, start, start + len("Ерлана Сапарова"))
    found = shipped_model().tone(mention)
    assert 0.5 < found.confidence <= 1
    assert found.confidence == pytest.approx(shipped_model().probabilities(mention).max(), abs=1e-3)


# -- the stage, end to end ------------------------------------------------------------

ARTICLE = """\
Аким области Нурлан Бекенов и активисты обсудили ремонт дорог

В Таразе прошла встреча акима области с жителями. Горожане горячо поблагодарили Нурлана Бекенова за новую больницу и назвали его настоящим хозяином региона.
Депутаты маслихата резко раскритиковали подрядчика, компанию «Жолстрой», обвинив её в срыве сроков и хищении бюджетных средств.
«Мы не допустим, чтобы деньги налогоплательщиков уходили впустую», — заявил Нурлан Бекенов.
Встреча продолжалась два часа.
"""


@pytest.fixture(scope="module")
def toned_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tone")
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    db = folder / "tone.db"
    summary = run_into(db, folder / "article.txt", jobs=1)
    assert summary.errors == []
    return db


def test_the_export_counts_each_persons_mentions_by_tone(toned_db):
    [record] = export_records(toned_db)
    person = next(p for p in record["persons"] if p["name"] == "Нурлан Бекенов")
    assert person["tone"]["positive"] >= 1 and person["tone"]["negative"] == 0
    assert sum(person["tone"][kind] for kind in ("positive", "neutral", "negative")) == len(person["spans"])
    assert person["tone"]["net"] > 0
    praised = next(m for m in person["tone_mentions"] if m["tone"] == 1)
    assert "поблагодарили" in record["text"][praised["start"] - 40:praised["start"]]


def test_the_store_keeps_tone_counts_and_the_quotes_speaker_tone(toned_db):
    store = open_store(str(toned_db))
    try:
        rows = store.db.execute("SELECT name, kind, tone_positive, tone_neutral, tone_negative "
                                "FROM entity_mentions").fetchall()
        quotes = store.db.execute("SELECT speaker, speaker_tone FROM quotes").fetchall()
    finally:
        store.close()
    by_name = {name: (kind, pos, neu, neg) for name, kind, pos, neu, neg in rows}
    assert by_name["Нурлан Бекенов"][1] >= 1
    assert all(counts == [None, None, None] for kind, *counts in by_name.values() if kind == "place")
    assert [speaker for speaker, _ in quotes] == ["Нурлан Бекенов"]
    assert quotes[0][1] in (-1, 0, 1)


def test_an_organisation_criticised_by_deputies_is_negative(toned_db):
    [record] = export_records(toned_db)
    organisation = next(o for o in record["organizations"] if "Жолстрой" in o["name"])
    assert organisation["tone"]["negative"] >= 1


def test_the_api_and_the_article_page_show_the_tone(toned_db):
    with TestClient(create_app(str(toned_db))) as client:
        persons = client.get("/api/persons").json()["items"]
        organizations = client.get("/api/organizations").json()["items"]
        voice = client.get("/api/analytics/share-of-voice", params={"kind": "person"}).json()
        [record] = export_records(toned_db)
        page = client.get(f"/documents/{record['id']}").text
    akim = next(p for p in persons if p["name"] == "Нурлан Бекенов")
    assert akim["tone"]["positive"] >= 1 and akim["tone"]["net"] > 0
    assert any(o["tone"]["negative"] >= 1 for o in organizations if "Жолстрой" in o["name"])
    assert next(v for v in voice if v["name"] == "Нурлан Бекенов")["tone"] == akim["tone"]
    assert "ent per tone-pos" in page and "поблагодарили Нурлана Бекенова" in page


# -- sholu tone FILE.tsv --------------------------------------------------------------

ROWS = [
    ("Горожане горячо поблагодарили Нурлана Бекенова за новую больницу.", "Нурлана Бекенова", "PERSON", 1),
    ("Депутаты резко раскритиковали Нурлана Бекенова, обвинив его во лжи.", "Нурлана Бекенова", "PERSON", -1),
    ("Нурлан Бекенов родился в 1970 году в Таразе.", "Нурлан Бекенов", "PERSON", 0),
]


def write_rows(path: Path, labelled: bool) -> Path:
    header = "sentence\tentity\tentity_tag\tentity_pos_start_rel\tentity_pos_end_rel" + ("\tlabel" if labelled else "")
    lines = [header]
    for sentence, entity, tag, label in ROWS:
        start = sentence.index(entity)
        cells = [sentence, entity, tag, str(start), str(start + len(entity))] + ([str(label)] if labelled else [])
        lines.append("\t".join(cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_sholu_tone_adds_predictions_and_prints_the_figures_last(tmp_path):
    result = CliRunner().invoke(main, ["tone", str(write_rows(tmp_path / "rows.tsv", labelled=True))])
    assert result.exit_code == 0, result.output
    *table, last = result.output.strip().splitlines()
    assert table[0].endswith("\tlabel\tpredicted")
    assert [line.rsplit("\t", 1)[1] for line in table[1:]] == ["1", "-1", "0"]
    assert json.loads(last) == {"f1_pn": 1.0, "f1_pn0": 1.0}


def test_sholu_tone_without_labels_prints_no_figures(tmp_path):
    out = tmp_path / "predicted.tsv"
    result = CliRunner().invoke(main, ["tone", str(write_rows(tmp_path / "rows.tsv", labelled=False)),
                                       "--out", str(out)])
    assert result.exit_code == 0 and result.output == ""
    assert out.read_text(encoding="utf-8").splitlines()[0].endswith("entity_pos_end_rel\tpredicted")


def test_sholu_tone_names_a_missing_column(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("sentence\tentity\nТекст\tТекст\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["tone", str(bad)])
    assert result.exit_code != 0 and "missing column entity_tag" in result.output


# -- the gate ---------------------------------------------------------------------------

def test_the_cross_validated_f1_pn_holds_the_baseline():
    model = shipped_model()
    figure = cross_validated_f1(training_set(), model.config, model.neutral_offset)
    assert figure >= BASELINE["cv_f1_pn"]
