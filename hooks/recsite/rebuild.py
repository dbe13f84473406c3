"""Building again only the pages an edit changed, for `mkdocs serve --dirty` (how `dev.py serve`
runs it): an editor who saves a data file sees the edit in under a second, not two.

A rebuild after an edit to one recommendation made all ~90 pages again, though the edit changes six
or seven (its page and the lists that show it). MkDocs' `--dirty` builds only the pages whose file
"is modified", which it decides by comparing file times: wrong for pages made from the data (their
files are new on every build) and for any page whose output depends on more than its own file. So
the core decides instead. A page generated from the data is built again when anything its output
is made from differs from the last build of the same site folder in this process:

- its own part: its Markdown, title, description, edit link, stylesheets, citation tags and links
  (its `PlannedPage`), and the date line at its foot;
- what every page shares: the site's configuration and navigation (every page prints the navigation),
  the list of the site's files (links between pages are resolved against it), the glossary (every
  page links the first use of each term), the templates and the core's own code (the hook imports a
  changed core afresh, which forgets the last build, so the next is whole).

A hand-written page (docs/*.md) is built again when its file, its markers as filled from the data
(`Build.written_for_rebuild`), its date line, or what every page shares changed; one whose markers
cannot be filled (an unknown marker, a snippet that fails) always is, and reading it says why.

What a page that is not built again gave the last build is given again: its entries in the search
index, in their place, and its inline scripts' and styles' hashes for the site's one
Content-Security-Policy (which is written into it again if it changed). A page or file the last
build wrote and this one does not is deleted. A build that fails keeps nothing: the next is whole.
tests/tools/test_rebuild.py holds a partial rebuild after edits to the same bytes as a whole build.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from .shortcodes import MARKER


@dataclass
class _Built:
    """What one page gave a build: what it was made from ('' for a page always built again), its
    search entries, its policy hashes and the file it was written to; `kept`: this build did not
    build it again, and gives again what it gave the last."""

    made_from: str
    entries: list[dict] = field(default_factory=list)
    hashes: tuple[frozenset, frozenset, frozenset] | None = None
    written_to: Path | None = None
    kept: bool = False
    # What the site generator needs of the page again when it does not build it (MkDocs: its
    # anchors and its links to other pages' anchors, which it checks in every build).
    for_generator: Any = None


@dataclass
class _Site:
    """The last build of one site folder in this process that finished."""

    pages: dict[str, _Built]
    files: set[Path]          # every page and file it wrote
    policy: str               # the policy's meta element written into its pages
    contents: dict[str, str]  # the digest of each file it wrote from content (not a page)


# How the process's command was started (the hook sets it from MkDocs' on_startup): only under
# `--dirty` are pages left out of a build.
COMMAND = {"dirty": False}
# The last build of each site folder in this process (`mkdocs serve` builds into one folder).
_LAST: dict[str, _Site] = {}


# Lists of files that do not change while serving (an installed theme's: the hook asks), kept for
# the process under a key the asker gives.
_LISTED: dict[tuple, frozenset[str]] = {}


def listed_once(key: tuple, list_files: Callable[[], Iterable[str]]) -> frozenset[str]:
    """What `list_files()` gave the first time it was asked for under `key` in this process."""
    if key not in _LISTED:
        _LISTED[key] = frozenset(list_files())
    return _LISTED[key]


def _digest(*parts: Any) -> str:
    hashed = hashlib.blake2b(digest_size=16)
    for part in parts:
        if isinstance(part, str):
            part = part.encode("utf-8", "surrogatepass")
        hashed.update(part if isinstance(part, bytes) else repr(part).encode("utf-8", "surrogatepass"))
        hashed.update(b"\0")
    return hashed.hexdigest()


@dataclass
class PartialBuild:
    """One build under `--dirty`: which pages it builds, and what the others gave the last build."""

    site_dir: str
    shared: str = ""                                   # the digest of what every page shares
    pages: dict[str, _Built] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)     # the pages, in the order MkDocs builds them
    files: set[Path] = field(default_factory=set)      # every page and file this build writes
    contents: dict[str, str] = field(default_factory=dict)  # file (not a page) -> its content's digest
    _taken: int = 0                                    # search entries already given to a page

    def __post_init__(self) -> None:
        # Taken, not read: a build that fails leaves nothing for the next, which is then whole.
        self.last = _LAST.pop(self.site_dir, None)

    def share(self, *parts: Any) -> None:
        """What every page's output depends on besides its own part (see the module's comment)."""
        self.shared = _digest(*parts)

    def plan_page(self, path: str, own: Any, content: str) -> None:
        """A page, with its own part, before MkDocs reads it: a generated page's Markdown, or a
        hand-written page's text with its markers filled."""
        # A marker is filled from the data when the page is read: such a page is always built.
        made_from = "" if MARKER.search(content) else _digest(self.shared, own, content)
        self.pages[path] = _Built(made_from)

    def is_modified(self, path: str) -> bool:
        """Whether MkDocs must build the page again (a page not planned here always is)."""
        page = self.pages.setdefault(path, _Built(""))
        before = self.last.pages.get(path) if self.last is not None else None
        if (not page.made_from or before is None or before.made_from != page.made_from
                or before.hashes is None or before.for_generator is None):
            return True
        page.entries, page.hashes, page.written_to, page.kept = before.entries, before.hashes, before.written_to, True
        page.for_generator = before.for_generator
        return False

    def keep_for_generator(self, path: str, value: Any) -> None:
        self.pages.setdefault(path, _Built("")).for_generator = value

    def kept_for_generator(self, path: str) -> Any:
        return self.pages[path].for_generator

    def file_is_modified(self, path: str, content: str | bytes) -> bool:
        """Whether a file made from content (not a page: a download, an embed card, a minified
        script) differs from what the last build wrote: the same is not written again (on this
        machine creating a file costs the kernel about half a millisecond, and there are a hundred).
        For a file copied from a folder, `content` is what says where it comes from (its source
        file's path, time and size)."""
        digest = self.contents[path] = _digest(content)
        return self.last is None or self.last.contents.get(path) != digest

    def take_entries(self, path: str, entries: list[dict]) -> None:
        """The search index's entries, just after a page's were added: those since the last page's."""
        self.pages.setdefault(path, _Built("")).entries = entries[self._taken:]
        self._taken = len(entries)

    def built(self, path: str, hashes: tuple[frozenset, frozenset, frozenset], written_to: Path | None) -> None:
        page = self.pages.setdefault(path, _Built(""))
        page.hashes, page.written_to = hashes, written_to

    def kept(self) -> list[_Built]:
        """The pages this build did not build again."""
        return [page for page in self.pages.values() if page.kept]

    @property
    def last_policy(self) -> str | None:
        return self.last.policy if self.last is not None else None

    def entries(self) -> list[dict]:
        """The whole search index: every page's entries, in the order a whole build adds them."""
        return [entry for path in self.order if path in self.pages for entry in self.pages[path].entries]

    def finish(self, policy: str) -> set[Path]:
        """Once the build has written everything: the files the last build wrote and this one did
        not (to delete); what this build made is kept for the next."""
        stale = set() if self.last is None else self.last.files - self.files
        _LAST[self.site_dir] = _Site(self.pages, self.files, policy, self.contents)
        return stale
