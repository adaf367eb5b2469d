"""The public pages open with the site file's summary and the shop's contact details, use
customer headings and say the effective date once; the validator checks what they name."""

import re

from conftest import ROOT
from test_site_choices import rules_with

from checker.engine.text import wording
from checker.site import generate_pages


def _public(bundle):
    return generate_pages(bundle, "public")


def test_each_area_page_opens_with_its_summary_in_the_site_files_order(bundle):
    pages = _public(bundle)
    entries = [entry for entry in bundle["site"]["public"] if entry.get("summary")]
    assert entries
    for entry in entries:
        page = pages[f"{entry['area']}.md"]
        first_section = page.index("\n## ", page.index("{#summary}"))
        summary = page[: page.index("{#contact}") if entry.get("contact") else first_section]
        places = [summary.index(f'<span lang="en">{item["question"]["en"]}</span>') for item in entry["summary"]]
        assert places == sorted(places)
        for item in entry["summary"]:
            for rule_id in item["rules"]:
                assert wording(bundle["rules"][rule_id], "customer", "zh") in summary
        # the summary comes before any rule section
        assert page.index("{#summary}") < min(page.index(f"{{#{r}}}") for r in entry["summary"][0]["rules"] if r in page)


def test_summary_links_reach_the_rule_on_its_public_page(bundle):
    page = _public(bundle)["returns.md"]
    links = re.findall(r'class="public-summary__more" href="([^"]+)"', page)
    assert links
    for link in links:
        target, _, anchor = link.partition("#")
        assert anchor in bundle["rules"]
        area = bundle["rules"][anchor]["area"]
        assert target == ("" if area == "returns" else f"../{area}/")


def test_contact_details_come_from_the_shop_file(bundle):
    contact = bundle["shop"]["contact"]
    for entry in bundle["site"]["public"]:
        if "area" not in entry:
            continue
        page = _public(bundle)[f"{entry['area']}.md"]
        shown = all(
            text in page
            for text in (contact["phone"], contact["email"], contact["return_address"]["zh"], contact["chat_hours"]["en"])
        )
        assert shown == bool(entry.get("contact")), entry["area"]


def test_the_effective_date_is_said_once_per_page(bundle):
    for path, page in _public(bundle).items():
        assert page.count("These rules apply from") == 1, path
        assert "生效日期 · Effective" not in page


def test_customer_headings_replace_staff_words_on_the_public_site_only(bundle):
    pages = _public(bundle)
    staff = generate_pages(bundle, "staff")
    titled = [rule for rule in bundle["rules"].values() if "customer_title" in rule]
    assert titled
    for rule in titled:
        page = pages[f"{rule['area']}.md"]
        assert f"### {rule['customer_title']['zh']}" in page.replace("\\", "")
        assert f"### {rule['title']['zh']} ·" not in page.replace("\\", "")
        assert f"### {rule['title']['zh']} ·" in staff[f"policies/{rule['area']}.md"].replace("\\", "")
    for entry in bundle["site"]["public"]:
        for title in entry.get("sections", {}).values():
            assert f"## {title['zh']} · " in pages[f"{entry['area']}.md"].replace("\\", "")


def test_a_summary_answers_with_public_rules_of_shown_areas(tmp_path, monkeypatch):
    _, problems = rules_with(
        tmp_path,
        monkeypatch,
        {"site.yaml": ("        rules: [RET-WINDOW]\n", "        rules: [RET-WINDOW, RET-RECORD, SCH-CHECKIN]\n")},
    )
    assert problems == [
        "rules/site.yaml:42:29: rule RET-RECORD is staff only; a summary answers with public rules",
        "rules/site.yaml:42:41: rule SCH-CHECKIN is staff only; a summary answers with public rules",
    ]


def test_contact_on_a_page_needs_the_shops_contact(tmp_path, monkeypatch):
    shop = (ROOT / "rules" / "shop.yaml").read_text(encoding="utf-8")
    contact = re.search(r"^contact:\n(?:  .*\n)+", shop, re.M).group(0)
    _, problems = rules_with(tmp_path, monkeypatch, {"shop.yaml": (contact, "")})
    assert "rules/site.yaml:53:14: the shop file has no 'contact'; add phone, email, chat_hours and return_address" in problems


def test_a_customer_title_belongs_to_a_public_rule(tmp_path, monkeypatch):
    _, problems = rules_with(
        tmp_path,
        monkeypatch,
        {
            "complaints.yaml": (
                "        title: {zh: 立即登记",
                "        customer_title: {zh: 登记, en: Record}\n        title: {zh: 投诉登记",
            )
        },
    )
    assert len(problems) == 1 and "a staff rule is never on the public site; remove 'customer_title'" in problems[0]
