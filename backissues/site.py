"""The site model: content files in, frozen issues, pages, articles and indexes out.

`build_site` is computed once per render; templates only read it. Every URL in
the model is relative to the site root (see the URL scheme in indexes.py).
Content files are trusted for nothing: each field is checked and normalised
here (missing → None or ()), a file that cannot be used raises ContentError
naming it, and every string reaches HTML only through autoescaping — the
Markdown body is escaped before Markdown sees it.
"""
from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import markdown
import yaml

from . import frontmatter
from .frontmatter import ContentError, ContentFile
from .indexes import (
    INDEXED_ROLES, ROLE_LABELS, BarChart, Link, Person, Region, TileMap, Topic, Year,
    article_url, ascii_slug, assign_slugs, build_bar_chart, build_people, build_regions,
    build_related, build_tile_map, build_topics, build_years, date_label, issue_url,
    month_span, month_url, page_url, province_name, region_keys, walk_regions, year_url,
)

TYPE_LABELS = {"news": "消息", "brief": "简讯", "photo": "图片", "feature": "通讯",
               "commentary": "评论", "fragment": "残篇"}
DATE_RE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
UNDATED = "undated"


# ---------------------------------------------------------------- config

class ConfigError(ValueError):
    """site.yml cannot be used; the message names the file."""


@dataclass(frozen=True)
class Config:
    title: str = "工人日报往期"
    paper: str = "工人日报"            # the newspaper's name, for citations
    description: str = "工人日报往期版面与文章的静态存档：按日期、版面、地区、专题和人物浏览。"
    base_url: str | None = None        # 'https://example.org/archive/' (always ends in '/')


def load_config(content: Path) -> Config:
    """site.yml beside the content folder, else in the current folder, else defaults."""
    for path in (content.resolve().parent / "site.yml", Path.cwd() / "site.yml"):
        if path.is_file():
            return parse_config(path.read_text(encoding="utf-8"), str(path))
    return Config()


def parse_config(text: str, where: str = "site.yml") -> Config:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: not valid YAML ({exc})") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: must be a mapping of settings")
    known = {"title", "paper", "description", "base_url"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(f"{where}: unknown setting(s) {', '.join(map(str, unknown))}; "
                          f"known: {', '.join(sorted(known))}")
    values = {}
    for key in sorted(known):
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where}: {key} must be a non-empty string")
        values[key] = value.strip()
    base = values.get("base_url")
    if base:
        parts = urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment \
                or any(c.isspace() for c in base):
            raise ConfigError(f"{where}: base_url must be an absolute http(s) URL like "
                              f"https://example.org/archive/, not {base!r}")
        values["base_url"] = base if base.endswith("/") else base + "/"
    return Config(**values)


# ---------------------------------------------------------------- articles

@dataclass(frozen=True)
class Article:
    id: str
    slug: str
    url: str
    path: str                   # content file, relative to the content folder
    title: str | None           # as in the file
    display_title: str          # title, or a stand-in for fragments and untitled photos
    kicker: str | None
    subtitle: str | None
    type: str | None
    type_label: str | None
    column: str | None
    date: str | None            # 'YYYY-MM-DD', 'YYYY-MM', 'YYYY'
    date_label: str
    date_inferred: bool
    page: int | None
    page_label: str             # '第3版'
    source: str | None
    continued_from: int | str | None
    continued_on: int | str | None
    dateline: str | None
    reporters: tuple[str, ...]
    correspondents: tuple[str, ...]
    photographers: tuple[str, ...]
    authors: tuple[str, ...]
    agency: str | None
    province: str | None
    city: str | None
    county: str | None
    topics: tuple[str, ...]
    keywords: tuple[str, ...]
    sections: tuple[str, ...]
    repairs: tuple[str, ...]
    body_html: str              # safe: built from escaped text
    excerpt: str                # plain text, for descriptions
    issue_slug: str
    page_slug: str
    order: tuple                # natural sort key of the path: reading order on the page
    ordinal: int = 0            # position in the whole archive, oldest first

    @property
    def month(self) -> str | None:
        return self.date[:7] if self.date and len(self.date) >= 7 else None

    @property
    def region_keys(self) -> tuple[tuple[str, ...], ...]:
        return region_keys(self.province, self.city, self.county)

    @property
    def newest_key(self):
        return (-self.ordinal,)


def natural_key(text: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text))


def _text(meta: dict, key: str, where: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ContentError(f"{where}: field '{key}' must be text, not {type(value).__name__}")
    value = str(value).strip()
    return value or None


def _names(meta: dict, key: str, where: str) -> tuple[str, ...]:
    value = meta.get(key)
    if value is None:
        return ()
    if isinstance(value, str):            # an editor wrote `topics: 民主管理`
        value = [value]
    if not isinstance(value, list):
        raise ContentError(f"{where}: field '{key}' must be a list, not {type(value).__name__}")
    out = []
    for item in value:
        if isinstance(item, (dict, list)) or isinstance(item, bool):
            raise ContentError(f"{where}: field '{key}' must hold plain text items")
        if item is not None and str(item).strip():
            out.append(str(item).strip())
    return tuple(dict.fromkeys(out))


def _page_number(value, key: str, where: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    if isinstance(value, str) and value.strip().isdigit() and int(value) > 0:
        return int(value)
    raise ContentError(f"{where}: field '{key}' must be a page number, not {value!r}")


def _continuation(value, key: str, where: str) -> int | str | None:
    """A page number or an article id."""
    if value is None or value == "":
        return None
    if isinstance(value, str) and not value.strip().isdigit():
        return value.strip()
    return _page_number(value, key, where)


def _date(meta: dict, path: str, where: str) -> str | None:
    value = _text(meta, "date", where)
    if value is None:            # fall back on the folders: 2019/09/20/03-02.md
        parts = []
        for part in path.split("/")[:-1]:
            if not re.fullmatch(r"\d{4}" if not parts else r"\d{2}", part):
                break
            parts.append(part)
        value = "-".join(parts[:3]) or None
    if value is not None and not DATE_RE.fullmatch(value):
        raise ContentError(f"{where}: field 'date' must be YYYY-MM-DD, YYYY-MM or YYYY, not {value!r}")
    return value


class BodyRenderer:
    """Markdown → HTML with no way for the text to produce markup of its own.

    The text is HTML-escaped first, and links, images, references and raw
    HTML are switched off, so only paragraphs, headings, lists, emphasis and
    rules come out. Headings in a body start at <h2> (the page has the <h1>).
    """

    OFF_INLINE = ("reference", "link", "image_link", "image_reference", "short_reference",
                  "short_image_ref", "autolink", "automail", "html")

    def __init__(self):
        self.md = markdown.Markdown(output_format="html")
        for name in self.OFF_INLINE:
            self.md.inlinePatterns.deregister(name, strict=False)
        self.md.preprocessors.deregister("html_block", strict=False)
        self.md.parser.blockprocessors.deregister("reference", strict=False)
        self.md.parser.blockprocessors.deregister("code", strict=False)   # OCR indents are not code

    def __call__(self, body: str) -> str:
        escaped = html.escape(body, quote=False)
        out = self.md.reset().convert(escaped)
        return re.sub(r"<(/?)h1>", r"<\1h2>", out)


def plain_excerpt(body: str, length: int = 110) -> str:
    text = " ".join(line.lstrip("#>*-+ ").strip() for line in body.splitlines() if line.strip())
    text = re.sub(r"\s+", " ", re.sub(r"[*_`]+", "", text))
    return text if len(text) <= length else text[:length].rstrip() + "…"


def page_label(page: int | None, source: str | None) -> str:
    if page:
        return f"第{page}版"
    return f"版次不详（{source}）" if source else "版次不详"


def normalize(cf: ContentFile, where: str, body_html) -> dict:
    """The checked fields of one content file (ContentError names `where`)."""
    m = cf.meta
    path = cf.path
    ident = _text(m, "id", where) or path[:-3].replace("/", "-")
    kind = _text(m, "type", where)
    if kind is not None and kind not in TYPE_LABELS:
        raise ContentError(f"{where}: field 'type' must be one of {', '.join(TYPE_LABELS)}, not {kind!r}")
    inferred = m.get("date_inferred")
    if inferred is not None and not isinstance(inferred, bool):
        raise ContentError(f"{where}: field 'date_inferred' must be true or false")
    page = _page_number(m.get("page"), "page", where)
    source = _text(m, "source", where)
    title = _text(m, "title", where)
    excerpt = plain_excerpt(cf.body)
    if title:
        display = title
    elif kind == "fragment":
        display = f"（残篇）{page_label(page, source)}"
    else:
        display = plain_excerpt(cf.body.strip().split("\n\n")[0], 24) or "（无题）"
    date = _date(m, path, where)
    return dict(
        id=ident, path=path, title=title, display_title=display,
        kicker=_text(m, "kicker", where), subtitle=_text(m, "subtitle", where),
        type=kind, type_label=TYPE_LABELS.get(kind), column=_text(m, "column", where),
        date=date, date_label=date_label(date), date_inferred=bool(inferred),
        page=page, page_label=page_label(page, source), source=source,
        continued_from=_continuation(m.get("continued_from"), "continued_from", where),
        continued_on=_continuation(m.get("continued_on"), "continued_on", where),
        dateline=_text(m, "dateline", where),
        reporters=_names(m, "reporters", where), correspondents=_names(m, "correspondents", where),
        photographers=_names(m, "photographers", where), authors=_names(m, "authors", where),
        agency=_text(m, "agency", where),
        province=province_name(_text(m, "province", where)), city=_text(m, "city", where),
        county=_text(m, "county", where),
        topics=_names(m, "topics", where), keywords=_names(m, "keywords", where),
        sections=_names(m, "sections", where), repairs=_names(m, "repairs", where),
        body_html=body_html(cf.body), excerpt=excerpt,
        issue_slug=date or UNDATED, order=natural_key(path),
    )


def read_content(root: Path) -> tuple[list[ContentFile], list[str]]:
    """Every article file under root, and one message per file that was refused."""
    problems = []

    def refuse(path: Path, exc: Exception) -> None:
        problems.append(str(exc) if isinstance(exc, ContentError) else f"{path}: {exc}")

    files = frontmatter.read_all(root, on_error=refuse)
    return files, problems


# ---------------------------------------------------------------- issues and pages

@dataclass(frozen=True)
class Page:
    issue_slug: str
    slug: str
    url: str
    label: str                      # '第3版'
    number: int | None
    source: str | None
    articles: tuple[Article, ...]   # reading order
    trail: tuple[Link, ...]         # archive → year → month → issue


@dataclass(frozen=True)
class Issue:
    date: str | None
    slug: str
    url: str
    label: str                      # '2019年9月20日'
    date_inferred: bool             # some article's date was inferred
    pages: tuple[Page, ...]
    article_count: int
    trail: tuple[Link, ...]         # archive → year → month

    @property
    def lead(self) -> Article:
        """The 头条: the first titled article of the first page, else its first
        article that is not a fragment, else its first."""
        first = self.pages[0].articles
        return next((a for a in first if a.title),
                    next((a for a in first if a.type != "fragment"), first[0]))


def date_trail(date: str | None) -> tuple[Link, ...]:
    links = [Link("往期", "archive/index.html")]
    if date:
        links.append(Link(f"{date[:4]}年", year_url(date[:4])))
        if len(date) > 7:
            links.append(Link(f"{int(date[5:7])}月", month_url(date[:4], date[5:7])))
    return tuple(links)


def _page_group(a: dict) -> tuple:
    """Sort key and identity of the page an article is on within its issue."""
    return (0, a["page"], "") if a["page"] else (1, 0, a["source"] or "")


def group_pages(records: list[dict]) -> list[tuple[str, list]]:
    """Group article records by issue (date), then page; oldest issue first.

    Returns [(issue slug, [(page slug, group key, records in reading order)])]
    and sets each record's 'page_slug'.
    """
    by_issue = defaultdict(lambda: defaultdict(list))
    for r in records:
        by_issue[r["issue_slug"]][_page_group(r)].append(r)
    issues = []
    for slug in sorted(by_issue, key=lambda s: (s == UNDATED, s)):
        groups = by_issue[slug]
        numbered = {f"{g[1]:02d}" for g in groups if g[0] == 0}
        src_slugs = assign_slugs(((g[2], ascii_slug(Path(g[2]).stem) or "unknown")
                                  for g in sorted(groups) if g[0] == 1), reserved=numbered)
        pages = []
        for g in sorted(groups):
            recs = sorted(groups[g], key=lambda r: r["order"])
            pslug = f"{g[1]:02d}" if g[0] == 0 else src_slugs[g[2]]
            for r in recs:
                r["page_slug"] = pslug
            pages.append((pslug, g, recs))
        issues.append((slug, pages))
    return issues


# ---------------------------------------------------------------- per-article view

@dataclass(frozen=True)
class Role:
    label: str                  # 记者
    names: tuple[Link, ...]     # linked for reporters and photographers


@dataclass(frozen=True)
class ArticleView:
    """Everything an article page shows besides the article's own fields."""
    article: Article
    issue: Issue
    page: Page
    prev: Article | None
    next: Article | None
    related: tuple[Article, ...]
    continued_from: Link | None
    continued_on: Link | None
    regions: tuple[Link, ...]
    topics: tuple[Link, ...]
    byline: tuple[Role, ...]
    citation: str
    permalink: str | None


def citation(a: Article, paper: str, permalink: str | None) -> str:
    """GB/T 7714 style: 刘建林. 标题[N]. 工人日报, 2019-09-20(03)."""
    names = list(a.reporters + a.authors) or list(a.photographers) or list(a.correspondents)
    who = ", ".join(names[:3]) + (", 等" if len(names) > 3 else "")
    kind = "[N/OL]" if permalink else "[N]"
    where = f"{paper}, {a.date}" if a.date else paper
    if a.page:
        where += f"({a.page:02d})"
    text = f"{who}. " if who else ""
    text += f"{a.display_title}{kind}. {where}."
    return f"{text} {permalink}" if permalink else text


def _continuation_link(value, issue: Issue, by_id: dict[str, Article], before: bool) -> Link | None:
    if value is None:
        return None
    word = "上接" if before else "下转"
    if isinstance(value, int):
        target = next((p for p in issue.pages if p.number == value), None)
        return Link(f"{word}第{value}版", target.url if target else None)
    target = by_id.get(value)
    if target is None:
        return Link(f"{word}{value}")
    return Link(f"{word}《{target.display_title}》（{target.date_label} {target.page_label}）",
                target.url)


# ---------------------------------------------------------------- the site

@dataclass(frozen=True)
class Stats:
    issues: int
    pages: int
    articles: int
    years: int
    first: str | None
    last: str | None

    @property
    def first_label(self) -> str:
        return date_label(self.first)

    @property
    def last_label(self) -> str:
        return date_label(self.last)


@dataclass(frozen=True)
class Site:
    config: Config
    articles: tuple[ArticleView, ...]   # oldest first
    issues: tuple[Issue, ...]           # oldest first; an 'undated' issue last
    latest: tuple[Issue, ...]           # newest first
    years: tuple[Year, ...]
    regions: tuple[Region, ...]         # roots: 全国 and the provincial units
    tile_map: TileMap
    timeline: BarChart
    undated_in_months: int              # articles with only a year, not in the timeline
    topics: tuple[Topic, ...]
    people: tuple[Person, ...]
    stats: Stats

    def all_regions(self):
        return walk_regions(self.regions)


LATEST = 12


def build_site(config: Config, files: list[ContentFile], content_root: Path) -> tuple[Site, list[str]]:
    """The whole site model, and one message per content file left out."""
    records, problems = check_files(files, content_root)
    issues = make_issues(records)
    articles = [a for issue in issues for page in issue.pages for a in page.articles]
    years = build_years(issues)
    month_urls = {f"{y.year}-{m.month}": m.url for y in years for m in y.months}
    span = month_span(a.month for a in articles if a.month)
    regions = build_regions(articles)
    topics = build_topics(articles, span, month_urls)
    people = build_people(articles)
    dated = [i for i in issues if i.date]
    site = Site(
        config=config,
        articles=article_views(config, issues, regions, topics, people, build_related(articles)),
        issues=issues,
        latest=tuple(sorted(dated, key=lambda i: i.date, reverse=True)[:LATEST]),
        years=years, regions=regions, tile_map=build_tile_map(regions),
        timeline=build_bar_chart(Counter(a.month for a in articles if a.month), span, month_urls),
        undated_in_months=sum(1 for a in articles if not a.month),
        topics=topics, people=people,
        stats=Stats(issues=len(issues), pages=sum(len(i.pages) for i in issues),
                    articles=len(articles), years=len(years),
                    first=dated[0].date if dated else None, last=dated[-1].date if dated else None))
    return site, problems


def check_files(files: list[ContentFile], content_root: Path) -> tuple[list[dict], list[str]]:
    """Checked article records with unique ids, slugs and URLs; messages for the rest."""
    body_html = BodyRenderer()
    records, problems, seen = [], [], {}
    for cf in files:
        where = str(content_root / cf.path)
        try:
            r = normalize(cf, where, body_html)
        except ContentError as exc:
            problems.append(str(exc))
            continue
        if r["id"] in seen:
            problems.append(f"{where}: id {r['id']!r} is already used by "
                            f"{content_root / seen[r['id']]}; file skipped")
            continue
        seen[r["id"]] = cf.path
        records.append(r)
    slugs = assign_slugs(((r["id"], ascii_slug(r["id"])) for r in records))
    for r in records:
        r["slug"] = slugs[r["id"]]
        r["url"] = article_url(r["slug"])
    return records, problems


def make_issues(records: list[dict]) -> tuple[Issue, ...]:
    """Issues → pages → Articles, numbered in archive order (issue, page, reading order)."""
    issues, ordinal = [], 0
    for islug, pages in group_pages(records):
        date = pages[0][2][0]["date"]
        trail = date_trail(date)
        page_trail = trail + (Link(date_label(date), issue_url(islug)),)
        made = []
        for pslug, _group, recs in pages:
            arts = tuple(Article(**r, ordinal=ordinal + i) for i, r in enumerate(recs))
            ordinal += len(arts)
            made.append(Page(islug, pslug, page_url(islug, pslug), arts[0].page_label,
                             arts[0].page, arts[0].source, arts, page_trail))
        issues.append(Issue(date, islug, issue_url(islug), date_label(date),
                            any(a.date_inferred for p in made for a in p.articles), tuple(made),
                            sum(len(p.articles) for p in made), trail))
    return tuple(issues)


def article_views(config: Config, issues: tuple[Issue, ...], regions, topics, people,
                  related: dict[str, tuple[str, ...]]) -> tuple[ArticleView, ...]:
    """What each article page shows besides the article: neighbours, links, byline, citation."""
    by_id = {a.id: a for issue in issues for page in issue.pages for a in page.articles}
    region_url_of = {r.key: r.url for r in walk_regions(regions)}
    topic_url_of = {t.name: t.url for t in topics}
    person_url_of = {p.name: p.url for p in people}
    views = []
    for issue in issues:
        for page in issue.pages:
            arts = page.articles
            for i, a in enumerate(arts):
                permalink = config.base_url + a.url if config.base_url else None
                byline = tuple(
                    Role(label, tuple(Link(n, person_url_of.get(n) if field in INDEXED_ROLES else None)
                                      for n in getattr(a, field)))
                    for field, label in ROLE_LABELS.items() if getattr(a, field))
                views.append(ArticleView(
                    article=a, issue=issue, page=page,
                    prev=arts[i - 1] if i > 0 else None,
                    next=arts[i + 1] if i + 1 < len(arts) else None,
                    related=tuple(by_id[r] for r in related[a.id]),
                    continued_from=_continuation_link(a.continued_from, issue, by_id, True),
                    continued_on=_continuation_link(a.continued_on, issue, by_id, False),
                    regions=tuple(Link(k[-1], region_url_of[k]) for k in a.region_keys),
                    topics=tuple(Link(t, topic_url_of[t]) for t in a.topics),
                    byline=byline,
                    citation=citation(a, config.paper, permalink),
                    permalink=permalink))
    return tuple(views)
