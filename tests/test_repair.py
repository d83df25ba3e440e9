"""Text repairs inside one piece of OCR text, each with a note for the repair log."""
from __future__ import annotations

import pytest

from backissues.repair import (clean_body, clean_heading, full_width_punct, join_wrapped_spaces,
                               replace_and, strip_markup)


# -- ' and ' for 和 ------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("更了解企业 and 职工所盼", "更了解企业和职工所盼"),
    ("“走下去” and 企业", "“走下去”和企业"),          # after closing punctuation
    ("企业  and  职工", "企业和职工"),                 # wider gaps
    ("企业 and职工", "企业和职工"),                    # one-sided gap
    ("党建 and 工建 and 团建", "党建和工建和团建"),
    ("企业\u00a0and\u00a0职工", "企业和职工"),       # no-break spaces, as a web page sets them
])
def test_and_between_chinese_becomes_he(text, expected):
    assert replace_and(text) == (expected, expected.count("和") - text.count("和"))


@pytest.mark.parametrize("text", [
    "rock and roll",
    "他喜欢 rock and roll 音乐",                        # English inside Chinese stays English
    "中国 and China",
    "Tom and Jerry 动画",
    "Grand中国",
    "中国Android系统",
    "中 AND 美",
])
def test_and_in_english_stays(text):
    assert replace_and(text) == (text, 0)


# -- spaces left by line wraps --------------------------------------------------------

@pytest.mark.parametrize("wrapped", [False, True])
def test_spaces_inside_chinese_are_removed(wrapped):
    text, n = join_wrapped_spaces("组织建设得更 有活力，锦州 大有、锦州汤河子", wrapped)
    assert text == "组织建设得更有活力，锦州大有、锦州汤河子" and n == 2


def test_spaces_between_english_words_stay():
    assert join_wrapped_spaces("Hello world 你好", True)[0] == "Hello world你好"
    assert join_wrapped_spaces("Hello world 你好", False) == ("Hello world 你好", 0)


def test_split_numbers_are_rejoined_only_on_wrapped_pages():
    assert join_wrapped_spaces("截至 2 015年底，共 3 000 人", True) == ("截至2015年底，共3000人", 5)
    # on a page without soft wraps, spaces next to digits are typography
    assert join_wrapped_spaces("截至 2 015年底", False) == ("截至 2 015年底", 0)
    assert join_wrapped_spaces("辽宁将建 100 个示范点", False) == ("辽宁将建 100 个示范点", 0)
    assert join_wrapped_spaces("辽宁将建 100 个示范点", True) == ("辽宁将建100个示范点", 2)


# -- punctuation width ------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("活动规定,100名区镇", "活动规定，100名区镇"),
    ("好吗?是的!", "好吗？是的！"),
    ("时间:上午;地点:车间", "时间：上午；地点：车间"),
    ("(记者李丹青 邹偶然)“这个", "（记者李丹青 邹偶然）“这个"),
    ("协同创新发展(2018—2020)实施方案", "协同创新发展（2018—2020）实施方案"),
    ("见附件(1)说明", "见附件（1）说明"),
    ("说明（见图1)", "说明（见图1）"),
    ("职工当好主力军,奋进新征程.", "职工当好主力军，奋进新征程。"),     # a full stop read as "."
    ("工作.今年起", "工作。今年起"),
    ("减轻一些压力. 利通区", "减轻一些压力。 利通区"),
    ("“早一点用上.”他说", "“早一点用上。”他说"),
    ("增长2.5%.全年", "增长2.5%。全年"),
    (".在中国困难的时候", "。在中国困难的时候"),                  # a piece cut after a sentence
])
def test_half_width_punctuation_in_chinese_becomes_full_width(text, expected):
    out, n = full_width_punct(text)
    assert out == expected
    assert n == sum(a != b for a, b in zip(text, expected))


@pytest.mark.parametrize("text", ["Hello, world", "3:30", "比例为1:2的", "see (a) and (b)", "v1.2 (beta)",
                                  "增长3.5个百分点", "登录www.gov.cn查询", "No.1车间", "1.加强组织领导", "……"])
def test_punctuation_outside_chinese_stays(text):
    assert full_width_punct(text) == (text, 0)


def test_brackets_never_end_up_mismatched():
    for text in ["发展(2018—2020)方案", "条款(1)(2)规定", "见(图1)和(表2)", "项目(一期)完成"]:
        out, _ = full_width_punct(text)
        assert out.count("(") == out.count(")") and out.count("（") == out.count("）"), out


# -- markup ------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("**本报讯**（记者刘旭）辽宁", "本报讯（记者刘旭）辽宁"),
    ("## 辽宁将建示范点", "辽宁将建示范点"),
    ("> 引用的话", "引用的话"),
    ("  普通正文。  ", "普通正文。"),
])
def test_strip_markup(text, expected):
    assert strip_markup(text) == expected


# -- all together, with notes -------------------------------------------------------------

def test_clean_body_returns_text_and_one_note_per_kind_of_repair():
    text, notes = clean_body("**本报讯** (记者李丹青)更了解企业 and 职工,更接地 气", wrapped=False)
    assert text == "本报讯（记者李丹青）更了解企业和职工，更接地气"
    assert len(notes) == 3
    joined = " | ".join(notes)
    assert "和" in joined and "1×" in joined
    assert "full width" in joined and "3" in joined
    assert "space" in joined and "2" in joined


def test_clean_body_without_damage_has_no_notes():
    assert clean_body("线材小区钢管公司职工每天上下班坐通勤车。", wrapped=True) == (
        "线材小区钢管公司职工每天上下班坐通勤车。", [])


def test_clean_heading_keeps_single_typographic_spaces():
    assert clean_heading("## 多走动  常联系 聊得开\u3000谈得拢") == "多走动 常联系 聊得开 谈得拢"
    assert clean_heading("**企业 and 职工心连心**") == "企业和职工心连心"
    assert clean_heading("活动规定,每月走访") == "活动规定，每月走访"


def test_clean_heading_can_report_its_repairs():
    notes: list[str] = []
    assert clean_heading("胡  豫  华中科技大学同济医学院附属协 and 医院", notes) == \
        "胡 豫 华中科技大学同济医学院附属协和医院"
    assert notes == ["replaced ' and ' with 和 (1×)"]
    assert clean_heading("没有需要修的标题", notes) == "没有需要修的标题" and len(notes) == 1


@pytest.mark.parametrize("text, expected", [
    ("--全国政协委员建言献策", "——全国政协委员建言献策"),
    ("山西工会强化思想引领--", "山西工会强化思想引领——"),
    ("－－访全国劳模张三", "——访全国劳模张三"),
    ("COVID-19防控--", "COVID-19防控——"),
])
def test_hyphens_for_a_headline_dash_become_the_dash(text, expected):
    notes: list[str] = []
    assert clean_heading(text, notes) == expected
    assert notes == ["made the hyphens that open a subtitle or close a kicker a dash (——)"]


@pytest.mark.parametrize("text", ["——全国政协委员建言献策", "中欧班列X8059次", "A-B两地", "---"])
def test_headlines_without_hyphen_dashes_keep_their_dashes(text):
    assert clean_heading(text) == text


@pytest.mark.parametrize("text, expected, removed", [
    # was a bug: the space kept between the signed names was counted as removed
    ("真正把实事办到了职工的心坎上。（霍希标 时培林）", "真正把实事办到了职工的心坎上。（霍希标 时培林）", 0),
    ("真正 把实事办到了。（霍希标 时培林 张文）", "真正把实事办到了。（霍希标 时培林 张文）", 1),
    ("心坎上。 （霍希标 时培林）", "心坎上。（霍希标 时培林）", 1),            # the space before the bracket goes
    ("心坎上。（霍希标  时培林）", "心坎上。（霍希标 时培林）", 1),            # a wide gap narrowed
    ("本报讯（记者李丹青  邹偶然）这个", "本报讯（记者李丹青 邹偶然）这个", 1),
    ("本报讯 （记者李丹青 邹偶然）这 个", "本报讯（记者李丹青 邹偶然）这个", 2),
    # a photo credit run on at the end of its caption keeps its names apart
    ("比赛，一展 本报通讯员 邱海鹰 唐艺娟 摄", "比赛，一展 本报通讯员 邱海鹰 唐艺娟 摄", 0),
    ("平整秧田。新华社记者  胡晨欢摄", "平整秧田。新华社记者 胡晨欢摄", 1),
    # a byline cut by a column break inside its bracket still separates its names
    ("本报讯 （记者彭冰 柳姗姗 通讯员曲", "本报讯（记者彭冰 柳姗姗 通讯员曲", 1),
])
def test_spaces_kept_between_names_are_not_counted_as_removed(text, expected, removed):
    out, notes = clean_body(text, wrapped=False)
    assert out == expected
    assert notes == ([f"removed {removed} line-wrap space(s) inside Chinese text"] if removed else [])
