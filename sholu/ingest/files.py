"""Which files a run reads: folders walked in sorted order, and every entry left out
says why (a symbolic link loop, a dangling link, an unreadable folder, a pipe or
device) except hidden ones. File names are bytes on POSIX: `display_name` shows any of
them as valid text, so a name that is not UTF-8 is stored and printed safely."""
from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..document import Problem


def display_name(path: Path | str) -> str:
    """The path as text that every database and terminal takes: bytes that are not
    UTF-8 are written as \\xNN escapes."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def list_files(paths: Iterable[str | Path]) -> Iterator[Path | Problem]:
    """Every file under the given paths, folders walked recursively in sorted order;
    hidden files and folders are left out; symbolic links are followed once."""
    for given in paths:
        path = Path(given)
        problem = link_problem(path)
        if problem:
            yield problem
        elif path.is_dir():
            yield from walk(path, {os.path.realpath(path)})
        elif path.exists():
            yield path if path.is_file() else Problem(display_name(path), not_regular(path))
        else:
            yield Problem(display_name(path), "no such file or directory")


def walk(folder: Path, seen: set[str]) -> Iterator[Path | Problem]:
    try:
        names = sorted(os.listdir(folder), key=os.fsencode)
    except OSError as err:
        yield Problem(display_name(folder), f"unreadable folder: {err.strerror or err}")
        return
    for name in names:
        if not name.startswith("."):
            yield from walk_entry(folder / name, seen)


def walk_entry(path: Path, seen: set[str]) -> Iterator[Path | Problem]:
    """One entry of a folder; one the system will not even describe (a path past its
    length limit, say) is named, not a reason to stop the walk."""
    try:
        problem = link_problem(path)
        if problem:
            yield problem
        elif path.is_dir():
            real = os.path.realpath(path)
            if real in seen:
                yield Problem(display_name(path), f"symbolic link loop (leads back to {display_name(real)})")
            else:
                yield from walk(path, seen | {real})
        elif path.is_file():
            yield path
        else:
            yield Problem(display_name(path), not_regular(path))
    except OSError as err:
        yield Problem(display_name(path), f"unreadable: {err.strerror or err}")


def link_problem(path: Path) -> Problem | None:
    """A symbolic link that leads nowhere, or round in a circle."""
    if not path.is_symlink():
        return None
    try:
        path.resolve(strict=True)
    except RuntimeError:
        return Problem(display_name(path), "symbolic link loop")
    except OSError as err:
        if err.errno == 40:     # ELOOP
            return Problem(display_name(path), "symbolic link loop")
        return Problem(display_name(path), f"dangling symbolic link (to {display_name(os.readlink(path))})")
    return None


def not_regular(path: Path) -> str:
    mode = path.stat().st_mode
    kind = ("named pipe" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode)
            else "device" if stat.S_ISBLK(mode) or stat.S_ISCHR(mode) else "special file")
    return f"not a regular file ({kind}), not read"
