"""Benchmark of the browser checker (`make bench`): not a test, numbers to read.

From one run, in headless Chromium on loopback, with a cold cache for every load (a fresh
browser context): for the checker on MicroPython and on Pyodide, and for a bare PyScript
page with nothing in it on each runtime (the runtime's floor),

- time to the first question shown and clickable (pre-rendered HTML, boot.js listening),
- time to the Python runtime ready (the checker: its own start-up done, every click live),
- bytes transferred in all (every response the server sent, workers included), and what a
  server that gzips text responses would send (the ".bundle" and ".wasm" files count whole),
- answer-to-next-question latency (click event to the next question in the DOM).

and for a static Material page with no script of ours (a built handbook page with our scripts
taken out: the floor of "first question shown"); and a flow page's first chart against a policy
page's load (bench_flowpage.py).

Medians of --loads cold loads (default 7). Timings on shared machines are noisy: read the
ratios, which come from one run; the last lines hold them against the goals of issue 23.
Service workers are blocked: a cold load is a first visit, before the offline cache exists.
"""

import argparse
import functools
import gzip
import http.server
import json
import re
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_flowpage  # noqa: E402
from browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from sitebuild import build_site, variant_config  # noqa: E402

from checker.site.checker_page import INTERPRETERS, PLUGINS_OFF, SCRIPT_TYPES, other_type_config  # noqa: E402

BARE = """<!doctype html><html><head><meta charset="utf-8"><title>bare PyScript</title>
<link rel="stylesheet" href="../assets/vendor/pyscript/core.css">
<script type="module" src="../assets/vendor/pyscript/core.js"></script></head>
<body><p>bare</p>{other}<script type="{kind}" config='{{"interpreter": "{interpreter}", "plugins": {plugins}}}'>
from pyscript import document, window
window.performance.mark("policy-checker:python")
document.body.setAttribute("data-ready", str(window.performance.now()))
</script></body></html>
"""
GOALS = {"ready": 1.25, "shown": 1.5, "answer": 16.0, "bytes": 0.9}
ANSWERS = [("dispute", "no"), ("sold_by_us", "yes"), ("reason", "courier_damage"), ("courier_when", "after_signing")]


# Where a load's time goes: the page's parse (DOMContentLoaded), the runtime's files arriving,
# and the checker's start-up marks (User Timing: the loader's onReady hook, app.py).
TRACE = """() => {
  const trace = {"page parsed (DOMContentLoaded)": performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd};
  for (const entry of performance.getEntriesByType('resource')) {
    const name = entry.name.split('/').pop();
    if (/\\.(wasm|bundle)$/.test(name)) trace[name + ' arrived'] = entry.responseEnd;
  }
  const steps = {interpreter: 'interpreter ready (onReady)', unpacked: 'bundle unpacked, page parsed',
                 python: 'our Python starts (PyScript prelude done)', data: 'modules imported, data parsed',
                 ready: 'first screen live'};
  for (const mark of performance.getEntriesByType('mark')) {
    const step = mark.name.replace('policy-checker:', '');
    if (steps[step]) trace[steps[step]] = mark.startTime;
  }
  return trace;
}"""


class CountingServer:
    """Serves a folder on loopback and counts the bytes of every response."""

    def __init__(self, folder):
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def end_headers(self):
                super().end_headers()

            def copyfile(self, source, outputfile):
                data = source.read()
                server.sent += len(data)
                # What a server that compresses text (as web servers usually are set up) would send.
                kind = self.guess_type(self.path)
                text = kind.startswith("text/") or kind in ("application/javascript", "application/json")
                server.compressed += len(gzip.compress(data, 6)) if text else len(data)
                outputfile.write(data)

        self.sent = self.compressed = 0
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def build(folder, runtime):
    config = variant_config(folder, runtime)
    site = folder / f"site-{runtime}"
    warnings = build_site(site, config.name, project=folder)
    if warnings:
        raise SystemExit(f"the {runtime} site built with warnings: {warnings}")
    kind, interpreter = SCRIPT_TYPES[runtime], INTERPRETERS[runtime]  # the bare page sits at the checker's depth
    (site / "bare").mkdir()
    # The runtime's floor: PyScript with none of its optional plugins, as the checker page asks.
    plugins = json.dumps(PLUGINS_OFF)
    bare = BARE.format(kind=kind, interpreter=interpreter, plugins=plugins, other=other_type_config(runtime))
    (site / "bare" / "index.html").write_text(bare, encoding="utf-8")
    # A static Material page at the checker's depth with none of our scripts (Material's own bundle stays).
    page = (site / "onboarding" / "index.html").read_text(encoding="utf-8")
    (site / "static").mkdir()
    (site / "static" / "index.html").write_text(re.sub(r'<script src="[^"]*assets/handbook\.js"></script>', "", page), "utf-8")
    return site


def cold_load(browser, server, path, selector, answer_latency):
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    server.sent = server.compressed = 0
    page.goto(server.url + path)
    shown = page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
    page.wait_for_selector(selector, state="attached", timeout=60000)
    ready = float(page.locator(selector).first.get_attribute("data-ready") or "nan")
    trace = page.evaluate(TRACE)
    page.wait_for_load_state("networkidle")
    time.sleep(0.3)
    transferred = (server.sent, server.compressed)
    latencies = []
    if answer_latency:
        page.evaluate("""() => {
            window.__bench = [];
            const root = document.getElementById('policy-checker');
            root.addEventListener('click', e => { window.__clickAt = e.timeStamp; }, true);
            new MutationObserver(() => { if (window.__clickAt) { window.__bench.push(performance.now() - window.__clickAt); window.__clickAt = 0; } })
                .observe(root.querySelector('.pc-screen'), {childList: true});
        }""")
        for question, value in ANSWERS:
            page.locator(f".pc-answer[data-question='{question}'][data-value='{value}']").click()
            page.wait_for_function("window.__bench.length > 0 && !window.__clickAt")
        latencies = page.evaluate("window.__bench")
    context.close()
    return shown, ready, transferred, latencies, trace


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=7, help="cold loads per page (median reported)")
    parser.add_argument("--runtimes", default="micropython,pyodide", help="comma-separated (default: both)")
    args = parser.parse_args(argv)
    runtimes = args.runtimes.split(",")
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        print(f"building the sites ({', '.join(runtimes)})…", flush=True)
        sites = {runtime: build(folder, runtime) for runtime in runtimes}
        servers = {runtime: CountingServer(site) for runtime, site in sites.items()}
        results = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for runtime in runtimes:
                pages = [("checker", "checker/", "#policy-checker[data-ready]"), ("bare", "bare/", "body[data-ready]")]
                if runtime == runtimes[0]:
                    pages.append(("static", "static/", "body"))
                for page, path, selector in pages:
                    cold_load(browser, servers[runtime], path, selector, False)  # warm the OS file cache, not the browser's
                    runs = [cold_load(browser, servers[runtime], path, selector, page == "checker") for _ in range(args.loads)]
                    results[(page, runtime)] = {
                        "shown": statistics.median(r[0] for r in runs),
                        "ready": statistics.median(r[1] for r in runs),
                        "bytes": statistics.median(r[2][0] for r in runs),
                        "gzip": statistics.median(r[2][1] for r in runs),
                        "answer": statistics.median([x for r in runs for x in r[3]]) if page == "checker" else None,
                        "trace": {step: statistics.median(r[4].get(step, float("nan")) for r in runs) for step in runs[0][4]},
                    }
            flows = bench_flowpage.flow_page(browser, servers[runtimes[0]], args.loads)
            browser.close()
        for server in servers.values():
            server.close()
    report(results, args.loads, runtimes)
    bench_flowpage.report(flows)


def report(results, loads, runtimes):
    print(f"\nmedians of {loads} cold loads each, headless Chromium, site on 127.0.0.1\n")
    print(
        f"{'page':<22}{'first question shown':>22}{'runtime ready':>16}{'transferred':>14}{'text gzipped':>14}{'answer -> next':>16}"
    )
    for (page, runtime), r in results.items():
        shown = f"{r['shown']:.0f} ms" if page != "bare" else "-"
        answer = f"{r['answer']:.1f} ms" if r["answer"] is not None else "-"
        ready = f"{r['ready']:.0f} ms" if page != "static" else "-"
        print(
            f"{page + ' / ' + runtime:<22}{shown:>22}{ready:>16}{r['bytes'] / 1e6:>11.2f} MB{r['gzip'] / 1e6:>11.2f} MB{answer:>16}"
        )
    print()
    for (page, runtime), r in results.items():
        if page != "static":
            steps = sorted(r["trace"].items(), key=lambda item: item[1])
            print(f"where the time goes, {page} / {runtime}: " + "; ".join(f"{step} {at:.0f} ms" for step, at in steps))
    print()
    static = next(r for (page, _), r in results.items() if page == "static")
    for runtime in runtimes:
        checker, bare = results[("checker", runtime)], results[("bare", runtime)]
        print(
            f"{runtime}: checker ready / bare PyScript ready = {checker['ready'] / bare['ready']:.2f} (goal <= {GOALS['ready']}); "
            f"first question / static Material page = {checker['shown'] / static['shown']:.2f} (goal <= {GOALS['shown']}); "
            f"answer -> next = {checker['answer']:.1f} ms (goal <= {GOALS['answer']:.0f} ms); "
            f"checker page = {checker['bytes'] / 1e6:.2f} MB (goal <= {GOALS['bytes']} MB); "
            f"bytes checker / bare = {checker['bytes'] / bare['bytes']:.2f}; "
            f"checker page from a server that gzips text = {checker['gzip'] / 1e6:.2f} MB"
        )
    if {"micropython", "pyodide"} <= set(runtimes):
        mpy, pyo = results[("checker", "micropython")], results[("checker", "pyodide")]
        print(
            f"checker: Pyodide / MicroPython ready = {pyo['ready'] / mpy['ready']:.2f}; bytes = {pyo['bytes'] / mpy['bytes']:.1f}"
        )


if __name__ == "__main__":
    main()
