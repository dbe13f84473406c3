"""recsite/embed.py: a recommendation on another site. Every recommendation (current or withdrawn) has
an embeddable card and an oEmbed file; the card carries the report's words exactly, says who the
recommendation is for and where the report prints it, links its page, and can load or run nothing;
the code the page offers (the iframe, and the plain HTML alternative) is the code the oEmbed file
gives, and stays code whatever the data's words hold. (The built cards: tests/site/test_embed_pages.py;
in a browser: tests/site/test_embed_browser.py and test_engines.py.)"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
from datetime import date

import yaml
from bs4 import BeautifulSoup

from support.project import ROOT, real_catalogue
from support.site import text_of
from recsite import embed, paths
from recsite.model import Retired
from recsite.plan import plan_site
from recsite.render import code_attribute, code_text

CATALOGUE = real_catalogue()
SITE_URL = "https://example.org/pb/"
HOSTILE_TITLE = "<img src=x onerror=alert(1)> \"Quoted\" & 'single' &amp;"
HOSTILE_TEXT = "</textarea><script>alert(\"x\")</script> Health & Wellbeing &lt; \"Better Off\" {{ config }}"
# The oEmbed specification's fields (oembed.com, section 2.3.4 and 2.3.4.4 for "rich").
OEMBED_REQUIRED = {"version", "type", "html", "width", "height"}
OEMBED_OPTIONAL = {"title", "author_name", "author_url", "provider_name", "provider_url", "cache_age",
                   "thumbnail_url", "thumbnail_width", "thumbnail_height"}


def _withdrawn(catalogue=CATALOGUE, replaced_by: str | None = "employment-as-the-norm"):
    gone = Retired("old-advice", "Old advice", "The report's words it had.", date(2026, 6, 30),
                   "Merged into a wider recommendation.", replaced_by)
    return dataclasses.replace(catalogue, retired=(*catalogue.retired, gone), _by_id={})


def _hostile():
    first = dataclasses.replace(CATALOGUE.recommendations[0], title=HOSTILE_TITLE, text=HOSTILE_TEXT)
    return dataclasses.replace(CATALOGUE, recommendations=(first, *CATALOGUE.recommendations[1:]), _by_id={})


PLAN = plan_site(_withdrawn(), SITE_URL)


def card(rec_id: str, plan=PLAN) -> BeautifulSoup:
    return BeautifulSoup(plan.files[paths.embed_file(rec_id)], "html.parser")


def oembed(rec_id: str, plan=PLAN) -> dict:
    return json.loads(plan.files[paths.oembed_file(rec_id)])


def page_code(rec_id: str, plan=PLAN) -> dict[str, str]:
    """The code "Embed this" offers on the recommendation's page, as a reader copies it: the
    read-only fields' text, as the browser reads it."""
    page = BeautifulSoup(plan.pages[paths.recommendation_page(rec_id)].markdown, "html.parser")
    return {field["id"]: field.get_text() for field in page.select(".rec-embed textarea")}


def test_every_recommendation_current_or_withdrawn_has_a_card_and_an_oembed_file():
    for record in (*CATALOGUE.recommendations, "old-advice"):
        rec_id = getattr(record, "id", record)
        assert paths.embed_file(rec_id) == f"recommendations/{rec_id}/embed/index.html"
        assert paths.embed_file(rec_id) in PLAN.files and paths.oembed_file(rec_id) in PLAN.files


def test_each_oembed_file_has_the_specifications_fields_and_the_iframe():
    for rec in CATALOGUE.recommendations:
        found = oembed(rec.id)
        assert OEMBED_REQUIRED <= set(found) <= OEMBED_REQUIRED | OEMBED_OPTIONAL, rec.id
        assert found["version"] == "1.0" and found["type"] == "rich"
        assert all(type(found[name]) is int and found[name] > 0 for name in ("width", "height"))
        assert all(isinstance(value, str) and value for name, value in found.items() if name not in ("width", "height"))
        assert found["provider_url"] == SITE_URL and found["provider_name"] == paths.SITE_NAME
        [frame] = BeautifulSoup(found["html"], "html.parser").find_all(True)
        assert frame.name == "iframe" and frame["src"] == f"{SITE_URL}recommendations/{rec.id}/embed/"
        assert (int(frame["width"]), int(frame["height"])) == (found["width"], found["height"])
        # The same code the page offers to copy.
        assert page_code(rec.id)["embed-code"] == found["html"]


def test_an_oembed_file_names_the_report_and_its_place_never_the_sites_heading_as_the_authors():
    """The report gives its recommendations no titles: a content system (WordPress) shows the oEmbed
    title beside author_name (the report's authors), so the title is the report and the place it
    prints the recommendation. Where the site's heading is given (the frame's title, the card's
    title), it is said to be the site's."""
    report = CATALOGUE.report
    for rec in CATALOGUE.recommendations:
        found = oembed(rec.id)
        assert found["author_name"].startswith(report.cite_authors)
        assert found["title"] == (f"A recommendation of The Use of Personal Budgets for Employment Support "
                                  f"(NDTi, 2014), {rec.source.where}"), rec.id
        assert rec.title not in found["title"]
        [frame] = BeautifulSoup(found["html"], "html.parser").find_all(True)
        assert frame["title"] == (f"{found['title']}, shown by {paths.SITE_NAME} under this site's heading "
                                  f"“{rec.title}”")
        # The card's own title is short (html-validate's limit, 140 characters) and gives no heading.
        page_title = card(rec.id).title.get_text()
        assert page_title == f"A recommendation of the NDTi report, {rec.source.where} - {paths.SITE_NAME}"
        assert len(page_title) <= 140
    withdrawn = oembed("old-advice")
    assert withdrawn["title"] == ("A recommendation of The Use of Personal Budgets for Employment Support "
                                  f"(NDTi, 2014), withdrawn from {paths.SITE_NAME}")
    assert card("old-advice").title.get_text() == f"A recommendation withdrawn from this site - {paths.SITE_NAME}"


def test_the_suggested_height_grows_with_the_words():
    """(A browser measures every card at this size: tests/site/test_embed_browser.py.)"""
    heights = {rec.id: embed.embed_of(rec, CATALOGUE.report).height for rec in CATALOGUE.recommendations}
    assert all(300 <= height <= 700 for height in heights.values()), heights
    short, long = (min(CATALOGUE.recommendations, key=lambda rec: len(rec.text)),
                   max(CATALOGUE.recommendations, key=lambda rec: len(rec.text)))
    assert heights[long.id] > heights[short.id]


def test_a_card_quotes_the_report_exactly_and_says_for_whom_where_and_links_its_page():
    for rec in CATALOGUE.recommendations:
        soup = card(rec.id)
        assert soup.html["lang"] == "en"
        [main] = soup.find_all("main")
        [quote] = main.select('blockquote[data-provenance="report"]')
        assert text_of(quote) == " ".join(rec.text.split()), rec.id
        assert "In the report's words" in text_of(main)
        facts = dict(zip((text_of(dt) for dt in main.find_all("dt")), (text_of(dd) for dd in main.find_all("dd"))))
        assert facts == {"For": rec.audience.title, "In the report": rec.source.where}
        permanent = f"{SITE_URL}recommendations/{rec.id}/"
        assert [a["href"] for a in main.find_all("a")] == [permanent]
        assert soup.find("link", rel="canonical")["href"] == permanent
        assert main.find("h1").get_text() == rec.title and len(soup.find_all("h1")) == 1
        assert ("a key recommendation" in text_of(main)) == rec.key


def test_a_card_can_load_nothing_and_run_nothing():
    """No script, no file (styles, fonts, pictures) and no form: the card sends no request, and
    its policy tells the browser so; the one style element is allowed by its hash."""
    for rec_id in (CATALOGUE.recommendations[0].id, "old-advice"):
        soup = card(rec_id)
        assert not soup.find_all(["script", "img", "iframe", "object", "embed", "form", "svg", "video", "audio"])
        assert [link["rel"] for link in soup.find_all("link")] == [["canonical"]]
        assert not [tag for tag in soup.find_all(True) if "style" in tag.attrs or any(a.startswith("on") for a in tag.attrs)]
        [style] = soup.find_all("style")
        policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        digest = base64.b64encode(hashlib.sha256(style.string.encode()).digest()).decode()
        assert policy == f"default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
        # Its links open the site outside the frame.
        assert all(a["target"] == "_blank" and a["rel"] == ["noopener"] for a in soup.find_all("a"))


def test_a_withdrawn_card_says_so_and_links_what_replaces_it():
    soup = card("old-advice")
    main = text_of(soup.main)
    assert "Withdrawn: Old advice" == soup.h1.get_text()
    assert "This recommendation was withdrawn on 30 June 2026. Merged into a wider recommendation." in main
    replacement = CATALOGUE.recommendation("employment-as-the-norm")
    [link] = [a for a in soup.find_all("a") if a.get_text() == replacement.title]
    assert link["href"] == f"{SITE_URL}recommendations/employment-as-the-norm/"
    # The words it had are shown as what this site showed, never as current words of the report.
    assert not soup.select('[data-provenance="report"]')
    assert text_of(soup.select_one('[data-provenance="withdrawn"]')) == "The report's words it had."

    alone = card("old-advice", plan_site(_withdrawn(replaced_by=None), SITE_URL))
    assert "Nothing replaces it." in text_of(alone.main)
    assert [a["href"] for a in alone.find_all("a")] == [f"{SITE_URL}recommendations/old-advice/"]


def test_the_plain_html_alternative_carries_the_words_exactly_and_says_where_they_are_from():
    report = CATALOGUE.report
    for rec in CATALOGUE.recommendations:
        code = BeautifulSoup(page_code(rec.id)["embed-quote"], "html.parser")
        [quote] = code.find_all("blockquote")
        permanent = f"{SITE_URL}recommendations/{rec.id}/"
        assert quote["cite"] == permanent and text_of(quote) == " ".join(rec.text.split()), rec.id
        [source] = code.find_all("p", recursive=False)
        assert source.cite.get_text() == report.title and source.a["href"] == permanent
        assert " ".join(source.get_text().split()) == (f"From {report.cite_authors} ({report.year}) {report.title}. {report.place}: "
                                   f"{report.publisher}. {rec.source.where[0].upper()}{rec.source.where[1:]}. "
                                   f"Available at: {permanent}")


def test_hostile_words_stay_words_in_the_card_the_code_and_the_oembed_file():
    plan = plan_site(_hostile(), SITE_URL)
    rec_id = CATALOGUE.recommendations[0].id
    soup = card(rec_id, plan)
    assert soup.h1.get_text() == HOSTILE_TITLE and not soup.find_all(["script", "img"])
    assert text_of(soup.select_one('blockquote[data-provenance="report"]')) == HOSTILE_TEXT
    # The code a reader copies is one iframe, and one blockquote with the words as they are.
    code = page_code(rec_id, plan)
    assert code["embed-code"] == oembed(rec_id, plan)["html"]
    [frame] = BeautifulSoup(code["embed-code"], "html.parser").find_all(True)
    assert frame.name == "iframe" and frame["title"].endswith(f"“{HOSTILE_TITLE}”")
    alternative = BeautifulSoup(code["embed-quote"], "html.parser")
    assert not alternative.find_all(["script", "img", "textarea"])
    assert alternative.blockquote.get_text().strip() == HOSTILE_TEXT


def test_code_is_escaped_as_html_needs_and_no_more():
    """So a council's page reads "Health & Wellbeing" and "a provider's" in the code it pastes."""
    assert code_text("Health & Wellbeing, a provider's \"Better Off\"") == "Health & Wellbeing, a provider's \"Better Off\""
    assert code_text("&amp; &#39; AT&T <b>") == "&amp;amp; &amp;#39; AT&amp;T &lt;b&gt;"
    assert code_attribute('a "quoted" word') == "'a \"quoted\" word'"
    assert code_attribute("a provider's") == '"a provider\'s"'
    assert code_attribute("both \" and '") == '"both &quot; and \'"'
    for value in ('a "quoted" word', "both \" and ' <x> &amp;"):
        parsed = BeautifulSoup(f"<p title={code_attribute(value)}>{code_text(value)}</p>", "html.parser").p
        assert parsed["title"] == value and parsed.get_text() == value


def test_the_site_name_is_the_one_mkdocs_yml_gives():
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    assert paths.SITE_NAME == config["site_name"]
