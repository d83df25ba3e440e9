"""Bylines, datelines, photo credits and agencies read from an article's own text.

Only the stable interface is pinned here: `read_byline(paragraphs, bylines,
credits)` and `names_by_role(text)`. A case that fails because of a known bug
is marked xfail(strict=True) with the reason, so the fix is noticed.
"""
from __future__ import annotations

import pytest

from backissues.metadata import article_type, names_by_role, read_byline

ROLES = ("reporters", "correspondents", "photographers", "authors")


def people(byline) -> dict:
    return {role: list(getattr(byline, role)) for role in ROLES if getattr(byline, role)}


# -- bylines in brackets after the dateline ------------------------------------------------

@pytest.mark.parametrize("first, expected", [
    ("本报讯（记者李丹青 通讯员王小明 张大伟）这个活动让我们",
     {"reporters": ["李丹青"], "correspondents": ["王小明", "张大伟"]}),
    ("本报讯（通讯员王雨茜 贺芳芳 记者刘建林）线材小区钢管公司职工每天",
     {"correspondents": ["王雨茜", "贺芳芳"], "reporters": ["刘建林"]}),
    ("**本报讯**（通讯员王雨茜 贺芳芳 记者刘建林）线材小区钢管公司职工每天",
     {"correspondents": ["王雨茜", "贺芳芳"], "reporters": ["刘建林"]}),
    ("本报讯 (记者李丹青 邹偶然)“这个活动让我们工会干部", {"reporters": ["李丹青", "邹偶然"]}),
    ("本报讯（记者马学礼 通讯员胡相宁 顾娟）“工会干部和志愿者",
     {"reporters": ["马学礼"], "correspondents": ["胡相宁", "顾娟"]}),
    ("本报讯（本报记者彭冰 柳姗姗 本报通讯员曲晓光）活动中，辽源市总",
     {"reporters": ["彭冰", "柳姗姗"], "correspondents": ["曲晓光"]}),
    ("【本报讯】（记者刘旭 通讯员胡沙沙）锦州市总工会", {"reporters": ["刘旭"], "correspondents": ["胡沙沙"]}),
])
def test_bracket_byline_after_dateline(first, expected):
    byline = read_byline([first, "第二段。"], [], [])
    assert byline.dateline == "本报讯"
    assert people(byline) == expected
    assert byline.agency is None


def test_unlabelled_name_in_bracket_byline_is_an_author():
    # was a bug: the name before the first role word was dropped; gold 003 a01 lists 顾威 under authors
    byline = read_byline(["本报讯 (顾威 记者刘旭)辽宁工青妇组织改革步伐日渐加快。"], [], [])
    assert people(byline) == {"reporters": ["刘旭"], "authors": ["顾威"]}


def test_bracket_without_role_words_gives_authors():
    byline = read_byline(["本报讯（张文 李明）12月22日，中铁电气化局"], [], [])
    assert people(byline) == {"authors": ["张文", "李明"]}


def test_xinhua_dateline_gives_agency_and_reporter():
    byline = read_byline(["新华社北京3月1日电（记者张晓松）国家主席"], [], [])
    assert byline.dateline == "新华社" and byline.agency == "新华社"
    assert people(byline) == {"reporters": ["张晓松"]}


def test_a_dateline_under_a_pull_quote_still_gives_the_byline():
    byline = read_byline(["中华民族历史上经历过很多磨难，但从来没有被压垮过。",
                          "新华社北京2月23日电（记者张晓松）统筹推进疫情防控工作部署会议23日召开。"], [], [])
    assert byline.dateline == "新华社" and people(byline) == {"reporters": ["张晓松"]}


def test_a_dateline_further_down_is_a_quoted_report_not_the_byline():
    byline = read_byline(["在辽宁省锦州七里河的管委会办公楼。", "园区工会干部多是兼职。",
                          "新华社北京2月23日电（记者张晓松）会议召开。"], [], [])
    assert byline.dateline is None and people(byline) == {}


def test_no_dateline_no_byline():
    byline = read_byline(["在辽宁省锦州七里河的管委会办公楼。"], [], [])
    assert byline.dateline is None and people(byline) == {} and byline.agency is None


# -- standalone byline lines ------------------------------------------------------------

@pytest.mark.parametrize("line, expected", [
    ("本报记者 刘旭 本报通讯员 胡沙沙", {"reporters": ["刘旭"], "correspondents": ["胡沙沙"]}),
    ("本报记者  方  圆", {"reporters": ["方圆"]}),
    ("本报记者 方 圆 本报通讯员 胡沙沙", {"reporters": ["方圆"], "correspondents": ["胡沙沙"]}),
    ("本报记者 彭冰 柳姗姗", {"reporters": ["彭冰", "柳姗姗"]}),
    ("本报记者 刘旭、吴铎思", {"reporters": ["刘旭", "吴铎思"]}),
])
def test_standalone_byline(line, expected):
    byline = read_byline(["在辽宁省锦州七里河的管委会办公楼。"], [line], [])
    assert people(byline) == expected


@pytest.mark.parametrize("text, expected", [
    ("通讯员王雨茜 贺芳芳 记者刘建林", {"correspondents": ["王雨茜", "贺芳芳"], "reporters": ["刘建林"]}),
    ("本报记者 刘旭 本报通讯员 胡沙沙", {"reporters": ["刘旭"], "correspondents": ["胡沙沙"]}),
    ("本报记者  方  圆", {"reporters": ["方圆"]}),
    ("记者欧阳晓明", {"reporters": ["欧阳晓明"]}),
])
def test_names_by_role(text, expected):
    assert names_by_role(text) == expected


def test_names_by_role_puts_names_before_any_role_word_under_lead_role():
    assert names_by_role("顾威 记者刘旭") == {"reporters": ["刘旭"]}
    assert names_by_role("顾威 记者刘旭", lead_role="authors") == {"authors": ["顾威"], "reporters": ["刘旭"]}


# -- trailing author in brackets ----------------------------------------------------------

@pytest.mark.parametrize("last, expected", [
    ("已取得小创造2项，小革新4项。（张文）", ["张文"]),
    ("已取得小创造2项,小革新4项。(张文)", ["张文"]),
    ("真正把实事办到了职工的心坎上。（霍希标 时培林）", ["霍希标", "时培林"]),
    ("真正把实事办到了职工的心坎上。（霍希标、时培林）", ["霍希标", "时培林"]),
    ("发放录取通知书6份。(沈正昊)", ["沈正昊"]),
    ("一名登山者的记录。（高峰）", ["高峰"]),              # a word, but jieba lists it as a name
])
def test_trailing_bracket_names_are_authors(last, expected):
    byline = read_byline(["本报讯 12月22日，中铁电气化局举办成果展。", last], [], [])
    assert byline.dateline == "本报讯"
    assert people(byline) == {"authors": expected}


# was a bug: any 2-5 character bracket ending the last paragraph was taken as an author
@pytest.mark.parametrize("last", ["这是故事的上半部分。（待续）", "全文有删节。（本文有删节）",
                                  "会议通过了实施方案（试行）", "故事的开头。（上）", "全文完。（完）",
                                  "小说的一段。（节选）", "讲话有删改。（有删节）", "见下图。（图片）",
                                  "具体如下。（说明）", "摘自报道。（据新华社）", "结束。（记者张三）",
                                  "三人同行。（张文 说明）"])
def test_editorial_bracket_at_the_end_is_not_an_author(last):
    byline = read_byline(["第一段。", last], [], [])
    assert byline.authors == ()


def test_trailing_signature_counts_beside_a_bracket_byline():
    # was a bug: the signature was ignored once the dateline's bracket named someone
    byline = read_byline(["本报讯（记者刘旭）辽宁工青妇组织改革。", "小革新4项。（张文）"], [], [])
    assert people(byline) == {"reporters": ["刘旭"], "authors": ["张文"]}


def test_trailing_signature_of_a_credited_reporter_is_not_repeated_as_author():
    byline = read_byline(["本报讯（记者刘旭）辽宁工青妇组织改革。", "小革新4项。（刘旭）"], [], [])
    assert people(byline) == {"reporters": ["刘旭"]}


# -- photo credits ------------------------------------------------------------------------

@pytest.mark.parametrize("credits, photographers, agency", [
    (["新华社记者胡晨欢摄"], ["胡晨欢"], "新华社"),
    (["毕兴世 摄", "视觉中国"], ["毕兴世"], "视觉中国"),
    (["本报记者 王伟伟 摄"], ["王伟伟"], None),
    (["邱海鹰 唐艺娟 摄"], ["邱海鹰", "唐艺娟"], None),
    (["本报通讯员 邱海鹰 唐艺娟 摄"], ["邱海鹰", "唐艺娟"], None),
])
def test_photo_credits(credits, photographers, agency):
    byline = read_byline(["3月16日，几位农民在比赛平整秧田。"], [], credits)
    assert list(byline.photographers) == photographers
    assert byline.agency == agency
    assert not byline.reporters and not byline.correspondents


def test_photo_credit_with_two_roles():
    # was a bug until 7ed345d: the second role word was taken as a name
    byline = read_byline(["职工群众送去医疗服务。"], [], ["本报记者 吴铎思 本报通讯员 王举南 刘廷福 摄"])
    assert list(byline.photographers) == ["吴铎思", "王举南", "刘廷福"]


def test_names_are_not_repeated():
    byline = read_byline(["本报讯（记者刘旭）辽宁。"], ["本报记者 刘旭"], [])
    assert list(byline.reporters) == ["刘旭"]


def test_compiled_by_is_not_part_of_the_name():
    assert names_by_role("本报记者\u00a0\u00a0王云娜整理") == {"reporters": ["王云娜"]}


# -- article_type -------------------------------------------------------------------

@pytest.mark.parametrize("credit", ["王海燕摄（影像中国）", "本报记者 王伟伟 摄", "新华社记者 胡晨欢摄影报道"])
def test_a_short_caption_with_a_photographers_credit_is_a_photo(credit):
    caption = ["2月9日，武汉市金银潭医院职工在忙着腾床位，准备收治更多患者。"]
    assert article_type("图片报道", caption, [], [credit], read_byline(caption, [], [credit])) == "photo"


def test_a_credit_run_on_at_the_end_of_a_caption_makes_a_photo():
    caption = ["3月16日，农民在比赛平整秧田。 本报通讯员 邱海鹰 唐艺娟 摄"]
    assert article_type("农耕技能大比拼", caption, [], [], read_byline(caption, [], [])) == "photo"


def test_a_report_with_a_dateline_and_a_photo_is_news_not_a_photo():
    body = ["本报讯（记者刘旭）" + "市总工会开展送温暖活动，慰问困难职工。" * 30]
    credit = ["王海燕摄（影像中国）"]
    assert article_type("市总工会送温暖", body, [], credit, read_byline(body, [], credit)) == "news"
