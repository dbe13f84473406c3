"""What the loader gives every reader (`Data`), and the two kinds of registry entry: a data file
(`DataFile`) and a reader (`Reader`). recsite.load holds the registries (FILES, READERS) and reads
them in turn; a reader takes a `Data` and returns what it made."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from .fields import FileReader


@dataclass(frozen=True)
class DataFile:
    """A file in data/, checked against data/schema/<name>.schema.json before any reader reads it."""

    name: str
    # The list whose records are set aside one by one when they fail the schema, so the others
    # are still checked (an editor sees every problem at once); their ids still count as present.
    records: str | None = None
    # Everything else is checked against this file: when its own reader finds a problem, no other
    # reader reads it (a broken taxonomy would make every record look wrong), and its problems are
    # reported alone.
    vouched: bool = False


class Data:
    """What every reader is given: each file's document (it passed its schema), a FileReader per
    file to place problems in (any file's: a check across files places it where the editor fixes
    it), what the readers before it made, and the ids of records set aside as malformed."""

    def __init__(self, label_dir: str, documents: dict[str, Any], malformed_ids: set[str]):
        self.label_dir = label_dir
        self.documents = documents
        self.malformed_ids = malformed_ids
        self.made: dict[str, Any] = {}
        self.readers: dict[str, FileReader] = {}
        self.turns: set[str] = set()   # the readers that have had their turn (read, or could not)

    def document(self, name: str) -> Any:
        return self.documents[name]

    def label(self, name: str) -> str:
        return f"{self.label_dir}/{name}"

    def reader(self, name: str) -> FileReader:
        if name not in self.readers:
            self.readers[name] = FileReader(self.label(name))
        return self.readers[name]

    def result(self, reader: str, default: Any = None) -> Any:
        """What the reader named `reader` made, or `default` when it could not read (a file it
        needs is broken). Asked before that reader's turn, it would always be `default`: an error."""
        if reader not in self.turns:
            raise LookupError(f"'{reader}' is read after the reader that asks for it: put it earlier in READERS")
        return self.made.get(reader, default)


@dataclass(frozen=True)
class Reader:
    """One step of reading: it reads `file` (and the files it `also` needs, which must all have
    passed their schemas) with `read`, and what it makes is named `name`."""

    name: str
    file: str
    read: Callable[[Data], Any]
    also: tuple[str, ...] = ()
