"""One small interface over three browser engines, so a cross-engine test is written once.

    chromium  Debian's Chromium headless shell through Playwright (tests/conftest.py's `browser`)
    webkit    Debian's WebKitGTK (WebKitWebDriver, MiniBrowser) through Selenium, drawn into an
              Xvfb display the tests start themselves
    firefox   Debian's firefox-esr through Mozilla's Marionette client, headless

Where each program is, and how to install it, is in scripts/browsers.py (CHROMIUM_SHELL, WEBKIT_DRIVER,
XVFB and FIREFOX override Debian's paths). A missing engine fails its tests with that message; it
is never skipped.

Script errors are caught the same way in every engine, because Selenium has no console log for
WebKitGTK and Marionette none at all: `serve_with_error_collector` serves the built site with a
small script first in every page's <head> that records uncaught errors, unhandled promise
rejections, console.error calls, resources that failed to load and what the page's
Content-Security-Policy refused (Chromium's own `pageerror` events are added to that list).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import subprocess
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import browsers

ENGINES = ("chromium", "webkit", "firefox")
TIMEOUT = 10  # seconds: a local static site; waiting longer only delays the failure

# Runs before any of the page's own scripts. Idempotent: Material's instant navigation keeps the
# window, and may carry this script over into the new page's <head>.
ERROR_COLLECTOR = """(function () {
  if (window.__engineErrors) return;
  var errors = window.__engineErrors = [];
  window.addEventListener("error", function (event) {
    var target = event.target;
    if (target && target !== window && (target.src || target.href)) {
      errors.push("could not load " + target.tagName.toLowerCase() + " " + (target.src || target.href));
    } else {
      errors.push(String(event.message || event.error) + " at " + event.filename + ":" + event.lineno);
    }
  }, true);
  window.addEventListener("unhandledrejection", function (event) {
    errors.push("unhandled promise rejection: " + String(event.reason));
  });
  // What the page's Content-Security-Policy refuses (recsite/policy.py). This script comes before
  // the policy's meta element, so the policy does not apply to it, and it hears every refusal.
  document.addEventListener("securitypolicyviolation", function (event) {
    errors.push("policy violation: " + event.effectiveDirective + " refused " + (event.blockedURI || "?") +
                (event.sample ? " (" + event.sample + ")" : "") + " at " + event.sourceFile + ":" + event.lineNumber);
  }, true);
  var consoleError = console.error;
  console.error = function () {
    errors.push("console.error: " + Array.prototype.map.call(arguments, String).join(" "));
    return consoleError.apply(console, arguments);
  };
})();"""

_HEAD = re.compile(rb"<head[^>]*>", re.IGNORECASE)
# A script file the server adds to the site, which throws: the proof that a page script's error is
# heard. From the site's own address, as the site's policy wants a script to be.
PLANTED_ERROR = "/__planted-error.js"


class _CollectorHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site as it is, except that every HTML page gets ERROR_COLLECTOR first (and
    PLANTED_ERROR is there)."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == PLANTED_ERROR:
            return self._send(b"throw new Error('planted error');", "text/javascript")
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].split("#")[0].endswith("/"):
            path = path / "index.html"
        if path.suffix != ".html" or not path.is_file():
            return super().do_GET()
        html = path.read_bytes()
        head = _HEAD.search(html)
        assert head, f"{path} has no <head>"
        script = b"<script>" + ERROR_COLLECTOR.encode() + b"</script>"
        self._send(html[:head.end()] + script + html[head.end():], "text/html; charset=utf-8")

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve_with_error_collector(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve a built site on a free loopback port with ERROR_COLLECTOR in every page. Material's
    instant navigation rewrites the sitemap's addresses to the served ones, so it works on this
    second address too; permanent links still name the address the site was built for."""
    handler = functools.partial(_CollectorHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


class EngineMissing(Exception):
    """An engine's program is not installed; the message says how to install it."""


def require(*programs: browsers.Program) -> None:
    problems = [program.how_to_install() for program in browsers.missing(programs)]
    if problems:
        raise EngineMissing("; ".join(problems))


# Print media: Chromium and Firefox can switch a page to print media; WebKitGTK's WebDriver
# cannot (and has no Print command), so there the page's own @media print rules are switched on
# for the screen by rewriting their media lists: the rules WebKit parsed from the stylesheet,
# applied by WebKit, but without the print layout itself (page size, margins).
FORCE_PRINT_RULES = """
var rewritten = 0;
function visit(rules) {
  Array.prototype.forEach.call(rules, function (rule) {
    if (rule.media && rule.cssRules) {
      var media = rule.media.mediaText;
      if (/\\bprint\\b/.test(media) && !/\\bnot\\b/.test(media)) { rule.media.mediaText = "all"; rewritten += 1; }
      else if (/^\\s*screen\\s*$/.test(media)) { rule.media.mediaText = "not all"; }
      visit(rule.cssRules);
    }
  });
}
Array.prototype.forEach.call(document.styleSheets, function (sheet) {
  var rules;
  try { rules = sheet.cssRules; } catch (e) { return; }
  visit(rules);
});
return rewritten;
"""

# Playwright's key names are the common language; the WebDriver engines translate them.
KEYS = ("Enter", "Tab", "Escape", "End", "Home", "ArrowDown", "ArrowUp", "Space", "Backspace")


class Engine:
    """One browser tab on the served site. Selectors are CSS; scripts are function bodies that
    `return` their result and read their arguments as `arguments[0]`, `arguments[1]`…"""

    name: str
    base_url: str
    javascript: bool = True
    discarded: bool = False

    # --- what each engine provides ---------------------------------------------------------
    def open(self, address: str) -> None:
        """Load `address` (relative to the site) and wait for its load event."""
        self.visit(self.base_url + address)

    def visit(self, url: str) -> None:
        """Load a whole address (another site's page, e.g. one that frames the site's) and wait for its load event."""
        raise NotImplementedError

    @contextmanager
    def frame(self, selector: str):
        """Inside the block, scripts and selectors work in the document of the iframe `selector`
        (of another origin too, as a reader's browser shows it); after it, in the page again."""
        raise NotImplementedError
        yield

    def run_js(self, script: str, *args):
        raise NotImplementedError

    def click(self, selector: str) -> None:
        raise NotImplementedError

    def type(self, selector: str, text: str) -> None:
        """Type text into a field, key by key."""
        raise NotImplementedError

    def press(self, selector: str, key: str) -> None:
        """Press a key (a name from KEYS, or 'Control+<letter>') in the element."""
        raise NotImplementedError

    def choose(self, selector: str, value: str) -> None:
        """Pick the option with this value in a <select>, as a user does."""
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def back(self) -> None:
        raise NotImplementedError

    def emulate_print(self) -> str:
        """Show the page as printed; returns how ('print media' or 'print rules forced on')."""
        raise NotImplementedError

    def native_errors(self) -> list[str]:
        return []

    def forget_errors(self) -> None:
        """Forget the errors so far (after a test planted one on purpose)."""
        self.run_js("if (window.__engineErrors) window.__engineErrors.length = 0")

    def close(self) -> None:
        pass

    def discard(self) -> None:
        """After a failed test: the tab is not to be used again (Chromium's is reused), nor read for
        script errors (the test's own failure is the one to report)."""
        self.discarded = True

    def clear_storage(self) -> None:
        """Forget what the page saved (the planner will), so the next test starts afresh."""
        if self.javascript and self.safe_url().startswith(self.base_url):
            self.run_js("localStorage.clear(); sessionStorage.clear();")

    # --- the same in every engine -----------------------------------------------------------
    @property
    def url(self) -> str:
        return self.run_js("return location.href")

    def text_of(self, selector: str) -> str:
        """The element's text as rendered (innerText), or fails if it is not there."""
        text = self.run_js("var e = document.querySelector(arguments[0]); return e ? e.innerText : null",
                           selector)
        assert text is not None, f"no element {selector!r} on {self.url}"
        return text.strip()

    def wait_for(self, condition: str, *args, timeout: float = TIMEOUT, message: str = ""):
        """Wait until the script `return (condition)` is truthy; returns its value."""
        deadline = time.monotonic() + timeout
        last_error = None
        while True:
            try:
                value = self.run_js(f"return ({condition})", *args)
                if value:
                    return value
            except Exception as error:  # a navigation in progress: try again
                last_error = error
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.name}: waited {timeout}s for {condition} {message} on "
                                     f"{self.safe_url()}" + (f" (last error: {last_error})" if last_error else ""))
            time.sleep(0.05)

    def safe_url(self) -> str:
        try:
            return self.url
        except Exception:
            return "(address unknown)"

    def errors(self) -> list[str]:
        """Script errors so far on the page now (and on the pages instant navigation swapped in)."""
        collected = [] if not self.javascript else (self.run_js("return (window.__engineErrors || []).slice()") or [])
        return collected + self.native_errors()

    def shown(self, selector: str) -> bool:
        """Whether the element is rendered (not display:none itself or through an ancestor)."""
        return self.run_js("""var e = document.querySelector(arguments[0]);
            return !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'""",
                           selector)


# --- Chromium: Playwright ---------------------------------------------------------------------

# A click lets a page write to the clipboard in desktop Chromium; Chromium's headless shell (what
# Playwright runs headless, scripts/browsers.py) refuses it without the permission, so the tab has it.
CLIPBOARD = ["clipboard-read", "clipboard-write"]


class ChromiumEngine(Engine):
    name = "chromium"

    def __init__(self, page, base_url: str, javascript: bool = True):
        """`page`: a tab from tests/support/tabs.py, reused between tests."""
        self.base_url, self.javascript = base_url, javascript
        self.page = page
        self.page.set_default_timeout(TIMEOUT * 1000)
        self._errors: list[str] = []
        self.page.on("pageerror", self._record)

    def _record(self, error) -> None:
        self._errors.append(f"pageerror: {error}")

    def visit(self, url):
        self.page.goto(url)

    @contextmanager
    def frame(self, selector):
        inner = self.page.wait_for_selector(selector).content_frame()
        assert inner is not None, f"{selector} is not a frame"
        self._in_frame = inner
        try:
            yield
        finally:
            self._in_frame = None

    def run_js(self, script, *args):
        # Playwright passes one argument: the same `arguments` a WebDriver script sees.
        target = getattr(self, "_in_frame", None) or self.page
        return target.evaluate(f"(args) => (function () {{ {script} }}).apply(null, args)", list(args))

    def click(self, selector):
        self.page.click(selector)

    def type(self, selector, text):
        self.page.locator(selector).press_sequentially(text)

    def press(self, selector, key):
        self.page.press(selector, key)

    def choose(self, selector, value):
        self.page.select_option(selector, value)

    def reload(self):
        self.page.reload()

    def back(self):
        self.page.go_back()

    def emulate_print(self):
        self.page.emulate_media(media="print")
        return "print media"

    def native_errors(self):
        return list(self._errors)

    def forget_errors(self):
        super().forget_errors()
        self._errors.clear()

    def close(self):
        self.page.remove_listener("pageerror", self._record)

    def discard(self):
        super().discard()
        self.page.context.close()


# --- WebKit: WebKitGTK's WebDriver through Selenium, in an Xvfb display -----------------------

class WebDriverEngine(Engine):
    """What Selenium and Marionette share: both speak WebDriver's element commands."""

    def _element(self, selector):
        raise NotImplementedError

    def _keys(self):
        raise NotImplementedError

    def _key(self, key: str) -> str:
        keys = self._keys()
        if key.startswith("Control+"):
            return keys.CONTROL + key.removeprefix("Control+").lower() + keys.NULL
        names = {"ArrowDown": "ARROW_DOWN", "ArrowUp": "ARROW_UP", "Backspace": "BACK_SPACE"}
        return getattr(keys, names.get(key, key.upper()))

    def click(self, selector):
        self._element(selector).click()

    def type(self, selector, text):
        element = self._element(selector)
        for character in text:
            element.send_keys(character)

    def press(self, selector, key):
        self._element(selector).send_keys(self._key(key))

    def choose(self, selector, value):
        # WebDriver's Element Click on an <option> selects it and fires input and change, as a
        # user's pick from the list does.
        self._element(f"{selector} option[value={json.dumps(value)}]").click()


class Xvfb:
    """An X display of our own for WebKitGTK (it has no headless mode); -displayfd picks a free one."""

    def __init__(self):
        require(browsers.XVFB)
        read, write = os.pipe()
        self.process = subprocess.Popen(
            [str(browsers.XVFB.path), "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
            pass_fds=[write], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            self.process.kill()
            raise EngineMissing(f"{browsers.XVFB.path} did not start a display")
        self.display = f":{number}"

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


class WebKitBrowser:
    """One MiniBrowser session. Without JavaScript: MiniBrowser's --enable-javascript-markup=false
    turns off the page's own scripts while WebDriver's scripts still run."""

    def __init__(self, display: str, javascript: bool = True):
        require(browsers.WEBKIT_DRIVER, browsers.WEBKIT_BROWSER)
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service

        options = Options()
        # With its path given, the browser needs --automation, or WebKitWebDriver cannot match
        # the session's capabilities; the path is needed to pass it any argument.
        options.binary_location = str(browsers.WEBKIT_BROWSER.path)
        options.add_argument("--automation")
        if not javascript:
            options.add_argument("--enable-javascript-markup=false")
        service = Service(executable_path=str(browsers.WEBKIT_DRIVER.path), env={**os.environ, "DISPLAY": display})
        self.driver = webdriver.WebKitGTK(options=options, service=service)
        self.driver.set_window_size(1280, 900)
        self.driver.set_page_load_timeout(TIMEOUT * 3)

    def quit(self):
        self.driver.quit()


class WebKitEngine(WebDriverEngine):
    name = "webkit"

    def __init__(self, browser: WebKitBrowser, base_url: str, javascript: bool = True):
        self.driver, self.base_url, self.javascript = browser.driver, base_url, javascript

    def _element(self, selector):
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def _keys(self):
        from selenium.webdriver.common.keys import Keys

        return Keys

    def visit(self, url):
        self.driver.get(url)

    @contextmanager
    def frame(self, selector):
        self.driver.switch_to.frame(self._element(selector))
        try:
            yield
        finally:
            self.driver.switch_to.default_content()

    def run_js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def reload(self):
        self.driver.refresh()

    def back(self):
        self.driver.back()

    def emulate_print(self):
        assert self.run_js(FORCE_PRINT_RULES) > 0, "no @media print rules were found"
        return "print rules forced on"

    def close(self):
        # The next test starts from a blank page, with nothing left in this origin's storage.
        self.clear_storage()
        self.driver.get("about:blank")


# --- Firefox: Marionette ----------------------------------------------------------------------

class FirefoxBrowser:
    """firefox-esr, headless, with a fresh profile, driven by Marionette on a free port.
    -remote-allow-system-access lets Marionette's chrome context set the print medium."""

    def __init__(self):
        require(browsers.FIREFOX)
        from marionette_driver.marionette import Marionette

        self.client = Marionette(bin=str(browsers.FIREFOX.path), port=0, headless=True,
                                 app_args=["-remote-allow-system-access"],
                                 gecko_log=os.devnull, startup_timeout=90)
        self.client.start_session()
        self.client.set_window_rect(width=1280, height=900)

    def quit(self):
        self.client.cleanup()


class FirefoxEngine(WebDriverEngine):
    name = "firefox"

    def __init__(self, browser: FirefoxBrowser, base_url: str, javascript: bool = True):
        self.client, self.base_url, self.javascript = browser.client, base_url, javascript
        if not javascript:
            self.client.set_pref("javascript.enabled", False)

    def _element(self, selector):
        return self.client.find_element("css selector", selector)

    def _keys(self):
        from marionette_driver.keys import Keys

        return Keys

    def visit(self, url):
        self.client.navigate(url)

    @contextmanager
    def frame(self, selector):
        self.client.switch_to_frame(self._element(selector))
        try:
            yield
        finally:
            self.client.switch_to_frame()

    def run_js(self, script, *args):
        # sandbox=None: run in the page's own window, so its globals (the error list) are seen.
        return self.client.execute_script(script, script_args=list(args), sandbox=None)

    def reload(self):
        self.client.refresh()

    def back(self):
        self.client.go_back()

    def emulate_print(self):
        with self.client.using_context("chrome"):
            self.client.execute_script("gBrowser.selectedBrowser.browsingContext.mediumOverride = 'print'")
        return "print media"

    def close(self):
        with self.client.using_context("chrome"):
            self.client.execute_script("gBrowser.selectedBrowser.browsingContext.mediumOverride = ''")
        if not self.javascript:
            self.client.clear_pref("javascript.enabled")
        self.clear_storage()
        self.client.navigate("about:blank")


# --- Starting and stopping engines ------------------------------------------------------------

class EngineSession:
    """One engine, started once for a test session; `tab()` gives each test an Engine (Chromium's
    on a reused tab, tests/support/tabs.py)."""

    def __init__(self, name: str, base_url: str, chromium=None):
        """`chromium`: the tabs of the Playwright browser already running (tests/conftest.py's
        `tabs`): Playwright's sync API allows one instance per thread."""
        self.name, self.base_url = name, base_url
        self._stops: list = []
        self._webkit_without_js = None
        if name == "chromium":
            require(browsers.CHROMIUM_SHELL)
            self._browser = chromium
        elif name == "webkit":
            require(browsers.WEBKIT_DRIVER, browsers.WEBKIT_BROWSER, browsers.XVFB)
            self._xvfb = Xvfb()
            self._stops.append(self._xvfb.stop)
            self._browser = WebKitBrowser(self._xvfb.display)
            self._stops.append(self._browser.quit)
        elif name == "firefox":
            self._browser = FirefoxBrowser()
            self._stops.append(self._browser.quit)
        else:
            raise ValueError(f"unknown engine {name!r} (allowed: {', '.join(ENGINES)})")

    @contextmanager
    def tab(self, javascript: bool = True):
        """A tab on the site (Chromium's reused and cleaned, tests/support/tabs.py); fails the test if the
        page's scripts reported an error."""
        if self.name == "chromium":
            # The tab's own check of script errors is left to the engine's (a test plants one).
            with self._browser.open(self.base_url, check_errors=False, java_script_enabled=javascript,
                                    permissions=CLIPBOARD) as page:
                yield from self._checked(ChromiumEngine(page, self.base_url, javascript))
            return
        if self.name == "webkit":
            browser = self._browser
            if not javascript:
                if self._webkit_without_js is None:
                    # Its own display: a second window on the first would take the keyboard focus
                    # from the first browser's page (and :focus styles with it).
                    display = Xvfb()
                    self._stops.append(display.stop)
                    self._webkit_without_js = WebKitBrowser(display.display, javascript=False)
                    self._stops.append(self._webkit_without_js.quit)
                browser = self._webkit_without_js
            engine = WebKitEngine(browser, self.base_url, javascript)
        else:
            engine = FirefoxEngine(self._browser, self.base_url, javascript)
        yield from self._checked(engine)

    def _checked(self, engine):
        try:
            yield engine
            if engine.discarded:
                return
            errors = engine.errors()
            assert not errors, f"{self.name}: script errors on {engine.safe_url()}: {errors}"
        finally:
            engine.close()

    def stop(self):
        for stop in reversed(self._stops):
            try:
                stop()
            except Exception:  # stop the rest even if one is already gone
                pass
