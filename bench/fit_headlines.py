"""Fit the headline weights (evidence.WEIGHTS "head.*") on a gold corpus.

Each headline group the splitter sees is labelled from the gold files: it
opens an article when one of its lines is a gold title, kicker or subtitle.
A logistic regression over `evidence.headline_features` gives the weights;
half the pages train, the other half measure. Paste the printed table into
evidence.WEIGHTS.

    .venv/bin/python bench/fit_headlines.py \
        --set ../shared/corpus/rmrb-2020/sources,../shared/corpus/rmrb-2020/gold,1 \
        --set ../shared/samples,../shared/gold,30

Each --set is SOURCES,GOLD,WEIGHT; a weight above 1 counts that set's
examples more (the five sample pages against 909 corpus pages).
"""
from __future__ import annotations

import argparse
import math
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from backissues import evidence, split  # noqa: E402
from backissues.pages import decode  # noqa: E402


def _norm(text) -> str:
    return re.sub(r"[\s*#\u00a0\u3000—-]+", "", str(text or ""))


def examples(sources: Path, gold_dir: Path):
    vectors = split._vectors_cache()
    for gold_path in sorted(gold_dir.glob("*.yaml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        heads = {_norm(a.get(f)) for a in gold["articles"] for f in ("title", "kicker", "subtitle") if a.get(f)}
        text = decode((sources / gold["source"]).read_bytes(), gold["source"])
        for ctx in split.headline_contexts(text):
            label = any(_norm(h.text) in heads for h in ctx.heads)
            yield gold_path.stem, evidence.headline_features(ctx, vectors), label


def fit(data, names, l2=0.001, rounds=1500, rate=1.0):
    w = dict.fromkeys(names, 0.0)
    total = sum(weight for _, _, weight in data)
    for _ in range(rounds):
        grad = dict.fromkeys(names, 0.0)
        for f, y, weight in data:
            z = max(-30.0, min(30.0, sum(w[k] * f[k] for k in names)))
            err = (1 / (1 + math.exp(-z)) - y) * weight
            for k in names:
                grad[k] += err * f[k]
        for k in names:
            w[k] -= rate * (grad[k] / total + l2 * w[k])
    return w


def accuracy(w, data) -> float:
    return sum((sum(w[k] * f[k] for k in w) > 0) == y for f, y, _ in data) / len(data)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", action="append", required=True, metavar="SOURCES,GOLD,WEIGHT")
    args = ap.parse_args()
    rows = []
    for spec in args.set:
        sources, gold, weight = spec.split(",")
        rows += [(page, f, y, float(weight)) for page, f, y in examples(Path(sources), Path(gold))]
    names = sorted(rows[0][1])
    pages = sorted({page for page, _, _, _ in rows})
    train_pages = set(pages[::2])
    train = [(f, y, wt) for page, f, y, wt in rows if page in train_pages]
    test = [(f, y, wt) for page, f, y, wt in rows if page not in train_pages]
    w = fit(train, names)
    print(f"{len(rows)} headline groups; accuracy train {accuracy(w, train):.3f}, held out {accuracy(w, test):.3f}")
    current = {k: evidence.WEIGHTS.get(k, 0.0) for k in names}
    print(f"current weights: held out {accuracy(current, test):.3f}")
    final = fit([(f, y, wt) for _, f, y, wt in rows], names)
    print("fitted on all pages:")
    for k in names:
        print(f'    "{k}": {final[k]:.2f},')
    return 0


if __name__ == "__main__":
    sys.exit(main())
