"""Reading a corpus folder safely: which entries are articles, and their bytes decoded without losing any.

Only regular files directly in the folder are read (a symbolic link only if it resolves to a file inside the
folder); FIFOs and devices are never opened, so a build cannot hang on one. Every entry that is not read comes
back with the reason, for the `problems` table.
"""

import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer

SUFFIX = ".txt"  # article files, matched case-insensitively (.txt, .TXT, .Txt)
# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = [(codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
        (codecs.BOM_UTF8, "utf-8", "UTF-8"), (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16")]
_CONTROL = bytes(range(0x00, 0x09)) + bytes(range(0x0E, 0x20))  # bytes no text file has (tab, newlines, \v \f ok)
BINARY_CONTROL_SHARE = 0.01  # more control bytes than this share of a file (or any NUL) and it is not text
_KIND = {stat.S_IFDIR: "a folder (subfolders are not read)", stat.S_IFIFO: "a named pipe (FIFO), not a file",
         stat.S_IFCHR: "a character device, not a file", stat.S_IFBLK: "a block device, not a file",
         stat.S_IFSOCK: "a socket, not a file"}
MAX_POSITIONS = 5  # bad byte positions named in a note


class CorpusError(ValueError):
    """A corpus file or manifest that cannot be used, with the file named in the message."""


class NotText(ValueError):
    """Bytes that are not a text document (empty, binary); the message says why."""


@dataclass
class Listing:
    """A corpus folder's article files (sorted by name) and the entries skipped, each with its reason."""

    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def list_folder(root: Path, ignore: tuple[str, ...] = ()) -> Listing:
    """The regular .txt files (any case) in root, resolved inside it; every other entry with why it is skipped."""
    inside = root.resolve()
    listing = Listing()
    for entry in sorted(os.scandir(root), key=lambda e: e.name):
        name = entry.name
        if name in ignore:
            continue
        if not name.lower().endswith(SUFFIX):
            kind = "a folder (subfolders are not read)" if entry.is_dir(follow_symlinks=False) else \
                f"not a {SUFFIX} file" + (f" (extension {Path(name).suffix})" if Path(name).suffix else "")
            listing.skipped.append((name, kind))
            continue
        if not entry.is_symlink() and entry.is_file(follow_symlinks=False):  # from the listing: no system call
            listing.files.append(Path(entry.path))
            continue
        reason = refusal(Path(entry.path), inside)
        if reason:
            listing.skipped.append((name, reason))
        else:
            listing.files.append(Path(entry.path))
    return listing


def list_paths(root: Path, names: list[str]) -> Listing:
    """The files a list names (paths relative to root), by the rules of list_folder: regular .txt files (any case),
    a symbolic link only to a file inside its own folder; every other name with why it is skipped. Sorted by name;
    a name given twice counts once."""
    listing = Listing()
    for name in sorted(set(names)):
        path = root / name
        if path.is_dir():
            listing.skipped.append((name, "a folder (give its files, or the folder alone as the corpus)"))
        elif not name.lower().endswith(SUFFIX):
            listing.skipped.append((name, f"not a {SUFFIX} file" + (f" (extension {path.suffix})" if path.suffix else "")))
        elif not path.exists() and not path.is_symlink():
            listing.skipped.append((name, "not found"))
        elif reason := refusal(path, path.parent.resolve()):
            listing.skipped.append((name, reason))
        else:
            listing.files.append(path)
    return listing


def doc_id(name: str) -> str:
    """The doc_id of an article file's name or path: its file name without the .txt extension."""
    return os.path.basename(name)[: -len(SUFFIX)]


def refusal(path: Path, inside: Path) -> str:
    """Why a path must not be read as an article ("" if it is a regular file inside the corpus folder)."""
    try:
        target = path.resolve(strict=True)
    except RuntimeError:
        return "symbolic link loop"
    except FileNotFoundError:
        return "symbolic link to nothing (dangling)"
    except OSError as err:
        return "symbolic link loop" if err.errno == errno.ELOOP else f"cannot be resolved ({err.strerror})"
    if path.is_symlink() and not target.is_relative_to(inside):
        return "symbolic link to a file outside the corpus folder (refused)"
    mode = target.stat().st_mode
    return "" if stat.S_ISREG(mode) else _KIND.get(stat.S_IFMT(mode), "not a regular file")


def read_bytes(path: Path) -> bytes:
    """A regular file's bytes; opened without blocking and checked again, so a FIFO swapped in is never read."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        return handle.read()


def _decode(raw: bytes) -> tuple[str, list[str]]:
    """The text and decoding notes (see decode)."""
    bom = next(((mark, codec, name) for mark, codec, name in BOMS if raw.startswith(mark)), None)
    if bom and bom[1] != "utf-8":
        mark, codec, name = bom
        text = raw[len(mark):].decode(codec, errors="replace")
        notes = [f"{name} text (byte-order mark); decoded, the mark removed: offsets count from the character "
                 f"after it"]
        if "\ufffd" in text and b"\xff\xfd" not in raw and b"\xfd\xff" not in raw:
            notes.append(f"bytes that are not valid {name} replaced by U+FFFD")
        return text, notes
    body = raw[len(codecs.BOM_UTF8):] if bom else raw
    if bom and not body.strip():
        raise NotText("no text: only a byte-order mark or whitespace")
    _check_binary(body)
    notes = ["UTF-8 byte-order mark removed; offsets count from the first character after it"] if bom else []
    try:
        return body.decode("utf-8"), notes
    except UnicodeDecodeError:
        pass
    text, bad = _decode_per_byte(body)
    if len(text) - len(bad) == len(text.encode("ascii", errors="ignore")) and not bom:
        guess = _legacy_encoding(body)
        if guess is not None and str(guess) != text:
            return str(guess), notes + [
                f"not valid UTF-8 (no UTF-8 sequence; {len(bad)} character(s) above ASCII, first at character "
                f"{_positions(bad)}); decoded as {guess.encoding} (charset-normalizer)"]
        return text, notes + [
            f"not valid UTF-8 (no UTF-8 sequence; {len(bad)} character(s) above ASCII, first at character "
            f"{_positions(bad)}); decoded as Windows-1252"]
    return text, notes + [
        f"{len(bad)} byte(s) not valid UTF-8 at character {_positions(bad)}; each decoded as Windows-1252, "
        f"the rest as UTF-8"]


def _legacy_encoding(raw: bytes):
    """charset-normalizer's reading of an 8-bit file when it is better than Windows-1252's (less chaos or more
    coherence); None when Windows-1252 reads it as well (short English text often scores the same in several)."""
    matches = charset_normalizer.from_bytes(raw)
    best = matches.best()
    latin = next((m for m in matches if m.encoding == "cp1252"), None)
    if best is None or latin is not None and (latin.percent_chaos, -latin.percent_coherence) <= (
            best.percent_chaos, -best.percent_coherence):
        return None
    return best


def _positions(bad: list[int]) -> str:
    """The first few byte offsets of a list, and how many more."""
    shown = ", ".join(str(b) for b in bad[:MAX_POSITIONS])
    return shown + (f" and {len(bad) - MAX_POSITIONS} more" if len(bad) > MAX_POSITIONS else "")


_ESCAPED = re.compile("[\udc80-\udcff]")  # a byte that was not UTF-8, as surrogateescape keeps it


def _decode_per_byte(raw: bytes) -> tuple[str, list[int]]:
    """raw decoded as UTF-8, each invalid byte as its Windows-1252 character (U+FFFD for the five it leaves
    undefined); and the character offsets of those bytes in the result."""
    escaped = raw.decode("utf-8", errors="surrogateescape")
    bad = [m.start() for m in _ESCAPED.finditer(escaped)]
    return _ESCAPED.sub(lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", errors="replace"), escaped), bad


def _check_binary(raw: bytes) -> None:
    """Refuse bytes that are not text: a NUL, or control bytes beyond a small share of the file."""
    if not raw.strip():
        raise NotText("file is empty" if not raw else "file holds only whitespace")
    controls = len(raw) - len(raw.translate(None, _CONTROL))
    if b"\x00" in raw or controls > max(8, BINARY_CONTROL_SHARE * len(raw)):
        raise NotText("binary file (control bytes), not text")


_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def decode(raw: bytes) -> tuple[str, list[str]]:
    """Decode a file's bytes, losing nothing silently; return the text and a note for every fallback taken.

    UTF-32/UTF-16/UTF-8 by their byte-order mark (removed: offsets count from the character after it); else UTF-8,
    where bytes that are not valid UTF-8 are decoded one by one as Windows-1252 (the rest stays UTF-8); a file
    with no UTF-8 sequence at all is a legacy 8-bit file, read in the encoding charset-normalizer finds when it
    reads better than Windows-1252. Raises NotText for a file with no text (empty, whitespace, binary)."""
    text, notes = _decode(raw)
    if not text.strip():
        raise NotText("no text: only a byte-order mark or whitespace")
    controls = [m.start() for m in _CONTROL_CHARS.finditer(text)]
    if controls:
        notes.append(f"{len(controls)} control character(s) kept at character {_positions(controls)}")
    return text, notes
