"""The reused browser tabs (tests/support/tabs.py) hand each test a tab as a new one would be: what one test
leaves behind (a plan in storage, print media, a phone's width, a route) never reaches the next."""

from __future__ import annotations

import pytest

# One worker takes the whole module, in order: the last test reads what the one before it left.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("tabs")]

LEFT_BEHIND = """() => {
    localStorage.setItem('recsite.planner', '{"items": []}');
    sessionStorage.setItem('left', 'behind');
    document.cookie = 'left=behind; path=/';
}"""

WHAT_IS_KEPT = """() => [localStorage.getItem('recsite.planner'), sessionStorage.getItem('left'),
                        document.cookie, matchMedia('print').matches,
                        matchMedia('(prefers-color-scheme: dark)').matches, innerWidth]"""


def test_a_reused_tab_keeps_nothing_from_the_test_before(tabs, site):
    with tabs.open(site.url) as first:
        first.goto("planner/")
        first.evaluate(LEFT_BEHIND)
        first.emulate_media(media="print", color_scheme="dark")
        first.set_viewport_size({"width": 390, "height": 844})
        first.route("**/glossary/", lambda route: route.fulfill(status=200, body="routed"))
    with tabs.open(site.url) as second:
        assert second is first, "the tab was not reused, so this test shows nothing"
        assert second.url == "about:blank"
        second.goto("planner/")
        assert second.evaluate(WHAT_IS_KEPT) == [None, None, "", False, False, 1280]
        second.goto("glossary/")
        assert "routed" not in second.content()


def test_a_tab_whose_test_failed_is_not_reused(tabs, site):
    with pytest.raises(AssertionError):
        with tabs.open(site.url, color_scheme="dark") as failed:
            failed.goto("planner/")
            raise AssertionError("a test that failed half way")
    assert failed.is_closed()
    with tabs.open(site.url, color_scheme="dark") as next_one:
        assert next_one is not failed


def test_a_script_error_still_fails_the_test(tabs, site):
    with pytest.raises(AssertionError, match="JavaScript errors: .*thrown on purpose"):
        with tabs.open(site.url) as page:
            page.goto("")
            page.evaluate("() => setTimeout(() => { throw new Error('thrown on purpose'); })")
            page.wait_for_timeout(100)


# Fails on purpose (xfail) so that the next test can see its tab was closed, not reused.
TAB_OF_A_FAILED_TEST = []


@pytest.mark.xfail(strict=True, reason="fails on purpose: the next test reads what became of its tab")
def test_the_page_fixture_of_a_failing_test(page):
    TAB_OF_A_FAILED_TEST.append(page)
    page.goto("planner/")
    assert False


def test_the_page_fixture_drops_the_tab_of_a_failed_test(page):
    assert TAB_OF_A_FAILED_TEST, "runs after the test above, in the same worker"
    assert page is not TAB_OF_A_FAILED_TEST[0], "the failed test's tab was reused"
    assert TAB_OF_A_FAILED_TEST[0].is_closed(), "the failed test's tab was left open"


def test_a_tab_fails_its_test_when_the_sites_policy_refuses_something(tabs, site):
    """So every Chromium test here also checks the Content-Security-Policy (recsite/policy.py): an
    inline script with no hash in it is refused, and the tab says so."""
    with pytest.raises(AssertionError, match=r"policy violation: .*script-src"):
        with tabs.open(site.url) as page:
            page.goto("")
            page.evaluate("""() => { const script = document.createElement('script');
                script.textContent = 'window.planted = true'; document.body.append(script); }""")
            assert page.evaluate("window.planted === undefined"), "the planted script ran"
