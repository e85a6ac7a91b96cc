"""py3langid's model, read from an unpacked copy. py3langid ships it LZMA-compressed
(4.5 MB): unpacking its 68 MB costs about half a second of CPU at every start, as long
as loading every other model together. The first start unpacks it once into the user's
cache folder (`$SHOLU_CACHE`, else `$XDG_CACHE_HOME/sholu`, else `~/.cache/sholu`) as
plain NumPy files; later starts map them. The arrays are py3langid's own, so every
classification is the same. A cache that cannot be written just means unpacking again."""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from array import array
from functools import lru_cache
from pathlib import Path

ARRAYS = ("ptc", "pc", "nextmove", "nextmove_row", "out_feat")


@lru_cache(maxsize=1)
def identifier():
    """py3langid's LanguageIdentifier with its bundled model (what `py3langid.classify` uses)."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    packed = MODEL_DIR / MODEL_FILE
    arrays, classes = unpacked_model(packed, cache_folder(packed))
    return LanguageIdentifier(arrays["ptc"], arrays["pc"], classes, as_int_array(arrays["nextmove"]),
                              arrays["out_feat"].tolist(), tk_row=as_int_array(arrays["nextmove_row"]))


def as_int_array(values) -> array:
    """An unsigned NumPy array as the stdlib array py3langid walks its automaton over
    (indexing one is quicker from Python than indexing NumPy)."""
    import numpy as np

    copied = array({2: "H", 4: "I", 8: "L"}[values.dtype.itemsize])
    copied.frombytes(memoryview(np.ascontiguousarray(values)).cast("B"))
    return copied


def cache_folder(packed: Path) -> Path:
    """Named by the packed file's size and time: a model installed since is unpacked anew."""
    stat = packed.stat()
    root = os.environ.get("SHOLU_CACHE") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sholu"
    return Path(root) / f"py3langid-{stat.st_size}-{stat.st_mtime_ns}"


def unpacked_model(packed: Path, folder: Path) -> tuple[dict, list[str]]:
    """The model's arrays (mapped from `folder`, made there first if missing) and its
    language codes."""
    import numpy as np

    if not (folder / "classes.json").exists():
        unpack(packed, folder)
    try:
        arrays = {name: np.load(folder / f"{name}.npy", mmap_mode="r") for name in ARRAYS}
        return arrays, json.loads((folder / "classes.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):      # no cache (unwritable, removed meanwhile): the packed file
        return read_packed(packed)


def read_packed(packed: Path) -> tuple[dict, list[str]]:
    import numpy as np

    with packed_npz(packed) as unpacked, np.load(unpacked) as data:
        return {name: data[name] for name in ARRAYS}, data["classes"].tolist()


def packed_npz(packed: Path):
    """The LZMA file unpacked into an anonymous temporary file (as py3langid reads it)."""
    import lzma

    unpacked = tempfile.TemporaryFile(suffix=".npz")
    with lzma.open(packed) as source:
        shutil.copyfileobj(source, unpacked, length=1 << 20)
    unpacked.seek(0)
    return unpacked


def unpack(packed: Path, folder: Path) -> None:
    """Write the arrays into `folder`, whole or not at all (a folder made beside it,
    then renamed: two processes unpacking at once both succeed)."""
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        making = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".unpacking-"))
    except OSError:
        return
    import numpy as np

    try:
        arrays, classes = read_packed(packed)
        for name, array in arrays.items():
            np.save(making / f"{name}.npy", array, allow_pickle=False)
        (making / "classes.json").write_text(json.dumps(classes), encoding="utf-8")
        os.replace(making, folder)
    except OSError:
        pass
    finally:
        shutil.rmtree(making, ignore_errors=True)

