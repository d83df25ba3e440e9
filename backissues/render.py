"""Render the site model into static files with Jinja2 templates.

render_site: load config → read content → build the site model → render
pages → write files (only those whose bytes changed; stale ones deleted) →
report. The URL scheme is documented in indexes.py.

Templates come from the user's theme folder (if given) and then the default
`theme/`; files under `static/` in either are copied to `site/static/` (the
user's first). Autoescaping is on for .html and .xml, undefined names are
errors. Links are relative: each page gets `root` ('', '../', '../../'), and
the `href` filter prefixes site-root-relative URLs with it, so the site works
from file:// and under any base path. The 404 page, which a server shows at
any depth, links from base_url when it is set.

The output folder is marked with a `.backissues-site` file; a non-empty
folder without it is refused rather than cleaned. Entries whose names start
with '.' (.git, .nojekyll, …) are never deleted.
"""
from __future__ import annotations

import functools
import sys
import uuid
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape

from .indexes import LIST_PAGE_SIZE, paged
from .site import ConfigError, Site, build_site, load_config, read_content

DEFAULT_THEME = Path(__file__).resolve().parent.parent / "theme"
MARKER = ".backissues-site"
FEED_ISSUES = 20


class SiteDirError(RuntimeError):
    pass


def render_site(content: Path, site: Path, theme: Path | None = None, progress: bool = True) -> int:
    """Render `content` into `site`; 0 when all went well, 1 when content files
    were refused (the rest is rendered), 2 when nothing could be rendered."""
    started = time.perf_counter()
    try:
        config = load_config(content)
        check_folders(content, site, theme)
    except (ConfigError, SiteDirError) as exc:
        print(f"render: {exc}", file=sys.stderr)
        return 2
    files, problems = read_content(content)
    model, refused = build_site(config, files, content)
    problems += refused
    for message in problems:
        print(f"render: skipped {message}", file=sys.stderr)
    env = make_env(theme)
    outputs = render_pages(env, model)
    written, unchanged, deleted = write_files(site, outputs, static_files(theme))
    if progress:
        print(f"render: {model.stats.articles} articles, {model.stats.pages} pages, "
              f"{model.stats.issues} issues → {site}: {written + unchanged} files "
              f"({written} written, {unchanged} unchanged, {deleted} deleted) "
              f"in {time.perf_counter() - started:.1f} s"
              + (f"; {len(problems)} content file(s) skipped" if problems else ""), file=sys.stderr)
    return 1 if problems else 0


def check_folders(content: Path, site: Path, theme: Path | None) -> None:
    if not content.is_dir():
        raise SiteDirError(f"content folder {content} does not exist")
    if theme is not None and not theme.is_dir():
        raise SiteDirError(f"theme folder {theme} does not exist")
    if site.exists() and not site.is_dir():
        raise SiteDirError(f"{site} is not a folder")
    if site.is_dir() and not (site / MARKER).exists() and any(site.iterdir()):
        raise SiteDirError(f"{site} is not empty and was not made by build.py render "
                           f"(no {MARKER} file); refusing to overwrite or clean it")
    if site.resolve() in (content.resolve(), *content.resolve().parents):
        raise SiteDirError(f"site folder {site} must not contain the content folder")


# ---------------------------------------------------------------- templates

def theme_dirs(theme: Path | None) -> list[Path]:
    return [theme, DEFAULT_THEME] if theme is not None else [DEFAULT_THEME]


@pass_context
def _href(ctx, url: str) -> str:
    """A site-root-relative URL as seen from the page being rendered."""
    return ctx["root"] + url


def make_env(theme: Path | None) -> Environment:
    env = Environment(
        loader=FileSystemLoader([str(d) for d in theme_dirs(theme)]),
        autoescape=select_autoescape(["html", "xml"]),
        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True)
    env.filters["href"] = _href
    return env


def static_files(theme: Path | None) -> dict[str, Path]:
    """static/… output path → file, the user's theme first."""
    files = {}
    for folder in reversed(theme_dirs(theme)):
        base = folder / "static"
        if base.is_dir():
            for path in sorted(base.rglob("*")):
                if path.is_file() and not path.name.startswith("."):
                    files["static/" + path.relative_to(base).as_posix()] = path
    return dict(sorted(files.items()))


# ---------------------------------------------------------------- pages

@dataclass(frozen=True)
class Pager:
    number: int                 # 1-based
    urls: tuple[str, ...]       # every page of the list

    @property
    def prev(self) -> str | None:
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.urls[self.number] if self.number < len(self.urls) else None


def paginate(path: str, items: tuple) -> list[tuple[str, tuple, Pager]]:
    count = max(1, -(-len(items) // LIST_PAGE_SIZE))
    urls = tuple(paged(path, n) for n in range(1, count + 1))
    return [(urls[n], items[n * LIST_PAGE_SIZE:(n + 1) * LIST_PAGE_SIZE], Pager(n + 1, urls))
            for n in range(count)]


def pretty(path: str) -> str:
    """The public form of a path: 'archive/index.html' → 'archive/'."""
    return path[:-len("index.html")] if path.endswith("index.html") else path


def render_pages(env: Environment, site: Site) -> Iterator[tuple[str, bytes]]:
    """(output path, bytes) for every generated page, each rendered once."""
    base = site.config.base_url
    html_paths = []

    def page(path: str, template: str, section: str = "", **ctx) -> tuple[str, bytes]:
        html_paths.append(path)
        root = "../" * path.count("/")
        text = env.get_template(template).render(
            site=site, config=site.config, root=root, path=path, section=section,
            canonical=base + pretty(path) if base else None, **ctx)
        return path, text.encode("utf-8")

    yield page("index.html", "home.html", "home")
    yield page("archive/index.html", "archive.html", "archive")
    for year in site.years:
        yield page(year.url, "year.html", "archive", year=year)
        for month in year.months:
            yield page(month.url, "month.html", "archive", year=year, month=month)
    for i, issue in enumerate(site.issues):
        yield page(issue.url, "issue.html", "archive", issue=issue,
                   prev_issue=site.issues[i - 1] if i else None,
                   next_issue=site.issues[i + 1] if i + 1 < len(site.issues) else None)
        for pg in issue.pages:
            yield page(pg.url, "page.html", "archive", issue=issue, page=pg)
    for view in site.articles:
        yield page(view.article.url, "article.html", "archive", view=view, a=view.article)
    yield page("region/index.html", "regions.html", "region")
    for region in site.all_regions():
        for path, items, pager in paginate(region.url, region.articles):
            yield page(path, "region.html", "region", region=region, items=items, pager=pager)
    yield page("topic/index.html", "topics.html", "topic")
    for topic in site.topics:
        for path, items, pager in paginate(topic.url, topic.articles):
            yield page(path, "topic.html", "topic", topic=topic, items=items, pager=pager)
    yield page("people/index.html", "people.html", "people")
    for person in site.people:
        for path, items, pager in paginate(person.url, person.credits):
            yield page(path, "person.html", "people", person=person, items=items, pager=pager)

    # Not a page of the site: shown by servers at any depth, so absolute links when possible.
    text = env.get_template("404.html").render(
        site=site, config=site.config, root=base or "", path="404.html", section="",
        canonical=None)
    yield "404.html", text.encode("utf-8")

    feed = env.get_template("feed.xml").render(
        site=site, config=site.config, root=base or "", issues=site.latest[:FEED_ISSUES],
        updated=atom_date(site.latest[0].date) if site.latest else "1970-01-01T00:00:00Z",
        atom_date=atom_date, atom_id=functools.partial(atom_id, site.config))
    yield "feed.xml", feed.encode("utf-8")
    if base:
        urls = [base + pretty(p) for p in html_paths]
        yield "sitemap.xml", env.get_template("sitemap.xml").render(urls=urls).encode("utf-8")
    robots = env.get_template("robots.txt").render(
        sitemap=base + "sitemap.xml" if base else None)
    yield "robots.txt", robots.encode("utf-8")


def atom_id(config, path: str) -> str:
    """A permanent id: the absolute URL, or without base_url a name-based UUID."""
    if config.base_url:
        return config.base_url + pretty(path)
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"backissues:{config.title}:{path}"))


def atom_date(date: str) -> str:
    """'2019-09-20' → '2019-09-20T00:00:00Z'; partial dates take their first day."""
    parts = (date.split("-") + ["01", "01"])[:3]
    return "-".join(parts) + "T00:00:00Z"


# ---------------------------------------------------------------- writing

def write_files(site: Path, outputs: Iterable[tuple[str, bytes]],
                static: dict[str, Path]) -> tuple[int, int, int]:
    """Write what changed, delete what the site no longer has; (written, unchanged, deleted)."""
    site.mkdir(parents=True, exist_ok=True)
    marker = site / MARKER
    if not marker.exists():
        marker.write_text("This folder is generated by `python build.py render`; "
                          "files here are replaced or deleted.\n", encoding="utf-8")
    wanted = set()
    written = unchanged = 0

    def put(rel: str, data: bytes) -> None:
        nonlocal written, unchanged
        wanted.add(rel)
        target = site / rel
        try:
            same = target.stat().st_size == len(data) and target.read_bytes() == data
        except FileNotFoundError:
            same = False
        if same:
            unchanged += 1
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
        written += 1

    for rel, data in outputs:
        put(rel, data)
    for rel, path in static.items():
        put(rel, path.read_bytes())
    return written, unchanged, delete_stale(site, wanted)


def delete_stale(site: Path, wanted: set[str]) -> int:
    deleted = 0
    for path in sorted(site.rglob("*"), reverse=True):
        rel = path.relative_to(site)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_dir():
            if not any(path.iterdir()):
                path.rmdir()
        elif rel.as_posix() not in wanted:
            path.unlink()
            deleted += 1
    return deleted
