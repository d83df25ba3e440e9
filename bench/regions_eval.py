"""Measure backissues.regions against the gold sample pages, and time it.

    .venv/bin/python bench/regions_eval.py [--gold DIR] [--samples DIR]
    .venv/bin/python bench/regions_eval.py --corpus ../shared/corpus/rmrb-2020 [--show N]

Gold mode: for each gold article the headline group (kicker, title,
subtitle) is the title, and the raw page lines holding its paragraph
anchors are the body. Prints province / city / county accuracy and every
miss. Corpus mode rebuilds every article of a development corpus the same
way, times locate() over all of them and prints a sample of the answers
for reading (that corpus has no region gold).
"""
from __future__ import annotations

import argparse
import random
import sys
import time
import unicodedata
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from backissues.regions import load_gazetteer, locate  # noqa: E402

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def norm(text: str) -> str:
    """Compare like score.py does: no spaces, no markup, one width of punctuation."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if not ch.isspace() and ch not in "#*")


def article_input(article: dict, raw_lines: list[str],
                  normed: list[str] | None = None) -> tuple[str, str]:
    title = "\n".join(article.get(k) or "" for k in ("kicker", "title", "subtitle")).strip()
    normed = normed or [norm(line) for line in raw_lines]
    body = []
    for anchor in article.get("paragraphs") or ():
        key = norm(anchor)
        for line, n in zip(raw_lines, normed):
            if key and key in n:
                body.append(line.strip())
                break
    return title, "\n\n".join(body)


def gold_mode(gold: Path, samples: Path) -> None:
    gaz = load_gazetteer()
    hits = {"province": 0, "city": 0, "county": 0}
    total = 0
    for path in sorted(gold.glob("*.yaml")):
        page = yaml.safe_load(path.read_text(encoding="utf-8"))
        raw = (samples / page["source"]).read_text(encoding="utf-8").splitlines()
        for art in page["articles"]:
            if art.get("type") == "fragment":
                continue
            title, body = article_input(art, raw)
            got = locate(gaz, title, body)
            total += 1
            wrong = []
            for field in hits:
                if getattr(got, field) == art.get(field):
                    hits[field] += 1
                else:
                    wrong.append(f"{field}: {getattr(got, field)} != {art.get(field)}")
            if wrong:
                print(f"{path.stem} {art['id']} {title[:30]!r}: " + "; ".join(wrong))
    print(f"{total} articles: " + ", ".join(
        f"{k} {v / total:.3f}" for k, v in hits.items()))


def corpus_mode(corpus: Path, show: int) -> None:
    t0 = time.perf_counter()
    gaz = load_gazetteer()
    t1 = time.perf_counter()
    inputs = []
    for path in sorted((corpus / "gold").glob("*.yaml")):
        page = yaml.safe_load(path.read_text(encoding="utf-8"))
        raw = (corpus / "sources" / page["source"]).read_text(encoding="utf-8").splitlines()
        normed = [norm(line) for line in raw]
        for art in page["articles"]:
            inputs.append((page["source"], *article_input(art, raw, normed)))
    t2 = time.perf_counter()
    answers = [locate(gaz, title, body) for _, title, body in inputs]
    t3 = time.perf_counter()
    print(f"load {t1 - t0:.2f}s, rebuild {len(inputs)} articles {t2 - t1:.2f}s, "
          f"locate {t3 - t2:.2f}s ({(t3 - t2) / max(1, len(inputs)) * 1000:.2f} ms each)")
    counts = {}
    for a in answers:
        counts[a.province] = counts.get(a.province, 0) + 1
    print(sorted(counts.items(), key=lambda kv: -kv[1]))
    rng = random.Random(1)
    for i in sorted(rng.sample(range(len(inputs)), min(show, len(inputs)))):
        src, title, body = inputs[i]
        a = answers[i]
        print(f"{src} {title.replace(chr(10), ' / ')[:60]!r} -> {a.province}/{a.city}/{a.county}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "gold")
    ap.add_argument("--samples", type=Path, default=SHARED / "samples")
    ap.add_argument("--corpus", type=Path, help="a development corpus folder (sources/ + gold/)")
    ap.add_argument("--show", type=int, default=40, help="answers to print in corpus mode")
    args = ap.parse_args()
    if args.corpus:
        corpus_mode(args.corpus, args.show)
    else:
        gold_mode(args.gold, args.samples)


if __name__ == "__main__":
    main()
