"""What a reader does on the site, in all three browser engines: Chromium, WebKit and Firefox.

Each test is written once against tests/support/engines.py and runs in each engine (test ids end in
[chromium], [webkit] or [firefox]). Every test also fails on any script error the page reports.
Expected counts come from the report (see test_data.EXPECTED_COUNTS), not from the page.
"""

from __future__ import annotations

import json
import re
import time
from urllib.parse import parse_qs, urlsplit

import pytest

from localserver import served
from support.browser import FAILED
from support.engines import ENGINES, PLANTED_ERROR, EngineMissing, EngineSession, serve_with_error_collector
from support.project import real_catalogue
from support.site import in_theme, one_page_of_each_kind

pytestmark = pytest.mark.browser

# The planner's page, which test_planner_saves_reloads_and_exports drives in each engine.
PLANNER_PAGE = "planner/index.html"


@pytest.fixture(scope="session")
def engine_site(site) -> str:
    """The built site again, served with the error collector in every page (engines.py)."""
    server, url = serve_with_error_collector(site.root)
    yield url
    server.shutdown()


# WebKit's tests in one pytest-xdist group and Firefox's in another (`dev.py test` runs --dist
# loadgroup), so that not every worker starts its own WebKit and Firefox: each start costs seconds
# of processor time. Chromium is started by every worker for the other browser tests anyway.
@pytest.fixture(scope="session", params=[
    pytest.param(name, marks=[] if name == "chromium" else [pytest.mark.xdist_group(name)]) for name in ENGINES])
def engine_session(request, engine_site):
    # Chromium is conftest's `browser`, shared with the other browser tests, and its reused tabs.
    chromium = request.getfixturevalue("tabs") if request.param == "chromium" else None
    try:
        session = EngineSession(request.param, engine_site, chromium)
    except EngineMissing as missing:
        pytest.fail(f"{request.param}: {missing}")
    yield session
    session.stop()


@pytest.fixture
def engine(engine_session, request):
    with engine_session.tab() as tab:
        yield tab
        if request.node.stash.get(FAILED, False):  # it may have left anything behind
            tab.discard()


# --- helpers ----------------------------------------------------------------------------------

def open_list(engine, address: str = "recommendations/") -> None:
    engine.open(address)
    engine.wait_for("document.getElementById('filters') && !document.getElementById('filters').hidden",
                    message="(the filters to be set up)")


def wait_for_count(engine, text: str) -> None:
    engine.wait_for("document.getElementById('rec-count').textContent === arguments[0]", text,
                    message=f"(the count to say {text!r}; it says {engine.text_of('#rec-count')!r})")


def visible(engine, attribute: str = "id") -> list[str]:
    return engine.run_js("""var name = arguments[0];
        return Array.prototype.map.call(document.querySelectorAll('#results .rec-card:not([hidden])'),
                                        function (card) { return card.getAttribute(name); })""", attribute)


def address_holds(engine, expected: dict[str, list[str]], timeout: float = 10) -> bool:
    """Whether the filters in the address come to be `expected`. The script writes the address just
    after the list is drawn, so it is read until it matches or `timeout` seconds have passed."""
    deadline = time.monotonic() + timeout
    while True:
        found = parse_qs(urlsplit(engine.url).query)
        if found == expected or time.monotonic() > deadline:
            assert found == expected, f"{engine.name}: the address holds {found}, expected {expected}"
            return True
        time.sleep(0.05)


# --- filters and their address ----------------------------------------------------------------

def test_filters_narrow_the_list_say_how_many_and_keep_the_choice_in_the_address(engine):
    open_list(engine)
    assert engine.text_of("#rec-count") == "Showing all 48 recommendations"
    engine.choose("#filter-audience", "individuals-and-families")
    wait_for_count(engine, "Showing 7 of 48 recommendations")  # 2 + 1 + 2 + 2 in the four themes
    assert set(visible(engine, "data-audience")) == {"individuals-and-families"}
    assert len(visible(engine)) == 7
    assert address_holds(engine, {"audience": ["individuals-and-families"]})
    engine.choose("#filter-key", "false")  # every individuals' recommendation is key
    wait_for_count(engine, "Showing 0 of 48 recommendations")
    assert engine.shown("#rec-none")
    engine.click("#filter-clear")
    wait_for_count(engine, "Showing all 48 recommendations")
    assert len(visible(engine)) == 48
    assert address_holds(engine, {})


def test_the_keyboard_alone_changes_a_filter(engine):
    open_list(engine)
    engine.press("#filter-audience", "ArrowDown")  # from "Everyone" to the next option
    wait_for_count(engine, "Showing 12 of 48 recommendations")  # national organisations: 6 + 3 + 2 + 1
    assert address_holds(engine, {"audience": ["national-organisations"]})


def test_a_filtered_address_survives_reload_and_going_back(engine):
    open_list(engine, "recommendations/?theme=evidence-based-support&key=true")
    wait_for_count(engine, "Showing 6 of 48 recommendations")  # 1 + 3 + 2 key
    engine.reload()
    engine.wait_for("document.getElementById('filters') && !document.getElementById('filters').hidden")
    wait_for_count(engine, "Showing 6 of 48 recommendations")
    assert engine.run_js("return [document.getElementById('filter-theme').value, "
                         "document.getElementById('filter-key').value]") == ["evidence-based-support", "true"]
    assert len(visible(engine)) == 6
    first = visible(engine)[0]
    engine.click(f"#{first} h2 a")
    engine.wait_for("location.pathname.endsWith('/recommendations/' + arguments[0] + '/')", first)
    engine.wait_for("document.querySelector('p.citation')", message="(the recommendation's page)")
    engine.back()
    engine.wait_for("location.search === '?theme=evidence-based-support&key=true'")
    engine.wait_for("document.getElementById('filters') && !document.getElementById('filters').hidden")
    wait_for_count(engine, "Showing 6 of 48 recommendations")
    # …and the controls still answer after coming back.
    engine.choose("#filter-key", "")
    wait_for_count(engine, "Showing 12 of 48 recommendations")  # the theme: 1 + 9 + 2
    assert address_holds(engine, {"theme": ["evidence-based-support"]})


def test_without_javascript_every_recommendation_is_there_and_no_dead_control(engine_session):
    with engine_session.tab(javascript=False) as engine:
        engine.open("recommendations/")
        assert engine.run_js("return typeof window.document$") == "undefined", "the page's scripts ran"
        assert engine.run_js("return document.querySelectorAll('#results .rec-card').length") == 48
        last = engine.run_js("var cards = document.querySelectorAll('#results .rec-card'); return cards[47].id")
        assert engine.shown("#employment-as-the-norm") and engine.shown(f"#{last}")
        assert not engine.shown("#filters") and not engine.shown("#filter-words")
        assert engine.run_js("return document.querySelectorAll('button.rec-copy').length") == 0
        assert engine.shown("#employment-as-the-norm .rec-link > a")
        assert engine.text_of("#employment-as-the-norm .rec-link > a") == "Permanent link: employment-as-the-norm"
        # Nor the colour-scheme switch, which only a script can work: hidden by the <style> in
        # <noscript> (overrides/main.html), which the site's policy allows by its hash.
        assert engine.run_js("return !!document.querySelector('.md-header__option[data-md-component=palette]')")
        assert not engine.shown('.md-header__option[data-md-component="palette"]')
        # Each card still links to its audience's and its theme's own page.
        assert engine.run_js("""var card = document.querySelector('#results .rec-card');
            return [card.querySelectorAll("a[href*='audiences/']").length,
                    card.querySelectorAll("a[href*='themes/']").length]""") == [1, 1]
        # An address with a filter changes nothing: every recommendation, none kept out of sight.
        engine.open("recommendations/?audience=individuals-and-families&words=job")
        assert engine.shown("#employment-as-the-norm") and engine.shown(f"#{last}")
        assert engine.shown("#rec-count")


# --- copy link and cite -----------------------------------------------------------------------

def test_copy_link_puts_the_permanent_address_on_the_clipboard_and_says_so(engine, site):
    engine.open("audiences/individuals-and-families/")
    engine.wait_for("document.querySelector('article.rec-card button.rec-copy')")
    card = engine.run_js("return document.querySelector('article.rec-card').id")
    engine.click(f"#{card} button.rec-copy")
    engine.wait_for("document.getElementById('copy-status').textContent",
                    message="(the copy to be announced)")
    assert engine.text_of("#copy-status") == "Link copied"
    assert engine.run_js("return document.getElementById('copy-status').getAttribute('role')") == "status"
    # What a reader does next: paste it somewhere.
    engine.run_js("""var field = document.createElement('textarea'); field.id = 'paste-here';
                     document.body.prepend(field); field.focus();""")
    engine.press("#paste-here", "Control+V")
    expected = site.url + f"recommendations/{card}/"
    engine.wait_for("document.getElementById('paste-here').value === arguments[0]", expected,
                    message=f"(the pasted text to be {expected})")


def test_a_recommendation_page_offers_a_full_citation(engine, site):
    engine.open("recommendations/employment-as-the-norm/")
    assert engine.text_of("p.citation") == (
        "Watts, R., Harflett, N., Robinson, C. and Greig, R. (2014) The Use of Personal Budgets for "
        "Employment Support. Bath: National Development Team for Inclusion (NDTi). Appendix 3, section "
        f"A3.1.1, page 53. Available at: {site.url}recommendations/employment-as-the-norm/ "
        "(record last changed 6 December 2026).")


# --- print ------------------------------------------------------------------------------------

PRINT_RULES = """
var found = [];
Array.prototype.forEach.call(document.styleSheets, function (sheet) {
  if (!sheet.href || !/stylesheets\\/site\\.css$/.test(sheet.href)) return;
  Array.prototype.forEach.call(sheet.cssRules, function (rule) {
    if (rule.media && /print/.test(rule.media.mediaText)) {
      Array.prototype.forEach.call(rule.cssRules, function (inner) { found.push(inner.selectorText); });
    }
  });
});
return found;
"""


def drawn_text(content: str, attributes: dict[str, str]) -> str:
    """The text a computed `content` value draws, given the element's attributes. For
    `content: " " attr(href)` Chromium gives one resolved string ('" http://…"'), WebKit two
    ('" " "http://…"') and Firefox the value unresolved ('" " attr(href)')."""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"|attr\(\s*([\w-]+)\s*\)', content)
    assert parts, f"content {content!r} draws no text"
    return "".join(attributes[name] if name else re.sub(r"\\(.)", r"\1", string) for string, name in parts)


def test_printing_a_filtered_list_gives_a_clean_brief(engine, site):
    open_list(engine, "recommendations/?audience=individuals-and-families")
    wait_for_count(engine, "Showing 7 of 48 recommendations")
    # The site's stylesheet is loaded and this engine parsed its print rules.
    rules = " | ".join(engine.run_js(PRINT_RULES))
    for selector in (".md-header", ".md-typeset .rec-filters", ".md-typeset .rec-copy",
                     ".md-typeset .rec-link > a::after"):
        assert selector in rules, f"{selector} is not among the print rules: {rules}"
    how = engine.emulate_print()
    assert how == {"webkit": "print rules forced on"}.get(engine.name, "print media")
    if how == "print media":
        assert engine.run_js("return matchMedia('print').matches")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", "#filters", "button.rec-copy"):
        assert not engine.shown(chrome), f"{chrome} is printed"
    assert engine.text_of("#rec-print-filter") == (
        "Filter: Who it is for: Individuals and families. Showing 7 of 48 recommendations.")
    printed = engine.run_js("""return Array.prototype.map.call(
        document.querySelectorAll('#results article.rec-card:not([hidden])'), function (card) {
          var link = card.querySelector('.rec-link > a');
          return [card.id, getComputedStyle(link, '::after').content, link.getAttribute('href'),
                  getComputedStyle(card).breakInside];
        })""")
    assert len(printed) == 7
    for card, after, href, break_inside in printed:
        url = site.url + f"recommendations/{card}/"
        assert drawn_text(after, {"href": href}) == f" {url}", f"{card}: the printed permanent address is {after!r}"
        assert break_inside == "avoid"


# --- glossary terms ---------------------------------------------------------------------------

def test_a_glossary_term_explains_itself_and_leads_to_the_glossary(engine):
    engine.open("")
    term = engine.run_js("""var t = document.querySelector('.md-content a.term');
        return [t.getAttribute('href'), t.dataset.definition, t.textContent]""")
    href, definition, words = term
    assert definition.startswith(words) or words.lower() in definition.lower()
    engine.run_js("document.querySelector('.md-content a.term').focus()")
    shown = engine.run_js("return getComputedStyle(document.querySelector('.md-content a.term'), '::after').content")
    assert drawn_text(shown, {"data-definition": definition}) == f"Our words: {definition}", (
        "the meaning is shown, labelled as the site's words, when the term has the keyboard focus")
    engine.press(".md-content a.term", "Enter")
    anchor = href.split("#")[1]
    engine.wait_for("location.pathname.endsWith('/glossary/') && location.hash === '#' + arguments[0]", anchor)
    engine.wait_for("document.getElementById(arguments[0])", anchor, message="(the glossary entry)")
    entry = engine.run_js("""var e = document.getElementById(arguments[0]);
        return e.textContent + ' ' + (e.nextElementSibling ? e.nextElementSibling.textContent : '')""", anchor)
    meaning = definition.split(": ", 1)[1]
    assert " ".join(meaning.split()[:5]) in " ".join(entry.split())


# --- no script errors anywhere ----------------------------------------------------------------

def test_a_script_error_is_noticed(engine):
    """The proof that the next test can fail: an error thrown by a page script is reported."""
    engine.open("")
    # A script element, so the page runs it as its own (not as the test driver's script); from a
    # file, as the site's policy refuses an inline one (the next test).
    engine.run_js("var script = document.createElement('script'); script.src = arguments[0]; "
                  "document.body.appendChild(script);", PLANTED_ERROR)
    engine.wait_for("window.__engineErrors.length > 0")
    assert any("planted error" in error for error in engine.errors()), engine.errors()
    engine.forget_errors()


def test_what_the_policy_refuses_is_noticed(engine):
    """The proof that every test here fails on what the site's Content-Security-Policy refuses (it
    is heard in every engine): an inline script with no hash in the policy is refused, not run, and
    reported; so is a style attribute."""
    engine.open("")
    engine.run_js("""var script = document.createElement('script');
        script.textContent = "window.__planted = true"; document.body.appendChild(script);
        document.body.insertAdjacentHTML('beforeend', '<p style="color: red">planted</p>');""")
    engine.wait_for("window.__engineErrors.length >= 2", message="(two refusals reported)")
    errors = engine.errors()
    assert engine.run_js("return window.__planted === undefined"), "the planted script ran"
    assert any(e.startswith("policy violation: script-src") for e in errors), errors
    assert any(e.startswith("policy violation: style-src-attr") for e in errors), errors
    engine.forget_errors()


def test_no_page_reports_a_script_error(engine, site):
    """One page of each kind (every template and hand-written page once: every page in three
    engines took minutes), loaded in full; Material's bundle and the site's scripts must run. (Pages
    of the theme: the embed cards, which run no script, have their own test below.)"""
    pages = [address for address in one_page_of_each_kind(site) if in_theme(address)]
    assert len(pages) >= 15 and "" in pages and "recommendations/" in pages and "404.html" in pages, pages
    failures = {}
    for address in pages:
        engine.open(address)
        engine.wait_for("document.readyState === 'complete' && typeof window.document$ !== 'undefined'",
                        message=f"(Material's scripts on {address or 'the home page'})")
        errors = engine.errors()
        if errors:
            failures[address or "/"] = errors
    assert not failures, f"{engine.name}: script errors: {failures}"


def test_the_charts_bars_are_drawn_at_their_widths(engine):
    """A bar's width is its style attribute (drawn without JavaScript), which the site's policy
    allows by its exact value ('unsafe-hashes' in style-src-attr: each engine must read it)."""
    engine.open("evidence/survey/")
    bars = engine.run_js("""return Array.prototype.map.call(document.querySelectorAll('.chart__bar'), function (bar) {
        return [parseFloat(bar.getAttribute('style').replace('width:', '')),
                100 * bar.getBoundingClientRect().width / bar.parentElement.getBoundingClientRect().width]; })""")
    assert len(bars) >= 6
    # A full bar gives up some width to the number written beside it (the track is a flex row).
    assert all(abs(drawn - share) < 1 if share < 75 else drawn > 75 for share, drawn in bars), bars


# --- the planner ------------------------------------------------------------------------------

# Keeps what the planner hands the browser to download (engines' WebDriver cannot read downloads).
_CAPTURE_EXPORT = """
window.__exported = null;
var make = URL.createObjectURL.bind(URL);
URL.createObjectURL = function (blob) { blob.text().then(function (t) { window.__exported = t; }); return make(blob); };
"""


def test_planner_saves_reloads_and_exports(engine, site):
    """A plan for local authorities and providers, one status and owner set, kept in this browser
    across a reload, and exported as JSON that holds what is on screen."""
    assert (site.root / PLANNER_PAGE).exists()
    item = "beyond-facs-eligibility"
    engine.open("planner/")
    engine.wait_for("!document.getElementById('planner').hidden", message="(the planner's script)")
    engine.choose("#planner-preset", "audience:local-authorities-and-providers")
    engine.click("#planner-preset-add")
    engine.wait_for("document.querySelectorAll('#planner-list .pl-item').length === 29",
                    message="(29 recommendations for local authorities and providers)")
    engine.choose(f"#pl-status-{item}", "in-progress")
    engine.type(f"#pl-owner-{item}", "Jo Bloggs")
    engine.press(f"#pl-owner-{item}", "Tab")  # the planner saves on change
    engine.wait_for("(localStorage.getItem('recsite.planner') || '').indexOf('Jo Bloggs') >= 0",
                    message="(the plan saved in this browser)")
    engine.reload()
    engine.wait_for("document.querySelectorAll('#planner-list .pl-item').length === 29",
                    message="(the plan after a reload)")
    assert engine.run_js(f"return document.getElementById('pl-owner-{item}').value") == "Jo Bloggs"
    assert engine.run_js(f"return document.getElementById('pl-status-{item}').value") == "in-progress"
    engine.run_js(_CAPTURE_EXPORT)
    engine.click("#planner-export-json")
    engine.wait_for("window.__exported !== null", message="(the JSON export)")
    exported = json.loads(engine.run_js("return window.__exported"))
    mine = next(entry for entry in exported["items"] if entry["id"] == item)
    assert (mine["status"], mine["owner"]) == ("in-progress", "Jo Bloggs")
    assert len(exported["items"]) == 29 and exported["format"] == "recsite-action-plan"
    assert engine.errors() == []


# An import as the reader's file picker gives it: a File in the input, and its change event.
_IMPORT = """var files = new DataTransfer();
files.items.add(new File([arguments[0]], 'plan.json', {type: 'application/json'}));
var input = document.getElementById('planner-import');
input.files = files.files;
input.dispatchEvent(new Event('change', {bubbles: true}));"""


def test_planner_imports_a_plan_and_its_share_link_opens_it(engine):
    """The planner's other ways in and out, under the site's policy (each test here fails on what
    it refuses): a JSON file imported through the preview, a share link made (both need the
    modules the planner loads with import()), and the link opened on a fresh page load."""
    engine.open("planner/")
    engine.wait_for("!document.getElementById('planner').hidden", message="(the planner's script)")
    plan = {"format": "recsite-action-plan", "version": 1, "items": [
        {"id": "beyond-facs-eligibility", "status": "in-progress"}, {"id": "employment-as-the-norm", "status": "planned"}]}
    engine.run_js(_IMPORT, json.dumps(plan))
    engine.wait_for("!document.getElementById('planner-preview').hidden", message="(the import's preview)")
    engine.click("#planner-preview-apply")
    engine.wait_for("document.querySelectorAll('#planner-list .pl-item').length === 2", message="(the imported plan)")
    engine.click("#planner-share-make")
    link = engine.wait_for("document.getElementById('planner-share-link').value", message="(the share link)")
    assert link.startswith(engine.base_url + "planner/#share="), link
    engine.clear_storage()
    engine.open("")  # so that the link is a new page load, as for the person it is sent to
    engine.open(link.removeprefix(engine.base_url))
    engine.wait_for("/This share link holds 2 recommendations/.test(document.getElementById('planner-preview-body').textContent)",
                    message="(the share link's preview)")


def test_search_finds_what_is_asked_for(engine):
    """Search's index and web worker (started from the site's own address) under the site's policy."""
    engine.open("?q=jobcentre")
    engine.wait_for("document.querySelectorAll('.md-search-result__item').length > 0", timeout=30,
                    message="(search's results)")


# --- a recommendation's card in a frame on another site ---------------------------------------

@pytest.fixture(scope="session")
def council_page(site, tmp_path_factory) -> str:
    """A page of another site (served from another port: another origin) with a recommendation's
    card in it, framed by the code its oEmbed file gives, as a council's content system embeds it.
    The frame's load event marks the page."""
    rec = real_catalogue().recommendations[0]
    frame = json.loads((site.root / "recommendations" / rec.id / "oembed.json").read_text(encoding="utf-8"))["html"]
    assert frame.startswith("<iframe ") and f'src="{site.url}recommendations/{rec.id}/embed/"' in frame
    folder = tmp_path_factory.mktemp("council")
    (folder / "index.html").write_text(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Council guidance</title></head>\n'
        "<body><main><h1>Our guidance</h1><p>The report recommends:</p>\n"
        + frame.replace("<iframe ", "<iframe onload=\"document.body.dataset.framed = 'yes'\" ", 1)
        + "\n</main></body></html>\n", encoding="utf-8")
    with served(folder) as url:
        yield url


def test_a_card_shows_in_a_frame_on_another_site_and_loads_nothing_else(engine, council_page, site):
    rec = real_catalogue().recommendations[0]
    assert not council_page.startswith(site.url)
    engine.visit(council_page)
    engine.wait_for("document.body.dataset.framed === 'yes'", message="(the frame's load event)")
    with engine.frame("iframe"):
        engine.wait_for("document.readyState === 'complete'")
        assert engine.url == f"{site.url}recommendations/{rec.id}/embed/"
        assert engine.shown("main h1") and engine.text_of("main h1") == rec.title
        assert engine.text_of("blockquote") == rec.text
        # Nothing but the card itself: no file, no script, nothing stored.
        assert engine.run_js("return performance.getEntriesByType('resource').map(function (e) { return e.name; })") == []
        assert engine.run_js("return document.scripts.length + document.querySelectorAll('link[rel=stylesheet], img').length") == 0
        assert engine.run_js("return document.cookie") == ""
        # Its policy is in force in a frame too: the browser refuses a request the card did not make.
        engine.run_js("""window.refused = [];
            document.addEventListener('securitypolicyviolation', function (e) { window.refused.push(e.blockedURI); });
            var picture = document.createElement('img'); picture.alt = ''; picture.src = 'http://127.0.0.1:9/planted.png';
            document.body.appendChild(picture);""")
        engine.wait_for("window.refused.length > 0", message="(the card's policy to refuse a planted picture)")
        assert "planted.png" in engine.run_js("return window.refused[0]")
    # The reader's page around it is untouched.
    assert engine.text_of("main h1") == "Our guidance"
