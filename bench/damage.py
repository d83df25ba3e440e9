"""How the splitter holds up on kinds of OCR damage the gold pages do not show.

Each damage is applied to the raw text of every page of a gold set, the page
is split in process (`split.split_page`, no files written) and scored with
`../shared/eval/score.py` against the page's gold. "none" is the page as it
is; every other row says what that damage costs.

    .venv/bin/python bench/damage.py --set ../shared/corpus/rmrb-2020/sources,../shared/corpus/rmrb-2020/gold \\
        --set ../shared/samples,../shared/gold [--step 4] [--only stop,wrap]

The damage is seeded by the page's file name, so runs are repeatable.
"""
from __future__ import annotations

import argparse
import functools
import importlib.util
import random
import re
import sys
from multiprocessing import Pool
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from backissues.pages import PageError, decode  # noqa: E402
from backissues.split import split_page  # noqa: E402


def _wrap(text: str, rng: random.Random) -> str:
    # Three long lines in ten are broken in two at 15-30 characters, as a
    # hard line break left by OCR inside a paragraph would.
    out = []
    for line in text.split("\n"):
        if len(line) > 45 and rng.random() < 0.3:
            cut = rng.randint(15, 30)
            line = line[:cut] + "\n" + line[cut:]
        out.append(line)
    return "\n".join(out)


def _columns(text: str, width: int, between: str) -> str:
    # Every paragraph set in a column `width` characters wide, one printed
    # line to a line of text, as OCR reads a page of narrow columns.
    out = []
    for line in text.split("\n"):
        flat = line.strip()
        if len(flat) > width + 4 and not flat.startswith("#"):
            line = between.join(flat[i:i + width] for i in range(0, len(flat), width))
        out.append(line)
    return "\n".join(out)


def _numbered_paragraphs(text: str, rng: random.Random) -> str:
    lines, n = [], 0
    for line in text.split("\n"):
        if line.strip():
            n += 1
            line = f"{n}. {line}"
        lines.append(line)
    return "\n".join(lines)


DAMAGE = {
    "none": lambda text, rng: text,
    "indent": lambda text, rng: "\n".join("\u3000\u3000" + ln if ln.strip() else ln for ln in text.split("\n")),
    "no-blank-lines": lambda text, rng: re.sub(r"\n\s*\n", "\n", text),
    "cr-only": lambda text, rng: text.replace("\n", "\r"),
    "form-feeds": lambda text, rng: "\n".join("\f" + ln if ln.strip() and rng.random() < 0.1 else ln
                                              for ln in text.split("\n")),
    "zero-width": lambda text, rng: text.replace("。", "。\u200b").replace("的", "的\u00ad"),
    "half-width": lambda text, rng: text.translate(str.maketrans("，：；（）", ",:;()")),
    "stop-as-dot": lambda text, rng: text.replace("。", "."),
    "ascii-quotes": lambda text, rng: text.replace("“", '"').replace("”", '"'),
    "corner-quotes": lambda text, rng: text.translate(str.maketrans("“”‘’", "「」『』")),
    "primed-quotes": lambda text, rng: text.translate(str.maketrans("“”", "〝〞")),
    "dash-as-bars": lambda text, rng: text.replace("—", "―"),
    "stop-as-wide-point": lambda text, rng: text.replace("。", "．"),
    "ellipsis-as-dots": lambda text, rng: text.replace("……", "..."),
    "html-entities": lambda text, rng: text.replace("“", "&ldquo;").replace("”", "&rdquo;").replace("\u00a0", "&nbsp;"),
    "html-tags": lambda text, rng: re.sub(r"(?m)^(?!<h)(\S.*)$", r"<p>\1</p>", re.sub(
        r"(?m)^(#{1,6})\s+(.*\S)\s*$", lambda m: "<h%d>%s</h%d>" % (len(m.group(1)), m.group(2), len(m.group(1))), text)),
    "list-marks": lambda text, rng: re.sub(r"(?m)^(?![#*])(?=\S)", "- ", text),
    "dash-as-hyphens": lambda text, rng: text.replace("——", "--"),
    "full-width-digits": lambda text, rng: text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"}),
    "full-width-letters": lambda text, rng: text.translate({c: c + 0xFEE0 for c in range(0x21, 0x7f) if chr(c).isalnum()}),
    "hard-wraps": _wrap,
    "glued-paragraphs": lambda text, rng: re.sub(r"。\n\s*\n", lambda m: "。\n" if rng.random() < 0.3 else m.group(), text),
    "glued-headlines": lambda text, rng: re.sub(r"(?m)^([^\n。！？，]{4,30})\n\s*\n(?=[^\n]{40})", r"\1\n", text),
    "running-head": lambda text, rng: "工人日报  2020年3月5日  星期四\n\n" + text + "\n\n— 3 —\n",
    "page-number-line": lambda text, rng: "第 3 版\n\n" + text,
    "page-head-lines": lambda text, rng: "人民日报\n\n2020年2月1日 星期六\n\n第3版 要闻 责任编辑：张三\n\n" + text,
    "section-name-line": lambda text, rng: "要闻\n\n" + text,
    "wraps-no-blank-lines": lambda text, rng: re.sub(r"\n\s*\n", "\n", _wrap(text, rng)),
    "wraps-as-paragraphs": lambda text, rng: _wrap(text, rng).replace("\n", "\n\n"),
    "wrapped-headlines": lambda text, rng: re.sub(
        r"(?m)^(#{1,6}\s+)?([^\n。，！？#]{16,40})$",
        lambda m: (m.group(1) or "") + m.group(2)[:len(m.group(2)) // 2] + "\n" + (m.group(1) or "")
        + m.group(2)[len(m.group(2)) // 2:] if rng.random() < 0.5 else m.group(), text),
    # Markdown headings as another converter writes them, or half lost.
    "bold-heads": lambda text, rng: re.sub(r"(?m)^#{1,6}\s+(.*)$", r"**\1**", text),
    "italic-heads": lambda text, rng: re.sub(r"(?m)^#{1,6}\s+(.*)$", r"*\1*", text),
    "bracketed-heads": lambda text, rng: re.sub(r"(?m)^#{1,6}\s+(.*)$", r"【\1】", text),
    "headings-one-down": lambda text, rng: re.sub(r"(?m)^(#{1,5})(?=\s)", r"\1#", text),
    "bracketed-datelines": lambda text, rng: re.sub(r"(?:\*\*)?本报讯(?:\*\*)?", "【本报讯】", text),
    "closed-headings": lambda text, rng: re.sub(r"(?m)^(#{1,6})(\s+.*\S)\s*$", r"\1\2 \1", text),
    "underlined-headings": lambda text, rng: re.sub(
        r"(?m)^(#{1,2})\s+(.*\S)\s*$", lambda m: m.group(2) + "\n" + ("=" if len(m.group(1)) == 1 else "-") * 8, text),
    "lost-markup": lambda text, rng: re.sub(r"(?m)^#{1,6}\s+(.*)$",
                                            lambda m: m.group(1) if rng.random() < 0.3 else m.group(), text),
    "no-markup": lambda text, rng: re.sub(r"(?m)^#{1,6}\s+", "", text).replace("**", ""),
    # Chinese text set with a space after every character, as some OCR engines
    # print it: the whole page, or one line in five.
    "narrow-columns": lambda text, rng: _columns(text, 20, "\n\n"),
    "narrow-columns-tight": lambda text, rng: _columns(text, 20, "\n"),
    # A headline line read twice, the copy right under it (three in ten of the short unpunctuated lines).
    "headline-read-twice": lambda text, rng: re.sub(
        r"(?m)^([^\n。，！？]{1,30})$", lambda m: m.group(1) + "\n\n" + m.group(1) if rng.random() < 0.3 else m.group(1), text),
    # A tool's mark before every line: its number, or a mail quote's >.
    "numbered-lines": lambda text, rng: "\n".join(f"{n:04d} {ln}" if ln.strip() else ln
                                                   for n, ln in enumerate(text.split("\n"), start=1)),
    "quoted-lines": lambda text, rng: re.sub(r"(?m)^(?=\S)", "> ", text),
    # ... or a list's number, as an export that sets every paragraph as an item of one numbered list.
    "numbered-paragraphs": _numbered_paragraphs,
    # Three in ten breaks after a sentence's end lost, the next paragraph (or
    # headline) run on in the same line, as OCR that misses a paragraph's indent.
    "paragraphs-run-together": lambda text, rng: re.sub(
        r"。\n\s*\n(?=[^\n#])", lambda m: "。" if rng.random() < 0.3 else m.group(), text),
    # The stop read as the letter o, as some OCR engines read 。.
    "stop-as-letter-o": lambda text, rng: text.replace("。", "o"),
    # Three in ten paragraphs' closing stops not read at all: the paragraph
    # then ends as a piece a column break cut does.
    "final-stop-dropped": lambda text, rng: re.sub(r"。(?=\n)", lambda m: "" if rng.random() < 0.3 else m.group(), text),
    # Spaces as a web page sets them: no-break (&nbsp;), or an ideographic one for two.
    "no-break-spaces": lambda text, rng: text.replace(" ", "\u00a0"),
    "letter-spaced": lambda text, rng: re.sub(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])", " ", text),
    "letter-spaced-lines": lambda text, rng: "\n".join(
        re.sub(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])", " ", ln) if rng.random() < 0.2 else ln
        for ln in text.split("\n")),
}


@functools.lru_cache(maxsize=None)
def _scorer():
    """../shared/eval/score.py as a module, loaded once per process."""
    spec = importlib.util.spec_from_file_location("score", ROOT.parent / "shared" / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score_page(job):
    damage, sources, gold_path = job
    score = _scorer()
    gold = yaml.safe_load(Path(gold_path).read_text(encoding="utf-8"))
    text = decode((Path(sources) / gold["source"]).read_bytes(), gold["source"])
    text = DAMAGE[damage](text, random.Random(gold["source"]))
    try:
        articles = split_page(decode(text.encode("utf-8"), gold["source"]))
    except PageError:
        articles = []                           # refused: every paragraph is lost
    produced = [{"_body": score.norm("\n".join(block for _, block in article.blocks)),
                 "title": article.headline.title, "kicker": article.headline.kicker,
                 "subtitle": article.headline.subtitle, "_path": gold["source"]}
                for article in articles]
    tally = score.score_page(gold, produced, [])
    return dict(tally.hit), dict(tally.n)      # plain counts: the scorer's class does not pickle


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", action="append", required=True, metavar="SOURCES,GOLD")
    ap.add_argument("--step", type=int, default=1, help="score every n-th page of each set")
    ap.add_argument("--only", help="comma-separated damage names (default: all)")
    args = ap.parse_args()
    names = args.only.split(",") if args.only else list(DAMAGE)
    score = _scorer()
    sets = [Path(spec.split(",")[1]).parent.name for spec in args.set]
    print("| damage | " + " | ".join(f"{name}: B-cubed / exact / title / kept" for name in sets) + " |")
    print("|---|" + "---|" * len(args.set))
    with Pool() as pool:
        for name in names:
            cells = []
            for spec in args.set:
                sources, gold = spec.split(",")
                pages = sorted(Path(gold).glob("*.yaml"))[::args.step]
                tally = score.Tally()
                for hit, n in pool.map(_score_page, [(name, sources, str(p)) for p in pages]):
                    tally.hit.update(hit)
                    tally.n.update(n)
                f = score.figures(tally)
                cells.append(" / ".join(f"{f[m]:.3f}" for m in ("bcubed_f1", "article_exact", "title", "kept")))
            print(f"| {name} | " + " | ".join(cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
