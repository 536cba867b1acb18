"""Text from HTML email: layout kept as line breaks, noise dropped, quotes kept."""

from __future__ import annotations

from composer.mail.html_text import html_to_text


def test_paragraphs_breaks_lists_and_entities() -> None:
    html = (
        "<p>Hello&nbsp;<b>Anna</b>,</p><p>Line one<br>Line two &amp; &eacute;t&eacute;</p>"
        "<ul><li>one</li><li>two</li></ul><h2>Title</h2>text"
    )
    assert html_to_text(html) == (
        "Hello Anna,\n\nLine one\nLine two & été\n\n- one\n- two\n\nTitle\n\ntext"
    )


def test_scripts_styles_head_and_hidden_text_are_dropped() -> None:
    html = (
        "<html><head><title>T</title><style>p{}</style></head><body>"
        "<div style='display: none'>preheader</div><script>alert(1)</script>"
        "<span style='visibility:hidden'>ghost</span>Shown<!-- a comment --></body></html>"
    )
    assert html_to_text(html) == "Shown"


def test_unclosed_hidden_element_does_not_swallow_the_message() -> None:
    assert html_to_text("<div style='display:none'>everything after") == "everything after"


def test_links_show_their_target_only_when_it_differs() -> None:
    html = (
        '<a href="https://x.org/a">our site</a> '
        '<a href="https://x.org">https://x.org</a> '
        '<a href="mailto:bob@x.org">bob@x.org</a> '
        '<a href="mailto:bob@x.org">Bob</a> '
        '<a href="#top">top</a> <a href="https://x.org/img"><img src="x.png"></a>'
    )
    assert html_to_text(html) == (
        "our site (https://x.org/a) https://x.org bob@x.org Bob (bob@x.org) top"
    )


def test_blockquotes_become_quote_marks() -> None:
    html = (
        "<div>On Mon, Bob wrote:<blockquote><p>quoted <i>text</i></p>"
        "<blockquote>deeper</blockquote>back</blockquote></div>after"
    )
    assert html_to_text(html) == (
        "On Mon, Bob wrote:\n\n> quoted text\n>\n>> deeper\n>\n> back\n\nafter"
    )


def test_preformatted_text_keeps_its_spaces() -> None:
    assert html_to_text("<p>x</p><pre>  a\n    b</pre><p>y</p>") == "x\n\n  a\n    b\n\ny"


def test_table_cells_are_separated() -> None:
    html = "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><td>d</td></tr></table>"
    assert html_to_text(html) == "a b\nc d"


def test_broken_markup_still_gives_text() -> None:
    assert html_to_text("<p>one<p>two</b></i><div>three") == "one\n\ntwo\nthree"
    assert html_to_text("<<>>&&;&#xZZ; <a href=>x") == "<<>>&&;&#xZZ; x"


def test_quotes_nested_deeper_than_any_conversation_are_shown_at_a_bounded_depth() -> None:
    from composer.mail.html_text import MAX_QUOTE_DEPTH

    depth = 30_000
    html = "<blockquote>x" * depth + "</blockquote>" * depth
    text = html_to_text(html)
    lines = text.splitlines()
    assert lines and all(line.startswith(">") for line in lines)
    assert max(len(line) - len(line.lstrip(">")) for line in lines) == MAX_QUOTE_DEPTH
    assert len(text) < 100 * depth  # linear in the input, not depth squared
