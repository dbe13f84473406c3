"""What a pull request changes for readers: the recommendations it adds, changes and retires,
computed from the data of the base and the head (not from a text diff), as Markdown for the
pull request's job summary (.github/workflows/preview.yml).

    .venv/bin/python scripts/changes_summary.py --base origin/main
    .venv/bin/python scripts/changes_summary.py --base BASE_SHA --artifact-url URL >> "$GITHUB_STEP_SUMMARY"

The base's data is read from git (`git archive BASE data`), the head's from data/ (or --head DIR).
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import _core
from recsite.problems import DataError
from recsite.model import Catalogue, Recommendation
from recsite.load import load_catalogue
from recsite.recordfields import change_labels

# A record's fields a reader sees change, in words (recordfields.FIELDS, `change`). `data_line`
# (where the record is in the file) is not one of them.
FIELD_NAMES = change_labels()


@dataclass
class Changes:
    added: list[Recommendation] = field(default_factory=list)
    changed: list[tuple[Recommendation, list[str]]] = field(default_factory=list)
    retired: list[tuple[str, str]] = field(default_factory=list)   # (id, title)

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.retired)


def compare(base: Catalogue, head: Catalogue) -> Changes:
    """Recommendations in head but not base (added), in both but different (changed, with which
    fields), and in base but retired or gone in head (retired)."""
    before = {rec.id: rec for rec in base.recommendations}
    after = {rec.id: rec for rec in head.recommendations}
    changes = Changes()
    for rec in head.recommendations:
        old = before.get(rec.id)
        if old is None:
            changes.added.append(rec)
            continue
        fields = [FIELD_NAMES.get(f.name, f.name) for f in dataclasses.fields(rec)
                  if f.name != "data_line" and _value(old, f.name) != _value(rec, f.name)]
        if fields:
            changes.changed.append((rec, fields))
    retired_titles = {retired.id: retired.title for retired in head.retired}
    for rec in base.recommendations:
        if rec.id not in after:
            changes.retired.append((rec.id, retired_titles.get(rec.id, rec.title)))
    return changes


def _value(rec: Recommendation, name: str):
    value = getattr(rec, name)
    # A theme or audience counts as changed when it is another one, not when its own record changed.
    return value.id if hasattr(value, "id") and name in ("theme", "audience") else value


def summary(changes: Changes, artifact_url: str | None = None) -> str:
    lines = ["## Site preview", ""]
    if artifact_url:
        lines += [f"The built site: [download it]({artifact_url}) (a zip file). Unzip it into a folder, run "
                  "`python3 -m http.server 8000 --bind 127.0.0.1 -d FOLDER` and open http://127.0.0.1:8000/ "
                  "(the address the preview is built for).", ""]
    lines += ["### What changes for readers", ""]
    if changes.empty:
        lines.append("No recommendation is added, changed or retired.")
    for rec in changes.added:
        lines.append(f"- **Added**: {rec.title} (`{rec.id}`)")
    for rec, fields in changes.changed:
        lines.append(f"- **Changed**: {rec.title} (`{rec.id}`): {', '.join(fields)}")
    for rec_id, title in changes.retired:
        lines.append(f"- **Retired**: {title} (`{rec_id}`)")
    return "\n".join(lines) + "\n"


def base_data(ref: str, into: Path) -> Path:
    """The data/ folder as it is at git `ref`, extracted into `into`."""
    archive = subprocess.run(["git", "archive", "--format=tar", ref, "data"], cwd=_core.ROOT,
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="What a pull request changes for readers, as Markdown.")
    parser.add_argument("--base", required=True, help="the git commit or branch the pull request goes into")
    parser.add_argument("--head", type=Path, default=_core.ROOT / "data", help="the new data folder")
    parser.add_argument("--artifact-url", help="where the built site can be downloaded")
    options = parser.parse_args(argv)
    try:
        head = load_catalogue(options.head)
    except DataError as error:
        print(f"## Site preview\n\nThe data has problems, so there is no preview:\n\n```\n{error.report()}\n```")
        return 1
    with tempfile.TemporaryDirectory() as folder:
        try:
            base = load_catalogue(base_data(options.base, Path(folder)))
        except (DataError, subprocess.CalledProcessError) as error:
            print(f"(The base {options.base} could not be read, so everything counts as added: {error})",
                  file=sys.stderr)
            base = dataclasses.replace(head, recommendations=(), retired=())
    print(summary(compare(base, head), options.artifact_url), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
