"""The emulator console in a real browser: headless Debian Chromium driven by Selenium.

The emulator is served over HTTP with ``examples/bot.py`` wired to its callback (what
``make console`` runs). As a newcomer would: create an account, let a customer enter and
write, see the bot's welcome menu and replies appear live, click a menu item, send an image
and a location, then add a callback fault and see the failed callback in the log. Each step
takes a screenshot that is checked: not blank, and the element holding the expected text has
ink in it (the DOM text is checked too). Screenshots are kept under the test's tmp_path.

Chromium and chromedriver come from Debian (scripts/ensure_chromedriver.sh, run under CI=true
or WXKEFU_PROFILE=full); selenium from the dev extra. Missing in the quick profile → skip.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import headless
import pytest
from test_docs import decode_png

ROOT = Path(__file__).resolve().parents[2]
BOT = ROOT / "examples" / "bot.py"
WINDOW = (1440, 900)
WAIT = 20.0


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    profile = tmp_path_factory.mktemp("chromium-profile")
    with headless.selenium_driver(profile, WINDOW, "--force-device-scale-factor=1") as browser:
        yield browser


@pytest.fixture
def console(tmp_path: Path) -> Iterator[tuple[str, Any]]:
    """The emulator on 127.0.0.1 with examples/bot.py receiving its callbacks."""
    from wxkefu_ext.emulator import Emulator
    from wxkefu_ext.emulator.console import console_url
    from wxkefu_ext.emulator.launcher import start_bot

    emu = Emulator()
    log = (tmp_path / "bot.log").open("w", encoding="utf-8")
    with emu.serve("127.0.0.1", 0) as base_url:
        bot = start_bot(emu, base_url, BOT, log)
        try:
            yield console_url(base_url), emu
        finally:
            bot.stop()
            log.close()


class Shots:
    """Screenshots of each step, checked: not blank, and ink where the expected text is."""

    def __init__(self, driver: Any, folder: Path) -> None:
        self.driver = driver
        self.folder = folder
        self.n = 0

    def check(self, name: str, *expect: tuple[str, str]) -> Path:
        """``expect``: (CSS selector, text) pairs; the element's text must contain the text,
        and its area in the screenshot must hold both background and text pixels."""
        from selenium.webdriver.common.by import By

        boxes = []
        for selector, text in expect:
            element = self.driver.find_element(By.CSS_SELECTOR, selector)
            self.driver.execute_script("arguments[0].scrollIntoView({block: 'nearest'})", element)
            # (case-insensitive: panel headings are upper-cased by CSS, and .text follows it)
            shown = element.text
            assert text.lower() in shown.lower(), f"{selector} does not show {text!r}: {shown!r}"
            boxes.append((selector, element.rect))
        self.n += 1
        path = self.folder / f"{self.n:02d}-{name}.png"
        data = self.driver.get_screenshot_as_png()
        path.write_bytes(data)
        png = decode_png(data)
        colours = {bytes(p) for row in png.rows[::8] for p in _row_pixels(row, png.channels, 4)}
        assert len(colours) > 50, f"{path.name} looks blank ({len(colours)} colours)"
        for selector, rect in boxes:
            x0, y0 = max(0, int(rect["x"])), max(0, int(rect["y"]))
            x1 = min(png.width, int(rect["x"] + rect["width"]))
            y1 = min(png.height, int(rect["y"] + rect["height"]))
            assert x1 > x0 and y1 > y0, f"{selector} is outside the screenshot: {rect}"
            crop = [
                p
                for row in png.rows[y0:y1]
                for p in _row_pixels(row[x0 * png.channels : x1 * png.channels], png.channels, 1)
            ]
            dark = sum(1 for p in crop if p[0] + p[1] + p[2] < 400)  # text, also muted grey
            assert dark > 15, f"no text drawn in {selector} on {path.name} ({dark} dark pixels)"
            assert dark < len(crop) * 0.9, f"{selector} on {path.name} is one dark block"
        return path


def _row_pixels(row: bytes, channels: int, step: int) -> Iterator[bytes]:
    for i in range(0, len(row) - channels + 1, channels * step):
        yield row[i : i + 3]


def _wait_text(driver: Any, selector: str, text: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def shows(d: Any) -> bool:
        elements = d.find_elements(By.CSS_SELECTOR, selector)
        return bool(elements) and text.lower() in elements[0].text.lower()

    try:
        WebDriverWait(driver, WAIT).until(shows)
    except Exception:
        shown = driver.find_element(By.CSS_SELECTOR, selector).text
        raise AssertionError(
            f"{text!r} did not appear in {selector} within {WAIT} s: {shown!r}"
        ) from None


@pytest.mark.slow  # ~20 s of Chromium; tests/emulator/test_console.py is the quick twin
def test_chat_with_the_bot_in_the_console(
    driver: Any, console: tuple[str, Any], tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    url, emu = console
    shots = Shots(driver, tmp_path)
    driver.get(url)
    _wait_text(driver, "#connection", "live")

    # 1. create an account
    name = driver.find_element(By.ID, "account-name")
    name.clear()
    name.send_keys("浏览器客服")
    driver.find_element(By.ID, "account-create").click()
    _wait_text(driver, "#account-list", "浏览器客服")
    kfid = next(iter(emu.state.accounts))
    _wait_text(driver, "#account-list", kfid)  # the full id, never truncated
    shots.check("account", ("#account-list li.selected", "浏览器客服"))

    # 2. a customer enters with a scene; the bot's welcome menu arrives (callback → sync_msg
    # → send_msg_on_event), then the customer writes and the bot's reply appears live
    driver.find_element(By.ID, "scene").send_keys("browser_qr")
    driver.find_element(By.ID, "customer-new").click()
    _wait_text(driver, "#chat-log", "欢迎! 请留言")
    _wait_text(driver, "#session-info", "browser_qr")
    box = driver.find_element(By.ID, "chat-text")
    box.send_keys("你好, 机器人")
    driver.find_element(By.ID, "chat-send").click()
    _wait_text(driver, "#chat-log", "收到: 你好, 机器人")
    shots.check(
        "reply",
        ("#chat-log .msg.kf:last-child .bubble", "收到: 你好, 机器人"),
        ("#session-info", "1 — bot (智能助手)"),
    )

    # 3. click the menu item the bot sent, send an image and a location
    driver.find_element(By.CSS_SELECTOR, "button.menu-click[data-menu-id='order']").click()
    _wait_text(driver, "#chat-log", "您的订单已发货")
    driver.find_element(By.ID, "send-image").click()
    _wait_text(driver, "#chat-log", "收到图片")
    driver.find_element(By.ID, "send-location").click()
    _wait_text(driver, "#chat-log", "收到位置: 腾讯滨海大厦")
    shots.check(
        "menu-image-location",
        ("#chat-log .msg.kf:last-child .bubble", "收到位置: 腾讯滨海大厦"),
        ("#callback-summary", "0 failed"),
    )
    delivered = [d["payload"].get("content") for d in emu.delivered(kfid)]
    assert "您的订单已发货, 预计明天送达。" in delivered

    # 4. a callback fault: the next push is signed with a wrong Token; the bot's endpoint
    # refuses it and the log shows the failed delivery with the bot's HTTP answer
    Select(driver.find_element(By.ID, "cbfault-kind")).select_by_value("bad_signature")
    driver.find_element(By.ID, "cbfault-add").click()
    _wait_text(driver, "#cbfault-list", "bad_signature")
    box = driver.find_element(By.ID, "chat-text")
    box.send_keys("这条的回调会失败")
    driver.find_element(By.ID, "chat-send").click()
    _wait_text(driver, "#callback-summary", "1 failed")
    failed = driver.find_element(By.CSS_SELECTOR, "#callback-log li.failed")
    failed.find_element(By.TAG_NAME, "summary").click()
    _wait_text(driver, "#callback-log li.failed", "kf_msg_or_event")
    shots.check(
        "failed-callback",
        ("#callback-log li.failed summary", "failed: HTTP 4"),
        ("#callback-log li.failed", "fault: bad_signature"),
    )
    log = emu.callback_log
    assert [d.fault for d in log if not d.ok] == ["bad_signature"]
    assert log[-1].attempts == 3 and log[-1].status is not None and 400 <= log[-1].status < 500
    # the customer's message is not lost: the next good callback drains it
    box.send_keys("再来一条")
    driver.find_element(By.ID, "chat-send").click()
    _wait_text(driver, "#chat-log", "收到: 再来一条")
    _wait_text(driver, "#chat-log", "收到: 这条的回调会失败")
