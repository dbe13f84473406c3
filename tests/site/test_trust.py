"""A site people can trust at a glance (issue 28, section 5): who runs it and under which terms,
how to report a problem from any page, how old each page is, and that the report is from 2014."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from support.project import ROOT, real_catalogue
from support.site import in_theme, text_of
from recsite.pagedates import GitDates

CATALOGUE = real_catalogue()
PUBLISHED = CATALOGUE.report.site_published
GIT = GitDates(ROOT)


def addresses(site) -> list[str]:
    """Every page made from docs/ or the data (not the theme's 404 page, nor the embed cards, which
    carry the recommendation's version instead)."""
    return sorted(address for page in site.root.rglob("index.html")
                  if in_theme(address := page.relative_to(site.root).as_posix().removesuffix("index.html")))


def changed(pages, address: str) -> str | None:
    time = pages(address).select_one("article .page-changed time")
    return time["datetime"] if time else None


def test_every_page_says_when_its_content_last_changed(site, pages):
    for address in addresses(site):
        element = pages(address).select_one("article .page-changed")
        if element is None:  # only where git's history is missing, and only for pages dated by it
            assert GIT.missing and not address.startswith("recommendations/"), address
            continue
        assert re.fullmatch(r"This page last changed on \d{1,2} [A-Z][a-z]+ \d{4}\.", element.get_text()), address
        assert element is pages(address).select_one("article").find_all(recursive=False)[-1], address


def test_a_page_of_recommendations_is_dated_by_their_history(pages):
    for rec in CATALOGUE.recommendations:
        assert changed(pages, f"recommendations/{rec.id}/") == rec.last_changed(PUBLISHED).isoformat(), rec.id
        citation = text_of(pages(f"recommendations/{rec.id}/").select_one("#cite ~ .citation"))
        assert rec.last_changed(PUBLISHED).strftime("%Y") in citation
    newest = max(rec.last_changed(PUBLISHED) for rec in CATALOGUE.recommendations)
    assert changed(pages, "recommendations/") == newest.isoformat()


def test_a_hand_written_page_is_dated_by_its_files_last_commit(pages):
    for address, source in (("", "docs/index.md"), ("about/", "docs/about.md"), ("glossary/", "data/glossary.yaml")):
        expected = GIT.last_commit(source)
        assert changed(pages, address) == (expected.isoformat() if expected else None), address


def test_every_footer_links_to_reporting_a_problem_and_about(site, pages):
    for address in ("", "about/", "recommendations/employment-as-the-norm/", "planner/questions/", "404.html"):
        links = {text_of(a): urljoin(site.url + address, a["href"])
                 for a in pages(address).select("footer .recsite-footer a")}
        # Without REPO_URL (as here) there is no repository address: the About page says how.
        assert links["Report a problem with this page"] == f"{site.url}about/#report-a-problem", address
        assert links["About this site"] == f"{site.url}about/#this-site", address
    assert pages("about/").find(id="report-a-problem")


def test_about_says_who_publishes_what_and_under_which_terms(pages):
    about = pages("about/").find("article")
    assert about.find("a", href=re.compile(r"^https://www\.ndti\.org\.uk/"))
    licences = about.find(id="licences")
    words = text_of(licences.find_next_sibling("p"))
    assert "are NDTi's, and remain so" in words
    ours = licences.find_next_sibling("p").find_next_sibling("p")
    assert {a["href"] for a in ours.find_all("a")} == {"https://creativecommons.org/licenses/by/4.0/",
                                                      "https://opensource.org/license/mit"}
    assert "leaving out the report's words" in text_of(ours)


def test_the_licences_named_on_about_are_in_the_repository():
    # The About page and README name them; the full texts are kept with the code they cover.
    assert "Attribution 4.0 International Public License" in (ROOT / "LICENSES/CC-BY-4.0.txt").read_text()
    assert (ROOT / "LICENSES/MIT.txt").read_text().startswith("MIT License")
    assert "covered by none of the licences below" in (ROOT / "LICENSE").read_text()


def test_about_says_the_report_is_from_2014_and_what_has_changed_in_the_sites_words(pages):
    about = pages("about/").find("article")
    since = about.find(id="since-2014").find_next_sibling("div")
    # Marked as ours the way every block of ours is (a dashed line; its label said to screen readers).
    assert since["data-provenance"] == "site" and text_of(since).startswith("Our words:")
    text = text_of(since)
    for said in ("Care Act 2014", "April 2015", "FACS", "national eligibility criteria",
                 "Care and Support (Eligibility Criteria) Regulations 2015"):
        assert said in text, said
    sources = {a["href"] for a in since.select("a[href]:not(.term)")}
    assert sources == {"https://www.legislation.gov.uk/ukpga/2014/23/contents",
                       "https://www.legislation.gov.uk/uksi/2015/313/contents"}
    # Said at the top, before the report's details: the first thing under the heading, before even
    # the key to whose words are whose.
    assert "2014 report" in text_of(about.find("h1").find_next_sibling())


def test_about_keeps_engineering_figures_in_the_repository(pages):
    about = text_of(pages("about/").find("article"))
    assert not re.search(r"\d\s*(ms|kB|KB|MB|milliseconds|seconds)\b", about)
    assert not re.search(r"kernel|benchmark table|budget (met|missed)", about, re.IGNORECASE)
