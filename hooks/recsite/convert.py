"""A page's Markdown made into its content's HTML without MkDocs: the HTML MkDocs puts in
page.content, which the theme prints inside its <article>.

For another site generator, and to check that what readers see does not depend on MkDocs
(tests/tools/test_build_errors.py compares every page with MkDocs' own). The steps are MkDocs 1.6's
(mkdocs/structure/pages.py, Page.render), done with Python-Markdown only:

- the YAML front matter is taken off (MkDocs' mkdocs/utils/meta.py rule);
- `Build.markdown` fills the markers and sets a generated page's HTML blocks aside;
- Python-Markdown converts it with the extensions listed in mkdocs.yml, read from there so the two
  cannot drift, after the three MkDocs always adds first (toc, tables, fenced_code);
- a link to another page's source (`recommendations/index.md#x`) becomes that page's address
  relative to this page's own (`../recommendations/#x`), as MkDocs' _RelativePathTreeprocessor
  writes it with directory URLs; a link to anything that is not one of the site's files is kept;
- `Build.html` puts the blocks back and links the first use of each glossary term.

Plain Python and Python-Markdown; nothing here imports MkDocs.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

import markdown
import yaml
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from . import paths

# MkDocs adds these before the ones mkdocs.yml lists (mkdocs/config/defaults.py, markdown_extensions).
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")

_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
_META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"^([ ]{4}|\t)(\s*)(?P<value>.*)")


class _AnyTagLoader(yaml.SafeLoader):
    """mkdocs.yml with its tags (`!ENV [SITE_URL, ...]`) read as None: what is read of it here
    (and by the scripts) is never one of those settings."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def mkdocs_settings(mkdocs_yml: Path) -> dict:
    """mkdocs.yml's settings as plain values, its tagged ones (`!ENV`) as None."""
    return yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_AnyTagLoader) or {}


def markdown_settings(mkdocs_yml: Path) -> tuple[list[str], dict[str, dict]]:
    """The Markdown extensions MkDocs converts pages with, and their settings, from mkdocs.yml."""
    config = mkdocs_settings(mkdocs_yml)
    names: list[str] = list(MKDOCS_BUILTIN_EXTENSIONS)
    settings: dict[str, dict] = {}
    listed = config.get("markdown_extensions") or []
    items = listed.items() if isinstance(listed, dict) else (
        next(iter(item.items())) if isinstance(item, dict) else (item, None) for item in listed)
    for name, options in items:
        if name not in names:
            names.append(name)
        if options:
            settings[name] = dict(options)
    return names, settings


def split_front_matter(text: str) -> tuple[str, dict]:
    """The page's Markdown without its metadata, and the metadata, as MkDocs splits them: YAML
    between --- lines, or else MultiMarkdown-style `key: value` lines at the top."""
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            data = yaml.load(match.group(1), yaml.SafeLoader)
        except yaml.YAMLError:
            return text, {}
        if isinstance(data, dict):
            return text[match.end():].lstrip("\n"), data
        return text, {}
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    data: dict[str, str] = {}
    key = None
    while lines:
        line = lines.pop(0)
        if line.strip() == "":
            break
        if found := _META.match(line):
            key = found.group("key").lower().strip()
            value = found.group("value").strip()
            data[key] = f"{data[key]} {value}" if key in data else value
        elif (more := _META_MORE.match(line)) and key:
            data[key] += " " + more.group("value").strip()
        else:
            lines.insert(0, line)
            break
    return "\n".join(lines).lstrip("\n"), data


def page_url(path: str) -> str:
    """A docs file's address as MkDocs' File.url has it with directory URLs ('index.md' is './')."""
    return quote(paths.url_of(path) or "./")


def _parts(path: str) -> list[str]:
    if not path.startswith("/"):
        path = "/" + path
    path = posixpath.normpath(path)[1:]
    return path.split("/") if path else []


def relative_url(url: str, other: str) -> str:
    """`url` relative to `other`, both from the site root: mkdocs.utils.get_relative_url."""
    directory, _, last = other.rpartition("/")
    if "." in last:
        other = directory
    target = "/".join(_parts(url)) + ("/" if url.endswith("/") else "")
    return paths.address_link(target, "/".join(_parts(other)))


class _RelativeLinks(Treeprocessor):
    """Links and images that name one of the site's files by its source path, rewritten to that
    file's address relative to this page (MkDocs' _RelativePathTreeprocessor, without its warnings)."""

    def __init__(self, md: markdown.Markdown, path: str, files: frozenset[str]) -> None:
        super().__init__(md)
        self.path, self.files = path, files

    def run(self, root):
        for element in root.iter():
            key = {"a": "href", "img": "src"}.get(element.tag)
            if key and element.get(key) is not None:
                element.set(key, self.rewrite(element.get(key)))
        return root

    def rewrite(self, url: str) -> str:
        scheme, netloc, path, query, anchor = urlsplit(url)
        if scheme or netloc or url.startswith(("/", "\\")) or AMP_SUBSTITUTE in url or not path:
            return url
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.path), unquote(path)).lstrip("/"))
        if target not in self.files:
            return url
        return urlunsplit(("", "", relative_url(page_url(target), page_url(self.path)), query, anchor))


class Converter:
    """Converts pages as MkDocs does, for one build: `files` are the site's source paths (docs/
    files and the generated pages and downloads) that a link may name."""

    def __init__(self, extensions: list[str], settings: dict[str, dict], files: set[str] | frozenset[str]) -> None:
        self.extensions, self.settings, self.files = list(extensions), settings, frozenset(files)

    @classmethod
    def for_project(cls, project: Path, build) -> "Converter":
        """The converter for the project's mkdocs.yml, its docs/ and the build's generated files."""
        docs = project / "docs"
        files = {path.relative_to(docs).as_posix() for path in docs.rglob("*") if path.is_file()}
        extensions, settings = markdown_settings(project / "mkdocs.yml")
        return cls(extensions, settings, files | set(build.plan.pages) | set(build.plan.files))

    def markdown_to_html(self, path: str, text: str) -> str:
        """Python-Markdown's HTML of `text` (front matter already off) for the page at `path`."""
        md = markdown.Markdown(extensions=self.extensions, extension_configs=self.settings)
        md.treeprocessors.register(_RelativeLinks(md, path, self.files), "relpath", 0)
        return md.convert(text)

    def page(self, build, path: str, source: str) -> str:
        """The page's content as the theme gets it: `source` is the page's Markdown as written (a
        docs/ file, or a generated page), front matter and markers and all."""
        text, _meta = split_front_matter(source)
        html, _ids = build.html(path, self.markdown_to_html(path, build.markdown(path, text)))
        return html
