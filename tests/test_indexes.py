"""Indexes: slugs, URL scheme, regions and the tile map, charts, people, related."""
import csv
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

from backissues import indexes as ix


def art(id, ordinal=0, province=None, city=None, county=None, topics=(), keywords=(),
        reporters=(), photographers=(), date="2019-09-20"):
    return SimpleNamespace(
        id=id, ordinal=ordinal, newest_key=(-ordinal,), province=province, city=city,
        county=county, region_keys=ix.region_keys(province, city, county), topics=tuple(topics),
        keywords=tuple(keywords), reporters=tuple(reporters), photographers=tuple(photographers),
        correspondents=(), authors=(), month=date[:7] if len(date) >= 7 else None)


def test_ascii_slug():
    assert ix.ascii_slug("太原市") == "taiyuanshi"
    assert ix.ascii_slug("000_925052eddf53c088-02") == "000_925052eddf53c088-02"
    assert ix.ascii_slug("A B/C.d") == "a-b-c-d"
    assert ix.ascii_slug("！？") == ""


def test_person_slug_reads_surnames_as_surnames():
    assert ix.person_slug("曾维") == "zengwei"
    assert ix.person_slug("单霁翔") == "shanjixiang"
    assert ix.person_slug("刘建林") == "liujianlin"
    assert ix.person_slug("曾") == "ceng"


def test_assign_slugs_collisions_are_hashed_and_order_free():
    pairs = [("张伟", "zhangwei"), ("章伟", "zhangwei"), ("刘建林", "liujianlin"), ("？", "")]
    one = ix.assign_slugs(pairs)
    two = ix.assign_slugs(reversed(pairs))
    assert one == two
    assert one["刘建林"] == "liujianlin"
    assert one["张伟"] != one["章伟"]
    assert one["张伟"].startswith("zhangwei-") and one["章伟"].startswith("zhangwei-")
    assert one["？"].startswith("x-")
    assert len(set(one.values())) == len(one)
    assert ix.assign_slugs([("index", "index")], reserved={"index"})["index"] != "index"


def test_paged_urls_cannot_clash_with_slugs():
    assert ix.paged("topic/minzhuguanli.html", 1) == "topic/minzhuguanli.html"
    assert ix.paged("topic/minzhuguanli.html", 3) == "topic/minzhuguanli.p3.html"
    assert "." not in ix.ascii_slug("a.p2")


def test_region_slugs_shanxi_and_shaanxi_differ():
    slugs = ix.region_slugs([("山西省",), ("陕西省",), ("山西省", "太原市"), ("全国",)])
    assert slugs[("山西省",)] == "shanxi"
    assert slugs[("陕西省",)] == "shaanxi"
    assert slugs[("山西省", "太原市")] == "shanxi-taiyuanshi"
    assert slugs[("全国",)] == "quanguo"


def test_same_county_name_in_two_cities_gets_two_pages():
    slugs = ix.region_slugs([("北京市", "北京市", "朝阳区"), ("吉林省", "长春市", "朝阳区")])
    assert len(set(slugs.values())) == 2


def test_provinces_are_the_34_units_with_official_names_and_distinct_tiles():
    names = [p[0] for p in ix.PROVINCES]
    assert len(names) == len(set(names)) == 34
    assert {"台湾省", "香港特别行政区", "澳门特别行政区"} <= set(names)
    table = Path(ix.__file__).parent / "data" / "adcodes.csv"
    with table.open(encoding="utf-8") as f:
        official = {row["name"] for row in csv.DictReader(f) if row["adcode"].endswith("0000000000")}
    assert set(names) <= official
    assert len({(p[3], p[4]) for p in ix.PROVINCES}) == 34
    assert len({p[2] for p in ix.PROVINCES}) == 34
    # rough geography: Xinjiang west of Shanghai, Heilongjiang north of Hainan
    pos = {p[1]: (p[3], p[4]) for p in ix.PROVINCES}
    assert pos["新疆"][0] < pos["上海"][0] and pos["黑龙江"][1] < pos["海南"][1]
    assert pos["澳门"][0] < pos["香港"][0]


def test_province_short_names_are_normalised():
    assert ix.province_name("山西") == "山西省"
    assert ix.province_name("全国") == "全国"
    assert ix.province_name(None) is None


def test_regions_tree_counts_and_all_provinces_present():
    arts = [art("a", 0, "山西省", "太原市", "小店区"), art("b", 1, "山西省", "太原市"),
            art("c", 2, "山西省"), art("d", 3, "全国"), art("e", 4)]
    roots = ix.build_regions(arts)
    assert roots[0].name == "全国"
    by_name = {r.name: r for r in roots}
    assert len(by_name) == 35
    shanxi = by_name["山西省"]
    assert shanxi.count == 3 and shanxi.url == "region/shanxi.html"
    taiyuan = shanxi.children[0]
    assert (taiyuan.name, taiyuan.count, taiyuan.level) == ("太原市", 2, "city")
    county = taiyuan.children[0]
    assert county.level == "county" and [l.text for l in county.trail] == ["山西省", "太原市"]
    assert [a.id for a in taiyuan.articles] == ["b", "a"]      # newest first
    assert by_name["西藏自治区"].count == 0


def test_tile_map_geometry_and_shading():
    arts = [art(str(i), i, "北京市") for i in range(10)] + [art("x", 11, "山西省")]
    tmap = ix.build_tile_map(ix.build_regions(arts))
    assert len(tmap.tiles) == 34
    tiles = {t.name: t for t in tmap.tiles}
    assert tiles["北京市"].level == 5 and tiles["山西省"].level == 1 and tiles["西藏自治区"].level == 0
    assert all(t.url.startswith("region/") for t in tmap.tiles)
    for t in tmap.tiles:
        assert 0 <= t.x and t.x + tmap.size <= tmap.width and 0 <= t.y and t.y + tmap.size <= tmap.height
    assert tmap.legend[0] == (0, "0篇") and tmap.legend[-1][0] == 5


def test_shade_level_bounds():
    assert ix.shade_level(0, 100) == 0
    assert ix.shade_level(1, 100) == 1
    assert ix.shade_level(100, 100) == 5
    assert ix.shade_level(1, 1) == 5
    assert [ix.shade_level(n, 1000) for n in (1, 10, 100, 1000)] == sorted(
        ix.shade_level(n, 1000) for n in (1, 10, 100, 1000))


def test_month_span_crosses_years():
    assert ix.month_span(["2019-11", "2020-02", "2019-12"]) == ("2019-11", "2019-12", "2020-01", "2020-02")
    assert ix.month_span([]) == ()


def test_bar_chart_geometry():
    span = ix.month_span(["2020-02", "2020-05"])
    chart = ix.build_bar_chart(Counter({"2020-02": 10, "2020-05": 5}), span, {"2020-02": "archive/2020/02/index.html"})
    assert len(chart.bars) == 4 and chart.most == 10
    feb, mar, _, may = chart.bars
    assert feb.y + feb.height == pytest.approx(chart.baseline)
    assert may.height == pytest.approx(feb.height / 2, abs=0.1)
    assert mar.count == 0 and mar.url is None
    assert feb.url == "archive/2020/02/index.html" and may.url is None
    assert feb.label == "2020年2月"
    assert all(b.x + b.width <= chart.width for b in chart.bars)
    assert [t[1] for t in chart.ticks] == ["2月", "3月", "4月", "5月"]


def test_bar_chart_over_years_ticks_years():
    span = ix.month_span(["2017-06", "2020-02"])
    chart = ix.build_bar_chart(Counter({"2018-01": 3}), span, {})
    assert [t[1] for t in chart.ticks] == ["2017", "2018", "2019", "2020"]
    assert not chart.show_counts and chart.bars[7].height > 0
    empty = ix.build_bar_chart(Counter(), span, {})
    assert empty.most == 0 and all(b.height == 0 for b in empty.bars) and not empty.show_counts


def test_bar_chart_up_to_two_years_labels_every_other_month_and_years():
    span = ix.month_span(["2019-06", "2020-08"])
    chart = ix.build_bar_chart(Counter({"2019-06": 1}), span, {})
    labels = [t[1] for t in chart.ticks]
    assert labels[0] == "2019" and "2020" in labels and "8月" in labels and "7月" not in labels
    assert chart.show_counts
    assert all(b.width <= ix.MAX_BAR for b in chart.bars)


def test_build_years_groups_partial_dates():
    Issue = SimpleNamespace
    issues = [Issue(date="2019", article_count=1), Issue(date="2019-09", article_count=2),
              Issue(date="2019-09-20", article_count=3), Issue(date="2020-01-02", article_count=4),
              Issue(date=None, article_count=5)]
    years = ix.build_years(issues)
    assert [y.year for y in years] == ["2019", "2020"]
    y2019 = years[0]
    assert y2019.issue_count == 3 and y2019.article_count == 6
    assert [m.month for m in y2019.months] == ["09"]
    assert len(y2019.months[0].issues) == 2 and y2019.year_issues[0].date == "2019"
    assert y2019.url == "archive/2019/index.html"
    assert y2019.months[0].url == "archive/2019/09/index.html"


def test_topics_sorted_by_count_with_charts():
    arts = [art("a", 0, topics=["民主管理"]), art("b", 1, topics=["民主管理", "帮扶救助"]),
            art("c", 2, topics=["帮扶救助", "帮扶救助"])]
    topics = ix.build_topics(arts, ("2019-09",), {})
    assert [(t.name, t.count) for t in topics] == [("帮扶救助", 2), ("民主管理", 2)]
    assert topics[1].url == "topic/minzhuguanli.html"
    assert [a.id for a in topics[0].articles] == ["c", "b"]
    assert topics[0].chart.bars[0].count == 2


def test_people_roles_and_homophones():
    arts = [art("a", 0, reporters=["张伟"]), art("b", 1, reporters=["张伟"], photographers=["张伟"]),
            art("c", 2, photographers=["章伟"])]
    people = {p.name: p for p in ix.build_people(arts)}
    zw = people["张伟"]
    assert zw.roles == (("记者", 2), ("摄影", 1))
    assert [c.article.id for c in zw.credits] == ["b", "a"]
    assert zw.credits[0].roles == ("记者", "摄影")
    assert zw.slug != people["章伟"].slug and zw.initial == "Z"


def test_related_prefers_shared_keywords_and_places():
    arts = [art("a", 0, "山西省", "太原市", keywords=["职代会"], topics=["民主管理"]),
            art("b", 1, "山西省", "太原市", keywords=["职代会"], topics=["民主管理"]),
            art("c", 2, "山西省", "大同市", keywords=["职代会"]),
            art("d", 3, "山西省", "太原市"),
            art("e", 4, "江苏省", "南京市", topics=["民主管理"])]
    related = ix.build_related(arts)
    assert related["a"][:3] == ("b", "c", "d")
    assert "a" not in related["a"] and "e" not in related["a"]
    assert related["e"] == ()
