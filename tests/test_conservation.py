"""Conservation: every character of body text in a source ends up in an article.

Concretely, for every non-empty line of a source page, its text, normalised
(NFKC width folding, quote and dash variants folded as `../shared/eval/score.py`
does, whitespace and Markdown marks `# * \\` dropped), must be found in the
normalised column, kicker, title, subtitle or body of some article of that
page, or the line must be named in a "removed duplicate" or "removed folio
line" repair note of some article. A line whose ' and ' was repaired to 和 may be found in its repaired
form, in an article whose repair log records that replacement.

A line recorded as split (two paragraphs an export ran together, "split
line N") may be found in parts, each part in some article.

The other half of "exactly one article": no source line is used by two
articles (`Article.lines`, the source line numbers each article was built
from, never overlap), apart from a line recorded as split. Comparing texts cannot show this, because pages
legitimately print a sentence twice (pull quotes, two reports quoting the
same words).

Runs on the bundled samples (through the full ingest, reading the written
content files) and on every page of the development corpus
`../shared/corpus/rmrb-2020/sources` (through `split_page`, for speed).
"""
from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from backissues import frontmatter
from backissues.pages import decode
from backissues.repair import replace_and
from backissues.split import split_page

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "sources"
CORPUS = REPO.parent / "shared" / "corpus" / "rmrb-2020" / "sources"

_FOLD = str.maketrans({
    "“": '"', "”": '"', "„": '"', "〝": '"', "〞": '"', "＂": '"',
    "‘": "'", "’": "'", "＇": "'",
    "—": "-", "–": "-", "－": "-", "―": "-",
    "•": "·", "・": "·",
})
_DROP = re.compile(r"[\s#*\\]+")
_SEP = "\x00"
_REMOVED = re.compile(r"removed duplicate|removed folio line")
_LINE_NUMBERS = re.compile(r"\blines? (\d+)(?:\s*[-–—]\s*(\d+))?")
_SPLIT = re.compile(r"split line (\d+)")


def norm(text: str | None) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    return re.sub(r"-{2,}", "-", _DROP.sub("", text))


@dataclass
class Out:
    """One article as far as conservation is concerned."""
    texts: list[str]          # column, kicker, title, subtitle, body blocks
    repairs: list[str]

    def joined(self) -> str:
        return _SEP + _SEP.join(norm(t) for t in self.texts) + _SEP


def removed_lines(articles: list[Out]) -> set[int]:
    lines = set()
    for article in articles:
        for note in article.repairs:
            if _REMOVED.search(note):
                for m in _LINE_NUMBERS.finditer(note):
                    first = int(m.group(1))
                    lines.update(range(first, int(m.group(2) or first) + 1))
    return lines


def split_lines(repairs) -> Counter:
    """How many times each source line was recorded as split."""
    return Counter(int(m.group(1)) for note in repairs for m in _SPLIT.finditer(note))


def parts_found(key: str, joined: list[str]) -> int:
    """Into how few parts, each found in some article, `key` can be cut
    (0: not at all). Taking the longest part found each time gives the
    fewest: any piece of a found part is found too."""
    parts = 0
    while key:
        longest = max((n for n in range(len(key), 0, -1) if any(key[:n] in j for j in joined)), default=0)
        if not longest:
            return 0
        key, parts = key[longest:], parts + 1
    return parts


def lost_lines(text: str, articles: list[Out]) -> list[tuple[int, str]]:
    """Source lines (number, text) found in no article and not recorded as removed."""
    joined = [a.joined() for a in articles]
    replaced_and = [any("和" in note for note in a.repairs) for a in articles]
    removed = removed_lines(articles)
    split = split_lines(note for a in articles for note in a.repairs)
    lost = []
    for number, line in enumerate(text.split("\n"), start=1):
        key = norm(line)
        if not key or number in removed:
            continue
        if any(key in j for j in joined):
            continue
        repaired = norm(replace_and(line)[0])
        if repaired != key and any(repaired in j for j, ok in zip(joined, replaced_and) if ok):
            continue
        if number in split and any(0 < parts_found(k, joined) <= split[number] + 1 for k in (key, repaired)):
            continue
        lost.append((number, line.strip()))
    return lost


def shared_lines(articles) -> list[tuple[int, str]]:
    """Source lines that more than one article was built from: (line, titles)."""
    owners: dict[int, list[str]] = {}
    for n, a in enumerate(articles, start=1):
        for line in set(a.lines):
            owners.setdefault(line, []).append(f"#{n} {a.headline.title or '(untitled)'}")
    split = split_lines(note for a in articles for note in a.repairs)
    return [(line, " / ".join(names)) for line, names in sorted(owners.items()) if len(names) > 1 and line not in split]


def from_split(articles) -> list[Out]:
    outs = []
    for a in articles:
        h = a.headline
        outs.append(Out([h.column, h.kicker, h.title, h.subtitle,
                         *(payload for _, payload in a.blocks)], list(a.repairs)))
    return outs


def _report(kind: str, problems: dict[str, list]) -> str:
    total = sum(len(v) for v in problems.values())
    lines = [f"{total} source line(s) {kind} on {len(problems)} page(s):"]
    for source, items in sorted(problems.items())[:40]:
        for item in items[:5]:
            lines.append(f"  {source}:{item[0]}: {item[1][:70]}")
        if len(items) > 5:
            lines.append(f"  {source}: … {len(items) - 5} more")
    return "\n".join(lines)


# -- the check itself must be able to fail ------------------------------------------------

PAGE = "## 标题在此\n\n**本报讯**（记者刘旭）企业 and 职工一起干。\n\n第二段在这里，很长很长很长。\n"


def test_check_finds_a_lost_line():
    ok = [Out(["标题在此", "本报讯（记者刘旭）企业和职工一起干。", "第二段在这里，很长很长很长。"],
              ["line 3: replaced ' and ' with 和 (1×)"])]
    assert lost_lines(PAGE, ok) == []
    dropped = [Out(["标题在此", "本报讯（记者刘旭）企业和职工一起干。"], ["line 3: replaced ' and ' with 和 (1×)"])]
    assert lost_lines(PAGE, dropped) == [(5, "第二段在这里，很长很长很长。")]
    unlogged = [Out(["标题在此", "本报讯（记者刘旭）企业和职工一起干。", "第二段在这里，很长很长很长。"], [])]
    assert [n for n, _ in lost_lines(PAGE, unlogged)] == [3]
    noted = [Out(["标题在此", "本报讯（记者刘旭）企业和职工一起干。"],
                 ["line 3: replaced ' and ' with 和 (1×)", "removed duplicate piece (line 5): 第二段…"])]
    assert lost_lines(PAGE, noted) == []


def test_check_finds_a_split_lines_parts_or_their_loss():
    page = "第一篇的最后一段。本报讯 第二篇的第一段。\n"
    parts = [Out(["第一篇的最后一段。"], []), Out(["本报讯 第二篇的第一段。"], ["line 1: split line 1: a dateline …"])]
    assert lost_lines(page, parts) == []
    assert [n for n, _ in lost_lines(page, [parts[0], Out(["本报讯 第二篇"], parts[1].repairs)])] == [1]
    unlogged = [parts[0], Out(["本报讯 第二篇的第一段。"], [])]
    assert [n for n, _ in lost_lines(page, unlogged)] == [1]


def test_check_finds_a_shared_line():
    from backissues.split import Article, Headline

    def article(title, lines, repairs=()):
        return Article(Headline(None, title, None), (), (), (), (), tuple(repairs), tuple(lines))
    assert shared_lines([article("甲", [1, 3]), article("乙", [5, 7])]) == []
    assert shared_lines([article("甲", [1, 3, 5]), article("乙", [5, 7])]) == [(5, "#1 甲 / #2 乙")]
    split = ["line 5: split line 5: a headline run together with the paragraph before it"]
    assert shared_lines([article("甲", [1, 3, 5]), article("乙", [5, 7], split)]) == []


def test_norm_folds_width_quotes_dashes_and_markup():
    assert norm("**本报讯** (记者 刘旭)") == norm("本报讯（记者刘旭）")
    assert norm("“观”中学经验") == norm('"观"中学经验')
    assert norm("更顺畅-") == norm("更顺畅——")
    assert norm("## 标题") == "标题" and norm("\\# 正文") == "正文"


# -- samples, through the whole ingest ---------------------------------------------------------

@pytest.fixture(scope="module")
def sample_content(tmp_path_factory):
    from backissues.ingest import run_ingest
    content = tmp_path_factory.mktemp("content")
    assert run_ingest(SAMPLES, content, progress=False) == 0
    by_source: dict[str, list[Out]] = {}
    for cf in frontmatter.read_all(content):
        texts = [cf.get("column"), cf.get("kicker"), cf.get("title"), cf.get("subtitle"),
                 *cf.body.split("\n\n")]
        by_source.setdefault(cf.get("source"), []).append(Out(texts, list(cf.get("repairs") or [])))
    return by_source


def sample_pages():
    return sorted(p.name for p in SAMPLES.glob("*.txt"))


@pytest.mark.parametrize("name", sample_pages())
def test_samples_lose_nothing(name, sample_content):
    text = decode((SAMPLES / name).read_bytes(), name)
    lost = lost_lines(text, sample_content.get(name, []))
    assert not lost, _report("lost", {name: lost})


@pytest.mark.parametrize("name", sample_pages())
def test_samples_use_each_line_once(name):
    shared = shared_lines(split_page(decode((SAMPLES / name).read_bytes(), name)))
    assert not shared, _report("used by two articles", {name: shared})


def test_there_are_five_samples():
    assert len(sample_pages()) == 5


# -- the development corpus, every page ----------------------------------------------------------

@pytest.fixture(scope="module")
def corpus_results():
    if not CORPUS.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but the development corpus {CORPUS} is missing")
        pytest.skip(f"development corpus {CORPUS} not present (it lives beside the repository in ../shared)")
    lost, shared, pages = {}, {}, 0
    for path in sorted(CORPUS.glob("*.txt")):
        text = decode(path.read_bytes(), path.name)
        articles = split_page(text)
        pages += 1
        if missing := lost_lines(text, from_split(articles)):
            lost[path.name] = missing
        if twice := shared_lines(articles):
            shared[path.name] = twice
    return pages, lost, shared


def test_corpus_is_complete(corpus_results):
    pages, _, _ = corpus_results
    assert pages == 909


def test_corpus_loses_nothing(corpus_results):
    _, lost, _ = corpus_results
    if lost:
        pytest.fail(_report("lost", lost), pytrace=False)


def test_corpus_uses_each_line_once(corpus_results):
    _, _, shared = corpus_results
    if shared:
        pytest.fail(_report("used by two articles", shared), pytrace=False)
