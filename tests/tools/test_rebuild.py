"""What `mkdocs serve` shows after an editor saves data/: the edit, on every page that shows it.

`dev.py serve` runs `mkdocs serve --dirty`: after an edit, only the pages it changed are built again
(hooks/recsite/rebuild.py). What it serves must be what a whole build makes, to the byte: each
edit below is built both ways, in one process as `mkdocs serve` does (so the whole builds are a
plain `mkdocs serve`'s rebuilds, in which the core keeps what it read of the unchanged files), and
every file compared; and the edit must show, and a broken file be refused, naming it."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.early

# The edits, in turn: (name, data file, text, replacement). A recommendation's title changes its
# page and the lists that show it; a glossary definition, every page (each links its terms); the
# report's words on what its recommendations are about, the hand-written page that quotes them
# (about.md) and the lists that print them; a broken file is refused, and its mending builds what
# changed since the last build that was made.
EDITS = [
    ("title", "recommendations.yaml", "title: Use every opportunity to promote employment as the norm",
     "title: Promote employment as the norm, edited"),
    ("glossary", "glossary.yaml", "definition: >-\n", "definition: >-\n      Edited. "),
    ("scope", "report.yaml", "These recommendations are primarily", "These recommendations, edited, are primarily"),
    ("broken", "recommendations.yaml", "key: true", "key: maybe"),
    ("mended", "recommendations.yaml", "key: maybe", "key: true"),
    ("nothing", "recommendations.yaml", "", ""),
]

SCRIPT = """
import json, logging, sys
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

logging.basicConfig()  # MkDocs logs why a build failed
project = Path(sys.argv[1])
served, whole = project / "served", project / "whole"

def built(site, dirty):
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=dirty)   # as `mkdocs serve --dirty` starts
    try:
        build(config, dirty=dirty)
        return True
    except (Abort, PluginError) as error:
        print("refused:", error, file=sys.stderr)
        return False

def files(site):
    return {str(p.relative_to(site)): p.read_bytes() for p in site.rglob("*") if p.is_file()}

def rebuilt():
    import recsite.rebuild
    site = recsite.rebuild._LAST.get(str(served))
    return None if site is None else sorted(path for path, page in site.pages.items() if not page.kept)

built(served, True)
report = []
for name, file, old, new in json.loads(sys.argv[2]):
    path = project / "data" / file
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    ok = built(served, True)
    pages = rebuilt()
    if ok:
        assert built(whole, False), name
        a, b = files(served), files(whole)
        differ = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
    else:
        differ = None
    shown = [(site / "recommendations" / "employment-as-the-norm" / "index.html").read_text(encoding="utf-8")
             for site in (served, whole)] + [(whole / "recommendations" / "index.html").read_text(encoding="utf-8")]
    report.append({"edit": name, "built": ok, "pages_built": pages, "differ": differ,
                   "title_shown": all("Promote employment as the norm, edited" in page for page in shown)})

# The project's theme folder: a file added is published by the next rebuild (the installed theme's
# files are listed once while serving, the project's every time); a file that replaces the theme's
# own, then deleted, gives way to the theme's again, though that is older than the copy served.
overrides = project / "overrides"
favicon = overrides / "assets" / "images" / "favicon.png"
def replace_favicon():
    favicon.parent.mkdir(parents=True, exist_ok=True)
    favicon.write_bytes(b"an editor's icon")
for name, change in (("theme file", lambda: (overrides / "added-by-an-editor.txt").write_text("added", encoding="utf-8")),
                     ("theme file replaced", replace_favicon), ("theme file restored", favicon.unlink)):
    change()
    ok = built(served, True) and built(whole, False)
    a, b = files(served), files(whole)
    report.append({"edit": name, "built": ok, "pages_built": rebuilt(), "title_shown": True,
                   "differ": sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k)),
                   "published": a.get("added-by-an-editor.txt") == b"added",
                   "icon": a.get("assets/images/favicon.png") == b"an editor's icon"})
print(json.dumps(report))
"""


def test_serve_builds_again_only_what_an_edit_changed_and_serves_what_a_whole_build_makes(project_copy):
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(SCRIPT), str(project_copy), json.dumps(EDITS)],
                            cwd=project_copy, capture_output=True, text=True, timeout=600,
                            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-3000:]
    report = {step["edit"]: step for step in json.loads(result.stdout.splitlines()[-1])}
    for name in ("title", "glossary", "scope", "mended", "nothing", "theme file", "theme file replaced",
                 "theme file restored"):
        assert report[name]["built"] and report[name]["differ"] == [], report[name]
    assert report["theme file"]["published"]
    assert report["theme file replaced"]["icon"] and not report["theme file restored"]["icon"]
    assert all(report[name]["title_shown"] for name in ("title", "glossary", "mended", "nothing"))
    assert not report["broken"]["built"] and "data/recommendations.yaml" in result.stderr  # names the file
    pages = (project_copy / "whole" / "sitemap.xml").read_text(encoding="utf-8").count("<loc>")
    # A title edit builds its page and the lists that show it, and of the hand-written pages only
    # the one whose markers show the records' version (reuse.md); a glossary edit, every page; a
    # scope edit, the page about the report that quotes it. The build after the refused edit
    # builds what changed since the last one that was built (the refused data stopped its build
    # before any page was written), here nothing but the 404 page; so does a rebuild with nothing
    # changed.
    built = {name: step["pages_built"] for name, step in report.items()}
    assert 5 <= len(built["title"]) <= 25, built["title"]
    assert "recommendations/employment-as-the-norm.md" in built["title"] and "reuse.md" in built["title"]
    assert "about.md" not in built["title"] and "index.md" not in built["title"], built["title"]
    assert len(built["glossary"]) >= pages
    assert "about.md" in built["scope"] and "index.md" not in built["scope"], built["scope"]
    assert len(built["mended"]) <= 2 and len(built["nothing"]) <= 2, (built["mended"], built["nothing"])
