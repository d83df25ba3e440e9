"""Issue-date inference: each reading rule on a small made-up page."""
import re

import pytest

from backissues.dates import DateGuess, infer_issue_date


def year(text: str, **kw) -> str | None:
    guess = infer_issue_date(text, **kw)
    return guess.value[:4] if guess.value else None


# ---------------------------------------------------------------- the result type

def test_result_is_a_frozen_dataclass():
    guess = infer_issue_date("2019年为启动年。")
    assert isinstance(guess, DateGuess)
    with pytest.raises(Exception):
        guess.value = "2000"


def test_no_year_at_all_gives_none_and_says_so():
    guess = infer_issue_date("本报讯 近日，某市总工会开展送温暖活动，走访慰问困难职工。")
    assert guess.value is None
    assert "未提及" in guess.evidence


def test_empty_text_gives_none():
    assert infer_issue_date("").value is None


# ---------------------------------------------------------------- 'current year' rules

def test_this_year_paired_with_an_explicit_year_for_the_same_goal():
    text = ("河北：今年底困难职工全部解困脱困\n\n"
            "会议提出，力争今年底全市在档困难职工全部实现解困脱困。\n\n"
            "据介绍，2012年以来，各级工会共筹集帮扶资金1亿元。力争2021年底全市在档困难职工全部实现解困脱困，"
            "2022年进一步巩固工作成效。")
    guess = infer_issue_date(text)
    assert guess.value == "2021"
    assert "今年" in guess.evidence and "2021" in guess.evidence


def test_last_year_paired_by_a_repeated_figure():
    text = ("某市总工会密织维权网络 去年为职工挽回经济损失3100余万元\n\n"
            "2021年，市总直接为职工提供法律援助服务500批次，为职工挽回经济损失3100余万元。")
    guess = infer_issue_date(text)
    assert guess.value == "2022"
    assert "去年" in guess.evidence


def test_a_shared_name_alone_does_not_pair_this_year_with_a_year():
    # Both sentences name the same committee, but report different things.
    text = ("今年全国人大常委会将审议多部法律草案。\n\n"
            "2015年，全国人大常委会在本届任期内审议了一批法律。2018年，某省出台条例。")
    assert year(text) != "2015"


def test_year_declared_a_start_year():
    assert year("根据建设计划安排，2022年为启动年，全市将选树100家示范食堂。2015年以来试点。") == "2022"


def test_annual_work_meeting_and_ji():
    assert year("公司召开一届六次职工代表大会暨2016年工作会，会上通过了集体合同。2014年起试点。") == "2016"
    assert year("2016年工作会议强调，要做好职工服务。2014年，公司获评先进。") == "2016"


def test_year_called_the_year_of_something():
    assert year("2020年是全面建成小康社会收官之年。2019年，全国脱贫1000万人。") == "2020"


# ---------------------------------------------------------------- past and closed years

def test_as_of_the_end_of_a_year_means_the_year_is_over():
    guess = infer_issue_date("截至2023年末，全市园区企业建会率达到95%。")
    assert guess.value == "2024"
    assert "截至2023年末" in guess.evidence


def test_since_a_year_is_a_lower_bound():
    assert year("2017年以来，该公司创新开展了党建工作法。") == "2017"
    # a later plan caps it from above, an earlier 'since' only from below
    assert year("2015年以来，全市累计建成驿站300个。明确到2017年底前完成全覆盖。") in {"2016", "2017"}


def test_year_narrated_in_the_past_leans_to_the_next_year():
    text = "据悉，2023年，无锡市扎实推进工会服务站点建设，建成工会驿站889家。"
    assert year(text) == "2024"


def test_whole_year_figure_means_the_year_is_over():
    assert year("统计显示，2019年全国GDP达到99万亿元，比上年增长6.1%。") == "2020"


def test_whole_year_reported_as_closed():
    assert year("全年实现营业收入2.6亿元，达到2018年全年的177%。") == "2019"


def test_past_event_in_a_later_month_than_this_pages_news():
    # The page reports March news; an event of November with its year must be
    # from an earlier year.
    text = ("3月11日，市总工会走访慰问一线职工。3月14日，驿站揭牌。3月16日，培训开班。\n\n"
            "2019年11月，市总工会在开发区建起企业民主管理指导站。")
    assert year(text) == "2020"


# ---------------------------------------------------------------- plans and targets

def test_a_target_year_is_an_upper_bound():
    guess = infer_issue_date("到2025年底，全市将建成户外劳动者服务站点500个。")
    assert int(guess.value[:4]) <= 2025
    assert "目标" in guess.evidence


def test_a_plan_range_issued_caps_the_year_at_its_start():
    text = "12月21日，《工青妇基层组织协同创新发展(2018—2020)实施方案》发布。2016年以来，试点有序推进。"
    assert year(text) in {"2016", "2017", "2018"}
    assert int(year(text)) <= 2018


def test_two_festivals_campaign_launched_in_december_is_the_year_before():
    text = ("12月26日，省总工会召开新闻发布会，启动全省工会2018年“两节”送温暖活动。\n\n"
            "12月21日，某市总工会表彰一批“五小”创新成果。12月25日，全省工会改革推进会召开。")
    guess = infer_issue_date(text)
    assert guess.value == "2017-12"
    assert "两节" in guess.evidence


def test_a_plan_with_the_future_tense_is_not_a_past_year():
    # '2019年，市总将…' is a plan for 2019, not a report on it.
    assert year("2018年，市总为职工提供法律援助600批次。2019年，市总将进一步扩展课程内容。") == "2019"


def test_a_postponement_is_a_future_year():
    assert year("受疫情影响，世锦赛推迟到2021年举行。2019年，中国队获得冠军。") == "2020"


# ---------------------------------------------------------------- anniversaries and congresses

@pytest.mark.parametrize("text, expected", [
    ("全国能源化学地质工会举办系列文化活动，庆祝新中国成立70周年。", "2019"),
    ("各地开展主题活动，庆祝中国共产党成立100周年。", "2021"),
    ("纪念改革开放40周年大会在京举行。", "2018"),
    ("纪念五四运动一百周年，青年职工座谈。", "2019"),
])
def test_anniversaries(text, expected):
    guess = infer_issue_date(text)
    assert guess.value == expected
    assert "周年" in guess.evidence


def test_an_anniversary_still_to_come_is_an_upper_bound():
    # welcoming the 100th anniversary: at most 2021, and the past year narrated
    # in the text puts it after 2019
    assert year("喜迎建党100周年。2019年，公司营业收入达到10亿元。") in {"2020", "2021"}


def test_union_congress_not_yet_held():
    text = ("团结奋斗开新局 喜迎工会十八大\n\n"
            "2022年，莱钢集团6个改制单位先后召开职代会并通过职工安置方案。")
    assert year(text) == "2023"


def test_npc_session_numbers():
    assert year("十三届全国人大三次会议在京开幕。") == "2020"
    assert year("去年十三届全国人大二次会议期间，代表提出建议。") == "2020"


def test_sexagenary_year():
    assert year("庚子年春节到来之际，各地职工喜迎新春。") == "2020"


def test_covid_words_mean_2020_or_later():
    assert year("全市工会坚决打赢疫情防控阻击战，为一线医护人员送去慰问品。") == "2020"


def test_chinese_numeral_years():
    assert year("二〇一九年全国职工代表大会召开，2018年全年完成目标。") == "2019"


# ---------------------------------------------------------------- fallback

def test_bare_mentions_fall_back_to_the_largest_year_and_say_so():
    guess = infer_issue_date("老张1998年入厂，2005年当选劳模，2012年退休后仍常回车间。")
    assert guess.value == "2012"
    assert "最大年份" in guess.evidence


def test_years_after_the_latest_plausible_year_are_not_the_issue_year():
    assert year("2018年，公司启动规划。到2035年，基本建成世界一流企业。", latest=2026) in {"2018", "2019"}
    guess = infer_issue_date("到2035年，基本实现社会主义现代化。", latest=2026)
    assert guess.value == "2026"


def test_amounts_that_look_like_years_are_not_years():
    assert year("筹集帮扶资金2000元，惠及2019名职工，发放慰问金5000万元。") is None


# ---------------------------------------------------------------- month, never a day

def test_month_when_the_pages_dated_events_agree():
    text = ("本报讯 3月11日，市总工会组织走访慰问。\n\n3月14日，智能工会驿站揭牌启用。\n\n"
            "3月16日，农民开展农耕技能比赛。截至2023年末，全市建会率达95%。")
    guess = infer_issue_date(text)
    assert guess.value == "2024-03"
    assert "3月11日" in guess.evidence


def test_no_month_when_dates_are_spread_over_months():
    text = "3月11日，走访慰问。5月14日，驿站揭牌。8月16日，技能竞赛开幕。截至2023年末，建会率达95%。"
    assert infer_issue_date(text).value == "2024"


def test_no_month_from_a_single_date():
    assert infer_issue_date("3月11日，市总工会走访慰问。截至2023年末，建会率达95%。").value == "2024"


def test_never_a_day_even_when_dates_are_explicit():
    text = "2019年3月22日，培训开班。3月22日，学员结业。3月23日，职工参加公益课。2019年为启动年。"
    value = infer_issue_date(text).value
    assert re.fullmatch(r"\d{4}(-\d{2})?", value)
    assert value == "2019-03"


def test_evidence_quotes_the_words_of_the_text():
    guess = infer_issue_date("据了解，2019年为启动年，扬州市将选树100家职工好食堂。")
    assert "2019年为启动年" in guess.evidence


# -- the folio line ----------------------------------------------------------------------------

def test_a_folio_line_gives_the_issue_day():
    text = "工人日报  2020年3月5日  星期四\n\n## 市总工会召开全委会\n\n2019年，全市工会……今年，市总工会将……"
    guess = infer_issue_date(text)
    assert guess.value == "2020-03-05"
    assert "工人日报" in guess.evidence


def test_a_folio_line_naming_no_real_day_is_not_used():
    text = "工人日报  2020年2月30日  星期四\n\n## 市总工会召开全委会\n\n2019年，全市工会……"
    assert infer_issue_date(text).value != "2020-02-30"
    assert len(infer_issue_date(text).value) <= 7, "no day without a real one printed"
