"""What makes the sites' search find the words readers type: a dictionary for the Chinese
segmenter and each rule's search words, all from the rules (rule `keywords`, the site file's
`search: words / synonyms`). Plain functions; the plugin only writes and hands them over.
"""

from ..engine.text import wording
from .markup import esc

__all__ = ["segmenter_words", "jieba_dictionary", "rule_search_words", "search_block"]


def _search(bundle):
    return bundle["site"].get("search", {})


def segmenter_words(bundle):
    """Every word the segmenter must keep whole: the site's words, both sides of every
    synonym and every rule's keywords (only words without spaces: one line each)."""
    search = _search(bundle)
    words = set(search.get("words", []))
    for term, others in search.get("synonyms", {}).items():
        words.update([term, *others])
    for rule in bundle["rules"].values():
        words.update(rule.get("keywords", []))
    return sorted(word for word in words if word.strip() and not any(ch.isspace() for ch in word))


def jieba_dictionary(bundle):
    """The user dictionary jieba reads (one word a line; jieba picks a frequency that keeps
    each word whole). Generated at build time, never committed."""
    return "".join(word + "\n" for word in segmenter_words(bundle))


def shown_text(rule, audience):
    """The text a rule shows to this audience: staff see title, text and customer wording,
    customers only the title and the customer wording."""
    fields = ("text", "customer") if audience == "staff" else ("customer",)
    parts = [rule["title"]["zh"], rule["title"]["en"]]
    parts += [wording(rule, field, lang) for field in fields if field in rule for lang in ("zh", "en")]
    return " ".join(parts)


def rule_search_words(bundle, rule, audience):
    """The words that find a rule besides its text: its keywords, and the synonyms of every
    term its shown text uses (so a staff-only wording never adds words to the public site);
    staff also find a rule by its id."""
    text = shown_text(rule, audience)
    words = [rule["id"]] if audience == "staff" else []
    words += rule.get("keywords", [])
    for term, others in _search(bundle).get("synonyms", {}).items():
        if term.lower() in text.lower():
            words += others
    seen = set()
    return [w for w in words if not (w in seen or seen.add(w))]


def search_block(words):
    """The words as hidden HTML that Material's search indexes with the rule's section but
    the page does not show (nor read aloud); empty when there are none."""
    if not words:
        return ""
    return f'<div class="rule-search" hidden>{esc(" · ".join(words))}</div>'
