"""recsite/render.py: data text stays plain text in Markdown headings and HTML, whatever it holds."""

from __future__ import annotations

from recsite.render import former_anchor, markdown_text, plural


def test_markdown_and_html_characters_in_data_stay_text():
    assert markdown_text("Use *this* <b>now</b> & [then](x)") == \
        r"Use \*this\* &lt;b&gt;now&lt;/b&gt; &amp; \[then\]\(x\)"


def test_quotation_marks_are_left_as_they_are_so_heading_ids_do_not_gain_numbers():
    assert markdown_text("Professionals' attitudes") == "Professionals' attitudes"


def test_a_heading_whose_published_id_had_a_number_keeps_an_anchor_with_that_id():
    assert 'id="professionals39-attitudes"' in former_anchor("Professionals' attitudes")
    assert former_anchor("Plain heading") == ""


def test_counts_read_as_words():
    assert plural(1, "recommendation") == "1 recommendation"
    assert plural(3, "recommendation") == "3 recommendations"


def test_the_name_printed_pages_carry_is_the_sites_name_in_mkdocs_yml():
    from pathlib import Path

    from recsite.render import SITE_NAME

    config = (Path(__file__).parents[2] / "mkdocs.yml").read_text(encoding="utf-8")
    assert f"\nsite_name: {SITE_NAME}\n" in f"\n{config}"


def test_compiled_templates_are_kept_once_per_version_not_once_per_copy_of_the_project(tmp_path):
    """The tests and the benchmark build hundreds of copies of the project: the cache of compiled
    templates keeps one file per version of a template, and an edited template is compiled again
    (its output is the edit's, never the old version's)."""
    from jinja2 import Environment, FileSystemLoader

    from recsite.render import CompiledBySource

    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()

    def rendered(folder, text):
        folder.mkdir(exist_ok=True)
        (folder / "page.j2").write_text(text, encoding="utf-8")
        env = Environment(loader=FileSystemLoader(str(folder)), bytecode_cache=CompiledBySource(str(cache_dir)))
        return env.get_template("page.j2").render(name="x")

    assert rendered(tmp_path / "copy-1", "Hello {{ name }}") == "Hello x"
    assert rendered(tmp_path / "copy-2", "Hello {{ name }}") == "Hello x"
    assert len(list(cache_dir.iterdir())) == 1
    assert rendered(tmp_path / "copy-2", "Goodbye {{ name }}") == "Goodbye x"
    assert rendered(tmp_path / "copy-1", "Hello {{ name }}") == "Hello x"
    assert len(list(cache_dir.iterdir())) == 2
