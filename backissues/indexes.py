"""Indexes over the articles: dates, regions, topics, people; map and chart geometry.

Everything here is plain data (frozen dataclasses and tuples) computed once
from the articles; templates only lay it out.

URL scheme (paths relative to the site root; templates prefix them with the
page's `root`, e.g. "../../", so the site works from file:// and under any base
path; every link names a file, never a bare directory):

    index.html                          home
    archive/index.html                  all years
    archive/2019/index.html             one year: months, and issues known only by year
    archive/2019/09/index.html          one month: its issues
    issue/2019-09-20/index.html         one issue: its pages (版面导航)
    issue/2019-09-20/03/index.html      one page: its articles in reading order
    issue/2019/<source-slug>/index.html a page whose number is unknown (grouped by source)
    article/<id-slug>.html              one article
    region/index.html                   tile map + province → city → county tree
    region/<slug>.html                  one region, e.g. shanxi.html, shanxi-taiyuanshi.html
    topic/index.html, topic/<slug>.html topics with a timeline chart
    people/index.html, people/<slug>.html   reporters and photographers
    404.html, feed.xml, sitemap.xml (only with base_url), robots.txt, static/…

Long lists are split into pages of LIST_PAGE_SIZE: region/<slug>.html,
region/<slug>.p2.html, … (a dot never occurs in a slug, so no clash).
Slugs are ASCII (pypinyin for Han characters), deterministic and collision-free:
names whose slugs would clash all get a short hash of the name appended.
"""
from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from pypinyin import lazy_pinyin

if TYPE_CHECKING:  # pragma: no cover
    from .site import Article

LIST_PAGE_SIZE = 100
NATIONAL = "全国"


# ---------------------------------------------------------------- slugs, URLs

@lru_cache(maxsize=None)
def ascii_slug(text: str) -> str:
    """'太原市' → 'taiyuanshi'; keeps a-z, 0-9, '_' and '-'; may be ''."""
    joined = "".join(lazy_pinyin(text)).lower()
    return re.sub(r"[^a-z0-9_]+", "-", joined).strip("-")


# Surnames whose reading as a surname differs from pypinyin's everyday reading.
SURNAMES = {"曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "朴": "piao", "查": "zha",
            "区": "ou", "覃": "qin", "乐": "yue", "盖": "ge", "缪": "miao", "翟": "zhai",
            "柏": "bai", "秘": "bi", "种": "chong", "召": "shao", "员": "yun", "牟": "mou",
            "谌": "chen", "隗": "wei", "冼": "xian", "折": "she", "尉迟": "yuchi", "万俟": "moqi"}


def person_slug(name: str) -> str:
    """ascii_slug with the surname read as a surname: '曾维' → 'zengwei'."""
    for surname in sorted(SURNAMES, key=len, reverse=True):
        if name.startswith(surname) and len(name) > len(surname):
            return SURNAMES[surname] + ascii_slug(name[len(surname):])
    return ascii_slug(name)


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]


def assign_slugs(pairs: Iterable[tuple[str, str]], reserved: Iterable[str] = ()) -> dict[str, str]:
    """Map each key to a unique slug, given (key, wanted slug) pairs.

    Keys whose wanted slugs clash with each other, with a reserved slug or are
    empty all get '-<hash of key>' appended, so a slug depends only on the
    key and the set of clashing keys, never on iteration order.
    """
    wanted = dict(pairs)
    users = defaultdict(set)
    for key, slug in wanted.items():
        users[slug].add(key)
    taken = set(reserved)
    out = {}
    for key, slug in wanted.items():
        if not slug or slug in taken or len(users[slug]) > 1:
            slug = f"{slug}-{_short_hash(key)}" if slug else f"x-{_short_hash(key)}"
        out[key] = slug
    return out


def paged(path: str, n: int) -> str:
    """URL of page n (1-based) of a long list whose first page is `path`."""
    return path if n == 1 else path[:-len(".html")] + f".p{n}.html"


def issue_url(slug: str) -> str:
    return f"issue/{slug}/index.html"


def page_url(issue_slug: str, page_slug: str) -> str:
    return f"issue/{issue_slug}/{page_slug}/index.html"


def article_url(slug: str) -> str:
    return f"article/{slug}.html"


def year_url(year: str) -> str:
    return f"archive/{year}/index.html"


def month_url(year: str, month: str) -> str:
    return f"archive/{year}/{month}/index.html"


def region_url(slug: str) -> str:
    return f"region/{slug}.html"


def topic_url(slug: str) -> str:
    return f"topic/{slug}.html"


def person_url(slug: str) -> str:
    return f"people/{slug}.html"


@dataclass(frozen=True)
class Link:
    text: str
    url: str | None = None     # relative to the site root; None: plain text


# ---------------------------------------------------------------- dates

def date_label(date: str | None) -> str:
    """'2019-09-20' → '2019年9月20日', '2019-09' → '2019年9月', None → '日期不详'."""
    if not date:
        return "日期不详"
    parts = date.split("-")
    label = f"{parts[0]}年"
    if len(parts) > 1:
        label += f"{int(parts[1])}月"
    if len(parts) > 2:
        label += f"{int(parts[2])}日"
    return label


@dataclass(frozen=True)
class Month:
    year: str
    month: str              # '09'
    label: str              # '2019年9月'
    url: str
    issues: tuple           # Issue, by date; includes the issue dated just '2019-09'
    article_count: int


@dataclass(frozen=True)
class Year:
    year: str
    url: str
    months: tuple[Month, ...]
    year_issues: tuple      # issues dated only by year ('2019')
    issue_count: int
    article_count: int


def build_years(issues: Iterable) -> tuple[Year, ...]:
    """Year → month → issue, oldest first; issues without a date are left out."""
    by_year = defaultdict(lambda: defaultdict(list))
    for issue in issues:
        if issue.date:
            parts = issue.date.split("-")
            by_year[parts[0]][parts[1] if len(parts) > 1 else ""].append(issue)
    years = []
    for year in sorted(by_year):
        months = tuple(
            Month(year, m, date_label(f"{year}-{m}"), month_url(year, m), tuple(iss),
                  sum(i.article_count for i in iss))
            for m, iss in sorted(by_year[year].items()) if m)
        loose = tuple(by_year[year].get("", ()))
        all_issues = [i for m in by_year[year].values() for i in m]
        years.append(Year(year, year_url(year), months, loose, len(all_issues),
                          sum(i.article_count for i in all_issues)))
    return tuple(years)


# ---------------------------------------------------------------- regions

# The 34 provincial units: full name, short name, slug, tile column, tile row.
# Tiles sit roughly where the unit lies (west → east, north → south).
PROVINCES = (
    ("黑龙江省", "黑龙江", "heilongjiang", 6, 0),
    ("内蒙古自治区", "内蒙古", "neimenggu", 3, 1),
    ("北京市", "北京", "beijing", 4, 1),
    ("辽宁省", "辽宁", "liaoning", 5, 1),
    ("吉林省", "吉林", "jilin", 6, 1),
    ("新疆维吾尔自治区", "新疆", "xinjiang", 0, 2),
    ("甘肃省", "甘肃", "gansu", 1, 2),
    ("宁夏回族自治区", "宁夏", "ningxia", 2, 2),
    ("山西省", "山西", "shanxi", 3, 2),
    ("河北省", "河北", "hebei", 4, 2),
    ("天津市", "天津", "tianjin", 5, 2),
    ("青海省", "青海", "qinghai", 1, 3),
    ("陕西省", "陕西", "shaanxi", 2, 3),
    ("河南省", "河南", "henan", 3, 3),
    ("山东省", "山东", "shandong", 4, 3),
    ("西藏自治区", "西藏", "xizang", 0, 4),
    ("四川省", "四川", "sichuan", 1, 4),
    ("重庆市", "重庆", "chongqing", 2, 4),
    ("湖北省", "湖北", "hubei", 3, 4),
    ("安徽省", "安徽", "anhui", 4, 4),
    ("江苏省", "江苏", "jiangsu", 5, 4),
    ("上海市", "上海", "shanghai", 6, 4),
    ("云南省", "云南", "yunnan", 1, 5),
    ("贵州省", "贵州", "guizhou", 2, 5),
    ("湖南省", "湖南", "hunan", 3, 5),
    ("江西省", "江西", "jiangxi", 4, 5),
    ("浙江省", "浙江", "zhejiang", 5, 5),
    ("广西壮族自治区", "广西", "guangxi", 2, 6),
    ("广东省", "广东", "guangdong", 3, 6),
    ("福建省", "福建", "fujian", 4, 6),
    ("台湾省", "台湾", "taiwan", 5, 6),
    ("海南省", "海南", "hainan", 2, 7),
    ("澳门特别行政区", "澳门", "aomen", 3, 7),
    ("香港特别行政区", "香港", "xianggang", 4, 7),
)
_PROVINCE_BY_SHORT = {short: full for full, short, *_ in PROVINCES}
_PROVINCE_SLUG = {full: slug for full, _, slug, *_ in PROVINCES}


def province_name(name: str | None) -> str | None:
    """Full official name of a provincial unit also when given short ('山西')."""
    if not name:
        return None
    return _PROVINCE_BY_SHORT.get(name, name)


@dataclass(frozen=True)
class Region:
    key: tuple[str, ...]          # (province,), (province, city), (province, city, county)
    name: str
    level: str                    # province | city | county
    slug: str
    url: str
    count: int                    # articles here and below
    children: tuple["Region", ...]
    articles: tuple               # Article, newest first
    trail: tuple[Link, ...]       # the enclosing regions, outermost first


def region_keys(province: str | None, city: str | None, county: str | None) -> tuple[tuple[str, ...], ...]:
    """The region nodes an article belongs to, outermost first."""
    if not province:
        return ()
    keys = [(province,)]
    if city:
        keys.append((province, city))
    if county:
        keys.append(keys[-1] + (county,))
    return tuple(keys)


def region_slugs(keys: Iterable[tuple[str, ...]]) -> dict[tuple[str, ...], str]:
    wanted = []
    for key in keys:
        parts = [_PROVINCE_SLUG.get(key[0]) or ascii_slug(key[0])] + [ascii_slug(p) for p in key[1:]]
        wanted.append(("/".join(key), "-".join(parts)))
    slugs = assign_slugs(wanted, reserved={"index"})
    return {key: slugs["/".join(key)] for key in keys}


def build_regions(articles: Iterable["Article"]) -> tuple[Region, ...]:
    """Province → city → county tree; all 34 provincial units are present
    (so every map tile links somewhere), 全国 first, then by count."""
    members = defaultdict(list)
    for a in articles:
        for key in a.region_keys:
            members[key].append(a)
    for full, *_ in PROVINCES:
        members.setdefault((full,), [])
    slugs = region_slugs(members)
    children = defaultdict(list)
    for key in members:
        if len(key) > 1:
            children[key[:-1]].append(key)

    def make(key, trail):
        own = Link(key[-1], region_url(slugs[key]))
        kids = sorted(children[key], key=lambda k: (-len(members[k]), k))
        return Region(
            key=key, name=key[-1], level=("province", "city", "county")[len(key) - 1],
            slug=slugs[key], url=own.url, count=len(members[key]),
            children=tuple(make(k, trail + (own,)) for k in kids),
            articles=tuple(sorted(members[key], key=newest_first)), trail=trail)

    roots = sorted((k for k in members if len(k) == 1),
                   key=lambda k: (k[0] != NATIONAL, -len(members[k]), k))
    return tuple(make(k, ()) for k in roots)


def walk_regions(regions: Iterable[Region]):
    for r in regions:
        yield r
        yield from walk_regions(r.children)


# ---------------------------------------------------------------- tile map

@dataclass(frozen=True)
class Tile:
    name: str
    short: str
    x: int
    y: int
    count: int
    level: int          # 0 (none) … 5 (most); the stylesheet shades by level
    url: str


@dataclass(frozen=True)
class TileMap:
    width: int
    height: int
    size: int
    tiles: tuple[Tile, ...]
    legend: tuple[tuple[int, str], ...]   # (level, '1–3篇')


TILE, GAP = 56, 6


def shade_level(count: int, most: int) -> int:
    """0 for none, else 1..5 on a log scale up to the largest count."""
    if count <= 0:
        return 0
    if most <= 1:
        return 5
    return min(5, 1 + int(4.999 * math.log(count) / math.log(most)))


def build_tile_map(regions: Iterable[Region]) -> TileMap:
    by_name = {r.name: r for r in regions}
    most = max((by_name[full].count for full, *_ in PROVINCES), default=0)
    tiles = []
    for full, short, _slug, col, row in PROVINCES:
        region = by_name[full]
        tiles.append(Tile(full, short, col * (TILE + GAP), row * (TILE + GAP), region.count,
                          shade_level(region.count, most), region.url))
    cols = 1 + max(p[3] for p in PROVINCES)
    rows = 1 + max(p[4] for p in PROVINCES)
    legend = []
    for level in range(6):
        counts = [n for n in range(most + 1) if shade_level(n, most) == level]
        if counts:
            lo, hi = counts[0], counts[-1]
            legend.append((level, f"{lo}篇" if lo == hi else f"{lo}–{hi}篇"))
    return TileMap(cols * (TILE + GAP) - GAP, rows * (TILE + GAP) - GAP, TILE,
                   tuple(tiles), tuple(legend))


# ---------------------------------------------------------------- bar chart

@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str          # '2019年9月'
    count: int
    url: str | None     # the month's archive page, when it has issues

    @property
    def cx(self) -> float:
        return round(self.x + self.width / 2, 1)


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    baseline: float
    bars: tuple[Bar, ...]
    ticks: tuple[tuple[float, str], ...]   # (x of the label's middle, text)
    most: int
    show_counts: bool                      # few bars: print each count above its bar


CHART_W, CHART_H, CHART_AXIS, CHART_TOP = 720, 180, 22, 18
MAX_BAR = 56


def month_span(months: Iterable[str]) -> tuple[str, ...]:
    """Every 'YYYY-MM' from the earliest to the latest given, inclusive."""
    months = sorted(months)
    if not months:
        return ()
    y, m = map(int, months[0].split("-"))
    end = tuple(map(int, months[-1].split("-")))
    out = []
    while (y, m) <= end:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return tuple(out)


def build_bar_chart(counts: Counter, span: tuple[str, ...], month_urls: dict[str, str]) -> BarChart:
    """Articles per month over `span`; bars link to the month's archive page.

    Up to 24 months: a label under every bar and the count above it; more:
    the year under each January (and under the first bar).
    """
    most = max((counts[m] for m in span), default=0)
    baseline = CHART_H - CHART_AXIS
    plot_h = baseline - CHART_TOP
    step = CHART_W / max(1, len(span))
    width = round(min(MAX_BAR, max(1.0, step * 0.8)), 1)
    few = len(span) <= 24
    bars, ticks = [], []
    for i, month in enumerate(span):
        n = counts[month]
        h = round(plot_h * n / most, 1) if most else 0.0
        bar = Bar(round(i * step + (step - width) / 2, 1), round(baseline - h, 1), width, h,
                  date_label(month), n, month_urls.get(month) if n else None)
        bars.append(bar)
        if few:
            label = f"{int(month[5:])}月" if len(span) <= 12 or month[5:] != "01" else month[:4]
            if len(span) > 12 and i == 0:
                label = month[:4]
            ticks.append((bar.cx, label))
        elif i == 0 or month.endswith("-01"):
            ticks.append((bar.cx, month[:4]))
    if few and len(span) > 12:            # every other month, years always
        ticks = [t for i, t in enumerate(ticks) if i % 2 == 0 or not t[1].endswith("月")]
    return BarChart(CHART_W, CHART_H, baseline, tuple(bars), tuple(ticks), most,
                    few and most > 0)


# ---------------------------------------------------------------- topics, people

def newest_first(article: "Article"):
    return article.newest_key


@dataclass(frozen=True)
class Topic:
    name: str
    slug: str
    url: str
    count: int
    articles: tuple        # newest first
    chart: BarChart


def build_topics(articles: Iterable["Article"], span: tuple[str, ...],
                 month_urls: dict[str, str]) -> tuple[Topic, ...]:
    """Topics by article count (then name); each with its articles per month."""
    members = defaultdict(list)
    for a in articles:
        for t in dict.fromkeys(a.topics):
            members[t].append(a)
    slugs = assign_slugs(((t, ascii_slug(t)) for t in sorted(members)), reserved={"index"})
    topics = []
    for name in sorted(members, key=lambda t: (-len(members[t]), t)):
        arts = sorted(members[name], key=newest_first)
        chart = build_bar_chart(Counter(a.month for a in arts if a.month), span, month_urls)
        topics.append(Topic(name, slugs[name], topic_url(slugs[name]), len(arts), tuple(arts), chart))
    return tuple(topics)


ROLE_LABELS = {"reporters": "记者", "correspondents": "通讯员",
               "photographers": "摄影", "authors": "作者"}
INDEXED_ROLES = ("reporters", "photographers")


@dataclass(frozen=True)
class Credit:
    article: object        # Article
    roles: tuple[str, ...]  # '记者', '摄影'


@dataclass(frozen=True)
class Person:
    name: str
    slug: str
    url: str
    roles: tuple[tuple[str, int], ...]   # ('记者', 12), ('摄影', 3)
    credits: tuple[Credit, ...]          # newest first

    @property
    def initial(self) -> str:
        """The index letter: first letter of the slug's pinyin, or '#'."""
        first = self.slug[:1].upper()
        return first if first.isalpha() else "#"


def build_people(articles: Iterable["Article"]) -> tuple[Person, ...]:
    """Reporters and photographers with their articles, sorted by name's pinyin."""
    roles = defaultdict(lambda: defaultdict(list))   # name → article id → roles
    by_id = {}
    for a in articles:
        by_id[a.id] = a
        for field in INDEXED_ROLES:
            for name in getattr(a, field):
                roles[name][a.id].append(ROLE_LABELS[field])
    slugs = assign_slugs(((n, person_slug(n)) for n in sorted(roles)), reserved={"index"})
    people = []
    for name in sorted(roles, key=lambda n: (slugs[n], n)):
        credits = sorted((Credit(by_id[i], tuple(r)) for i, r in roles[name].items()),
                         key=lambda c: newest_first(c.article))
        tally = Counter(r for c in credits for r in c.roles)
        people.append(Person(name, slugs[name], person_url(slugs[name]),
                             tuple((label, tally[label]) for label in ROLE_LABELS.values() if tally[label]),
                             tuple(credits)))
    return tuple(people)


# ---------------------------------------------------------------- related articles

RELATED = 5
_COMMON = 200     # a keyword shared by more articles than this tells little


def build_related(articles: Iterable["Article"]) -> dict[str, tuple[str, ...]]:
    """Article id → ids of up to RELATED others sharing keywords, region or topics.

    Scores: 3 per shared keyword, 3 same county, 2 same city, 1 same province
    (not 全国), 1 per shared topic; ties go to the nearer date, then id.
    Only articles sharing a keyword or a place below province level are
    candidates, so the cost stays linear in practice.
    """
    articles = list(articles)
    by_id = {a.id: a for a in articles}
    postings = defaultdict(list)
    for a in articles:
        for k in dict.fromkeys(a.keywords):
            postings[("k", k)].append(a.id)
        for key in a.region_keys[1:]:
            postings[("r", key)].append(a.id)
    related = {}
    for a in articles:
        score = Counter()
        for k in dict.fromkeys(a.keywords):
            hits = postings[("k", k)]
            if len(hits) <= _COMMON:
                score.update(dict.fromkeys(hits, 3))
        for key in a.region_keys[1:]:
            hits = postings[("r", key)]
            if len(hits) <= _COMMON:
                score.update(hits)       # city: 2 in all with the province bonus below
        score.pop(a.id, None)
        topics = set(a.topics)
        own_province = a.province if a.province and a.province != NATIONAL else None
        most_bonus = len(topics) + (1 if own_province else 0)
        ranked, top = [], []          # top: min-heap of the best RELATED full scores
        for bid, s in sorted(score.items(), key=lambda kv: -kv[1]):
            if len(top) == RELATED and s + most_bonus < top[0]:
                break                 # neither this nor any later candidate can get in
            b = by_id[bid]
            s += len(topics.intersection(b.topics)) + (1 if own_province and b.province == own_province else 0)
            ranked.append((-s, abs(a.ordinal - b.ordinal), bid))
            heapq.heappush(top, s)
            if len(top) > RELATED:
                heapq.heappop(top)
        ranked.sort()
        related[a.id] = tuple(bid for *_, bid in ranked[:RELATED])
    return related
