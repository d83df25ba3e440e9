"""The content contract: one Markdown file per article with YAML front matter.

This module is the only place that knows how a content file is spelled, so
ingest (which writes them) and rendering (which reads them, maybe after an
editor changed them) cannot drift apart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml

# Field order in the front matter, as documented in README.md.
FIELDS = (
    "id", "title", "kicker", "subtitle", "type", "column",
    "date", "date_inferred", "page", "source", "continued_from", "continued_on",
    "dateline", "reporters", "correspondents", "photographers", "authors", "agency",
    "province", "city", "county", "topics", "keywords", "sections", "repairs",
)
LIST_FIELDS = ("reporters", "correspondents", "photographers", "authors",
               "topics", "keywords", "sections", "repairs")
TYPES = ("news", "brief", "photo", "feature", "commentary", "fragment")


# libyaml's C loader when present: YAML parsing dominates render time.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ContentError(ValueError):
    """A content file that cannot be read; the message names the file."""


@dataclass(frozen=True)
class ContentFile:
    """One article as stored under content/: metadata plus Markdown body."""
    path: str                      # relative to the content folder, with '/'
    meta: dict = field(hash=False)
    body: str = ""

    def get(self, key, default=None):
        return self.meta.get(key, default)


class _Dumper(yaml.SafeDumper):
    """Block style lists, no aliases, so an editor sees plain readable YAML."""

    def ignore_aliases(self, data):
        return True


def _str_presenter(dumper, data):
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str_presenter)


def dumps(meta: dict, body: str) -> str:
    """Serialise front matter (in FIELDS order, extras after) and body."""
    ordered = {k: meta.get(k, [] if k in LIST_FIELDS else None) for k in FIELDS}
    for k in sorted(set(meta) - set(FIELDS)):
        ordered[k] = meta[k]
    head = yaml.dump(ordered, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=1000)
    return f"---\n{head}---\n\n{body.strip()}\n"


def loads(text: str, where: str = "<string>") -> tuple[dict, str]:
    """Parse a content file's text into (meta, body); ContentError names `where`."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n")
    opening = _FENCE.match(text)
    if not opening:
        raise ContentError(f"{where}: no front matter (the file must start with a '---' line)")
    closing = _FENCE.search(text, opening.end())
    if not closing:
        raise ContentError(f"{where}: front matter is not closed by a '---' line")
    try:
        meta = yaml.load(text[opening.end():closing.start()], Loader=_LOADER) or {}
    except yaml.YAMLError as exc:
        raise ContentError(f"{where}: front matter is not valid YAML ({_yaml_problem(exc)})") from None
    except ValueError as exc:   # e.g. date: 2019-02-30 matches the timestamp pattern but is no day
        raise ContentError(f"{where}: front matter is not valid YAML ({exc})") from None
    if not isinstance(meta, dict):
        raise ContentError(f"{where}: front matter must be a mapping of fields")
    body = text[closing.end():]
    for key in LIST_FIELDS:
        if meta.get(key) is None:
            meta[key] = []
    if meta.get("date") is not None:
        meta["date"] = str(meta["date"])   # YAML reads 2019-09-20 as a date
    return meta, body.strip() + "\n"


# A line of exactly three dashes (trailing blanks allowed) opens and closes the front matter.
_FENCE = re.compile(r"^---[ \t]*(?:\n|\Z)", re.M)


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """One line: what is wrong and where (the YAML library's text spans lines)."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    # +2: the first YAML line is the second line of the file
    return f"{problem} at line {mark.line + 2}, column {mark.column + 1}" if mark else problem


def read(root: Path, path: Path) -> ContentFile:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ContentError(f"{path}: not UTF-8 text") from None
    meta, body = loads(text, str(path))
    return ContentFile(path.relative_to(root).as_posix(), meta, body)


def read_all(root: Path, on_error: Callable[[Path, Exception], None] | None = None
             ) -> list[ContentFile]:
    """Every article file under root, in path order (README.md files skipped).

    A file that cannot be read raises ContentError (or OSError); with
    `on_error`, it is called with the file's path and the error instead and
    the file is left out.
    """
    files = []
    for path in sorted(root.rglob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        try:
            files.append(read(root, path))
        except (ContentError, OSError) as exc:
            if on_error is None:
                raise
            on_error(path, exc)
    return files
