"""Hostile callbacks (issue 8.1): every entry point under generated garbage.

Property: whatever arrives — random bytes, mutated genuine callbacks, XML with DTDs, entity
bombs and external entities, JSON envelopes of any shape, oversized or non-UTF-8 bodies,
validly *signed* but malformed ciphertexts — the only exceptions are
:class:`~wxkefu_ext.errors.CallbackError` subclasses, the HTTP layer answers 4xx, and memory
stays bounded. Case counts come from ``scaled(quick, full)``; the full profile runs more than
50,000 generated cases in total (see ``FULL_TOTAL``).
"""

from __future__ import annotations

import base64
import json
import tracemalloc
from collections.abc import Callable
from typing import Any

import pytest
from Crypto.Cipher import AES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wxkefu_ext.callback import (
    CallbackCrypto,
    CallbackError,
    parse_callback,
    parse_post_envelope,
    verify_and_decrypt_echostr,
    verify_and_decrypt_post_body,
)
from wxkefu_ext.callback._http import handle_get, handle_post, parse_query
from wxkefu_ext.crypto import (
    b64decode_ciphertext,
    decrypt_b64_message,
    decrypt_message,
    encrypt_message,
    signature,
    verify_signature,
)

from conftest import scaled

TOKEN = "QDG6eK"
KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
CORP = "wx5823bf96d3bd56c7"
CRYPTO = CallbackCrypto(TOKEN, KEY, CORP, max_age=None)
_AES = base64.b64decode(KEY + "=")

#: (quick, full) example counts per test; the full total must stay >= 50,000.
COUNTS: dict[str, tuple[int, int]] = {
    "primitives": (150, 8000),
    "raw_bodies": (150, 8000),
    "mutated": (150, 8000),
    "xml_docs": (150, 8000),
    "json_docs": (100, 6000),
    "signed_ciphertexts": (150, 8000),
    "signed_plaintexts": (150, 6000),
    "http": (100, 4000),
}
FULL_TOTAL = sum(full for _, full in COUNTS.values())


def fuzz_settings(name: str) -> settings:
    quick, full = COUNTS[name]
    return settings(
        max_examples=scaled(quick, full),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
        database=None,
        derandomize=True,  # deterministic: the same cases on every run
    )


def only_callback_errors(fn: Callable[..., object], *args: Any, **kwargs: Any) -> object:
    """Run ``fn``; a CallbackError is an accepted outcome, anything else fails the test."""
    try:
        return fn(*args, **kwargs)
    except CallbackError as exc:
        assert isinstance(exc.code, int) and exc.code < 0
        text = str(exc)
        assert TOKEN not in text and KEY not in text
        return exc


def test_full_profile_runs_at_least_50000_cases() -> None:
    assert FULL_TOTAL >= 50_000


# -- strategies ------------------------------------------------------------------------------

texts = st.text(max_size=200)
anything = st.one_of(st.text(max_size=400), st.binary(max_size=400))
b64ish = st.text(
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ \n%", max_size=300
)

_FRAGMENTS = [
    "<xml>",
    "</xml>",
    "<Encrypt>",
    "</Encrypt>",
    "<![CDATA[",
    "]]>",
    "<ToUserName>",
    "</ToUserName>",
    "<AgentID>",
    "</AgentID>",
    "<Event>",
    "</Event>",
    "kf_msg_or_event",
    "<Token>",
    "</Token>",
    "<CreateTime>",
    "</CreateTime>",
    "<AuthAddOpenKfId>",
    "</AuthAddOpenKfId>",
    "<!DOCTYPE x [",
    '<!ENTITY e "boom">',
    '<!ENTITY % p SYSTEM "file:///etc/passwd">',
    "]>",
    "&e;",
    "&lt;",
    "&#65;",
    "&#x0;",
    "<!-- c -->",
    '<?xml version="1.0"?>',
    '<?xml version="1.0" encoding="UTF-16"?>',
    "<?pi x?>",
    '<a b="1">',
    "</a>",
    "<a/>",
    "\r\n",
    "\x00",
    "\ud800",
    "é",
    "QUJD",
    "=",
    " ",
    "]",
    "<",
    ">",
    "&",
    "\ufeff",
    "\ufffe",
]
xml_docs = st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=8), max_size=30).map("".join)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["Encrypt", "encrypt", "ToUserName", "AgentID", "x"])
            | st.text(max_size=5),
            children,
            max_size=4,
        )
    ),
    max_leaves=12,
)


def _signed_body(ciphertext_b64: str, fmt: str = "xml") -> tuple[dict[str, str], str]:
    params = {"timestamp": "1409659813", "nonce": "1372623149"}
    params["msg_signature"] = signature(TOKEN, params["timestamp"], params["nonce"], ciphertext_b64)
    if fmt == "json":
        return params, json.dumps({"Encrypt": ciphertext_b64})
    return params, f"<xml><Encrypt><![CDATA[{ciphertext_b64}]]></Encrypt></xml>"


def _all_post_entry_points(params: dict[str, Any], body: Any) -> None:
    sig, ts, nonce = params.get("msg_signature"), params.get("timestamp"), params.get("nonce")
    only_callback_errors(verify_and_decrypt_post_body, TOKEN, KEY, sig, ts, nonce, body, CORP)
    only_callback_errors(
        verify_and_decrypt_post_body, TOKEN, KEY, sig, ts, nonce, body, max_age=60, now=0
    )
    only_callback_errors(CRYPTO.handle_post, sig, ts, nonce, body)
    only_callback_errors(CRYPTO.receive_post, sig, ts, nonce, body)


# -- the fuzz tests --------------------------------------------------------------------------


@fuzz_settings("primitives")
@given(a=anything, b=anything, c=anything, d=anything, e=b64ish)
def test_primitives_raise_only_callback_errors(a: Any, b: Any, c: Any, d: Any, e: str) -> None:
    only_callback_errors(signature, TOKEN, a, b, c)
    only_callback_errors(verify_signature, TOKEN, a, b, c, d)
    only_callback_errors(b64decode_ciphertext, a)
    only_callback_errors(b64decode_ciphertext, e)
    only_callback_errors(decrypt_b64_message, KEY, e, CORP)
    only_callback_errors(decrypt_b64_message, KEY, a)
    only_callback_errors(decrypt_message, KEY, b if isinstance(b, bytes) else b"", CORP)
    only_callback_errors(decrypt_b64_message, a, e)  # garbage as the key
    only_callback_errors(encrypt_message, KEY, a, CORP)
    only_callback_errors(encrypt_message, KEY, "m", c if isinstance(c, str) else "x", random=d)
    only_callback_errors(verify_and_decrypt_echostr, TOKEN, KEY, a, b, c, d, CORP)
    only_callback_errors(verify_and_decrypt_echostr, TOKEN, KEY, "x", "1", "2", e)


@fuzz_settings("raw_bodies")
@given(body=anything, sig=texts)
def test_random_bodies(body: str | bytes, sig: str) -> None:
    _all_post_entry_points({"msg_signature": sig, "timestamp": "1", "nonce": "2"}, body)
    only_callback_errors(parse_post_envelope, body)
    only_callback_errors(parse_callback, body)


_GENUINE = CRYPTO.build_post_envelope(
    "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><CreateTime>1</CreateTime>"
    "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_msg_or_event]]></Event>"
    "<Token><![CDATA[T]]></Token><OpenKfId><![CDATA[wk]]></OpenKfId></xml>",
    timestamp=1409659813,
    nonce=1372623149,
)


@fuzz_settings("mutated")
@given(
    data=st.data(),
    ops=st.lists(
        st.tuples(
            st.sampled_from(["flip", "cut", "insert", "dup"]),
            st.integers(0, 10_000),
            st.binary(min_size=1, max_size=8),
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_mutated_genuine_callbacks(data: Any, ops: list[tuple[str, int, bytes]]) -> None:
    body = bytearray(_GENUINE.body.encode())
    for op, pos, blob in ops:
        i = pos % (len(body) + 1)
        if op == "flip" and body:
            body[i % len(body)] ^= blob[0] or 1
        elif op == "cut":
            del body[i : i + len(blob) * 8]
        elif op == "insert":
            body[i:i] = blob
        else:
            body[i:i] = body[i : i + 40]
    params = dict(_GENUINE.params)
    if data.draw(st.booleans()):
        params[data.draw(st.sampled_from(sorted(params)))] = data.draw(texts)
    _all_post_entry_points(params, bytes(body))


@fuzz_settings("xml_docs")
@given(doc=xml_docs, as_bytes=st.booleans())
def test_generated_xml_documents(doc: str, as_bytes: bool) -> None:
    body: str | bytes = doc.encode("utf-8", "surrogatepass") if as_bytes else doc
    only_callback_errors(parse_post_envelope, body)
    only_callback_errors(parse_callback, body)
    _all_post_entry_points({"msg_signature": "0" * 40, "timestamp": "1", "nonce": "2"}, body)


@fuzz_settings("json_docs")
@given(value=json_values)
def test_generated_json_envelopes(value: Any) -> None:
    body = json.dumps(value)
    only_callback_errors(parse_post_envelope, body)
    only_callback_errors(parse_callback, body)
    if isinstance(value, dict) and isinstance(value.get("Encrypt"), str):
        params, _ = _signed_body(value["Encrypt"])
        _all_post_entry_points(params, body)  # validly signed, arbitrary Encrypt


@fuzz_settings("signed_ciphertexts")
@given(
    cipher=st.binary(max_size=200) | st.binary(min_size=32, max_size=32),
    urlsafe=st.booleans(),
    fmt=st.sampled_from(["xml", "json"]),
)
def test_validly_signed_garbage_ciphertexts(cipher: bytes, urlsafe: bool, fmt: str) -> None:
    enc = (
        base64.urlsafe_b64encode(cipher).decode().rstrip("=")
        if urlsafe
        else base64.b64encode(cipher).decode()
    )
    if not enc:
        enc = "QQ"
    params, body = _signed_body(enc, fmt)
    _all_post_entry_points(params, body)
    only_callback_errors(
        verify_and_decrypt_echostr,
        TOKEN,
        KEY,
        params["msg_signature"],
        params["timestamp"],
        params["nonce"],
        enc,
        CORP,
    )


@fuzz_settings("signed_plaintexts")
@given(
    plain=st.binary(max_size=300),
    pad_ok=st.booleans(),
    msg=st.binary(max_size=200) | xml_docs.map(lambda s: s.encode("utf-8", "surrogatepass")),
)
def test_validly_signed_and_encrypted_garbage(plain: bytes, pad_ok: bool, msg: bytes) -> None:
    """Correct key and signature, arbitrary plaintext layout or arbitrary message: exercises
    padding, the length field, the receiver id and the parser behind a valid signature."""
    if pad_ok:
        n = 32 - len(plain) % 32
        data = plain + bytes([n]) * n
    else:
        data = plain + b"\x00" * (-len(plain) % 32)
    if data:
        raw = AES.new(_AES, AES.MODE_CBC, iv=_AES[:16]).encrypt(data)
        params, body = _signed_body(base64.b64encode(raw).decode())
        _all_post_entry_points(params, body)
    enc = encrypt_message(KEY, msg, CORP)
    params, body = _signed_body(enc)
    _all_post_entry_points(params, body)


@fuzz_settings("http")
@given(
    query=st.text(max_size=200) | st.binary(max_size=200),
    body=anything,
    method=st.sampled_from(["GET", "POST"]),
)
def test_http_core_answers_4xx_never_raises(
    query: str | bytes, body: str | bytes, method: str
) -> None:
    try:
        q = parse_query(query)
    except CallbackError:
        return
    raw = body if isinstance(body, bytes) else body.encode("utf-8", "surrogatepass")
    reply = handle_get(CRYPTO, q) if method == "GET" else handle_post(CRYPTO, q, raw)
    status = getattr(reply, "status", 200)
    assert status in (200, 400, 403, 413)


# -- XML bombs and memory --------------------------------------------------------------------


def _bomb(levels: int, fanout: int) -> str:
    ents = ['<!ENTITY e0 "' + "x" * 64 + '">']
    for i in range(1, levels + 1):
        ents.append(f'<!ENTITY e{i} "' + f"&e{i - 1};" * fanout + '">')
    dtd = "".join(ents)
    return f'<?xml version="1.0"?><!DOCTYPE xml [{dtd}]><xml><Encrypt>&e{levels};</Encrypt></xml>'


BOMBS = {
    "billion-laughs": _bomb(9, 10),
    "quadratic-blowup": '<!DOCTYPE xml [<!ENTITY a "'
    + "A" * 50_000
    + '">]><xml><Encrypt>'
    + "&a;" * 4000
    + "</Encrypt></xml>",
    "external-entity": '<!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]><xml><Encrypt>&x;</Encrypt></xml>',
    "external-dtd": '<!DOCTYPE xml SYSTEM "http://127.0.0.1:9/evil.dtd"><xml><Encrypt>QQ</Encrypt></xml>',
    "parameter-entity": '<!DOCTYPE xml [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p"> %p;]><xml/>',
    "xinclude": (
        '<xml xmlns:xi="http://www.w3.org/2001/XInclude"><Encrypt>'
        '<xi:include href="file:///etc/passwd" parse="text"/></Encrypt></xml>'
    ),
    "many-elements": "<xml>" + "<a>1</a>" * 30_000 + "</xml>",
    "deep-elements": "<xml>" + "<a>" * 30_000 + "</a>" * 30_000 + "</xml>",
    "deep-json": '{"a":' * 30_000 + "1" + "}" * 30_000,
    "deep-json-list": '{"Encrypt":' + "[" * 100_000 + "]" * 100_000 + "}",
    "huge-cdata": "<xml><Encrypt><![CDATA[" + "A" * 250_000 + "]]></Encrypt></xml>",
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_bombs_are_rejected_with_bounded_memory(name: str) -> None:
    doc = BOMBS[name]
    tracemalloc.start()
    try:
        for fn in (parse_post_envelope, parse_callback):
            result = only_callback_errors(fn, doc)
            if name != "many-elements" and name != "huge-cdata" and name != "xinclude":
                assert isinstance(result, CallbackError), (name, fn.__name__)
        _all_post_entry_points(dict(_GENUINE.params), doc)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # bodies are capped at 256 KiB; nothing may expand them to more than a few MB
    assert peak < 24 * 1024 * 1024, f"{name}: peak {peak / 1e6:.1f} MB"


def test_xinclude_is_not_processed() -> None:
    event = parse_callback(BOMBS["xinclude"])
    assert "root:" not in json.dumps(dict(event.raw), default=str)


def test_oversized_bodies_are_rejected_without_parsing() -> None:
    big = "<xml>" + "a" * (CRYPTO.max_bytes + 10) + "</xml>"
    tracemalloc.start()
    try:
        result = only_callback_errors(CRYPTO.handle_post, "x", "1", "2", big.encode())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(result, CallbackError) and result.code == -40091
    assert peak < 1024 * 1024
