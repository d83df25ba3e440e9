"""Reading raw page files: encodings, refusals, and the date/page of a page."""
from __future__ import annotations

import pytest

from backissues.pages import (PageError, date_from_name, decode, find_page_files, load_issue_map,
                              read_page)

TEXT = "本报讯（记者刘建林）线材小区钢管公司职工每天上下班坐通勤车。\n\n第二段：工会积极回应。\n"


# -- decoding ------------------------------------------------------------------

@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    TEXT.encode("utf-8-sig"),                          # with BOM
    TEXT.encode("gb18030"),
    TEXT.encode("gbk"),
    TEXT.replace("\n", "\r\n").encode("utf-8"),        # CRLF
    TEXT.replace("\n", "\r\n").encode("utf-8-sig"),    # BOM and CRLF
    TEXT.replace("\n", "\r\n").encode("gbk"),          # GBK and CRLF
], ids=["utf8", "utf8-bom", "gb18030", "gbk", "crlf", "bom-crlf", "gbk-crlf"])
def test_decode_accepts_the_supported_encodings(data):
    text = decode(data, "p.txt")
    assert text == TEXT
    assert "\r" not in text and not text.startswith("\ufeff")


def test_decode_keeps_lone_cr_out():
    assert decode("第一行\r第二行\r".encode("utf-8"), "p.txt") == "第一行\n第二行\n"


def test_form_feeds_from_ocr_page_breaks_are_whitespace_not_binary():
    # pdftotext and OCR tools put a form feed (and some a vertical tab) between pages.
    data = "\n".join("\f" + line for line in TEXT.split("\n")).encode("utf-8")
    assert decode(data, "p.txt").replace("\f", "") == TEXT


def test_gbk_bytes_are_not_valid_utf8():
    # guards the test above: the GBK case really exercises the fallback
    with pytest.raises(UnicodeDecodeError):
        TEXT.encode("gbk").decode("utf-8")


@pytest.mark.parametrize("data, why", [
    (b"", "empty"),
    (b"  \n\r\n\t ", "empty"),
    (b"\xef\xbb\xbf", "empty"),                          # a BOM and nothing else
    (b"\xef\xbb\xbf \r\n", "empty"),
    ("正文".encode("utf-8") + b"\x00\x01\x02\x00PK", "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"caf\xe9 cr\xe8me br\xfbl\xe9e", "not decodable"),  # Latin-1
    (bytes(range(0x80, 0x100)), "not decodable"),
    (TEXT.encode("utf-8")[:31] + b"\xff" + TEXT.encode("utf-8")[31:], "not decodable"),
], ids=["empty", "whitespace", "bom-only", "bom-whitespace", "nul", "png", "latin1", "high-bytes",
        "utf8-bad-byte"])
def test_decode_refuses_with_one_line_naming_the_file(data, why):
    with pytest.raises(PageError) as err:
        decode(data, "2019/bad-page.txt")
    message = str(err.value)
    assert message.startswith("2019/bad-page.txt: ")
    assert why in message
    assert "\n" not in message


@pytest.mark.parametrize("encoding, bom", [("utf-16", b""), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_utf16_with_its_byte_order_mark_is_read(encoding, bom):
    # Windows Notepad's "Unicode" saves UTF-16 with a byte-order mark.
    assert decode(bom + TEXT.replace("\n", "\r\n").encode(encoding), "p.txt") == decode(TEXT.encode(), "p.txt")


def test_broken_utf16_is_refused_with_a_hint():
    with pytest.raises(PageError) as err:
        decode(b"\xff\xfe" + TEXT.encode("utf-16-le") + b"\x00\xd8", "p.txt")
    assert str(err.value).startswith("p.txt: ") and "UTF-16" in str(err.value)


def test_read_page_names_the_file_relative_to_sources(tmp_path):
    (tmp_path / "2019-09-20").mkdir()
    bad = tmp_path / "2019-09-20" / "03.txt"
    bad.write_bytes(b"")
    with pytest.raises(PageError, match=r"^2019-09-20/03\.txt: empty"):
        read_page(bad, tmp_path, {})


def test_find_page_files_is_sorted_and_only_text(tmp_path):
    for rel in ("b/02.txt", "a.txt", "b/01.TXT", "notes.md", "issues.yml", "scan.png"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in find_page_files(tmp_path)]
    assert found == ["a.txt", "b/01.TXT", "b/02.txt"]


# -- date and page from the file name --------------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("20190920-03.txt", ("2019-09-20", 3)),
    ("2019-09-20-03.txt", ("2019-09-20", 3)),
    ("2019-09-20/03.txt", ("2019-09-20", 3)),
    ("archive/2019-09-20/3.txt", ("2019-09-20", 3)),
    ("20191231-12.txt", ("2019-12-31", 12)),
    ("20200229-01.txt", ("2020-02-29", 1)),            # leap day
])
def test_date_and_page_from_name(name, expected):
    assert date_from_name(name) == expected


@pytest.mark.parametrize("name", [
    "000_925052eddf53c088.txt",
    "x20190920-03.txt",
    "2019-09-20-03-extra.txt",
    "2019-09-20/A3.txt",
    "2019-09/03.txt",
    "notes/03.txt",
])
def test_names_without_a_date(name):
    assert date_from_name(name) == (None, None)


@pytest.mark.parametrize("name", [
    "20191301-01.txt",          # month 13
    "20190230-03.txt",          # 30 February
    "2019-02-29-01.txt",        # not a leap year
    "2019-04-31-02.txt",        # April has 30 days
    "00000920-01.txt",          # year 0
    "2019-00-10/01.txt",        # month 0
])
def test_impossible_dates_in_names_are_not_used(name):
    date, _ = date_from_name(name)
    assert date is None


# -- issues.yml ------------------------------------------------------------------

def _write(path, data: bytes | str):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def test_issues_yml_gives_date_and_page(tmp_path):
    _write(tmp_path / "issues.yml", "scan-a.txt: {date: 2019-09-20, page: 3}\n"
                                    "sub/scan-b.txt: {date: '2019-09', page: 4}\n"
                                    "scan-c.txt: {date: 2019}\n")
    issue_map = load_issue_map(tmp_path)
    a = read_page(_write(tmp_path / "scan-a.txt", TEXT), tmp_path, issue_map)
    b = read_page(_write(tmp_path / "sub" / "scan-b.txt", TEXT), tmp_path, issue_map)
    c = read_page(_write(tmp_path / "scan-c.txt", TEXT), tmp_path, issue_map)
    assert (a.date, a.page, a.date_from) == ("2019-09-20", 3, "issues.yml")
    assert (b.date, b.page, b.date_from) == ("2019-09", 4, "issues.yml")
    assert (c.date, c.page, c.date_from) == ("2019", None, "issues.yml")
    assert isinstance(a.date, str) and a.source == "scan-a.txt" and b.source == "sub/scan-b.txt"


def test_file_name_wins_over_issues_yml(tmp_path):
    _write(tmp_path / "issues.yml", "20190920-03.txt: {date: 2018-01-01, page: 9}\n")
    page = read_page(_write(tmp_path / "20190920-03.txt", TEXT), tmp_path, load_issue_map(tmp_path))
    assert (page.date, page.page, page.date_from) == ("2019-09-20", 3, "name")


def test_unmapped_page_is_left_for_inference(tmp_path):
    page = read_page(_write(tmp_path / "scan.txt", TEXT), tmp_path, {})
    assert (page.date, page.page, page.date_from) == (None, None, "text")
    assert page.text == TEXT


def test_issues_yml_page_without_date_keeps_the_page(tmp_path):
    _write(tmp_path / "issues.yml", "scan.txt: {page: 5}\n")
    page = read_page(_write(tmp_path / "scan.txt", TEXT), tmp_path, load_issue_map(tmp_path))
    assert (page.date, page.page, page.date_from) == (None, 5, "text")


def test_missing_issues_yml_is_an_empty_map(tmp_path):
    assert load_issue_map(tmp_path) == {}


@pytest.mark.parametrize("content, why", [
    ("scan.txt: {date: [unclosed\n", "not valid YAML"),
    ("- scan.txt\n- other.txt\n", "must map"),
    (b"scan.txt: {date: \xff}\n", "not valid YAML"),
])
def test_bad_issues_yml_is_refused_naming_it(tmp_path, content, why):
    _write(tmp_path / "issues.yml", content)
    with pytest.raises(PageError) as err:
        load_issue_map(tmp_path)
    assert "issues.yml" in str(err.value) and why in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize("entry, why", [
    ("{date: 2019-02-30, page: 3}", "date"),
    ("{date: 'September', page: 3}", "date"),
    ("{date: 2019-09-20, page: A3}", "page"),
    ("{date: 2019-09-20, page: -1}", "page"),
])
def test_invalid_issues_yml_entries_refuse_that_page(tmp_path, entry, why):
    _write(tmp_path / "issues.yml", f"scan.txt: {entry}\n")
    path = _write(tmp_path / "scan.txt", TEXT)
    with pytest.raises(PageError) as err:
        read_page(path, tmp_path, load_issue_map(tmp_path))
    message = str(err.value)
    assert message.startswith("scan.txt: ") and why in message and "issues.yml" in message


def test_impossible_date_in_name_keeps_its_page_for_inference(tmp_path):
    page = read_page(_write(tmp_path / "20190230-03.txt", TEXT), tmp_path, {})
    assert (page.date, page.page, page.date_from) == (None, 3, "text")


def test_a_folio_line_gives_the_page_when_the_name_does_not(tmp_path):
    text = "工人日报  2020年3月5日  星期四  第3版\n\n## 标题\n\n正文。\n"
    page = read_page(_write(tmp_path / "scan.txt", text), tmp_path, {})
    assert page.page == 3
    named = read_page(_write(tmp_path / "20200305-07.txt", text), tmp_path, {})
    assert named.page == 7, "the file name wins"
