"""Reading raw page files: bytes → text, and the issue date and page number.

A page file is OCR text of one printed page. Its date and page come from the
file name when it follows a known pattern, else from `issues.yml` in the
sources folder, else the caller infers them from the text.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .units import folio_page

PAGE_SUFFIXES = (".txt",)

_NAME_PATTERNS = (
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})-(?P<p>\d{1,3})$"),        # 20190920-03
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})-(?P<p>\d{1,3})$"),      # 2019-09-20-03
)
_DIR_PATTERN = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$")           # 2019-09-20/03.txt


class PageError(ValueError):
    """A page file that cannot be read; the message names the file and why."""


@dataclass(frozen=True)
class Page:
    source: str              # path relative to the sources folder, '/'-separated
    text: str                # decoded, LF newlines, no BOM
    date: str | None         # YYYY-MM-DD, YYYY-MM or YYYY
    page: int | None
    date_from: str           # 'name', 'issues.yml' or 'text' (filled in later)


def find_page_files(sources: Path) -> list[Path]:
    """Every page file under the sources folder, in a stable order."""
    return sorted(p for p in sources.rglob("*") if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with its BOM (Windows' "Unicode")
    or GB18030; refuse binary and empty files."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as exc:
            raise PageError(f"{name}: not valid UTF-16 although it starts with its byte-order mark "
                            f"(byte {exc.start})") from None
    if not data.strip() or not data.removeprefix(b"\xef\xbb\xbf").strip():
        raise PageError(f"{name}: empty file")
    if b"\x00" in data:
        raise PageError(f"{name}: binary file (contains NUL bytes), not page text")
    first_bad = None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            if first_bad is None:
                first_bad = f" (byte 0x{data[exc.start]:02x} at offset {exc.start} is not UTF-8)"
            continue
        if _looks_like_text(text):
            return text.replace("\r\n", "\n").replace("\r", "\n")
    raise PageError(f"{name}: not decodable as UTF-8 or GB18030 text{first_bad or ''}")


def _looks_like_text(text: str) -> bool:
    # GB18030 decodes almost any byte string; demand mostly printable characters.
    # Form feeds and vertical tabs are OCR tools' page and column breaks: whitespace.
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\n\r\t\f\v") or 0xE000 <= ord(ch) <= 0xF8FF)
    return bad <= len(text) // 100


def date_from_name(relpath: str) -> tuple[str | None, int | None]:
    """Issue date and page number from a file name, or (None, None)."""
    path = Path(relpath)
    for pattern in _NAME_PATTERNS:
        m = pattern.match(path.stem)
        if m:
            return _date(m), int(m["p"])
    parent = _DIR_PATTERN.match(path.parent.name) if path.parent.name else None
    if parent and path.stem.isdigit():
        return _date(parent), int(path.stem)
    return None, None


def _date(m: re.Match) -> str | None:
    return _valid_date(int(m["y"]), int(m["m"]), int(m["d"]))


def _valid_date(y: int, mo: int | None = None, d: int | None = None) -> str | None:
    """'YYYY[-MM[-DD]]' when that day (or month) exists in the calendar, else None."""
    if y < 1000:
        return None
    try:
        datetime.date(y, 1 if mo is None else mo, 1 if d is None else d)
    except ValueError:
        return None
    if mo is None:
        return f"{y:04d}"
    return f"{y:04d}-{mo:02d}" if d is None else f"{y:04d}-{mo:02d}-{d:02d}"


def _map_date(value) -> str | None:
    """A date written in issues.yml: YYYY, YYYY-MM or YYYY-MM-DD, else None."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", str(value).strip())
    if not m:
        return None
    y, mo, d = (int(g) if g else None for g in m.groups())
    return _valid_date(y, mo, d)


def load_issue_map(sources: Path) -> dict[str, dict]:
    """Optional sources/issues.yml: {file name: {date: ..., page: ...}}.

    Values are read as written (strings), so a date stays the text the editor
    typed; `read_page` checks each entry when its page is read.
    """
    path = sources / "issues.yml"
    if not path.is_file():
        return {}
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
    except UnicodeDecodeError:
        raise PageError(f"{path}: not valid YAML (not UTF-8 text)") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        raise PageError(f"{path}: not valid YAML ({problem}{where})") from None
    if not isinstance(data, dict):
        raise PageError(f"{path}: must map file names to {{date, page}}")
    bad = [str(k) for k, v in data.items() if not isinstance(v, dict)]
    if bad:
        raise PageError(f"{path}: entry {bad[0]!r} must be a mapping such as {{date: 2019-09-20, page: 3}}")
    return {str(k): v for k, v in data.items()}


def read_page(path: Path, sources: Path, issue_map: dict[str, dict]) -> Page:
    """Read one page file; raise PageError naming it when it cannot be used."""
    rel = path.relative_to(sources).as_posix()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise PageError(f"{rel}: cannot be read ({exc.strerror})") from None
    text = decode(data, rel)
    date, page = date_from_name(rel)
    if date:
        return Page(rel, text, date, page, "name")
    entry = issue_map.get(rel) or issue_map.get(path.name)
    if entry:
        date, page_no = _entry_date(entry, rel), _entry_page(entry, rel)
        if date:
            return Page(rel, text, date, page_no, "issues.yml")
        page = page_no if page_no is not None else page
    # A name like 20190230-03.txt names no real day but still gives the page;
    # else the page's folio line may print it (第3版, — 3 —).
    return Page(rel, text, None, page if page is not None else folio_page(text), "text")


_NULLS = ("", "~", "null", "Null", "NULL")


def _entry_date(entry: dict, rel: str) -> str | None:
    value = entry.get("date")
    if value is None or str(value).strip() in _NULLS:
        return None
    date = _map_date(value)
    if date is None:
        raise PageError(f"{rel}: issues.yml gives an invalid date {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY)")
    return date


def _entry_page(entry: dict, rel: str) -> int | None:
    value = entry.get("page")
    if value is None or str(value).strip() in _NULLS:
        return None
    text = str(value).strip()
    if not text.isdigit() or int(text) < 1:
        raise PageError(f"{rel}: issues.yml gives an invalid page {value!r} (use a number from 1)")
    return int(text)
