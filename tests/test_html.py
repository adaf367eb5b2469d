"""The HTML helper (checker/browser/html.py) escapes by construction: text and attribute values
always, markup built by the helper never twice."""

from on_micropython import run_on_cpython

from checker.browser.html import Markup, element, escape, fragment


def test_text_is_escaped():
    assert str(fragment("<script>alert('x')</script>")) == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
    assert str(element("p", None, "fish & chips")) == "<p>fish &amp; chips</p>"


def test_attribute_values_are_escaped_and_empty_ones_dropped():
    tag = element("a", {"href": '"><script>', "title": "it's", "hidden": True, "lang": None, "open": False})
    assert str(tag) == '<a hidden href="&quot;&gt;&lt;script&gt;" title="it&#39;s"></a>'


def test_markup_is_not_escaped_twice():
    inner = element("b", None, "a&b")
    assert (
        str(element("p", {"class": "x"}, inner, " & ", fragment(inner))) == '<p class="x"><b>a&amp;b</b> &amp; <b>a&amp;b</b></p>'
    )
    assert escape("&amp;") == "&amp;amp;"  # text that looks escaped is still text


def test_children_may_be_lists_numbers_or_nothing():
    assert str(element("ul", None, [element("li", None, n) for n in (1, 2)], None, False)) == "<ul><li>1</li><li>2</li></ul>"
    assert str(element("input", {"value": 0, "required": True})) == '<input required value="0">'
    assert not fragment(None, "") and fragment(" ") == Markup(" ")


def test_the_micropython_checks_expect_the_same():
    """browser_walk.html_checks (compared with MicroPython's in test_micropython_parity)."""
    checks = run_on_cpython("browser_walk", {"clock": {}, "data": {}, "cases": []})["html"]
    assert checks["text"] == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"
    assert checks["attribute"] == (
        '<a hidden href="&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;" title="a&quot;b&#39;c"></a>'
    )
    assert checks["nested"] == '<p class="x"><b>a&amp;b</b> &amp; &lt;i&gt;</p>'
    assert checks["void"] == '<input required value="&lt;v&gt;">'
    assert checks["lists"] == "<ul><li>1</li><li>&lt;2&gt;</li></ul>"
