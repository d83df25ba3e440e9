"""End to end: content → site files; escaping, relative links, determinism,
incremental writes, theme override, refused files, feed/sitemap, serve, CLI."""
import os
import subprocess
import sys
import threading
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from backissues import cli
from backissues.render import MARKER, render_site
from backissues.serve import make_server
from sitefixture import ARTICLES, broken_links, write_content

PROJECT = Path(__file__).resolve().parent.parent


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("proj")
    content = write_content(base / "content")
    site = base / "site"
    assert render_site(content, site, None, progress=False) == 0
    return content, site


def read(site, rel):
    return (site / rel).read_text(encoding="utf-8")


def test_expected_files(built):
    _, site = built
    for rel in ["index.html", "404.html", "feed.xml", "robots.txt", "static/style.css",
                "archive/index.html", "archive/2019/index.html", "archive/2019/09/index.html",
                "issue/2019-09-20/index.html", "issue/2019-09-20/03/index.html",
                "issue/2019/004_43121081a4cdb8e4/index.html",
                "article/20190920-03-01.html", "region/index.html", "region/shanxi.html",
                "region/shanxi-taiyuanshi.html", "region/taiwan.html", "region/quanguo.html",
                "topic/index.html", "topic/minzhuguanli.html", "people/index.html",
                "people/liujianlin.html", "people/huchenhuan.html"]:
        assert (site / rel).is_file(), rel
    assert not (site / "sitemap.xml").exists()          # no base_url: no absolute URLs to list
    assert "Sitemap" not in read(site, "robots.txt")


def test_article_page(built):
    _, site = built
    html = read(site, "article/20190920-03-01.html")
    assert '<html lang="zh-CN">' in html and html.count("<h1>") == 1
    assert "<h1>太原市总开展厂务公开民主管理“互观互鉴”活动</h1>" in html
    assert '<p class="subtitle">实施6年，一批创新成果脱颖而出</p>' in html
    assert '记者 <a href="../people/liujianlin.html">刘建林</a>' in html
    assert "通讯员 王雨茜 贺芳芳" in html
    assert '<time datetime="2019-09-20">2019年9月20日</time>' in html
    assert '<a href="../issue/2019-09-20/04/index.html">下转第4版</a>' in html
    assert '<a href="../region/shanxi-taiyuanshi.html">太原市</a>' in html
    assert '<a href="../topic/minzhuguanli.html">民主管理</a>' in html
    assert "<details class=\"provenance\">" in html and "joined: 据了解 + 厂务公开" in html
    assert "刘建林. 太原市总开展厂务公开民主管理“互观互鉴”活动[N]. 工人日报, 2019-09-20(03)." in html
    assert 'rel="next"' in html and "相关文章" in html
    assert "<h2>“观”中学经验</h2>" in html
    assert 'name="description"' in html and 'name="viewport"' in html


def test_page_view_lists_articles_in_reading_order(built):
    _, site = built
    html = read(site, "issue/2019-09-20/03/index.html")
    order = [html.index(f"../../../article/20190920-03-0{n}.html") for n in (1, 2, 3, 4)]
    assert order == sorted(order)
    assert "（残篇）第3版" in html and "9月19日，市民在一间城市书屋内阅读。" in html
    assert '<span aria-current="page">第3版</span>' in html


def test_indexes_pages(built):
    _, site = built
    regions = read(site, "region/index.html")
    assert regions.count("<rect") >= 34 and 'aria-label="台湾省：0篇"' in regions
    assert 'aria-label="山西省：3篇"' in regions
    topics = read(site, "topic/index.html")
    assert "<svg" in topics and "2019年9月：7篇" in topics
    people = read(site, "people/index.html")
    assert "刘建林" in people and "记者 2" in people
    home = read(site, "index.html")
    for words in ["<dd>5</dd>", "<dd>6</dd>", "<dd>9</dd>", "按地区浏览", "按专题浏览", "最新各期"]:
        assert words in home


def test_every_page_has_one_h1_a_title_and_a_description(built):
    _, site = built
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert text.count("<h1") == 1, path
        assert text.count("<title>") >= 1 and '<meta name="description" content="' in text, path
        assert '<html lang="zh-CN">' in text and '<a class="skip" href="#main">' in text, path
        assert '<main id="main"' in text, path


def test_same_content_same_bytes_whatever_the_hash_seed(built, tmp_path):
    content, site = built
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, str(PROJECT / "build.py"), "render", "--quiet", "--content",
                        str(content), "--site", str(tmp_path / seed)], check=True, env=env, cwd=tmp_path)
    assert snapshot(tmp_path / "1") == snapshot(tmp_path / "2") == snapshot(site)


def test_no_search_placeholder(built):
    _, site = built
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "搜索" not in text and 'type="search"' not in text


def test_nothing_from_content_becomes_markup(built):
    _, site = built
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml"):
            text = path.read_text(encoding="utf-8")
            assert "<script" not in text, path
            assert "onerror=" not in text or "&lt;img" in text, path
            assert "javascript:" not in text.replace("(javascript:", ""), path
    article = read(site, "article/20190920-03-03.html")
    assert "&lt;script&gt;" in article and "<b>" not in article


def test_links_are_relative_and_resolve(built):
    _, site = built
    assert broken_links(site) == []
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert 'href="/' not in text and 'src="/' not in text


def test_feed_is_atom_with_newest_issue_date(built):
    _, site = built
    root = ET.fromstring((site / "feed.xml").read_bytes())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert root.find("a:updated", ns).text == "2019-10-08T00:00:00Z"
    entries = root.findall("a:entry", ns)
    assert len(entries) == 5
    assert entries[0].find("a:link", ns).get("href") == "issue/2019-10-08/index.html"
    assert all(e.find("a:id", ns).text.startswith("urn:uuid:") for e in entries)
    content = entries[2].find("a:content", ns).text      # 2019-09-20, as escaped HTML
    assert "&lt;script&gt;" in content and "<a href=" in content


def test_two_renders_are_byte_identical(built, tmp_path):
    content, site = built
    again = tmp_path / "again"
    assert render_site(content, again, None, progress=False) == 0
    assert snapshot(again) == snapshot(site)


def test_incremental_writes_and_stale_files(tmp_path, capsys):
    content = write_content(tmp_path / "content")
    site = tmp_path / "site"
    render_site(content, site, None, progress=False)
    (site / ".nojekyll").write_text("", encoding="utf-8")
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*.html")}
    assert render_site(content, site, None, progress=True) == 0
    assert "(0 written" in capsys.readouterr().err
    assert all(p.stat().st_mtime_ns == t for p, t in before.items())
    (content / "2019/10/08/02-01.md").unlink()
    assert render_site(content, site, None, progress=True) == 0
    err = capsys.readouterr().err
    assert "0 deleted" not in err
    assert not (site / "article/20191008-02-01.html").exists()
    assert not (site / "issue/2019-10-08").exists()
    assert not (site / "region/shaanxi-xianshi.html").exists()
    assert (site / "region/shaanxi.html").exists()          # every province keeps its page
    assert (site / ".nojekyll").exists() and (site / MARKER).exists()


def test_malformed_file_is_named_and_the_rest_rendered(tmp_path, capsys):
    content = write_content(tmp_path / "content")
    bad = content / "2019/09/20/05-01.md"
    bad.write_text("---\ntitle: [unclosed\n---\n\n正文\n", encoding="utf-8")
    worse = content / "2019/09/20/05-02.md"
    worse.write_text("---\nid: x\npage: 第五版\n---\n\n正文\n", encoding="utf-8")
    assert render_site(content, tmp_path / "site", None, progress=False) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2
    assert str(bad) in lines[0] and str(worse) in lines[1] and "page" in lines[1]
    assert (tmp_path / "site/article/20190920-03-01.html").exists()
    assert len(list((tmp_path / "site/article").iterdir())) == len(ARTICLES)


def test_theme_override(tmp_path):
    content = write_content(tmp_path / "content")
    theme = tmp_path / "mytheme"
    (theme / "static").mkdir(parents=True)
    (theme / "404.html").write_text(
        '{% extends "base.html" %}{% block title %}找不到{% endblock %}'
        "{% block main %}<h1>自定义的404</h1>{% endblock %}", encoding="utf-8")
    (theme / "static" / "style.css").write_text("body{color:red}", encoding="utf-8")
    (theme / "static" / "extra.txt").write_text("x", encoding="utf-8")
    site = tmp_path / "site"
    assert render_site(content, site, theme, progress=False) == 0
    assert "<h1>自定义的404</h1>" in read(site, "404.html")
    assert read(site, "static/style.css") == "body{color:red}"
    assert (site / "static/extra.txt").exists()
    assert "跳到正文" in read(site, "index.html")        # the rest comes from the default theme


def test_strict_undefined_in_templates(tmp_path, capsys):
    content = write_content(tmp_path / "content")
    theme = tmp_path / "mytheme"
    theme.mkdir()
    (theme / "404.html").write_text("{{ no_such_thing }}", encoding="utf-8")
    with pytest.raises(Exception, match="no_such_thing"):
        render_site(content, tmp_path / "site", theme, progress=False)


def test_base_url_adds_canonical_sitemap_and_absolute_404(tmp_path):
    content = write_content(tmp_path / "content")
    (tmp_path / "site.yml").write_text("title: 测试\nbase_url: https://example.org/ar\n", encoding="utf-8")
    site = tmp_path / "site"
    assert render_site(content, site, None, progress=False) == 0
    assert '<link rel="canonical" href="https://example.org/ar/archive/">' in read(site, "archive/index.html")
    assert '<link rel="canonical" href="https://example.org/ar/article/20190920-03-01.html">' in \
        read(site, "article/20190920-03-01.html")
    assert 'href="https://example.org/ar/static/style.css"' in read(site, "404.html")
    locs = [e.text for e in ET.fromstring((site / "sitemap.xml").read_bytes()).iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://example.org/ar/" in locs and "https://example.org/ar/issue/2019-09-20/03/" in locs
    assert all(l.startswith("https://example.org/ar/") for l in locs)
    assert not any("404" in l for l in locs)
    assert "Sitemap: https://example.org/ar/sitemap.xml" in read(site, "robots.txt")
    feed = read(site, "feed.xml")
    assert "<id>https://example.org/ar/issue/2019-10-08/</id>" in feed


def test_bad_site_yml_stops_before_writing(tmp_path, capsys):
    content = write_content(tmp_path / "content")
    (tmp_path / "site.yml").write_text("base_url: example.org\n", encoding="utf-8")
    assert render_site(content, tmp_path / "site", None, progress=False) == 2
    assert "site.yml" in capsys.readouterr().err
    assert not (tmp_path / "site").exists()


def test_refuses_to_clean_a_folder_it_did_not_make(tmp_path, capsys):
    content = write_content(tmp_path / "content")
    other = tmp_path / "precious"
    other.mkdir()
    (other / "notes.txt").write_text("keep me", encoding="utf-8")
    assert render_site(content, other, None, progress=False) == 2
    assert "refusing" in capsys.readouterr().err
    assert (other / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert render_site(tmp_path / "missing", tmp_path / "s", None, progress=False) == 2


def test_empty_content_renders_an_empty_site(tmp_path):
    (tmp_path / "content").mkdir()
    assert render_site(tmp_path / "content", tmp_path / "site", None, progress=False) == 0
    assert "存档中还没有文章" in read(tmp_path / "site", "index.html")
    assert broken_links(tmp_path / "site") == []


def test_cli_render(tmp_path):
    content = write_content(tmp_path / "content")
    assert cli.main(["render", "--quiet", "--content", str(content), "--site", str(tmp_path / "s")]) == 0
    assert (tmp_path / "s" / "index.html").exists()


def test_serve_binds_localhost_and_serves_404_page(built):
    _, site = built
    server = make_server(site, 0)
    assert server.server_address[0] == "127.0.0.1"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/article/20190920-03-01.html") as r:
            assert "刘建林" in r.read().decode("utf-8")
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/no/such/page.html")
        assert err.value.code == 404 and "页面不存在" in err.value.read().decode("utf-8")
    finally:
        server.shutdown()
        server.server_close()


def test_undated_articles_get_their_own_issue(tmp_path):
    content = write_content(tmp_path / "content", {
        "loose/a-01.md": {"meta": {"id": "loose-01", "title": "无日期文章", "source": "x.txt"}, "body": "正文"},
        "2020/02/01/01-01.md": {"meta": {"title": "有日期", "page": 1}, "body": "正文"}})
    site = tmp_path / "site"
    assert render_site(content, site, None, progress=False) == 0
    assert "无日期文章" in read(site, "issue/undated/x/index.html")
    assert "日期不详" in read(site, "archive/index.html")
    assert (site / "article/2020-02-01-01-01.html").exists()      # id from the path
    assert "2020年2月1日" in read(site, "article/2020-02-01-01-01.html")
    assert broken_links(site) == []
