"""Headless Chromium (Debian's package) driven by Playwright, against sites served on loopback.

The browser is Debian's `chromium-headless-shell`: the same Chromium release as the `chromium`
package, in the headless build that Playwright itself runs for headless tests. The whole suite
takes about 0.7 of the time it takes in the full browser's headless mode. `make test
CHROMIUM=/usr/bin/chromium` runs it in the full browser instead (the Makefile installs the
Debian package, CHROMIUM_PACKAGE, and passes the path on in CHROMIUM; so does the environment).
"""

import contextlib
import functools
import http.server
import os
import sys
import threading
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

CHROMIUM = os.environ.get("CHROMIUM") or "/usr/bin/chromium-headless-shell"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
    # Every request for another host goes to a proxy on a closed port and fails at once
    # (Chromium never sends loopback through a proxy): no page can reach the network.
    "--proxy-server=127.0.0.1:9",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A page closed while a file was on its way is no error of the site's."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class LocalSite:
    """Serve a folder on 127.0.0.1 (a free port) in a background thread."""

    def __init__(self, folder):
        handler = functools.partial(_QuietHandler, directory=str(folder))
        self.server = _Server(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def launch(playwright):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs it with apt (Debian's package of that name)")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


class OriginGuard:
    """Remembers every request, from a page or a worker, that leaves the site's own origin (the
    proxy above makes each one fail). It only listens: intercepting requests would turn the
    context's HTTP cache off, and every page would fetch and compile its scripts again."""

    def __init__(self, context, origin):
        self.context = context
        self.origin = origin
        self.outside = []
        context.on("request", self._seen)

    def _seen(self, request):
        url = request.url
        if not (url.startswith(self.origin) or url.startswith("blob:") or url.startswith("data:")):
            self.outside.append(url)

    def stop(self):
        self.context.remove_listener("request", self._seen)


def checker_ready(page):
    """Wait until the checker on the open page has its runtime running (it marks data-ready)."""
    expect(page.locator("#policy-checker[data-ready]")).to_have_count(1, timeout=20000)


def overflow(page):
    """How many px the open page is wider than its window (0 or less: it fits)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def record_errors(page):
    """A list that fills with the page's JavaScript errors and console errors (PyScript reports
    Python errors there), each after the address of the page it came from."""
    errors = []
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    page.on(
        "console",
        lambda message: (
            errors.append(f"{page.url}: {message.text} ({message.location.get('url') or 'the page'})")
            if message.type == "error"
            else None
        ),
    )
    return errors


CLEAR_STORAGE = "() => { localStorage.clear(); sessionStorage.clear(); }"


def close_clean(page):
    """Close a page of the shared context, emptying its site's storage first (the context lives on)."""
    if page.is_closed():
        return
    if page.url.startswith("http"):
        try:
            page.evaluate(CLEAR_STORAGE)
        except PlaywrightError:  # caught mid-navigation: let it land, then clear
            page.wait_for_load_state()
            page.evaluate(CLEAR_STORAGE)
    page.close()


@contextlib.contextmanager
def guarded_tab(context, origin, width=1280):
    """(page, guard): a new tab of a shared context, ``width`` px wide, and the guard on its
    origin. On the way out the tab is closed clean and only then the guard stopped, so a test
    reads ``guard.outside`` after the block."""
    guard = OriginGuard(context, origin)
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    try:
        yield page, guard
    finally:
        close_clean(page)
        guard.stop()


def save_screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    try:
        page.screenshot(path=str(path), full_page=True)
    except Exception as error:  # the page may be gone; the failure itself is what matters
        return f"(no screenshot: {error})"
    return str(path)
