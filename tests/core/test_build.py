"""One build's state (recsite/build.py), driven without MkDocs, and the MkDocs hook that holds none."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from support.project import ROOT
from recsite.build import Build, PageError
from recsite.policy import PROVISIONAL


@pytest.fixture(scope="module")
def build():
    return Build.start(ROOT, "https://example.org/")


def test_a_build_plans_every_page_and_checks_the_data_once(build):
    assert "recommendations/index.md" in build.plan.pages
    assert len(build.catalogue.recommendations) == 48


def test_a_generated_page_goes_through_markdown_and_comes_back_whole(build):
    path = "recommendations/employment-as-the-norm.md"
    markdown = build.markdown(path, build.plan.pages[path].markdown)
    assert "<article" not in markdown  # its HTML blocks are set aside from the converter
    html, ids = build.html(path, markdown)
    assert "<article" in html and "employment-as-the-norm" in ids
    assert 'class="term"' in html  # the first use of a glossary term is explained


def test_a_hand_written_page_gets_its_markers_filled(build):
    html = build.markdown("index.md", "Who:\n\n<!-- recsite:audiences -->\n")
    assert "48 recommendations" in html and "recsite:" not in html


def test_a_generated_page_says_its_title_description_and_where_it_is_edited(build):
    rec = build.catalogue.recommendations[0]
    meta = build.page_meta(f"recommendations/{rec.id}.md", description=None, site_description="The site.",
                           repo_url="https://github.com/o/r")
    assert meta.title == rec.title and meta.description.startswith(rec.title)
    assert meta.edit_url == f"https://github.com/o/r/blob/main/data/recommendations.yaml#L{rec.data_line}"
    assert meta.citation and meta.stylesheets == ()
    index = build.page_meta("themes/index.md", description=None, site_description="The site.", repo_url="")
    assert index.edit_url is None  # no repository address: no edit links
    planner = build.page_meta("planner/index.md", description=None, site_description="", repo_url="")
    assert planner.stylesheets == ("stylesheets/planner-app.css",)


def test_a_hand_written_page_keeps_its_own_description_and_edit_link(build):
    own = build.page_meta("about.md", description="About it.", site_description="The site.", repo_url="https://x/")
    assert (own.title, own.description, own.edit_url) == (None, "About it.", None)
    assert any(name == "citation_title" for name, _ in own.citation)  # the report's page cites the report
    home = build.page_meta("index.md", description=None, site_description="The site.", repo_url="https://x/")
    assert home.description == "The site." and home.citation == ()
    head = build.head("index.md", title="Home", url="https://example.org/", is_home=True, site_name="S",
                      page_url="", in_nav=True)
    assert ("property", "og:description", "The site.") in head.tags and head.navigation is None


def test_a_finished_page_with_a_duplicate_id_is_refused(build):
    build.check("x.md", PROVISIONAL + '<p id="a"></p><p id="b"></p>')
    with pytest.raises(PageError, match=r"x\.md: more than one element has the id 'a'"):
        build.check("x.md", PROVISIONAL + '<p id="a"></p><div id="a"></div>')


def test_a_finished_page_without_the_policy_is_refused(build):
    """A page the theme wrote without the Content-Security-Policy (Material's <meta charset> line
    changed, so overrides/main.html found nowhere to put it) stops the build, saying which page."""
    with pytest.raises(PageError, match=r"x\.md: the page carries the Content-Security-Policy 0 times"):
        build.check("x.md", '<p id="a"></p>')


def test_pages_outside_the_navigation_share_its_html_only_within_one_folder(build):
    """The theme's navigation links are relative to the page's folder: one rendering per folder."""
    first = build.shared_navigation("recommendations/a/", in_nav=False)
    assert first is build.shared_navigation("recommendations/b/", in_nav=False)
    assert first.html is None and first.keep("<nav>") == "<nav>" and first.html == "<nav>"
    assert build.shared_navigation("themes/x/", in_nav=False) is not first
    assert build.shared_navigation("recommendations/b/x/", in_nav=False) is not first
    assert build.shared_navigation("about/", in_nav=True) is None  # marks itself as current: its own


def test_the_hook_keeps_no_state_of_its_own():
    source = (ROOT / "hooks" / "main.py").read_text(encoding="utf-8")
    module_level = [line for line in source.splitlines()
                    if line and not line[0].isspace() and "=" in line.split("#")[0]
                    and not line.startswith(("def ", "from ", "import ", "HOOKS =", "KEY =", "    "))]
    assert module_level == [], module_level


def test_a_rebuild_after_an_edit_to_the_core_runs_the_edited_code(project_copy, tmp_path):
    """What `mkdocs serve` does on a save: load the configuration again and build, in one process."""
    script = textwrap.dedent(f"""
        import os, time
        from pathlib import Path
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        project = Path({str(project_copy)!r})
        def page():
            build(load_config(str(project / "mkdocs.yml"), site_dir={str(tmp_path / "site")!r}))
            return (Path({str(tmp_path / "site")!r}) / "evidence" / "survey" / "index.html").read_text()
        assert "From this research" in page()
        model = project / "hooks" / "recsite" / "model.py"
        model.write_text(model.read_text().replace('"From this research"', '"Found by this research"'))
        os.utime(model, (time.time() + 5, time.time() + 5))
        assert "Found by this research" in page(), "the rebuild ran the old code"
        print("rebuilt with the edit")
    """)
    result = subprocess.run([sys.executable, "-c", script], cwd=project_copy, capture_output=True, text=True,
                            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}, timeout=300)
    assert "rebuilt with the edit" in result.stdout, result.stderr[-2000:]


def test_serve_notices_a_saved_file_within_a_tenth_of_a_second_and_builds_at_once(tmp_path):
    """MkDocs' watcher lists the watched folders every half second; the hook has it look every
    tenth (a data edit's wait under `serve` has a budget of one second), for the folders watched
    before the hook runs (docs/) and after it (data/, hooks/); and MkDocs, which then waited a tenth
    more for other changes, waits a fiftieth. If MkDocs renamed what the hook sets, the hook would
    change nothing, and only this test would say so."""
    import importlib.util

    from mkdocs.livereload import LiveReloadServer

    spec = importlib.util.spec_from_file_location("recsite_hook_under_test", ROOT / "hooks" / "main.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    (tmp_path / "docs").mkdir()
    (tmp_path / "data").mkdir()
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(str(tmp_path / "docs"))
    assert server.build_delay > 0.02  # MkDocs' own, which the hook lowers
    server = hook.on_serve(server, config=None, builder=None)
    assert server.build_delay == 0.02
    server.watch(str(tmp_path / "data"))
    intervals = [emitter.timeout for emitter in server.observer.emitters]
    assert len(intervals) == 2 and max(intervals) <= 0.1, intervals
    server.server_close()


def test_the_data_kept_between_builds_is_read_again_when_its_file_or_schema_changes(tmp_path):
    from recsite.load import load_catalogue
    from recsite.problems import DataError
    from support.project import copy_data

    data = copy_data(tmp_path / "data")
    glossary = data / "glossary.yaml"
    first = load_catalogue(data)
    assert load_catalogue(data).glossary == first.glossary  # kept: the same file
    term = first.glossary[0].term
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(f"term: {term}\n", f"term: {term} edited\n", 1),
                        encoding="utf-8")
    assert load_catalogue(data).glossary[0].term == f"{term} edited"
    # A schema the file's own schema refers to: an id longer than 2 characters is now refused.
    common = data / "schema" / "common.schema.json"
    common.write_text(common.read_text(encoding="utf-8").replace('"maxLength": 60', '"maxLength": 2', 1), encoding="utf-8")
    with pytest.raises(DataError) as refused:
        load_catalogue(data)
    assert any(problem.file.endswith("glossary.yaml") for problem in refused.value.problems)
