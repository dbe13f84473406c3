"""Debian's Chromium headless shell in the tests: how it is started, a fresh tab, a reused tab for a
fixture, waits for drawn frames, and a slowed processor."""

from __future__ import annotations

from contextlib import contextmanager

import pytest

from support.tabs import TIMEOUT_MS, watch_errors

# V8 runs the pages' scripts (and axe's) with its first compiler only (--max-opt=1: Sparkplug, no
# Maglev or TurboFan). Every page is a new start for the optimising compilers, whose work on
# background threads cost more than it saved: without them the renderer took a sixth to a third
# less processor time over 40 pages of axe (20.5-27.4 processor-seconds against 28.9-32.0, three
# interleaved runs each), the page's own thread no slower for these pages' short scripts (a hot
# loop runs about twice as slowly, which only makes the slow-phone tests stricter). What a script
# does is the same at every tier. Tests only: the benchmark measures the browser as readers have it.
TEST_JS_FLAGS = ("--js-flags=--max-opt=1",)

# Set on a test's item when the test itself raised (failed, or failed as expected), for fixtures to
# read at teardown (conftest.py sets it).
FAILED = pytest.StashKey[bool]()

# Resolves once the page has drawn two more frames: the frame the last change is drawn in is done
# (the slow-phone tests, and axe.py's wait before it reads the page's colours).
TWO_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


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


def tab_for_test(tabs, request, base_url: str, **options):
    """For a fixture to yield from: a reused tab, closed instead of kept if the test failed (it may
    have left anything behind)."""
    with tabs.open(base_url, **options) as page:
        yield page
        if request.node.stash.get(FAILED, False):
            page.context.close()


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
