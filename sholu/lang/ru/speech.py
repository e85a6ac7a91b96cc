"""How Russian reports speech around the verbs of saying (`words.SPEECH_VERBS`)."""
from __future__ import annotations

import re

THAT_CLAUSE = re.compile(r"\s*,\s*(?:что|чтобы)\s+", re.IGNORECASE)    # «подчеркнул, что …»
# «По словам X, …», «По ее мнению, …»: group 1 a pronoun, group 2 a speaker phrase.
ACCORDING_TO = re.compile(r"\s*По\s+(?:(ее|её|его|их)\s+(?:словам|мнению|данным|оценке)|"
                          r"(?:словам|мнению|оценке|данным)\s+([^,]{2,80}?))\s*,\s*")
ACCORDING_TO_VERB = "по словам"             # what a quote so introduced records as its verb
# «Как заявил президент …, …»: group 1 the verb, group 2 the speaker phrase.
AS_SAID = re.compile(r"\s*Как\s+([\w-]+)\s+([^,]{2,80}?)\s*,\s*")
