"""wxkefu_ext.crypto: published vectors, round trips, and one test per malformed input."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path
from typing import Any

import pytest
from Crypto.Cipher import AES
from hypothesis import given, settings
from hypothesis import strategies as st

from wxkefu_ext._redact import Secret
from wxkefu_ext.callback import (
    Base64Error,
    CallbackError,
    DecryptError,
    EncryptError,
    InvalidAesKeyError,
    InvalidBufferError,
    ReceiverIdMismatchError,
    SignatureError,
    TimestampError,
    verify_and_decrypt_echostr,
    verify_and_decrypt_post_body,
)
from wxkefu_ext.crypto import (
    b64decode_ciphertext,
    check_timestamp,
    decrypt_b64_message,
    decrypt_message,
    encrypt_message,
    signature,
    verify_signature,
)
from wxkefu_ext.keygen import KEY_ALPHABET

from conftest import scaled

VECTORS: dict[str, Any] = json.loads(
    (Path(__file__).parents[1] / "data" / "callback_vectors.json").read_text("utf-8")
)
KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
TOKEN = "QDG6eK"
CORP = "wx5823bf96d3bd56c7"


def _raw_encrypt(key: str, plain: bytes) -> str:
    """Encrypt ``plain`` as-is (no layout, no padding added) — to build malformed inputs."""
    aes = base64.b64decode(key + "=")
    return base64.b64encode(AES.new(aes, AES.MODE_CBC, iv=aes[:16]).encrypt(plain)).decode()


def _pad(data: bytes) -> bytes:
    n = 32 - len(data) % 32
    return data + bytes([n]) * n


# -- published vectors ---------------------------------------------------------------------


@pytest.mark.parametrize("vec", VECTORS["url_checks"], ids=lambda v: v["source"][:40])
def test_published_url_checks_verify_and_decrypt(vec: dict[str, Any]) -> None:
    assert (
        signature(vec["token"], vec["timestamp"], vec["nonce"], vec["echostr"])
        == vec["msg_signature"]
    )
    echo = verify_and_decrypt_echostr(
        vec["token"],
        vec["encoding_aes_key"],
        vec["msg_signature"],
        vec["timestamp"],
        vec["nonce"],
        vec["echostr"],
        vec["receiver_id"],
    )
    if vec["expected_echo"] is not None:
        assert echo == vec["expected_echo"]
    else:
        assert echo  # the source only asserts that it verifies (receiver id checked above)
    if "wrong_nonce" in vec:
        with pytest.raises(SignatureError):
            verify_and_decrypt_echostr(
                vec["token"],
                vec["encoding_aes_key"],
                vec["msg_signature"],
                vec["timestamp"],
                vec["wrong_nonce"],
                vec["echostr"],
            )


@pytest.mark.parametrize("vec", VECTORS["posts"], ids=lambda v: v["source"][:40])
def test_published_posts_verify_and_decrypt(vec: dict[str, Any]) -> None:
    message = verify_and_decrypt_post_body(
        vec["token"],
        vec["encoding_aes_key"],
        vec["msg_signature"],
        vec["timestamp"],
        vec["nonce"],
        vec["body"],
        vec["receiver_id"],
    )
    for name, value in vec["expected_fields"].items():
        assert f"<{name}><![CDATA[{value}]]></{name}>" in message or (
            f"<{name}>{value}</{name}>" in message
        ), name


@pytest.mark.parametrize("vec", VECTORS["encryptions"], ids=lambda v: v["source"][:40])
def test_published_encryptions_match_byte_for_byte(vec: dict[str, Any]) -> None:
    encrypted = encrypt_message(
        vec["encoding_aes_key"], vec["message"], vec["receiver_id"], random=vec["random"]
    )
    assert encrypted == vec["expected_encrypt"]
    if "expected_signature" in vec:
        assert (
            signature(vec["token"], vec["timestamp"], vec["nonce"], encrypted)
            == vec["expected_signature"]
        )
    back = decrypt_b64_message(vec["encoding_aes_key"], encrypted, vec["receiver_id"])
    assert back == vec["message"].encode("utf-8")


def test_url_encoded_vector_needs_exactly_one_decoding() -> None:
    from urllib.parse import unquote, unquote_plus

    vec = VECTORS["url_checks"][0]
    once = unquote(vec["echostr_url_encoded"])
    assert once == vec["echostr"]
    twice = unquote_plus(vec["echostr"])  # what a double-decoding proxy produces
    with pytest.raises(Base64Error, match=r"'\+'"):
        verify_and_decrypt_echostr(
            TOKEN, KEY, vec["msg_signature"], vec["timestamp"], vec["nonce"], twice
        )


# -- round trips -----------------------------------------------------------------------------

keys = st.text(alphabet=KEY_ALPHABET, min_size=43, max_size=43)
receiver_ids = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)


@settings(max_examples=scaled(200, 3000), deadline=None)
@given(
    key=keys,
    message=st.text(max_size=600),
    receiver_id=receiver_ids,
    rnd=st.binary(min_size=16, max_size=16),
)
def test_encrypt_decrypt_round_trip(key: str, message: str, receiver_id: str, rnd: bytes) -> None:
    try:
        message.encode("utf-8")
    except UnicodeEncodeError:
        with pytest.raises(EncryptError):
            encrypt_message(key, message, receiver_id, random=rnd)
        return
    encrypted = encrypt_message(key, message, receiver_id, random=rnd)
    assert len(base64.b64decode(encrypted)) % 32 == 0
    assert decrypt_b64_message(key, encrypted, receiver_id) == message.encode("utf-8")
    assert decrypt_b64_message(key, encrypted) == message.encode("utf-8")
    # URL-safe alphabet and missing padding are accepted
    urlsafe = encrypted.replace("+", "-").replace("/", "_").rstrip("=")
    assert decrypt_b64_message(key, urlsafe, receiver_id) == message.encode("utf-8")


@settings(max_examples=scaled(100, 1000), deadline=None)
@given(message=st.binary(max_size=300), receiver_id=st.text(min_size=1, max_size=20))
def test_wrong_receiver_id_is_rejected(message: bytes, receiver_id: str) -> None:
    try:
        receiver_id.encode("utf-8")
    except UnicodeEncodeError:
        return
    encrypted = encrypt_message(KEY, message, CORP)
    if receiver_id == CORP:
        return
    with pytest.raises(ReceiverIdMismatchError):
        decrypt_b64_message(KEY, encrypted, receiver_id)


def test_encrypt_uses_fresh_randomness_by_default() -> None:
    assert encrypt_message(KEY, "x", CORP) != encrypt_message(KEY, "x", CORP)


def test_secret_wrapped_inputs_work() -> None:
    encrypted = encrypt_message(Secret(KEY), "hi", CORP)
    assert decrypt_b64_message(Secret(KEY), encrypted, CORP) == b"hi"
    assert signature(Secret(TOKEN), "1", "2", encrypted) == signature(TOKEN, "1", "2", encrypted)


# -- signature -------------------------------------------------------------------------------


def test_signature_is_sha1_of_sorted_values() -> None:
    import hashlib

    expected = hashlib.sha1("".join(sorted(["tok", "123", "abc", "ZZZ"])).encode()).hexdigest()
    assert signature("tok", "123", "abc", "ZZZ") == expected
    assert signature("tok", 123, "abc", "ZZZ") == expected


def test_bad_signature_is_rejected_and_names_the_token() -> None:
    enc = encrypt_message(KEY, "m", CORP)
    good = signature(TOKEN, "1", "2", enc)
    verify_signature(TOKEN, "1", "2", enc, good)
    verify_signature(TOKEN, "1", "2", enc, good.upper())  # hex case does not matter
    bad = ("0" if good[0] != "0" else "1") + good[1:]
    with pytest.raises(SignatureError, match="Token") as info:
        verify_signature(TOKEN, "1", "2", enc, bad)
    assert info.value.code == -40001
    assert TOKEN not in str(info.value)
    for forged in ("", "é" * 40, "\udcff" * 40, good + "0"):
        with pytest.raises(SignatureError):
            verify_signature(TOKEN, "1", "2", enc, forged)


def test_missing_or_mistyped_values_are_typed_errors() -> None:
    with pytest.raises(CallbackError):
        verify_signature(TOKEN, "1", "2", "abc", None)  # type: ignore[arg-type]
    with pytest.raises(CallbackError):
        verify_signature(TOKEN, None, "2", "abc", "x")  # type: ignore[arg-type]
    with pytest.raises(CallbackError):
        verify_signature(TOKEN, "1", "2", b"\xff", "x")  # type: ignore[arg-type]


# -- timestamp window ------------------------------------------------------------------------


def test_timestamp_window() -> None:
    check_timestamp("1000", None, now=1e9)  # disabled
    check_timestamp("1000", 300, now=1200)
    check_timestamp(1000, 300, now=800)
    with pytest.raises(TimestampError) as info:
        check_timestamp("1000", 300, now=1301)
    assert info.value.code == -40090
    with pytest.raises(TimestampError):
        check_timestamp("1000", 300, now=699)  # from the future, too
    for junk in ("", "abc", "-5", "1e9", "١٢٣", "9" * 40):
        with pytest.raises(TimestampError):
            check_timestamp(junk, 300, now=0)


def test_stale_timestamp_is_rejected_by_the_entry_point() -> None:
    vec = VECTORS["url_checks"][0]
    args = (TOKEN, KEY, vec["msg_signature"], vec["timestamp"], vec["nonce"], vec["echostr"])
    assert verify_and_decrypt_echostr(*args, max_age=60, now=int(vec["timestamp"]) + 59)
    with pytest.raises(TimestampError):
        verify_and_decrypt_echostr(*args, max_age=60, now=int(vec["timestamp"]) + 61)


# -- keys ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "fragment"),
    [
        (KEY[:-1], "42 characters"),
        (KEY + "A", "44 characters"),
        (KEY + "=", "'='"),
        (KEY[:-1] + "+", "letters and digits"),
        (KEY[:-1] + "é", "letters and digits"),
        (" " + KEY[1:], "whitespace"),
        ("", "empty"),
    ],
)
def test_bad_key_is_40004_and_never_echoed(key: str, fragment: str) -> None:
    with pytest.raises(InvalidAesKeyError, match=fragment) as info:
        decrypt_b64_message(key, "AAAA")
    assert info.value.code == -40004
    if len(key) > 10:
        assert key not in str(info.value) and key.strip() not in str(info.value)
    with pytest.raises(InvalidAesKeyError):
        encrypt_message(key, "m", CORP)


def test_non_str_key_is_40004() -> None:
    with pytest.raises(InvalidAesKeyError):
        decrypt_b64_message(None, "AAAA")  # type: ignore[arg-type]
    with pytest.raises(InvalidAesKeyError):
        decrypt_b64_message(KEY.encode(), "AAAA")  # type: ignore[arg-type]


def test_non_canonical_key_works_like_wecom() -> None:
    # the official sample key ends in 'C' (non-canonical); padding bits are ignored
    assert KEY[-1] not in "AEIMQUYcgkosw048"
    enc = encrypt_message(KEY, "x", CORP)
    assert decrypt_b64_message(KEY, enc, CORP) == b"x"


# -- base64 ----------------------------------------------------------------------------------


def test_plus_turned_into_space_is_named() -> None:
    with pytest.raises(Base64Error, match=r"'\+'.*space") as info:
        b64decode_ciphertext("ab cd")
    assert info.value.code == -40010


def test_urlsafe_and_missing_padding_are_accepted() -> None:
    data = os.urandom(35)
    std = base64.b64encode(data).decode()
    assert b64decode_ciphertext(std) == data
    assert b64decode_ciphertext(base64.urlsafe_b64encode(data).decode().rstrip("=")) == data
    assert b64decode_ciphertext(std.encode()) == data


@pytest.mark.parametrize("junk", ["a", "abcde", "ab*d", "é===", "ab\ncd", b"\xff\xfe"])
def test_invalid_base64_is_40010(junk: str | bytes) -> None:
    with pytest.raises(Base64Error):
        b64decode_ciphertext(junk)


# -- ciphertext and buffer -------------------------------------------------------------------


def test_truncated_ciphertext_is_40007() -> None:
    enc = base64.b64decode(encrypt_message(KEY, "hello world" * 5, CORP))
    for cut in (len(enc) - 1, len(enc) - 16, 0):
        with pytest.raises(DecryptError) as info:
            decrypt_message(KEY, enc[:cut])
        assert info.value.code == -40007


@pytest.mark.parametrize(
    "tail",
    [b"\x00", b"\x21", b"\xff", b"\x03\x03\x02", b"\x10" * 15 + b"\x11"],
    ids=["zero", "33", "255", "uneven", "short-run"],
)
def test_bad_padding_is_40007(tail: bytes) -> None:
    body = b"r" * 16 + (3).to_bytes(4, "big") + b"abc" + CORP.encode()
    plain = body + b"x" * (-(len(body) + len(tail)) % 32) + tail
    assert len(plain) % 32 == 0
    with pytest.raises(DecryptError, match="EncodingAESKey"):
        decrypt_b64_message(KEY, _raw_encrypt(KEY, plain))


def test_wrong_key_is_a_typed_error() -> None:
    enc = encrypt_message(KEY, "hello", CORP)
    other = "A" * 43
    with pytest.raises((DecryptError, InvalidBufferError, ReceiverIdMismatchError)):
        decrypt_b64_message(other, enc, CORP)


def test_length_field_larger_than_buffer_is_40008() -> None:
    plain = _pad(b"r" * 16 + (500).to_bytes(4, "big") + b"short" + CORP.encode())
    with pytest.raises(InvalidBufferError, match="length field") as info:
        decrypt_b64_message(KEY, _raw_encrypt(KEY, plain))
    assert info.value.code == -40008


def test_buffer_shorter_than_prefix_is_40008() -> None:
    plain = _pad(b"r" * 10)
    with pytest.raises(InvalidBufferError):
        decrypt_b64_message(KEY, _raw_encrypt(KEY, plain))


def test_receiver_id_mismatch_is_40005_and_names_both() -> None:
    enc = encrypt_message(KEY, "m", "ww-other-corp")
    with pytest.raises(ReceiverIdMismatchError, match="ww-other-corp") as info:
        decrypt_b64_message(KEY, enc, CORP)
    assert info.value.code == -40005
    assert CORP in str(info.value)


def test_non_utf8_message_is_40008_from_the_str_entry_points() -> None:
    params = {"timestamp": "1", "nonce": "2"}
    enc = encrypt_message(KEY, b"\xff\xfe", CORP)
    sig = signature(TOKEN, params["timestamp"], params["nonce"], enc)
    with pytest.raises(InvalidBufferError, match="UTF-8"):
        verify_and_decrypt_echostr(TOKEN, KEY, sig, "1", "2", enc, CORP)
    assert decrypt_b64_message(KEY, enc, CORP) == b"\xff\xfe"  # the bytes API returns them


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"message": 5}, "str or bytes"),
        ({"message": "\ud800"}, "UTF-8"),
        ({"receiver_id": 5}, "receiver_id"),
        ({"receiver_id": "\ud800"}, "receiver_id"),
        ({"random": b"short"}, "16 bytes"),
        ({"random": 7}, "bytes or str"),
    ],
)
def test_encrypt_errors_are_40006(kwargs: dict[str, Any], fragment: str) -> None:
    args: dict[str, Any] = {"message": "m", "receiver_id": CORP, "random": None}
    args.update(kwargs)
    with pytest.raises(EncryptError, match=fragment) as info:
        encrypt_message(KEY, args["message"], args["receiver_id"], random=args["random"])
    assert info.value.code == -40006


# -- caching and threads ---------------------------------------------------------------------


def test_each_key_is_decoded_once() -> None:
    from wxkefu_ext import crypto

    key = "Z" * 42 + "A"
    crypto._key_material_cached.cache_clear()
    enc = encrypt_message(key, "m", CORP)
    for _ in range(20):
        decrypt_b64_message(key, enc, CORP)
    info = crypto._key_material_cached.cache_info()
    assert info.misses == 1 and info.hits == 20


def test_concurrent_decryption_shares_key_material_safely() -> None:
    from concurrent.futures import ThreadPoolExecutor

    messages = [(f"m{i}-" * (i % 60 + 1)).encode() for i in range(100)]
    encrypted = [encrypt_message(KEY, m, CORP) for m in messages]
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda e: decrypt_b64_message(KEY, e, CORP), encrypted * 10))
    assert results == messages * 10
