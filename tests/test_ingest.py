"""Ingest end to end: sources folder in, content folder out, into tmp_path.

Covers refusals (each bad file named, the rest still ingested, exit 1), the
summary line, atomic writes, determinism, incremental re-ingest, and the
editor-corrections guarantee of the manifest.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from backissues import frontmatter, ingest
from backissues.ingest import MANIFEST, run_ingest
from backissues.split import split_page

REPO = Path(__file__).resolve().parent.parent

PAGE_A = """\
## 太原市总开展厂务公开民主管理“互观互鉴”活动

**本报讯**（通讯员王雨茜 贺芳芳 记者刘建林）线材小区钢管公司职工每天上下班坐通勤车。在太钢集团工会“在线倾听”网络留言平台上，一名职工的诉求1周内就得到工会积极回应和作为。

据悉，这一创新之举已被太原市多家企业借鉴，全市企业民主管理水平上了新台阶。

## 绍兴柯桥区百名工会干部进千企

**本报讯**（记者李丹青 邹偶然）柯桥区总工会决定“走下去”，让工会干部下基层，完成“百名工会干部进千企”这道“作业题”。
"""

PAGE_B = """\
帮扶困难职工,这里有个“爱心联盟”

本报讯(记者马学礼 通讯员胡相宁)“工会干部和志愿者帮助我家解决了很多困难,现在日子好过多了。”近日,宁夏青铜峡市一名农民工对上门回访的工会干部连声道谢。

青铜峡市总工会联系社工 and 义工组织,建立“工会+社工+义工”联动服务模式,共同帮扶困难职工。
"""

PAGE_UNDATED = """\
辽宁将建100个工青妇协同发展示范点

本报讯（记者刘旭）辽宁工青妇组织改革步伐日渐加快。到2019年底，三方将携手创建100个协同创新发展示范点，2018年以来已有30个示范点建成。
"""

GOOD = {
    "20190920-01.txt": PAGE_A.encode("utf-8"),
    "2019-09-20-02.txt": PAGE_B.replace("\n", "\r\n").encode("gbk"),      # GBK with CRLF
    "scans/page-c.txt": PAGE_UNDATED.encode("utf-8-sig"),                # BOM, no date in the name
}
BAD = {
    "bad-binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
    "bad-empty.txt": b"",
    "bad-latin1.txt": "café crème brûlée".encode("latin-1"),
}


def make_sources(root: Path, pages: dict[str, bytes]) -> Path:
    for rel, data in pages.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    return root


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def articles(content: Path) -> list[frontmatter.ContentFile]:
    return frontmatter.read_all(content)


SUMMARY = re.compile(r"ingest: (\d+) pages read, (\d+) articles \((\d+) written, (\d+) unchanged, "
                     r"(\d+) editor-corrected kept, (\d+) removed\), (\d+) repairs made, (\d+) files refused")


def summary(out: str) -> dict[str, int]:
    m = SUMMARY.search(out)
    assert m, f"no summary line in {out!r}"
    keys = ("pages", "articles", "written", "unchanged", "kept", "removed", "repairs", "refused")
    return dict(zip(keys, map(int, m.groups())))


def ingest_into(sources: Path, content: Path, capsys) -> tuple[int, dict, str]:
    status = run_ingest(sources, content, progress=False)
    captured = capsys.readouterr()
    return status, summary(captured.out), captured.err


@pytest.fixture
def good_sources(tmp_path):
    return make_sources(tmp_path / "sources", GOOD)


# -- refusals and the summary -------------------------------------------------------------------

def test_bad_files_are_refused_by_name_and_the_rest_is_ingested(tmp_path, capsys):
    sources = make_sources(tmp_path / "sources", {**GOOD, **BAD})
    content = tmp_path / "content"
    status, counts, err = ingest_into(sources, content, capsys)
    assert status == 1
    refusals = [line for line in err.splitlines() if "refused" in line]
    assert len(refusals) == len(BAD)
    for name, why in [("bad-binary.txt", "binary"), ("bad-empty.txt", "empty"), ("bad-latin1.txt", "not decodable")]:
        assert any(name in line and why in line for line in refusals), (name, err)
    files = articles(content)
    for rel, data in GOOD.items():
        name = Path(rel).name
        text = ingest.read_page(sources / rel, sources, {}).text
        mine = [f for f in files if f.get("source") == name]
        assert len(mine) == len(split_page(text)) >= 1, name
    assert not any(f.get("source", "").startswith("bad-") for f in files)
    assert counts["pages"] == len(GOOD)
    assert counts["refused"] == len(BAD)
    assert counts["articles"] == counts["written"] == len(files)
    assert counts["repairs"] == sum(len(f.get("repairs") or []) for f in files) > 0
    assert counts["unchanged"] == counts["kept"] == counts["removed"] == 0


def test_all_good_exits_zero(good_sources, tmp_path, capsys):
    status, counts, err = ingest_into(good_sources, tmp_path / "content", capsys)
    assert status == 0 and counts["refused"] == 0 and "refused" not in err


def test_page_metadata_from_name_and_inferred_date(good_sources, tmp_path, capsys):
    ingest_into(good_sources, tmp_path / "content", capsys)
    by_source = {}
    for f in articles(tmp_path / "content"):
        by_source.setdefault(f.get("source"), []).append(f)
    a = by_source["20190920-01.txt"][0]
    assert (a.get("date"), a.get("page"), a.get("date_inferred")) == ("2019-09-20", 1, False)
    assert a.path == "2019/09/20/01-01.md" and a.get("id") == "20190920-01-01"
    b = by_source["2019-09-20-02.txt"][0]
    assert (b.get("date"), b.get("page"), b.get("date_inferred")) == ("2019-09-20", 2, False)
    c = by_source["page-c.txt"][0]
    assert c.get("date_inferred") is True
    # never a day the text does not give
    assert c.get("date") is None or re.fullmatch(r"\d{4}(-\d{2})?", c.get("date")), c.get("date")


def test_missing_sources_folder(tmp_path, capsys):
    content = tmp_path / "content"
    status = run_ingest(tmp_path / "nowhere", content, progress=False)
    err = capsys.readouterr().err
    assert status == 1
    assert "nowhere" in err and "does not exist" in err
    assert not content.exists()


def test_command_line_ingest(tmp_path):
    sources = make_sources(tmp_path / "sources", {**GOOD, **BAD})
    content = tmp_path / "content"
    run = subprocess.run([sys.executable, "build.py", "ingest", "--sources", str(sources), "--content", str(content)],
                         cwd=REPO, capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stderr
    counts = summary(run.stdout)
    assert (counts["pages"], counts["refused"]) == (len(GOOD), len(BAD))
    for name in BAD:
        assert name in run.stderr
    assert counts["articles"] == len(articles(content))


def test_command_line_missing_sources(tmp_path):
    run = subprocess.run([sys.executable, "build.py", "ingest", "--sources", str(tmp_path / "nowhere"),
                          "--content", str(tmp_path / "content")],
                         cwd=REPO, capture_output=True, text=True, timeout=300)
    assert run.returncode == 1
    assert "nowhere" in run.stderr and "Traceback" not in run.stderr


# -- writes: atomic, deterministic, incremental ---------------------------------------------------

def test_no_temporary_files_are_left(tmp_path, capsys):
    sources = make_sources(tmp_path / "sources", {**GOOD, **BAD})
    content = tmp_path / "content"
    ingest_into(sources, content, capsys)
    (sources / "20190920-01.txt").write_bytes(PAGE_A.replace("据悉", "另据了解").encode("utf-8"))
    ingest_into(sources, content, capsys)
    assert [p for p in content.rglob("*") if p.name.startswith(".tmp-")] == []


def test_two_fresh_ingests_are_byte_identical(tmp_path, capsys):
    sources = make_sources(tmp_path / "sources", GOOD)
    for sample in sorted((REPO / "sources").glob("*.txt")):
        shutil.copy(sample, sources / sample.name)
    ingest_into(sources, tmp_path / "one", capsys)
    ingest_into(sources, tmp_path / "two", capsys)
    one, two = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert len(one) > 10
    assert one.keys() == two.keys()
    for rel in one:
        assert one[rel] == two[rel], rel


def _age(content: Path) -> dict[str, int]:
    """Set every file's mtime far into the past; return them."""
    for p in content.rglob("*"):
        if p.is_file():
            os.utime(p, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    return {p.relative_to(content).as_posix(): p.stat().st_mtime_ns for p in content.rglob("*") if p.is_file()}


def _mtimes(content: Path) -> dict[str, int]:
    return {p.relative_to(content).as_posix(): p.stat().st_mtime_ns for p in content.rglob("*") if p.is_file()}


def test_reingest_with_nothing_changed_writes_nothing(good_sources, tmp_path, capsys):
    content = tmp_path / "content"
    _, first, _ = ingest_into(good_sources, content, capsys)
    before = _age(content)
    status, counts, _ = ingest_into(good_sources, content, capsys)
    assert status == 0
    assert _mtimes(content) == before                  # not one file touched, the manifest included
    assert counts["written"] == counts["removed"] == counts["kept"] == 0
    assert counts["unchanged"] == counts["articles"] == first["articles"]


def test_changed_source_rewrites_only_what_changed(good_sources, tmp_path, capsys):
    content = tmp_path / "content"
    ingest_into(good_sources, content, capsys)
    before = _age(content)
    (good_sources / "20190920-01.txt").write_bytes(PAGE_A.replace("据悉", "另据了解").encode("utf-8"))
    status, counts, _ = ingest_into(good_sources, content, capsys)
    after = _mtimes(content)
    changed = {rel for rel in before if after.get(rel) != before[rel]}
    assert status == 0 and counts["written"] == 1
    assert changed == {"2019/09/20/01-01.md", MANIFEST}
    assert "另据了解" in (content / "2019/09/20/01-01.md").read_text(encoding="utf-8")


# -- the editor-corrections guarantee ---------------------------------------------------------------

def _edit(path: Path) -> str:
    text = path.read_text(encoding="utf-8").replace("title: ", "title: 【校】", 1)
    path.write_text(text, encoding="utf-8")
    return text


def test_editor_edit_survives_reingest(good_sources, tmp_path, capsys, monkeypatch):
    content = tmp_path / "content"
    ingest_into(good_sources, content, capsys)
    target = content / "2019/09/20/01-01.md"
    edited = _edit(target)
    # nothing changed
    status, counts, _ = ingest_into(good_sources, content, capsys)
    assert status == 0 and target.read_text(encoding="utf-8") == edited and counts["kept"] == 1
    # the source changed
    (good_sources / "20190920-01.txt").write_bytes(PAGE_A.replace("据悉", "另据了解").encode("utf-8"))
    status, counts, err = ingest_into(good_sources, content, capsys)
    assert status == 0 and target.read_text(encoding="utf-8") == edited
    assert counts["kept"] == 1 and "2019/09/20/01-01.md" in err
    # the code changed: everything is regenerated, except the edited file
    monkeypatch.setattr(ingest, "code_version", lambda: "another-version")
    status, counts, _ = ingest_into(good_sources, content, capsys)
    assert status == 0 and target.read_text(encoding="utf-8") == edited and counts["kept"] == 1


def test_removed_source_removes_its_files_unless_edited(good_sources, tmp_path, capsys):
    content = tmp_path / "content"
    ingest_into(good_sources, content, capsys)
    from_a = sorted(f.path for f in articles(content) if f.get("source") == "20190920-01.txt")
    from_b = sorted(f.path for f in articles(content) if f.get("source") == "2019-09-20-02.txt")
    assert len(from_a) >= 2 and from_b
    edited = _edit(content / from_a[0])
    (good_sources / "20190920-01.txt").unlink()
    (good_sources / "2019-09-20-02.txt").unlink()
    status, counts, _ = ingest_into(good_sources, content, capsys)
    assert status == 0
    assert (content / from_a[0]).read_text(encoding="utf-8") == edited
    for rel in from_a[1:] + from_b:
        assert not (content / rel).exists(), rel
    assert counts["removed"] == len(from_a) - 1 + len(from_b)
    assert counts["kept"] == 1


def test_edited_file_of_a_removed_source_survives_its_return(good_sources, tmp_path, capsys):
    content = tmp_path / "content"
    ingest_into(good_sources, content, capsys)
    target = content / "2019/09/20/01-01.md"
    edited = _edit(target)
    data = (good_sources / "20190920-01.txt").read_bytes()
    (good_sources / "20190920-01.txt").unlink()
    ingest_into(good_sources, content, capsys)
    (good_sources / "20190920-01.txt").write_bytes(data)
    status, counts, _ = ingest_into(good_sources, content, capsys)
    assert status == 0 and target.read_text(encoding="utf-8") == edited
    assert (content / "2019/09/20/01-02.md").is_file()          # the unedited article is back


def test_refused_source_keeps_its_earlier_output(good_sources, tmp_path, capsys):
    content = tmp_path / "content"
    ingest_into(good_sources, content, capsys)
    before = tree(content)
    (good_sources / "20190920-01.txt").write_bytes(b"")
    status, counts, err = ingest_into(good_sources, content, capsys)
    assert status == 1 and "20190920-01.txt" in err
    after = tree(content)
    assert {k: v for k, v in after.items() if k != MANIFEST} == {k: v for k, v in before.items() if k != MANIFEST}


def test_damaged_manifest_stops_before_overwriting_edits(good_sources, tmp_path, capsys):
    content = tmp_path / "content"
    ingest_into(good_sources, content, capsys)
    edited = _edit(content / "2019/09/20/01-01.md")
    (content / MANIFEST).write_text("{ not json", encoding="utf-8")
    status = run_ingest(good_sources, content, progress=False)
    err = capsys.readouterr().err
    assert status == 1 and MANIFEST in err
    assert (content / "2019/09/20/01-01.md").read_text(encoding="utf-8") == edited


# -- two sources, one issue page ------------------------------------------------------------------

def test_two_files_for_the_same_page_do_not_overwrite_each_other(tmp_path, capsys):
    sources = make_sources(tmp_path / "sources", {"20190920-01.txt": PAGE_A.encode("utf-8"),
                                                  "2019-09-20-01.txt": PAGE_B.encode("utf-8")})
    content = tmp_path / "content"
    status, counts, err = ingest_into(sources, content, capsys)
    assert status == 1
    assert "20190920-01.txt" in err and "2019-09-20-01.txt" in err
    assert counts["refused"] == 1
    kept = {f.get("source") for f in articles(content)}
    assert len(kept) == 1                                   # one page's articles, not a mixture
    # and the page that won is written completely
    winner = kept.pop()
    text = (sources / winner).read_text(encoding="utf-8")
    assert len(articles(content)) == len(split_page(text))


def test_unreadable_issues_yml_is_reported_and_fails_the_run(good_sources, tmp_path, capsys):
    (good_sources / "issues.yml").write_text("page-c.txt: {date: [2019\n", encoding="utf-8")
    status, counts, err = ingest_into(good_sources, tmp_path / "content", capsys)
    assert status == 1 and "issues.yml" in err
    assert counts["refused"] >= 1


def test_issues_yml_dates_an_undated_page(good_sources, tmp_path, capsys):
    (good_sources / "issues.yml").write_text("page-c.txt: {date: 2019-12-21, page: 4}\n", encoding="utf-8")
    status, _, _ = ingest_into(good_sources, tmp_path / "content", capsys)
    c = [f for f in articles(tmp_path / "content") if f.get("source") == "page-c.txt"]
    assert status == 0 and c
    assert (c[0].path, c[0].get("date"), c[0].get("page"), c[0].get("date_inferred")) == \
        ("2019/12/21/04-01.md", "2019-12-21", 4, False)


def test_renamed_source_keeps_its_articles(good_sources, tmp_path, capsys):
    content = tmp_path / "content"
    ingest_into(good_sources, content, capsys)
    before = tree(content)
    (good_sources / "20190920-01.txt").rename(good_sources / "2019-09-20-01.txt")   # same issue page
    status, counts, _ = ingest_into(good_sources, content, capsys)
    after = tree(content)
    assert status == 0 and counts["removed"] == counts["kept"] == 0     # nothing mistaken for an edit
    assert {k for k in after if k != MANIFEST} == {k for k in before if k != MANIFEST}
    sources = {f.get("source") for f in articles(content) if f.path.startswith("2019/09/20/01-")}
    assert sources == {"2019-09-20-01.txt"}


def _imports(package: Path, module: str, seen: set[str]) -> set[str]:
    """Package modules `module` imports, transitively (from .x import / from . import x)."""
    if module in seen or not (package / f"{module}.py").is_file():
        return seen
    seen.add(module)
    text = (package / f"{module}.py").read_text(encoding="utf-8")
    names = re.findall(r"^\s*from \.(\w+) import", text, re.M)
    for group in re.findall(r"^\s*from \. import ([\w, ]+)", text, re.M):
        names += [n.strip() for n in group.split(",")]
    for name in names:
        _imports(package, name, seen)
    return seen


def test_code_version_leaves_out_only_modules_ingest_does_not_use():
    package = Path(ingest.__file__).parent
    used = _imports(package, "ingest", set())
    assert {"split", "units", "articles", "repair", "pages"} <= used
    assert not {f"{m}.py" for m in used} & ingest.NOT_INGEST


def test_code_version_changes_with_ingest_code(tmp_path, monkeypatch):
    fake = tmp_path / "backissues"
    fake.mkdir()
    for name in ("ingest.py", "split.py", "site.py"):
        (fake / name).write_text(f"# {name}\n", encoding="utf-8")
    monkeypatch.setattr(ingest, "__file__", str(fake / "ingest.py"))
    first = ingest.code_version()
    (fake / "site.py").write_text("# the site changed\n", encoding="utf-8")
    assert ingest.code_version() == first
    (fake / "split.py").write_text("# the splitter changed\n", encoding="utf-8")
    assert ingest.code_version() != first
