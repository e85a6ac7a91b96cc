"""The front ends (api, cli, web) share what they need through `sholu.services` and
`sholu.store.queries`; none imports another (sholu.server mounts api and web)."""
import re
from pathlib import Path

SHOLU = Path(__file__).resolve().parents[1] / "sholu"
FRONT_ENDS = ("api", "cli", "web")


def imported_front_ends(module: Path) -> set[str]:
    text = module.read_text(encoding="utf-8")
    found = re.findall(r"^\s*(?:from|import)\s+(?:\.+|sholu\.)(\w+)", text, re.M)
    return set(found) & set(FRONT_ENDS)


def test_no_front_end_imports_another():
    crossings = {f"{module.relative_to(SHOLU)} imports {other}"
                 for front_end in FRONT_ENDS for module in (SHOLU / front_end).rglob("*.py")
                 for other in imported_front_ends(module) - {front_end}}
    assert crossings == set()


def test_the_check_sees_an_import():
    assert imported_front_ends(SHOLU / "server.py") == {"api", "web"}
