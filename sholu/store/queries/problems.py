"""Problems: what runs could not store (errors) or stored with something to report
(notes), newest first."""
from __future__ import annotations

from .common import rows

SEVERITIES = ("error", "note")


def list_problems(store, limit: int = 100, severity: str | None = None) -> list[dict]:
    where, params = ("WHERE severity = ?", [severity]) if severity else ("", [])
    return [{"source": source, "severity": kind, "stage": stage or None, "reason": reason, "noted_at": noted}
            for source, kind, stage, reason, noted in rows(
                store, f"SELECT source, severity, stage, reason, noted_at FROM problems {where} "
                       "ORDER BY noted_at DESC, source LIMIT ?", [*params, limit])]


def problem_counts(store) -> dict[str, int]:
    counts = dict(rows(store, "SELECT severity, COUNT(*) FROM problems GROUP BY severity"))
    return {kind: counts.get(kind, 0) for kind in SEVERITIES}
