"""The site model: config, field checks, body rendering, issues/pages, article views."""
import pytest

from backissues.frontmatter import ContentError, ContentFile
from backissues.site import (
    BodyRenderer, Config, ConfigError, build_site, citation, load_config, normalize,
    parse_config, read_content,
)
from sitefixture import ARTICLES, EVIL, write_content


def cf(path="2019/09/20/03-01.md", body="正文。", **meta):
    return ContentFile(path, meta, body)


def norm(**kw):
    return normalize(cf(**kw), "content/x.md", BodyRenderer())


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    root = write_content(tmp_path_factory.mktemp("content"))
    files, problems = read_content(root)
    assert problems == []
    site, refused = build_site(Config(base_url="https://example.org/archive/"), files, root)
    assert refused == []
    return site


# ---------------------------------------------------------------- config

def test_config_defaults_and_base_url_normalised():
    assert Config().base_url is None
    c = parse_config("title: 测试存档\nbase_url: https://example.org/archive\n")
    assert (c.title, c.base_url, c.paper) == ("测试存档", "https://example.org/archive/", "工人日报")


@pytest.mark.parametrize("text, words", [
    ("base_url: example.org\n", "base_url"),
    ("base_url: 'javascript:alert(1)'\n", "base_url"),
    ("titel: x\n", "unknown setting"),
    ("title: [1, 2]\n", "title"),
    ("- a\n", "mapping"),
    ("title: : :\n  - x", "YAML"),
])
def test_config_errors_name_the_file(text, words):
    with pytest.raises(ConfigError) as err:
        parse_config(text, "/x/site.yml")
    assert "/x/site.yml" in str(err.value) and words in str(err.value)


def test_site_yml_beside_the_content_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "proj" / "content").mkdir(parents=True)
    assert load_config(tmp_path / "proj" / "content") == Config()
    (tmp_path / "proj" / "site.yml").write_text("title: 档案\n", encoding="utf-8")
    assert load_config(tmp_path / "proj" / "content").title == "档案"


# ---------------------------------------------------------------- fields

def test_missing_fields_are_null_or_empty():
    r = norm()
    assert r["id"] == "2019-09-20-03-01"
    assert r["date"] == "2019-09-20"              # from the folders
    assert r["page"] is None and r["reporters"] == () and r["topics"] == ()
    assert r["display_title"] == "正文。" and r["type_label"] is None


def test_titles_of_fragments_and_photos():
    assert norm(type="fragment", page=3)["display_title"] == "（残篇）第3版"
    assert norm(type="fragment", source="p.txt")["display_title"] == "（残篇）版次不详（p.txt）"
    photo = norm(type="photo", body="9月19日，市民在一间城市书屋内阅读，打造“15分钟阅读圈”。\n\n新华社记者胡晨欢摄")
    assert photo["display_title"] == "9月19日，市民在一间城市书屋内阅读，打造“15…"
    assert norm(type="photo", body="")["display_title"] == "（无题）"
    assert norm(type="news", body="新华社北京5月30日电  日前，\u3000**塞尔维亚**")["display_title"] == \
        "新华社北京5月30日电 日前， 塞尔维亚"


def test_lenient_about_harmless_variants():
    r = norm(page="3", topics="民主管理", reporters=["刘建林", "刘建林", None, " "], province="山西")
    assert r["page"] == 3 and r["topics"] == ("民主管理",) and r["reporters"] == ("刘建林",)
    assert r["province"] == "山西省"
    assert norm(continued_on="4")["continued_on"] == 4
    assert norm(continued_on="20190920-04-01")["continued_on"] == "20190920-04-01"


@pytest.mark.parametrize("meta, field", [
    ({"page": "三"}, "page"),
    ({"page": 0}, "page"),
    ({"date": "2019-9-20"}, "date"),
    ({"date": "2019-13"}, "date"),
    ({"type": "photos"}, "type"),
    ({"reporters": {"a": 1}}, "reporters"),
    ({"reporters": [["a"]]}, "reporters"),
    ({"title": ["a"]}, "title"),
    ({"date_inferred": "yes"}, "date_inferred"),
])
def test_malformed_fields_name_file_and_field(meta, field):
    with pytest.raises(ContentError) as err:
        norm(**meta)
    assert str(err.value).startswith("content/x.md: ") and field in str(err.value)
    assert "\n" not in str(err.value)


def test_read_content_skips_malformed_files_with_one_line_messages(tmp_path):
    write_content(tmp_path, {k: ARTICLES[k] for k in list(ARTICLES)[:2]})
    (tmp_path / "2019" / "bad.md").write_text("no front matter here\n", encoding="utf-8")
    (tmp_path / "2019" / "README.md").write_text("# notes\n", encoding="utf-8")
    files, problems = read_content(tmp_path)
    assert len(files) == 2
    assert len(problems) == 1 and "bad.md" in problems[0] and "\n" not in problems[0]
    assert problems[0] == f"{tmp_path / '2019' / 'bad.md'}: no front matter (the file must start with a '---' line)"


def test_read_content_names_an_unreadable_file(tmp_path):
    write_content(tmp_path, {k: ARTICLES[k] for k in list(ARTICLES)[:1]})
    (tmp_path / "dir.md").mkdir()
    files, problems = read_content(tmp_path)
    assert len(files) == 1
    assert len(problems) == 1 and problems[0].startswith(f"{tmp_path / 'dir.md'}: ")


# ---------------------------------------------------------------- body

def test_body_cannot_inject_markup():
    html = BodyRenderer()(f"段落{EVIL}\n\n<div onclick=x>块</div>\n\n"
                          "[链接](javascript:alert(1)) <http://evil.example/> ![图](x.png) &amp; &")
    assert "<script" not in html and "<div" not in html and "<a" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&amp;amp;" in html


def test_body_markdown_subset():
    html = BodyRenderer()("# 大标题\n\n## 小标题\n\n**本报讯**（记者刘建林）正文\n\n    缩进不是代码")
    assert "<h1>" not in html and "<h2>大标题</h2>" in html and "<h2>小标题</h2>" in html
    assert "<strong>本报讯</strong>" in html and "<pre>" not in html


# ---------------------------------------------------------------- model

def test_issues_pages_and_reading_order(model):
    slugs = [i.slug for i in model.issues]
    assert slugs == ["2019", "2019-09", "2019-09-20", "2019-09-21", "2019-10-08"]
    issue = next(i for i in model.issues if i.slug == "2019-09-20")
    assert [p.label for p in issue.pages] == ["第3版", "第4版"]
    assert [a.id for a in issue.pages[0].articles] == [
        "20190920-03-01", "20190920-03-02", "20190920-03-03", "20190920-03-04"]
    assert issue.url == "issue/2019-09-20/index.html"
    assert issue.pages[0].url == "issue/2019-09-20/03/index.html"
    year_only = model.issues[0]
    assert year_only.pages[0].url == "issue/2019/004_43121081a4cdb8e4/index.html"
    assert year_only.pages[0].label == "版次不详（004_43121081a4cdb8e4.txt）"
    assert [i.slug for i in model.latest] == ["2019-10-08", "2019-09-21", "2019-09-20", "2019-09", "2019"]
    assert (model.stats.issues, model.stats.pages, model.stats.articles, model.stats.years) == (5, 6, 9, 1)


def test_natural_reading_order_and_pages_grouped_by_source(tmp_path):
    arts = {f"2019/09/20/03-{n}.md": {"meta": {"id": f"a{n}", "title": f"t{n}", "page": 3,
                                               "date": "2019-09-20"}, "body": "x"}
            for n in (1, 2, 10)}
    arts["2019/x-1.md"] = {"meta": {"id": "s1", "date": "2019", "source": "b.txt"}, "body": "x"}
    arts["2019/x-2.md"] = {"meta": {"id": "s2", "date": "2019", "source": "a.txt"}, "body": "x"}
    root = write_content(tmp_path, arts)
    site, _ = build_site(Config(), read_content(root)[0], root)
    page3 = site.issues[1].pages[0]
    assert [a.id for a in page3.articles] == ["a1", "a2", "a10"]
    assert [p.source for p in site.issues[0].pages] == ["a.txt", "b.txt"]


def test_article_view_links(model):
    views = {v.article.id: v for v in model.articles}
    first = views["20190920-03-01"]
    assert first.prev is None and first.next.id == "20190920-03-02"
    assert first.continued_on.text == "下转第4版"
    assert first.continued_on.url == "issue/2019-09-20/04/index.html"
    cont = views["20190920-04-01"].continued_from
    assert cont.url == "article/20190920-03-01.html" and cont.text.startswith("上接《太原市总")
    assert [l.text for l in first.regions] == ["山西省", "太原市"]
    assert [(r.label, [n.text for n in r.names]) for r in first.byline] == [
        ("记者", ["刘建林"]), ("通讯员", ["王雨茜", "贺芳芳"])]
    assert first.byline[0].names[0].url == "people/liujianlin.html"
    assert first.byline[1].names[0].url is None          # correspondents are not indexed
    assert "20190920-03-03" in [a.id for a in first.related]
    assert first.permalink == "https://example.org/archive/article/20190920-03-01.html"


def test_citation_gbt7714(model):
    views = {v.article.id: v for v in model.articles}
    a = views["20190920-03-01"].article
    assert citation(a, "工人日报", None) == \
        "刘建林. 太原市总开展厂务公开民主管理“互观互鉴”活动[N]. 工人日报, 2019-09-20(03)."
    assert views["20190920-03-01"].citation.endswith(
        "[N/OL]. 工人日报, 2019-09-20(03). https://example.org/archive/article/20190920-03-01.html")
    year_only = views["004_43121081a4cdb8e4-01"].article
    assert citation(year_only, "工人日报", None) == "李四. 只知道年份的文章[N]. 工人日报, 2019."


def test_duplicate_ids_are_refused(tmp_path):
    spec = {"meta": {"id": "same", "title": "t", "date": "2019-09-20", "page": 1}, "body": "x"}
    root = write_content(tmp_path, {"2019/09/20/01-01.md": spec, "2019/09/20/01-02.md": spec})
    site, refused = build_site(Config(), read_content(root)[0], root)
    assert site.stats.articles == 1
    assert len(refused) == 1 and "01-02.md" in refused[0] and "01-01.md" in refused[0]
