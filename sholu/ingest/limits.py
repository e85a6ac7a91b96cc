"""Per-document limits: what one file, record or compressed member may cost before it
becomes a Problem naming the limit, so one hostile input never costs its batch.

Defaults suit news (articles are kilobytes; a page with inline scripts a few MB). The
CLI's options and the environment (SHOLU_MAX_DOCUMENT_MB, SHOLU_MAX_INFLATED_MB,
SHOLU_MAX_RATIO, SHOLU_STAGE_SECONDS) fill one `Limits`, which the runner hands on."""
from __future__ import annotations

import os
from dataclasses import dataclass, fields

MIB = 1 << 20
ENVIRONMENT = {
    "max_document_bytes": ("SHOLU_MAX_DOCUMENT_MB", MIB),
    "max_inflated_bytes": ("SHOLU_MAX_INFLATED_MB", MIB),
    "max_ratio": ("SHOLU_MAX_RATIO", 1),
    "stage_seconds": ("SHOLU_STAGE_SECONDS", 1),
}


@dataclass(frozen=True)
class Limits:
    max_document_bytes: int = 8 * MIB     # one text, page, JSON line, CSV row or WARC payload
    max_inflated_bytes: int = 2048 * MIB  # all a compressed file may inflate to
    max_ratio: float = 200.0              # inflated / compressed, once past the grace below
    stage_seconds: float = 120.0          # one document in one stage; 0: no budget
    ratio_grace_bytes: int = 64 * MIB     # small files of repeated lines may compress very well

    @classmethod
    def resolve(cls, **given) -> Limits:
        """Given values (None: not given) win over the environment, then the defaults."""
        values = {}
        for item in fields(cls):
            value = given.get(item.name)
            if value is None and item.name in ENVIRONMENT and os.environ.get(ENVIRONMENT[item.name][0]):
                value = float(os.environ[ENVIRONMENT[item.name][0]]) * ENVIRONMENT[item.name][1]
            if value is not None:
                values[item.name] = type(item.default)(value)
        return cls(**values)


DEFAULT = Limits()


def megabytes(size: int) -> str:
    return f"{size / MIB:.0f} MiB" if size >= MIB else f"{size} bytes"
