"""Search self-test: each query of tests/search_queries.yaml finds its rule in the first three
results, in Chromium, through the built site's own search worker (the one the search box uses),
many queries per page load. Also the search box itself, as a reader types into it."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from checker.engine.text import wording
from checker.yamlsource import load_yaml_text

HERE = Path(__file__).resolve().parent
WORKER = (HERE / "search_worker.js").read_text(encoding="utf-8")
SITES = {"staff": "staff", "customer": "public"}


def queries():
    data, problem = load_yaml_text((HERE / "search_queries.yaml").read_text(encoding="utf-8"), "search_queries.yaml")
    assert problem is None, problem
    return data


def top3(locations):
    """The first three rule or section anchors the search box lists (page entries skipped)."""
    return [location.partition("#")[2] for location in locations if "#" in location][:3]


def test_the_list_is_long_enough_and_customers_only_find_public_rules(bundle):
    data = queries()
    assert len(data["staff"]) >= 40 and len(data["customer"]) >= 15
    for item in data["staff"] + data["customer"]:
        assert item["rule"] in bundle["rules"], item
    assert all(bundle["rules"][item["rule"]]["audience"] == "public" for item in data["customer"])


@pytest.mark.parametrize("reader", sorted(SITES))
def test_every_query_finds_its_rule_in_the_top_three(open_page, reader):
    page = open_page(SITES[reader], "")
    items = queries()[reader]
    found = page.evaluate(WORKER, [item["query"] for item in items])
    misses = [
        f"{i['query']} -> {i['rule']} (got {top3(found[i['query']])})" for i in items if i["rule"] not in top3(found[i["query"]])
    ]
    assert misses == [], "\n".join(misses)


@pytest.mark.parametrize(
    "words,rule", [("退款", "RET-REFUND-TIMING"), ("七天无理由", "RET-WINDOW"), ("怎么投诉", "CMP-CHANNELS")]
)
def test_the_public_search_box_finds_words_committed_without_a_key(open_page, words, rule):
    page = open_page("public", "")
    box = page.locator("input.md-search__input")
    box.click()
    page.keyboard.insert_text(words)  # how a Chinese input method commits: no key release
    expect(page.locator(f".md-search-result__item a[href*='#{rule}']").first).to_be_attached(timeout=10000)


def test_a_snippet_starts_with_the_rule_text_not_its_metadata(open_page, bundle):
    page = open_page("staff", "")
    page.locator("input.md-search__input").click()
    page.keyboard.insert_text("首次答复")
    article = page.locator(".md-search-result__item a[href*='#CMP-FIRST-REPLY'] article").first
    expect(article).to_be_attached(timeout=10000)
    rule = bundle["rules"]["CMP-FIRST-REPLY"]
    first = article.locator("p").first.inner_text().replace("\u200b", "")
    assert first == wording(rule, "text", "zh"), first
    assert rule["where"]["file"] not in article.inner_text()
