"""Topic classification: taxonomy loading, each cue class, headline weight, ties."""
import random
import re
import time

import pytest

from backissues.topics import Taxonomy, _trie_regex, classify, cue_counts, load_taxonomy, scores

LABELS = ("民主管理", "帮扶救助", "劳模工匠", "技能竞赛与培训", "维权服务", "户外劳动者与新就业形态",
          "农民工与就业创业", "工会组织建设", "思想政治引领", "职工文化生活", "安全与健康")


@pytest.fixture(scope="module")
def tx() -> Taxonomy:
    return load_taxonomy()


# ---------------------------------------------------------------- the taxonomy file

def test_default_taxonomy_has_the_eleven_labels_in_order(tx):
    assert tx.labels == LABELS
    assert tx.default in LABELS


def test_every_label_has_cues(tx):
    have = {idx for entries in tx.cues.values() for idx, _ in entries}
    assert have == set(range(len(LABELS)))


def test_taxonomy_file_tells_an_editor_how_to_edit():
    from backissues.topics import DEFAULT_PATH
    header = DEFAULT_PATH.read_text(encoding="utf-8").split("\nlabels:")[0]
    assert "How to edit" in header and "cue" in header


def test_taxonomy_is_frozen(tx):
    with pytest.raises(Exception):
        tx.title_weight = 1.0
    with pytest.raises(TypeError):
        tx.cues["新词"] = ((0, 1.0),)


def test_custom_taxonomy_file(tmp_path):
    path = tmp_path / "t.yml"
    path.write_text("scoring:\n  default: 乙\nlabels:\n  甲:\n    cues:\n      苹果: 2\n  乙:\n    cues:\n      香蕉: 1\n"
                    "      12351: 1\n", encoding="utf-8")
    tx = load_taxonomy(path)
    assert tx.labels == ("甲", "乙")
    assert classify(tx, "", "今天吃苹果") == ["甲"]
    assert classify(tx, "", "打12351热线") == ["乙"]     # a numeric cue is text
    assert classify(tx, "", "什么也没有") == ["乙"]      # the default


@pytest.mark.parametrize("content, message", [
    ("labels: {}\n", "labels"),
    ("labels:\n  甲:\n    cues: {}\n", "甲"),
    ("labels:\n  甲:\n    cues:\n      苹果: -1\n", "苹果"),
    ("labels:\n  甲:\n    cues:\n      苹果: 很多\n", "苹果"),
    ("scoring:\n  default: 丙\nlabels:\n  甲:\n    cues:\n      苹果: 1\n", "丙"),
    ("labels: [\n", "YAML"),
])
def test_bad_taxonomy_files_are_rejected_with_a_reason(tmp_path, content, message):
    path = tmp_path / "bad.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_taxonomy(path)


# ---------------------------------------------------------------- each cue class

@pytest.mark.parametrize("label, title, body", [
    ("民主管理", "某公司召开职代会", "会上审议通过了工资集体协商协议，厂务公开栏同步公布。"),
    ("帮扶救助", "市总启动送温暖活动", "为建档困难职工发放慰问金，开展大病救助和互助保障。"),
    ("劳模工匠", "劳模创新工作室挂牌", "大国工匠带领职工开展“五小”活动，取得多项技术革新成果。"),
    ("技能竞赛与培训", "全省焊工职业技能竞赛开幕", "200名选手参赛，赛前组织了技能培训。"),
    ("维权服务", "工会为职工讨回欠薪", "法律援助律师介入劳动争议，维护职工合法权益。"),
    ("户外劳动者与新就业形态", "爱心驿站温暖快递员", "外卖骑手、货车司机、环卫工人可以在工会驿站歇脚。"),
    ("农民工与就业创业", "返乡创业助力乡村振兴", "市总为农民工举办招聘会，提供就业服务。"),
    ("工会组织建设", "百名工会干部下基层", "推动非公企业建会入会，深化工会改革，夯实基层工会。"),
    ("思想政治引领", "党建带工建凝聚人心", "组织宣讲团深入车间，学习贯彻会议精神，开展主题教育。"),
    ("职工文化生活", "职工书屋开放", "举办读书分享会、文体活动和公益课堂，改善职工食堂。"),
    ("安全与健康", "开展安全生产大检查", "排查事故隐患，关注职业健康，组织医疗队义诊。"),
])
def test_each_label_has_working_cues(tx, label, title, body):
    assert classify(tx, title, body)[0] == label


def test_body_alone_is_enough(tx):
    assert classify(tx, "", "近年来，市区建设城市书屋，打造阅读圈，市民便捷阅读。")[0] == "职工文化生活"


# ---------------------------------------------------------------- scoring rules

def test_headline_cues_weigh_more_than_body_cues(tx):
    # 书屋 (3) in the headline beats 安全生产 (3) in the body, and the other way round
    assert classify(tx, "职工书屋开放", "会上强调安全生产。")[0] == "职工文化生活"
    assert classify(tx, "强调安全生产", "会后参观了职工书屋。")[0] == "安全与健康"


def test_repeated_cue_has_diminishing_returns(tx):
    # 培训 (2) six times would be 12 if counted linearly, beating two distinct
    # 维权 cues (3 + 3); with 1 + ln n it is about 5.6.
    body = "培训。" * 6 + "法律援助，劳动争议。"
    assert classify(tx, "", body)[0] == "维权服务"
    s = scores(tx, "", "培训。" * 6)
    assert s[LABELS.index("技能竞赛与培训")] < 2 * 6


def test_longest_cue_wins_over_the_shorter_ones_inside_it(tx):
    counts = cue_counts(tx, "劳模创新工作室和劳模")
    assert counts == {"劳模创新工作室": 1, "劳模": 1}


def test_ocr_line_breaks_and_spaces_inside_words_are_ignored(tx):
    assert cue_counts(tx, "困难职\n工 解困 脱困")["困难职工"] == 1
    assert cue_counts(tx, "**送温暖**")["送温暖"] == 1


def test_second_label_only_when_clearly_strong(tx):
    one = classify(tx, "市总启动送温暖活动", "走访慰问困难职工，发放慰问金。活动现场还安排了一场演出。")
    assert one == ["帮扶救助"]
    two = classify(tx, "送温暖活动走进劳模创新工作室", "走访慰问困难职工和劳模，慰问金送到大国工匠家中。")
    assert two[0] in ("帮扶救助", "劳模工匠") and len(two) == 2 and set(two) == {"帮扶救助", "劳模工匠"}


def test_always_one_label_even_without_cues(tx):
    assert classify(tx, "今天天气晴", "风和日丽。") == [tx.default]
    assert classify(tx, "", "") == [tx.default]


def test_ties_go_to_the_label_listed_first(tmp_path):
    path = tmp_path / "t.yml"
    path.write_text("labels:\n  乙:\n    cues:\n      香蕉: 2\n  甲:\n    cues:\n      苹果: 2\n", encoding="utf-8")
    tx = load_taxonomy(path)
    assert classify(tx, "", "苹果香蕉")[0] == "乙"
    assert classify(tx, "", "香蕉苹果")[0] == "乙"


def test_results_are_deterministic(tx):
    text = "技能竞赛与送温暖活动同步开展，劳模工匠参与。"
    assert len({tuple(classify(tx, "", text)) for _ in range(5)}) == 1


# ---------------------------------------------------------------- the matcher

def test_trie_regex_matches_like_a_longest_first_alternation():
    rng = random.Random(7)
    alphabet = "工会职劳模匠安全"
    words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(60)}
    naive = re.compile("|".join(sorted(map(re.escape, words), key=len, reverse=True)))
    trie = re.compile(_trie_regex(words))
    for _ in range(200):
        text = "".join(rng.choice(alphabet + "的了") for _ in range(40))
        assert [m.group() for m in trie.finditer(text)] == [m.group() for m in naive.finditer(text)]


def test_fast_enough_for_a_whole_archive(tx):
    body = ("本报讯 市总工会近日召开会议，部署送温暖、技能竞赛、职工书屋、安全生产等工作，"
            "要求各级工会干部深入基层，倾听职工诉求。") * 12
    start = time.perf_counter()
    for _ in range(4000):
        classify(tx, "市总工会部署全年工作", body)
    assert time.perf_counter() - start < 5.0
