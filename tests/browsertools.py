"""Shared by the browser and Lighthouse tests: finding the tools, the skip
rule, building the demo site, and serving it on 127.0.0.1.

Skip rule: a test that needs Chromium, Playwright or Lighthouse is skipped when
one is missing, but only outside CI; with CI set (CI=true, as `.ci/run` sets
it) a missing tool fails the test. `.ci/install-browser-tools.sh` installs
them all.
"""
from __future__ import annotations

import contextlib
import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest

PROJECT = Path(__file__).resolve().parent.parent
ARTIFACTS = PROJECT / "test-artifacts"
INSTALL_HINT = "run `bash .ci/install-browser-tools.sh`"

# Flags for Debian's Chromium as root in a sandbox with no network but the
# package registries: without the background-networking ones it keeps trying
# to reach Google's hosts.
CHROME_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing(what: str) -> None:
    """Skip (locally) or fail (under CI) because `what` is not installed."""
    message = f"{what} is missing; {INSTALL_HINT}"
    if in_ci():
        pytest.fail(f"cannot run under CI: {message}", pytrace=False)
    pytest.skip(message)


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROME_PATH"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def need_chromium() -> str:
    path = chromium_path()
    if path is None:
        missing("Chromium (/usr/bin/chromium, Debian package chromium)")
    return path


def build_site(base: Path, base_url: str | None = None) -> Path:
    """Ingest the bundled sample pages and render them, as a user would with
    build.py; returns the site folder under `base`."""
    base.mkdir(parents=True, exist_ok=True)
    if base_url:
        (base / "site.yml").write_text(f"base_url: {base_url}\n", encoding="utf-8")
    build = [sys.executable, str(PROJECT / "build.py"), "--quiet"]
    # cwd=base: render also reads ./site.yml, which must not be the developer's.
    for step in (["ingest", "--sources", str(PROJECT / "sources"), "--content", str(base / "content")],
                 ["render", "--content", str(base / "content"), "--site", str(base / "site")]):
        done = subprocess.run(build + step, cwd=base, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"build.py {step[0]} failed ({done.returncode}):\n{done.stderr}"
    return base / "site"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@contextlib.contextmanager
def serve(site: Path, host: str = "127.0.0.1") -> Iterator[str]:
    """Serve `site` on 127.0.0.1 on a free port; yields the base URL
    (http://HOST:PORT/, HOST naming this machine), stops the server on exit."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
