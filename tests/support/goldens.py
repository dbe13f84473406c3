"""Golden files (tests/golden/): a file the site writes, kept as it was, so a change to it is seen.

`pytest --update-goldens` writes the new file over the golden one (mkdocs-gen-files' switch); the
diff then shows a reviewer exactly what changed for readers of the file. Without it, a difference
fails the test with that advice.
"""

from __future__ import annotations

import difflib
from support.project import ROOT

GOLDEN = ROOT / "tests" / "golden"
UPDATE = "--update-goldens"


def check(name: str, actual: str, update: bool) -> None:
    """`actual` is the golden file `name`, byte for byte (or, with --update-goldens, becomes it)."""
    path = GOLDEN / name
    if update:
        path.write_bytes(actual.encode("utf-8"))
        return
    assert path.exists(), f"no golden file tests/golden/{name}: run the test with {UPDATE} to write it"
    expected = path.read_bytes().decode("utf-8")
    if actual != expected:
        diff = "".join(list(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                                 f"tests/golden/{name}", "now", n=1))[:60])
        raise AssertionError(f"tests/golden/{name} differs from what the site writes now. If the change is "
                             f"meant (data edited, a field added at the end), run the test with {UPDATE} "
                             f"and commit the new golden file.\n{diff}")


def field_names(record: dict, prefix: str = "") -> list[str]:
    """Every field of a JSON record in order, nested ones as a.b (what the download contracts pin)."""
    names = []
    for name, inner in record.items():
        names.append(prefix + name)
        if isinstance(inner, dict):
            names += field_names(inner, f"{prefix}{name}.")
    return names
