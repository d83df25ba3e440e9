"""Line classification (`backissues.units`): what one printed line is, by itself.

Every page here is a few lines written for the test (not copied from the
samples), in the formats the OCR delivers: Markdown `#` headings, plain short
headline lines, and 'wrapped' pages whose soft line breaks were left as spaces
inside Chinese text. Only the public surface is used: `read_units`,
`is_wrapped`, `ends_sentence` and the `DATELINE` / `BYLINE_LINE` patterns.
"""
from __future__ import annotations

import pytest

from backissues.units import (BANNER, BODY, BYLINE, BYLINE_LINE, CREDIT, DATELINE, FOLIO, HEAD, MARK, editors_note,
                              ends_paragraph, ends_sentence, folio_page, is_attribution, is_date_alone, is_dated_note, is_staff_credit, is_tight,
                              is_wrapped,
                              names_its_column, opens_box, read_units)


def one(line: str):
    """The single unit of a one-line page."""
    units, _ = read_units(line)
    assert len(units) == 1, units
    return units[0]


# -- bylines ---------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "本报记者 吴晓峰",
    "记者 张晓明",
    "通讯员 李文 王雨",
    "本报记者 刘 畅 本报通讯员 胡小兰",
    "本报特约记者 欧阳晓 实习生 丁一",
])
def test_standalone_byline_line_is_a_byline(line):
    assert one(line).kind == BYLINE
    assert BYLINE_LINE.match(line)


def test_photo_credit_is_not_taken_for_a_byline():
    # "本报记者 X 摄" names a photographer: a credit, although it starts like a byline.
    assert one("本报记者 王磊 摄").kind == CREDIT


def test_sentence_that_mentions_a_reporter_is_body():
    assert one("记者 张晓明近日走访了园区内的12家企业，听取职工意见。").kind == BODY


# -- credits ---------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "周 宁 摄",
    "新华社记者 李贺 摄",
    "新华社发",
    "视觉中国供图",
    "责任编辑：陈静",
    "版式设计：赵文",
    "版式设计 蔡华伟",      # the colon lost in the scan
    "版式设计\u3000张丹峰",
    "数据来源：市统计局",
    "本期统筹：杨烁壁",     # a series' coordinator, the page's mailbox, its pictures' source:
    "投稿邮箱：rmrbgf@126.com",   # page furniture, never a headline
    "本版图片来源：影像中国",
])
def test_credit_line_is_a_credit(line):
    assert one(line).kind == CREDIT


@pytest.mark.parametrize("line, kind", [
    ("全国铁路今日起调图", HEAD),       # a headline ending in 图 credits no one
    ("垄亩耕作图", HEAD),
    ("本报记者 苏 航文/新华社图", CREDIT),
])
def test_a_line_ending_in_tu_is_a_credit_only_after_an_agency(line, kind):
    assert one(line).kind == kind


def test_caption_sentence_is_not_a_credit():
    # A caption is a sentence; only its trailing "X 摄" is a credit.
    assert one("图为市总工会劳模宣讲团走进建筑工地，为农民工宣讲新修订的安全生产法。").kind == BODY


# -- continuation marks and banners --------------------------------------------------------

@pytest.mark.parametrize("line, text", [
    ("（上接第1版）", "（上接第1版）"),
    ("(下转第3版)", "(下转第3版)"),
    ("（下转第二版）", "（下转第二版）"),
    ("（上接第 1 版）", "（上接第1版）"),   # spaces the OCR put inside the mark are dropped
    ("（上接第１版）", "（上接第1版）"),    # a full-width digit, set as the paper sets digits
])
def test_continuation_mark(line, text):
    unit = one(line)
    assert unit.kind == MARK
    assert unit.text == text


# 记者点评 (the reporter's comment closing each part of a report) is no
# byline by a reporter named 点评.
@pytest.mark.parametrize("line", ["核心阅读", "阅读提示", "编者按", "相关链接：", "记者点评"])
def test_box_label_is_a_banner(line):
    assert one(line).kind == BANNER


@pytest.mark.parametrize("line, opening", [("核心阅读", True), ("编者按：", True), ("阅读提示", True),
                                           ("记者手记", False), ("编后", False), ("相关链接：", False)])
def test_a_box_that_opens_an_article_is_told_from_one_that_closes_it(line, opening):
    assert opens_box(line) is opening


@pytest.mark.parametrize("text, note", [
    ("编者按：疫情发生后，文艺界积极行动。", True), ("【编者按】疫情发生后，文艺界积极行动。", True),
    ("编者按", True), ("……记者采访了几位全国人大代表。\n——编\u00a0者", True), ("——编者", True),
    ("本报编者按照读者来信整理了这些问题。", False), ("——习近平", False), ("编者的话", True),
])
def test_an_editors_note_is_told_by_its_label_or_its_signature(text, note):
    assert editors_note(text) is note


# -- datelines -----------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    pytest.param("本报讯（记者 周明）昨天，全市职工运动会在市体育中心开幕。", id="benbaoxun"),
    pytest.param("**本报讯**（通讯员 孙丽）近日，区总工会举办职工篮球赛。", id="bold-benbaoxun"),
    pytest.param("【本报讯】（通讯员 孙丽）近日，区总工会举办职工篮球赛。", id="bracketed-benbaoxun"),
    pytest.param("本报杭州4月2日电（记者 钱亮）浙江省总工会日前出台措施，帮扶困难职工。", id="benbao-place-date-dian"),
    pytest.param("新华社北京1月31日电  近日，有关部门印发通知，部署春季安全生产工作。", id="xinhuashe"),
    pytest.param("据新华社南京3月8日电 江苏省今年将新建职工驿站500个。", id="ju-xinhuashe"),
    pytest.param("本报电  中国职工技术协会日前在京发布2023年度职工技术创新成果。", id="benbaodian"),
])
def test_dateline_line_is_body_and_matches_dateline(line):
    unit = one(line)
    assert unit.kind == BODY
    assert DATELINE.match(unit.text), unit.text


def test_dateline_alone_on_a_short_line_is_not_a_headline():
    # A column can cut "本报讯" off from its text; it is still the opening of a report.
    assert one("本报讯").kind == BODY


@pytest.mark.parametrize("line", [
    "新华社记者深入一线采访。",
    "本报评论员文章指出，要把职工的冷暖放在心上。",
])
def test_sentence_that_merely_names_the_agency_is_no_dateline(line):
    assert not DATELINE.match(line)


# -- headlines and body ------------------------------------------------------------------------

def test_markdown_heading_is_a_head_with_its_level_and_no_markup():
    units, _ = read_units("# 聚焦一线需求——\n\n## 全省职工书屋建设提质增效\n\n### 今年新建示范书屋300家")
    assert [(u.kind, u.level) for u in units] == [(HEAD, 1), (HEAD, 2), (HEAD, 3)]
    assert units[1].text == "全省职工书屋建设提质增效"


def test_underlined_headings_are_headings_and_keep_their_source_lines():
    page = "聚焦一线需求——\n=======\n全省职工书屋建设提质增效\n------\n\n本报讯 今年新建示范书屋300家。\n"
    units, _ = read_units(page)
    assert [(u.kind, u.level, u.text, u.line) for u in units] == [
        (HEAD, 1, "聚焦一线需求——", 1), (HEAD, 2, "全省职工书屋建设提质增效", 3), (BODY, 0, "本报讯今年新建示范书屋300家。", 6)]


def test_a_rule_under_a_finished_sentence_is_no_underline():
    units, _ = read_units("今年新建示范书屋300家。\n---\n")
    assert units[0].kind == BODY


def test_an_html_exports_tags_are_read_as_markup():
    page = ("<h2>市总工会建成百家职工驿站</h2>\n\n<p><strong>本报讯</strong>（记者刘旭）截至6月底，全市已建成职工驿站112家。</p>\n\n"
            "<p>驿站配有<span class=\"x\">饮水机</span>和药箱。<br></p>\n")
    head, first, second = read_units(page)[0]
    assert (head.kind, head.level, head.text) == (HEAD, 2, "市总工会建成百家职工驿站")
    assert first.text == "本报讯（记者刘旭）截至6月底，全市已建成职工驿站112家。" and DATELINE.match(first.text)
    assert second.text == "驿站配有饮水机和药箱。"
    assert all("removed the HTML tags an export left (<h2> read as ##, <b> as bold)" in u.notes for u in (head, first, second))


def test_a_list_mark_before_every_paragraph_is_an_exports():
    page = "- 市总工会建成百家职工驿站\n\n- 本报讯 截至6月底，全市已建成职工驿站112家。\n\n- 驿站配有饮水机和药箱。\n"
    units, _ = read_units(page)
    assert [u.text for u in units] == ["市总工会建成百家职工驿站", "本报讯截至6月底，全市已建成职工驿站112家。", "驿站配有饮水机和药箱。"]
    assert units[0].kind == HEAD


@pytest.mark.parametrize("marks, note", [
    (["0001 ", "0002 ", "0003 ", "0004 ", "0005 "], "removed the line numbers printed before every line"),
    (["12: ", "13: ", "14: ", "15: ", "16: "], "removed the line numbers printed before every line"),
    (["> ", ">", "> ", ">", "> "], "removed the quote mark (>) set before every line"),
    (["1. ", "", "2. ", "", "3. "], "removed the list numbers an export put before every paragraph (1. 2. 3. …)"),
])
def test_a_mark_before_every_line_is_the_tools_not_the_papers(marks, note):
    lines = ["## 市总工会建成百家职工驿站", "", "**本报讯** 截至6月底，全市已建成职工驿站112家。", "", "驿站配有饮水机和药箱。"]
    page = "\n".join(mark + line if line else line for mark, line in zip(marks, lines)) + "\n"
    head, first, second = read_units(page)[0]
    assert (head.kind, head.level, head.text) == (HEAD, 2, "市总工会建成百家职工驿站")
    assert first.text == "本报讯截至6月底，全市已建成职工驿站112家。" and DATELINE.match(first.text)
    assert second.text == "驿站配有饮水机和药箱。"
    assert note in head.notes


def test_a_numbered_list_under_an_unnumbered_headline_keeps_its_numbers():
    page = "市总工会部署三项工作\n\n1. 加强职工驿站建设。\n\n2. 开展技能竞赛。\n\n3. 做好困难职工帮扶。\n"
    units, _ = read_units(page)
    assert [u.text for u in units[1:]] == ["1. 加强职工驿站建设。", "2. 开展技能竞赛。", "3. 做好困难职工帮扶。"]


def test_a_stop_read_as_the_letter_o_is_a_stop_again_but_latin_words_keep_theirs():
    page = "市总工会建成百家职工驿站\n\n本报讯 全市已建成职工驿站112家o驿站配有饮水机o\n\n他说：“用vivo手机就能预约o”\n"
    units, _ = read_units(page)
    assert [u.text for u in units[1:]] == ["本报讯全市已建成职工驿站112家。驿站配有饮水机。", "他说：“用vivo手机就能预约。”"]
    assert "made the letter o that ends a Chinese sentence a 。 (a stop the OCR read as o)" in units[1].notes


def test_one_letter_o_between_chinese_text_is_left_alone():
    units, _ = read_units("本报讯 他的血型是o型，已献血十次。\n")
    assert units[0].text == "本报讯他的血型是o型，已献血十次。"


def test_numbers_that_open_lines_but_do_not_count_them_stay():
    page = "2019 年以来，全市已建成职工驿站112家。\n\n2018 年，全市建成职工驿站50家。\n\n3 月起，驿站配有饮水机。\n"
    units, _ = read_units(page)
    assert not any("line numbers" in n for u in units for n in u.notes)


COLUMN_PAGE = """全市职工书屋达到一千家

本报讯 市总工会近日公布，全市职工书

屋已达到一千家，覆盖职工四十余万人

今年还将新建一百家示范书屋重点向一线

班组倾斜，让职工在家门口读到好书。

县总工会开展职工技能竞赛

本报讯 县总工会近日举办职工技能大赛

来自全县二十家企业的三百余名职工参赛

比赛设电工焊工钳工等八个工种项目优胜

者获县技术能手称号。
"""


def test_a_page_set_in_narrow_columns_puts_each_columns_lines_back_together():
    units, _ = read_units(COLUMN_PAGE)
    assert [(u.kind, u.text) for u in units] == [
        (HEAD, "全市职工书屋达到一千家"),
        (BODY, "本报讯市总工会近日公布，全市职工书屋已达到一千家，覆盖职工四十余万人"
               "今年还将新建一百家示范书屋重点向一线班组倾斜，让职工在家门口读到好书。"),
        (HEAD, "县总工会开展职工技能竞赛"),
        (BODY, "本报讯县总工会近日举办职工技能大赛来自全县二十家企业的三百余名职工参赛"
               "比赛设电工焊工钳工等八个工种项目优胜者获县技术能手称号。"),
    ]
    assert "joined line 5 to line 3: a column 17 characters wide runs on" in units[1].notes
    assert units[1].line == 3 and units[1].source_lines[-1] == 9


@pytest.mark.parametrize("headline, opening", [
    # over a report whose first line opens as a paragraph does
    ("县总工会开展一线职工技能竞赛活动", "3月6日，县总工会举办职工技能大赛"),
    # closed by its column's name, over any first line
    ("让职工技能竞赛办出实效（工会论坛）", "县总工会近日举办的职工技能大赛让人"),
])
def test_a_headline_of_the_columns_width_stays_over_its_reports_first_line(headline, opening):
    page = COLUMN_PAGE.replace("县总工会开展职工技能竞赛", headline).replace("本报讯 县总工会近日举办职工技能大赛", opening)
    units, _ = read_units(page)
    assert (units[2].kind, units[2].text) == (HEAD, headline)
    assert units[3].text.startswith(opening + "来自全县")


def test_a_headline_of_the_columns_width_stays_over_its_dash_subtitle():
    page = COLUMN_PAGE.replace("县总工会开展职工技能竞赛", "县总工会开展一线职工技能竞赛活动\n\n——三百余名职工参赛")
    units, _ = read_units(page)
    assert [(u.kind, u.text) for u in units[2:4]] == [(HEAD, "县总工会开展一线职工技能竞赛活动"), (HEAD, "——三百余名职工参赛")]


def test_a_kicker_of_the_columns_width_stays_over_its_title():
    page = COLUMN_PAGE.replace("县总工会开展职工技能竞赛", "县总工会搭台让一线职工比技能——\n\n职工技能竞赛开赛")
    units, _ = read_units(page)
    assert [(u.kind, u.text) for u in units[2:4]] == [(HEAD, "县总工会搭台让一线职工比技能——"), (HEAD, "职工技能竞赛开赛")]


def test_a_column_line_does_not_run_into_a_longer_line():
    # The line below a full column line is wider than the column: a piece
    # printed in between (another column's), not the line's next.
    page = COLUMN_PAGE.replace("班组倾斜，让职工在家门口读到好书。",
                               "“目标再明确、政策再落实、投入再加大、靶向再聚焦”，这是今年工作的总要求。")
    units, _ = read_units(page)
    assert units[1].text.endswith("今年还将新建一百家示范书屋重点向一线")
    assert units[2].text.startswith("“目标再明确")


def test_a_verses_lines_of_one_length_are_not_read_as_columns():
    page = "致敬武汉人民\n\n" + "\n\n".join(f"还是来时的那{n}个人啊" for n in range(1, 9)) + "\n"
    units, _ = read_units(page)
    assert len(units) == 9 and not any("column" in n for u in units for n in u.notes)


def test_a_page_of_paragraphs_is_not_read_as_columns():
    page = ("全市职工书屋达到一千家\n\n本报讯 市总工会近日公布，全市职工书屋已达到一千家，覆盖职工四十余万人。\n\n"
            "县总工会开展职工技能竞赛\n\n本报讯 县总工会近日举办职工技能大赛，来自全县二十家企业的职工参赛。\n")
    units, _ = read_units(page)
    assert [u.kind for u in units] == [HEAD, BODY, HEAD, BODY]


def test_a_few_list_items_in_a_page_keep_their_marks():
    page = "本报讯 会议提出三点要求：\n\n- 加强领导。\n\n驿站配有饮水机和药箱。\n\n全市已建成职工驿站112家。\n"
    units, _ = read_units(page)
    assert units[1].text.startswith("-") and not units[1].notes


def test_a_headings_closing_marks_are_markup_too():
    units, _ = read_units("## 聚焦一线需求—— ##\n\n### 全省职工书屋建设提质增效 ###\n\n本报讯 今年新建示范书屋300家。")
    assert [(u.kind, u.level, u.text) for u in units[:2]] == [
        (HEAD, 2, "聚焦一线需求——"), (HEAD, 3, "全省职工书屋建设提质增效")]


@pytest.mark.parametrize("marks, levels", [
    (("###", "####"), [2, 3]),             # a converter that starts one level down
    (("##", "###", "####"), [1, 2, 3]),    # kicker, headline, subtitle one level down
    (("##", "###"), [2, 3]),               # the paper's own levels stay
    (("#", "##", "###"), [1, 2, 3]),
])
def test_heading_levels_are_read_from_the_pages_top_level(marks, levels):
    lines = ["市总工会建成百家职工驿站", "全市职工驿站达到112家", "覆盖所有街道"][:len(marks)]
    page = "\n\n".join(f"{m} {t}" for m, t in zip(marks, lines)) + "\n\n本报讯 截至6月底，全市已建成职工驿站112家。\n"
    units, _ = read_units(page)
    assert [u.level for u in units if u.kind == HEAD] == levels


@pytest.mark.parametrize("line", ["**坚持不懈抓落实**", "__坚持不懈抓落实__", "*坚持不懈抓落实*"])
def test_bold_line_is_a_head(line):
    # __bold__ and *italic* are how other converters mark what ** marks
    unit = one(line)
    assert unit.kind == HEAD and unit.bold
    assert unit.text == "坚持不懈抓落实"


def test_a_page_that_sets_its_headings_in_lenticular_brackets_reads_them_as_bold():
    page = ("【全市职工书屋建设提速】\n\n【今年新建示范书屋三百家】\n\n本报讯 今年新建示范书屋300家。\n\n"
            "【点评】\n\n书屋建设重在用。\n")
    units, _ = read_units(page)
    assert [(u.kind, u.level, u.text) for u in units if u.kind == HEAD] == [
        (HEAD, 2, "全市职工书屋建设提速"), (HEAD, 3, "今年新建示范书屋三百家"), (HEAD, 2, "点评")]
    assert "read the lines set whole in 【】 as the page's headings" in units[0].notes


def test_a_parts_label_in_lenticular_brackets_stays_as_printed():
    units, _ = read_units("本报讯 今年新建示范书屋300家。\n\n【点评】\n\n书屋建设重在用。\n")
    assert units[1].text == "【点评】" and not units[1].notes


def test_a_page_that_marks_its_headlines_in_bold_reads_them_as_headings():
    # No # headings, and bold from the first headline line: bold is the
    # page's heading mark, a line under another standing for ###.
    units, _ = read_units("**全市职工书屋建设提质增效**\n\n**今年新建示范书屋300家**\n\n会上，5家单位作了发言。"
                          "\n\n**区总工会开展送清凉活动**\n\n活动共发放慰问品2000余份。")
    assert [(u.kind, u.level, u.bold) for u in units if u.kind == HEAD] == [(HEAD, 2, False), (HEAD, 3, False), (HEAD, 2, False)]


@pytest.mark.parametrize("page", [
    "## 全市职工书屋建设提质增效\n\n会上，5家单位作了发言。\n\n**一、建设情况**\n\n今年新建300家。\n\n**二、下步打算**",
    "全市职工书屋建设提质增效\n\n会上，5家单位作了发言。\n\n**一、建设情况**\n\n今年新建300家。\n\n**二、下步打算**",
])
def test_bold_lines_beside_headings_or_under_a_plain_headline_stay_subheads(page):
    units, _ = read_units(page)
    assert [(u.level, u.bold) for u in units if u.kind == HEAD][1:] == [(0, True), (0, True)]


def test_short_plain_line_without_punctuation_is_a_head_candidate():
    assert one("老师傅带出新徒弟").kind == HEAD


@pytest.mark.parametrize("line", [
    "他笑着说：“值！”",                       # short, but a whole sentence
    "（作者为市总工会职工服务中心干部）",       # bracketed note
    "●开展技能培训",                          # list item
    "据悉，活动共吸引了500余名职工参加，",        # runs on
    "，帮助困难职工渡过难关。",                 # continuation starting with punctuation
])
def test_short_line_that_is_not_a_headline_is_body(line):
    assert one(line).kind == BODY


def test_units_keep_raw_text_and_1_based_source_line_numbers():
    page = "\n## 市总工会建成百家职工驿站\n\n\n本报讯（记者 邓海鹰）截至6月底，全市已建成职工驿站112家。\n"
    units, _ = read_units(page)
    assert [u.line for u in units] == [2, 5]
    assert [u.index for u in units] == [0, 1]
    assert units[0].raw == "## 市总工会建成百家职工驿站"


def test_invisible_characters_are_removed_and_logged():
    # A zero-width space after 。 and a soft hyphen in a headline: copied from
    # PDF or the web, invisible, and in the way of every test of a line's end.
    page = "市总工会建成百家\u00ad职工驿站\n\n截至6月底，全市已建成职工驿站112家。\u200b\n"
    head, body = read_units(page)[0]
    assert (head.kind, head.text) == (HEAD, "市总工会建成百家职工驿站")
    assert body.text == "截至6月底，全市已建成职工驿站112家。" and body.ends_closed
    assert [n for u in (head, body) for n in u.notes if "invisible" in n] == \
        ["removed 1 invisible character(s) (zero-width space, soft hyphen)"] * 2


def test_a_page_that_quotes_only_with_corner_brackets_gets_the_papers_quotes():
    page = ("「中国梦·劳动美」主题活动举办\n\n"
            "本报讯（记者刘旭）「我们要把好声音传下去。」劳模王伟说，『工匠精神』是他的座右铭。\n\n"
            "活动持续一周。\n")
    head, body, last = read_units(page)[0]
    assert head.text == "“中国梦·劳动美”主题活动举办"
    assert body.text == "本报讯（记者刘旭）“我们要把好声音传下去。”劳模王伟说，‘工匠精神’是他的座右铭。"
    note = "made the quotes 「」『』〝〞 the paper's “”‘’ (the page prints no other quotes)"
    assert note in head.notes and note in body.notes and note not in last.notes


@pytest.mark.parametrize("printed, read, note", [
    ("他说：〝干就完了。〞", "他说：“干就完了。”", "made the quotes 「」『』〝〞 the paper's “”‘’ (the page prints no other quotes)"),
    ("山西工会强化思想引领――", "山西工会强化思想引领——", "made the horizontal bars ― the paper's dash —"),
    ("职工当好主力军．奋进新征程．", "职工当好主力军。奋进新征程。", "made a full-width point ． that ends a Chinese sentence a 。"),
    ("他说&ldquo;干就完了。&rdquo;", "他说“干就完了。”", "decoded the HTML entities (&ldquo; &nbsp; …) an export left in the text"),
    ("春耕、春播、春管...各项工作有序推进。", "春耕、春播、春管……各项工作有序推进。", "made the dots typed for an ellipsis the paper's ……"),
    ("在４月份，ＡＰＰ用户增长１．５倍。", "在4月份，APP用户增长1.5倍。",
     "made the full-width letters and digits (２０２０, ＡＰＰ) the paper's 2020, APP"),
])
def test_another_conventions_quotes_dashes_and_stops_become_the_papers(printed, read, note):
    unit = one(printed)
    assert unit.text == read
    assert note in unit.notes


def test_a_page_set_with_a_space_after_every_character_is_closed_up():
    # Some OCR engines print Chinese text letter-spaced: the spaces are
    # theirs, and a headline read from them would look like a name set apart.
    page = ("市 总 工 会 建 成 百 家 职 工 驿 站\n\n"
            "截 至 6 月 底 ， 全 市 已 建 成 职 工 驿 站 112 家 。\n")
    head, body = read_units(page)[0]
    assert (head.kind, head.text) == (HEAD, "市总工会建成百家职工驿站")
    assert body.text == "截至6月底，全市已建成职工驿站112家。"
    assert "closed up the spaces set between every two characters (中 国 → 中国)" in head.notes


def test_one_letter_spaced_line_is_closed_up_and_names_set_apart_stay():
    page = ("守 护 社 区 不 遗 余 力\n\n"
            "本报记者\u00a0何\u00a0勇\u00a0王云娜\n\n"
            "吉  林\n\n"
            "截至6月底，全市已建成职工驿站112家。\n")
    head, byline, place, body = read_units(page)[0]
    assert head.text == "守护社区不遗余力"
    assert "何" in byline.text and "勇" in byline.text and not any("closed up" in n for n in byline.notes)
    assert not any("closed up" in n for n in place.notes + body.notes)


@pytest.mark.parametrize("line", ["增长1．5个百分点。", "宝洁（P&G）公司在华投资。", "版本号为v2...3。"])
def test_points_ampersands_and_dots_that_belong_to_the_text_stay(line):
    unit = one(line)
    assert unit.text == line and not unit.notes


def test_a_page_with_both_kinds_of_quotes_keeps_them_as_printed():
    page = "本报讯他说：“「共建」二字，是我们的目标。”\n"
    assert one(page).text == page.strip()


def test_a_short_sentence_ending_in_a_half_width_stop_is_body_not_a_headline():
    unit = one("职工当好主力军,奋进新征程.")
    assert (unit.kind, unit.text) == (BODY, "职工当好主力军，奋进新征程。")


def test_half_width_punctuation_in_chinese_body_becomes_full_width():
    unit = one("活动规定,每名工会干部联系10家企业;每月走访不少于1次.")
    assert "，" in unit.text and "；" in unit.text and "," not in unit.text
    assert unit.notes, "the repair must be logged"


# -- sentence ends -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, closed", [
    ("活动共吸引了500余名职工参加。", True),
    ("他说：“日子越过越有奔头了！”", True),
    ("真正为职工办实事。（张文）", True),           # bracketed sign-off after the full stop
    ("（据新华社电）", True),                      # a sign-off on a line of its own
    ("（作者为市总工会副主席）", True),
    ("（作者为中共中央党校（国家行政学院）政法部主任、教授）", True),   # nested brackets
    ("（本报记者王政、陆娅楠、曲哲涵、杜海涛、欧阳洁、吴秋余、王观、林丽鹂、李心萍、韩鑫、王珂、张三丰、李四光）", True),
    ("（一）加强组织领导（二", False),            # two notes in a row, the second cut
    ("玲玲、任彦、于洋、韩硕、孔歌、马菲、刘军国、林芮、霍文、吕强、姜宣）", True),   # a sign-off's cut-off end
    ("（本报记者王政、陆娅楠、曲哲涵、杜海涛", False),    # ... and its open start
    ("市总工会将进一步加大帮", False),
    ("据悉，今年以来，", False),
    ("", False),
])
def test_ends_sentence(text, closed):
    assert ends_sentence(text) is closed


@pytest.mark.parametrize("text, signs", [
    ("——法国前总理拉法兰", True),
    ("——阿拉伯—中国友好协会联合会秘书长阿里·优素福", True),
    ("——江苏省委副书记、省长吴政隆近日接受记者采访时说", False),   # leads into the quote below
    ("——这是工人们最朴素的心愿，也是", False),                     # a cut sentence
    ("法国前总理拉法兰", False),
])
def test_a_dash_line_naming_a_speaker_is_an_attribution(text, signs):
    assert is_attribution(text) is signs


@pytest.mark.parametrize("text, ends", [
    # a contact line ending in an address
    ("栏目投稿邮箱：yxxz8494@163.com", True),
    ("电子信箱:mszkrmrb@sina.com", True),
    ("网址：http://www.zzhkgq.gov.cn/", True),
    ("欢迎登录www.example.org.cn", True),
    ("读者可发邮件至", False),
    ("记者发现，在gmail.com的", False),
    # a short numbered heading
    ("二、指标体系", True),
    ("（二）物权编", True),
    ("二、不断完善中国特色社会主义法律体系", True),
    ("（二）在全面建成小康社会的进程中，", False),   # a numbered sentence, cut
    ("二是加强", False),
    # a caption with its photo credit run on at the end
    ("40多名种田能手参加了3项比赛，一展本报通讯员邱海鹰唐艺娟摄", True),
    ("农民在比赛平整秧田。新华社记者 胡晨欢摄", True),
    ("记者在现场看到，工人们正在拍摄", False),      # 摄 inside a word, no credit
])
def test_contact_lines_numbered_headings_and_captions_with_their_credit_end_their_paragraph(text, ends):
    assert ends_paragraph(text) is ends


# -- wrapped pages -------------------------------------------------------------------------------

WRAPPED = """## 园区工会为新就业形态劳动者建起暖心之家

今年以来，开发区总工会在园区 内建起8个“暖心之家”，为快递员、外卖配送员等新就业形态 劳动者提供休息、饮水、热饭等服务。

“以前送完一单只能在路边歇脚，现在有了固定的落脚点。”外卖 配送员小刘说，驿站里不仅能给手机充电，还能借到雨具。

开发区总工会相关负责人介绍，下一步将联合平台企业在园区 推行“送餐到驿站”模式，减少配送员的往返奔波。
"""

PLAIN = """## 县总工会开展职工心理健康讲座

近日，县总工会邀请心理咨询师走进企业，为一线职工开展心理健康讲座，帮助职工学会调节情绪、缓解压力。

讲座结束后，咨询师还为20余名职工提供了一对一咨询服务，并建立了职工心理健康档案，定期回访跟踪。

下一步，县总工会将在全县规模以上企业推广职工心理咨询室建设，让职工在家门口就能得到专业帮助。
"""


def test_page_with_spaces_inside_chinese_sentences_is_wrapped():
    assert is_wrapped(WRAPPED)
    assert read_units(WRAPPED)[1] is True


def test_page_without_such_spaces_is_not_wrapped():
    assert not is_wrapped(PLAIN)
    assert read_units(PLAIN)[1] is False


def test_wrap_spaces_are_removed_from_body_and_logged():
    units, _ = read_units(WRAPPED)
    body = [u for u in units if u.kind == BODY]
    assert body and all(" " not in u.text for u in body)
    assert "园区内建起8个" in body[0].text
    assert any("space" in note for note in body[0].notes)
    assert body[0].raw.count(" ") == 2, "the raw text stays exactly as printed"


@pytest.mark.xfail(strict=True, reason="is_wrapped counts the spaces between names inside a bracketed byline "
                                       "（记者 韩冬梅 通讯员 许诺） as line-wrap spaces, so a short page with two "
                                       "such bylines is taken for a wrapped page")
def test_spaces_between_names_in_bylines_do_not_make_a_page_wrapped():
    page = """## 全市职工技能大赛决出36名“技术状元”

本报讯（记者 韩冬梅 通讯员 许诺）11月8日，全市职工职业技能大赛落下帷幕，36名选手获得各工种第一名。

本届大赛共设置电工、焊工、汽车维修工等18个工种，吸引了全市230家企业的4600余名职工报名参赛。

## 县总工会开展职工心理健康讲座

本报讯（通讯员 高洁 杨帆）近日，县总工会邀请心理咨询师走进企业，为一线职工开展心理健康讲座。
"""
    assert not is_wrapped(page)


@pytest.mark.parametrize("line", ["——编 者", "——编\u00a0\u00a0者", "——习近平"])
def test_attribution_under_a_note_or_quotation_is_not_a_headline(line):
    [unit], _ = read_units(line + "\n")
    assert unit.kind == BODY


def test_contact_line_is_not_a_headline():
    [unit], _ = read_units("来稿邮箱：gongren@example.com\n")
    assert unit.kind == BODY


@pytest.mark.parametrize("line", ["本报记者\u00a0\u00a0王云娜整理", "本报驻埃及记者\u00a0周\u00a0輖", "本报赴乍得特派记者 万 宇",
                                  "本报记者王明峰、通讯员王旭阳整理"])
def test_byline_variants_are_bylines(line):
    [unit], _ = read_units(line + "\n")
    assert unit.kind == BYLINE


def test_page_staff_credit_and_summary_box_label():
    units, _ = read_units("本版制图：汪哲平\n\n内容提要\n")
    assert [u.kind for u in units] == [CREDIT, BANNER]


def test_speaker_attribution_in_a_package_of_views_is_not_a_headline():
    [unit], _ = read_units("——王诚代表（安徽省蚌埠市市长）\n")
    assert unit.kind == BODY


@pytest.mark.parametrize("label", ["引子", "开栏的话", "编后"])
def test_more_box_labels(label):
    [unit], _ = read_units(label + "\n")
    assert unit.kind == BANNER


@pytest.mark.parametrize("line", ["（埃及）西夏姆·宰迈提", "何建明（中国作协副主席）", "王诚代表（安徽省蚌埠市市长）",
                                  "吴岩（南方科技大学教授、科幻作家）"])
def test_speaker_and_author_labels_are_not_headlines(line):
    [unit], _ = read_units(line + "\n")
    assert unit.kind == BODY


@pytest.mark.parametrize("line", ["守护（暖相册）", "花的祝福（新时代之光）", "驻村苗寨（扶贫印记）"])
def test_a_short_headline_with_its_column_tag_is_not_a_speaker(line):
    [unit], _ = read_units(line + "\n")
    assert unit.kind == HEAD


def test_headline_with_a_column_tag_is_still_a_headline():
    [unit], _ = read_units("铜镜文化的魅力（文物有话说）\n")
    assert unit.kind == HEAD


@pytest.mark.parametrize("line, kind", [
    ("王宇峰图\u00a0\u00a0马\u00a0\u00a0原文", CREDIT),      # a cartoon: drawn by, written by
    ("曹 一图 卜 拉文", CREDIT),
    ("郭\u00a0鹏摄\u00a0本报记者\u00a0姚雪青文", CREDIT),   # a photo, and the text written to it
    ("美丽乡村图文", HEAD),                        # a headline that happens to end in 图文
])
def test_a_cartoons_drawn_and_written_credit_is_a_credit(line, kind):
    assert one(line).kind == kind


@pytest.mark.parametrize("line, kind", [
    ("我是党员，我先上！（来自抗疫一线的报道）", HEAD),   # exclaimed headline, column tag
    ("春耕备耕，农资够用吗？（服务窗）", HEAD),
    ("大家都说，这件事办得漂亮。（张文）", BODY),       # a sentence and its byline
])
def test_an_exclaimed_or_asked_headline_with_a_column_tag_is_a_headline(line, kind):
    assert one(line).kind == kind


# -- paragraphs broken by a bare line break ---------------------------------------------------------

def _broken(page: str, at: str) -> str:
    """The page with one line break (no blank line) put in just before `at`."""
    return page.replace(at, "\n" + at, 1)


def test_a_paragraph_broken_by_a_bare_line_break_is_put_back_on_one_line():
    page = _broken(PLAIN, "定期回访跟踪")
    units, _ = read_units(page)
    assert [u.kind for u in units] == [HEAD, BODY, BODY, BODY]
    joined = units[2]
    assert joined.text == "讲座结束后，咨询师还为20余名职工提供了一对一咨询服务，并建立了职工心理健康档案，定期回访跟踪。"
    assert joined.line == 5, "numbered by the line it starts on"
    assert any("joined line 6 to line 5" in note for note in joined.notes)


def test_a_short_line_tied_to_the_next_is_left_for_the_line_evidence():
    # "讲座结束后，咨询师还为20余名" could as well be a headline set right on
    # its body; it stays a line of its own, marked as tied to the next.
    units, _ = read_units(_broken(PLAIN, "职工提供了一对一咨询服务"))
    assert len(units) == 5
    assert units[2].text == "讲座结束后，咨询师还为20余名" and units[2].glued
    assert not any(u.glued for u in units[:2] + units[3:])


def test_a_page_without_blank_lines_keeps_each_line_apart():
    # Nothing tells a wrap from a paragraph end where every line ends with a bare break.
    page = _broken(PLAIN, "定期回访跟踪").replace("\n\n", "\n")
    units, _ = read_units(page)
    assert len(units) == 5 and not any(u.glued for u in units)
    assert is_tight(page)


@pytest.mark.parametrize("page", ["\n\n标题\n正文第一段。\n正文第二段。\n\n\n", "标题\r\n正文。\r\n"])
def test_a_page_is_tight_when_no_blank_line_stands_between_its_lines(page):
    assert is_tight(page)


@pytest.mark.parametrize("page", ["标题\n\n正文。\n", "标题\n\u3000\u3000\n正文。\n", "标题\n  \t\n正文。"])
def test_a_page_with_one_blank_or_whitespace_line_between_lines_is_not_tight(page):
    assert not is_tight(page)


@pytest.mark.parametrize("above, below, why", [
    ("讲座由市总工会职工服务中心主办。", "讲座结束后，咨询师还为20余名", "the line above ends its sentence"),
    ("县总工会开展职工心理健康讲座", "本报记者 吴晓峰", "a byline is a line of its own"),
    ("县总工会开展职工心理健康讲座", "本报讯 近日，县总工会邀请心理咨询师走进企业，为职工开展讲座。", "a dateline opens a paragraph"),
    ("讲座现场，职工们认真听讲并不时", "张 伟 摄", "a credit is a line of its own"),
    ("县总工会开展职工心理健康讲座", "——写在职工书屋开放之际", "a subtitle is a headline line"),
    ("稳就业保民生", "活水润万家", "a title set in two lines"),
    ("县总工会开展职工心理健康讲座", "近日，县总工会邀请心理咨询师走进企业，为职工开展讲座。", "a headline set on its body"),
])
def test_lines_that_are_set_apart_are_not_joined(above, below, why):
    page = PLAIN + "\n" + above + "\n" + below + "\n"
    units, _ = read_units(page)
    assert [u.raw for u in units[-2:]] == [above, below], why


# -- folio lines ---------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "工人日报  2020年3月5日  星期四",
    "2020年3月5日 星期四 第3版 要闻",
    "要闻 3 2020年3月5日 星期四",
    "人民日报\u30002020年3月5日",
    "— 3 —",
    "-12-",
    "第 3 版",          # the page's number on a line of its own
    "第3版：要闻",
    "第3版 要闻 责任编辑：张三",   # ... with its section and editor
])
def test_a_folio_line_is_the_pages_not_an_articles(line):
    assert one(line).kind == FOLIO


@pytest.mark.parametrize("line", [
    "2020年3月5日，市总工会召开五届三次全委会议。",
    "据工人日报2020年3月5日报道",          # one run of words: a sentence's start
    "2020年3月5日",                        # a date alone: a dated note or a diary entry
    "3月5日 星期四",                       # no year
    "2020年3月5日 市总工会召开职工代表大会暨工作会议",
])
def test_a_dated_line_that_is_no_folio_is_left_alone(line):
    assert one(line).kind != FOLIO


@pytest.mark.parametrize("top", ["人民日报", "工人日报", "2020年2月1日", "2020年2月1日 星期六", "要闻", "国际新闻"])
def test_the_papers_name_or_the_date_over_the_first_headline_is_the_pages(top):
    units, _ = read_units(f"{top}\n\n国办印发通报\n\n督查激励真抓实干成效明显地方\n\n新华社北京5月8日电 国务院办公厅近日印发通报。\n")
    assert [u.kind for u in units] == [FOLIO, HEAD, HEAD, BODY]


@pytest.mark.parametrize("first", ["国办印发通报", "中国银联", "王晨强调"])
def test_a_short_first_headline_line_is_no_page_head(first):
    # ends in 报, or short as a section's name is: a kicker or a title all the same
    units, _ = read_units(f"{first}\n\n督查激励真抓实干成效明显地方\n\n新华社北京5月8日电 国务院办公厅近日印发通报。\n")
    assert units[0].kind == HEAD


def test_folio_page_reads_the_printed_page_number():
    assert folio_page("工人日报  2020年3月5日  星期四  第3版\n\n## 标题\n\n正文。") == 3
    assert folio_page("## 标题\n\n正文。\n\n— 12 —\n") == 12
    assert folio_page("## 第3版要闻导读\n\n正文。") is None
    assert folio_page("第 4 版\n\n## 标题\n\n正文。") == 4


@pytest.mark.parametrize("line, dated", [
    ("（2020年5月27日政协第十三届全国委员会第三次会议通过）", True),
    ("（二〇二〇年五月二十六日第十三届全国人民代表大会第三次会议主席团第二次会议通过）", True),
    ("（2020年1月2日）", True),
    ("（新华社北京5月30日电）", False),         # a sign-off, not a date of adoption
    ("（2020年1月2日通过）此后各地陆续出台实施办法。", False),
])
def test_a_dated_note_is_a_whole_bracketed_line_opening_on_a_year(line, dated):
    assert is_dated_note(line) is dated


@pytest.mark.parametrize("line, alone", [
    ("2020年5月28日", True),
    ("2020 年 5 月 28 日", True),
    ("2020年5月28日，会议在北京举行。", False),
    ("（2020年5月28日）", False),               # a dated note, under a title
])
def test_a_date_alone_is_the_whole_line(line, alone):
    assert is_date_alone(line) is alone


# -- paragraphs an export ran together ----------------------------------------------------------

RUN_ON = "市总工会近日召开全委会议，部署今年的重点工作，要求各级工会围绕中心、服务大局，把职工群众的冷暖放在心上。"


def test_a_dateline_inside_a_paragraph_opens_a_paragraph_of_its_own():
    units, _ = read_units(RUN_ON + "本报北京2月4日电  （记者张三）全国总工会日前印发通知。\n")
    assert [(u.kind, u.text[:8]) for u in units] == [(BODY, "市总工会近日召开"), (BODY, "本报北京2月4日")]
    assert units[0].line == units[1].line == 1
    assert "split line 1: a dateline run together with the paragraph before it" in units[1].notes


@pytest.mark.parametrize("sentence", ["本报记者从国家电网获悉，今年用电负荷创新高。", "本报将继续关注。"])
def test_a_sentence_that_opens_with_the_paper_is_no_dateline(sentence):
    units, _ = read_units(RUN_ON + sentence + "\n")
    assert len(units) == 1


@pytest.mark.parametrize("below", ["本报讯（记者张三）全国总工会日前印发通知。", "本报记者 张三", "——全国总工会印发通知",
                                   "各级工会印发通知\n\n本报讯 全国总工会日前印发通知。", "温暖送到职工心坎上（民生观）",
                                   "（2020年1月2日）"])
def test_a_headline_ending_a_long_paragraph_is_set_apart_over_its_article(below):
    units, _ = read_units(RUN_ON + "工会送温暖活动启动\n\n" + below + "\n")
    assert [(u.kind, u.text) for u in units[:2]] == [(BODY, RUN_ON), (HEAD, "工会送温暖活动启动")]
    assert "split line 1: a headline run together with the paragraph before it" in units[1].notes


def test_a_kicker_ending_a_long_paragraph_is_set_apart_over_its_title():
    units, _ = read_units(RUN_ON + "全国总工会部署送温暖——\n\n工会送温暖活动启动\n\n全国总工会日前印发通知。\n")
    assert [(u.kind, u.text) for u in units[:3]] == [
        (BODY, RUN_ON), (HEAD, "全国总工会部署送温暖——"), (HEAD, "工会送温暖活动启动")]


def test_a_name_over_its_headline_ending_a_long_paragraph_is_set_apart():
    paragraph = RUN_ON + "各地要抓实抓细。"
    below = "徐发荣：\n\n无私奉献 守护安宁（为了民族复兴·英雄烈士谱）\n\n据新华社电 徐发荣，1968年出生。\n"
    run_together, _ = read_units(paragraph + below)
    apart, _ = read_units(paragraph + "\n\n" + below)
    assert [(u.kind, u.text) for u in run_together] == [(u.kind, u.text) for u in apart]
    assert "split line 1: a headline run together with the paragraph before it" in run_together[1].notes


@pytest.mark.parametrize("tail", ["健全乡村治理 维护农村稳定（政策解读·聚焦中央一号文件④）", "飞絮年年飘，治理出新招（说道）"])
@pytest.mark.parametrize("line_end", ["", "  "])      # trailing spaces, as OCR leaves some lines
def test_a_headline_closing_on_its_columns_name_is_set_apart_whatever_follows(tail, line_end):
    units, _ = read_units(RUN_ON + tail + line_end + "\n\n乡村治理是国家治理的基石。\n")
    assert [(u.kind, u.text) for u in units[:2]] == [(BODY, RUN_ON), (HEAD, tail)]


def test_a_short_paragraph_gives_up_a_headline_closing_on_its_columns_name():
    units, _ = read_units("家住北京东城区前门街道的老人对记者说：“胡同变美了，日子更舒心了。”延续城市的历史文脉（今日谈）\n\n头顶杂乱的架空天线已消失不见。\n")
    assert [u.text for u in units[:2]] == ["家住北京东城区前门街道的老人对记者说：“胡同变美了，日子更舒心了。”", "延续城市的历史文脉（今日谈）"]


def test_a_headline_that_holds_a_sentence_stays_whole():
    units, _ = read_units("10天10夜！火神山医院这样建成（产经观察·防控疫情，企业在行动①）\n\n昼夜不停连续施工。\n")
    assert units[0].text == "10天10夜！火神山医院这样建成（产经观察·防控疫情，企业在行动①）"


@pytest.mark.parametrize("line, column", [
    ("健全乡村治理 维护农村稳定（政策解读·聚焦中央一号文件④）", True),
    ("飞絮年年飘，治理出新招（说道）", True),
    ("王炳真摄（人民视觉）", False),                       # a photo credit's agency
    ("提案改了一遍又一遍（记者手记）", False),             # a box's tag
    ("对已实现稳定脱贫的县，各省（自治区、直辖市）", False),  # a list
    ("前段时间，美国国际商用机器公司（IBM）", False),       # a Latin name's short form
])
def test_a_column_name_closes_a_headline_and_no_credit_box_list_or_short_form_is_one(line, column):
    assert names_its_column(line) is column


@pytest.mark.parametrize("tail", ["王炳真摄（人民视觉）", "提案改了一遍又一遍（记者手记）"])
def test_a_credit_or_a_boxs_tag_closing_a_paragraph_stays_on_it(tail):
    units, _ = read_units(RUN_ON + tail + "\n\n乡村治理是国家治理的基石。\n")
    assert units[0].text == RUN_ON + tail


@pytest.mark.parametrize("page", [
    RUN_ON + "但这项工作的推进仍然存在不少困\n\n本报讯 全国总工会日前印发通知。\n",     # a sentence cut mid-word
    RUN_ON + "各级工会要主动作为，认真\n\n本报讯 全国总工会日前印发通知。\n",         # ... or with a comma in it
    RUN_ON + "工会送温暖活动启动\n\n## 全国总工会印发通知\n",                        # the page marks its headlines
    RUN_ON + "工会送温暖活动启动\n\n全国总工会日前印发通知\n\n各地工会积极响应。\n",  # nothing opens an article below
    "表格过滥，问题不小。福建从小切口入手减负——\n\n多共享数据 少重复填表\n",         # a kicker that holds a sentence
    RUN_ON[:-1] + '，"就是我们的责任。"\n\n本报讯 全国总工会日前印发通知。\n',                 # a quote's close, typed "
    RUN_ON + "各地要抓实抓细。还有\n\n“无纸化”，打个补丁好不好？（说道）\n",                               # a sentence's first word, cut
])
def test_a_paragraphs_last_words_stay_on_it_unless_an_article_opens_below(page):
    units, _ = read_units(page)
    assert not any("run together" in note for u in units for note in u.notes)


@pytest.mark.parametrize("line, staff", [
    ("版式设计：张丹峰", True),
    ("版式设计 蔡华伟", True),
    ("本版责编：李  明", True),
    ("新华社记者 郭 磊摄", False),    # a photo's credit: the article may go on under the picture
    ("设计师张丹峰说：", False),
])
def test_staff_credit_is_the_pages_staff_line(line, staff):
    assert is_staff_credit(line) is staff
