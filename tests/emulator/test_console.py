"""The console's server side without a browser: the page and its assets, the read models and
customer gestures of :mod:`wxkefu_ext.emulator.console_api`, callback faults, and
``make console``'s launcher with the example bot (the browser test is test_console_browser)."""

from __future__ import annotations

import io
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from wxkefu_ext import keygen
from wxkefu_ext.emulator import Emulator

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def control() -> Iterator[tuple[Emulator, httpx.Client]]:
    emu = Emulator()
    with httpx.Client(transport=emu.transport(), base_url="http://kf-emulator.local") as http:
        yield emu, http
    emu.close()


def test_the_page_and_its_assets_are_served_as_package_data(
    control: tuple[Emulator, httpx.Client],
) -> None:
    _, http = control
    redirect = http.get("/_emulator/ui")
    assert redirect.status_code == 308 and redirect.headers["location"] == "/_emulator/ui/"
    page = http.get("/_emulator/ui/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for asset in re.findall(r'(?:href|src)="([^"/:]+\.(?:css|js))"', page.text):
        got = http.get(f"/_emulator/ui/{asset}")
        assert got.status_code == 200 and got.content, asset
    assert {"console.css", "console.js"} <= set(re.findall(r'"([\w.]+\.(?:css|js))"', page.text))
    assert "http" not in re.sub(r"https?://127\.0\.0\.1", "", page.text).split("<body")[0]
    assert http.get("/_emulator/ui/../control.py").status_code == 404
    assert http.post("/_emulator/ui/").status_code == 405


def test_the_snapshot_shows_what_the_customer_sees_in_order(
    control: tuple[Emulator, httpx.Client],
) -> None:
    emu, http = control
    kfid = http.post("/_emulator/accounts", json={"name": "客服"}).json()["open_kfid"]
    user = http.post(
        "/_emulator/customer/enter_session",
        json={"open_kfid": kfid, "scene": "qr1", "scene_param": "p"},
    ).json()["external_userid"]
    http.post(
        "/_emulator/console/send",
        json={
            "open_kfid": kfid,
            "external_userid": user,
            "msgtype": "text",
            "payload": {"content": "你好"},
        },
    ).raise_for_status()
    # the Kf account answers (through the real API), then the customer clicks and sends more
    from wxkefu_ext import messages
    from wxkefu_ext.client import KfClient

    with KfClient(
        emu.corp_id, emu.corp_secret, base_url=emu.base_url, transport=emu.transport()
    ) as kf:
        menu = messages.msgmenu([messages.menu_click("是", "yes")], head_content="确认?")
        messages.send(kf, user, kfid, menu)
    click = {"open_kfid": kfid, "external_userid": user, "menu_id": "yes", "content": "是"}
    assert http.post("/_emulator/customer/menu_click", json=click).json()["errcode"] == 0
    image = http.post(
        "/_emulator/customer/image", json={"open_kfid": kfid, "external_userid": user}
    ).json()
    picture = http.get(f"/_emulator/media/{image['media_id']}")
    assert picture.status_code == 200 and picture.content.startswith(b"\x89PNG")
    state = http.get(
        "/_emulator/console/state", params={"open_kfid": kfid, "external_userid": user}
    ).json()
    kinds = [
        (c["side"], c.get("msgtype") or c["event"]["event_type"]) for c in state["conversation"]
    ]
    assert kinds == [
        ("event", "enter_session"),
        ("customer", "text"),
        ("kf", "msgmenu"),
        ("customer", "text"),
        ("customer", "image"),
    ]
    assert state["conversation"][3]["payload"] == {"content": "是", "menu_id": "yes"}
    (session,) = state["sessions"]
    assert session["external_userid"] == user and session["scene"] == "qr1"
    assert session["state"] == 1 and session["sends_left"] == 5  # a new customer message
    assert state["accounts"] == [{"open_kfid": kfid, "name": "客服", "servicers": []}]
    # the same image the bot can fetch through media/get
    assert image["media_id"] in emu.state.media
    # unknown account/customer: no conversation, no crash
    other = http.get("/_emulator/console/state", params={"open_kfid": "wknope"}).json()
    assert other["open_kfid"] is None and other["conversation"] == []


def test_console_routes_reject_bad_input_with_400(
    control: tuple[Emulator, httpx.Client],
) -> None:
    _, http = control
    bad = http.post("/_emulator/customer/menu_click", json={"open_kfid": "x"})
    assert bad.status_code == 400 and "must be a non-empty string" in bad.json()["errmsg"]
    bad = http.post("/_emulator/callback_faults", json={"kind": "nope"})
    assert bad.status_code == 400 and "bad_signature" in bad.json()["errmsg"]
    bad = http.post("/_emulator/console/send", json={"open_kfid": "wkx", "payload": []})
    assert bad.status_code == 400


class _Receiver:
    """A minimal callback endpoint (ASGI, via httpx's ASGITransport) that verifies."""

    def __init__(self, emu: Emulator) -> None:
        from wxkefu_ext.callback import CallbackCrypto
        from wxkefu_ext.callback.asgi import callback_app

        self.events: list[Any] = []
        token, key = keygen.generate_token(), keygen.generate_encoding_aes_key()
        app = callback_app(CallbackCrypto(token, key, emu.corp_id), self.events.append)
        emu.set_callback(
            "http://bot.local/callback",
            token=token,
            encoding_aes_key=key,
            transport=httpx.ASGITransport(app=app),
        )


@pytest.mark.parametrize(
    ("kind", "status"), [("bad_signature", 403), ("bad_aes_key", None), ("unreachable", None)]
)
def test_callback_faults_fail_real_deliveries_and_the_log_says_how(
    control: tuple[Emulator, httpx.Client], kind: str, status: int | None
) -> None:
    emu, http = control
    _Receiver(emu)
    kfid = emu.create_account()
    assert http.post("/_emulator/callback_faults", json={"kind": kind}).json()["errcode"] == 0
    user, _ = emu.customer_enter_session(kfid)  # this push carries the fault
    emu.customer_send(kfid, user, "hi")  # this one is fine again (count=1)
    assert emu.flush_callbacks(20)
    log = http.get("/_emulator/callbacks").json()["log"]
    assert [entry["ok"] for entry in log] == [False, True]
    failed = log[0]
    assert failed["fault"] == kind and failed["attempts"] == 3
    assert len(failed["answers"]) == 3
    if status is not None:
        assert failed["status"] == status and failed["answers"][0].startswith(f"HTTP {status}")
    elif kind == "unreachable":
        assert failed["status"] is None and "ConnectError" in failed["answers"][0]
        assert failed["url"].startswith("http://127.0.0.1:9/")
    else:
        assert failed["status"] is not None and failed["status"] >= 400
    assert "<Event><![CDATA[kf_msg_or_event]]></Event>" in failed["message"]
    assert "masked" in failed["message"]  # the sync Token is not shown
    for token in emu.state.sync_tokens:
        assert token not in str(log)
    assert http.get("/_emulator/callback_faults").json()["faults"] == []


def test_make_console_starts_a_bot_you_can_chat_with() -> None:
    """What `make console` runs: launcher.run with examples/bot.py; a customer gets the
    welcome menu and a reply, and the bot process is stopped afterwards."""
    from wxkefu_ext.emulator.launcher import run

    emu = Emulator()
    out, err = io.StringIO(), io.StringIO()
    stop = threading.Event()
    result: list[int] = []
    thread = threading.Thread(
        target=lambda: result.append(
            run(emu, "127.0.0.1", 0, bot=ROOT / "examples" / "bot.py", out=out, err=err, stop=stop)
        )
    )
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while "Ctrl-C to stop" not in err.getvalue():
            assert thread.is_alive() and time.monotonic() < deadline, err.getvalue()
            time.sleep(0.05)
        base_url = out.getvalue().splitlines()[0]
        assert "chat with it at " + base_url.removesuffix("/cgi-bin") + "/_emulator/ui/" in (
            err.getvalue()
        )
        (kfid,) = emu.state.accounts  # ready for a newcomer
        user, _ = emu.customer_enter_session(kfid)
        emu.customer_send(kfid, user, "在吗")
        while len(emu.delivered(kfid)) < 2:
            assert time.monotonic() < deadline, (emu.delivered(kfid), err.getvalue())
            time.sleep(0.05)
        sent = emu.delivered(kfid)
        assert sent[0]["msgtype"] == "msgmenu" and sent[0]["via"] == "send_msg_on_event"
        assert sent[1]["payload"] == {"content": "收到: 在吗"}
    finally:
        stop.set()
        thread.join(30)
    assert result == [0]
    assert "stopped" in err.getvalue()


def test_a_missing_bot_script_is_a_usage_error() -> None:
    from wxkefu_ext.emulator.launcher import run

    err = io.StringIO()
    assert run(Emulator(), "127.0.0.1", 0, bot=Path("nope/bot.py"), err=err) == 2
    assert "bot script nope/bot.py not found" in err.getvalue()
