"""`python -m checker serve` (what `make serve` runs): the staff site and the public site, both
rebuilt when a rules file is saved; a rules error shows on every page of both, in the reader's
language, as well as in the terminal, and goes away once the file is fixed."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import ROOT


def free_port():
    """A port with the next one free too (serve takes port and port + 1)."""
    for _ in range(50):
        with socket.socket() as first:
            first.bind(("127.0.0.1", 0))
            port = first.getsockname()[1]
        with socket.socket() as second:
            try:
                second.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
        return port
    raise RuntimeError("no two free ports")


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url, test, seconds=90):
    deadline = time.time() + seconds
    while time.time() < deadline:
        page = fetch(url)
        if page is not None and test(page):
            return page
        time.sleep(1)
    raise AssertionError(f"{url} never showed what was expected")


def test_serve_previews_both_sites_and_shows_a_rules_error_on_every_page(tmp_path):
    shop = tmp_path / "shop"
    shop.mkdir()
    for name in ("mkdocs.yml", "mkdocs.en.yml", "mkdocs.public.yml", "mkdocs.public.en.yml"):
        shutil.copy(ROOT / name, shop / name)
    shutil.copytree(ROOT / "docs", shop / "docs")
    shutil.copytree(ROOT / "rules", shop / "rules")
    (shop / "node_modules").symlink_to(ROOT / "node_modules")
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT), NO_MKDOCS_2_WARNING="1")
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "checker", "serve", "--port", str(port)], cwd=shop, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    staff, public = f"http://127.0.0.1:{port}/", f"http://127.0.0.1:{port + 1}/"
    try:
        wait_for(staff + "policies/returns/", lambda page: "RET-WINDOW" in page)
        wait_for(public + "returns/", lambda page: "7 天内" in page)
        path = shop / "rules" / "returns.yaml"
        good = path.read_text(encoding="utf-8")
        path.write_text(good.replace("owner: cs_supervisor", "owner: cs_supervisr", 1), encoding="utf-8")
        banner = wait_for(staff + "policies/returns/", lambda page: "rules-problems" in page)
        assert "cs_supervisr" in banner and "rules/returns.yaml:" in banner and "规则有问题" in banner
        english = wait_for(staff + "en/policies/returns/", lambda page: "rules-problems" in page)
        assert "The rules have problems" in english and "规则有问题" not in english
        wait_for(public + "returns/", lambda page: "rules-problems" in page and "7 天内" in page)
        assert "cs_supervisr" in (tmp_path / "serve.log").read_text(encoding="utf-8")  # and in the terminal
        path.write_text(good.replace("          days: 7\n", "          days: 10\n", 1), encoding="utf-8")
        wait_for(public + "returns/", lambda page: "rules-problems" not in page and "10 天内" in page)
        wait_for(staff + "policies/returns/", lambda page: "rules-problems" not in page)
    finally:
        server.send_signal(signal.SIGINT)  # serve stops both sites on Ctrl-C
        server.wait(timeout=30)
        log.close()
