"""Headless Debian Chromium for the browser tests: the binaries, the flags, a Selenium driver.

Why one module: the docs page (``docs/test_docs.py``) and the emulator console
(``docs/test_console_browser.py``) run the same browser with the same flags (root on a
network-less machine). Chromium and chromedriver come from Debian
(``scripts/ensure_chromedriver.sh``, run under CI=true or WXKEFU_PROFILE=full; skipped in the
quick profile when missing), selenium from the dev extra.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from conftest import FULL

ROOT = Path(__file__).resolve().parent.parent
ENSURE_CHROMIUM = ROOT / "scripts" / "ensure_chromium.sh"
ENSURE_CHROMEDRIVER = ROOT / "scripts" / "ensure_chromedriver.sh"
CHROMIUM = Path(os.environ.get("WXKEFU_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("WXKEFU_CHROMEDRIVER", "/usr/bin/chromedriver"))

#: Headless Chromium as root on this network-less machine (flags from the env docs).
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--force-color-profile=srgb",
)


def _ensure(script: Path, *wanted: Path) -> None:
    """Install with ``script`` under CI=true or the full profile, else skip when missing."""
    if os.environ.get("CI") == "true" or FULL:
        # Always run it there: it is a no-op when everything is present.
        proc = subprocess.run(
            ["bash", str(script)], capture_output=True, text=True, timeout=900, check=False
        )
        assert proc.returncode == 0, f"{script.name} failed:\n{proc.stderr}"
    elif not all(path.exists() for path in wanted):
        pytest.skip(
            f"not installed: {', '.join(str(p) for p in wanted if not p.exists())}; run "
            f"scripts/{script.name} (done automatically under CI=true or WXKEFU_PROFILE=full)"
        )
    missing = [str(path) for path in wanted if not path.exists()]
    assert not missing, f"{missing} missing after scripts/{script.name}"


def ensure_chromium() -> Path:
    _ensure(ENSURE_CHROMIUM, CHROMIUM)
    return CHROMIUM


def ensure_chromedriver() -> tuple[Path, Path]:
    _ensure(ENSURE_CHROMEDRIVER, CHROMIUM, CHROMEDRIVER)
    return CHROMIUM, CHROMEDRIVER


@contextmanager
def selenium_driver(profile: Path, window: tuple[int, int], *extra_flags: str) -> Iterator[Any]:
    """A Selenium Chrome driver on Debian's Chromium + chromedriver (Selenium Manager is
    bypassed by giving the driver's path, so nothing is downloaded)."""
    chromium, chromedriver = ensure_chromedriver()
    if FULL:
        from selenium import webdriver
    else:
        webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium)
    for flag in (
        *FLAGS,
        *extra_flags,
        f"--user-data-dir={profile}",
        f"--window-size={window[0]},{window[1]}",
    ):
        options.add_argument(flag)
    browser = webdriver.Chrome(options=options, service=Service(executable_path=str(chromedriver)))
    browser.set_page_load_timeout(60)
    try:
        yield browser
    finally:
        browser.quit()
