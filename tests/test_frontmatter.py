"""The content contract: how one article file is spelled and read back."""
from __future__ import annotations

import datetime

import pytest
import yaml

from backissues import frontmatter as fm
from backissues.frontmatter import FIELDS, LIST_FIELDS, ContentError, dumps, loads

META = {
    "id": "20190920-03-01",
    "title": "太原市总开展厂务公开民主管理“互观互鉴”活动",
    "kicker": "实施6年：一批创新成果脱颖而出",          # ': ' needs quoting in YAML
    "subtitle": None,
    "type": "news",
    "column": None,
    "date": "2019-09-20",
    "date_inferred": False,
    "page": 3,
    "source": "20190920-03.txt",
    "dateline": "本报讯",
    "reporters": ["刘建林"],
    "correspondents": ["王雨茜", "贺芳芳"],
    "province": "山西省",
    "city": "太原市",
    "topics": ["民主管理"],
    "keywords": ["厂务公开", "互观互鉴"],
    "sections": ["“观”中学经验"],
    "repairs": ["joined line 9 with line 14 (sentence cut by a column break)"],
}
BODY = "**本报讯**（通讯员王雨茜 记者刘建林）线材小区……\n\n## “观”中学经验\n\n第二段。\n"


def test_round_trip_keeps_every_field_and_the_body():
    meta, body = loads(dumps(META, BODY))
    for key, value in META.items():
        assert meta[key] == value, key
    assert body == BODY


def test_dumps_writes_all_fields_in_contract_order_then_extras_sorted():
    text = dumps({"zeta": 1, "title": "标题", "alpha": "a", "id": "x"}, "正文")
    head = yaml.safe_load(text.split("---\n")[1])
    assert list(head) == [*FIELDS, "alpha", "zeta"]


def test_unknown_fields_default_to_null_or_empty_list():
    meta, _ = loads(dumps({"id": "x"}, "正文"))
    assert meta["id"] == "x"
    for key in FIELDS[1:]:
        assert meta[key] == ([] if key in LIST_FIELDS else None), key


@pytest.mark.parametrize("date", ["2019-09-20", "2019-09", "2019"])
def test_date_is_written_so_that_it_reads_back_as_the_same_string(date):
    text = dumps({"date": date}, "正文")
    assert yaml.safe_load(text.split("---\n")[1])["date"] == date    # any YAML reader sees a string
    assert loads(text)[0]["date"] == date


@pytest.mark.parametrize("written, expected", [
    ("2019-09-20", "2019-09-20"),      # an editor's unquoted date: YAML reads a date object
    ("2019", "2019"),                  # ... or an int
    ("'2019-09'", "2019-09"),
])
def test_loads_gives_date_as_string_even_when_an_editor_did_not_quote_it(written, expected):
    assert isinstance(yaml.safe_load(f"d: {written}")["d"], (str, int, datetime.date))
    meta, _ = loads(f"---\ndate: {written}\n---\n\n正文\n")
    assert meta["date"] == expected and isinstance(meta["date"], str)


def test_list_fields_written_as_null_or_missing_read_as_empty_lists():
    meta, _ = loads("---\ntitle: 标题\nreporters: null\ntopics:\n---\n\n正文\n")
    for key in LIST_FIELDS:
        assert meta[key] == [], key


def test_dumps_is_plain_readable_yaml():
    text = dumps(META, BODY)
    assert text.startswith("---\nid: 20190920-03-01\n")
    assert "title: 太原市总开展厂务公开民主管理“互观互鉴”活动\n" in text   # no \\u escapes
    assert "reporters:\n- 刘建林\n" in text                              # block lists
    assert "&id" not in text and "*id" not in text                      # no aliases
    assert text.endswith("\n---\n\n" + BODY) or text.endswith("---\n\n" + BODY)


def test_identical_lists_are_not_written_as_aliases():
    same = ["刘旭"]
    text = dumps({"reporters": same, "authors": same}, "正文")
    assert "&" not in text and "*" not in text
    assert loads(text)[0]["authors"] == ["刘旭"]


def test_multiline_strings_survive():
    meta, _ = loads(dumps({"title": "第一行\n第二行"}, "正文"))
    assert meta["title"] == "第一行\n第二行"


def test_loads_accepts_bom_and_crlf():
    text = "\ufeff" + dumps(META, BODY).replace("\n", "\r\n")
    meta, body = loads(text)
    assert meta["title"] == META["title"] and body == BODY


def test_body_may_hold_a_dash_line():
    meta, body = loads(dumps({"title": "标题"}, "第一段\n\n---\n\n第二段"))
    assert meta["title"] == "标题" and body == "第一段\n\n---\n\n第二段\n"


@pytest.mark.parametrize("text, why", [
    ("标题\n\n正文\n", "no front matter"),
    ("", "no front matter"),
    ("---\ntitle: 标题\n\n正文\n", "not closed"),
    ("---\ntitle: 标题\n----\n\n正文\n", "not closed"),           # four dashes is not the fence
    ("---\ntitle: [标题\n---\n\n正文\n", "not valid YAML"),
    ("---\ntitle: a\n  b: c\n---\n\n正文\n", "not valid YAML"),
    ("---\ndate: 2019-02-30\n---\n\n正文\n", "not valid YAML"),  # timestamp-shaped, no such day
    ("---\n- 标题\n- 正文\n---\n\n正文\n", "must be a mapping"),
    ("---\n标题\n---\n\n正文\n", "must be a mapping"),
])
def test_bad_content_files_get_one_line_naming_the_file(text, why):
    with pytest.raises(ContentError) as err:
        loads(text, "content/2019/09/20/03-01.md")
    message = str(err.value)
    assert message.startswith("content/2019/09/20/03-01.md: ")
    assert why in message
    assert "\n" not in message


def test_read_all_reads_articles_in_path_order_and_names_a_bad_file(tmp_path):
    (tmp_path / "2019" / "09").mkdir(parents=True)
    (tmp_path / "2019" / "09" / "b.md").write_text(dumps({"title": "乙"}, "正文"), encoding="utf-8")
    (tmp_path / "2019" / "09" / "a.md").write_text(dumps({"title": "甲"}, "正文"), encoding="utf-8")
    (tmp_path / "README.md").write_text("# not an article\n", encoding="utf-8")
    files = fm.read_all(tmp_path)
    assert [(f.path, f.get("title")) for f in files] == [("2019/09/a.md", "甲"), ("2019/09/b.md", "乙")]
    (tmp_path / "2019" / "09" / "c.md").write_text("no front matter\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"c\.md: no front matter"):
        fm.read_all(tmp_path)
    (tmp_path / "2019" / "09" / "c.md").write_bytes("---\ntitle: 丙\n---\n".encode("gbk"))
    with pytest.raises(ContentError, match=r"c\.md: not UTF-8"):
        fm.read_all(tmp_path)


def test_read_all_with_on_error_skips_bad_files_and_reports_each(tmp_path):
    (tmp_path / "a.md").write_text(dumps({"title": "甲"}, "正文"), encoding="utf-8")
    (tmp_path / "b.md").write_text("no front matter\n", encoding="utf-8")
    (tmp_path / "c.md").mkdir()                     # unreadable: OSError, not ContentError
    (tmp_path / "d.md").write_text(dumps({"title": "丁"}, "正文"), encoding="utf-8")
    seen = []
    files = fm.read_all(tmp_path, on_error=lambda path, exc: seen.append((path.name, type(exc))))
    assert [f.path for f in files] == ["a.md", "d.md"]
    assert seen[0] == ("b.md", ContentError)
    assert seen[1][0] == "c.md" and issubclass(seen[1][1], OSError)
    with pytest.raises(ContentError, match=r"b\.md: no front matter"):
        fm.read_all(tmp_path)                      # without on_error the first bad file raises
