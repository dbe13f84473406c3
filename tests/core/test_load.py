"""Bad data is rejected with every problem listed as file:line:column: id: field: what was expected.

Most single mistakes are in the corpus (tests/bad_data/, run by tools/test_bad_data.py); these tests cover
how problems combine and the checks across files."""

from __future__ import annotations

import re

import pytest

from support.datacopies import RECS, broken, line_of, problems
from support.project import DATA
from recsite import fixedids
from recsite.problems import DataError
from recsite.load import DATA_FILES, READERS, load_catalogue, read_all
from recsite.read.data import Data, DataFile, Reader

FIRST = """  - id: employment-as-the-norm
    title: Use every opportunity to promote employment as the norm
    text: Use every opportunity to promote employment as the norm for disabled people
    theme: encouraging-demand
    audience: national-organisations
    key: true
    source: {section: A3.1.1, page: 53}
    section7: {section: 7.1.1, page: 36}
"""


def test_record_id_may_not_take_a_page_anchor(tmp_path):
    """Reading claims the id; the check after planning (recsite/fixedids.py) refuses it, at its place."""
    data = broken(tmp_path, "  - id: employment-as-the-norm\n", "  - id: barrier\n")
    register = data / "published.yaml"
    register.write_text(register.read_text(encoding="utf-8").replace("  - employment-as-the-norm\n", "  - barrier\n", 1),
                        encoding="utf-8")
    found = fixedids.problems(load_catalogue(data))
    assert [str(problem) for problem in found] == [
        f"data/{RECS}:{line_of(data, '  - id: barrier')}:5: barrier: id: 'barrier' is already the id the site's "
        "pages give one of their own elements (hooks/templates/): a link to #barrier would lead to two places; "
        "choose another id"]


def test_every_problem_is_reported_at_once_across_records_and_files(tmp_path):
    data = broken(tmp_path, FIRST, FIRST.replace("audience: national-organisations", "audience: nationals"))
    second = "    title: Continue to promote and publish employment outcome measures\n"
    text = (data / RECS).read_text(encoding="utf-8").replace(second, "    title: [Publish]\n")
    (data / RECS).write_text(text, encoding="utf-8")
    evidence = (data / "evidence.yaml").read_text(encoding="utf-8")
    (data / "evidence.yaml").write_text(evidence.replace("refs: [7]", "refs: [70]"), encoding="utf-8")
    found = problems(data)
    assert [m.split(": ")[1:3] for m in found] == [
        ["employment-as-the-norm", "audience"],        # a check across files, in a well-formed record
        ["publish-outcome-measures", "title"],         # a schema problem in another record
        ["employment-gap", "refs"],                    # and a problem in another file
    ]


def test_problems_give_line_and_column(tmp_path):
    data = broken(tmp_path, FIRST, FIRST.replace("page: 53}", "page: 0}"))
    (message,) = problems(data)
    assert message.startswith(f"data/{RECS}:{line_of(data, 'page: 0}')}:31: employment-as-the-norm: source.page:")


def test_section_7_place_must_match_theme_and_audience(tmp_path):
    data = broken(tmp_path, FIRST, FIRST.replace("section7: {section: 7.1.1", "section7: {section: 7.2.1"))
    (message,) = problems(data)
    assert message.endswith("employment-as-the-norm: section7.section: section '7.2.1' is not where Section 7 "
                            "lists this theme and audience (expected: 7.1.1)")


def test_taxonomy_problems_name_the_taxonomy_file_and_come_alone(tmp_path):
    data = broken(tmp_path, "    subsection: 2\n", "    subsection: 3\n", file="taxonomy.yaml")
    (message,) = problems(data)
    assert re.fullmatch(r"data/taxonomy\.yaml:\d+:5: individuals-and-families: subsection: "
                        r"3 is already the subsection of 'local-authorities-and-providers'", message)


def test_the_error_report_counts_the_problems(tmp_path):
    data = broken(tmp_path, FIRST, FIRST.replace("key: true", "key: 1"))
    with pytest.raises(DataError) as caught:
        load_catalogue(data)
    assert str(caught.value).startswith("The site data has 1 problem:\n  data/recommendations.yaml:")


def test_the_core_recommendations_lead_in_footnote_may_be_left_out(tmp_path):
    """It is optional in the schema: data without it loads (it once raised a KeyError)."""
    data = broken(tmp_path, """  lead_in_footnote:
    footnote: 36
    page: 35
    text: "NDTi (2014), The Cost Effectiveness of Employment Support for People with Disabilities"
    url: "http://www.ndti.org.uk/major-projects/current/employment-support-for-disabled-people1/"
""", "", file="report.yaml")
    assert load_catalogue(data).core.lead_in_refs == ()


# --- The registry of readers (recsite.load.READERS) ----------------------------------------------


def _registry_run(documents: set[str], readers, files=(DataFile("a.yaml", vouched=True), DataFile("b.yaml"))):
    data = Data("data", {name: {} for name in documents}, set())
    read_all(data, readers, files)
    return data


def _flag(name, file):
    """A reader that makes its name, and a problem in its file when the file is called bad."""
    def read(data):
        if "bad" in file:
            data.reader(file).problems.append("wrong")
        return name
    return read


def test_a_reader_reads_only_when_every_file_it_needs_passed_its_schema():
    readers = (Reader("a", "a.yaml", _flag("a", "a.yaml")), Reader("b", "b.yaml", _flag("b", "b.yaml"), also=("a.yaml",)),
               Reader("c", "c.yaml", _flag("c", "c.yaml")))
    assert _registry_run({"a.yaml", "b.yaml", "c.yaml"}, readers).made == {"a": "a", "b": "b", "c": "c"}
    assert _registry_run({"b.yaml", "c.yaml"}, readers).made == {"c": "c"}   # a.yaml broken: b is not read


def test_a_vouched_file_with_problems_of_its_own_is_not_read_by_others():
    """The taxonomy: every record is checked against it, so a wrong one is reported alone."""
    readers = (Reader("a", "bad-a.yaml", _flag("a", "bad-a.yaml")),
               Reader("b", "b.yaml", _flag("b", "b.yaml"), also=("bad-a.yaml",)))
    vouched = (DataFile("bad-a.yaml", vouched=True), DataFile("b.yaml"))
    assert _registry_run({"bad-a.yaml", "b.yaml"}, readers, vouched).made == {"a": "a"}
    not_vouched = (DataFile("bad-a.yaml"), DataFile("b.yaml"))
    assert _registry_run({"bad-a.yaml", "b.yaml"}, readers, not_vouched).made == {"a": "a", "b": "b"}


def test_a_reader_that_asks_for_a_later_readers_result_is_refused():
    """Otherwise it would silently get the default (no recommendation ids, say) and check nothing."""
    readers = (Reader("b", "b.yaml", lambda data: data.result("a", [])), Reader("a", "a.yaml", _flag("a", "a.yaml")))
    with pytest.raises(LookupError, match="'a' is read after the reader that asks for it"):
        _registry_run({"a.yaml", "b.yaml"}, readers)


def test_the_real_registry_reads_every_file_and_in_a_working_order():
    assert {reader.file for reader in READERS} == set(DATA_FILES)
    names = [reader.name for reader in READERS]
    assert len(names) == len(set(names))


def test_a_line_break_in_a_one_line_text_never_reaches_the_pages(tmp_path):
    """A publisher written over two lines went into every recommendation's citation, on its page and
    in the downloads, with the line break in it. Every text is read as one line of words."""
    data = broken(tmp_path, "  publisher: National Development Team for Inclusion (NDTi)\n  place: Bath\n",
                  '  publisher: "National Development Team\\nfor Inclusion (NDTi)"\n  place: "Bath\\n"\n', "report.yaml")
    glossary = data / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("also: [PBs]", 'also: ["PBs\\n"]', 1),
                        encoding="utf-8")
    catalogue = load_catalogue(data)
    assert catalogue.report.citation().endswith(" Bath: National Development Team for Inclusion (NDTi).")
    assert "PBs" in next(term for term in catalogue.glossary if term.id == "personal-budget").also


def test_a_value_with_a_line_break_is_named_on_the_problem_s_one_line(tmp_path):
    # One problem is one line (and one annotation on a pull request's line): the line break is shown, not made.
    data = broken(tmp_path, FIRST, FIRST.replace("theme: encouraging-demand", 'theme: "encouraging-demand\\n"'))
    found = [message for message in problems(data) if "theme:" in message]
    line = line_of(data, '"encouraging-demand')
    assert found == [f"data/recommendations.yaml:{line}:5: employment-as-the-norm: "
                     "theme: unknown theme 'encouraging-demand\\n' (allowed: encouraging-demand, "
                     "professional-engagement, personal-budget-process, evidence-based-support)"]


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_page_range_in_the_data_is_checked(monkeypatch, name):
    """Every place whose `to_page` comes before its `page` is refused at its line, wherever in the data
    it is: a recommendation's source or the core recommendation's printed "pages 53–52"."""
    from recsite import load, yamlsource

    backwards = []

    def read(path, label=None):
        document = yamlsource.load_yaml(path, label)
        if path.name == name:
            stack = [document]
            while stack:
                node = stack.pop()
                if isinstance(node, dict):
                    if isinstance(node.get("to_page"), int) and node["page"] > 1:
                        node["to_page"] = node["page"] - 1
                        backwards.append((label, node.line_of("to_page")))
                    stack.extend(node.values())
                elif isinstance(node, list):
                    stack.extend(node)
        return document

    monkeypatch.setattr(load, "load_yaml", read)
    # The loader keeps what it read by content (load._kept): the real files would come from there,
    # unread, and the changed documents must not be kept for the next test.
    monkeypatch.setattr(load, "_KEPT", type(load._KEPT)())
    try:
        load_catalogue(DATA)
        found = []
    except DataError as error:
        found = [(p.file, p.line) for p in error.problems if "comes before page" in p.message]
    assert sorted(found) == sorted(backwards)
