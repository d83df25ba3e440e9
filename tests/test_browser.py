"""The built site in headless Chromium, as a reader would use it.

The demo site (the bundled sample pages, ingested and rendered by build.py)
is opened over http:// (a server on 127.0.0.1 that the tests start and stop)
and from file://, at phone (390×844) and desktop (1366×900) sizes. Two walks
are made by clicking links, never by typing URLs:

- home → year archive → issue → page → article
- home → region (a tile of the map) → article

Every landing page is checked for its <title>, its one <h1> and its
breadcrumb, for the absence of console errors and failed requests, and for
not being wider than the window; a full-page screenshot of each is kept in
test-artifacts/screenshots/ (git-ignored; CI keeps it as an artefact).
axe-core (from Lighthouse's node_modules) checks each kind of page for WCAG
2 A/AA problems in the light and the dark colour scheme; Lighthouse itself
only sees the light one.

Needs Debian's chromium and the Python playwright package (and `npm ci` for
axe-core): `bash .ci/install-browser-tools.sh`. Without them the tests skip,
except under CI, where they fail.
"""
from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from browsertools import ARTIFACTS, CHROME_ARGS, PROJECT, build_site, missing, need_chromium, serve
from sitefixture import write_content

SHOTS = ARTIFACTS / "screenshots"
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {
    "phone": dict(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                  device_scale_factor=2),
    "desktop": dict(viewport={"width": 1366, "height": 900}, device_scale_factor=1),
}
SEP = " · "          # between a page's own title and the site title in <title>
CRUMBS = "当前位置"   # the breadcrumb navigation's accessible name


# ------------------------------------------------------------------ fixtures

@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    return build_site(tmp_path_factory.mktemp("browser-site"))


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The site of tests/sitefixture.py's articles: full dates and page
    numbers (the samples have neither), and hostile markup in the content."""
    base = tmp_path_factory.mktemp("browser-fixture")
    write_content(base / "content")
    done = subprocess.run([sys.executable, str(PROJECT / "build.py"), "--quiet", "render",
                           "--content", str(base / "content"), "--site", str(base / "site")],
                          cwd=base, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return base / "site"


@pytest.fixture(scope="session")
def browser():
    chromium = need_chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the Python package playwright")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=CHROME_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def http_root(site):
    with serve(site) as url:
        yield url


@pytest.fixture(params=["http", "file"])
def root(request, site) -> tuple[str, str]:
    """(scheme, URL of the site's folder) for each way of opening the site."""
    if request.param == "http":
        return "http", request.getfixturevalue("http_root")
    return "file", site.as_uri() + "/"


@dataclass
class Tab:
    """One browser page with the problems it reported."""
    page: object
    errors: list = field(default_factory=list)

    def listen(self):
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"script error: {e}"))
        # net::ERR_ABORTED: a request (the favicon, say) cut off by the next navigation
        self.page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED" and
                     self.errors.append(f"request failed: {r.url} ({r.failure})"))
        self.page.on("response", lambda r: r.status >= 400 and self.errors.append(f"HTTP {r.status}: {r.url}"))
        self.page.on("dialog", self._dialog)
        return self

    def _dialog(self, dialog):
        # alert() from content that slipped through escaping
        self.errors.append(f"{dialog.type} dialog: {dialog.message}")
        dialog.dismiss()


def open_tab(browser, viewport: str, color_scheme: str = "light") -> Tab:
    context = browser.new_context(locale="zh-CN", color_scheme=color_scheme,
                                  **VIEWPORTS[viewport])
    return Tab(context.new_page()).listen()


# ------------------------------------------------------------------- walking

class Walk:
    """Clicks through the site, checking and photographing each landing."""

    def __init__(self, tab: Tab, name: str):
        self.tab, self.page, self.name, self.step = tab, tab.page, name, 0
        self.site_title = None
        SHOTS.mkdir(parents=True, exist_ok=True)

    def start(self, url: str):
        self.page.goto(url)
        self.site_title = self.page.locator("header .site-title").inner_text().strip()
        assert self.site_title, "the site header names no site"
        self.land("home", h1=self.site_title, title="首页", crumbs=None)

    def click(self, link) -> str:
        """Click a link (a Locator) and wait for the next page; returns its text."""
        assert link.count() > 0, f"{self.page.url}: no link to click ({link})"
        link = link.first
        text = (link.get_attribute("aria-label") or link.inner_text()).strip()
        before = self.page.url
        link.click()
        self.page.wait_for_url(lambda url: url != before)
        self.page.wait_for_load_state("load")
        return text

    def land(self, what: str, *, h1: str, title: str | None = None,
             crumbs: list[str] | None = None, current: str | None = None):
        """Check the page just reached: <title>, <h1>, breadcrumb; then shoot it.
        `crumbs`: texts of links the breadcrumb must hold, in order (None: the
        page has no breadcrumb); `current`: its last, unlinked item."""
        page, where = self.page, f"{self.name} → {what} ({self.page.url})"
        self.step += 1
        assert page.title() == f"{title or h1}{SEP}{self.site_title}", where
        headings = page.locator("h1")
        assert headings.count() == 1, f"{where}: {headings.count()} h1 elements"
        assert " ".join(headings.inner_text().split()) == " ".join(h1.split()), where
        trail = page.get_by_role("navigation", name=CRUMBS)
        if crumbs is None:
            assert trail.count() == 0, f"{where}: unexpected breadcrumb"
        else:
            assert trail.count() == 1, f"{where}: no breadcrumb"
            texts = [t.strip() for t in trail.get_by_role("link").all_inner_texts()]
            it = iter(texts)
            assert all(c in it for c in crumbs), f"{where}: breadcrumb {texts} lacks {crumbs}"
            here = trail.locator('[aria-current="page"]')
            assert here.count() == 1 and here.inner_text().strip() == (current or h1), where
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"{where}: page is {width[0]}px wide in a {width[1]}px window"
        assert page.evaluate("document.styleSheets.length") >= 1, f"{where}: no style sheet"
        page.screenshot(path=str(SHOTS / f"{self.name}-{self.step}-{what}.png"), full_page=True)
        assert not self.tab.errors, f"{where}: {self.tab.errors}"


def walk_by_date(tab: Tab, name: str, url: str):
    try:
        walk = Walk(tab, name)
        walk.start(url + "index.html")
        page = walk.page

        year = walk.click(page.get_by_role("region", name="按日期浏览").get_by_role("link"))
        assert re.fullmatch(r"\d{4}年", year), year
        walk.land("year", h1=year, crumbs=["往期"])

        issue = walk.click(page.locator("main ul.issues > li > a"))
        walk.land("issue", h1=issue, crumbs=["往期", year])

        label = walk.click(page.locator("main .page-summary h2 a"))
        walk.land("page", h1=f"{issue} {label}", crumbs=["往期", year, issue], current=label)

        title = walk.click(page.locator("main .page-articles h2 a"))
        walk.land("article", h1=title, crumbs=["往期", year, issue, label])
    finally:
        tab.page.context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_walk_home_date_issue_page_article(browser, root, viewport):
    scheme, url = root
    walk_by_date(open_tab(browser, viewport), f"{scheme}-{viewport}-by-date", url)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("scheme", ["http", "file"])
def test_walk_by_date_with_day_issues(browser, fixture_site, scheme, viewport):
    """The same walk on a site whose issues have days and numbered pages."""
    if scheme == "http":
        with serve(fixture_site) as url:
            walk_by_date(open_tab(browser, viewport), f"fixture-{scheme}-{viewport}-by-date", url)
    else:
        walk_by_date(open_tab(browser, viewport), f"fixture-{scheme}-{viewport}-by-date",
                     fixture_site.as_uri() + "/")


def test_content_runs_no_script(browser, fixture_site):
    """Articles whose title, kicker, byline, body and repair log hold
    <script>, onerror= and javascript: links show them as text: opening
    every article page (and following each body link) raises no dialog and
    no script error."""
    tab = open_tab(browser, "desktop")
    try:
        page = tab.page
        for article in sorted((fixture_site / "article").glob("*.html")):
            page.goto(article.as_uri())
            for link in page.locator(".story .body a").all():
                href = link.get_attribute("href") or ""
                assert not href.strip().lower().startswith("javascript:"), (article.name, href)
        assert not tab.errors, tab.errors
        evil = sorted((fixture_site / "article").glob("20190920-03-03*.html"))
        assert evil, "the fixture's hostile article is not in the site"
        page.goto(evil[0].as_uri())
        assert "<script>" in page.locator("h1").inner_text()
    finally:
        tab.page.context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_walk_home_region_article(browser, root, viewport):
    scheme, url = root
    tab = open_tab(browser, viewport)
    try:
        walk = Walk(tab, f"{scheme}-{viewport}-by-region")
        walk.start(url + "index.html")
        page = walk.page

        tiles = page.get_by_role("region", name="按地区浏览").get_by_role(
            "link", name=re.compile(r"：[1-9]\d*篇$"))
        label = walk.click(tiles)                  # e.g. 山西省：3篇
        region = label.split("：")[0]
        walk.land("region", h1=region, crumbs=["地区"])

        title = walk.click(page.locator("main ul.articles > li > a"))
        walk.land("article", h1=title, crumbs=[])
        assert page.locator(".story-footer").get_by_role("link", name=region).count() >= 1 or \
            region in page.locator(".story-footer").inner_text(), "the article does not name its region"
    finally:
        tab.page.context.close()


def test_skip_link_and_focus(browser, http_root):
    """The first Tab reaches the skip link, which moves focus into <main>."""
    tab = open_tab(browser, "desktop")
    try:
        page = tab.page
        page.goto(http_root + "index.html")
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.trim()")
        assert focused == "跳到正文"
        assert page.evaluate("document.activeElement.getBoundingClientRect().height") > 0, \
            "the skip link stays invisible when focused"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main"
        assert not tab.errors, tab.errors
    finally:
        tab.page.context.close()


# ---------------------------------------------------------------------- axe

def sample_pages(site: Path) -> dict[str, str]:
    """One page of each kind, as paths relative to the site folder."""
    def first(pattern: str) -> str:
        found = sorted(p for p in site.glob(pattern) if p.is_file())
        assert found, f"the site has no {pattern}"
        return found[0].relative_to(site).as_posix()
    return {
        "home": "index.html", "archive": "archive/index.html",
        "year": first("archive/[0-9]*/index.html"), "issue": first("issue/*/index.html"),
        "page": first("issue/*/*/index.html"), "article": first("article/*.html"),
        "regions": "region/index.html", "region": first("region/[a-z]*.html"),
        "topics": "topic/index.html", "people": "people/index.html", "404": "404.html",
    }


# WCAG 2 A/AA rules. One exception: axe counts the <title> tooltip inside each
# tile of the SVG map as visible text, so it reports every tile's name
# ("北京市：1篇", also the tooltip) as not containing the visible label
# "北京市：1篇 北京 1"; what shows is "北京 1", which the name does hold. So
# label-content-name-mismatch runs on everything but the tile map.
AXE_RUN = """async () => {
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
    const rule = 'label-content-name-mismatch';
    const all = await axe.run(document, {runOnly: {type: 'tag', values: tags},
        rules: {[rule]: {enabled: false}}, resultTypes: ['violations']});
    const label = await axe.run({include: [['html']], exclude: [['figure.tilemap svg']]},
        {runOnly: {type: 'rule', values: [rule]}, resultTypes: ['violations']});
    return all.violations.concat(label.violations);
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_wcag_violations(browser, site, http_root, scheme):
    if not AXE.is_file():
        missing("axe-core (node_modules/axe-core, from `npm ci`)")
    script = AXE.read_text(encoding="utf-8")
    tab = open_tab(browser, "phone", color_scheme=scheme)
    problems = []
    try:
        page = tab.page
        for kind, path in sample_pages(site).items():
            page.goto(http_root + path)
            page.add_script_tag(content=script)
            result = page.evaluate(AXE_RUN)
            for v in result:
                nodes = "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
                                  for n in v["nodes"][:3])
                problems.append(f"{kind} ({path}): {v['id']} ×{len(v['nodes'])}: {v['help']} [{nodes}]")
        if scheme == "dark":
            page.goto(http_root + "index.html")
            page.screenshot(path=str(SHOTS / "http-phone-dark-home.png"), full_page=True)
    finally:
        tab.page.context.close()
    assert not problems, "\n".join(problems)
