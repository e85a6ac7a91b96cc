"""`sholu tone FILE.tsv`: RuSentNE-format rows in, the same rows with a `predicted`
column out, and the task's figures when the rows carry labels."""
from __future__ import annotations

import csv
from typing import IO, Iterable

from .features import Mention, Reading
from .metrics import f1_pn, f1_pn0
from .model import shipped_model

BATCH = 512
COLUMNS = ("sentence", "entity", "entity_tag", "entity_pos_start_rel", "entity_pos_end_rel")


def read_table(handle: IO[str]) -> list[dict]:
    reader = csv.DictReader(handle, delimiter="\t")    # a cell holding quotes comes quoted, "" inside
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ValueError(f"missing column {', '.join(missing)}")
    return list(reader)


def predict_rows(rows: Iterable[dict]) -> list[dict]:
    """Each row with `predicted` (-1/0/1); a row whose offsets cannot be read is neutral.
    Rows are scored BATCH at a time, each sentence read once and the trees parsed together."""
    rows = list(rows)
    mentions = [mention_of(row) for row in rows]
    readable = [i for i, mention in enumerate(mentions) if mention is not None]
    values = [0] * len(rows)
    for first in range(0, len(readable), BATCH):
        part = readable[first:first + BATCH]
        readings: dict[str, Reading] = {}
        pairs = [(mentions[i], readings.setdefault(mentions[i].sentence, Reading(mentions[i].sentence))) for i in part]
        for i, tone in zip(part, shipped_model().tones(pairs)):
            values[i] = tone.value
    return [{**row, "predicted": value} for row, value in zip(rows, values)]


def mention_of(row: dict) -> Mention | None:
    try:
        return Mention(row["sentence"] or "", int(row["entity_pos_start_rel"]),
                       int(row["entity_pos_end_rel"]), row.get("entity_tag") or "PERSON")
    except (TypeError, ValueError):
        return None


def write_table(rows: list[dict], handle: IO[str]) -> None:
    fields = list(rows[0]) if rows else [*COLUMNS, "predicted"]
    writer = csv.DictWriter(handle, fieldnames=fields, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def scores(rows: list[dict]) -> dict | None:
    """F1_PN and F1_PN0 over the rows with a label; None when none has one."""
    labelled = [row for row in rows if str(row.get("label", "")).strip() in ("-1", "0", "1")]
    if not labelled:
        return None
    gold = [int(row["label"]) for row in labelled]
    guessed = [row["predicted"] for row in labelled]
    return {"f1_pn": round(f1_pn(gold, guessed), 4), "f1_pn0": round(f1_pn0(gold, guessed), 4)}
