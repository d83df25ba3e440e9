"""Ingest: raw page files under sources/ become article files under content/.

Regeneration is cheap and safe: a manifest (content/.ingest.json) remembers,
for every source, the hash of its bytes and of every file written from it.
An unchanged source is skipped; a content file whose bytes no longer match
what ingest wrote has been corrected by an editor and is never overwritten.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import frontmatter
from .articles import build_content_files
from .dates import infer_issue_date
from .pages import Page, PageError, find_page_files, load_issue_map, read_page
from .regions import load_gazetteer
from .topics import load_taxonomy

MANIFEST = ".ingest.json"


@dataclass(frozen=True)
class Outcome:
    written: int = 0
    unchanged: int = 0
    kept_edits: int = 0
    removed: int = 0
    articles: int = 0
    repairs: int = 0


def code_version() -> str:
    """Hash of the code and data that shape the output: a change re-ingests."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".csv", ".yml", ".yaml", ".txt") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def run_ingest(sources: Path, content: Path, progress: bool = True) -> int:
    if not sources.is_dir():
        print(f"ingest: sources folder {sources} does not exist", file=sys.stderr)
        return 1
    try:
        issue_map = load_issue_map(sources)
    except PageError as exc:
        print(f"ingest: {exc}", file=sys.stderr)
        issue_map = {}
    files = find_page_files(sources)
    content.mkdir(parents=True, exist_ok=True)
    manifest = _load_manifest(content)
    version = code_version()
    gazetteer, taxonomy = load_gazetteer(), load_taxonomy()
    totals, refused, seen_sources = Outcome(), [], set()
    for n, path in enumerate(files, start=1):
        if progress:
            _progress(n, len(files), path.name)
        try:
            page = read_page(path, sources, issue_map)
        except PageError as exc:
            refused.append(str(exc))
            print(f"\ningest: refused {exc}" if progress else f"ingest: refused {exc}", file=sys.stderr)
            seen_sources.add(path.relative_to(sources).as_posix())   # keep its old output
            continue
        seen_sources.add(page.source)
        outcome = _ingest_page(page, content, manifest, version, gazetteer, taxonomy)
        totals = _add(totals, outcome)
    for source in sorted(set(manifest["sources"]) - seen_sources):
        totals = _add(totals, _forget_source(source, content, manifest))
    manifest["version"] = version
    _write_atomic(content / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    if progress:
        print(file=sys.stderr)
    print(f"ingest: {len(files) - len(refused)} pages read, {totals.articles} articles "
          f"({totals.written} written, {totals.unchanged} unchanged, {totals.kept_edits} editor-corrected kept, "
          f"{totals.removed} removed), {totals.repairs} repairs made, {len(refused)} files refused")
    return 1 if refused else 0


def _ingest_page(page: Page, content: Path, manifest: dict, version: str, gazetteer, taxonomy) -> Outcome:
    digest = hashlib.sha256(page.text.encode("utf-8")).hexdigest()
    record = manifest["sources"].get(page.source)
    if (record and record.get("hash") == digest and manifest.get("version") == version
            and all((content / p).is_file() for p in record["files"])):
        return Outcome(unchanged=len(record["files"]), articles=len(record["files"]),
                       repairs=record.get("repairs", 0))
    if page.date is None:
        guess = infer_issue_date(page.text)
        page = Page(page.source, page.text, guess.value, page.page, "text")
    files = build_content_files(page, gazetteer, taxonomy)
    old = dict(record["files"]) if record else {}
    new_record, written, unchanged, kept = {}, 0, 0, 0
    for cf in files:
        text = frontmatter.dumps(cf.meta, cf.body)
        path = content / cf.path
        if _edited(path, old.get(cf.path)):
            kept += 1
            new_record[cf.path] = old[cf.path]
            continue
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            unchanged += 1
        else:
            _write_atomic(path, text)
            written += 1
        new_record[cf.path] = _sha(text)
    removed = 0
    for stale, sha in old.items():
        if stale not in new_record:
            if _edited(content / stale, sha):
                new_record[stale] = sha
                kept += 1
            elif (content / stale).is_file():
                (content / stale).unlink()
                removed += 1
    repairs = sum(len(cf.meta.get("repairs") or []) for cf in files)
    manifest["sources"][page.source] = {"hash": digest, "files": dict(sorted(new_record.items())), "repairs": repairs}
    return Outcome(written, unchanged, kept, removed, len(files), repairs)


def _forget_source(source: str, content: Path, manifest: dict) -> Outcome:
    """A source that is gone: remove what it produced, keeping editors' files."""
    removed = kept = 0
    for path, sha in manifest["sources"].pop(source)["files"].items():
        if _edited(content / path, sha):
            kept += 1
        elif (content / path).is_file():
            (content / path).unlink()
            removed += 1
    return Outcome(removed=removed, kept_edits=kept)


def _edited(path: Path, recorded_sha: str | None) -> bool:
    """A file ingest wrote whose bytes changed since: an editor corrected it."""
    if recorded_sha is None or not path.is_file():
        return False
    return _sha(path.read_text(encoding="utf-8", errors="replace")) != recorded_sha


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _load_manifest(content: Path) -> dict:
    path = content / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("sources"), dict):
            return data
    except (OSError, ValueError):
        pass
    return {"version": None, "sources": {}}


def _write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so no half-written file is left."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _add(a: Outcome, b: Outcome) -> Outcome:
    return Outcome(*(x + y for x, y in zip(a.__dict__.values(), b.__dict__.values())))


def _progress(n: int, total: int, name: str) -> None:
    if sys.stderr.isatty():
        print(f"\r[{n}/{total}] {name[:40]:<40}", end="", file=sys.stderr, flush=True)
    elif n == total or n % 100 == 0:
        print(f"[{n}/{total}] pages", file=sys.stderr, flush=True)
