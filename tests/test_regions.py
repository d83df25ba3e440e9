"""Tests for backissues.regions: one small invented article per rule."""
from __future__ import annotations

import time

import pytest

from backissues.regions import NATIONAL, Region, load_gazetteer, locate, short_form


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def where(gaz, title, body=""):
    r = locate(gaz, title, body)
    return (r.province, r.city, r.county)


# -------------------------------------------------------------- full names

def test_full_names_in_the_lead(gaz):
    body = "本报讯（记者王伟）近日，江西省新余市总工会吸纳一批绣艺工匠入会。"
    assert where(gaz, "绣艺工匠入会", body) == ("江西省", "新余市", None)


def test_full_chain_down_to_county(gaz):
    body = ("9月19日，市民在一间城市书屋内阅读。\n\n"
            "近年来，江西省赣州市章贡区通过在全区范围建设城市书屋，"
            "打造“15分钟阅读圈”。截至目前，章贡区共建设了29个城市书屋。")
    assert where(gaz, "", body) == ("江西省", "赣州市", "章贡区")


def test_county_gives_its_city_even_when_city_is_not_written(gaz):
    title = "宁夏青铜峡市总工会建立联动服务职工模式"
    assert where(gaz, title, "青铜峡市总工会联系社工组织。") == (
        "宁夏回族自治区", "吴忠市", "青铜峡市")


def test_prefecture_level_areas_are_cities(gaz):
    body = "新疆维吾尔自治区总工会邀请医疗队到新疆阿克苏边境管理支队开展送健康活动。"
    assert where(gaz, "关健康到边疆", body) == ("新疆维吾尔自治区", "阿克苏地区", None)


# -------------------------------------------------------------- short forms

def test_short_province_form_gives_province_only(gaz):
    body = "本报讯 9月10日，江苏召开全省工会困难职工解困脱困工作攻坚推进会。"
    assert where(gaz, "江苏：今年底困难职工全部解困脱困", body) == ("江苏省", None, None)


def test_autonomous_region_short_forms(gaz):
    assert where(gaz, "宁夏：职工互助保障再扩面")[0] == "宁夏回族自治区"
    assert where(gaz, "内蒙古表彰一批最美职工")[0] == "内蒙古自治区"
    assert where(gaz, "广西工会开展送清凉")[0] == "广西壮族自治区"


def test_short_city_form(gaz):
    assert where(gaz, "扬州今年将建百家“职工好食堂”") == ("江苏省", "扬州市", None)


def test_autonomous_prefecture_short_form(gaz):
    assert where(gaz, "延边州总工会为一线职工送温暖") == ("吉林省", "延边朝鲜族自治州", None)


def test_province_in_headline_keeps_a_city_in_the_lead_out(gaz):
    body = "近日，海南省总工会在海口召开全省工会改革推进会，海口市总工会介绍经验。"
    assert where(gaz, "海南推进工会改革向基层延伸", body) == ("海南省", None, None)


def test_province_roundup_ignores_cities_in_the_body(gaz):
    title = "山西工会强化思想引领，做实维权服务\n打造特色工作品牌"
    body = "在山西，“五小”竞赛活动已形成工作格局。太原市、大同市等地建成工匠学院。"
    assert where(gaz, title, body) == ("山西省", None, None)


# -------------------------------------------------------------- federations

def test_city_federation_in_headline(gaz):
    assert where(gaz, "太原市总开展厂务公开民主管理“互观互鉴”活动") == ("山西省", "太原市", None)


def test_county_federation_in_subtitle(gaz):
    title = "小小工作室创新“大能量”\n尉氏县总以劳模创新带动企业提质创效"
    assert where(gaz, title) == ("河南省", "开封市", "尉氏县")


def test_provincial_federation_referred_back_as_sheng_zong(gaz):
    body = "江苏省总工会近日召开会议。会上，省总提出三项要求，省总还将加大投入。"
    assert where(gaz, "全力推进困难职工解困脱困", body) == ("江苏省", None, None)


# -------------------------------------------------------------- counties

def test_county_short_form_after_its_city(gaz):
    assert where(gaz, "绍兴柯桥百名工会干部进千企") == ("浙江省", "绍兴市", "柯桥区")


def test_county_short_form_alone_does_not_count(gaz):
    # 柯桥 without 绍兴 anywhere: not enough to name a place
    assert where(gaz, "柯桥百名工会干部进千企") == (None, None, None)


def test_long_unique_county_short_form_counts_alone(gaz):
    assert where(gaz, "张家港建成百家职工书屋") == ("江苏省", "苏州市", "张家港市")


@pytest.mark.parametrize("name, level, short", [
    ("太原市", 2, "太原"), ("阿克苏地区", 2, "阿克苏"), ("锡林郭勒盟", 2, "锡林郭勒"),
    ("延边朝鲜族自治州", 2, "延边"), ("伊犁哈萨克自治州", 2, "伊犁"),
    ("柯桥区", 3, "柯桥"), ("长阳土家族自治县", 3, "长阳"), ("管城回族区", 3, "管城"),
    ("滑县", 3, None), ("东乡族自治县", 3, None),
])
def test_short_forms(name, level, short):
    assert short_form(name, level) == short


def test_shared_county_name_without_parent_is_left_out(gaz):
    assert where(gaz, "朝阳区总工会开展职工技能比武") == (None, None, None)


def test_shared_county_name_settled_by_parent(gaz):
    assert where(gaz, "北京市朝阳区总工会开展职工技能比武") == ("北京市", None, "朝阳区")
    assert where(gaz, "长春市朝阳区总工会开展职工技能比武") == ("吉林省", "长春市", "朝阳区")
    body = "南京市总工会近日在鼓楼区召开现场会，鼓楼区总工会介绍了经验。"
    assert where(gaz, "南京推广职工驿站", body) == ("江苏省", "南京市", "鼓楼区")


def test_a_written_chain_counts_once_at_its_finest_level(gaz):
    # 北京市房山区 is one mention of 房山区, so the later mentions of 北京
    # (an employer's name) do not drown it
    lead = "8月16日，北京市房山区大安山乡，职工正在为敬老院清理淤泥。"
    rest = "北京环卫集团派出职工，北京环卫集团调来车辆，北京各界支援，北京志愿者参与。" * 2
    assert where(gaz, "灾后清淤重建家园", lead + "\n\n" + "这里地处山区。" * 20 + rest) == (
        "北京市", None, "房山区")


def test_municipality_districts_have_no_city(gaz):
    body = "8月16日，北京市房山区大安山乡，来自北京环卫集团的职工正在清理淤泥。"
    assert where(gaz, "灾后清淤重建家园", body) == ("北京市", None, "房山区")


def test_province_governed_county_level_city(gaz):
    assert where(gaz, "湖北仙桃市总工会走访一线职工") == ("湖北省", None, "仙桃市")


def test_county_must_belong_to_the_chosen_city(gaz):
    title = "太原市总开展厂务公开活动"
    body = "太原市总工会组织代表到大同市平城区一家企业参观。太原市多家企业参加。"
    assert where(gaz, title, body) == ("山西省", "太原市", None)


def test_county_of_another_province_is_not_used(gaz):
    # 鼓楼区 is in 南京 and elsewhere, never in 太原: no county
    body = "太原市总工会借鉴鼓楼区经验。"
    assert where(gaz, "太原市总推广职工驿站", body) == ("山西省", "太原市", None)


def test_passing_county_in_the_body_is_not_the_place(gaz):
    body = ("银川市总工会推出公益课堂。银川市各级工会积极参与，"
            "银川市职工踊跃报名。\n\n此外，兴庆区也开设了分课堂。")
    assert where(gaz, "银川市总千堂百场公益课", body) == (
        "宁夏回族自治区", "银川市", None)


# -------------------------------------------------------------- renamed units

def test_renamed_city_merged_into_another(gaz):
    assert where(gaz, "莱芜市总工会为职工办实事") == ("山东省", "济南市", "莱芜区")


def test_county_level_city_turned_district(gaz):
    assert where(gaz, "海门市总工会推出纳凉公交") == ("江苏省", "南通市", "海门区")


def test_old_city_name(gaz):
    assert where(gaz, "襄樊市总工会开展劳动竞赛") == ("湖北省", "襄阳市", None)


def test_prefecture_turned_city(gaz):
    assert where(gaz, "日喀则地区总工会慰问农牧民工") == ("西藏自治区", "日喀则市", None)


# -------------------------------------------------------------- employers

def test_employer_alias(gaz):
    assert where(gaz, "莱钢集团构建维权普惠“三体系”") == ("山东省", "济南市", None)
    assert where(gaz, "太钢工会开通“在线倾听”平台") == ("山西省", "太原市", None)


def test_national_groups_are_not_places(gaz):
    # 国家电网 and 中铁 have head offices, not a home region
    assert where(gaz, "国家电网工会举办技能竞赛") == (None, None, None)
    body = "中铁电气化局集团公司台州项目部在浙江台州市域铁路洪家村大桥举办成果发布会。"
    assert where(gaz, "中铁电气化局展示“五小”成果", body) == ("浙江省", "台州市", None)


# -------------------------------------------------------------- national

def test_national_bodies(gaz):
    assert where(gaz, "全总召开书记处会议")[0] == NATIONAL
    assert where(gaz, "中华全国总工会下发通知")[0] == NATIONAL
    body = "中国能源化学地质工会负责人表示，此次活动在北戴河中国能源化学地质劳模博物馆举行。"
    assert where(gaz, "全国能源化学地质系统举办\n主题文化活动", body) == (NATIONAL, None, None)


def test_national_event_outweighs_its_venue(gaz):
    title = "首届全国林草行业森林消防员职业技能竞赛开幕"
    body = ("本报讯 8月16日，竞赛在黑龙江省大兴安岭地区加格达奇区正式开赛。\n\n"
            "本次竞赛由国家林业和草原局、中国农林水利气象工会联合主办。")
    assert where(gaz, title, body) == (NATIONAL, None, None)


def test_national_title_won_by_a_local_unit_stays_local(gaz):
    assert where(gaz, "宁波建成全国首个智能工会驿站")[:2] == ("浙江省", "宁波市")
    body = "近日，宁波市总工会打造的智能工会驿站正式投用。"
    assert where(gaz, "全国首个智能工会驿站投用", body)[:2] == ("浙江省", "宁波市")


def test_agency_dateline_beijing_says_nothing(gaz):
    body = "新华社北京9月1日电 中华全国总工会日前印发通知，要求各级工会做好送清凉工作。"
    assert where(gaz, "各级工会做好送清凉工作", body)[0] == NATIONAL


def test_roundup_of_many_provinces_is_national(gaz):
    body = ("江苏省总工会投入资金。江苏各地积极行动。\n\n浙江省总工会开展慰问，浙江各市跟进。\n\n"
            "广东省总工会建成驿站，广东各地推广。\n\n四川省总工会启动项目，四川各地响应。")
    assert where(gaz, "各地工会扎实开展送温暖活动", body) == (NATIONAL, None, None)


# -------------------------------------------------------------- weighing

def test_province_in_headline_beats_a_busier_body(gaz):
    lead = "交流会上，劳模代表们畅谈体会，分享经验，现场气氛热烈。" * 6
    body = lead + "\n\n" + "湖北的劳模谈到抗疫一线的故事。" * 12
    assert where(gaz, "劳模代表在北京交流经验", body)[0] == "北京市"


def test_the_union_that_acts_outweighs_the_venue(gaz):
    body = "在东莞，嘉禾县总工会召开关爱在莞农民工座谈会。"
    assert where(gaz, "关爱农民工座谈会召开", body) == ("湖南省", "郴州市", "嘉禾县")


def test_passing_city_in_a_provincial_story_is_not_the_place(gaz):
    lead = "江苏省总工会近日召开会议，部署全省帮扶工作。江苏各地工会积极落实。"
    body = lead + "\n\n" + "各级工会要把帮扶工作做细做实。" * 12 + "\n\n南京市总工会也作了交流。"
    assert where(gaz, "困难职工帮扶再加力", body) == ("江苏省", None, None)


def test_headline_outweighs_passing_mentions(gaz):
    body = ("太原市总工会组织活动。2016年，将深圳市总工会“聚力计划”纳入课程，"
            "深圳市总工会派人授课，深圳市总工会的经验得到推广。")
    assert where(gaz, "太原市总开展“互观互鉴”活动", body) == ("山西省", "太原市", None)


def test_home_county_in_headline_beats_the_city_it_serves(gaz):
    body = ("12月16日，湖南省郴州市嘉禾县关爱在莞农民工兄弟调研座谈会召开，"
            "探讨在东莞设立嘉禾县驻东莞工会联合会等议题。")
    assert where(gaz, "嘉禾县总工会关爱在莞农民工", body) == ("湖南省", "郴州市", "嘉禾县")


def test_one_passing_mention_is_no_place(gaz):
    lead = "专家指出，让职工更有获得感，关键在于把服务做到职工心坎上。" * 6
    body = lead + "\n\n此前青岛市也有类似探索。"
    assert where(gaz, "让职工更有获得感", body) == (None, None, None)


# -------------------------------------------------------------- false friends

@pytest.mark.parametrize("title, body", [
    ("孙中山先生诞辰纪念", "他身穿中山装，走进中山大学。"),              # 中山
    ("和平发展与新华社评论", "长安街上，新华书店里，东方红乐曲响起。"),   # 和平 新华 长安 东方
    ("职工互助保障活动启动", "互助保障覆盖面扩大，合作共赢，前进不止。"),   # 互助 合作 前进
    ("光明的前景", "共和国的光明前景，一视同仁，社会安定。"),             # 光明 共和 同仁 安定
    ("示范县建设推进会", "全国示范县建设成果丰硕，健康县城建设提速。"),   # 范县 康县
    ("黄河北岸的春天", "黄河北岸麦苗返青，长江西岸油菜花开。"),          # 河北 江西
    ("冬季日照时间短", "今年冬季日照时间短，光伏发电受影响。"),           # 日照
])
def test_common_words_are_not_places(gaz, title, body):
    assert where(gaz, title, body) == (None, None, None)


def test_two_character_county_names_need_a_parent(gaz):
    assert where(gaz, "文化遗产整理", "查阅历代县志，整理文化遗产。") == (None, None, None)
    body = "河南省滑县一家家政公司开展培训。"
    assert where(gaz, "家政培训", body) == ("河南省", "安阳市", "滑县")


def test_common_word_county_names_need_their_parent_right_before(gaz):
    # 互助 is a county of 海东 (互助土族自治县), but here it is mutual aid
    assert where(gaz, "海东市总工会推出职工互助保障") == ("青海省", "海东市", None)
    assert where(gaz, "青海互助县总工会开展送温暖") == ("青海省", "海东市", "互助土族自治县")


def test_generic_full_names_need_their_parent_right_before(gaz):
    # 新县 is a county of 信阳, but 新县城 is a new county town
    assert where(gaz, "信阳市推动新县城建设") == ("河南省", "信阳市", None)


def test_streets_are_not_provinces(gaz):
    body = "公司位于江西路，门店开在北京路和南京路。"
    assert where(gaz, "门店职工喜迎新春", body) == (None, None, None)


def test_county_starting_with_a_street_word_is_kept(gaz):
    # 道县 follows 湖南 directly: 湖南道 is not a street here
    assert where(gaz, "湖南道县总工会关爱留守儿童") == ("湖南省", "永州市", "道县")


def test_given_names_are_not_cities(gaz):
    body = "张桂林认为，这一做法很实在。李金华说，职工很满意。"
    assert where(gaz, "职工很满意", body) == (None, None, None)
    # but a city short form right after its province is still the city,
    # even when the province ends in a surname (江 of 浙江)
    assert where(gaz, "广西桂林建成职工驿站") == ("广西壮族自治区", "桂林市", None)
    assert where(gaz, "浙江金华说到做到抓落实") == ("浙江省", "金华市", None)


def test_common_word_short_form_counts_after_its_province(gaz):
    assert where(gaz, "广东中山建成职工驿站") == ("广东省", "中山市", None)
    assert where(gaz, "山东日照表彰一批工匠") == ("山东省", "日照市", None)


# -------------------------------------------------------------- loading

def test_gazetteer_is_loaded_once(gaz):
    assert load_gazetteer() is gaz


def test_region_is_frozen():
    r = Region("山西省", "太原市", None)
    with pytest.raises(Exception):
        r.city = "大同市"


def test_bad_alias_path_is_reported(tmp_path):
    bad = tmp_path / "aliases.yml"
    bad.write_text("province_short: {山西: 山西省}\nemployers: {某钢: 山西省/不存在市}\n",
                   encoding="utf-8")
    with pytest.raises(ValueError, match="不存在市"):
        load_gazetteer(bad)


def test_empty_input(gaz):
    assert where(gaz, "", "") == (None, None, None)
    assert locate(gaz, None, None) == Region(None, None, None)


def test_fast_enough(gaz):
    body = ("本报讯 近日，江苏省南通市海门区总工会联合区交通局推出纳凉公交，"
            "受到货车司机好评。海门区总工会将随时跟踪运行情况。\n\n") * 20
    start = time.perf_counter()
    for _ in range(200):
        locate(gaz, "南通海门区总打造可移动的“家”", body)
    # 200 articles of about 2,000 characters; the real corpus runs at well
    # under a millisecond an article, so this leaves a wide margin
    assert time.perf_counter() - start < 4.0
