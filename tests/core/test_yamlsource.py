"""recsite/yamlsource.py: the fast parser (libyaml) reads what PyYAML reads, at the same places, and
values mean what editors' tools show them as (YAML 1.2).
(What it refuses, and where it says so, is in tools/test_hostile.py and the corpus in bad_data/.)"""

from __future__ import annotations

import pytest

from support.project import DATA
from recsite.load import DATA_FILES


@pytest.mark.parametrize("name", DATA_FILES)
def test_fast_yaml_parser_reads_the_same_values_and_lines_as_pyyaml(name):
    # The data is read with libyaml for speed; editors' messages must still point at the same
    # lines and columns as PyYAML's own parser would give.
    from recsite import yamlsource
    if yamlsource._FastLoader is None:
        pytest.skip("PyYAML has no libyaml here")
    text = (DATA / name).read_text(encoding="utf-8")

    def read(loader_class):
        loader = loader_class(text, name)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()

    def places(node):
        if isinstance(node, dict):
            yield (node.line, node.column, sorted(node.key_lines.items()), sorted(node.key_columns.items()))
            for value in node.values():
                yield from places(value)
        elif isinstance(node, list):
            for value in node:
                yield from places(value)

    fast, slow = read(yamlsource._FastLoader), read(yamlsource._Loader)
    assert fast == slow
    assert list(places(fast)) == list(places(slow))


@pytest.mark.parametrize("written, meant", [
    ("no", "no"), ("Yes", "Yes"), ("on", "on"), ("OFF", "OFF"),   # YAML 1.1: false, true, true, false
    ("=", "="),                                                  # YAML 1.1: an error
    ("010", 10), ("1_000", "1_000"), ("1:30", "1:30"),            # YAML 1.1: 8, 1000, 90
    ("0x10", "0x10"), ("0o10", "0o10"),                          # not decimal: text, the schema refuses
    ("2026-11-22", "2026-11-22"),                                # a date stays as written
    ("true", True), ("False", False), ("~", None), ("null", None), ("", None),
    ("53", 53), ("-1", -1), ("53.0", 53.0), ("1e3", 1000.0), ("-.inf", float("-inf")),
])
def test_a_value_without_quotes_means_what_editors_tools_show(tmp_path, written, meant):
    """Editors' tools (VS Code's YAML extension, GitHub) read YAML 1.2; PyYAML reads YAML 1.1, where
    a country code `no` is false and page `010` is 8. The site reads what the editor saw."""
    from recsite.yamlsource import load_yaml
    path = tmp_path / "x.yaml"
    path.write_text(f"value: {written}\n", encoding="utf-8")
    value = load_yaml(path)["value"]
    assert (type(value), value) == (type(meant), meant)


def test_a_number_too_long_to_read_is_refused_at_its_place(tmp_path):
    # Python will not turn more than 4,300 digits into a number: reading it raised, a traceback.
    from recsite.problems import DataError
    from recsite.yamlsource import load_yaml
    path = tmp_path / "x.yaml"
    path.write_text("title: x\npage: 1" + "0" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_yaml(path, "data/x.yaml")
    assert [str(problem) for problem in caught.value.problems] == [
        "data/x.yaml:2:7: the number 100000000000… is 5,001 characters long (expected a page, a count or a "
        "year: at most 40 characters)"]
