"""From a page's split articles to content files: metadata and file layout.

Layout (stable across rebuilds, documented in README.md):
  date and page known  → YYYY/MM/DD/PP-NN.md        id YYYYMMDD-PP-NN
  only YYYY or YYYY-MM → YYYY[/MM]/<source>-NN.md    id <source>-NN
  no date at all       → undated/<source>-NN.md      id <source>-NN
NN is the article's place on the page in reading order, from 01.
"""
from __future__ import annotations

import re
from pathlib import PurePosixPath

from .frontmatter import ContentFile
from .keywords import keywords
from .metadata import article_type, read_byline
from .pages import Page
from .regions import locate
from .split import Article, split_page
from .topics import classify
from .units import MARK_PAGE

_MARK_NUMBER = re.compile(rf"第({MARK_PAGE})版")
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十")}


def build_content_files(page: Page, gazetteer, taxonomy) -> list[ContentFile]:
    articles = split_page(page.text)
    stem = PurePosixPath(page.source).with_suffix("").as_posix().replace("/", "-")
    return [_content_file(page, stem, n, article, gazetteer, taxonomy)
            for n, article in enumerate(articles, start=1)]


def place(page: Page, stem: str, n: int) -> tuple[str, str]:
    """(path, id) of the n-th article of a page."""
    date = page.date or ""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) and page.page is not None:
        y, m, d = date.split("-")
        return f"{y}/{m}/{d}/{page.page:02d}-{n:02d}.md", f"{y}{m}{d}-{page.page:02d}-{n:02d}"
    folder = "/".join(date.split("-")[:2]) if date else "undated"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        folder = "/".join(date.split("-"))
    return f"{folder}/{stem}-{n:02d}.md", f"{stem}-{n:02d}"


def _content_file(page: Page, stem: str, n: int, article: Article, gazetteer, taxonomy) -> ContentFile:
    path, ident = place(page, stem, n)
    paragraphs = [text for kind, text in article.blocks if kind == "p"]
    sections = [text for kind, text in article.blocks if kind == "h"]
    byline = read_byline(paragraphs, list(article.bylines), list(article.credits))
    head = article.headline
    headline_text = " ".join(t for t in (head.kicker, head.title, head.subtitle) if t)
    body_text = "\n".join(paragraphs)
    region = locate(gazetteer, headline_text, body_text)
    kind = article_type(head.title, paragraphs, sections, list(article.credits), byline)
    meta = {
        "id": ident,
        "title": head.title,
        "kicker": head.kicker,
        "subtitle": head.subtitle,
        "type": kind,
        "column": head.column,
        "date": page.date,
        "date_inferred": page.date_from == "text",
        "page": page.page,
        "source": PurePosixPath(page.source).name,
        "continued_from": _mark_page(article.marks, ("上接", "接", "转自")),
        "continued_on": _mark_page(article.marks, ("下转",)),
        "dateline": byline.dateline,
        "reporters": list(byline.reporters),
        "correspondents": list(byline.correspondents),
        "photographers": list(byline.photographers),
        "authors": list(byline.authors),
        "agency": byline.agency,
        "province": region.province,
        "city": region.city,
        "county": region.county,
        "topics": classify(taxonomy, headline_text, body_text) if kind != "fragment" or body_text else [],
        "keywords": keywords(headline_text + "\n" + body_text),
        "sections": sections,
        "repairs": list(article.repairs),
    }
    return ContentFile(path, meta, _markdown(article))


def _markdown(article: Article) -> str:
    out = []
    for kind, text in article.blocks:
        out.append(f"## {text}" if kind == "h" else _escape_line_start(text))
    return "\n\n".join(out) + "\n"


def _escape_line_start(text: str) -> str:
    """Body text that happens to start like Markdown markup stays text."""
    return "\\" + text if re.match(r"^(#|>|[-+*] |\d+\. )", text) else text


def _mark_page(marks: tuple, words: tuple) -> int | None:
    for mark in marks:
        if any(w in mark for w in words):
            m = _MARK_NUMBER.search(mark)
            if m:
                return _number(m.group(1))
    return None


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS[text[1]]
    if len(text) == 2 and text.endswith("十"):
        return _CN_DIGITS[text[0]] * 10
    if len(text) == 3 and text[1] == "十":
        return _CN_DIGITS[text[0]] * 10 + _CN_DIGITS[text[2]]
    return _CN_DIGITS.get(text, 0)
