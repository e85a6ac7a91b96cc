"""CSV: one file per table in a folder; plain UTF-8 and RFC 4180 quoting, so a text
with quotes, commas or line breaks reads back exactly. A text that a spreadsheet would
run as a formula (=, +, -, @ first, or a tab or carriage return) gets a leading
apostrophe, as OWASP advises, so opening the file never runs what an article wrote;
the dashboard's chart CSVs go through the same `safe_cell`."""
from __future__ import annotations

import csv
from pathlib import Path

from .files import StagedFiles, table_folder
from .tables import TABLES, flat_cell


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value):
    """A string that would start a formula, made text; other values as they are."""
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_STARTS):
        return "'" + value
    return value


class CsvTables:
    def __init__(self, out: Path, staged: StagedFiles):
        folder = table_folder(out)
        self.files = {}
        self.writers = {}
        for name, table in TABLES.items():
            handle = open(staged.path_for(folder / f"{name}.csv"), "w", encoding="utf-8", newline="")
            self.files[name] = handle
            self.writers[name] = csv.writer(handle)      # excel dialect: RFC 4180 quoting
            self.writers[name].writerow(table.names)

    def add(self, name: str, row: dict) -> None:
        columns = TABLES[name].columns
        self.writers[name].writerow([safe_cell(flat_cell(row[c.name], c)) for c in columns])

    def finish(self) -> None:
        self.release()

    def release(self) -> None:
        for handle in self.files.values():
            handle.close()
