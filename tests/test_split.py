"""Splitting a page into articles (`backissues.split.split_page`), on small pages.

Each page is a few lines written for the test, in the layouts the OCR
delivers: `##`-marked headlines, plain short headline lines, columns that cut
a sentence and print its rest further down, paragraphs printed twice.
Only `split_page` and the `Article` it returns are used, so the tests hold
whatever the splitter does inside.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest

from backissues.evidence import HEADLINE_THRESHOLD, headline_score
from backissues.split import _vectors_cache, headline_contexts, split_page


def compact(text: str | None) -> str:
    """Text without spaces, Markdown marks or width differences (for comparing)."""
    if not text:
        return ""
    return re.sub(r"[\s#*]+", "", unicodedata.normalize("NFKC", text))


def body_text(article) -> str:
    return "".join(payload for kind, payload in article.blocks if kind == "p")


def article_with(articles, fragment: str):
    """The one article whose body holds the fragment."""
    found = [a for a in articles if compact(fragment) in compact(body_text(a))]
    assert len(found) == 1, f"{fragment!r} is in {len(found)} articles: {[a.headline for a in articles]}"
    return found[0]


def titled(articles, title: str):
    found = [a for a in articles if a.headline.title == title]
    assert len(found) == 1, f"no single article titled {title!r}: {[a.headline for a in articles]}"
    return found[0]


# -- folio lines ------------------------------------------------------------------------

def test_the_pages_folio_lines_belong_to_no_article_and_are_logged():
    # Plain and short, the folio line at the head would otherwise be read as
    # the first article's kicker or a headline of its own.
    page = "工人日报  2020年3月5日  星期四  第3版\n\n" + CUT_PAGE + "\n— 3 —\n"
    [article] = split_page(page)
    assert article.headline.kicker is None and article.headline.title == "市总工会启动春季职工技能大赛"
    assert "星期四" not in body_text(article) and "— 3 —" not in body_text(article)
    notes = [r for r in article.repairs if r.startswith("removed folio line")]
    assert notes == ["removed folio line (line 1): 工人日报 2020年3月5日 星期四 第3版",
                     "removed folio line (line 13): — 3 —"]


# -- a line tied to the next by a bare line break -------------------------------------------

TIED = """## 市总工会启动春季职工技能大赛

本报讯（记者 赵明远）3月10日，市总工会在市体育中心启动春季职工技能大赛，全市86家企业的1200余名职工报名参赛，各企业工会要明确参赛目

据了解，今年大赛首次增设新就业形态劳动者组别，快递员、网约车司机均可报名。

市总工会将为参赛选手提供免费
{gap}的技能培训和食宿保障，所需经费从工会经费中列支。
"""


def test_a_short_line_tied_to_the_sentence_it_breaks_off_is_joined_to_it():
    # "…明确参赛目" could also go on in "的技能培训…" (目的); on a page that leaves a
    # blank line between paragraphs, the bare line break says which piece does.
    [article] = split_page(TIED.format(gap=""))
    assert article.headline.title == "市总工会启动春季职工技能大赛"
    assert "市总工会将为参赛选手提供免费的技能培训和食宿保障" in body_text(article)
    assert "joined line 7 with line 8 (sentence cut by a bare line break)" in article.repairs


def test_the_same_line_set_apart_by_a_blank_line_is_not_tied():
    [article] = split_page(TIED.format(gap="\n"))
    assert "市总工会将为参赛选手提供免费的技能培训" not in body_text(article)


@pytest.mark.parametrize("opening", ["本报讯 近日，县总工会邀请心理咨询师走进企业，为一线职工开展心理健康讲座。",
                                     "近日，县总工会邀请心理咨询师走进企业，为一线职工开展心理健康讲座。"])
def test_a_headline_set_right_on_its_body_reads_as_if_a_blank_line_followed_it(opening):
    page = ("市总工会启动春季职工技能大赛\n\n本报讯 3月10日，市总工会启动春季职工技能大赛，全市1200余名职工报名参赛。\n\n"
            "县总工会开展职工心理健康讲座\n{gap}" + opening + "\n\n讲座结束后，咨询师还为20余名职工提供了一对一咨询服务。\n")

    def read(gap):
        return [(a.headline.title, [(kind, text) for kind, text in a.blocks]) for a in split_page(page.format(gap=gap))]
    assert read("") == read("\n")
    assert any(title == "县总工会开展职工心理健康讲座" or ("h", "县总工会开展职工心理健康讲座") in blocks
               for title, blocks in read(""))


def test_a_headline_line_above_the_rest_of_a_sentence_cut_further_up_stays_a_headline_line():
    # "的决心，…" finishes "…表现出了必胜", printed before the headline: the line
    # right above it need not be the sentence's start. (A plain page: one that
    # marks a headline with ## marks them all.)
    page = """女足备战东京奥运会

本报讯 2月7日，中国女足在澳大利亚进行的比赛中再次取胜，姑娘们在场上表现出了必胜

东京奥运会女足亚洲区预选赛

中国队战胜泰国队

的决心，球员在开场之后就展现出强烈的进攻欲望，上半场就取得两球领先。

本场比赛后，中国队以两战全胜的战绩提前锁定小组第一。
"""
    articles = split_page(page)
    assert [(a.headline.title, a.headline.subtitle) for a in articles][-1] == ("东京奥运会女足亚洲区预选赛", "中国队战胜泰国队")
    assert "表现出了必胜的决心，球员在开场之后" in body_text(articles[0])


def test_a_line_whose_own_last_word_the_bound_word_finishes_runs_on_into_it():
    # 得 opens a sentence's second half, and "…各级工会要加大", printed earlier,
    # stops mid-sentence; but 已取|得 is a word: the line is the one "得…" finishes.
    page = """## 全省工会推进困难职工解困脱困

本报讯 今年以来，全省工会把困难职工解困脱困作为头等大事，各级工会要加大

力争今年底全省在档困难职工全部实现解困脱困。

据介绍，江苏困难职工解困脱困工作已取

得阶段性成果，各级工会共筹集帮扶资金2.6亿元，救助困难职工家庭8.6万户。

帮扶力度，确保困难职工按时脱困。
"""
    [article] = split_page(page)
    assert "据介绍，江苏困难职工解困脱困工作已取得阶段性成果" in body_text(article)
    assert not any(kind == "h" for kind, _ in article.blocks)


# -- a sentence cut by a column break -------------------------------------------------

CUT_PAGE = """## 市总工会启动春季职工技能大赛

本报讯（记者 赵明远）3月10日，市总工会在市体育中心启动春季职工技能大赛，全市86家企业的1200余名职工报名参赛。

本届大赛设置电工、焊工、数控车工等12个竞赛项目，市总工会将对获奖选手给予奖励，并对参赛企业加大帮

据了解，今年大赛首次增设新就业形态劳动者组别，快递员、网约车司机均可报名。

扶力度，帮助企业留住技术骨干。
"""


def test_sentence_cut_mid_word_is_joined_to_its_continuation_two_pieces_down():
    [article] = split_page(CUT_PAGE)
    paragraphs = [p for kind, p in article.blocks if kind == "p"]
    assert "并对参赛企业加大帮扶力度，帮助企业留住技术骨干。" in paragraphs[1]
    assert not any(p.startswith("扶力度") for p in paragraphs), "the continuation must not stay a paragraph of its own"
    assert paragraphs[2].startswith("据了解"), "the piece in between keeps its place"


# Columns read across: the piece printed under the cut belongs to another
# article and opens plausibly (a quotation); the cut's own continuation, two
# pieces down, shares its names (柯占军, 毒贩).
INTERLEAVED_CUT_PAGE = """## 禁毒民警柯占军：倒在毒贩枪口下

本报讯（记者 周明）2012年2月23日，柯占军在境外执行任务40多天刚回到景洪，主动请缨加入抓捕毒贩战斗。

当天18时，抓捕组在景洪市一小区六楼楼道与毒贩狭路相逢，柯占军扑上去控制了一名毒贩，另一名毒贩突然开枪击中他的右下

“熬过去就能破案。”这是刑警顾瑛常对同事说的一句话，如今成了南通市刑警支队的座右铭。

胸部。倒在地上的柯占军依然用双手抱住毒贩的腿，终因伤势过重倒在血泊中。
"""


def test_a_cut_sentence_joins_the_piece_sharing_its_names_over_the_next_piece_printed():
    [article] = split_page(INTERLEAVED_CUT_PAGE)
    paragraphs = [p for kind, p in article.blocks if kind == "p"]
    assert any("击中他的右下胸部。倒在地上的柯占军" in compact(p) for p in paragraphs), paragraphs
    assert not any("右下“熬过去" in compact(p) for p in paragraphs), paragraphs


def test_join_is_written_to_the_repair_log_with_both_line_numbers():
    [article] = split_page(CUT_PAGE)
    notes = [r for r in article.repairs if "join" in r.lower()]
    assert notes, article.repairs
    assert {"5", "9"} <= set(re.findall(r"\d+", notes[0])), notes[0]


def test_a_byline_cut_inside_its_brackets_is_finished_by_the_piece_that_closes_them_far_down():
    filler = "\n\n".join(f"第{n}段，湄潭县总工会在全县打造了工会驿站，开设服务项目。" for n in range(1, 15))
    page = f"""辽源市总走访慰问公交一线职工

本报讯 (记者彭冰 通讯员曲

活动中,辽源市总为500余名公交一线职工共计发放慰问物资。

贵州湄潭县总拓宽党建带工建覆盖面

{filler}

思达)3月11日,吉林省辽源市总工会组织开展走访慰问公交公司一线职工活动。
"""
    byline = article_with(split_page(page), "3月11日,吉林省辽源市总工会组织")
    text = compact(body_text(byline))
    assert "通讯员曲思达)3月11日" in text, text[:60]
    assert "活动中" not in text.split("3月11日")[0], "the near piece does not finish the byline"


def test_a_headline_line_printed_inside_a_cut_sentence_stays_out_of_it():
    page = """## 市总工会启动春季职工技能大赛

本报讯（记者 赵明远）3月10日，市总工会在市体育中心启动春季职工技能大赛，全市86家企业的1200余名职工报名参赛。

活动中，市总工会为获评优秀职工称号的6名职工进

辽源市总走访慰问公交一线职工

行表彰。
"""
    articles = split_page(page)
    text = "".join(compact(body_text(a)) for a in articles)
    assert "6名职工进行表彰" in text, "the sentence reads on across the line printed inside it"
    assert "辽源市总" not in text, "the headline line is no part of the sentence"


def test_short_line_cut_mid_word_is_body_not_a_headline():
    page = """## 市总工会加大困难职工帮扶力度

本报讯（记者 马晓东）今年以来，市总工会累计投入帮扶资金3200万元，慰问困难职工1.2万户。

市总工会将进一步加大帮

扶力度，帮助困难职工渡过难关。
"""
    articles = split_page(page)
    assert len(articles) == 1
    [article] = articles
    assert all(kind == "p" for kind, _ in article.blocks), article.blocks
    assert "市总工会将进一步加大帮扶力度，帮助困难职工渡过难关。" in body_text(article)


# -- datelines ------------------------------------------------------------------------

DATELINES = [
    pytest.param("本报讯（记者 钱亮）", id="benbaoxun"),
    pytest.param("本报杭州4月2日电（记者 钱亮）", id="benbao-place-date-dian"),
    pytest.param("新华社南京4月2日电  ", id="xinhuashe"),
    pytest.param("据新华社北京4月2日电 ", id="ju-xinhuashe"),
    pytest.param("中新社上海4月2日电（记者 钱亮）", id="zhongxinshe"),
    pytest.param("本报电  ", id="benbaodian"),
]


@pytest.mark.parametrize("dateline", DATELINES)
def test_dateline_opens_an_article_and_is_never_joined_onto_a_cut_sentence(dateline):
    page = f"""## 区总工会为环卫工人送清凉

本报讯（通讯员 孙丽）7月15日，区总工会为全区环卫工人送去防暑降温物资，并在主要街道设立爱心驿站，方便户外劳动者

{dateline}近日，县总工会举办首届职工篮球赛，来自全县28家单位的代表队参赛。
"""
    articles = split_page(page)
    first = titled(articles, "区总工会为环卫工人送清凉")
    assert "篮球赛" not in body_text(first)
    second = article_with(articles, "县总工会举办首届职工篮球赛")
    assert second is not first
    opening = next(p for kind, p in second.blocks if kind == "p")
    assert compact(opening).startswith(compact(dateline)), opening


def test_each_dateline_opens_its_own_article_even_without_headlines():
    page = """本报讯（通讯员 宋佳）近日，区总工会组织医疗专家走进物流园区，为300余名货车司机免费体检。

体检结束后，专家还为司机们讲解了颈椎病、腰椎病的预防知识。

本报讯（通讯员 田园）5月1日，县总工会职工书画展开幕，展出作品120余幅。
"""
    articles = split_page(page)
    assert len(articles) == 2
    assert "货车司机" in body_text(articles[0]) and "颈椎病" in body_text(articles[0])
    assert "书画展" in body_text(articles[1])


# -- headlines -----------------------------------------------------------------------------

PLAIN_PAGE = """县总工会开展送法进企业活动

本报讯（通讯员 周小燕）4月下旬，县总工会组织律师走进工业园区，为200余名职工讲解劳动合同法，现场解答职工咨询30余条。

活动还向职工发放了维权手册，公布了职工法律援助热线。

老师傅带出新徒弟

本报记者 吴晓峰

在机床厂的装配车间，59岁的钳工刘建国正手把手教徒弟修整量具。这是他带出的第十二个徒弟。
"""


def test_kicker_title_and_byline_inside_a_report_stay_a_part_of_it():
    # A package: one report made of signed parts, each under its own
    # kicker and title, on the same subject as the report's lead.
    page = """多地工会为返岗农民工提供“点对点”服务

本报讯 各地工会近日组织专车、包车，帮助返岗农民工安全有序返回企业，返岗农民工乘专车直达企业。

江苏苏州工业园区——

专车接返岗农民工

本报记者 吴晓峰

园区工会为返岗农民工包下专车，专车从农民工家门口出发，把返岗农民工直接送到企业宿舍。
"""
    [article] = split_page(page)
    assert article.headline.title == "多地工会为返岗农民工提供“点对点”服务"
    assert "直接送到企业宿舍" in body_text(article)


def test_plain_headline_line_followed_by_a_dateline_opens_a_new_article():
    page = PLAIN_PAGE.replace("本报记者 吴晓峰\n\n在机床厂", "本报讯（记者 吴晓峰）在机床厂")
    articles = split_page(page)
    second = titled(articles, "老师傅带出新徒弟")
    assert body_text(second).startswith("本报讯（记者 吴晓峰）在机床厂")


def test_a_plain_headline_over_a_piece_of_the_article_above_then_a_dateline_opens_a_new_article():
    # Two columns interleaved: the meeting report runs on for a piece under
    # the new headline before the new report's dateline.
    page = """市总工会召开全委会议

本报讯（记者 周青）3月2日，市总工会召开十五届三次全委会议，听取和审议了常委会工作报告。

会议听取了市总工会副主席王红作的关于经费审查工作的说明，审议了有关决议草案。

区总工会为快递小哥送去体检卡

会议听取了经费审查委员会主任李明作的审查报告，审议了财务预算草案，同意将常委会工作报告和上述决议草案提请全委会议表决。

本报讯（通讯员 宋佳）近日，区总工会组织医疗专家走进快递站点，为300余名快递小哥免费体检，并送去健康体检卡。

体检结束后，专家们还为快递小哥讲解了颈椎病的预防知识，区总工会还为他们送去了防暑药品和饮品。

区总工会负责人表示，将把快递小哥体检办成每年的实事。
"""
    articles = split_page(page)
    assert [a.headline.title for a in articles] == ["市总工会召开全委会议", "区总工会为快递小哥送去体检卡"]
    meeting, checkups = articles
    assert "审查报告" in body_text(meeting)
    assert body_text(checkups).startswith("本报讯（通讯员 宋佳）")


def test_pieces_printed_between_a_sign_off_and_a_plain_headline_open_the_new_article():
    page = """市总工会召开全委会议

本报讯（记者 周青）3月2日，市总工会召开十五届三次全委会议，听取和审议了常委会工作报告。

会议要求，各级工会要把职工群众的冷暖放在心上，帮助他们解决实际困难。

（本报北京3月2日电）

区总工会近日组织医疗专家走进快递站点，为300余名快递小哥免费体检。

体检结束后，专家们还为快递小哥讲解了颈椎病的预防知识。

让快递小哥跑得更安心更舒心

区总工会还为快递小哥送去了防暑药品和饮品，并建立了健康档案。

区总工会负责人表示，将把快递小哥体检办成每年的实事。
"""
    articles = split_page(page)
    assert [a.headline.title for a in articles] == ["市总工会召开全委会议", "让快递小哥跑得更安心更舒心"]
    meeting, checkups = articles
    assert body_text(meeting).endswith("（本报北京3月2日电）")
    assert body_text(checkups).startswith("区总工会近日组织医疗专家")


def test_a_lead_in_line_ending_in_a_dash_introduces_a_part_of_the_article_it_is_printed_in():
    page = """一线职工的坚守

本报记者 周青

疫情发生以来，全市各级工会组织广大职工坚守岗位，保障城市正常运行。记者走访了几位一线职工。

公交集团驾驶员王建国——

“乘客需要，我就在。”

每天清晨5点，王建国就开着公交车从总站出发，车厢消毒、测温登记，一样不落。

他说，只要乘客还需要坐车，这条线路就不能停。
"""
    [article] = split_page(page)
    assert article.headline.title == "一线职工的坚守"
    assert ("h", "公交集团驾驶员王建国——") in article.blocks
    assert "这条线路就不能停" in body_text(article)


@pytest.mark.xfail(strict=True, reason="joins ignore the headline and byline printed between two pieces: the "
                                       "previous article's cut-off last sentence is glued onto the new article's "
                                       "first paragraph, which leaves the new article with no body")
def test_opening_paragraph_under_a_headline_and_byline_is_not_glued_onto_the_article_above():
    page = """## 市总工会加大困难职工帮扶力度

本报讯（记者 马晓东）今年以来，市总工会累计投入帮扶资金3200万元，并计划下半年进一步扩大帮扶

老师傅带出新徒弟

本报记者 吴晓峰

在机床厂的装配车间，59岁的钳工刘建国正手把手教徒弟修整量具。这是他带出的第十二个徒弟。
"""
    articles = split_page(page)
    second = titled(articles, "老师傅带出新徒弟")
    assert body_text(second).endswith("在机床厂的装配车间，59岁的钳工刘建国正手把手教徒弟修整量具。这是他带出的第十二个徒弟。")
    assert "钳工" not in body_text(titled(articles, "市总工会加大困难职工帮扶力度"))


def test_markdown_title_and_subtitle():
    page = """## 全省职工书屋建设提质增效

### 今年新建示范书屋300家，覆盖一线班组

本报讯（记者 郑文静）记者从省总工会获悉，今年全省将新建职工书屋示范点300家，重点向一线班组、新就业形态劳动者倾斜。
"""
    [article] = split_page(page)
    assert article.headline.kicker is None
    assert article.headline.title == "全省职工书屋建设提质增效"
    assert article.headline.subtitle == "今年新建示范书屋300家，覆盖一线班组"
    assert not any(kind == "h" for kind, _ in article.blocks)


@pytest.mark.parametrize("kicker_line, title_line", [
    ("聚焦一线需求 精准开展帮扶——", "市总工会“送温暖”惠及两万职工"),
    ("# 聚焦一线需求 精准开展帮扶——", "## 市总工会“送温暖”惠及两万职工"),
], ids=["plain", "markdown"])
def test_line_ending_in_a_dash_is_the_kicker_above_the_title(kicker_line, title_line):
    page = f"""{kicker_line}

{title_line}

本报讯（记者 冯志刚）春节前夕，市总工会筹集资金1500万元，走访慰问困难职工和一线职工两万余人次。
"""
    [article] = split_page(page)
    assert article.headline.kicker == "聚焦一线需求 精准开展帮扶——"
    assert article.headline.title == "市总工会“送温暖”惠及两万职工"
    assert article.headline.subtitle is None


def test_kicker_and_subtitle_dashes_read_as_hyphens_still_make_them_kicker_and_subtitle():
    page = """聚焦一线需求 精准开展帮扶--

市总工会“送温暖”惠及两万职工

--今年筹集资金1500万元

本报讯（记者 冯志刚）春节前夕，市总工会筹集资金1500万元，走访慰问困难职工和一线职工两万余人次。
"""
    [article] = split_page(page)
    h = article.headline
    assert (h.kicker, h.title, h.subtitle) == ("聚焦一线需求 精准开展帮扶——", "市总工会“送温暖”惠及两万职工", "——今年筹集资金1500万元")


MARKED_PAGE = """## 企业工会搭建职工创新平台

本报讯（记者 何立群）近年来，某机械集团工会以劳模创新工作室为依托，引导职工围绕生产难题开展技术攻关。

一线班组有了“智囊团”

集团工会在各车间设立创新小组，每月召开一次攻关例会，今年以来已解决生产难题47项。

成果转化跑出加速度

去年，集团职工申报的18项创新成果实现推广应用，为企业节约成本2000余万元。

## 县总工会开展职工读书月活动

本报讯（通讯员 梁晓红）4月23日，县总工会启动职工读书月活动，向基层职工书屋赠送图书5000余册。
"""


def test_unmarked_subheads_on_a_markdown_page_stay_in_the_article():
    articles = split_page(MARKED_PAGE)
    assert [a.headline.title for a in articles] == ["企业工会搭建职工创新平台", "县总工会开展职工读书月活动"]
    first = articles[0]
    assert [text for kind, text in first.blocks if kind == "h"] == ["一线班组有了“智囊团”", "成果转化跑出加速度"]
    assert "生产难题47项" in body_text(first) and "节约成本2000余万元" in body_text(first)


# -- duplicates ----------------------------------------------------------------------------------

def test_paragraph_printed_twice_is_kept_once_with_a_repair_note():
    page = """## 市总工会建成百家职工驿站

本报讯（记者 邓海鹰）截至6月底，市总工会已在全市建成职工驿站112家，为户外劳动者提供饮水、休息、充电等服务。

驿站由工会、商户和社区共同管理，市总工会按每家每年5000元的标准给予运营补贴。

驿站由工会、商户和社区共同管理，市总工会按每家每年5000元的标准给予运营补贴。

下一步，市总工会将推动驿站向乡镇延伸。
"""
    [article] = split_page(page)
    assert body_text(article).count("驿站由工会、商户和社区共同管理") == 1
    assert "下一步，市总工会将推动驿站向乡镇延伸。" in body_text(article)
    notes = [r for r in article.repairs if "removed duplicate" in r]
    assert len(notes) == 1 and "7" in re.findall(r"\d+", notes[0]), article.repairs


def test_a_formula_two_articles_end_with_stays_in_both():
    # Short whole sentences and notes that several reports print are not
    # a piece printed twice: each article keeps its own.
    page = """## 中共中央政治局召开会议

新华社北京5月14日电 中共中央政治局5月14日召开会议，分析研究当前经济形势。

会议还研究了其他事项。

（新华社北京5月14日电）

## 中共中央政治局常务委员会召开会议

新华社北京5月14日电 中共中央政治局常务委员会5月14日召开会议，研究疫情防控工作。

会议还研究了其他事项。

（新华社北京5月14日电）
"""
    articles = split_page(page)
    assert len(articles) == 2
    for article in articles:
        assert body_text(article).count("会议还研究了其他事项。") == 1
        assert "（新华社北京5月14日电）" in body_text(article)
    assert not any("duplicate" in r for a in articles for r in a.repairs)


def test_paragraph_printed_twice_is_kept_once_when_the_cut_copy_comes_first():
    page = """## 市总工会建成百家职工驿站

本报讯（记者 邓海鹰）截至6月底，市总工会已在全市建成职工驿站112家，为户外劳动者提供饮水、休息、充电等服务。

驿站由工会、商户和社区共同管理，市总工会按每家每年5000元的标准给予运营补贴，并为驿站

下一步，市总工会将推动驿站向乡镇延伸。

驿站由工会、商户和社区共同管理，市总工会按每家每年5000元的标准给予运营补贴，并为驿站统一配备冰箱和微波炉。
"""
    [article] = split_page(page)
    assert body_text(article).count("驿站由工会、商户和社区共同管理") == 1
    assert "统一配备冰箱和微波炉" in body_text(article)
    assert any("removed duplicate" in r for r in article.repairs)


# -- headlines printed away from their body -----------------------------------------------------

def test_headline_printed_below_its_body_is_matched_to_that_body():
    page = """职工健康驿站配备了血压计、血糖仪和急救箱，由企业卫生所的医生轮流值守，职工在工间休息时就能量血压、做咨询。

下一步，市总工会将把职工健康驿站建设纳入对企业工会的年度考核。

市总工会在重点企业建起职工健康驿站

本报记者 林海燕

“以前体检要专门请假跑医院，现在厂里的健康驿站就能做。”近日，在某纺织公司，挡车工王秀梅说。
"""
    articles = split_page(page)
    assert len(articles) == 1
    [article] = articles
    assert article.headline.title == "市总工会在重点企业建起职工健康驿站"
    assert "血压计" in body_text(article) and "挡车工王秀梅" in body_text(article)


OPENING_BOX_PAGE = """市职工乒乓球赛落幕

本报讯（记者 周青）3月8日，市职工乒乓球赛在市体育馆落幕，来自42家企业的300余名职工参赛。

“我喜欢打乒乓球，这项运动让我结识了很多朋友。”获得女子单打冠军的纺织厂职工李红说。

职工赛场佳绩频传

拼来了胜利 拼出了信心

核心阅读

市职工篮球队拿到全省联赛决赛资格，市职工龙舟队夺得邀请赛冠军，职工体育赛场佳绩频传。

3月7日，全省职工篮球联赛半决赛在省体育中心进行，市职工篮球队以八分优势战胜对手。

龙舟邀请赛上，市职工龙舟队划出了今年的最好成绩。
"""


def test_a_headline_group_over_an_opening_box_opens_an_article_as_over_a_dateline():
    matches, sports = split_page(OPENING_BOX_PAGE)
    assert matches.headline.title == "市职工乒乓球赛落幕"
    assert sports.headline.title == "职工赛场佳绩频传"
    assert sports.headline.subtitle == "拼来了胜利 拼出了信心"
    assert [p[:4] for kind, p in sports.blocks][:2] == ["核心阅读", "市职工篮"]
    assert body_text(matches).endswith("李红说。")


def test_a_long_unpunctuated_line_over_a_headline_over_an_opening_box_is_a_headline_line():
    # Two results in one headline, too long for a headline line on its own
    page = OPENING_BOX_PAGE.replace("职工赛场佳绩频传", "市职工篮球队拿到全省联赛决赛资格 市职工龙舟队夺得邀请赛冠军")
    matches, sports = split_page(page)
    assert sports.headline.title == "市职工篮球队拿到全省联赛决赛资格 市职工龙舟队夺得邀请赛冠军"
    assert sports.headline.subtitle == "拼来了胜利 拼出了信心"
    assert body_text(matches).endswith("李红说。")
    assert body_text(sports).startswith("核心阅读")


def test_a_plain_headline_right_after_a_whole_dated_report_opens_the_next_article():
    # Nothing else marks the group: no dateline or byline under it, and the
    # two reports share words (复工). A report's first subhead comes after a
    # paragraph or two; this group follows three.
    page = """快递网点复工过半

本报北京2月18日电 （记者 周青）记者18日从市邮政管理局获悉，全市快递网点复工率已超过五成。

在市邮政管理局的组织下，2月10日，各主要快递企业实现复工，日均揽收量恢复到去年同期的四成。

市邮政管理局表示，将继续指导企业做好从业人员防护，保障快递服务平稳有序。

安全生产 有序复工

工地加快重点项目建设

2月15日，城南隧道顺利贯通，这是全市重点项目复工后的又一进展。

春节期间，隧道各施工点上，每天都有工人坚守岗位，测体温、戴口罩，防疫施工两不误。
"""
    couriers, tunnel = split_page(page)
    assert couriers.headline.title == "快递网点复工过半"
    assert tunnel.headline.title == "安全生产 有序复工"
    assert tunnel.headline.subtitle == "工地加快重点项目建设"
    assert body_text(tunnel).startswith("2月15日，城南隧道顺利贯通")


def test_report_opening_printed_above_its_headline_joins_it_without_shared_words():
    # The dateline piece names nothing the headline names; what places it is
    # that it opens a report and the body under the headline does not.
    page = """## 区总工会为一线职工送健康

本报讯（通讯员 宋佳）近日，区总工会组织医疗专家走进物流园区，为300余名货车司机免费体检。

体检结束后，专家们还为司机们讲解了颈椎病的预防知识。

本报杭州3月2日电（记者 柯文涛）“厂里的夜校开到了车间门口。”在某机械公司，车工李明说。

## 夜校办进车间

去年以来，这家公司工会把职工课堂搬到生产一线，已有400多名职工拿到技能证书。
"""
    articles = split_page(page)
    assert [a.headline.title for a in articles] == ["区总工会为一线职工送健康", "夜校办进车间"]
    night_school = articles[1]
    assert body_text(night_school).startswith("本报杭州3月2日电")
    assert "技能证书" in body_text(night_school)
    assert any("they open an article" in r for r in night_school.repairs)


def test_an_opening_box_printed_above_a_headline_belongs_to_the_article_under_it():
    # 核心阅读 and its summary sit above the headline of the article they
    # sum up, after the last paragraph of the article before.
    page = """## 区总工会为一线职工送健康

本报讯（通讯员 宋佳）近日，区总工会组织医疗专家走进物流园区，为300余名货车司机免费体检。

体检结束后，专家们还为司机们讲解了颈椎病的预防知识。

下一步，区总工会将把健康服务送到更多园区。

核心阅读

疫情期间居家健身成为共识，专家提醒要量力而行、循序渐进。

## 中老年居家健身注意啥

中老年群体居家健身如何做到科学、安全？专家提醒，要根据自身情况选择合适的运动项目。
"""
    articles = split_page(page)
    assert [a.headline.title for a in articles] == ["区总工会为一线职工送健康", "中老年居家健身注意啥"]
    fitness = articles[1]
    assert body_text(fitness).startswith("核心阅读")
    assert "专家提醒要量力而行" in body_text(fitness)
    assert "核心阅读" not in body_text(articles[0])


def test_headline_left_at_the_foot_of_the_page_titles_the_body_above_it():
    page = """## 区总工会为一线职工送健康

本报讯（通讯员 宋佳）近日，区总工会组织医疗专家走进物流园区，为300余名货车司机免费体检。

本报讯（记者 柯文涛）日前，省总工会出台意见，支持返乡农民工在县域创业，符合条件的可申请最高30万元的创业担保贷款。

省总工会出台意见支持农民工返乡创业
"""
    articles = split_page(page)
    article = article_with(articles, "创业担保贷款")
    assert article.headline.title == "省总工会出台意见支持农民工返乡创业"
    assert not any(kind == "h" for kind, _ in article.blocks)


def test_headline_printed_over_the_wrong_body_far_down_the_page_finds_its_own():
    page = """## 市总工会召开年度工作会议

本报讯（记者 周明）1月8日，市总工会召开年度工作会议，总结去年工作并部署今年任务。

本报讯（记者 柳珊 通讯员 孙峰）12月26日，吉林省总工会召开新闻发布会，启动专业人才慰问活动，全省工会将加大对专业技术人才的慰问力度。

## 区总工会开展安全生产月活动

本报讯（通讯员 宋佳）6月1日起，区总工会在建筑工地开展安全生产月活动，发放安全手册五千册。

## 港口职工技能比武落幕

本报讯（记者 柯文）港口集团第十届职工技能比武日前落幕，桥吊司机、理货员等工种的80名选手获奖。

## 女职工关爱室覆盖全部园区

本报讯（记者 林燕）开发区总工会建成女职工关爱室42个，覆盖区内全部工业园区。

## 快递员暖心驿站投入使用

本报讯（通讯员 何平）城东街道为快递员建起暖心驿站，提供饮水、充电和午休场所。

## 吉林工会加大专业人才慰问力度

本报讯（记者 余熙）连日来，一位名叫孟安的纺织工人入选首批纺织大工匠，所在的纺织公司沸腾了。
"""
    articles = split_page(page)
    assert article_with(articles, "吉林省总工会召开新闻发布会").headline.title == "吉林工会加大专业人才慰问力度"
    assert article_with(articles, "孟安").headline.title != "吉林工会加大专业人才慰问力度"
    assert any("with the body printed under it" in note for a in articles for note in a.repairs)


def test_long_line_between_a_finished_paragraph_and_a_dateline_heads_the_new_report():
    page = """## 市总工会召开年度工作会议

本报讯（记者 周明）1月8日，市总工会召开年度工作会议，总结去年工作并部署今年任务。

南通海门区总整合资源打造可移动的“家” “纳凉公交”开进货车司机集聚地

本报讯（记者 黄涛）“车里整洁凉快，真好！”近日，海门区总工会推出的纳凉公交陆续投放到位。
"""
    article = article_with(split_page(page), "纳凉公交陆续投放到位")
    assert "集聚地" in (article.headline.title or "")
    assert "集聚地" not in body_text(article)


def test_a_line_taken_for_a_subhead_heads_the_report_its_dateline_opens():
    page = """## 市总工会召开年度工作会议

本报讯（记者 周明）1月8日，市总工会召开年度工作会议，总结去年工作并部署今年任务。

## 港口职工技能比武落幕

本报讯（记者 柯文）港口集团第十届职工技能比武日前落幕，80名选手获奖。

区总工会为环卫工人送清凉

本报讯（记者 宋佳）7月1日，区总工会为环卫工人送去防暑降温用品。
"""
    articles = split_page(page)
    assert article_with(articles, "防暑降温用品").headline.title == "区总工会为环卫工人送清凉"
    assert "送清凉" not in body_text(article_with(articles, "80名选手获奖"))


# -- conservation -------------------------------------------------------------------------------

CONSERVATION_PAGE = """# 练就过硬本领 争当技能先锋——

## 全市职工技能大赛决出36名“技术状元”

### 获奖选手将直接晋升一级职业技能等级

本报讯（记者 韩冬梅 通讯员 许诺）11月8日，全市职工职业技能大赛落下帷幕，经过理论考试和实操比拼，36名选手获得各工种第一名。

本届大赛共设置电工、焊工、汽车维修工等18个工种，吸引了全市230家企业的4600余名职工报名，参赛人数创历年新高。

赛场之外的“加油站”

为帮助职工备赛，市总工会依托劳模创新工作室开设集训班，组织技能大师为参赛选手集中授课，累计培训职工3000余人次，并为

本届大赛共设置电工、焊工、汽车维修工等18个工种，吸引了全市230家企业的4600余名职工报名，参赛人数创历年新高。

家庭困难的选手发放交通和食宿补贴。

选手在焊接项目比赛中 周 宁 摄

（下转第2版）

## 县总工会开展职工心理健康讲座

通讯员 高洁

近日，县总工会邀请心理咨询师走进企业,为一线职工开展心理健康讲座,帮助职工学会调节情绪、缓解压力。

讲座结束后，咨询师还为20余名职工提供了一对一咨询服务。（杨帆）
"""
# the second copy of the paragraph 本届大赛共设置…, which the output keeps once
DUPLICATE_LINE = [n for n, line in enumerate(CONSERVATION_PAGE.split("\n"), start=1)
                  if line.startswith("本届大赛共设置")][1]


def article_texts(article) -> list[str]:
    """Every printed text an article holds, each once."""
    h = article.headline
    texts = [h.kicker, h.title, h.subtitle, h.column]
    texts += [payload for _, payload in article.blocks]
    in_blocks = {payload for _, payload in article.blocks}
    texts += [t for t in (*article.bylines, *article.credits, *article.marks) if t not in in_blocks]
    return [t for t in texts if t]


def test_every_printed_character_ends_up_in_exactly_one_article():
    articles = split_page(CONSERVATION_PAGE)
    printed = Counter()
    for number, line in enumerate(CONSERVATION_PAGE.split("\n"), start=1):
        if number != DUPLICATE_LINE:
            printed.update(compact(line))
    placed = Counter()
    for article in articles:
        for text in article_texts(article):
            placed.update(compact(text))
    assert placed - printed == Counter(), "characters added or placed twice"
    assert printed - placed == Counter(), "characters lost"


def test_every_source_line_is_used_by_exactly_one_article():
    articles = split_page(CONSERVATION_PAGE)
    used = [n for a in articles for n in a.lines]
    duplicates = [n for n, c in Counter(used).items() if c > 1]
    assert not duplicates, f"lines used by two articles: {duplicates}"
    printed = {n for n, line in enumerate(CONSERVATION_PAGE.split("\n"), start=1) if line.strip()}
    assert printed - {DUPLICATE_LINE} <= set(used), sorted(printed - {DUPLICATE_LINE} - set(used))


def test_lines_put_back_together_are_all_recorded_as_used():
    # On a page that ends paragraphs with a blank line, a headline wrapped
    # over two lines and a paragraph broken by a bare line break are each put
    # back on one line; every line they came from belongs to the article.
    page = ("全市职工技能大赛决出36名\n“技术状元”\n\n"
            "本报讯（记者刘旭）近日，全市职工技能大赛在市体育馆落下帷幕，来自全市各行各业的\n"
            "三百多名职工参加了比赛。\n\n"
            "比赛设焊工、电工、数控车工等十个工种，历时三天。\n\n"
            "获奖选手将直接晋升一级职业技能等级。\n\n"
            "市总工会还为选手发放了交通和食宿补贴。\n\n"
            "大赛已连续举办十届。\n\n"
            "明年的大赛将增设新工种。\n")
    (article,) = split_page(page)
    assert article.headline.title == "全市职工技能大赛决出36名“技术状元”"
    assert any("joined line 5 to line 4" in note for note in article.repairs)
    printed = {n for n, line in enumerate(page.split("\n"), start=1) if line.strip()}
    assert set(article.lines) == printed, sorted(printed - set(article.lines))


def test_a_paragraph_put_back_on_one_line_is_printed_at_one_place():
    # Sharing pieces around a headline weighs where each piece was printed
    # (columns alternate piece by piece): a paragraph wrapped over three lines
    # is one place, not three, though all three lines are its.
    from backissues.split import _group, _prepare, _vectors_cache
    page = ("全市职工技能大赛落幕\n\n"
            "本报讯 近日，全市职工技能大赛在市体育馆落下帷幕，来自全市各行各业的\n"
            "三百多名职工参加了比赛，比赛设焊工、电工、数控车工等十个\n"
            "工种。\n\n"
            "获奖选手将直接晋升一级职业技能等级。\n\n"
            "市总工会还为选手发放了交通和食宿补贴。\n\n"
            "大赛已连续举办十届。\n\n"
            "明年的大赛将增设新工种。\n")
    units, dropped, chains = _prepare(page, _vectors_cache())
    (draft,) = _group(units, chains, dropped, _vectors_cache())
    first = draft.items[0][0]
    assert draft.item_lines[first] == ((3, 4, 5),)
    assert sorted(draft.lines) == [1, 3, 4, 5, 7, 9, 11, 13]


def test_conservation_page_is_split_as_a_reader_would():
    articles = split_page(CONSERVATION_PAGE)
    assert [(a.headline.kicker, a.headline.title, a.headline.subtitle) for a in articles] == [
        ("练就过硬本领 争当技能先锋——", "全市职工技能大赛决出36名“技术状元”", "获奖选手将直接晋升一级职业技能等级"),
        (None, "县总工会开展职工心理健康讲座", None),
    ]
    first, second = articles
    assert "并为家庭困难的选手发放交通和食宿补贴。" in body_text(first)
    assert first.marks == ("（下转第2版）",)
    assert len(first.credits) == 1 and first.credits[0].endswith("摄")
    assert second.bylines == ("通讯员 高洁",)


def test_two_line_section_heads_of_one_shape_stay_inside_their_roundup():
    # A roundup's sections each open with a pair of eight-character lines;
    # pairs of the same shape, line by line, are siblings, not new articles.
    page = """各地各部门继续做好疫情防控各项工作

本报北京2月2日电 连日来，各地区各部门继续做好疫情防控各项工作，出台多项措施保障群众就医和生活物资供应。

财政部2月2日发出通知，要求各级财政部门加快拨付疫情防控补助资金，确保群众不因费用问题影响就医。

减免补助医疗费用

基层积极宣传防疫

青海省医疗保障局联合省财政厅、省卫健委明确，对全省确诊患者发生的医疗费用，在基本医保、大病保险、医疗救助按规定支付后，个人负担部分由财政给予补助。

记者2日从河北省财政厅获悉，河北已下达补助资金，支持基层开展防疫宣传和群众就医保障工作。

保障防控物资供应

药企紧急驰援武汉

2月1日上午，吉林省一家生化公司拿到消毒产品生产许可，随即组织员工加班生产，首批消毒液当天运往武汉。

为保障防控物资供应，多地药企春节期间放弃休假，开足马力生产口罩、防护服等物资。

（综合本报记者报道）
"""
    [article] = split_page(page)
    heads = [text for kind, text in article.blocks if kind == "h"]
    assert heads == ["减免补助医疗费用", "基层积极宣传防疫", "保障防控物资供应", "药企紧急驰援武汉"]


def test_the_briefs_under_a_roundup_banner_are_one_article_until_a_full_report():
    page = """资讯速递

河北企业加班加点生产防护用品

本报石家庄2月4日电 河北多家企业春节期间加班生产防护服和口罩，日产防护服三千套。

（记者 张文）

滴滴组建车队服务医护人员

本报北京2月4日电 滴滴出行在武汉组建医护保障车队，免费接送医护人员上下班。

（记者 李明）

法国打击偷漏税初显成效

本报巴黎电 法国政府近日发布数据显示，2019年法国追回偷漏税款项110亿欧元，比上年增长16.3%。""" + \
        "法国政府近年来出台打击偷漏税法案，设立专门机构，运用数据挖掘技术追查案件。" * 12 + """
"""
    roundup, report = split_page(page)
    assert roundup.headline.title == "资讯速递"
    assert [text for kind, text in roundup.blocks if kind == "h"] == ["河北企业加班加点生产防护用品", "滴滴组建车队服务医护人员"]
    assert "滴滴出行在武汉组建医护保障车队" in body_text(roundup)
    assert report.headline.title == "法国打击偷漏税初显成效"


def test_a_reporters_notebook_box_stays_with_the_report_it_is_printed_by():
    page = """春耕时节访农家

本报长沙4月8日电 记者近日走访了湖南益阳的种粮大户，田间地头一派繁忙景象，插秧机来回穿梭。

种粮大户李建国说，今年他流转了三百亩地，全部用上了机械化插秧，人工成本下降了一半。

调研深才能看得准（记者手记）

走进田间地头，才能真正听到农民的心声，看到春耕生产中的真实困难。

全国铁路今日起调图

本报北京4月9日电 全国铁路今日起实行新的列车运行图，新增旅客列车一百余列。
"""
    report, railway = split_page(page)
    assert [text for kind, text in report.blocks if kind == "h"] == ["调研深才能看得准（记者手记）"]
    assert "真正听到农民的心声" in body_text(report)
    assert railway.headline.title == "全国铁路今日起调图"


def test_a_long_run_printed_twice_inside_two_paragraphs_is_kept_once_where_it_reads_on():
    # OCR printed a column's block twice: it starts mid-clause and stops
    # mid-sentence, where the column was cut, in both paragraphs.
    run = ("职工技能培训一千二百余场，参训职工超过六万人次，"
           "其中一线职工占八成以上，培训合格率达到百分之九十五，比去年提高了七个百分点，"
           "另有三百余名职工通过培训取得了高级工以上职业资格证书，全市高技能人才总量达到十二万人，"
           "占技能劳动者总量的三成，一批技术能手走上了班组长和")
    page = f"""## 市总工会推进职工技能提升行动

本报讯（记者 邓海鹰）今年以来，市总工会把职工技能培训作为重点工作，全市各级工会共开展{run}

下一步，市总工会将推动驿站向乡镇延伸，为户外劳动者提供更多便利和{run}
"""
    [article] = split_page(page)
    text = body_text(article)
    assert text.count("职工技能培训一千二百余场") == 1
    assert "全市各级工会共开展职工技能培训" in text          # the copy that reads on stays
    assert any("removed duplicate run" in r and "line 5" in r for r in article.repairs), article.repairs


def test_a_passage_two_reports_both_print_in_full_is_not_cut_from_either():
    # Two reports quote the same two sentences: one after 李克强说，, one
    # after …报告时说， (the shared 说， is no column cut), and the other
    # passage ends a sentence in both. Neither is a block printed twice.
    speech = ("这次新冠肺炎疫情，是新中国成立以来我国遭遇的传播速度最快、感染范围最广、"
              "防控难度最大的公共卫生事件。在党中央坚强领导下，经过全国上下艰苦卓绝努力，"
              "疫情防控取得重大战略成果，当前发展任务异常艰巨。")
    plan = ("城镇新增就业九百万人以上，城镇调查失业率百分之六左右，城镇登记失业率百分之五点五左右；"
            "居民消费价格涨幅百分之三左右；进出口促稳提质，国际收支基本平衡；"
            "居民收入增长与经济增长基本同步；重大金融风险有效防控。")
    page = f"""## 政府工作报告提请审议

本报北京5月22日电（记者 甲）李克强说，{speech}

报告提出今年发展主要目标：{plan}

## 代表热议政府工作报告

国务院总理李克强22日在作政府工作报告时说，{speech}

代表们说，今年的目标实事求是：{plan}
"""
    text = "".join(body_text(a) for a in split_page(page))
    assert text.count("这次新冠肺炎疫情，是新中国成立以来") == 2
    assert text.count("城镇新增就业九百万人以上") == 2


def test_a_pull_quote_box_repeating_a_body_sentence_loses_the_run_not_the_body():
    # A highlight box (■ …) reprints a sentence of the report, here without
    # its full stop; the report's paragraph is the copy that reads on,
    # whatever words the box shares.
    run = ("各级党委和政府要全面依法履行职责，坚持运用法治思维和法治方式开展疫情防控工作，"
           "在处置重大突发事件中推进法治政府建设，提高依法执政、依法行政水平，"
           "确保疫情防控工作在法治轨道上顺利推进，为打赢疫情防控阻击战提供有力法治保障")
    page = f"""## 全面提高依法防控依法治理能力

■ {run}

本报讯 会议强调，要把依法防控贯穿疫情防控全过程。

习近平强调，{run}。

会议指出，要抓好改革任务落地见效。
"""
    [article] = split_page(page)
    text = body_text(article)
    assert text.count("各级党委和政府要全面依法履行职责") == 1
    assert "习近平强调，各级党委和政府" in text
    assert any("removed duplicate run" in r and "line 3" in r for r in article.repairs), article.repairs


def test_a_column_continuation_that_a_box_also_quotes_is_not_taken_for_the_box():
    # The report's sentence runs on from "把落" to the next column's piece,
    # which is all passage; the ■ box quotes both halves in one line. The
    # piece is the report's own text, not a reprint.
    first = ("做好疫情防控工作，直接关系人民生命安全和身体健康，直接关系经济社会大局稳定，"
             "也事关我国对外开放。各级党委和政府要坚决贯彻党中央决策部署，坚持全国一盘棋，"
             "统一指挥、统一协调、统一调度。现在，最关键的问题就是把落")
    second = ("实工作抓实抓细。各级党委和政府要增强责任意识，认真贯彻落实党中央决策部署，"
              "把疫情防控工作作为当前最重要的工作来抓，尽快找差距、补短板，切实做好各项防控工作，"
              "坚决遏制疫情蔓延势头，坚决打赢疫情防控阻击战。")
    page = f"""## 研究加强疫情防控工作

■ {first}{second}

新华社北京2月3日电 中共中央政治局常务委员会2月3日召开会议。

习近平强调，{first}

{second}

会议指出，要继续做好各项防控工作。
"""
    text = "".join(body_text(a) for a in split_page(page))
    assert text.count("就是把落实工作抓实抓细") == 2      # in the box and in the report


def test_a_long_passage_quoted_as_whole_sentences_in_two_articles_stays_in_both():
    # A speech quoted in the report and again in the commentary beside it:
    # both copies open a clause and end a sentence. An OCR block printed
    # twice starts wherever the column was cut.
    speech = ("创新是引领发展的第一动力，科技是战胜困难的有力武器。面对突如其来的疫情，"
              "广大科技工作者闻令而动，在病毒溯源、药物研发、疫苗研制、检测试剂等方面"
              "取得了一批重要成果，为打赢疫情防控阻击战提供了有力科技支撑。")
    page = f"""## 科技工作者座谈会在京召开

本报讯（记者 甲）科技工作者座谈会昨日在京召开，二十位院士专家参加座谈。

习近平指出，{speech}

会议要求，院士专家要加快推进关键核心技术攻关。

## 让科技为人民健康护航

今天是全国科技工作者日，我们向奋战在一线的科研人员致敬。{speech}

这是对科研人员的最好褒奖，也是鞭策。
"""
    articles = split_page(page)
    text = "".join(body_text(a) for a in articles)
    assert "习近平指出，创新是引领发展的第一动力" in text
    assert "科研人员致敬。创新是引领发展的第一动力" in text
    assert not any("duplicate" in r for a in articles for r in a.repairs)


def test_a_headline_line_read_twice_is_printed_once():
    page = """全市职工书屋达到一千家

全市职工书屋达到一千家

本报讯 市总工会近日公布，全市职工书屋已达到一千家，覆盖职工四十余万人。
"""
    [article] = split_page(page)
    assert article.headline.title == "全市职工书屋达到一千家" and article.headline.subtitle is None
    assert "removed duplicate headline line (line 3): 全市职工书屋达到一千家" in article.repairs


def test_a_credit_read_twice_is_printed_once():
    page = """9月19日，市民在一间城市书屋内阅读。

新华社记者胡晨欢摄

新华社记者胡晨欢摄

全市职工书屋达到一千家

本报讯 市总工会近日公布，全市职工书屋已达到一千家，覆盖职工四十余万人。
"""
    photo = article_with(split_page(page), "市民在一间城市书屋内阅读")
    assert photo.credits == ("新华社记者胡晨欢摄",)
    assert "removed duplicate credit line (line 5): 新华社记者胡晨欢摄" in photo.repairs


def test_a_quotation_cited_twice_on_a_page_is_not_a_duplicate():
    quote = "“中国采取的措施有力有效，为世界防控疫情争取了时间。”"
    page = f"""## 甲文章标题在此

本报讯（记者 甲）外方人士表示，{quote}他说，合作将继续深化。

## 乙文章标题在此

本报讯（记者 乙）另一位专家也引用了这句话：{quote}专家认为，前景可期。
"""
    texts = "".join(body_text(a) for a in split_page(page))
    assert texts.count("为世界防控疫情争取了时间") == 2


def test_unpunctuated_line_between_headline_and_dateline_is_the_subtitle():
    page = """县总工会开展送法进企业活动

全年将为一百家企业的职工送去法律体检服务

本报讯（通讯员 周小燕）4月下旬，县总工会组织律师走进工业园区，为200余名职工讲解劳动合同法。
"""
    [article] = split_page(page)
    assert article.headline.title == "县总工会开展送法进企业活动"
    assert article.headline.subtitle == "全年将为一百家企业的职工送去法律体检服务"


def test_line_cut_mid_word_below_a_subhead_is_not_taken_for_a_subtitle():
    page = """## 县总工会开展送法进企业活动

本报讯（通讯员 周小燕）4月下旬，县总工会组织律师走进工业园区，为职工讲解劳动合同法。

服务延伸到园区

律师团队负责人在座谈会上介绍说，经过摸底调查，全区各个园区的300多家企业多是中小微

本报讯（记者 吴晓峰）近日，市总工会启动职工书屋建设，首批建成50家。
"""
    texts = "".join(body_text(a) for a in split_page(page))
    assert "园区的300多家企业多是中小微" in texts
    assert all(a.headline.subtitle is None for a in split_page(page))


def test_a_roundup_banner_printed_under_its_first_item_headline_still_heads_the_roundup():
    # The banner is the roundup's title wherever the page sets it in the
    # headline lines; the item headline over it opens the body as a section.
    page = """国家电网垣曲抽水蓄能电站开工

资讯速递

本报电 国家电网山西垣曲抽水蓄能电站工程项目日前开工，总投资八十亿元，预计二〇二六年投产。

（冉永平）

华南地区最长海底隧道项目复工

本报电 我国华南地区最长海底隧道项目近日复工，施工人员分批返岗，落实防疫措施。

（王强强）
"""
    [roundup] = split_page(page)
    assert roundup.headline.title == "资讯速递" and roundup.headline.subtitle is None
    assert [text for kind, text in roundup.blocks if kind == "h"] == ["国家电网垣曲抽水蓄能电站开工", "华南地区最长海底隧道项目复工"]
    assert roundup.blocks[0] == ("h", "国家电网垣曲抽水蓄能电站开工")


def test_a_roundup_item_headline_under_the_banner_is_no_subtitle_even_over_a_long_item():
    page = "## 微阅读\n\n英国计划2035年前禁售新产汽油和柴油汽车\n\n" + \
        "英国首相日前在伦敦表示，为减少温室气体排放，英国将提前禁售新产汽油和柴油汽车。" * 12 + \
        "\n\n（据新华社伦敦电）\n"
    [roundup] = split_page(page)
    assert roundup.headline.title == "微阅读" and roundup.headline.subtitle is None
    assert roundup.blocks[0] == ("h", "英国计划2035年前禁售新产汽油和柴油汽车")


def test_a_roundup_repeating_its_dateline_stays_one_article():
    page = """外交部长同多国外长通电话

据新华社北京2月2日电  2月1日，外交部长同甲国外长通电话。甲国外长表示，愿同中方加强合作。

据新华社北京2月2日电  2月1日晚，外交部长同乙国外长通电话。乙国外长对中方的努力表示赞赏。
"""
    [article] = split_page(page)
    assert "乙国外长对中方的努力表示赞赏" in body_text(article)


def test_a_new_place_and_date_in_the_dateline_opens_a_new_report():
    page = """## 外交部长同甲国外长通电话

据新华社北京2月2日电  2月1日，外交部长同甲国外长通电话。甲国外长表示，愿同中方加强合作。

据新华社上海2月3日电  2月2日，上海市举行春季招聘会，3000余家企业提供岗位5万个。
"""
    assert len(split_page(page)) == 2


def test_numbered_parts_of_an_article_stay_in_it():
    page = """## 全面推进职工素质建设工程

本报讯（记者 郑文静）全总日前印发意见，对今后五年职工素质建设作出部署。

一、加强思想政治引领

意见要求，各级工会要深入开展理论宣讲，引导职工听党话、跟党走。

二、提升职工技能素质

意见提出，到2025年，全国技能人才总量持续增长，高技能人才占比明显提高。
"""
    [article] = split_page(page)
    assert [p for kind, p in article.blocks if kind == "h"] == ["一、加强思想政治引领", "二、提升职工技能素质"]


def test_a_numbered_section_head_over_the_next_reports_headline_stays_in_its_article():
    page = """全面推进职工素质建设工程

本报讯（记者 郑文静）全总日前印发意见，对今后五年职工素质建设作出部署。

二、提升职工技能素质

关于2020年全市职工技能竞赛工作安排的报告

——2020年3月2日在市总工会全委会议上

各位委员：现将2020年全市职工技能竞赛工作安排报告如下，请予审议。
"""
    articles = split_page(page)
    report = article_with(articles, "现将2020年全市职工技能竞赛工作安排报告如下")
    assert report.headline.title == "关于2020年全市职工技能竞赛工作安排的报告"
    assert report.headline.subtitle == "——2020年3月2日在市总工会全委会议上"
    assert "二、提升职工技能素质" not in (report.headline.kicker or "")


def test_a_long_title_over_a_dash_subtitle_heads_the_report():
    page = """关于2019年全市工会经费收支情况与2020年全市工会经费预算草案的报告

——2020年1月8日在市总工会第十五届委员会第三次全体会议上

受市总工会委托，现将2019年全市工会经费收支情况与2020年预算草案提请会议审议。

一、2019年工会经费收支情况

2019年，全市各级工会坚持依法收缴经费，全年收入比上年增长百分之六。
"""
    [article] = split_page(page)
    assert article.headline.title == "关于2019年全市工会经费收支情况与2020年全市工会经费预算草案的报告"
    assert article.headline.subtitle == "——2020年1月8日在市总工会第十五届委员会第三次全体会议上"


@pytest.mark.parametrize("title, opening", [
    ("全国总工会关于在疫情防控中充分发挥工会组织作用切实维护职工合法权益的若干意见", "为深入贯彻落实"),
    ("这个春节，驻村第一书记更忙了", "为深入贯彻落实"),
    # 真相 | 近期 reads 相近 across the break: a dictionary word, no sign of a cut
    ("网络传言背后的事实真相", "近期，"),
])
def test_an_unpunctuated_first_line_of_the_page_is_its_first_headline(title, opening):
    page = f"""{title}

{opening}党中央作出决策部署，各级工会要在疫情防控中充分发挥组织作用。

各级工会要主动协调有关部门，切实维护职工合法权益，帮助企业有序复工复产。
"""
    [article] = split_page(page)
    assert article.headline.title == title
    assert body_text(article).startswith(opening)


def test_a_first_line_the_piece_under_it_finishes_is_body_not_a_headline():
    page = """各级工会要在疫情防控中充分发挥组织作用和帮扶作

用，切实维护职工合法权益，帮助困难职工渡过难关。
"""
    [article] = split_page(page)
    assert article.headline.title is None
    assert "帮扶作用，切实维护" in body_text(article)


def test_a_documents_title_over_the_date_it_was_adopted_heads_the_document():
    page = """市总工会召开全委会议

本报讯 市总工会十五届三次全委会议日前召开，会议审议通过了有关决议。

市总工会第十五届委员会第三次全体会议关于市总工会常务委员会二〇一九年工作报告和二〇二〇年工作安排的决议

（2020年1月8日市总工会第十五届委员会第三次全体会议通过）

会议审议并同意常务委员会工作报告，充分肯定常务委员会过去一年的工作。
"""
    articles = split_page(page)
    resolution = article_with(articles, "会议审议并同意常务委员会工作报告")
    assert resolution.headline.title == "市总工会第十五届委员会第三次全体会议关于市总工会常务委员会二〇一九年工作报告和二〇二〇年工作安排的决议"
    assert resolution.headline.subtitle == "（2020年1月8日市总工会第十五届委员会第三次全体会议通过）"


def test_the_same_adoption_date_under_two_documents_heads_both():
    # Two resolutions adopted at one meeting print the same dated note; the
    # second is no duplicate piece but the second document's subtitle.
    note = "（2020年1月8日市总工会第十五届委员会第三次全体会议通过）"
    page = f"""市总工会第十五届委员会第三次全体会议关于常务委员会工作报告的决议

{note}

会议审议并同意常务委员会工作报告，充分肯定常务委员会过去一年的工作。

市总工会第十五届委员会第三次全体会议关于经费审查委员会工作报告的决议

{note}

会议审议并同意经费审查委员会工作报告，要求进一步加强工会经费管理。
"""
    articles = split_page(page)
    funds = article_with(articles, "加强工会经费管理")
    assert funds.headline.title == "市总工会第十五届委员会第三次全体会议关于经费审查委员会工作报告的决议"
    assert funds.headline.subtitle == note
    assert len(articles) == 2


def test_a_short_line_under_a_documents_date_is_not_part_of_its_headline():
    page = """## 市总工会第十五届委员会副主席名单

（2020年1月8日市总工会第十五届委员会第三次全体会议选举）

主席：王建国

副主席：李红梅 张志强 刘晓光 陈立新 赵文华 孙海燕 周建民 吴晓东 郑丽娟 王海涛 冯志刚 何丽萍
"""
    article = titled(split_page(page), "市总工会第十五届委员会副主席名单")
    assert article.headline.subtitle == "（2020年1月8日市总工会第十五届委员会第三次全体会议选举）"
    assert article.headline.kicker is None


def test_a_section_that_goes_on_about_its_articles_headline_stays_in_the_article():
    # The text above and below the subhead share few words; the section
    # repeats the words of the article's own headline.
    page = """各地工会千方百计做好职工疫情防控工作

本报讯 连日来，多地组织动员广大医护人员、社区干部坚守岗位，确保物资运输畅通。

据了解，一些城市已向医院调拨口罩、防护服等物资。

保障生活必需品供应

各地工会千方百计做好职工疫情防控工作，积极协调超市、食堂保障职工生活必需品供应，一些工会还为隔离职工送菜上门。

市总工会开通热线，帮助职工解决生活中的困难。
"""
    [article] = split_page(page)
    assert article.headline.title == "各地工会千方百计做好职工疫情防控工作"
    assert ("h", "保障生活必需品供应") in article.blocks


def test_a_line_right_under_a_dash_subtitle_is_the_first_subhead_not_part_of_the_headline():
    page = """## 闻令而动，同时间赛跑

## ——防护用品生产企业在行动

## 满负荷运转，相关企业加班加点生产

本报讯 连日来，全市防护用品生产企业迅速复工，职工们加班加点，日夜赶制防护服和口罩。
"""
    [article] = split_page(page)
    assert (article.headline.kicker, article.headline.title, article.headline.subtitle) == \
        (None, "闻令而动，同时间赛跑", "——防护用品生产企业在行动")
    assert article.blocks[0] == ("h", "满负荷运转，相关企业加班加点生产")


def test_a_quotation_over_its_speakers_dash_line_stays_body():
    page = """## 统帅的深情牵挂

强军兴军，重在基层。代表们说，部队所有工作都要靠基层去落实。

“基层是部队全部工作和战斗力的基础，部队所有工作都要靠基层去落实”

——习近平

代表们表示，要把基层建设得更加坚强有力。
"""
    [article] = split_page(page)
    assert "基层是部队全部工作和战斗力的基础" in body_text(article)


def test_an_article_closed_by_the_page_staff_credit_takes_no_piece_from_under_the_next_headline():
    # The intro shares its words with the commentary's pieces; without the
    # credit closing it, a piece would be moved up past the credit.
    page = """职工书屋的新气象（建设学习型工会）

面对职工读书的新需求，各地工会书屋推陈出新，一方面把书屋搬上网络，方便职工随时借阅；一方面走进车间班组，把好书送到一线，在全民阅读中凸显了工会的担当。

版式设计：张丹峰

交出合格答卷（快评）

“职工书屋借阅量今年已增长三成。”无论是网上书屋，还是车间书架，工会书屋都贴近职工、服务职工，在全民阅读中充分发挥阵地作用。

搬上网络，满足读书新需求。网上借阅，随时方便；车间班组，送书到一线……推陈出新值得点赞！

拥抱网络，书屋开到指尖之上。发挥工会优势，推动网上书屋和实体书屋协同发展……职工书屋当获好评！

书香润心田，阅读促成长。办好职工书屋，建强学习阵地，各级工会交出一份份合格答卷。
"""
    intro, commentary = split_page(page)
    assert intro.headline.title == "职工书屋的新气象（建设学习型工会）"
    assert commentary.headline.title == "交出合格答卷（快评）"
    assert [p[:4] for kind, p in commentary.blocks if kind == "p"] == ["“职工书", "搬上网络", "拥抱网络", "书香润心"]


def test_body_printed_after_the_page_staff_credit_is_not_read_into_the_article_it_closes():
    # A chart's credit closes the article; the piece under it shares that
    # article's words but is printed outside it.
    page = """## 劳模工作室里的“传帮带”

本报讯（记者 周青）市电力公司劳模工作室成立五年来，累计培养技术骨干120余名，完成技术革新46项。

工作室负责人王强说，带徒弟最要紧的是把手艺和责任一起传下去。

去年，工作室攻克了变电站带电检修的难题，一年为公司节约成本300多万元。

今年，工作室又与三所职业院校合作，开设了订单班。

制图：李明

劳模工作室培养技术骨干，技术骨干完成技术革新，市电力公司的技术革新越来越多。

## 劳模精神代代传

越来越多的青年职工走进劳模工作室，在传承中成长，在革新中成才。

青年职工张华说，跟着师傅学到的不只是技术，更是对工作的那份责任。
"""
    articles = split_page(page)
    workshop = titled(articles, "劳模工作室里的“传帮带”")
    assert body_text(workshop).endswith("制图：李明")
    assert "劳模工作室培养技术骨干" not in body_text(workshop)
    assert article_with(articles, "劳模工作室培养技术骨干") is not workshop


def test_a_piece_after_a_sign_off_line_is_not_joined_to_it():
    page = """全市职工书屋达到一千家

市总工会近日公布，全市职工书屋已达到一千家，覆盖职工四十余万人，今年还将新建一

百家，重点向一线班组和新就业形态劳动者倾斜。

（据新华社电）

连云港港作为新亚欧大陆桥的东方港口，去年全年累计出口车辆同比增长两倍，创历

史最高水平。

王  春摄
"""
    paragraphs = [text for a in split_page(page) for kind, text in a.blocks if kind == "p"]
    assert "（据新华社电）" in paragraphs, paragraphs


def test_a_speaker_line_ending_in_a_colon_heads_the_report_below_it():
    page = """市总工会开展送清凉活动，为户外劳动者送去防暑用品五千份。

（据新华社电）

张宏飞：

侦查破案 冲锋在前（英雄烈士谱）

据新华社电（记者闫起磊）在河北省行唐县上南庄烈士陵园里，矗立着一座为张宏飞而立的纪念碑。
"""
    report = article_with(split_page(page), "矗立着一座")
    assert report.headline.title == "张宏飞："
    assert report.headline.subtitle == "侦查破案 冲锋在前（英雄烈士谱）"


def test_a_speaker_line_joins_the_headline_below_it_after_a_cut_piece_and_without_a_dateline():
    # The piece above stops mid-sentence (its rest is printed elsewhere) and
    # the report opens on plain text: the colon line still heads the report.
    page = """劳模工匠走进车间

县总工会组织劳模工匠走进车间，为一线职工讲解安全操作规程，并与

南京市政协主席刘以安委员：

推动数字征信系统建设

近年来我国征信系统建设成绩显著，但仍存在授信主体覆盖不全等问题。

建议尽快制定出台相关法律法规，规范信用信息的采集和使用。

（本报记者申琳整理）

青年职工交流心得体会。
"""
    groups = [tuple(h.text for h in ctx.heads) for ctx in headline_contexts(page)]
    assert ("南京市政协主席刘以安委员：", "推动数字征信系统建设") in groups, groups


def test_a_speaker_line_under_a_marked_banner_is_not_read_into_the_banner():
    # 发言席 over 浙江省…委员： over 保市场主体…: the page marks its headlines,
    # so a speaker's line under the marked banner heads a section, not the banner's group.
    page = """## 发言席

浙江省政协主席葛慧君委员：

保市场主体促化危为机

市场主体是经济的力量载体，保市场主体就是保社会生产力。

## 职工书屋建设提速

市总工会近日公布，全市职工书屋已达到一千家。
"""
    groups = [tuple(h.text for h in ctx.heads) for ctx in headline_contexts(page)]
    assert not any("浙江省政协主席葛慧君委员：" in group for group in groups), groups


def test_an_exclaimed_title_over_its_dash_subtitle_is_a_headline():
    page = """市总工会表彰一批优秀农民工，号召全市职工向他们学习。

拖欠农民工工资，严查！

——市人社局有关负责人答记者问

记者：今年以来，我市在治理欠薪方面有哪些新举措？
"""
    report = article_with(split_page(page), "治理欠薪")
    assert report.headline.title == "拖欠农民工工资，严查！"
    assert report.headline.subtitle == "——市人社局有关负责人答记者问"


def test_a_line_whose_sentence_runs_on_under_a_tagged_headline_is_not_its_lead_in():
    # The headline was printed into a cut sentence: 一小 | 时后 is one word.
    page = """市总工会表彰一批优秀农民工，号召全市职工向他们学习。

2月6日，在河北邯郸市永年区李庄村，天刚蒙蒙亮，职工们就在家庭农场忙碌起来，收割、捆把、过秤、装箱，一小

家庭农场产销忙（工会在行动）

时后，500斤新鲜香菜交给了在棚外等候的经销商，拉往市场销售。
"""
    farm = article_with(split_page(page), "新鲜香菜")
    assert farm.headline.title == "家庭农场产销忙（工会在行动）"
    assert any(text.startswith("2月6日") for kind, text in farm.blocks if kind == "p")


def test_a_report_signed_off_under_a_headline_inside_a_dated_report_is_a_new_article():
    # The report above opened on its dateline; the sign-off under the second
    # headline dates another report, so that headline opens one, however alike
    # the two read.
    page = """全国总工会部署关心关爱一线职工

本报北京2月3日电（记者王云娜）全国总工会3日召开会议，部署关心关爱疫情防控一线职工工作。

会议要求，各级工会要关心关爱一线职工，帮助他们解决实际困难。

各级工会关心关爱一线职工

连日来，各级工会关心关爱疫情防控一线职工，为他们送去防护用品和生活物资。

各级工会还开通心理咨询热线，为一线职工提供心理疏导服务。

（本报武汉2月3日电）
"""
    articles = split_page(page)
    assert [a.headline.title for a in articles] == ["全国总工会部署关心关爱一线职工", "各级工会关心关爱一线职工"]


def test_a_caption_stays_with_the_photo_credit_printed_under_it():
    page = """全市职工书屋达到一千家

市总工会近日公布，全市职工书屋已达到一千家，覆盖职工四十余万人，今年还将新建一百家，重点向一线班组倾

图片报道

2月3日，位于四川省宜宾市的一家化工厂车间里，工人们加班加点生产消毒原液，保障防疫需要。

兰  锋摄

斜，让新就业形态劳动者在家门口就能读到好书。
"""
    articles = split_page(page)
    caption = article_with(articles, "加班加点生产消毒原液")
    assert caption.headline.title == "图片报道"
    assert caption.credits == ("兰 锋摄",)


def test_a_section_head_printed_among_the_headline_lines_goes_back_to_the_body():
    page = """县总工会开展“互学互比”活动

# “学”中找差距

一批创新成果脱颖而出，推动全县企业民主管理水平上新台阶

**本报讯**（记者刘建林）日前，县总工会组织20家企业的工会主席走进园区，现场观摩厂务公开工作。

# “比”中促提升

观摩结束后，各企业工会主席围绕职代会建设作了交流发言。
"""
    [article] = split_page(page)
    assert article.headline.title == "县总工会开展“互学互比”活动"
    assert article.headline.subtitle == "一批创新成果脱颖而出，推动全县企业民主管理水平上新台阶"
    assert [text for kind, text in article.blocks if kind == "h"] == ["“学”中找差距", "“比”中促提升"]
    assert article.blocks[0] == ("h", "“学”中找差距")


def test_speakers_signing_the_quotes_above_them_stay_paragraphs_of_the_roundup():
    page = """国际回声

勇敢的中国人民有能力经受考验。我相信在中国政府的领导下，已经采取的措施将取得成效，我们对此充满信心。

——法国前总理拉法兰

作为中国人民的老朋友，我想对你们在如此艰难情况下所做的一切，表达我的敬意和钦佩之情。

——墨西哥前参议长巴特雷斯

喀土穆和武汉是友好城市。我代表喀土穆市民向武汉市民表示坚定的支持，相信你们一定能够战胜困难。

——阿拉伯—中国友好协会联合会秘书长阿里·优素福
"""
    [roundup] = split_page(page)
    assert roundup.headline.title == "国际回声"
    paragraphs = [text for kind, text in roundup.blocks if kind == "p"]
    assert "——法国前总理拉法兰" in paragraphs, paragraphs
    assert "——墨西哥前参议长巴特雷斯" in paragraphs, paragraphs




COLLECTION = """同心战疫 共克时艰（我们的心声）

编者按：疫情发生后，文艺界积极行动，以各种方式为战胜疫情助力。作家评论家纷纷写下文字表达心声，向奋战在一线的人们致敬。

致敬逆行的医护

王小明（省作协主席）

我们共同承受着一段艰难的时光，那些在危机时刻挺身而出的人们，是一个民族的脊梁。

每一位医护人员都值得我们铭记，他们用行动诠释了责任与担当。

期待你们平安回家

李大华（市文联主席）

寄语支援武汉的广大医护人员：期待不久的那一天，我们放心出门，你们平安回家。

春天一定会到来

赵春生（作家）

冬天总会过去，春天一定会到来。我们要用文字记录下这段不平凡的日子。
"""


def test_the_contributions_an_editors_note_presents_stay_sections_of_one_article():
    [collection] = split_page(COLLECTION)
    assert collection.headline.title == "同心战疫 共克时艰（我们的心声）"
    assert ("h", "春天一定会到来") in collection.blocks, collection.blocks


def test_a_dated_report_after_a_collection_still_opens_its_own_article():
    report = "\n全国总工会部署关心关爱一线职工工作\n\n本报北京2月25日电 全国总工会25日召开会议，部署关心关爱一线职工工作。\n"
    collection, article = split_page(COLLECTION + report)
    assert ("h", "春天一定会到来") in collection.blocks
    assert article.headline.title == "全国总工会部署关心关爱一线职工工作"


def test_a_note_printed_after_an_articles_credit_introduces_the_next_article_not_a_collection():
    page = """全国总工会部署关心关爱一线职工工作

本报北京2月25日电 全国总工会25日召开会议，部署关心关爱一线职工工作。

会议要求，各级工会要帮助解决实际困难。

制图：蔡华伟

正在热播的电视剧将北宋文臣范仲淹的形象呈现于大众面前。本期我们邀请学者解读范仲淹的精神世界。

——编 者

忧乐关天下  悲喜超物外

范仲淹字希文，苏州吴县人。他一生忧国忧民，留下了先天下之忧而忧的名句。
"""
    assert [ctx.in_collection for ctx in headline_contexts(page)] == [False, False]
    assert [ctx.in_collection for ctx in headline_contexts(COLLECTION)] == [False, True, True, True]


def test_a_speechs_occasion_printed_again_under_the_next_reports_title_heads_that_report():
    occasion = "——2020年5月22日在第十三届全国人民代表大会第三次会议上"
    page = f"""关于2019年国民经济和社会发展计划执行情况与2020年国民经济和社会发展计划草案的报告

{occasion}

受国务院委托，现将2019年国民经济和社会发展计划执行情况与2020年国民经济和社会发展计划草案提请十三届全国人大三次会议审议。

2019年，在以习近平同志为核心的党中央坚强领导下，各地区各部门坚持稳中求进工作总基调，经济运行总体平稳。

关于2019年中央和地方预算执行情况与2020年中央和地方预算草案的报告

{occasion}

受国务院委托，现将2019年中央和地方预算执行情况与2020年中央和地方预算草案提请十三届全国人大三次会议审议。

2019年，全国一般公共预算收入190382.23亿元，为预算的98.9%，比2018年增长3.8%。
"""
    plan, budget = split_page(page)
    assert budget.headline.title == "关于2019年中央和地方预算执行情况与2020年中央和地方预算草案的报告"
    assert plan.headline.subtitle == budget.headline.subtitle == occasion


def test_a_list_of_names_under_a_report_stays_in_the_report():
    names = ["丁  健  中国科学院上海药物研究所", "马  林  中国电子科技集团有限公司", "王红阳（女）  海军军医大学",
             "巴桑旺堆（藏族）  西藏自治区农牧科学院", "李天来  沈阳农业大学", "李为民  四川大学华西医院",
             "张一敏  武汉科技大学", "陈政清  湖南大学", "周绪红  重庆大学", "赵中伟  中南大学"]
    page = ("人社部中国科协表彰全国创新争先奖获奖者\n\n本报北京5月29日电 人力资源社会保障部、中国科协、科技部、"
            "国务院国资委日前决定，表彰第二届全国创新争先奖获奖者。\n\n（按姓氏笔画排序）\n\n" + "\n\n".join(names) + "\n")
    [report] = split_page(page)
    assert report.headline.title == "人社部中国科协表彰全国创新争先奖获奖者"
    assert len([text for _, text in report.blocks]) == 12


def test_a_contact_line_is_not_run_on_into_the_next_report():
    page = """乡村振兴一线见闻

本栏目欢迎基层干部投稿，讲述乡村振兴路上的新鲜事。

栏目投稿邮箱：xiangcun2020@163.com

2月13日晚，县纪委监委驻县民政局纪检监察组对社会捐赠款物的接收和发放情况开展专项检查。

检查组逐项核对台账，确保捐赠款物专款专用。
"""
    paragraphs = [text for article in split_page(page) for kind, text in article.blocks if kind == "p"]
    assert "栏目投稿邮箱：xiangcun2020@163.com" in paragraphs, paragraphs


def test_an_exclaimed_headline_with_a_column_tag_heads_its_report_over_its_subtitle():
    page = """我是党员，我先上！（来自抗疫一线的报道）

——城区疫情防控一线纪实之一

城区，抗击疫情的主战场。社区干部、下沉党员和志愿者日夜值守在各个卡口。

有战场，就有战士。在这群勇往直前的战士中，党员冲在最前面。
"""
    [article] = split_page(page)
    assert article.headline.title == "我是党员，我先上！（来自抗疫一线的报道）"
    assert article.headline.subtitle == "——城区疫情防控一线纪实之一"


def test_a_long_lead_in_over_a_columns_headline_is_its_first_headline_line():
    page = """截至去年底，全市精准识别困难职工1.32万户，其中5900余户已经脱困

困难职工脱困记（一线探民生）

为确保城市困难职工解困脱困，市总工会深入摸排、精准识别需要帮扶的职工家庭。

近年来，全市建立了困难职工档案动态管理机制，做到应纳尽纳、应退尽退。
"""
    [article] = split_page(page)
    assert article.headline.title == "截至去年底，全市精准识别困难职工1.32万户，其中5900余户已经脱困"
    assert article.headline.subtitle == "困难职工脱困记（一线探民生）"
    assert article.blocks[0][1].startswith("为确保城市困难职工解困脱困")


def test_an_unmarked_line_over_a_marked_columns_headline_is_body_not_a_headline_line():
    page = """## 全市职工书屋达到一千家

本报讯（记者 赵明远）市总工会近日公布，全市职工书屋已达到一千家，覆盖职工四十余万人。

（综合本报记者报道）

开放、丰富、高效的文化服务温暖着人们的心灵，让“宅”时光更加有滋有味

## “宅”生活的文化味道（新语）

减少外出、“宅”在家中，是防控疫情的需要。脚步虽然暂停，但充实丰富的精神文化供给却并没有缺位。
"""
    articles = split_page(page)
    comment = article_with(articles, "减少外出")
    assert comment.headline.title == "“宅”生活的文化味道（新语）"
    assert any("让“宅”时光更加有滋有味" in body_text(a) for a in articles), "the line stays printed text"


def test_a_subhead_right_under_a_columns_headline_is_not_its_subtitle():
    page = """职工书屋建设提速（工会视点）

一、书屋建进车间

今年以来，市总工会在重点企业的车间里建起职工书屋120家，方便职工在工余时间读书学习。

二、借阅更加方便

书屋每季度更新一次图书，职工可以扫码借阅，也可以在线上点单，由工会送书到班组。
"""
    [article] = split_page(page)
    assert article.headline.title == "职工书屋建设提速（工会视点）"
    assert article.headline.subtitle is None
    assert [text for kind, text in article.blocks if kind == "h"] == ["一、书屋建进车间", "二、借阅更加方便"]


def test_a_cartoons_verse_and_credit_stay_with_its_panel_and_do_not_head_the_next_article():
    page = """图片报道

疫情在前，医护人员是最美的“逆行者”。各地医护人员纷纷请战，奔赴一线。

这正是：

携手共抗疫，千里赴戎机。

不惧难与险，齐心迎胜利。

王宇峰图\u00a0\u00a0马\u00a0\u00a0原文

返程高峰，防控要做好

随着春节假期结束，各地回乡人员陆续返程，疫情防控进入新的阶段。

我们应有自警，防疫没有任何侥幸可言，每个人都要做好个人防护。
"""
    cartoon, comment = split_page(page)
    assert cartoon.headline.title == "图片报道"
    assert any("齐心迎胜利" in text for _, text in cartoon.blocks)
    assert comment.headline.title == "返程高峰，防控要做好"
    assert comment.headline.kicker is None


def test_a_short_numbered_heading_is_not_glued_onto_the_paragraph_under_it():
    page = """职工书屋建设提速

一、书屋建进车间

今年以来，市总工会在重点企业的车间里建起职工书屋120家，方便职工在工余时间读书学习。

二、图书常换常新

书屋每季度更新一次图书，职工可以扫码借阅，也可以在线上点单，由工会送书到班组。
"""
    [article] = split_page(page)
    texts = [text for _, text in article.blocks]
    assert "二、图书常换常新" in texts, texts
    assert any(text.startswith("书屋每季度更新一次图书") for text in texts), texts


PHOTO_STORY_UNDER_A_REPORT = """莱钢集团构建维权普惠“三体系”

本报讯（记者田国全 通讯员葛文京）记者日前获悉，莱钢集团把维护职工权益作为企业改革的重要内容，建立职代会审议制度。

源头维护 参与治理

今年以来，莱钢集团建立职工诉求快速响应机制，职代会代表每月走访班组，收集意见建议二百余条。

为打通职工表达诉求的绿色通道，莱钢集团对涉及职工切身利益的重要事项坚持提交职代会审议，今年已审议事项十二项。

{heading}

8月16日，北京市房山区大安山乡，环卫工人正在为一家敬老院清理淤泥。

这里地处山区，道路损毁严重，不少清淤工作只能靠人力完成。

本报记者 王伟伟 摄
"""


def test_a_photo_story_printed_as_the_last_section_of_a_report_is_a_story_of_its_own():
    articles = split_page(PHOTO_STORY_UNDER_A_REPORT.format(heading="灾后清淤 重建家园"))
    story = article_with(articles, "正在为一家敬老院清理淤泥")
    assert story.headline.title == "灾后清淤 重建家园"
    assert story.credits == ("本报记者 王伟伟 摄",)
    report = article_with(articles, "今年已审议事项十二项")
    assert report is not story
    assert [text for kind, text in report.blocks if kind == "h"] == ["源头维护 参与治理"]


def test_a_last_section_that_shares_the_reports_words_stays_its_section():
    page = PHOTO_STORY_UNDER_A_REPORT.format(heading="职代会审议职工权益事项").replace(
        "环卫工人正在为一家敬老院清理淤泥", "莱钢集团职代会正在审议职工权益事项")
    [article] = split_page(page)
    assert ("h", "职代会审议职工权益事项") in article.blocks


def test_a_pull_quote_between_a_headline_and_its_reports_dateline_keeps_the_report_under_that_headline():
    page = """## 习近平在统筹推进疫情防控和经济社会发展工作部署会议上强调

中华民族历史上经历过很多磨难，但从来没有被压垮过，而是愈挫愈勇，不断在磨难中成长、从磨难中奋起。

新华社北京2月23日电  统筹推进新冠肺炎疫情防控和经济社会发展工作部署会议23日在北京召开。

习近平代表党中央，向全国广大党员、干部、群众致以诚挚的问候。
"""
    [article] = split_page(page)
    assert article.headline.title == "习近平在统筹推进疫情防控和经济社会发展工作部署会议上强调"
    assert "新华社北京2月23日电" in body_text(article)


def test_a_photo_story_ends_at_its_credit():
    page = """保春运 送口罩

1月30日，铁路职工在车站为旅客免费发放口罩。

王海燕摄（影像中国）

近年来，全市建立了困难职工档案动态管理机制，做到应纳尽纳、应退尽退，帮扶资金按时发放到户。

市总工会有关负责人表示，将继续做好困难职工帮扶工作。
"""
    articles = split_page(page)
    photo = article_with(articles, "为旅客免费发放口罩")
    assert photo.headline.title == "保春运 送口罩"
    assert "困难职工档案" not in body_text(photo), "the text after the credit is not the photo's"
    article_with(articles, "困难职工档案")


def test_a_short_photo_story_keeps_all_its_captions():
    page = """立夏插秧忙

5月5日，迎来二十四节气中的立夏，这一天是告别春天、迎来夏日的转折点。

这时，春播作物渐渐长大，夏收作物进入生长后期，冬小麦扬花灌浆。

在重庆市万盛经开区石林镇石鼓村，农机手驾驶插秧机在田间作业。

曹永龙摄（人民视觉）
"""
    [story] = split_page(page)
    assert story.headline.title == "立夏插秧忙"
    assert "插秧机在田间作业" in body_text(story)


def test_a_cut_last_piece_is_not_joined_across_a_marked_headline_to_the_next_reports_opening():
    page = """## 党建引领 凝心聚力

该公司以卓越文化构筑企业的精神家园，220余名青工组成志愿队，培育了“爱心直通车”“牵手小春燕”等系列项

## 让我们更近地在一起

密切联系群众是党的群团组织工作的永恒主题，抱定这一主题和宗旨，我们到园区和职工同吃、同住、同劳动。

在这个过程里，我们结识了不少朋友，对企业、基层工会和一线职工都有了更深刻的体会。
"""
    report = titled(split_page(page), "让我们更近地在一起")
    assert compact(body_text(report)).startswith("密切联系群众")


def test_a_headline_line_is_not_cut_body_when_an_earlier_piece_is_what_runs_on():
    page = """阿盟宣布拒绝美国政府中东和平新计划

本报开罗2月2日电（记者黄培昭）阿盟外长紧急会议1日宣布，拒绝美国政府提出的所谓“中东和平新计划”。

据新华社华盛顿2月1日电（记者周舟）美国国家科学基金会日前发布

阿盟秘书长盖特在会上表示，这一计划严重违背了国际社会的共识。

首批高清太阳照片发布

公告称，丹尼尔·井上太阳望远镜拍摄到太阳表面迄今最高清的照片。
"""
    articles = split_page(page)
    sun = article_with(articles, "丹尼尔·井上太阳望远镜")
    assert sun.headline.title == "首批高清太阳照片发布"
    assert "日前发布公告称" in compact(body_text(sun))


def test_a_photo_storys_headline_printed_under_its_captions_takes_them_from_the_report_above():
    page = """湖北构建“检察+工会”劳动者合法权益保障协作机制

本报讯（记者 赵明远）日前，湖北省总工会联合省检察院印发通知，明确建立健全工会劳动法律监督与检察监督协作机制。

《通知》强调，双方要强化工作统筹，明确责任分工，形成多元协同保护劳动者合法权益的治

据悉，新疆维吾尔自治区总工会邀请医疗队到阿克苏边境管理支队开展送健康活动，为护边员、牧民群众送去医疗服务。

3月14日，医疗专家为护边员测量血压。

送健康到边疆

本报记者 吴铎思 本报通讯员 王举南 摄
"""
    articles = split_page(page)
    story = article_with(articles, "医疗专家为护边员测量血压")
    assert story.headline.title == "送健康到边疆"
    assert "阿克苏边境管理支队" in body_text(story)
    report = article_with(articles, "检察监督协作机制")
    assert report is not story and not report.credits


def test_a_stub_goes_to_the_piece_whose_word_it_finishes_not_to_the_line_right_above_it():
    page = """**本报讯**（记者杨明清）青岛市总以建平台、扩队伍、强保障为手段，密织工会维权网络。

**本报讯**（记者马学礼）从2018年9月开始，银川市总持续开展多门类的公益课。

据介绍，为使公益课堂惠及更多职工，银川市总在基层工会开设分校，市总按基层培训情况给予相应扶

## 青岛市总密织工会维权网络 去年为职工挽回经济损失2100余万元

工会法律服务律师团，聘任202名律师服务各级工会，实现工会法律服务全覆盖。

强化制度资金保障，为维权体系建设提

采取“大讲堂+流动学堂+微讲堂”模式,提供普惠性文化服务

## 银川市总千堂百场公益课提升职工幸福感

持。在兴庆区工会，瑜伽、舞蹈、声乐、插花等公益课场场爆满。
"""
    text = "".join(compact(body_text(a)) for a in split_page(page))
    assert "给予相应扶持。在兴庆区工会" in text


STATEMENTS = """努力实现全面建成小康社会目标任务（两会·声音2020）

建好“两张网” 探索城市治理现代化新路

李强代表（上海市委书记）

坚持人民城市属性，既突出共享，又强调共建共治，加强城市治理体系和治理能力现代化建设。

当前，我们深化政务服务“一网通办”，推进城市运行“一网统管”，让城市更有温度。

本报记者 刘士安 李泓冰整理

在转型发展上率先蹚出一条新路来

楼阳生代表（山西省委书记）

建设国家资源型经济转型综合配套改革试验区，是习近平总书记交给山西的重大任务。

强化转型布局。明确到“2020年打基础、2025年出雏型、2030年成体系”的转型发展目标。

强化项目支撑。把项目作为转型硬抓手硬指标，全面推行承诺制、标准地、全代办改革。

我们要深入贯彻习近平总书记重要讲话精神，确保如期全面建成小康社会。

本报记者 胡健整理

坚持以改革增活力促振兴

张庆伟代表（黑龙江省委书记）

全面深化改革是推动经济社会发展的强大动力。黑龙江坚持以改革增活力促振兴。

一是持续深化国资国企改革，切实增强国有经济竞争力、创新力、控制力。

二是持续深化农村改革，进一步解放和发展农业生产力。

本报记者 吴齐强整理
"""


def test_a_compilers_line_closes_the_statement_above_it_and_opens_nothing():
    # The last contribution's head reads as a subhead; the compiler's line
    # above it must not open an article for it to head.
    last = split_page(STATEMENTS)[-1]
    assert last.headline.title != "坚持以改革增活力促振兴"
    assert ("h", "坚持以改革增活力促振兴") in last.blocks, last.blocks
    assert last.bylines[-2:] == ("本报记者 胡健整理", "本报记者 吴齐强整理"), last.bylines


def test_nothing_under_the_next_headline_moves_up_past_an_articles_closing_byline():
    # The opening under the second headline shares words with the first
    # article, but the compiler's line has closed that article.
    page = """## 以人民为中心 抓好重点工作

我们要坚持以人民为中心的发展思想，在全面分析形势中坚定发展信心，扎实做好“六稳”工作，全面落实“六保”任务，统筹推进疫情防控和经济社会发展各项工作。

要在“稳”和“保”的基础上积极进取，着力扩大内需，抓好保居民就业、保基本民生等重点工作，在推动高质量发展中不断创造高品质生活。

要在务实功求实效上下更大功夫，力戒形式主义、官僚主义，把更多力量和资源向基层下沉，推动各项政策措施落地生根。

本报记者 何聪整理

## 树牢效果导向 科学精准施策

我国经济正处在转变发展方式、优化经济结构的攻关期，发展前景向好。我们集中精力抓好“六稳”“六保”工作，统筹推进疫情防控和经济社会发展。

坚持求真务实。不论决策还是执行，各个环节都要“真”和“实”。我们建立经济运行重要指标实时监测报告制度，密切跟踪监测经济运行态势。

科学精准施策。我们畅通政策落实渠道，把每项政策落到居民、企业身上，确保真正落地见效。

树牢效果导向。我们把效果导向贯穿各项工作始终，用效果检验工作，看风险隐患是不是得到有效管控。
"""
    first, second = split_page(page)
    assert first.blocks[-1] == ("p", "本报记者 何聪整理"), first.blocks
    assert second.blocks[0][1].startswith("我国经济正处在"), second.blocks


def test_a_package_of_views_each_headed_over_its_speaker_stays_one_article():
    [package] = split_page(STATEMENTS)
    assert package.headline.title == "努力实现全面建成小康社会目标任务（两会·声音2020）"
    assert [text for kind, text in package.blocks if kind == "h"] == [
        "建好“两张网” 探索城市治理现代化新路", "在转型发展上率先蹚出一条新路来", "坚持以改革增活力促振兴"]


BOLD_PAGE = """**全市职工书屋建设提质增效**

**今年新建示范书屋300家**

近日，某市总工会召开职工书屋建设推进会，会议提出今年将新建示范书屋300家。

会上，5家单位作了交流发言，介绍了各自建设职工书屋的做法。

**区总工会开展送清凉活动**

7月10日，某区总工会走访慰问高温一线职工，为他们送去防暑降温用品。

活动共发放慰问品2000余份，覆盖环卫、建筑、快递等行业。
"""


def test_a_page_headed_in_bold_splits_as_its_markdown_twin_does():
    marked = BOLD_PAGE.replace("**全市", "## 全市").replace("**今年", "### 今年").replace("**区总", "## 区总").replace("**\n", "\n")

    def shape(page):
        return [(a.headline.title, a.headline.subtitle, len(a.blocks)) for a in split_page(page)]
    assert shape(BOLD_PAGE) == shape(marked) == [("全市职工书屋建设提质增效", "今年新建示范书屋300家", 2),
                                                  ("区总工会开展送清凉活动", None, 2)]


def test_a_headline_wrapped_in_two_lines_is_one_headline_again():
    # No blank line between two headline lines, on a page that leaves one
    # everywhere else: one headline broken by a line wrap.
    page = ("全市职工书屋建设提质增效今年新建\n示范书屋300家\n\n"
            "近日，某市总工会召开职工书屋建设推进会，会议提出今年将新建示范书屋300家。\n\n"
            "会上，5家单位作了交流发言，介绍了各自建设职工书屋的做法。\n")
    [article] = split_page(page)
    assert (article.headline.title, article.headline.subtitle) == ("全市职工书屋建设提质增效今年新建示范书屋300家", None)
    assert "line 1: joined headline line 1 with line 2 (a headline broken by a line wrap)" in article.repairs


def test_a_two_part_headline_wrapped_in_two_lines_is_one_headline_again_but_a_letter_spaced_line_stays():
    # The wrap falls inside the second part of 保持政策稳定 巩固脱贫成果; a
    # line set apart character by character (四  川) is a head of its own.
    wrapped = ("保持政策稳定 巩\n固脱贫成果（见解）\n\n近日，某县出台措施巩固脱贫成果，防止返贫。\n\n"
               "今年以来，全县新增就业岗位1200个。\n")
    [article] = split_page(wrapped)
    assert (article.headline.title, article.headline.subtitle) == ("保持政策稳定 巩固脱贫成果（见解）", None)
    place = "四  川\n成都推出十条措施稳就业\n\n近日，成都市出台十条措施稳定就业。\n\n措施包括减免社保费用、发放稳岗补贴等。\n"
    [article] = split_page(place)
    assert (article.headline.title, article.headline.subtitle) == ("四 川", "成都推出十条措施稳就业")


def test_a_column_name_wrapped_under_its_headline_ends_that_headline_and_is_no_sign_off():
    page = ("为职工办实事努力打拼\n（工会在身边）\n\n——回访某市机床厂\n装配车间\n\n"
            "近日，某市总工会召开职工书屋建设推进会，会议提出今年将新建示范书屋300家。\n\n"
            "会上，5家单位作了交流发言，介绍了各自建设职工书屋的做法。\n\n"
            "今年以来，全市已建成职工书屋120家，配送图书3万余册。\n\n"
            "市总工会负责人表示，将把职工书屋建到一线班组。\n\n"
            "下一步，市总工会还将开展职工读书月活动。\n")
    [article] = split_page(page)
    assert (article.headline.title, article.headline.subtitle) == ("为职工办实事努力打拼（工会在身边）", "——回访某市机床厂装配车间")
    assert "（工会在身边）" not in body_text(article)


def test_a_headline_wrapped_inside_its_quote_is_one_headline_again():
    # A headline line left inside “… is cut body, unless the headline line
    # tied under it closes the quote.
    page = ("织密职工服务的“\n针脚”（工会视点）\n\n"
            "近日，某市总工会召开职工书屋建设推进会，会议提出今年将新建示范书屋300家。\n\n"
            "会上，5家单位作了交流发言，介绍了各自建设职工书屋的做法。\n\n"
            "今年以来，全市已建成职工书屋120家，配送图书3万余册。\n\n"
            "市总工会负责人表示，将把职工书屋建到一线班组。\n")
    [article] = split_page(page)
    assert article.headline.title == "织密职工服务的“针脚”（工会视点）"
    assert body_text(article).startswith("近日，某市总工会")


def test_on_a_page_without_blank_lines_a_word_across_two_headline_lines_joins_them():
    page = ("关于进一步加强农民工工资支付保\n障工作的实施意见\n"
            "为切实保障农民工合法权益，现就进一步加强农民工工资支付保障工作提出如下意见。\n"
            "区总工会开展送清凉活动\n让一线职工感受工会温暖\n"
            "7月10日，某区总工会走访慰问高温一线职工，为他们送去防暑降温用品。\n")
    assert [(a.headline.title, a.headline.subtitle) for a in split_page(page)] == [
        ("关于进一步加强农民工工资支付保障工作的实施意见", None),
        ("区总工会开展送清凉活动", "让一线职工感受工会温暖")]     # a title over its subtitle ends on a whole word


def test_a_kicker_set_right_over_its_title_keeps_its_place():
    page = ("锦州市总拓展企业民主管理指导站的服务范围——\n民主管理指导站成招商合作招牌\n\n"
            "近日，锦州市总工会在七里河经济开发区建起民主管理指导站。\n\n"
            "指导站已为园区20多家企业提供服务，受到企业和职工欢迎。\n")
    [article] = split_page(page)
    assert (article.headline.kicker, article.headline.title) == ("锦州市总拓展企业民主管理指导站的服务范围——", "民主管理指导站成招商合作招牌")


def test_an_unmarked_three_line_group_without_a_dash_kicker_is_title_subtitle_and_a_subhead():
    page = ("中国银联\n\n共战疫情 筑起钢铁长城\n\n此刻，相信是一种力量\n\n"
            "疫情发生以来，中国银联联合商业银行推出多项便民措施，保障群众足不出户办理业务。\n\n"
            "银联还向湖北捐赠专项资金，用于支持一线医护人员。\n")
    [article] = split_page(page)
    assert (article.headline.kicker, article.headline.title, article.headline.subtitle) == (None, "中国银联", "共战疫情 筑起钢铁长城")
    assert article.blocks[0] == ("h", "此刻，相信是一种力量")


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_wrapped_line_with_a_comma_stays_in_its_paragraph_when_every_break_looks_alike(gap):
    # Either no blank line anywhere or one after every line: the break cannot tell.
    page = gap.join(["区总工会开展送清凉活动", "本报讯（记者张三）7月10日，某区总工会走访慰问高温一线职工，送去防暑降温用品。",
                     "记者在采访中了解到，全国多所学校", "通过网络平台为职工开设免费课程，努力实现停工不停学。",
                     "下一步，区总还将开展技能培训活动。"]) + "\n"
    [article] = split_page(page)
    assert article.headline.title == "区总工会开展送清凉活动"
    assert ("p", "记者在采访中了解到，全国多所学校通过网络平台为职工开设免费课程，努力实现停工不停学。") in article.blocks
    assert all(kind == "p" for kind, _ in article.blocks)


def test_a_commentary_under_its_column_tag_opens_its_own_article_on_the_same_subject():
    # A column's commentary printed after a report on its subject shares the
    # report's words; its column tag (（人民时评）) says it is an article of
    # its own: 97% of the corpus's tagged groups open one.
    page = """疫情防控一线的社区工作者

本报武汉2月11日电（记者 李明）连日来，武汉市各社区工作者坚守疫情防控一线，逐户排查，为居民采购生活物资。

社区工作者说，疫情防控是当前最重要的工作，社区要守好防控的第一道防线，做好居民的服务保障。

为疫情防控筑牢社区防线（人民时评）

疫情防控是一场人民战争，社区是疫情防控的第一道防线，守好防线离不开法治。

执法部门既要严格执法，也要文明执法，让群众在每一件事中感受到公平正义，疫情防控才能更有力量。
"""
    report, commentary = split_page(page)
    assert report.headline.title == "疫情防控一线的社区工作者"
    assert commentary.headline.title == "为疫情防控筑牢社区防线（人民时评）"
    assert commentary.blocks[0][1].startswith("疫情防控是一场人民战争")


def test_a_documents_title_over_its_adoption_note_opens_its_own_article():
    # A resolution printed under the report of the session that adopted it
    # shares the report's words; its adoption note says it is a document.
    page = """十三届全国人大三次会议闭幕

本报北京5月28日电（记者 王明）十三届全国人大三次会议28日下午在人民大会堂闭幕。会议表决通过了关于政府工作报告的决议。

会议期间，代表们围绕疫情防控、脱贫攻坚等议题积极建言献策。

第十三届全国人民代表大会第三次会议关于政府工作报告的决议

（2020年5月28日第十三届全国人民代表大会第三次会议通过）

第十三届全国人民代表大会第三次会议听取和审议了政府工作报告。会议充分肯定国务院过去一年的工作，同意报告提出的总体要求，决定批准这个报告。
"""
    report, resolution = split_page(page)
    assert report.headline.title == "十三届全国人大三次会议闭幕"
    assert resolution.headline.title == "第十三届全国人民代表大会第三次会议关于政府工作报告的决议"
    assert resolution.headline.subtitle == "（2020年5月28日第十三届全国人民代表大会第三次会议通过）"
    assert [text for _, text in report.blocks][-1].startswith("会议期间")


def test_a_decrees_signing_date_stays_with_it_over_the_next_documents_title():
    page = """中华人民共和国主席令

第四十五号

《中华人民共和国民法典》已由中华人民共和国第十三届全国人民代表大会第三次会议于2020年5月28日通过，现予公布，自2021年1月1日起施行。

中华人民共和国主席  习近平

2020年5月28日

第十三届全国人民代表大会第三次会议关于政府工作报告的决议

（2020年5月28日第十三届全国人民代表大会第三次会议通过）

第十三届全国人民代表大会第三次会议听取和审议了国务院总理李克强所作的政府工作报告。会议充分肯定国务院过去一年的工作，同意报告提出的2020年经济社会发展的总体要求、主要目标和重点任务，决定批准这个报告。
"""
    decree, resolution = split_page(page)
    assert decree.headline.title == "中华人民共和国主席令"
    assert [text for _, text in decree.blocks][-2:] == ["中华人民共和国主席 习近平", "2020年5月28日"]
    assert resolution.headline.title == "第十三届全国人民代表大会第三次会议关于政府工作报告的决议"


def test_a_headline_at_the_top_of_the_page_is_not_a_sibling_of_its_own_sections():
    # Section heads as long as the headline over them make it look like one
    # of them; the page-top group still opens the article, the sections do not.
    page = """非洲经济有望逐步复苏

核心阅读

多家国际机构近日发布报告，预计今年非洲经济增速将有所提升。

非洲开发银行近日发布报告显示，去年非洲经济预计实现增长3.4%，今年将增长3.9%。

经济增速低于之前预测

世界银行最新发布的报告认为，受国际贸易不确定性等因素影响，非洲经济增速低于之前预测。

多重因素制约增长提速

非洲经济增速放缓受制于多重因素，全球经济增速放缓被视为地区经济增长的重要挑战。

未来发展前景依旧看好

有分析指出，尽管非洲经济发展面临复杂多变的环境，但该地区的发展潜力巨大，前景看好。
"""
    vectors = _vectors_cache()
    scores = [headline_score(ctx, vectors) for ctx in headline_contexts(page)]
    assert scores[0] > HEADLINE_THRESHOLD
    assert all(score < HEADLINE_THRESHOLD for score in scores[1:])


def test_a_long_title_after_a_reports_sign_off_heads_the_next_article():
    # Too long to look like a headline line on its own, but nothing follows a
    # sign-off in the same report.
    page = """风雨无阻向前进

新华社北京5月17日电  这是一场殊死较量，全国人民众志成城，疫情防控取得重大战略成果。

从大战中总结经验教训，从大考中汲取智慧力量，中华民族一定能化险为夷。

（新华社北京5月17日电  记者赵承、霍小光、张旭东）

中共中央国务院关于新时代推进西部大开发形成新格局的指导意见

强化举措推进西部大开发形成新格局，是党中央、国务院从全局出发作出的重大决策部署。

一、总体要求

以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大精神。
"""
    report, document = split_page(page)
    assert report.headline.title == "风雨无阻向前进"
    assert [text for _, text in report.blocks][-1].startswith("（新华社北京5月17日电")
    assert document.headline.title == "中共中央国务院关于新时代推进西部大开发形成新格局的指导意见"
    assert document.blocks[0][1].startswith("强化举措推进西部大开发")


def test_a_note_signed_on_a_line_of_its_own_presents_a_collection():
    # The note's ——编者 read as a line of its own under it: the note is still
    # the article's first piece, and the stories after it are its sections,
    # and the article's own opening comes before the first of them.
    page = COLLECTION.replace("编者按：", "").replace(
        "向奋战在一线的人们致敬。", "向奋战在一线的人们致敬。\n\n——编 者\n\n这是一个不平凡的春天，每个人都在用自己的方式守护这座城市。")
    assert [ctx.in_collection for ctx in headline_contexts(page)] == [False, True, True, True]


def test_unmarked_groups_under_a_pages_one_marked_headline_are_its_sections():
    # A page that marks its one headline with ## would mark another.
    page = """## 致敬，为城市正常运行而奋战的人们（人民眼）

当前，疫情防控正处于胶着对垒的关键阶段。让我们透过前方记者采撷的人物故事，一起触摸这座城市的温度。

快递员袁双

没休息一天，因格外被需要

一位客户网上买了几箱东西，小区里的快递柜放不下，袁双就一箱一箱送上楼。

“我有信心与武汉共渡难关，武汉一定行！”袁双说。

电力职工王波

“疫情不退，我们不撤”

260多名电力职工加班加点连续施工，终于按时完成了医院的供电工程。

如今，王波依然坚守在医院，负责应急保电。
"""
    [article] = split_page(page)
    assert article.headline.title == "致敬，为城市正常运行而奋战的人们（人民眼）"
    assert ("h", "电力职工王波") in article.blocks


def test_a_headline_over_its_dash_subtitle_opens_an_article_after_one_on_its_subject():
    # A commentary on a report printed after the report's notes shares their
    # words; its ——subtitle says it is a headline (97% of such corpus groups).
    page = """附：2019年全市国民经济和社会发展统计公报注释

［1］本公报中数据均为初步统计数。各项统计数据均未包括驻外机构。

［2］国内生产总值、三次产业及相关行业增加值绝对额按现价计算，增长速度按不变价格计算。

［3］全市居民收入增长与经济增长按统计公报口径计算，民生数据为全市统计数。

稳中上台阶 进中增福祉

——《2019年全市统计公报》评读

日前发布的统计公报显示，全市经济运行总体平稳、稳中有进，发展质量稳步提升。

统计公报数据表明，全市居民收入增长与经济增长基本同步，民生福祉持续增进。

按现价计算，全市国内生产总值增长速度保持在合理区间，三次产业增加值稳步提升。
"""
    vectors = _vectors_cache()
    scores = {ctx.heads[0].text: headline_score(ctx, vectors) for ctx in headline_contexts(page)}
    assert scores["稳中上台阶 进中增福祉"] > HEADLINE_THRESHOLD


def test_a_cut_line_right_under_a_subhead_stays_in_that_section():
    # A paragraph's first words, cut off at a line break and printed as a
    # paragraph of their own, look like a headline; right under a part's
    # subhead, with nothing between, they are that part's opening.
    page = """全市工会推进职工技能提升

本报讯 市总工会近日召开会议，部署全年职工技能提升工作。会议要求各级工会把技能培训作为服务职工的重要抓手，确保取得实效。

一、加强技能培训

我市职工技能人才缺口大，要加快培养

高技能人才，突出实用导向，使培训与岗位需求有效结合、相互促进。

二、开展劳动竞赛

各级工会要广泛开展劳动竞赛，以赛促学、以赛促训，激发职工学技术、练本领的热情。
"""
    contexts = {ctx.heads[0].text: ctx for ctx in headline_contexts(page)}
    assert contexts["我市职工技能人才缺口大，要加快培养"].under_subhead
    assert [a.headline.title for a in split_page(page)] == ["全市工会推进职工技能提升"]


def test_a_photo_label_opens_a_photo_story_and_the_text_after_its_credit_goes_back_on_the_article_it_interrupts():
    page = """全市推进职工书屋建设

本报讯 市总工会近日公布，全市职工书屋已达到一千家，覆盖职工四十余万人。职工书屋建设纳入全市工会重点工作。

今年还将新建一百家职工书屋示范点，重点向一线班组倾斜。

图片报道

3月5日，农民在田间驾驶农机进行春耕作业。

本报记者 张 三摄

市总工会表示，职工书屋示范点将配备图书和电子阅读设备，让一线职工在班组读到好书。

职工书屋建设还将与劳模创新工作室结合，推动职工书屋提质增效。
"""
    report, photo = split_page(page)
    assert photo.headline.title == "图片报道"
    assert [text[:7] for _, text in photo.blocks] == ["3月5日，农民", "本报记者 张 "]
    assert [text[:7] for _, text in report.blocks] == ["本报讯市总工会", "今年还将新建一", "市总工会表示，", "职工书屋建设还"]
    assert any("joined the text printed after the photo story '图片报道'" in r for r in report.repairs)


def test_two_articles_run_together_are_split_at_the_second_ones_headline():
    page = ("工会送温暖活动启动\n\n本报讯（记者张三）市总工会近日召开全委会议，部署今年的重点工作，要求各级工会围绕中心、"
            "服务大局，把职工群众的冷暖放在心上。县总工会开展职工技能竞赛\n\n"
            "本报讯（通讯员李四）县总工会日前举办职工技能大赛，三百余名职工参赛。\n")
    articles = split_page(page)
    assert [a.headline.title for a in articles] == ["工会送温暖活动启动", "县总工会开展职工技能竞赛"]
    assert articles[0].blocks[-1][1].endswith("放在心上。")


def test_the_notes_of_a_line_run_together_stay_with_both_its_parts():
    from backissues.split import _Draft
    draft = _Draft()
    draft.add(1, "p", "要求各级工会和职工群众心连心。", ((3,),))
    draft.add(2, "h", "县总工会开展职工技能竞赛", ((3,),))
    draft.repairs = ["line 3: replaced ' and ' with 和 (1×)", "line 3: split line 3: a headline run together …"]
    moved = draft.take((2, "h", "县总工会开展职工技能竞赛"))
    assert moved == draft.repairs == ["line 3: replaced ' and ' with 和 (1×)", "line 3: split line 3: a headline run together …"]
    assert draft.lines == [3]
