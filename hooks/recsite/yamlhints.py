"""PyYAML's syntax errors in words an editor understands, pointing at the line they got wrong.

PyYAML says what its parser expected ("expected <block end>, but found '<block mapping start>'",
"mapping values are not allowed here"), which only a YAML implementer can read, and often at a
place after the mistake (an unclosed quote is reported where the next quote happens to be). Each
rule here recognises one mistake editors make from the error and the lines around it, and says
what happened and how to fix it. An error no rule recognises keeps PyYAML's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_KEY = re.compile(r"^(\s*)(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*):(\s|$)")


@dataclass(frozen=True)
class Hint:
    message: str
    line: int      # from 1
    column: int    # from 1


def explain(problem: str, context: str | None, line: int, column: int, text: str,
            context_line: int | None = None) -> Hint | None:
    """A hint for PyYAML's `problem` at (line, column), from 1, in `text`, and its `context` (what it
    was reading, from `context_line`); or None."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    for rule in (_unclosed_quote, _colon_in_value, _indented_further, _indented_between, _text_outside_block):
        hint = rule(problem, context or "", context_line or line, line, column, lines)
        if hint is not None:
            return hint
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _previous(lines: list[str], line: int) -> int | None:
    """The number of the last line before `line` that holds something other than a comment."""
    for number in range(line - 1, 0, -1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return None


def _open_quote(line: str) -> int | None:
    """Where a double or single quote opened on this line is left unclosed, or None."""
    match = _KEY.match(line)
    value = line[match.end():] if match else line.lstrip(" -")
    start = len(line) - len(value)
    stripped = value.lstrip()
    if not stripped or stripped[0] not in "\"'":
        return None
    quote, body = stripped[0], stripped[1:]
    closed = (re.search(r'(?<!\\)"', body) if quote == '"' else re.search(r"'(?!')", body.replace("''", "")))
    return None if closed else start + (len(value) - len(stripped))


def _unclosed_quote(problem, context, context_line, line, column, lines) -> Hint | None:
    # A quote left open runs on to the next quote in the file; the error comes where that one ends.
    if "found '<scalar>'" not in problem and "found unexpected end of stream" not in problem \
            and "could not find expected ':'" not in problem:
        return None
    for number in range(line, 0, -1):
        at = _open_quote(lines[number - 1])
        if at is not None and (number < line or "end of stream" in problem):
            return Hint(f"the quote opened here is not closed on this line, so YAML read on to the next quote "
                        f"(line {line}) as one value: end the value with the same quote mark on this line",
                        number, at + 1)
    return None


def _colon_in_value(problem, context, context_line, line, column, lines) -> Hint | None:
    if problem != "mapping values are not allowed here":
        return None
    text = lines[line - 1]
    key = _KEY.match(text)
    if not key or column - 1 <= key.end() - 1:
        return None
    return Hint(f"the value of `{key[2]}` contains “: ” (a colon and a space), which YAML reads as the start "
                f"of another field: put the whole value in double quotes, `{key[2]}: \"…\"`", line, column)


def _indented_further(problem, context, context_line, line, column, lines) -> Hint | None:
    # `theme: x` then `  audience: y` indented further: YAML reads the second line as more of the value.
    if problem != "mapping values are not allowed here":
        return None
    above = _previous(lines, line)
    if above is None or _indent(lines[line - 1]) <= _indent(lines[above - 1]):
        return None
    key, name = _KEY.match(lines[above - 1]), _KEY.match(lines[line - 1])
    if not key or not name:
        return None
    return Hint(f"this line is indented further than `{key[2]}:` on line {above}, so it was read as part of "
                f"`{key[2]}`'s value: line `{name[2]}:` up with `{key[2]}:`", line, _indent(lines[line - 1]) + 1)


def _indented_between(problem, context, context_line, line, column, lines) -> Hint | None:
    # A field indented less than the fields above it, but more than the mapping around them.
    if "expected <block end>" not in problem or "<block mapping start>" not in problem:
        return None
    above = _previous(lines, line)
    name = _KEY.match(lines[line - 1])
    if above is None or not name:
        return None
    key = _KEY.match(lines[above - 1])
    what = f"`{key[2]}:` on line {above}" if key else f"line {above}"
    return Hint(f"this line is indented by {_indent(lines[line - 1])} spaces, which lines it up with no field "
                f"around it ({what} is indented by {_indent(lines[above - 1])}): line `{name[2]}:` up with the "
                "other fields of its record", line, _indent(lines[line - 1]) + 1)


def _text_outside_block(problem, context, context_line, line, column, lines) -> Hint | None:
    # Words wrapped onto a line indented less than the block of text they continue. PyYAML reports
    # the line after; the line it was reading (`context_line`) is the one without a colon.
    if "could not find expected ':'" not in problem:
        return None
    line = context_line
    text = lines[line - 1]
    if _KEY.match(text):
        return None
    above = _previous(lines, line)
    hint = (f" if it continues the text above (line {above}), indent it as far as that line" if above else "")
    return Hint(f"this line is not a field (`name: value`) and is not indented under one, so YAML cannot read "
                f"it:{hint}; otherwise write it as `name: value`", line, _indent(text) + 1)
