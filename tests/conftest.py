"""The tests' fixtures and hooks. What they are made of (the built site, copies of the project, the
browsers' tabs, axe, the engines...) is in tests/support/, which test modules import from."""

from __future__ import annotations

import os

import pytest

import browsers
from chromium import launch
from support import sharedsite
from support.browser import FAILED, TEST_JS_FLAGS, tab_for_test
from support.project import copy_project
from support.site import BuiltSite
from support.tabs import Tabs

from _core import QUIET_MKDOCS

os.environ.update(QUIET_MKDOCS)  # for in-process builds and every subprocess the tests start


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true",
                     help="write the files the site makes over their golden copies in tests/golden/ (support/goldens.py)")


@pytest.hookimpl(trylast=True)  # after pytest's own, which makes _tmp_path_factory
def pytest_configure(config):
    """In the run's own process (pytest-xdist's controller, or the only one): where the real site
    is built once for the run, for the workers it starts (they inherit the environment)."""
    if not hasattr(config, "workerinput"):
        os.environ[sharedsite.RUN_FOLDER] = str(config._tmp_path_factory.getbasetemp())
        os.environ[sharedsite.RUN_PID] = str(os.getpid())


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


def pytest_collection_finish(session):
    """The real site's build starts as soon as a test that reads it is collected (sharedsite.py)."""
    if not session.config.option.collectonly and any("site" in getattr(item, "fixturenames", ())
                                                     for item in session.items):
        sharedsite.start()


@pytest.fixture(autouse=True)
def grouped(request):
    if request.node.stash.get(GROUP_LOST, False):
        pytest.fail("pytest-xdist did not keep this test in its xdist_group (pytest-dev/pytest-xdist#1386): "
                    "see requirements.in on pytest's version")


@pytest.fixture(scope="session")
def site() -> BuiltSite:
    """The real site, built and served once for the whole run (sharedsite.py)."""
    try:
        root, url = sharedsite.wait()
    except RuntimeError as error:
        pytest.fail(str(error))
    return BuiltSite(root, url)


@pytest.fixture(scope="session")
def pages(site):
    """`pages(address)`: a built page parsed, once per test process (BuiltSite.soup)."""
    return site.soup


@pytest.fixture(scope="session")
def articles(site):
    """`articles(address)`: a built page's <article> (its content, without the theme's chrome)."""
    return lambda address: site.soup(address).find("article")


@pytest.fixture
def project_copy(tmp_path):
    """A copy of the project's site sources, to break on purpose."""
    return copy_project(tmp_path)


# --- Debian's Chromium headless shell through Playwright (browser tests) ----------------------

@pytest.fixture(scope="session")
def playwright():
    """One Playwright per test process: a second sync_playwright() in the same process fails."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as started:
        yield started


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
    """Tabs kept and reused between tests (support/tabs.py): `tabs.open(site.url, **context options)`."""
    kept = Tabs(browser)
    yield kept
    kept.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    if call.when == "call" and call.excinfo is not None:
        item.stash[FAILED] = True
    return (yield)


@pytest.fixture
def page(tabs, site, request):
    yield from tab_for_test(tabs, request, site.url)
