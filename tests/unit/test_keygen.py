"""wxkefu_ext.keygen: callback Token and EncodingAESKey generation and checks."""

from __future__ import annotations

import base64
import string

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from wxkefu_ext._redact import Secret
from wxkefu_ext.errors import KfValidationError
from wxkefu_ext.keygen import (
    CANONICAL_LAST_CHARS,
    ENCODING_AES_KEY_LENGTH,
    TOKEN_MAX_LENGTH,
    decode_encoding_aes_key,
    explain_encoding_aes_key_problem,
    explain_token_problem,
    generate_encoding_aes_key,
    generate_token,
    verify_encoding_aes_key,
    verify_token,
)

from conftest import scaled

ALNUM = string.ascii_letters + string.digits
B64 = string.ascii_uppercase + string.ascii_lowercase + string.digits + "+/"
# The official sample key of WeCom doc 90968 (public test vector). It is NOT canonical: its last
# character "C" has non-zero padding bits, which WeCom ignores.
SAMPLE_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
CANONICAL_KEY = SAMPLE_KEY[:-1] + "A"  # same 32 bytes, canonical spelling

alnum_keys = st.text(alphabet=ALNUM, min_size=ENCODING_AES_KEY_LENGTH, max_size=43)


def _leaks(secret: str, text: str, n: int = 8) -> bool:
    """True if any n consecutive characters of ``secret`` appear in ``text``."""
    return any(secret[i : i + n] in text for i in range(len(secret) - n + 1))


def _canonical(key: str) -> bool:
    return base64.b64encode(base64.b64decode(key + "=")).decode()[:43] == key


# --- EncodingAESKey --------------------------------------------------------------------------


def test_canonical_last_chars_are_the_alnum_base64_values_with_zero_low_bits() -> None:
    assert CANONICAL_LAST_CHARS == "AEIMQUYcgkosw048"
    assert all(B64.index(c) % 4 == 0 for c in CANONICAL_LAST_CHARS)


def test_official_sample_key_is_accepted_but_not_strictly() -> None:
    assert verify_encoding_aes_key(SAMPLE_KEY)
    assert not verify_encoding_aes_key(SAMPLE_KEY, strict=True)
    raw = decode_encoding_aes_key(SAMPLE_KEY)
    assert len(raw) == 32 and raw[:4] == bytes.fromhex("8d69989b")
    assert decode_encoding_aes_key(CANONICAL_KEY) == raw
    assert verify_encoding_aes_key(CANONICAL_KEY, strict=True)


def test_generated_keys_verify_decode_and_are_canonical() -> None:
    n = scaled(400, 5000)
    keys = [generate_encoding_aes_key() for _ in range(n)]
    for key in keys:
        assert len(key) == ENCODING_AES_KEY_LENGTH
        assert set(key) <= set(ALNUM)
        assert verify_encoding_aes_key(key, strict=True), key
        raw = decode_encoding_aes_key(key)
        assert len(raw) == 32
        assert base64.b64encode(raw).decode() == key + "="  # canonical: re-encodes identically
    assert len(set(keys)) == n  # 252+ bits of randomness: no repeats
    # every canonical last character is reachable (missing one of 16 in 400 draws: ~1e-10)
    assert {k[-1] for k in keys} == set(CANONICAL_LAST_CHARS)


@settings(max_examples=scaled(200, 3000), deadline=None, derandomize=True)
@given(raw=st.binary(min_size=32, max_size=32))
def test_any_32_bytes_without_plus_or_slash_give_a_valid_key(raw: bytes) -> None:
    key = base64.b64encode(raw).decode()[:43]
    if "+" in key or "/" in key:
        problem = explain_encoding_aes_key_problem(key)
        assert problem is not None and "only letters and digits" in problem
        assert not verify_encoding_aes_key(key)
    else:
        assert verify_encoding_aes_key(key, strict=True)
        assert decode_encoding_aes_key(key) == raw


@settings(max_examples=scaled(200, 3000), deadline=None, derandomize=True)
@given(key=alnum_keys)
def test_any_43_letters_and_digits_are_usable_strict_means_canonical(key: str) -> None:
    assert verify_encoding_aes_key(key)  # what WeCom accepts
    assert explain_encoding_aes_key_problem(key) is None
    assert verify_encoding_aes_key(key, strict=True) is _canonical(key)
    problem = explain_encoding_aes_key_problem(key, strict=True)
    # the 4 spellings of the last character that differ only in padding bits: same AES key
    base = B64.index(key[-1]) & ~3
    variants = [key[:-1] + B64[base + i] for i in range(4) if B64[base + i] in ALNUM]
    assert {decode_encoding_aes_key(v) for v in variants} == {decode_encoding_aes_key(key)}
    canonical = key[:-1] + B64[base]
    assert verify_encoding_aes_key(canonical, strict=True)
    if key == canonical:
        assert problem is None
    else:
        assert problem is not None and "last character is not canonical" in problem
        assert CANONICAL_LAST_CHARS in problem


@settings(max_examples=scaled(200, 3000), deadline=None, derandomize=True)
@given(key=st.text(alphabet=ALNUM, min_size=0, max_size=80))
def test_wrong_length_is_named(key: str) -> None:
    assume(len(key) != ENCODING_AES_KEY_LENGTH)
    problem = explain_encoding_aes_key_problem(key)
    assert problem is not None
    assert ("empty" in problem) if not key else (f"has {len(key)} characters" in problem)
    assert not verify_encoding_aes_key(key)


@settings(max_examples=scaled(200, 3000), deadline=None, derandomize=True)
@given(
    key=alnum_keys,
    pos=st.integers(0, 41),
    bad=st.sampled_from(list("+/=-_.!é中\t")),
)
def test_bad_character_is_located_without_quoting_the_key(key: str, pos: int, bad: str) -> None:
    key = key[:-1] + "A"  # canonical end, so only the injected character is wrong
    broken = key[:pos] + bad + key[pos + 1 :]
    problem = explain_encoding_aes_key_problem(broken)
    assert problem is not None
    if bad.isspace() and pos == 0:
        assert "leading or trailing whitespace" in problem
    else:
        assert f"character {pos + 1} is" in problem
    assert not _leaks(broken, problem)


@pytest.mark.parametrize(
    "key, reason",
    [
        ("", "empty"),
        (SAMPLE_KEY + "=", "ending in '='"),
        (" " + SAMPLE_KEY, "whitespace"),
        (SAMPLE_KEY + "\n", "whitespace"),
        (SAMPLE_KEY[:-1], "has 42 characters"),
        (SAMPLE_KEY + "A", "has 44 characters"),
        (SAMPLE_KEY[:10] + "+" + SAMPLE_KEY[11:], "character 11 is a symbol"),
        (SAMPLE_KEY[:10] + " " + SAMPLE_KEY[11:], "character 11 is whitespace"),
        (b"x" * 43, "must be a str, got bytes"),
        (None, "must be a str, got NoneType"),
    ],
)
def test_bad_keys_rejected_with_the_right_reason(key: object, reason: str) -> None:
    problem = explain_encoding_aes_key_problem(key)  # type: ignore[arg-type]
    assert problem is not None and reason in problem
    assert not verify_encoding_aes_key(key)  # type: ignore[arg-type]
    with pytest.raises(KfValidationError) as info:
        decode_encoding_aes_key(key)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)
    assert info.value.field == "encoding_aes_key"
    if isinstance(key, str):
        assert not _leaks(key, str(info.value))


@pytest.mark.parametrize("last", ["B", "C", "D", "9", "z"])
def test_non_canonical_rejected_only_when_strict(last: str) -> None:
    key = CANONICAL_KEY[:-1] + last
    assert explain_encoding_aes_key_problem(key) is None
    problem = explain_encoding_aes_key_problem(key, strict=True)
    assert problem is not None and "not canonical" in problem and CANONICAL_LAST_CHARS in problem
    assert not _leaks(key, problem)


def test_secret_wrapped_key_is_accepted() -> None:
    assert verify_encoding_aes_key(Secret(SAMPLE_KEY))
    assert decode_encoding_aes_key(Secret(SAMPLE_KEY)) == decode_encoding_aes_key(SAMPLE_KEY)
    assert not verify_encoding_aes_key(Secret(SAMPLE_KEY[:-1]))


# --- Token -----------------------------------------------------------------------------------


@pytest.mark.parametrize("length", [1, 2, 16, 31, TOKEN_MAX_LENGTH])
def test_generate_token_lengths(length: int) -> None:
    tokens = {generate_token(length) for _ in range(scaled(20, 200))}
    for token in tokens:
        assert len(token) == length and set(token) <= set(ALNUM)
        assert verify_token(token)
    if length >= 8:
        assert len(tokens) == scaled(20, 200)


def test_generate_token_default_is_the_maximum() -> None:
    assert len(generate_token()) == TOKEN_MAX_LENGTH == 32


@pytest.mark.parametrize("length", [0, -1, 33, 64, 10**6])
def test_generate_token_rejects_out_of_range_lengths(length: int) -> None:
    with pytest.raises(KfValidationError) as info:
        generate_token(length)
    exc = info.value
    assert isinstance(exc, ValueError)
    assert exc.field == "length" and exc.limit == "1..32"
    assert str(length) in str(exc) and "1 to 32" in str(exc)


@pytest.mark.parametrize("length", [True, 3.0, "8", None])
def test_generate_token_rejects_non_int_lengths(length: object) -> None:
    with pytest.raises(TypeError, match="length must be an int"):
        generate_token(length)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "token, reason",
    [
        ("", "empty"),
        ("a" * 33, "has 33 characters"),
        ("abc-def", "character 4 is a symbol"),
        ("abc def", "character 4 is whitespace"),
        (123, "must be a str"),
    ],
)
def test_bad_tokens_explained(token: object, reason: str) -> None:
    problem = explain_token_problem(token)  # type: ignore[arg-type]
    assert problem is not None and reason in problem
    assert not verify_token(token)  # type: ignore[arg-type]


def test_good_tokens() -> None:
    assert explain_token_problem("QDG6eK") is None
    assert verify_token(Secret("a" * 32))
