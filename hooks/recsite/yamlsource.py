"""Read YAML keeping the line of every mapping and key, so errors can say where they are.

The data files are edited by hand, often in a web editor, so a file may hold anything. Before a
file is turned into Python objects its events are read one by one (no recursion, no expansion) and
it is refused, with the place, if it uses what the data never needs and an attacker would: very
deep nesting, anchors and aliases (the "billion laughs"), merge keys, explicit tags, numbers too long
to read. Keys must be text, and text may not hide control, invisible or direction-changing characters.
Values are read as YAML 1.2 reads them, as editors' tools do (`no` is a word, not false: _PLAIN).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from .problems import DataError, Problem
from .yamlhints import explain

# The deepest the data goes is about eight levels; fifty is generous and still far from the point
# where building nested Python objects would exhaust the stack.
MAX_DEPTH = 50
# The largest data file is about 100 KB; a file this size is a mistake (or worse), not data.
MAX_BYTES = 5_000_000


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
        line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
        key = loader.construct_object(key_node, deep=True) if isinstance(key_node, yaml.ScalarNode) else None
        if not isinstance(key, str):
            what = "a list or mapping" if key is None and not isinstance(key_node, yaml.ScalarNode) else \
                f"'{key_node.value}'" if isinstance(key_node, yaml.ScalarNode) else "this"
            loader.problems.append(Problem(loader.file,
                                           f"{what} cannot be a key (expected a field name, such as `title`)",
                                           line=line,
                                           column=column))
            continue
        if key in mapping:
            loader.problems.append(
                Problem(loader.file,
                        f"duplicate key (first given on line {mapping.key_lines[key]}); "
                        "each key may appear once in a mapping"
                        # The usual cause: a new record whose `- ` was forgotten.
                        + ("; if a new record starts here, begin its first line with `- `" if key == "id" else ""),
                        line=line,
                        column=column,
                        field=str(key))
            )
            continue
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line
        mapping.key_columns[key] = column
    return mapping


try:
    from yaml.cyaml import CParser
except ImportError:  # PyYAML built without libyaml
    _FastLoader = _FastParser = None
else:
    _FastParser = CParser

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

# What a value written without quotes is read as. PyYAML reads YAML 1.1, where `no` is false (a
# country code, an answer), `on` and `yes` true, `010` is 8, `1_000` and `1:30` are numbers and `=`
# is an error; editors' tools (VS Code's YAML extension, GitHub) read YAML 1.2, where all of those
# are text. The data is read the 1.2 way (its core schema), so it means what its editor saw: only
# true/false, decimal numbers and ~/null are anything but text. Numbers in other bases (0x10, 0o10)
# stay text too, and a date (2026-11-22) is the text the editor wrote: the checks read it.
_INTEGER = r"[-+]?[0-9]+"
_FLOAT = r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
_PLAIN = (("tag:yaml.org,2002:bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
          ("tag:yaml.org,2002:int", _INTEGER, "-+0123456789"),
          ("tag:yaml.org,2002:float", _FLOAT, "-+.0123456789"),
          ("tag:yaml.org,2002:null", r"~|null|Null|NULL|", ["~", "n", "N", ""]))
_RESOLVERS: dict = {}
for _tag, _pattern, _firsts in _PLAIN:
    for _first in _firsts:
        _RESOLVERS.setdefault(_first, []).append((_tag, re.compile(rf"^(?:{_pattern})\Z")))
_NUMBER = re.compile(rf"^(?:{_INTEGER}|{_FLOAT})\Z")
# A number longer than this is not a page, a count or a year; past 4,300 digits Python will not
# even turn it into a number (it raises), so it is refused before it is read.
MAX_NUMBER_LENGTH = 40


def _construct_integer(loader: Any, node: yaml.ScalarNode) -> int:
    return int(node.value)  # in decimal: YAML 1.1's `010` is 8, YAML 1.2's (and the editor's) 10


for _loader in filter(None, (_Loader, _FastLoader)):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor("tag:yaml.org,2002:int", _construct_integer)
    _loader.yaml_implicit_resolvers = _RESOLVERS


def _read_text(path: Path, label: str) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DataError([Problem(label,
                                     f"the file is {size:,} bytes (expected at most "
                                     f"{MAX_BYTES:,}: the site's data files are far smaller)")])
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError([Problem(label, "file not found")]) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = len(raw[raw.rfind(b"\n", 0, error.start) + 1:error.start].decode("utf-8", "replace")) + 1
        raise DataError([Problem(label,
                                 f"is not UTF-8 text (byte 0x{raw[error.start]:02x} here: {error.reason}); save "
                                 "the file as UTF-8",
                                 line=line,
                                 column=column)]) from None


def _refuse_unsafe(text: str, label: str, make_parser: Any = None) -> list[Problem]:
    """What the data never uses, found by reading the file's events one at a time, so that neither
    a deeply nested nor an alias-expanding file is ever built in memory."""
    make_parser = make_parser or _FastParser or yaml.SafeLoader
    problems: list[Problem] = []
    refused: set[str] = set()

    def refuse(event: Any, message: str, kind: str) -> None:
        # The first of each kind is enough to find and fix the rest (an alias bomb has thousands).
        if kind not in refused:
            refused.add(kind)
            problems.append(Problem(label, message, line=event.start_mark.line + 1,
                                    column=event.start_mark.column + 1))

    parser = make_parser(text)
    depth = 0
    # For each open mapping, whether its next node is a key (True) or a value (False).
    expecting_key: list[bool | None] = []
    try:
        while parser.check_event():
            event = parser.get_event()
            is_key = bool(expecting_key and expecting_key[-1])
            if expecting_key and expecting_key[-1] is not None and isinstance(
                    event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                expecting_key[-1] = not expecting_key[-1]
            if isinstance(event, yaml.AliasEvent):
                refuse(event, f"alias *{event.anchor} (the site's data uses no anchors or aliases: write the "
                              "value out)", "anchor")
                continue
            if getattr(event, "anchor", None):
                refuse(event, f"anchor &{event.anchor} (the site's data uses no anchors or aliases: write the "
                              "value out)", "anchor")
            if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                implicit = event.implicit if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent) \
                    else any(event.implicit)
                if event.tag and not implicit:
                    refuse(event, f"tag {event.tag} (the site's data uses no tags: remove it)", "tag")
            # A plain << key (libyaml calls plain style "", PyYAML None) merges another mapping in.
            if isinstance(event, yaml.ScalarEvent) and is_key and event.value == "<<" and not event.style:
                refuse(event, "merge key << (the site's data uses no merge keys: write the fields out)", "merge")
            if (isinstance(event, yaml.ScalarEvent) and not event.style and len(event.value) > MAX_NUMBER_LENGTH
                    and _NUMBER.match(event.value)):
                problems.append(Problem(label, f"the number {event.value[:12]}… is {len(event.value):,} characters "
                                               f"long (expected a page, a count or a year: at most "
                                               f"{MAX_NUMBER_LENGTH} characters)",
                                        line=event.start_mark.line + 1, column=event.start_mark.column + 1))
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                expecting_key.append(True if isinstance(event, yaml.MappingStartEvent) else None)
                if depth > MAX_DEPTH:
                    refuse(event, f"nested more than {MAX_DEPTH} levels deep (expected the shape in data/schema/)",
                           "depth")
                    break
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
                expecting_key.pop()
    except yaml.YAMLError:
        if make_parser is not yaml.SafeLoader:
            # libyaml may stop early on what PyYAML's own parser reads event by event: read it so.
            return _refuse_unsafe(text, label, yaml.SafeLoader)
        return problems  # a syntax error: reported, with PyYAML's wording, by the full parse
    finally:
        parser.dispose()
    return problems


# Characters that must not hide in text: controls (NUL, form feed, DEL, C1), lone surrogates,
# direction overrides (which can make text display differently from what it says) and
# zero-width characters (which slip past length and word checks). Tabs and line breaks are fine.
# One pattern, searched in C over every text of every file (a character-by-character loop in
# Python was the data check's slowest part at thousands of records): the control characters
# (Unicode category Cc, less tab and line breaks), surrogates (Cs), then the direction and
# zero-width characters.
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff"
                     "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
                     "\u200b-\u200d\u2060\ufeff\u00ad\u180e]")


def hidden_character(text: str) -> tuple[int, str] | None:
    """The first character of `text` that may not be there, and its name, or None."""
    match = _HIDDEN.search(text)
    if match is None:
        return None
    char = match.group()
    fallback = "a lone surrogate" if unicodedata.category(char) == "Cs" else "a control character"
    return match.start(), f"U+{ord(char):04X} ({unicodedata.name(char, fallback)})"


def _check_characters(data: Any, label: str) -> list[Problem]:
    problems: list[Problem] = []
    stack = [(data, None, None, None)]
    while stack:  # no recursion: the depth is bounded already, but a loop is simpler to trust
        value, line, column, field = stack.pop()
        if isinstance(value, Located):
            for key, item in value.items():
                stack.append((item, value.line_of(key), value.column_of(key), key))
        elif isinstance(value, list):
            stack.extend((item, line, column, field) for item in value)
        elif isinstance(value, str):
            found = hidden_character(value)
            if found:
                index, name = found
                problems.append(Problem(label,
                                        f"contains {name} at character {index + 1} (remove it: expected plain "
                                        "text, without control, invisible or direction-changing characters)",
                                        line=line,
                                        column=column,
                                        field=field))
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))


def load_yaml(path: Path, label: str | None = None) -> Any:
    """Parse one YAML file. `label` is how the file is named in messages (e.g. data/x.yaml)."""
    label = label or str(path)
    text = _read_text(path, label)
    unprintable = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if unprintable:
        # YAML itself refuses these anywhere in a file, comments included; say where, and what.
        at = unprintable.start()
        line, column = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
        char = unprintable.group()
        name = unicodedata.name(char, "a control character")
        raise DataError([Problem(label,
                                 f"contains U+{ord(char):04X} ({name}), which YAML does "
                                 "not allow anywhere in a file (remove it)",
                                 line=line,
                                 column=column)])
    unsafe = _refuse_unsafe(text, label)
    if unsafe:
        raise DataError(unsafe)
    data = _parse(text, label)
    hidden = _check_characters(data, label) + _swallowed_fields(data, text, label)
    if hidden:
        raise DataError(hidden)
    return data


# A key line that starts a block of text: `text: >-`, `plain: |`, with optional chomping or indent.
_BLOCK_START = re.compile(r":\s*[>|][+-]?[1-9]?[+-]?\s*(#.*)?$")
_FIELD_LINE = re.compile(r"^(\s+)([A-Za-z_][A-Za-z0-9_]*):(\s|$)")


def _swallowed_fields(data: Any, text: str, label: str) -> list[Problem]:
    """Fields an editor indented too far under a block of text (`text: >-`), which YAML reads as more
    of the text: the record then quietly lacks the field, and its text gains words. A line inside the
    block that starts like a field the file uses elsewhere (`related: [...]`) is almost always that."""
    lines = text.splitlines()
    mappings = [node for node in _walk(data) if isinstance(node, Located)]
    fields = {key for node in mappings for key in node}
    problems = []
    for node in mappings:
        for key, value in node.items():
            line = node.line_of(key)
            if not isinstance(value, str) or not _BLOCK_START.search(lines[line - 1]):
                continue
            indent = node.column_of(key) - 1
            for number in range(line + 1, len(lines) + 1):
                content = lines[number - 1]
                if content.strip() and len(content) - len(content.lstrip()) <= indent:
                    break  # the block has ended
                swallowed = _FIELD_LINE.match(content)
                if swallowed and swallowed[2] in fields:
                    name = swallowed[2]
                    problems.append(Problem(
                        label,
                        f"this line (`{content.strip()}`) is indented further than `{key}:` on line {line}, "
                        f"so it was read as part of `{key}`, not as the field `{name}` (move it left to line up "
                        f"with `{key}:`; if the words belong to `{key}`, wrap them so that no line starts "
                        f"with `{name}:`)",
                        line=number, column=len(swallowed[1]) + 1,
                        record=node.get("id") if isinstance(node.get("id"), str) else None, field=key))
    return problems


def _walk(data: Any):
    """Every value in `data`, depth first, without recursion."""
    stack = [data]
    while stack:
        value = stack.pop()
        yield value
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)


def _parse(text: str, label: str) -> Any:
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
        context_line = error.context_mark.line + 1 if error.context_mark else None
        hint = explain(what, error.context, line, column, text, context_line) if line else None
        if hint is not None:
            raise DataError([Problem(label, f"YAML syntax error: {hint.message}", line=hint.line,
                                     column=hint.column)]) from None
        if error.context:
            what = f"{error.context}, {what}"
        if "\t" in what or "'\\t'" in what:
            what += " (indent with spaces, not tabs)"
        raise DataError([Problem(label, f"YAML syntax error: {what}", line=line, column=column)]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(label, f"YAML error: {error}")]) from None
    except RecursionError:  # a safety net: _refuse_unsafe has refused deep nesting already
        raise DataError([Problem(label, "nested too deeply to read (expected the shape in data/schema/)")]) from None
    finally:
        loader.dispose()
    if loader.problems:
        raise DataError(loader.problems)
    return data
