"""Reading raw page files: bytes → text, and the issue date and page number.

A page file is OCR text of one printed page. Its date and page come from the
file name when it follows a known pattern, else from `issues.yml` in the
sources folder, else the caller infers them from the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

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
    """UTF-8 (with or without BOM) or GB18030; refuse binary and empty files."""
    if not data.strip():
        raise PageError(f"{name}: empty file")
    if b"\x00" in data:
        raise PageError(f"{name}: binary file (contains NUL bytes), not page text")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text.replace("\r\n", "\n").replace("\r", "\n")
    raise PageError(f"{name}: not decodable as UTF-8 or GB18030 text")


def _looks_like_text(text: str) -> bool:
    # GB18030 decodes almost any byte string; demand mostly printable characters.
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\n\r\t") or 0xE000 <= ord(ch) <= 0xF8FF)
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
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def load_issue_map(sources: Path) -> dict[str, dict]:
    """Optional sources/issues.yml: {file name: {date: ..., page: ...}}."""
    path = sources / "issues.yml"
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise PageError(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(data, dict):
        raise PageError(f"{path}: must map file names to {{date, page}}")
    return {str(k): v for k, v in data.items() if isinstance(v, dict)}


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
    if entry and entry.get("date"):
        page_no = entry.get("page")
        return Page(rel, text, str(entry["date"]), int(page_no) if page_no is not None else None, "issues.yml")
    return Page(rel, text, None, None, "text")
