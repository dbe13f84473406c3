"""Browser tabs for the tests, kept and reused.

A new browser context and tab cost Chromium about a second of processor time (a renderer process
started, the context's storage and network set up, every script compiled again); going to another
page in an open tab costs about a fifth of that. Fresh tabs were a fifth of the suite's work, and
the suite is bound by processor time. So each worker keeps a tab per set of context options (a
colour scheme, a phone's screen, no JavaScript...) and cleans it between tests of what the site and
the tests here change: its page left (for about:blank), the site's local and session storage and
the cookies cleared, routes removed, emulated media and viewport back to the context's own. A test
that fails closes its tab, so nothing it left half done reaches the next test (the `page` and
`engine` fixtures close it too).

What stays: the browser's cache of the site's files (as for a reader who has been here before), the
tab's history (a test that goes back further than its own first page reaches the test before's),
and whatever a test adds to the tab itself: listeners (`page.on`), init scripts, exposed functions,
extra headers, permissions granted, keys held down, IndexedDB or Cache Storage (the site uses
neither). A test that needs any of these, a first visit (which files load) or a slowed processor
opens a fresh tab instead: `support.browser.open_page`.
"""

from __future__ import annotations

from contextlib import contextmanager
from urllib.parse import urlsplit

# Playwright's own default, which a test may change with set_viewport_size.
DEFAULT_VIEWPORT = {"width": 1280, "height": 720}
# A local static site; waiting longer only delays the failure.
TIMEOUT_MS = 10_000


def watch_errors(page) -> tuple[list[str], callable]:
    """A list that collects the page's uncaught JavaScript errors and what its Content-Security-
    Policy refused (recsite/policy.py), and the listener that fills it (`stop_watching` removes it)."""
    errors: list[str] = []

    def record(error) -> None:
        errors.append(str(error))

    def console(message) -> None:
        # Chromium says each refusal in the console, as an error naming the policy.
        if message.type == "error" and "Content Security Policy" in message.text:
            errors.append(f"policy violation: {message.text}")

    record.console = console
    page.on("pageerror", record)
    page.on("console", console)
    return errors, record


def stop_watching(page, record) -> None:
    page.remove_listener("pageerror", record)
    page.remove_listener("console", record.console)


class Tabs:
    """One idle tab per base address and context options, in one browser (one per xdist worker)."""

    def __init__(self, browser):
        self._browser = browser
        self._idle: dict[tuple[str, str], object] = {}
        self._sessions: dict[object, object] = {}

    @contextmanager
    def open(self, base_url: str, check_errors: bool = True, **options):
        """A tab on the site at `base_url`, new or cleaned as above (`options` as for
        `browser.new_context`); fails the test if the page's JavaScript threw an error or its
        policy refused something, unless
        the caller checks errors itself (`check_errors=False`: support/engines.py)."""
        key = (base_url, repr(sorted(options.items())))
        page = self._idle.pop(key, None)
        if page is None:
            page = self._browser.new_context(base_url=base_url, **options).new_page()
        page.set_default_timeout(TIMEOUT_MS)
        errors, record = watch_errors(page)
        try:
            yield page
        except BaseException:
            self._sessions.pop(page, None)
            page.context.close()
            raise
        if page.is_closed():  # closed by its user: a fixture whose test failed (conftest.page)
            self._sessions.pop(page, None)
            return
        if options.get("java_script_enabled", True):
            page.evaluate("0")  # a round trip, so errors the page raised just now arrive first
        stop_watching(page, record)
        self._clean(page, base_url, options)
        self._idle[key] = page
        assert not (check_errors and errors), f"JavaScript errors: {errors}"

    def _clean(self, page, base_url: str, options: dict) -> None:
        page.unroute_all(behavior="ignoreErrors")
        page.emulate_media(media="null", color_scheme=options.get("color_scheme", "light"),
                           reduced_motion=options.get("reduced_motion", "no-preference"),
                           forced_colors=options.get("forced_colors", "none"))
        page.goto("about:blank")  # leaving the test's page first: its scripts store nothing more
        # The site's local and session storage and its cookies, in one message to the browser
        # rather than a visit to the site to clear them from a page (about a sixth less work a
        # test). Chromium's "local_storage" takes the tab's session storage too: test_tabs checks.
        parts = urlsplit(base_url)
        self._devtools(page).send("Storage.clearDataForOrigin", {"origin": f"{parts.scheme}://{parts.netloc}",
                                                                 "storageTypes": "local_storage,cookies"})
        viewport = options.get("viewport", DEFAULT_VIEWPORT)
        if page.viewport_size != viewport:
            page.set_viewport_size(viewport)

    def _devtools(self, page):
        """The tab's Chrome DevTools Protocol session, opened once."""
        if page not in self._sessions:
            self._sessions[page] = page.context.new_cdp_session(page)
        return self._sessions[page]

    def close(self) -> None:
        for page in self._idle.values():
            page.context.close()
        self._idle.clear()
        self._sessions.clear()
