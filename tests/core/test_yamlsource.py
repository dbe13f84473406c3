"""recsite/yamlsource.py: the fast parser (libyaml) reads what PyYAML reads, at the same places.
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
