"""The pipeline: each build step as one straight-line function."""
from __future__ import annotations

from pathlib import Path


def ingest(sources: Path, content: Path, progress: bool = True) -> int:
    """Raw pages under `sources` become article files under `content`."""
    from .ingest import run_ingest
    return run_ingest(sources, content, progress=progress)


def render(content: Path, site: Path, theme: Path | None, progress: bool = True) -> int:
    """Article files under `content` become the static site under `site`."""
    from .render import render_site
    return render_site(content, site, theme, progress=progress)


def serve(site: Path, port: int) -> int:
    """Preview the built site on localhost."""
    from .serve import serve_site
    return serve_site(site, port)
