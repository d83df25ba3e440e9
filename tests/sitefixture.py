"""Small content trees for the site tests, written with frontmatter.dumps."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from backissues import frontmatter

EVIL = '<script>alert("x")</script>'


def article(**meta) -> dict:
    body = meta.pop("body", "正文第一段。\n\n正文第二段。")
    return {"meta": meta, "body": body}


ARTICLES = {
    "2019/09/20/03-01.md": article(
        id="20190920-03-01", title="太原市总开展厂务公开民主管理“互观互鉴”活动",
        subtitle="实施6年，一批创新成果脱颖而出", type="news", date="2019-09-20", page=3,
        source="000_925052eddf53c088.txt", dateline="本报讯", reporters=["刘建林"],
        correspondents=["王雨茜", "贺芳芳"], province="山西省", city="太原市",
        topics=["民主管理"], keywords=["厂务公开", "职代会"], sections=["“观”中学经验"],
        repairs=["joined: 据了解 + 厂务公开", "replaced ' and ' with 和"], continued_on=4,
        body="**本报讯**（通讯员王雨茜 贺芳芳 记者刘建林）线材小区钢管公司职工每天上下班。\n\n"
             "## “观”中学经验\n\n在日前举行的太原市总工会厂务公开民主管理工作活动中。"),
    "2019/09/20/03-02.md": article(
        id="20190920-03-02", title=None, type="photo", date="2019-09-20", page=3,
        source="000_925052eddf53c088.txt", photographers=["胡晨欢"], agency="新华社",
        province="江西省", city="赣州市", county="章贡区", topics=["职工文化生活"],
        keywords=["书屋"], body="9月19日，市民在一间城市书屋内阅读。\n\n新华社记者胡晨欢摄"),
    "2019/09/20/03-03.md": article(
        id="20190920-03-03", title=f"标题{EVIL}", kicker="引题&<b>粗</b>", type="brief",
        date="2019-09-20", page=3, source="000_925052eddf53c088.txt",
        reporters=[f"记者{EVIL}"], province="山西省", city="太原市", county="小店区",
        topics=["民主管理", "帮扶救助"], keywords=["职代会"],
        repairs=[f"removed duplicate: {EVIL}"],
        body=f"正文里有{EVIL}和<img src=x onerror=alert(1)>。\n\n"
             "[点我](javascript:alert(1)) <http://example.com/> ![图](javascript:x)"),
    "2019/09/20/03-04.md": article(
        id="20190920-03-04", title=None, type="fragment", date="2019-09-20", page=3,
        source="000_925052eddf53c088.txt", body="代表深入一线与职工交心。”"),
    "2019/09/20/04-01.md": article(
        id="20190920-04-01", title="全国能源化学地质系统举办", kicker="庆祝新中国成立70周年",
        subtitle="“中国梦·劳动美”系列主题文化活动", type="feature", date="2019-09-20", page=4,
        source="001_e80f7a4e58440405.txt", reporters=["郝赫"], province="全国",
        topics=["职工文化生活"], continued_from="20190920-03-01",
        body="任何时期，我们干工作都要有革命精神。\n\n## 小标题\n\n第二节。"),
    "2019/09/21/01-01.md": article(
        id="20190921-01-01", title="江苏困难职工解困脱困", type="news", date="2019-09-21",
        page=1, source="002_2346e4344e25976a.txt", reporters=["刘建林", "张三"],
        province="江苏", city="南京市", topics=["帮扶救助"], keywords=["解困脱困"]),
    "2019/10/08/02-01.md": article(
        id="20191008-02-01", title="陕西劳模工匠", type="news", date="2019-10-08",
        page=2, source="003_0409960353e6a103.txt", reporters=["张伟"], photographers=["章伟"],
        province="陕西省", city="西安市", topics=["劳模工匠"], date_inferred=True),
    "2019/004_43121081a4cdb8e4-01.md": article(
        id="004_43121081a4cdb8e4-01", title="只知道年份的文章", type="commentary", date="2019",
        page=None, source="004_43121081a4cdb8e4.txt", authors=["李四"], topics=["思想政治引领"]),
    "2019/09/004_43121081a4cdb8e5-01.md": article(
        id="004_43121081a4cdb8e5-01", title="只知道月份的文章", type="news", date="2019-09",
        page=None, source="004_43121081a4cdb8e5.txt", province="山西省"),
}


def write_content(root: Path, articles: dict | None = None) -> Path:
    """Write the fixture articles (or the given ones) under root; returns root."""
    for rel, spec in (ARTICLES if articles is None else articles).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(frontmatter.dumps(spec["meta"], spec["body"]), encoding="utf-8")
    return root


# ---------------------------------------------------------------- link check

class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "xlink:href") and value is not None:
                self.refs.append(value)
            elif name == "id" and value:
                self.ids.add(value)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(site: Path) -> list[str]:
    """Every internal href/src in the site's HTML that does not resolve to a
    file (or to an id in it, for #fragments); also flags root-absolute links
    and links to bare directories, which break under file://."""
    problems, parsed = [], {}
    for page in sorted(site.rglob("*.html")):
        links = parsed.setdefault(page, _parse(page))
        for ref in links.refs:
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc:
                if parts.scheme not in ("http", "https", "mailto", "data"):
                    problems.append(f"{page.relative_to(site)}: odd link {ref}")
                continue
            where = page.relative_to(site).as_posix()
            if ref.startswith("/"):
                problems.append(f"{where}: root-absolute link {ref}")
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if parts.path and (parts.path.endswith("/") or target.is_dir()):
                problems.append(f"{where}: link to a directory {ref}")
            elif not target.is_file():
                problems.append(f"{where}: broken link {ref}")
            elif parts.fragment and target.suffix == ".html":
                ids = parsed.setdefault(target, _parse(target)).ids
                if parts.fragment not in ids:
                    problems.append(f"{where}: missing fragment {ref}")
    return problems
