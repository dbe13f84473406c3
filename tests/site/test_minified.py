"""The site's own scripts and stylesheets are served minified (recsite/minify.py): what is served is
the source without its comments and spaces, still a valid module, and much smaller. What they do is
checked by the browser tests, which all run on the minified files."""

from __future__ import annotations

import gzip
import subprocess

import pytest

from support.node import node
from support.project import ROOT
from recsite.minify import minified, minifies

SOURCES = sorted(path.relative_to(ROOT / "docs").as_posix() for folder in ("javascripts", "stylesheets")
                 for path in (ROOT / "docs" / folder).rglob("*") if path.suffix in (".js", ".css"))


def test_every_script_and_stylesheet_of_ours_is_served_minified(site):
    assert len(SOURCES) > 20 and all(minifies(path) for path in SOURCES)
    for path in SOURCES:
        source = (ROOT / "docs" / path).read_text(encoding="utf-8")
        served = (site.root / path).read_text(encoding="utf-8")
        assert served == minified(path, source), path
        assert "/*" not in served or path.endswith(".js"), f"{path}: a comment is served"
    # Not Material's own (minified already), nor anything outside our two folders.
    assert not minifies("assets/javascripts/bundle.js") and not minifies("reuse.md")


@pytest.mark.parametrize("path", [path for path in SOURCES if path.endswith(".js")])
def test_each_minified_script_is_still_a_valid_module(path, tmp_path):
    module = tmp_path / (path.replace("/", "_") + ".mjs")
    module.write_text(minified(path, (ROOT / "docs" / path).read_text(encoding="utf-8")), encoding="utf-8")
    checked = subprocess.run([node("the minified scripts cannot be checked"), "--check", str(module)],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


def test_minifying_halves_what_a_reader_downloads_of_ours():
    source = sum(len(gzip.compress((ROOT / "docs" / path).read_bytes(), 9)) for path in SOURCES)
    served = sum(len(gzip.compress(minified(path, (ROOT / "docs" / path).read_text(encoding="utf-8")).encode(), 9))
                 for path in SOURCES)
    assert served < source * 0.7, (source, served)
