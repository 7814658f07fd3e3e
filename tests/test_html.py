"""The escaping helper every notebook uses to show corpus text as HTML."""

import pytest

from analysis.views.html import escape, escape_markdown, highlight

HOSTILE = 'ISIS said <script>alert("x")</script> & <img src=x onerror="alert(1)">'


def test_escape_turns_markup_into_text():
    assert escape(HOSTILE) == (
        "ISIS said &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "
        "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
    )


def test_highlight_marks_spans_and_escapes_everything_else():
    out = highlight(HOSTILE, [(0, 4, "Islamic State")])
    assert out == (
        '<span class="tex2jax_ignore mathjax_ignore"><mark title="Islamic State">ISIS</mark> said '
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "
        "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</span>"
    )


def test_highlight_escapes_inside_marks_and_titles():
    text = "a <b> c"
    assert highlight(text, [(2, 5, '"><script>')]) == (
        '<span class="tex2jax_ignore mathjax_ignore">a <mark title="&quot;&gt;&lt;script&gt;">&lt;b&gt;</mark> c</span>'
    )


def test_highlight_merges_overlaps_sorts_and_skips_empty_spans():
    text = "Hezbollah and Hizbullah"
    out = highlight(text, [(14, 23), (0, 9, "x"), (4, 12, "y"), (3, 3)])
    assert out == '<span class="tex2jax_ignore mathjax_ignore"><mark title="x; y">Hezbollah an</mark>d <mark>Hizbullah</mark></span>'


def test_highlight_rejects_spans_outside_the_text():
    with pytest.raises(ValueError, match=r"span \(2, 9\) is outside the text \(length 3\)"):
        highlight("abc", [(2, 9)])


def test_escape_markdown_keeps_markup_dollars_and_emphasis_as_text():
    out = escape_markdown('Cost $500 billion <img src=x onerror="a()"> and $2,000 *each* [link](x) a_b')
    assert out == (
        '<span class="tex2jax_ignore mathjax_ignore">Cost &#36;500 billion '
        "&lt;img src=x onerror=&quot;a()&quot;&gt; and &#36;2,000 \\*each\\* \\[link\\](x) a\\_b</span>"
    )
