"""Ingest: raw page files under sources/ become article files under content/.

Regeneration is cheap and safe: a manifest (content/.ingest.json) remembers,
for every source, the hash of its bytes and of every file written from it.
An unchanged source is skipped; a content file whose bytes no longer match
what ingest wrote has been corrected by an editor and is never overwritten
(nor removed when its source goes: the record stays, without a hash, while
the edited file is there). Nothing is written when nothing changed, the
manifest included. A damaged manifest stops the run before anything is
written. Two sources that would write the same content file (two files for
one issue page) are not both used: the later one is refused.
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
from .pages import Page, PageError, date_from_name, find_page_files, load_issue_map, read_page
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


# Modules that only read content/ (the site side, the command line): editing
# them cannot change what ingest writes, so they do not force a re-ingest.
NOT_INGEST = frozenset({"cli.py", "pipeline.py", "render.py", "site.py", "indexes.py", "serve.py"})


def code_version() -> str:
    """Hash of the code and data that shape the output: a change re-ingests."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*")):
        if (path.suffix in (".py", ".csv", ".yml", ".yaml", ".txt") and "__pycache__" not in path.parts
                and path.relative_to(package).as_posix() not in NOT_INGEST):
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def run_ingest(sources: Path, content: Path, progress: bool = True) -> int:
    if not sources.is_dir():
        print(f"ingest: sources folder {sources} does not exist", file=sys.stderr)
        return 1
    try:
        manifest = _load_manifest(content)
    except ManifestError as exc:
        print(f"ingest: {exc}", file=sys.stderr)
        return 1
    refused: list[str] = []
    try:
        issue_map: dict | None = load_issue_map(sources)
    except PageError as exc:
        _refuse(refused, str(exc), progress)
        issue_map = None
    files = find_page_files(sources)
    content.mkdir(parents=True, exist_ok=True)
    version = code_version()
    gazetteer, taxonomy = load_gazetteer(), load_taxonomy()
    present = {path.relative_to(sources).as_posix() for path in files}
    run = _Run(content, manifest, version, gazetteer, taxonomy, present, progress)
    totals, refused_pages, seen_sources = Outcome(), 0, set()
    for n, path in enumerate(files, start=1):
        if progress:
            _progress(n, len(files), path.name)
        rel = path.relative_to(sources).as_posix()
        seen_sources.add(rel)        # a refused page keeps its earlier output
        try:
            if issue_map is None and date_from_name(rel)[0] is None:
                raise PageError(f"{rel}: issue date unknown because issues.yml could not be read")
            page = read_page(path, sources, issue_map or {})
            totals = _add(totals, run.page(page))
        except PageError as exc:
            refused_pages += 1
            _refuse(refused, str(exc), progress)
    for source in sorted(set(manifest["sources"]) - seen_sources):
        totals = _add(totals, run.forget(source))
    manifest["version"] = version
    text = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if _read_or_none(content / MANIFEST) != text:
        _write_atomic(content / MANIFEST, text)
    if progress and sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"ingest: {len(files) - refused_pages} pages read, {totals.articles} articles "
          f"({totals.written} written, {totals.unchanged} unchanged, {totals.kept_edits} editor-corrected kept, "
          f"{totals.removed} removed), {totals.repairs} repairs made, {len(refused)} files refused")
    return 1 if refused else 0


class ManifestError(Exception):
    """The manifest exists but cannot be read: writing now could lose edits."""


def _refuse(refused: list[str], message: str, progress: bool) -> None:
    refused.append(message)
    lead = "\n" if progress and sys.stderr.isatty() else ""
    print(f"{lead}ingest: refused {message}", file=sys.stderr)


class _Run:
    """One ingest run: the manifest, and which source claims which content file."""

    def __init__(self, content: Path, manifest: dict, version: str, gazetteer, taxonomy,
                 present: set[str], progress: bool):
        self.content, self.manifest, self.version = content, manifest, version
        self.gazetteer, self.taxonomy = gazetteer, taxonomy
        self.present, self.progress = present, progress
        self.claims: dict[str, str] = {}          # content path -> source that produced it in this run
        self.recorded: dict[str, str] = {}        # content path -> source whose manifest record lists it
        for source, record in sorted(manifest["sources"].items()):
            for path in record["files"]:
                self.recorded.setdefault(path, source)

    def page(self, page: Page) -> Outcome:
        content, manifest = self.content, self.manifest
        digest = hashlib.sha256(page.text.encode("utf-8")).hexdigest()
        record = manifest["sources"].get(page.source)
        if (record and record.get("hash") == digest and manifest.get("version") == self.version
                and all((content / p).is_file() for p in record["files"])
                and not any(self.claims.get(p, page.source) != page.source for p in record["files"])):
            kept = sum(1 for p, sha in record["files"].items() if _edited(content / p, sha))
            for p in record["files"]:
                self.claims[p] = page.source
            return Outcome(unchanged=len(record["files"]) - kept, kept_edits=kept,
                           articles=len(record["files"]), repairs=record.get("repairs", 0))
        if page.date is None:
            guess = infer_issue_date(page.text)
            page = Page(page.source, page.text, guess.value, page.page, "text")
        files = build_content_files(page, self.gazetteer, self.taxonomy)
        self._check_claims(page, files)
        old = dict(record["files"]) if record else {}
        new_record, written, unchanged, kept = {}, 0, 0, 0
        for cf in files:
            text = frontmatter.dumps(cf.meta, cf.body)
            path = content / cf.path
            known = old.get(cf.path) or self._adopt(cf.path)
            self.claims[cf.path] = page.source
            if _edited(path, known):
                kept += 1
                new_record[cf.path] = known
                self._say(f"kept editor-corrected {cf.path} (not regenerated from {page.source})")
                continue
            if _read_or_none(path) == text:
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
                    self.claims[stale] = page.source
                    self._say(f"kept editor-corrected {stale} ({page.source} no longer gives this article)")
                elif (content / stale).is_file():
                    (content / stale).unlink()
                    removed += 1
        repairs = sum(len(cf.meta.get("repairs") or []) for cf in files)
        manifest["sources"][page.source] = {"hash": digest, "files": dict(sorted(new_record.items())),
                                            "repairs": repairs}
        return Outcome(written, unchanged, kept, removed, len(new_record), repairs)

    def _check_claims(self, page: Page, files) -> None:
        """Two sources for one issue page must not overwrite each other's articles."""
        for cf in files:
            owner = self.claims.get(cf.path)
            if owner is None:
                recorded = self.recorded.get(cf.path)
                owner = recorded if recorded in self.present else None
            if owner is not None and owner != page.source:
                where = f"{page.date}, page {page.page}" if page.page is not None else page.date or "undated"
                raise PageError(f"{page.source}: its article {cf.path} would overwrite one from {owner} "
                                f"(same issue page: {where}); rename one of the files or correct issues.yml")

    def _adopt(self, path: str) -> str | None:
        """The recorded hash of `path` when a source that is gone left it (kept as an edit)."""
        source = self.recorded.get(path)
        if source is None or source in self.present:
            return None
        record = self.manifest["sources"].get(source)
        if record is None or path not in record["files"]:
            return None
        sha = record["files"].pop(path)
        if not record["files"]:
            del self.manifest["sources"][source]
        return sha

    def forget(self, source: str) -> Outcome:
        """A source that is gone: remove what it produced, keeping editors' files.

        The record stays (without a hash) while an edited file is kept, so the
        file stays protected if the source comes back.
        """
        record = self.manifest["sources"].get(source)
        if record is None:
            return Outcome()
        removed, kept = 0, {}
        for path, sha in record["files"].items():
            if self.claims.get(path, source) != source:
                continue                      # another source writes this path now
            if _edited(self.content / path, sha):
                kept[path] = sha
                self._say(f"kept editor-corrected {path} although its source {source} is gone")
            elif (self.content / path).is_file():
                (self.content / path).unlink()
                removed += 1
        if kept:
            self.manifest["sources"][source] = {"hash": None, "files": kept, "repairs": 0}
        else:
            del self.manifest["sources"][source]
        return Outcome(removed=removed, kept_edits=len(kept), articles=len(kept))

    def _say(self, message: str) -> None:
        lead = "\n" if self.progress and sys.stderr.isatty() else ""
        print(f"{lead}ingest: {message}", file=sys.stderr)


def _edited(path: Path, recorded_sha: str | None) -> bool:
    """A file ingest wrote whose bytes changed since: an editor corrected it."""
    if recorded_sha is None or not path.is_file():
        return False
    return _sha(path.read_text(encoding="utf-8", errors="replace")) != recorded_sha


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read_or_none(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _load_manifest(content: Path) -> dict:
    path = content / MANIFEST
    if not path.exists():
        return {"version": None, "sources": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if (isinstance(data, dict) and isinstance(data.get("sources"), dict)
                and all(isinstance(r, dict) and isinstance(r.get("files"), dict) for r in data["sources"].values())):
            return data
        why = "not a manifest"
    except (OSError, ValueError) as exc:
        why = type(exc).__name__ if isinstance(exc, OSError) else "not valid JSON"
    raise ManifestError(f"{path} is damaged ({why}); it records which files editors corrected, so nothing "
                        f"was written. Restore it, or delete it to regenerate every file (corrections are "
                        f"then overwritten).")


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
