#!/usr/bin/env python3
"""Callback inbound path: verify + decrypt + parse, ours vs wechatpy, side by side.

What is measured, on the same signed envelope for both sides:

* ours: ``CallbackCrypto.handle_post(msg_signature, timestamp, nonce, body)`` — envelope
  parse (size-capped, DTD-free XML), constant-time SHA-1 signature check, AES-256-CBC
  decryption with strict PKCS#7 and receiver-id check, and parsing the decrypted XML into a
  typed ``KfMsgOrEvent``.
* baseline 1: wechatpy 1.8.18 ``WeChatCrypto(token, key, corp_id).decrypt_message(body,
  signature, timestamp, nonce)`` — envelope parse, signature check and decryption, returning
  the decrypted XML *unparsed*: less work than ours (the issue's stated baseline).
* baseline 2: the same plus wechatpy's ``parse_message`` on the result: the same work.

Two inputs: a typical ``kf_msg_or_event`` callback (the decrypted message is ~350 bytes) and a
20 KB body. Timing: ``timeit``, best of N repeats of a batch, alternating the two sides.
Run as a script for a table, or through ``benchmarks/run.py`` (``run() -> list[dict]``).
"""

from __future__ import annotations

import os
import timeit
from collections.abc import Callable
from typing import Any

QUICK = os.environ.get("WXKEFU_BENCH_QUICK") == "1"
REPEATS = 5 if QUICK else 15

TOKEN = "QDG6eK"
KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
CORP_ID = "wx5823bf96d3bd56c7"
TIMESTAMP = "1409659813"
NONCE = "1372623149"

TYPICAL = (
    "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>"
    "<CreateTime>1348831860</CreateTime><MsgType><![CDATA[event]]></MsgType>"
    "<Event><![CDATA[kf_msg_or_event]]></Event>"
    "<Token><![CDATA[ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR]]></Token>"
    "<OpenKfId><![CDATA[wkxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx]]></OpenKfId></xml>"
)


def _large_message(target_body: int = 20_000) -> str:
    # base64 inflates by 4/3: a ~14.7 KB message gives a ~20 KB body
    filler = "x" * (target_body * 3 // 4 - len(TYPICAL) - 200)
    return TYPICAL.replace("</xml>", f"<Extra><![CDATA[{filler}]]></Extra></xml>")


def _best_us(fn: Callable[[], object], number: int) -> float:
    return min(timeit.repeat(fn, number=number, repeat=1)) / number * 1e6


def _measure(
    message: str, label: str, number: int, *, targets: tuple[bool, bool]
) -> list[dict[str, Any]]:
    try:  # wechatpy 2.x
        from wechatpy.work import parse_message
        from wechatpy.work.crypto import WeChatCrypto
    except ImportError:  # wechatpy 1.8.x (the pinned baseline)
        from wechatpy.enterprise import parse_message
        from wechatpy.enterprise.crypto import WeChatCrypto

    from wxkefu_ext.callback import CallbackCrypto, KfMsgOrEvent

    ours = CallbackCrypto(TOKEN, KEY, CORP_ID)
    signed = ours.build_post_envelope(message, timestamp=TIMESTAMP, nonce=NONCE)
    sig = signed.params["msg_signature"]
    body = signed.body.encode()
    theirs = WeChatCrypto(TOKEN, KEY, CORP_ID)

    def run_ours() -> object:
        return ours.handle_post(sig, TIMESTAMP, NONCE, body)

    def run_theirs() -> object:
        return theirs.decrypt_message(body, sig, TIMESTAMP, NONCE)

    def run_theirs_parsed() -> object:
        return parse_message(theirs.decrypt_message(body, sig, TIMESTAMP, NONCE))

    # same input, same answer: both must decrypt to the message
    event = run_ours()
    assert isinstance(event, KfMsgOrEvent), event
    assert run_theirs() == message
    best = {"ours": float("inf"), "theirs": float("inf"), "parsed": float("inf")}
    sides = {"ours": run_ours, "theirs": run_theirs, "parsed": run_theirs_parsed}
    for _ in range(REPEATS):  # interleave the sides so drift hits all equally
        for side, fn in sides.items():
            best[side] = min(best[side], _best_us(fn, number))
    rows = []
    for base, what, has_target in (
        ("theirs", "wechatpy decrypt_message (returns XML unparsed: less work)", targets[0]),
        ("parsed", "wechatpy decrypt_message + parse_message (same work)", targets[1]),
    ):
        ratio = best["ours"] / best[base]
        rows.append(
            {
                "name": f"callback: {label} verify+decrypt+parse vs {what}",
                "value": round(best["ours"], 2),
                "unit": "µs/call",
                "baseline": round(best[base], 2),
                "ratio": round(ratio, 3),
                "target": "< 1.0x" if has_target else None,
                "ok": (ratio < 1.0) if has_target else None,
                "note": (
                    f"body {len(body)} B, message {len(message.encode())} B; best of "
                    f"{REPEATS} batches of {number} calls, sides interleaved"
                ),
                "ours_us": round(best["ours"], 2),
                "baseline_us": round(best[base], 2),
            }
        )
    return rows


def run() -> list[dict[str, Any]]:
    """Rows for ``benchmarks/run.py`` (keys: name, value, unit, baseline, ratio, target, ok,
    note — plus ours_us/baseline_us)."""
    return [
        *_measure(
            TYPICAL,
            "typical kf_msg_or_event (~350 B)",
            500 if QUICK else 2000,
            targets=(True, True),
        ),
        *_measure(_large_message(), "20 KB body", 100 if QUICK else 300, targets=(False, True)),
    ]


def main() -> None:
    rows = run()
    print(f"{'ours µs':>9} {'wechatpy µs':>12} {'ratio':>7}  benchmark")
    for row in rows:
        print(f"{row['ours_us']:>9} {row['baseline_us']:>12} {row['ratio']:>7}  {row['name']}")
    print("notes: " + "; ".join(sorted({str(row["note"]) for row in rows})))


if __name__ == "__main__":
    main()
