"""The ``wxkefu`` CLI: every command, exit codes, and that no secret is ever printed.

Offline commands run in-process through :func:`wxkefu_ext.cli.main`; API commands run against
an in-process emulator served over real HTTP; the long-running servers (``emulator``,
``callback serve``) run as subprocesses.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wxkefu_ext.cli import main
from wxkefu_ext.keygen import verify_encoding_aes_key, verify_token

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("WXKF_") or name == "PORT":
            monkeypatch.delenv(name, raising=False)


# ---------------------------------------------------------------------------------------------
# help, keygen, explain
# ---------------------------------------------------------------------------------------------


def test_help_is_fast_and_imports_nothing_heavy() -> None:
    code = (
        "import sys, time; t=time.perf_counter(); from wxkefu_ext.cli import main;"
        "rc = main(['--help']); dt = time.perf_counter() - t;"
        "heavy = [m for m in ('httpx', 'wxkefu_client', 'wxkefu_ext.client', 'uvicorn',"
        " 'starlette', 'wxkefu_ext.emulator', 'redis', 'Crypto') if m in sys.modules];"
        "print(rc, heavy, dt, file=sys.stderr)"
    )
    proc = subprocess.run([PY, "-c", code], capture_output=True, text=True, timeout=30, cwd=ROOT)
    last = proc.stderr.strip().splitlines()[-1]
    assert last.startswith("0 []"), last
    assert "keygen" in proc.stdout and "callback" in proc.stdout
    assert float(last.rsplit(" ", 1)[1]) < 1.0


def test_console_script_entry_point() -> None:
    proc = subprocess.run(
        [PY, "-m", "wxkefu_ext.cli", "explain", "45009"],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("errcode 45009")


def test_keygen_env_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["keygen"], capsys)
    assert code == 0
    values = dict(line.split("=", 1) for line in out.strip().splitlines())
    assert set(values) == {"WXKF_TOKEN", "WXKF_ENCODING_AES_KEY"}
    assert verify_token(values["WXKF_TOKEN"]) and len(values["WXKF_TOKEN"]) == 32
    key = values["WXKF_ENCODING_AES_KEY"]
    assert verify_encoding_aes_key(key, strict=True)
    assert len(base64.b64decode(key + "=")) == 32


def test_keygen_json_export_and_length(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["keygen", "--format", "json", "--token-length", "16"], capsys)
    assert code == 0
    doc = json.loads(out)
    assert len(doc["WXKF_TOKEN"]) == 16
    code, out, _ = run(["keygen", "--format", "export"], capsys)
    assert code == 0 and out.startswith("export WXKF_TOKEN=")
    code, _, err = run(["keygen", "--format", "yaml"], capsys)
    assert code == 2 and "--format" in err
    code, _, _ = run(["keygen", "--token-length", "33"], capsys)
    assert code == 2


def test_keygen_values_differ(capsys: pytest.CaptureFixture[str]) -> None:
    run(["keygen"], capsys)
    first = capsys.readouterr()
    main(["keygen"])
    assert capsys.readouterr().out != first.out


def test_keygen_check_never_echoes_the_key(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bad_key = "Secret" * 7 + "!"  # 43 chars, one symbol
    monkeypatch.setenv("WXKF_TOKEN", "tok en")
    monkeypatch.setenv("WXKF_ENCODING_AES_KEY", bad_key)
    code, out, err = run(["keygen", "--check"], capsys)
    assert code == 2
    assert "character 43" in err and "WXKF_TOKEN" in err
    assert bad_key not in out + err and "SecretSecret" not in out + err
    monkeypatch.setenv("WXKF_TOKEN", "abc123")
    monkeypatch.setenv("WXKF_ENCODING_AES_KEY", "a" * 42 + "A")
    code, out, err = run(["keygen", "--check"], capsys)
    assert code == 0 and "valid" in err and "a" * 42 not in out + err


def test_explain_known_negative_and_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["explain", "95018"], capsys)
    assert code == 0
    assert out.startswith("errcode 95018:") and "service_state" in out
    code, out, _ = run(["explain", "-40001"], capsys)
    assert code == 0 and "signature" in out.lower()
    code, out, _ = run(["explain", "987654"], capsys)
    assert code == 0 and "devtool/query?e=987654" in out
    code, _, err = run(["explain", "nope"], capsys)
    assert code == 2 and "integer" in err


def test_explain_errmsg_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    msg = "invalid access_token: access_token=SEKRIT1234, hint: [abc-1], from ip: 10.0.0.1"
    code, out, _ = run(["explain", "40014", msg, "--json"], capsys)
    assert code == 0
    doc = json.loads(out)
    assert doc["exception"] == "TokenError" and doc["refresh_token"] is True
    assert "Request id abc-1" in doc["explain"] and "10.0.0.1" in doc["explain"]
    assert "SEKRIT1234" not in out


def test_unknown_command_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["frobnicate"], capsys)
    assert code == 2 and "No such command" in err


def test_api_command_without_credentials_explains(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["token"], capsys)
    assert code == 2
    assert "WXKF_CORP_ID and WXKF_APP_SECRET not set" in err and out == ""


# ---------------------------------------------------------------------------------------------
# error reporting: explained, masked, exit codes
# ---------------------------------------------------------------------------------------------


def test_report_masks_every_known_secret(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from wxkefu_ext.cli import _common, _report
    from wxkefu_ext.errors import KfApiError, KfTransportError

    monkeypatch.setenv("WXKF_APP_SECRET", "corp-secret-VALUE-123")
    monkeypatch.setenv("WXKF_ENCODING_AES_KEY", "K" * 43)
    _common.remember_secret("fetched-access-token-XYZ")
    exc = KfTransportError(
        "connect failed for /gettoken?corpsecret=corp-secret-VALUE-123 with "
        "fetched-access-token-XYZ and " + "K" * 43
    )
    assert _report(exc) == 3
    err = capsys.readouterr().err
    assert "corp-secret-VALUE" not in err and "fetched-access-token" not in err
    assert "K" * 43 not in err and "***" in err
    assert _report(KfApiError(95018, "send msg session status invalid")) == 1
    err = capsys.readouterr().err
    assert "errcode 95018" in err and "service_state/trans" in err
    assert _report(RuntimeError("boom corp-secret-VALUE-123")) == 70
    err = capsys.readouterr().err
    assert "internal error" in err and "corp-secret" not in err


def test_callback_error_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    from wxkefu_ext.callback import SignatureError
    from wxkefu_ext.cli import _report

    assert _report(SignatureError("signature mismatch")) == 4
    assert "-40001" in capsys.readouterr().err


def test_validation_errors_exit_2_before_any_request(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Credentials pointing nowhere: a request would fail with exit 3, so exit 2 proves the
    # input was rejected before sending.
    monkeypatch.setenv("WXKF_CORP_ID", "wwdeadbeef")
    monkeypatch.setenv("WXKF_APP_SECRET", "nope-secret-123")
    base = ["--base-url", "http://127.0.0.1:9/cgi-bin"]
    code, _, err = run([*base, "send", "text", "hi"], capsys)
    assert code == 2 and "--to" in err
    code, _, err = run([*base, "send", "text", "x" * 3000, "--to", "wm1", "--kf", "wk1"], capsys)
    assert code == 2 and "text.content" in err and "2048" in err
    code, _, err = run([*base, "send", "menu", "--item", "bogus", "--code", "c"], capsys)
    assert code == 2 and "KIND:TEXT" in err
    code, _, err = run([*base, "send", "image", "--to", "wm1", "--kf", "wk1"], capsys)
    assert code == 2 and "--media-id or --file" in err
    code, _, err = run([*base, "media", "upload", "gif", __file__], capsys)
    assert code == 2 and "unknown media type" in err
    code, _, err = run([*base, "send", "json", "{not json", "--code", "c"], capsys)
    assert code == 2 and "not valid JSON" in err
    code, _, err = run([*base, "recall", "msg1"], capsys)
    assert code == 2 and "--kf" in err


def test_menu_item_syntax() -> None:
    from wxkefu_ext.cli.send import parse_menu_item

    assert parse_menu_item("click:Yes=y1") == {
        "type": "click",
        "click": {"id": "y1", "content": "Yes"},
    }
    assert parse_menu_item("view:Docs=https://kf.weixin.qq.com/")["view"]["url"].startswith("https")
    assert parse_menu_item("text:a=b")["text"]["content"] == "a=b"
    mp = parse_menu_item("miniprogram:Open=wx123/pages/index")["miniprogram"]
    assert mp == {"appid": "wx123", "pagepath": "pages/index", "content": "Open"}


def test_network_failure_is_exit_3_and_masked(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WXKF_CORP_ID", "wwdeadbeef")
    monkeypatch.setenv("WXKF_APP_SECRET", "corp-secret-VALUE-456")
    code, out, err = run(
        ["--base-url", "http://127.0.0.1:9/cgi-bin", "--timeout", "2", "token"], capsys
    )
    assert code == 3, err
    assert "corp-secret-VALUE" not in out + err and "Traceback" not in err


# ---------------------------------------------------------------------------------------------
# callback serve (subprocess, real HTTP)
# ---------------------------------------------------------------------------------------------


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_callback_serve_prints_decrypted_events_masked() -> None:
    import httpx

    from wxkefu_ext.callback import build_post_envelope, build_url_check
    from wxkefu_ext.keygen import generate_encoding_aes_key, generate_token

    token, key, corp = generate_token(), generate_encoding_aes_key(), "wwcorp0001"
    sync_token = "ENCsyncTOKENvalue0123456789"
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("WXKF_")}
    env.update(WXKF_TOKEN=token, WXKF_ENCODING_AES_KEY=key, WXKF_CORP_ID=corp)
    proc = subprocess.Popen(
        [PY, "-m", "wxkefu_ext.cli", "callback", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    try:
        url = f"http://127.0.0.1:{port}/callback"
        deadline = time.monotonic() + 15
        while True:
            try:
                check = build_url_check(token, key, corp, "echo-123")
                reply = httpx.get(url, params=check, timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and proc.poll() is None, proc.stderr
                time.sleep(0.05)
        assert reply.status_code == 200 and reply.text == "echo-123"
        message = (
            "<xml><ToUserName><![CDATA[wwcorp0001]]></ToUserName><CreateTime>1700000000"
            "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_msg_or_event]]>"
            f"</Event><Token><![CDATA[{sync_token}]]></Token><OpenKfId><![CDATA[wkAAA]]>"
            "</OpenKfId></xml>"
        )
        signed = build_post_envelope(token, key, corp, message)
        reply = httpx.post(url, params=signed.params, content=signed.body, timeout=5)
        assert reply.status_code == 200 and reply.text == "success"
        forged = dict(signed.params, msg_signature="0" * 40)
        assert httpx.post(url, params=forged, content=signed.body, timeout=5).status_code == 403
        line = proc.stdout.readline()
        event = json.loads(line)["callback"]
        assert event["event"] == "kf_msg_or_event" and event["open_kfid"] == "wkAAA"
        assert event["token"] == "***"
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=10)
    everything = line + out + err
    assert sync_token not in everything and token not in everything and key not in everything
    assert f"127.0.0.1:{port}/callback" in err


def test_callback_serve_without_keys_explains(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["callback", "serve", "--port", "0"], capsys)
    assert code == 2 and "WXKF_TOKEN and WXKF_ENCODING_AES_KEY" in err


def test_callback_serve_bad_key_is_callback_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WXKF_TOKEN", "abc")
    monkeypatch.setenv("WXKF_ENCODING_AES_KEY", "tooShortKeyValue")
    code, _, err = run(["callback", "serve", "--port", "0"], capsys)
    assert code == 4 and "-40004" in err and "tooShortKeyValue" not in err


# ---------------------------------------------------------------------------------------------
# API commands against the emulator (in-process, real HTTP)
# ---------------------------------------------------------------------------------------------


def _need_emulator() -> Any:
    import wxkefu_ext.emulator  # our own module: a broken import must fail, not skip

    return wxkefu_ext.emulator


@pytest.fixture
def live(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """An emulator served on 127.0.0.1 and the env pointing the CLI at it."""
    emulator = _need_emulator()
    emu = emulator.Emulator()
    with emu.serve("127.0.0.1", port=0) as base_url:
        monkeypatch.setenv("WXKF_CORP_ID", str(emulator.DEFAULT_CORP_ID))
        monkeypatch.setenv("WXKF_APP_SECRET", str(emulator.DEFAULT_CORP_SECRET))
        monkeypatch.setenv("WXKF_BASE_URL", base_url)
        yield emu


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00\x01\x02\x03"))
        + chunk(b"IEND", b"")
    )


def test_token_is_masked_unless_revealed(live: Any, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["token"], capsys)
    assert code == 0, err
    assert out.startswith("access_token=") and "chars)" in out
    code, raw, _ = run(["token", "--reveal"], capsys)
    assert code == 0
    token = raw.strip()
    assert len(token) > 12 and token not in out + err
    assert os.environ["WXKF_APP_SECRET"] not in out + err + raw


def test_wrong_secret_is_explained_and_masked(
    live: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WXKF_APP_SECRET", "WrongSecretValue0123456789")
    code, out, err = run(["token"], capsys)
    assert code == 1, err
    assert "errcode 40001" in err or "errcode 40013" in err
    assert "WrongSecretValue" not in out + err


def test_accounts_media_send_pull_recall(
    live: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    avatar = tmp_path / "avatar.png"
    avatar.write_bytes(_png())
    code, out, err = run(["accounts", "add", "CLI客服", "--avatar", str(avatar)], capsys)
    assert code == 0, err
    open_kfid = out.strip()
    code, out, err = run(["accounts", "list", "--json"], capsys)
    assert code == 0 and open_kfid in [json.loads(line)["open_kfid"] for line in out.splitlines()]
    code, out, _ = run(["accounts", "list"], capsys)
    assert code == 0 and "CLI客服" in out
    code, out, _ = run(["accounts", "link", "--kf", open_kfid, "--scene", "cli"], capsys)
    assert code == 0 and out.startswith("http")

    customer, _welcome = live.customer_enter_session(open_kfid)
    live.customer_send(open_kfid, customer, text="hello from the customer")

    cursor_file = tmp_path / "cursors.json"
    code, out, err = run(["pull", "--kf", open_kfid, "--cursor-file", str(cursor_file)], capsys)
    assert code == 0, err
    items = [json.loads(line) for line in out.splitlines()]
    assert any(i.get("text", {}).get("content") == "hello from the customer" for i in items)
    code, out, _ = run(["pull", "--kf", open_kfid, "--cursor-file", str(cursor_file)], capsys)
    assert code == 0 and out == ""  # the cursor file continues where the first drain stopped

    target = ["--to", customer, "--kf", open_kfid]
    code, out, err = run(["send", "text", "hi there", *target], capsys)
    assert code == 0, err
    msgid = out.strip()
    code, _, err = run(["recall", msgid, "--kf", open_kfid], capsys)
    assert code == 0, err
    code, out, err = run(["send", "image", "--file", str(avatar), *target], capsys)
    assert code == 0, err
    image_id = live.delivered(open_kfid)[-1]["image"]["media_id"]
    # the table-driven media commands and the thumbnail cards (a --thumb file uploaded first)
    for kind in ("image", "file"):
        code, out, err = run(["send", kind, "--media-id", image_id, *target], capsys)
        assert code == 0, err
        assert live.delivered(open_kfid)[-1]["msgtype"] == kind
    live.customer_send(open_kfid, customer, text="more please")  # a new allowance of 5 sends
    link = ["send", "link", "--title", "T", "--url", "https://example.com/a"]
    code, _, err = run([*link, "--thumb", str(avatar), *target], capsys)
    assert code == 0, err
    mp = ["send", "miniprogram", "--appid", "wx1234567890abcdef", "--pagepath", "pages/i"]
    code, _, err = run([*mp, "--thumb-media-id", image_id, *target], capsys)
    assert code == 0, err
    assert [d["msgtype"] for d in live.delivered(open_kfid)[-2:]] == ["link", "miniprogram"]
    code, _, err = run([*link, *target], capsys)  # neither thumbnail option
    assert code == 2 and "thumb" in err

    code, out, err = run(["media", "upload", "file", str(avatar)], capsys)
    assert code == 0, err
    media_id = out.strip()
    dest = tmp_path / "down.bin"
    code, out, err = run(["media", "get", media_id, "-o", str(dest), "--json"], capsys)
    assert code == 0, err
    assert dest.read_bytes() == _png() and json.loads(out)["size"] == len(_png())

    code, _, err = run(["accounts", "del", "--kf", open_kfid], capsys)
    assert code == 0, err
    code, _, err = run(["send", "text", "after delete", *target], capsys)
    assert code == 1 and "errcode 95" in err


def test_emulator_command_prints_base_url() -> None:
    _need_emulator()
    import httpx

    env = {k: v for k, v in os.environ.items() if not k.startswith("WXKF_")}
    proc = subprocess.Popen(
        [PY, "-m", "wxkefu_ext.cli", "emulator", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    try:
        base_url = proc.stdout.readline().strip() if proc.stdout else ""
        assert base_url.startswith("http://127.0.0.1:"), base_url
        reply = httpx.get(f"{base_url}/gettoken", params={"corpid": "x", "corpsecret": "y"})
        assert reply.status_code == 200 and reply.json()["errcode"] != 0
    finally:
        proc.terminate()
        proc.communicate(timeout=10)
