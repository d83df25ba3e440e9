"""Scores on the bundled samples must reach the thresholds of issue #2.

Runs the real command line (`python build.py ingest --sources sources
--content <tmp>`), then the shared scorer `../shared/eval/score.py --json`,
and checks every threshold; one test per metric so a report shows exactly
which figure is short. Skipped (with the reason) when `../shared` is not
beside the repository, unless CI is set, where it fails instead.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
GOLD = SHARED / "gold"

# issue #2, "Done when", over the five samples
THRESHOLDS = {
    "kept": 1.0,
    "bcubed_f1": 0.85,
    "title": 0.75,
    "byline_p": 0.85,
    "byline_r": 0.85,
    "province": 0.80,
    "topic": 0.70,
    "year": 1.0,
}


def ingest_and_score(sources: Path, gold: Path, content: Path) -> dict:
    """A fresh `build.py ingest` of `sources`, scored by score.py against `gold`."""
    if not SCORER.is_file() or not gold.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but the scorer {SCORER} or the gold folder {gold} is missing")
        pytest.skip(f"scorer or {gold} not present (they live beside the repository in ../shared)")
    ingest = subprocess.run([sys.executable, "build.py", "ingest", "--sources", str(sources), "--content", str(content),
                             "--quiet"], cwd=REPO, capture_output=True, text=True, timeout=900)
    assert ingest.returncode == 0, f"ingest failed:\n{ingest.stdout[-2000:]}\n{ingest.stderr[-2000:]}"
    run = subprocess.run([sys.executable, str(SCORER), "--content", str(content), "--gold", str(gold), "--json"],
                         cwd=REPO, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, f"score.py failed:\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}"
    data = json.loads(run.stdout)
    return data.get("overall", data)


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict:
    return ingest_and_score(REPO / "sources", GOLD, tmp_path_factory.mktemp("content"))


def test_scorer_reports_every_metric(scores):
    missing = [m for m in THRESHOLDS if m not in scores]
    assert not missing, f"score.py --json gave no {missing}; it gave {sorted(scores)}"


def assert_meets(scores: dict, metric: str, threshold: float, what: str) -> None:
    value = scores.get(metric)
    assert value is not None, f"no {metric} in the scores"
    assert value >= threshold - 1e-9, f"{metric} = {value:.3f}, {what} asks for ≥ {threshold:.3f}"


@pytest.mark.parametrize("metric", list(THRESHOLDS))
def test_sample_score(scores, metric):
    assert_meets(scores, metric, THRESHOLDS[metric], "issue #2")


# issue #3, "Done when", over the five samples -- the figures it already
# meets, kept from slipping (article_exact, title and kicker are not yet met;
# see the README)
SAMPLE_THRESHOLDS_3 = {
    "bcubed_f1": 0.95, "order": 0.95, "subtitle": 0.80, "byline_p": 0.90, "byline_r": 0.90,
    "dedup": 0.80, "province": 0.90, "city": 0.80, "topic": 0.80,
}


@pytest.mark.parametrize("metric", sorted(SAMPLE_THRESHOLDS_3))
def test_sample_score_met_for_reassembly(scores, metric):
    assert_meets(scores, metric, SAMPLE_THRESHOLDS_3[metric], "issue #3")


# issues #2 and #3, "Done when", over ../shared/corpus/rmrb-2020 -- the figures
# they already meet, kept from slipping (kept and article_exact are not among
# them; see the README).
CORPUS = SHARED / "corpus" / "rmrb-2020"
CORPUS_THRESHOLDS = {"bcubed_f1": 0.95, "title": 0.90, "dedup": 0.80, "year": 1.0}


@pytest.fixture(scope="module")
def corpus_scores(tmp_path_factory) -> dict:
    return ingest_and_score(CORPUS / "sources", CORPUS / "gold", tmp_path_factory.mktemp("corpus"))


@pytest.mark.parametrize("metric", sorted(CORPUS_THRESHOLDS))
def test_corpus_score(corpus_scores, metric):
    assert_meets(corpus_scores, metric, CORPUS_THRESHOLDS[metric], "on the corpus, the issues' Done when")
