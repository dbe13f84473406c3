"""recsite/policy.py: the Content-Security-Policy's text, the inline scripts and styles it finds in
a page, their hashes as browsers compute them, and the policy written into every page at the end."""

from __future__ import annotations

import pytest

from recsite.policy import (PROVISIONAL, Policy, PolicyBuilder, PolicyError, allow_last_script, inline_scripts,
                            inline_styles, source_hash, style_attributes)


def test_a_hash_is_the_one_a_browser_computes():
    # Chromium's own console message for a blocked style="width: 20%" names this hash.
    assert source_hash("width: 20%") == "'sha256-oBFTyWUR8pji6AIv/Z4Dxq5rvbCAf88+YvElwUlpT2o='"
    # The HTML parser reads CR LF as LF, so a script written with Windows line ends has LF's hash.
    assert source_hash("a();\r\nb();") == source_hash("a();\nb();")


def test_only_scripts_that_run_from_the_page_itself_are_inline_scripts():
    page = ('<script>one()</script><script src="x.js"></script><script type="module">two()</script>'
            '<script id="__config" type="application/json">{"a": 1}</script>'
            '<script type="text/javascript">three()</script><script type=module src=y.js></script>')
    assert inline_scripts(page) == ["one()", "two()", "three()"]


def test_styles_and_style_attributes_are_found_as_the_browser_reads_them():
    page = ('<noscript><style>.a { display: none; }</style></noscript>'
            '<span class="bar" style="width: 51.4%"></span><p data-style="x">style="not an attribute"</p>'
            "<b style='color: &quot;red&quot;'></b>")
    assert inline_styles(page) == [".a { display: none; }"]
    assert style_attributes(page) == ["width: 51.4%", 'color: "red"']


def test_the_policy_allows_the_site_and_hashes_and_never_unsafe_inline_or_eval():
    text = Policy(frozenset({"'sha256-b'", "'sha256-a'"}), frozenset({"'sha256-s'"}), frozenset({"'sha256-w'"})).text()
    directives = dict(part.split(" ", 1) for part in text.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self' 'sha256-a' 'sha256-b'"  # sorted: the same pages, the same text
    assert directives["style-src"] == "'self' 'sha256-s'"
    assert directives["style-src-attr"] == "'unsafe-hashes' 'sha256-w'"
    for name in ("base-uri", "form-action", "connect-src", "worker-src"):
        assert directives[name] == "'self'"
    assert directives["object-src"] == "'none'" and directives["img-src"] == "'self' data:"
    assert "unsafe-inline" not in text and "unsafe-eval" not in text
    assert "frame-ancestors" not in text  # ignored in a meta element: a header's (developers/deployment.md)
    assert "sha256" not in PROVISIONAL  # a page left unfinished lets nothing inline run


def test_every_page_gets_every_pages_hashes(tmp_path):
    """Instant navigation runs one page's inline scripts under another's policy, so each page's
    policy holds the hashes of them all."""
    builder = PolicyBuilder()
    pages = {"a.html": f"<head>{PROVISIONAL}<script>a()</script></head>",
             "b.html": f'<head>{PROVISIONAL}</head><span style="width: 5%"></span><script>b()</script>',
             "c.html": f"<head>{PROVISIONAL}</head>"}
    for name, page in pages.items():
        (tmp_path / name).write_text(page, encoding="utf-8")
        builder.add(name, page, tmp_path / name)
    policy = builder.finish()
    assert policy.scripts == {source_hash("a()"), source_hash("b()")}
    assert policy.style_attributes == {source_hash("width: 5%")}
    for name in pages:
        written = (tmp_path / name).read_text(encoding="utf-8")
        assert PROVISIONAL not in written and written.count(policy.meta()) == 1, name


@pytest.mark.parametrize("page, count", [("<head></head>", 0), (f"<head>{PROVISIONAL}{PROVISIONAL}</head>", 2)])
def test_a_page_without_the_policy_or_with_two_is_refused(page, count):
    with pytest.raises(PolicyError, match=f"^x.html: the page carries the Content-Security-Policy {count} times, not once"):
        PolicyBuilder().add("x.html", page)


def test_the_development_servers_reload_script_is_allowed_on_the_page_it_is_served_with():
    page = f"<head>{Policy(frozenset({source_hash('a()')})).meta()}</head><body><script>a()</script>"
    served = (page + "<script>livereload(1, 2)</script></body>").encode()
    allowed = allow_last_script(served).decode()
    assert f"script-src 'self' {source_hash('a()')} {source_hash('livereload(1, 2)')};" in allowed
    assert allow_last_script(b"<p>no policy</p>") == b"<p>no policy</p>"
