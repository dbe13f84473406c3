"""Read YAML keeping the line of every mapping and key, so errors can say where they are."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, Problem


class Located(dict):
    """A YAML mapping that remembers where it starts and where each key is (line and column, from 1)."""

    line: int
    column: int
    key_lines: dict[str, int]
    key_columns: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)

    def column_of(self, key: str) -> int:
        return self.key_columns.get(key, self.column)


class _Loader(yaml.SafeLoader):
    """SafeLoader that builds `Located` mappings and refuses duplicate keys.

    PyYAML silently keeps the last of two equal keys, so an editor's accidental second `text:`
    would quietly replace the first; we report it instead.
    """

    def __init__(self, stream, file: str):
        super().__init__(stream)
        self.file = file
        self.problems: list[Problem] = []


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    mapping = Located()
    mapping.line = node.start_mark.line + 1
    mapping.column = node.start_mark.column + 1
    mapping.key_lines = {}
    mapping.key_columns = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
        if key in mapping:
            loader.problems.append(
                Problem(loader.file, line, None, str(key),
                        f"duplicate key (first given on line {mapping.key_lines[key]}); "
                        "each key may appear once in a mapping", column)
            )
            continue
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line
        mapping.key_columns[key] = column
    return mapping


try:
    from yaml.cyaml import CParser
except ImportError:  # PyYAML built without libyaml
    _FastLoader = None
else:
    class _FastLoader(CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        """The same loader on libyaml's parser, about ten times faster than PyYAML's own (it
        matters with thousands of records). Syntax errors are parsed again by `_Loader`, whose
        messages editors know."""

        def __init__(self, stream, file: str):
            CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
            self.file = file
            self.problems: list[Problem] = []

# Keep dates as the text the editor wrote (2026-11-22); the schema and checks read them as text.
_RESOLVERS = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _loader in filter(None, (_Loader, _FastLoader)):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.yaml_implicit_resolvers = _RESOLVERS


def load_yaml(path: Path, label: str | None = None) -> Any:
    """Parse one YAML file. `label` is how the file is named in messages (e.g. data/x.yaml)."""
    label = label or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([Problem(label, None, None, None, "file not found")]) from None
    except UnicodeDecodeError as error:
        raise DataError([Problem(label, None, None, None,
                                 f"is not UTF-8 text ({error.reason} at byte {error.start})")]) from None
    if _FastLoader is not None:
        loader = _FastLoader(text, label)
        try:
            data = loader.get_single_data()
            if not loader.problems:
                return data
        except yaml.YAMLError:
            pass  # parsed again below, for PyYAML's wording of the error
        finally:
            loader.dispose()
    loader = _Loader(text, label)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        what = error.problem or "invalid YAML"
        if error.context:
            what = f"{error.context}, {what}"
        if "\t" in what or "'\\t'" in what:
            what += " (indent with spaces, not tabs)"
        raise DataError([Problem(label, line, None, None, f"YAML syntax error: {what}", column)]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(label, None, None, None, f"YAML error: {error}")]) from None
    finally:
        loader.dispose()
    if loader.problems:
        raise DataError(loader.problems)
    return data
