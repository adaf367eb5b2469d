"""`make bench`, flow pages: time to a flow page's first chart drawn and visible, against a policy
page's load event, at 1440 px, in cold browser contexts (service workers blocked: a first visit).
Loads alternate between the two pages so that a busy machine slows both alike."""

import statistics

FLOW, POLICY = "flows/returns/", "policies/returns/"  # the largest flow page; the policy page of its area
GOAL = 2.0
# Set, from the page's start, the time the first drawn chart's SVG is in the document with a size.
FIRST_CHART = """new MutationObserver((records, observer) => {
  const svg = document.querySelector('.policy-flowchart.is-drawn svg');
  if (svg && svg.getBoundingClientRect().width > 0) { window.__firstChart = performance.now(); observer.disconnect(); }
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['class']});"""


def _cold(browser, server, path):
    """(ms to the first chart, or to the load event on a page without charts; bytes served)."""
    context = browser.new_context(service_workers="block", viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.add_init_script(FIRST_CHART)
    server.sent = 0
    page.goto(server.url + path)
    if path == FLOW:
        page.wait_for_function("window.__firstChart", timeout=60000)
        shown = page.evaluate("window.__firstChart")
    else:
        page.wait_for_load_state("load")
        shown = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
    page.wait_for_load_state("networkidle")
    sent = server.sent
    context.close()
    return shown, sent


def flow_page(browser, server, loads):
    """{"flow": (median ms, median bytes), "policy": (…)} over ``loads`` cold loads of each."""
    runs = {FLOW: [], POLICY: []}
    for path in runs:
        _cold(browser, server, path)  # warm the OS file cache, not the browser's
    for _ in range(loads):
        for path in runs:
            runs[path].append(_cold(browser, server, path))
    return {
        name: (statistics.median(r[0] for r in runs[path]), statistics.median(r[1] for r in runs[path]))
        for name, path in (("flow", FLOW), ("policy", POLICY))
    }


def report(result):
    (flow, flow_bytes), (policy, policy_bytes) = result["flow"], result["policy"]
    print(
        f"flow page ({FLOW}): first chart shown {flow:.0f} ms, {flow_bytes / 1e6:.2f} MB; "
        f"policy page ({POLICY}): loaded {policy:.0f} ms, {policy_bytes / 1e6:.2f} MB; "
        f"first chart / policy page load = {flow / policy:.2f} (goal <= {GOAL:g})"
    )
