"""TF-IDF keywords: jieba's scoring over rjieba tokens, filtering and ties."""
import re
from types import MappingProxyType

import pytest

from backissues.keywords import IdfTable, default_idf, jieba_idf_path, keywords

TEXT = ("本报讯 江苏省总工会近日召开全省工会困难职工解困脱困工作攻坚推进会，提出力争今年底全省在档困难职工"
        "全部实现解困脱困。据介绍，2018年以来，各级工会共筹集帮扶资金2.6亿元，救助各类困难职工家庭8.6万户。"
        "省总工会主席提出，城市困难职工解困脱困工作已进入决胜关键期，要推动困难职工享受政府社会救助政策，"
        "减免生活、教育、医疗、住房等费用5000万元，完成职业介绍10万人次，提供就业技能培训10万人次。")


def table(idf: dict, median: float) -> IdfTable:
    return IdfTable(idf=MappingProxyType(idf), median=median)


# ---------------------------------------------------------------- scoring

def test_weights_are_term_frequency_times_idf():
    weights = table({"工会": 2.0}, 10.0).weigh(["工会", "工会", "职工"])
    assert weights == pytest.approx({"工会": 2 * 2.0 / 3, "职工": 10.0 / 3})


def test_unknown_words_get_the_median_idf():
    t = table({"工会": 2.0}, 10.0)
    assert t.top("工会工会职工", 2) == ["职工", "工会"]


def test_short_words_stop_words_and_pure_numbers_are_skipped():
    weights = table({}, 1.0).weigh(["年", "the", "And", "2019", "3.5", "1,000", "２０２０", " ", "工会"])
    assert list(weights) == ["工会"]


def test_words_with_digits_and_letters_are_kept():
    assert "5G" in table({}, 1.0).weigh(["5G", "5G"])


def test_ties_are_broken_by_the_word_itself():
    t = table({}, 5.0)
    assert t.top("香蕉 苹果", 2) == sorted(["香蕉", "苹果"])
    assert t.top("苹果 香蕉", 2) == sorted(["香蕉", "苹果"])


def test_n_and_empty_text():
    assert keywords("", 8) == []
    assert keywords(TEXT, 0) == []
    assert len(keywords(TEXT, 3)) == 3


# ---------------------------------------------------------------- the real table

def test_the_idf_table_is_jiebas_and_is_read_once():
    assert jieba_idf_path().name == "idf.txt" and jieba_idf_path().is_file()
    first = default_idf()
    assert first is default_idf()
    assert len(first.idf) > 100_000
    with pytest.raises(TypeError):
        first.idf["新词"] = 1.0


def test_keywords_of_a_union_story():
    kws = keywords(TEXT, 8)
    assert len(kws) == 8
    assert "困难职工" in kws and "解困" in kws
    assert all(len(w) >= 2 and not re.fullmatch(r"[\d.]+", w) for w in kws)


def test_agrees_with_jieba_extract_tags():
    jieba = pytest.importorskip("jieba")
    import jieba.analyse
    jieba.setLogLevel(60)
    mine = keywords(TEXT, 8)
    ranked = [(w, s) for w, s in jieba.analyse.extract_tags(TEXT, topK=None, withWeight=True)
              if not re.fullmatch(r"[\d.]+", w)]
    # jieba orders ties by first occurrence; we order them by the word.
    theirs = [w for w, _ in sorted(ranked, key=lambda ws: (-round(ws[1], 12), ws[0]))[:8]]
    assert mine == theirs


def test_deterministic():
    assert len({tuple(keywords(TEXT)) for _ in range(3)}) == 1
