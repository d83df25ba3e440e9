"""Evidence scores (`backissues.evidence`): one test per behaviour a score must show.

Scores are compared with each other (more evidence -> higher score) rather
than pinned to numbers, so retuning the weights does not break these tests;
only `test_weight_sign` pins the direction each key weight must point in, to
catch an accidental sign flip. Whether a headline group opens an article
(`headline_score`, whose inputs are being reworked) is tested through
`split_page` in test_split.py. Units are built with `read_units` from short
lines written for the test.
"""
from __future__ import annotations

from dataclasses import replace

import pytest

from backissues.evidence import (JOIN_THRESHOLD, LINE_THRESHOLD, WEIGHTS, HeadContext, closes_bracket, glue,
                                 headline_features, headline_line_score, headline_match, headline_roles, join_score,
                                 letter_spaced,
                                 open_bracket, prefer_shared_words, sharing_structure, similarity, strips_headline, word_across)
from backissues.units import BODY, BYLINE, HEAD, read_units


def units_of(page: str):
    units, _ = read_units(page)
    return units


def one(line: str):
    [unit] = units_of(line)
    return unit


# A body piece cut off mid-word ("帮|扶"), long enough to be body on its own.
CUT = "今年以来，市总工会累计投入资金3200万元，走访慰问困难职工1.2万户，下一步还将对困难职工家庭加大帮"


# -- word_across -----------------------------------------------------------------

@pytest.mark.parametrize("left, right", [
    ("扶", "持"),
    ("加大帮", "扶力度，帮助困难职工"),
    ("新就业形态劳动", "者提供服务"),
    ("加大帮 ", "  扶力度"),          # spaces at the break do not matter
])
def test_word_across_a_break(left, right):
    assert word_across(left, right)


@pytest.mark.parametrize("left, right", [
    ("开展技能", "鸭"),
    ("职工书屋的", "山"),
    ("进一步扩大帮扶", "在机床厂的装配车间"),
    ("加大帮扶。", "持续推进"),          # a full stop ends the word
    ("今年3", "月"),                   # a digit is no Chinese character
    ("", "扶持"),
])
def test_no_word_across_a_break(left, right):
    assert not word_across(left, right)


# -- join_score ------------------------------------------------------------------

def test_join_prefers_the_piece_that_completes_the_word():
    a = one(CUT)
    completes = one("扶力度，帮助他们解决子女上学、老人看病等实际困难，让困难职工真正感受到工会组织的温暖。")
    unrelated = one("据了解，今年大赛首次增设新就业形态劳动者组别，快递员、网约车司机均可报名参加各项比赛。")
    assert join_score(a, completes, 2) > join_score(a, unrelated, 2)


def test_join_prefers_a_continuation_that_starts_with_punctuation():
    a = one(CUT + "扶力度")
    opens = one("，帮助他们解决子女上学、老人看病等实际困难，让困难职工真正感受到工会组织的温暖和关怀。")
    fresh = one("帮助他们解决子女上学、老人看病等实际困难，让困难职工真正感受到工会组织的温暖和关怀。")
    assert join_score(a, opens, 3) > join_score(a, fresh, 3)


def test_join_score_falls_with_distance():
    a = one(CUT)
    b = one("扶力度，帮助他们解决子女上学、老人看病等实际困难，让困难职工真正感受到工会组织的温暖。")
    scores = [join_score(a, b, d) for d in (1, 2, 5, 10)]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]


@pytest.mark.parametrize("fresh, opener", [
    ("据介绍，银川市总工会启动的职工大讲堂系列活动既有系列讲座，又有公益课。", "据介绍，"),
    ("3月11日，吉林省辽源市总工会组织开展走访慰问活动。", "3月11日，"),
    ("近年来，全市建立了困难职工档案动态管理机制。", "近年来，"),
])
def test_a_piece_that_opens_like_a_paragraph_is_a_worse_continuation(fresh, opener):
    a = one("成立工会维权骨干队伍，提供专业化维权服务。优化升级原工会法律顾问团，成立")
    assert join_score(a, one(fresh), 2) < JOIN_THRESHOLD
    # 立|据 is a dictionary word: without its opener the first piece would read on into it
    if opener == "据介绍，":
        assert join_score(a, one(fresh), 2) - WEIGHTS["join.fresh_start"] > JOIN_THRESHOLD


def test_join_prefers_a_piece_whose_first_sentence_is_a_stub():
    a = one("市总按基层培训情况给予相应扶")
    stub = one("持。在兴庆区工会，瑜伽、舞蹈、声乐等公益课场场爆满。")
    fresh = one("强化制度资金保障，为维权体系建设提供支撑。")
    assert join_score(a, stub, 4) > join_score(a, fresh, 2)


def test_a_marked_headline_between_two_pieces_counts_against_joining_them():
    a = one("培育了“爱心直通车”“牵手小春燕”等系列项")
    b = one("密切联系群众是党的群团组织工作的永恒主题，抱定这一主题和宗旨，我们到园区和职工同吃同住。")
    assert join_score(a, b, 1, across=True) < JOIN_THRESHOLD < join_score(a, b, 1)
    completes = one("持。在兴庆区工会，瑜伽、舞蹈、声乐等公益课场场爆满。")
    assert join_score(one("市总按基层培训情况给予相应扶"), completes, 2, across=True) > JOIN_THRESHOLD


def test_of_two_plausible_continuations_the_one_sharing_fewer_words_is_marked_down():
    words = {"cut": {"柯占军": 1.0, "毒贩": 1.0}, "theirs": {"顾瑛": 1.0, "刑警": 1.0},
             "own": {"柯占军": 1.0, "毒贩": 0.5}, "far": {"顾瑛": 1.0}}
    scores = prefer_shared_words("cut", ["theirs", "own", "far"], [2.0, 1.2, -3.0], lambda t: words[t])
    assert scores[1] == 1.2, "the continuation sharing most words keeps its score"
    assert scores[0] < scores[1], "the piece printed next now ranks under the one sharing the names"
    assert scores[2] == -3.0, "a piece that cannot continue the cut is left as it was"


def test_a_joinable_continuation_is_reordered_not_refused_when_a_piece_that_cannot_join_shares_more():
    # …使其成为党群共建、服务 | 群众、助力振兴…: the next piece shares few words,
    # a paragraph further down shares many but has nothing to join on.
    words = {"cut": {"示范点": 1.0, "工青妇": 1.0}, "next": {"振兴": 1.0}, "later": {"示范点": 1.0, "工青妇": 1.0}}
    scores = prefer_shared_words("cut", ["next", "later"], [2.0, 0.5], lambda t: words[t])
    assert scores[0] > JOIN_THRESHOLD
    assert scores[1] < JOIN_THRESHOLD


def test_a_lone_plausible_continuation_keeps_its_score_whatever_it_shares():
    scores = prefer_shared_words("cut", ["next"], [2.0], lambda t: {t: 1.0})
    assert scores == [2.0]


CUT_BYLINE = "本报讯 (记者彭冰 柳姗姗 通讯员曲"


def test_a_cut_byline_joins_the_piece_that_closes_its_bracket_however_far_down():
    a = one(CUT_BYLINE)
    closes = one("思达)3月11日,吉林省辽源市总工会组织")
    near = one("活动中,辽源市总为500余名公交一线职")
    assert join_score(a, closes, 14) > JOIN_THRESHOLD > join_score(a, near, 1)


def test_a_piece_that_closes_a_bracket_continues_only_a_piece_that_opened_one():
    closes = one("思达)3月11日,吉林省辽源市总工会组织")
    assert join_score(one(CUT), closes, 1) < join_score(one(CUT), one("扶贫车间里的女工们正在赶制订单"), 1)


@pytest.mark.parametrize("text, is_open", [
    (CUT_BYLINE, True),
    ("本报讯（记者 钱亮）今年以来，全市", False),
    ("（作者为中共中央党校（国家行政学院）教授", True),
    ("对困难职工家庭加大帮", False),
])
def test_open_bracket(text, is_open):
    assert open_bracket(text) is is_open


@pytest.mark.parametrize("text, closes", [
    ("思达)3月11日,吉林省辽源市总工会组织", True),
    ("王娅）在日前召开的广东省总工会十四届七次常委", True),
    ("本报讯（记者 钱亮）今年以来", False),          # opens its own bracket first
    ("活动中,辽源市总为500余名公交一线职工共计发放慰问物资及慰问金近20万元）", False),  # too far in
])
def test_closes_bracket(text, closes):
    assert closes_bracket(text) is closes


@pytest.mark.parametrize("dateline", [
    "本报讯（记者 钱亮）",
    "本报杭州4月2日电（记者 钱亮）",
    "新华社南京4月2日电  ",
], ids=["benbaoxun", "benbao-place-date-dian", "xinhuashe"])
def test_a_dateline_piece_is_never_a_continuation(dateline):
    a = one(CUT)
    b = one(dateline + "扶贫车间里的女工们正在赶制一批出口订单，车间负责人说今年的订单已经排到了年底。")
    plain = one("扶贫车间里的女工们正在赶制一批出口订单，车间负责人说今年的订单已经排到了年底。")
    worst = join_score(a, plain, 12)
    assert join_score(a, b, 1) < 0
    assert join_score(a, b, 1) < worst, "even the adjacent dateline piece must score below any ordinary candidate"


# -- glue -------------------------------------------------------------------------

def test_glue_joins_chinese_without_a_space():
    assert glue("对困难职工家庭加大帮", "扶力度，") == "对困难职工家庭加大帮扶力度，"


def test_glue_keeps_a_space_between_latin_words():
    assert glue("the union opened a new", "service center") == "the union opened a new service center"


def test_glue_joins_a_number_cut_in_two_without_a_space():
    assert glue("截至目前，全省累计报告病例991", "5例，其中重症病例120例。") == "截至目前，全省累计报告病例9915例，其中重症病例120例。"


# -- headline_line_score: is a short plain line a headline line at all? -------------

def test_markdown_heading_scores_higher_than_the_same_plain_line():
    marked, plain = one("## 老师傅带出新徒弟"), one("老师傅带出新徒弟")
    assert headline_line_score(marked, None, None) > headline_line_score(plain, None, None)


def test_line_followed_by_a_byline_scores_higher_than_a_line_that_runs_on():
    units = units_of("老师傅带出新徒弟\n本报记者 吴晓峰\n老师傅带出新\n徒弟们也成了车间里的骨干，今年已有5人在市级技能比赛中获奖，另有3人晋升技师。")
    head, byline, cut, runs_on = units
    assert (head.kind, byline.kind, cut.kind, runs_on.kind) == (HEAD, BYLINE, HEAD, BODY)
    assert headline_line_score(head, None, byline) > headline_line_score(cut, None, runs_on)


def test_line_that_the_previous_piece_runs_into_scores_lower():
    units = units_of(CUT + "\n扶困难职工子女上学\n活动共吸引了500余名职工参加，现场气氛热烈，职工们纷纷表示收获很大。")
    cut, line, closed = units
    assert line.kind == HEAD
    assert headline_line_score(line, cut, None) < headline_line_score(line, closed, None)


def test_a_long_line_ending_in_a_column_name_stays_a_headline_line():
    line = one("科技攻关五大主攻方向取得阶段性成果（国务院联防联控机制发布会）")
    bare = one("科技攻关五大主攻方向取得阶段性成果国务院联防联控机制发布会议")
    assert headline_line_score(line, None, None) > LINE_THRESHOLD > headline_line_score(bare, None, None)


def test_a_long_dash_line_right_under_a_headline_line_stays_a_headline_line():
    head, dash = units_of("同舟共济，坚决打赢疫情防控阻击战\n——习近平总书记在中央政治局常务委员会会议上的重要讲话引发强烈反响")
    body = one("这是最近一段时间里全市职工群众最关心的事情，大家议论纷纷，都说要向他们学习。")
    assert headline_line_score(dash, head, None) > LINE_THRESHOLD > headline_line_score(dash, body, None)


@pytest.mark.parametrize("rest", ["的重要性和紧迫性。近期，市总工会出台了帮扶困难职工的十条措施。",
                                  "了军。退伍后，他回到家乡，在县里的机械厂当了一名钳工，一干就是三十年。",
                                  "店。小儿子脑瓜活络，开过饼屋，种过果树，如今在镇上经营一家农资商店。"])
def test_a_line_whose_next_piece_opens_on_a_bound_word_or_a_stub_runs_on(rest):
    # 的, 了 never open a sentence; nor does a stub of up to three characters
    # ended by 。 (店。, 发生的。): the piece below finishes the sentence this
    # line breaks off.
    line = one("这次疫情进一步显露了中小微企业在发展中")
    fresh = one("近期，市总工会出台了帮扶困难职工的十条措施，覆盖全市所有规模以上企业。")
    assert one(rest).kind == BODY
    assert headline_line_score(line, None, one(rest)) < LINE_THRESHOLD <= headline_line_score(line, None, fresh)


def test_a_line_whose_next_piece_opens_on_a_three_character_stub_runs_on():
    # 发生的。 is no sentence of its own: it ends the one the line breaks off
    # (a paragraph printed as one line per "paragraph").
    line = one("这个村子的变化当然不是一夜之间")
    stub = one("发生的。在这里驻村两年负责帮扶的干部，说起近几年的往事如数家珍。")
    fresh = one("在这里驻村两年负责帮扶的干部，说起近几年的往事如数家珍。")
    assert headline_line_score(line, None, stub) < LINE_THRESHOLD <= headline_line_score(line, None, fresh)


@pytest.mark.parametrize("line, bare", [("【网言网语】", "网言网语"),
                                        ("【人物】第二十次春节值班的民警赵志万", "第二十次春节值班的民警赵志万")])
def test_a_line_opening_on_a_part_label_is_a_paragraph_of_its_column(line, bare):
    # 【点评】, 【人物】…: the labelled parts of one column (暖闻热评), not headlines.
    body = one("在社区值守的第十天，他又一次推迟了回家的日子，家人都很理解他。")
    assert headline_line_score(one(line), None, body) < LINE_THRESHOLD <= headline_line_score(one(bare), None, body)


def test_a_word_that_only_starts_like_a_particle_opens_a_sentence():
    line = one("这次疫情进一步显露了中小微企业在发展中")
    assert headline_line_score(line, None, one("了解到这些情况后，市总工会马上派出工作组，逐户上门核实。")) \
        == headline_line_score(line, None, one("听说这些情况后，市总工会马上派出工作组，逐户上门核实。"))


@pytest.mark.parametrize("line", ["近年来，山西省总工会着力推动工会", "2019年11月，锦州市总工会在锦州",
                                  "截至2023年末，锦州市5个省", "3月16日，市总工会走访慰问"])
def test_a_line_opening_with_a_time_and_a_comma_is_a_cut_sentence(line):
    # A sentence starts with its time or link word; a headline line with its subject.
    assert headline_line_score(one(line), None, None) < LINE_THRESHOLD


@pytest.mark.parametrize("cut, whole", [
    ("天津一位网友留言表示：“我是一位", "“我是一位民宿从业者”"),
    ("由中国作家创作的童书《", "童书《白狐迪拉与月亮石》出版"),
    ("基地采取统一建设（分户种植", "基地采取统一建设（分户种植）"),
])
def test_a_line_that_stops_inside_a_quote_or_bracket_is_a_cut_sentence(cut, whole):
    # A headline closes what it opens; a line left inside “…, 《… or （… is the
    # first part of a body line a hard line break cut.
    assert headline_line_score(one(cut), None, None) < LINE_THRESHOLD <= headline_line_score(one(whole), None, None)


def _page_with(line: str, gap: str) -> str:
    # Paragraphs end with a blank line, so a bare line break falls inside one.
    paragraphs = ["市总工会近日召开会议，部署今年的帮扶工作。", "会议要求各级工会把困难职工的冷暖放在心上。",
                  "各区工会随后分头走访慰问了一线职工。", "下一步，市总还将开展技能培训活动。"]
    rest = "通过网络平台为职工开设免费课程，努力实现停工不停学。"
    return "\n\n".join(paragraphs[:2] + [line + gap + rest] + paragraphs[2:]) + "\n"


def test_a_comma_counts_twice_against_a_line_over_body_text_with_no_headline_line_above():
    # …了解到，全国多所学校 | 通过网络平台…: a bare break ties the line to the
    # body, or the page prints each wrapped line as a paragraph of its own.
    line = "记者在采访中了解到，全国多所学校"
    def score(gap):
        units = units_of(_page_with(line, gap))
        i = next(i for i, u in enumerate(units) if u.text == line)
        return units[i].glued, headline_line_score(units[i], units[i - 1], units[i + 1])
    twice = WEIGHTS["line.base"] + WEIGHTS["line.comma"] + WEIGHTS["line.comma_over_body"]
    assert score("\n") == (True, pytest.approx(twice))
    assert score("\n\n") == (False, pytest.approx(twice))
    assert twice < LINE_THRESHOLD


def test_a_comma_counts_once_for_a_line_under_a_headline_line_or_a_credit_with_a_blank_line_below():
    # 区总工会开展送清凉活动 / 让一线职工感受温暖，守护健康: a subtitle.
    for above in ("区总工会开展送清凉活动", "新华社记者 王鹏摄"):
        above_unit, line, body = units_of(f"{above}\n\n让一线职工感受温暖，守护健康\n\n"
                                          "7月10日，区总工会走访慰问高温一线职工，送去防暑降温用品。\n")
        assert headline_line_score(line, above_unit, body) == pytest.approx(WEIGHTS["line.base"] + WEIGHTS["line.comma"])


def test_on_a_page_without_blank_lines_every_break_may_tie_a_line_to_the_body_but_under_a_kicker():
    # No blank line tells a paragraph's end, so a comma over body text counts
    # twice even under a headline line; a title under its kicker or after a
    # credit is spared.
    head, cut, body = units_of("区总工会开展送清凉活动\n记者在采访中了解到，全国多所学校\n"
                               "通过网络平台为职工开设免费课程，努力实现停工不停学。\n")
    twice = WEIGHTS["line.base"] + WEIGHTS["line.comma"] + WEIGHTS["line.comma_over_body"]
    assert headline_line_score(cut, head, body, tight=True) == pytest.approx(twice)
    assert headline_line_score(cut, head, body) >= LINE_THRESHOLD
    kicker, title, body = units_of("解读全会精神之三——\n老虎苍蝇一起打，保持高压态势\n"
                                   "全会强调，要坚持无禁区、全覆盖、零容忍，一体推进不敢腐、不能腐、不想腐。\n")
    assert headline_line_score(title, kicker, body, tight=True) >= LINE_THRESHOLD
    credit, title, body = units_of("新华社记者 王鹏摄\n返程高峰，防控要做好\n"
                                   "随着春节假期结束，各地回乡人员陆续返程，疫情防控进入新的阶段。\n")
    assert credit.kind == "credit"
    assert headline_line_score(title, credit, body, tight=True) >= LINE_THRESHOLD


def test_a_line_runs_on_into_the_next_on_a_page_without_blank_lines_even_when_an_earlier_piece_could():
    line, nxt = units_of("习近平总书记关于坚持和完善人民\n代表大会制度的重要思想，为做好人大工作提供了科学指引。\n")
    assert headline_line_score(line, None, nxt, claimed=True, tight=True) \
        == pytest.approx(headline_line_score(line, None, nxt, claimed=True) + WEIGHTS["line.runs_on"])


@pytest.mark.parametrize("line", ["为此，着陆场系统进行了科学部署", "据介绍，清华大学将调整春季学期",
                                  "第四，践行社会责任需要全面推动"])
def test_a_line_opening_with_a_link_word_and_a_comma_is_a_cut_sentence(line):
    assert headline_line_score(one(line), None, None) < LINE_THRESHOLD


@pytest.mark.parametrize("line", ["联合国秘书长发言人迪雅里克表示，蝗虫", "农业农村部专家认为，预计一季度"])
def test_a_line_of_reported_speech_is_a_cut_sentence(line):
    # A headline gives its speaker a colon (李克强：…), a sentence a comma.
    assert headline_line_score(one(line), None, None) < LINE_THRESHOLD
    assert headline_line_score(one(line.replace("表示，", "：").replace("认为，", "：")), None, None) >= LINE_THRESHOLD


@pytest.mark.parametrize("rest, runs_on", [(".93亿元，为预算的99%。执行中，部分项目调整了支出结构。", True),
                                           ("万亿元，比上年末增长8.7%，增速与上年持平。", True),
                                           ("2020年是全面建成小康社会和“十三五”规划收官之年。", False)])
def test_a_line_ending_in_a_number_that_the_next_piece_goes_on_with_runs_on(rest, runs_on):
    line = one("中央国有资本经营预算收入1635")
    assert (headline_line_score(line, None, one(rest)) < LINE_THRESHOLD) == runs_on


def test_a_kicker_may_open_with_a_time():
    # 5月27日，…委员通道开启—— leads into its headline; only the dash tells it apart.
    def score(text):
        return headline_line_score(one(text), None, None)
    assert score("5月27日，委员通道开启——") == score("那天下午，委员通道开启——")
    assert score("5月27日，委员通道开启") < score("那天下午，委员通道开启")


def test_a_headline_line_is_not_taken_for_the_rest_of_the_headline_line_above():
    # 民生 + 活水: "生活" across the two lines is a word, but headline lines are
    # set whole; only a body piece is cut mid-sentence.
    first, second = units_of("稳就业保民生\n活水润万家")
    assert (first.kind, second.kind) == (HEAD, HEAD)
    assert headline_line_score(second, first, None) == headline_line_score(second, None, None)


# -- headline_roles -------------------------------------------------------------------

def test_single_headline_line_is_the_title():
    roles = headline_roles(units_of("老师傅带出新徒弟"))
    assert (roles.kicker, roles.title, roles.subtitle) == (None, "老师傅带出新徒弟", None)


def test_line_ending_in_a_dash_is_the_kicker():
    roles = headline_roles(units_of("聚焦一线需求 精准开展帮扶——\n市总工会送温暖惠及两万职工"))
    assert roles.kicker == "聚焦一线需求 精准开展帮扶——"
    assert roles.title == "市总工会送温暖惠及两万职工"
    assert roles.subtitle is None


def test_kicker_ending_in_a_single_hyphen_gets_the_printed_double_dash():
    roles = headline_roles(units_of("扎根一线 练就绝活-\n青年焊工成了大国工匠"))
    assert roles.kicker == "扎根一线 练就绝活——"
    assert roles.title == "青年焊工成了大国工匠"


def test_line_starting_with_a_dash_under_the_title_is_the_subtitle():
    roles = headline_roles(units_of("“焊花”映出青春梦\n——记全国技术能手、焊工李卫东"))
    assert (roles.kicker, roles.title) == (None, "“焊花”映出青春梦")
    assert roles.subtitle == "——记全国技术能手、焊工李卫东"


def test_title_and_subtitle_marked_with_two_and_three_hashes():
    roles = headline_roles(units_of("## 全省职工书屋建设提质增效\n### 今年新建示范书屋300家，覆盖一线班组"))
    assert (roles.kicker, roles.title, roles.subtitle) == (None, "全省职工书屋建设提质增效", "今年新建示范书屋300家，覆盖一线班组")


def test_three_line_group_is_kicker_title_subtitle():
    roles = headline_roles(units_of("# 练就过硬本领 争当技能先锋——\n## 全市职工技能大赛决出36名技术状元\n"
                                    "### 获奖选手将直接晋升一级职业技能等级"))
    assert roles.kicker == "练就过硬本领 争当技能先锋——"
    assert roles.title == "全市职工技能大赛决出36名技术状元"
    assert roles.subtitle == "获奖选手将直接晋升一级职业技能等级"


# -- similarity and headline_match ---------------------------------------------------------------

def test_similarity_is_one_for_the_same_text_and_zero_for_unrelated_text():
    text = "市总工会在重点企业建起职工健康驿站"
    assert similarity(text, text) == pytest.approx(1.0)
    assert similarity(text, "县里举办首届农民丰收节文艺汇演") == 0.0


def test_similarity_is_symmetric_and_grows_with_shared_words():
    a = "市总工会在重点企业建起职工健康驿站，职工在工间休息时就能量血压。"
    near = "职工健康驿站建在车间旁边，职工休息时就能量血压、做咨询。"
    far = "职工书屋今年新增图书五千册，职工可以在午休时借阅。"
    assert similarity(a, near) == pytest.approx(similarity(near, a))
    assert similarity(a, near) > similarity(a, far)


BODY_TEXT = ("职工健康驿站配备了血压计、血糖仪和急救箱，由企业卫生所的医生轮流值守。下一步，市总工会将把"
             "职工健康驿站建设纳入对企业工会的年度考核，力争年底前在重点企业实现全覆盖。")


def test_headline_that_describes_the_body_matches_it():
    own = headline_match("市总工会在重点企业建起职工健康驿站", BODY_TEXT, 1)
    other = headline_match("县总工会举办首届职工篮球赛", BODY_TEXT, 1)
    assert own >= 0.5 and other <= 0.25, (own, other)


def test_headline_match_is_weaker_further_away():
    near = headline_match("市总工会在重点企业建起职工健康驿站", BODY_TEXT, 1)
    far = headline_match("市总工会在重点企业建起职工健康驿站", BODY_TEXT, 4)
    assert near > far


# -- headline_features ----------------------------------------------------------------

def _context(before: str, heads: str, after: str) -> HeadContext:
    return HeadContext(tuple(units_of(heads)), tuple(units_of(before)), tuple(units_of(after)), marked_page=False,
                       page_start=not before, parallel=0)


REPORT = "本报北京2月25日电 全国总工会25日召开会议，部署关心关爱一线职工工作。"


@pytest.mark.parametrize("heads, unmarked", [
    ("关爱一线职工的几点做法", 1.0),                 # a subhead, as a page that marks its headlines prints one
    ("让一线职工安心工作（人民时评）", 0.0),         # a headline closing on its column's name: its ## was lost
    ("一线职工的心里话（记者手记）", 1.0),           # a box's tag: a box inside the article
    ("对已实现稳定脱贫的县，各省（自治区、直辖市）", 1.0),  # a list: a column line of body text
])
def test_an_unmarked_line_on_a_marked_page_reads_as_a_subhead_unless_it_names_its_column(heads, unmarked):
    ctx = replace(_context(REPORT, heads, "会议要求，各级工会要关心关爱一线职工。"), marked_page=True)
    assert headline_features(ctx, lambda text: {})["head.unmarked_on_marked_page"] == unmarked


@pytest.mark.parametrize("before, opening_above", [
    # the new report's opening printed above its headline, after the last article's pieces
    ("市总工会负责人日前到医院慰问一线职工。\n\n市总工会负责人表示，要帮助他们解决实际困难。\n\n" + REPORT, 1.0),
    # a report's own opening right under its headline, above a section head
    (REPORT, 0.0),
    ("市总工会负责人日前到医院慰问一线职工。\n\n" + REPORT + "\n\n会议要求，各级工会要帮助解决实际困难。", 0.0),
])
def test_a_dateline_printed_right_above_a_headline_after_other_pieces_is_its_reports_opening(before, opening_above):
    ctx = _context(before, "全国总工会部署关心关爱一线职工工作", "会议要求，各级工会要关心关爱一线职工。")
    assert headline_features(ctx, lambda text: {})["head.dateline_above"] == opening_above


def test_who_speaks_weighs_nothing_in_whether_a_group_opens_an_article():
    # 火神山医院…宋立强： over his quote heads a section as the quote alone
    # would; the long name must not make the pair look like a headline.
    below = "到武汉第三天的凌晨，在重症监护室里，我们接收了一名重症患者。"
    alone = _context("", "“患者转危为安让我感到欣喜”", below)
    headed = _context("", "火神山医院重症医学一科副主任宋立强：\n“患者转危为安让我感到欣喜”", below)
    assert len(headed.heads) == 2
    assert headline_features(headed, lambda text: {})["head.length"] \
        == headline_features(alone, lambda text: {})["head.length"]


@pytest.mark.parametrize("signoff, team", [
    ("（本报记者郝迎灿、窦瀚洋、马跃峰、史自强）", 1.0),
    ("（综合本报记者施芳、张贺、孟海鹰报道）", 1.0),
    # one or two reporters sign a report, not a package
    ("（本报记者王政、陆娅楠）", 0.0),
    # an author's note with a list in it, compiled by one reporter
    ("（作者为国际合作奖获得者、意大利航天局前局长、研究所所长，本报记者陈尚文采访整理）", 0.0),
])
def test_a_team_of_reporters_signing_off_closes_a_package(signoff, team):
    ctx = _context("各地工会多措并举帮助企业复工复产。\n\n" + signoff, "辽宁坚持两手抓、两不误",
                   "装备制造业复工率85.6%，眼下的辽宁正以紧迫的节奏推进复工复产。")
    assert headline_features(ctx, lambda text: {})["head.after_team_signoff"] == team


SIGNOFF = "（本报北京3月2日电）"
OWN_PIECE = "区总工会近日组织医疗专家走进快递站点，为300余名快递小哥免费体检。"


@pytest.mark.parametrize("before, signed_off_above", [
    # the article above signed off, then the new article's first pieces printed before its headline
    ("会议要求，各级工会要关心关爱一线职工。\n\n" + SIGNOFF + "\n\n" + OWN_PIECE, 1.0),
    ("会议要求，各级工会要关心关爱一线职工。\n\n" + SIGNOFF + "\n\n" + OWN_PIECE + "\n\n体检结束后，专家们讲解了颈椎病的预防知识。", 1.0),
    # right above is head.after_signoff; three pieces up is the body of an article
    ("会议要求，各级工会要关心关爱一线职工。\n\n" + SIGNOFF, 0.0),
    (SIGNOFF + "\n\n" + OWN_PIECE + "\n\n体检结束后，专家们讲解了颈椎病的预防知识。\n\n区总工会还为他们送去了防暑药品。", 0.0),
])
def test_a_sign_off_a_piece_or_two_above_a_headline_ends_the_article_above(before, signed_off_above):
    ctx = _context(before, "让快递小哥跑得更安心更舒心", "区总工会负责人表示，将把体检办成每年的实事。")
    assert headline_features(ctx, lambda text: {})["head.signoff_above"] == signed_off_above


@pytest.mark.parametrize("after, opening_soon", [
    # the article above runs on for a piece, then the new report opens
    ("会议要求，各级工会要帮助解决实际困难。\n\n" + REPORT, 1.0),
    ("会议要求，各级工会要帮助解决实际困难。\n\n会议强调，要压实责任。\n\n" + REPORT, 1.0),
    # right under the headline is head.dateline_follows; far below is another report's
    (REPORT, 0.0),
    ("会议要求，各级工会要帮助解决实际困难。\n\n会议强调，要压实责任。\n\n会议指出，要关心职工。\n\n" + REPORT, 0.0),
])
def test_a_dateline_a_piece_or_two_under_a_headline_opens_its_report(after, opening_soon):
    ctx = _context("市总工会负责人日前到医院慰问一线职工。", "全国总工会部署关心关爱一线职工工作", after)
    assert headline_features(ctx, lambda text: {})["head.dateline_soon"] == opening_soon


@pytest.mark.parametrize("heads, lead_in", [
    ("公交集团驾驶员王建国——", 1.0),
    ("一线职工的坚守\n\n环卫工人李秀英——", 1.0),
    # a kicker over its title, and a ——subtitle, lead into nothing below
    ("环卫工人李秀英——\n\n“把街道扫干净，我心里才踏实”", 0.0),
    ("一线职工的坚守\n\n——记全市坚守岗位的一线职工", 0.0),
])
def test_a_group_ending_on_a_line_that_ends_in_a_dash_leads_into_the_text_below(heads, lead_in):
    ctx = _context("疫情发生以来，全市各级工会组织广大职工坚守岗位。", heads, "“乘客需要，我就在。”")
    assert headline_features(ctx, lambda text: {})["head.lead_in"] == lead_in


@pytest.mark.parametrize("heads, after, contribution", [
    ("致敬逆行的医护", "我们共同承受着一段艰难的时光。", 1.0),
    # an article of its own after the collection: tagged, kicked or dated
    ("守护好山水（小康路上）", "我们共同承受着一段艰难的时光。", 0.0),
    ("新环保法施行五年——\n\n强化法律责任 落实最严保护", "我们共同承受着一段艰难的时光。", 0.0),
    ("致敬逆行的医护", REPORT, 0.0),
])
def test_a_plain_group_in_an_article_an_editors_note_presents_is_a_contribution(heads, after, contribution):
    ctx = replace(_context("我们共同承受着一段艰难的时光。", heads, after), in_collection=True)
    assert headline_features(ctx, lambda text: {})["head.in_collection"] == contribution


@pytest.mark.parametrize("heads, is_list", [
    ("\n\n".join(f"第{n}名  某某研究所" for n in range(1, 10)), 1.0),
    ("\n\n".join(f"第{n}名  某某研究所" for n in range(1, 9)), 0.0),
    # a verse printed under its title and ——subtitle
    ("致敬武汉人民\n\n——一个援鄂护士的内心独白\n\n" + "\n\n".join(f"还是来时的那{n}个人" for n in range(1, 9)), 0.0),
])
def test_more_headline_lines_than_a_headline_has_are_a_list(heads, is_list):
    ctx = _context("", heads, "我们共同承受着一段艰难的时光。")
    assert len(ctx.heads) >= 8
    assert headline_features(ctx, lambda text: {})["head.list"] == is_list


@pytest.mark.parametrize("heads, after, contribution", [
    ("完善治理体系 履行首都职责", "蔡奇代表（北京市委书记）\n\n首都工作具有代表性、指向性。", 1.0),
    ("武汉是一座了不起的城市", "（韩国）金映秀\n\n我在武汉生活了五年。", 1.0),
    # the page's headline printed over the first contribution's head
    ("我们的心声\n\n“我随时准备着”", "刘兰芳（中国曲艺家协会名誉主席）\n\n我随时准备着。", 0.0),
    ("完善治理体系 履行首都职责", "蔡奇代表说，首都工作具有代表性、指向性。", 0.0),
])
def test_one_line_over_who_is_speaking_heads_a_contribution(heads, after, contribution):
    ctx = _context("我们共同承受着一段艰难的时光。", heads, after)
    assert headline_features(ctx, lambda text: {})["head.speaker_below"] == contribution


@pytest.mark.parametrize("before, part", [
    # a byline under a part's head, then the letter the part prints
    ("本报记者 高炳", 1.0),
    # a compiler's line closes the statement above it; what follows may be an article
    ("本报记者 王永战整理", 0.0),
    ("本报记者 高炳\n\n我们共同承受着一段艰难的时光。", 0.0),
])
def test_a_group_with_only_a_byline_above_it_is_a_part_of_the_article_that_byline_signs(before, part):
    ctx = _context(before, "一封写给妻子的“道歉信”（摘编）", "亲爱的，这些天我一直在医院，没能回家陪你。")
    assert headline_features(ctx, lambda text: {})["head.only_byline_above"] == part


# -- WEIGHTS: the direction of each key weight ---------------------------------------------

# Only entries whose direction follows from what they mean; the headline weights
# are being refitted, so their size may change, not their direction.
POSITIVE = [
    "join.word_across", "join.starts_open", "join.adjacent", "join.closes_bracket", "join.stub_start",
    "join.stub_word", "join.shared_words",
    "head.dateline_follows", "head.dateline_above", "head.after_dated_report", "head.dateline_soon", "head.signoff_above",
    "head.markdown_title", "head.column_tag", "head.page_start", "head.document",
    "line.markup", "line.opens_next", "line.column_tag", "line.subtitle_dash",
]
NEGATIVE = [
    "join.distance", "join.dateline", "join.bracket_open", "join.bracket_unopened", "join.fresh_start",
    "join.across_headline",
    "head.unmarked_on_marked_page", "head.similar_above_below", "head.parallel", "head.sidebar_tag",
    "head.article_words_below", "head.in_collection", "head.list", "head.speaker_below",
    "head.only_byline_above", "head.lead_in",
    "line.continues_prev", "line.runs_on", "line.left_open", "line.comma", "line.comma_over_body", "line.speech", "line.long", "line.attribution",
    "line.label", "share.signoff_inside", "share.signoff_first",
]


@pytest.mark.parametrize("key, sign", [(k, +1) for k in POSITIVE] + [(k, -1) for k in NEGATIVE])
def test_weight_sign(key, sign):
    assert key in WEIGHTS, f"WEIGHTS has no {key!r}"
    assert WEIGHTS[key] * sign > 0, f"WEIGHTS[{key!r}] = {WEIGHTS[key]} points the wrong way"


def test_dateline_weight_outweighs_every_reason_to_join():
    reasons = sum(v for k, v in WEIGHTS.items() if k.startswith("join.") and v > 0)
    assert WEIGHTS["join.dateline"] < -reasons


@pytest.mark.parametrize("signoff", [
    "（本报阿布贾2月15日电）",
    "（作者为中共中央党校（国家行政学院）教授）",
    "（本报记者王政、陆娅楠、丁怡婷、李心萍、罗珊珊、刘温馨、林丽鹂、韩鑫、王云娜、齐志明、吴秋余、汪文正）",
])
def test_sharing_that_runs_an_article_past_its_signoff_reads_worse(signoff):
    ends = "工人们说，这是最好的一年。"
    past = sharing_structure(ends, [signoff, "新的一段从这里开始。"], [])
    at_end = sharing_structure(ends, [signoff], ["新的一段从这里开始。"])
    assert past < at_end


def test_an_opening_box_label_opens_the_new_articles_body_as_a_dateline_does():
    ends = "工人们说，这是最好的一年。"
    summary = "全市职工体育赛场佳绩频传，三支职工球队先后夺冠。"
    first = sharing_structure(ends, [], ["核心阅读", summary])
    assert first > sharing_structure(ends, [], [summary, "核心阅读"])
    assert first > sharing_structure(ends, ["核心阅读"], [summary])


def test_a_signoff_never_opens_the_new_articles_body():
    # The article above closes on its sign-off; handing the sign-off to the
    # new article and its pieces to the article above reads worse.
    ends = "布鲁表示，中国正在采取一系列坚决果断的措施防控疫情。"
    signoff = "（本报北京、阿布贾2月10日电  记者王莉、姜波）"
    body = ["关键时刻，国际社会坚守对正义和良知的选择。", "这是一个怎样的反差？"]
    as_printed = sharing_structure(ends, [signoff], body)
    handed_down = sharing_structure(ends, body, [signoff])
    assert handed_down < as_printed


def test_a_headline_is_never_stripped_of_the_body_printed_under_it():
    assert strips_headline(printed_under=8, kept=1)
    assert strips_headline(printed_under=142, kept=2)
    assert not strips_headline(printed_under=8, kept=3)
    # A short article may lose its pieces: they were read under the wrong headline.
    assert not strips_headline(printed_under=2, kept=0)


@pytest.mark.parametrize("prev, expected_lower", [
    ("勇敢的中国人民有能力经受考验。我相信在中国政府的领导下，已经采取的措施一定将会取得成效。", True),
    ("我是党员，我先上！（来自疫情防控一线的报道）", False),
])
def test_a_dash_line_under_a_finished_paragraph_signs_it(prev, expected_lower):
    quote, speaker = units_of(f"{prev}\n——法国前总理拉法兰")
    assert (headline_line_score(speaker, quote, None) < headline_line_score(speaker, None, None)) == expected_lower


@pytest.mark.parametrize("text, expected", [("吉  林", True), ("编\u3000者", True), ("四 川 省", True),
                                            ("患难见真情  共同", False), ("党建引领 凝心聚力", False), ("吉林", False)])
def test_letter_spaced_lines_stand_apart_character_by_character(text, expected):
    assert letter_spaced(text) is expected
