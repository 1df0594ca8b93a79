"""wxkefu_ext.errors: the bundled errcode table, explain(), and the exception hierarchy."""

from __future__ import annotations

import logging
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wxkefu_ext import errcodes, errors
from wxkefu_ext.errors import (
    TOKEN_REFRESH_ERRCODES,
    CallbackError,
    ConfigurationError,
    CredentialError,
    InvalidParameterError,
    IpNotAllowedError,
    KfApiError,
    KfConfigError,
    KfError,
    KfResponseError,
    KfTransportError,
    KfValidationError,
    MediaError,
    NotFoundError,
    PermissionDeniedError,
    QuotaExceededError,
    RateLimitError,
    SessionStateError,
    SystemBusyError,
    TokenError,
    category_for,
    contains_wrong_json_format,
    error_class_for,
    error_from_payload,
    explain,
    hint_for,
    lookup,
    parse_errmsg,
    raise_for_errcode,
    should_refresh_token,
    should_retry,
)

from conftest import scaled

TSV = Path(__file__).resolve().parents[2] / "wxkefu_ext" / "data" / "errcodes.tsv"
TOKEN = "AbC123tokenVALUEthatMustNotLeak_xyz"


def _rows() -> list[list[str]]:
    lines = TSV.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t")[0] == "code"
    return [line.split("\t") for line in lines[1:] if line.strip()]


ROWS = _rows()
CODES = [int(r[0]) for r in ROWS]
KF_CODES = [c for c in CODES if 95000 <= c <= 95099]
#: "Generic codes a Kf client meets most often" (ERRCODES-README §5)
FREQUENT = [-1, 40001, 40003, 40007, 40008, 40013, 40014, 40058, 41001, 42001, 45009, 45033]
FREQUENT += [48002, 60011, 60020, 60111, 90207, 92000, 301002, 830002]
#: Sibling "kinds": an error must be an instance of at most one of them.
KINDS = [
    TokenError,
    CredentialError,
    PermissionDeniedError,
    RateLimitError,
    SystemBusyError,
    QuotaExceededError,
    InvalidParameterError,
    SessionStateError,
    NotFoundError,
    MediaError,
    KfConfigError,
]


def live_errmsg(
    text: str, code: int, rid: str = "1712345678_12_3af0e9", ip: str = "1.2.3.4"
) -> str:
    return (
        f"{text}, hint: [{rid}], from ip: {ip}, more info at "
        f"https://open.work.weixin.qq.com/devtool/query?e={code}"
    )


# --- the table -------------------------------------------------------------------------------


def test_table_matches_the_tsv_row_by_row() -> None:
    assert len(CODES) == len(set(CODES)) > 1200
    assert errors.known_codes() == frozenset(CODES)
    for code_s, name_zh, name_en, category, retry, refresh, sources in ROWS:
        info = lookup(int(code_s))
        assert info is not None
        assert (info.name_zh, info.name_en, info.category) == (name_zh, name_en, category)
        assert info.retry is (retry == "yes")
        assert info.refresh_token is (refresh == "yes")
        assert info.sources == tuple(sources.split(","))


def test_lookup_unknown_and_type_errors() -> None:
    assert lookup(123_456_789) is None
    assert lookup(95099) is None  # inside the Kf range but not (yet) in the table
    for bad in (True, "40014", 40014.0, None):
        with pytest.raises(TypeError, match="errcode must be an int"):
            lookup(bad)  # type: ignore[arg-type]


def test_error_info_is_frozen_and_picklable() -> None:
    info = lookup(40014)
    assert info is not None
    with pytest.raises(AttributeError):
        info.code = 1  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(info)) == info


def test_official_flag_separates_sdk_only_codes() -> None:
    for code in (95024, 95025, 95028, 95029, 47001):
        info = lookup(code)
        assert info is not None and not info.official, code
    for code in (95000, 95018, 95021, 40014):
        info = lookup(code)
        assert info is not None and info.official, code


@pytest.mark.parametrize(
    "mutate, match",
    [
        (lambda t: t.replace("refresh_token", "refresh", 1), "header"),
        (lambda t: t.replace("\tsystem\tyes\t", "\tsystem\tmaybe\t", 1), "yes/no"),
        (lambda t: t.replace("\tsystem\t", "\tnonsense\t", 1), "unknown category"),
        (lambda t: t + t.splitlines()[1] + "\n", "duplicate code"),
        (lambda t: t + "12\tonly\tthree\n", "expected 7 fields"),
        (lambda t: t + "x1\ta\tb\tother\tno\tno\tGW\n", "bad code"),
    ],
)
def test_damaged_table_fails_loudly(mutate: object, match: str) -> None:
    text = TSV.read_text(encoding="utf-8")
    assert callable(mutate)
    with pytest.raises(RuntimeError, match=match):
        errcodes._parse_table(mutate(text))


def test_import_does_not_load_the_table() -> None:
    code = (
        "import wxkefu_ext.errors as e, wxkefu_ext.errcodes as c; "
        "assert c._table.cache_info().currsize == 0; "
        "e.lookup(0); assert c._table.cache_info().currsize == 1"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


# --- explain / hints -------------------------------------------------------------------------


def test_every_code_is_explained_on_one_line() -> None:
    problems: list[tuple[int, str]] = []
    for code in CODES:
        for errmsg in ("", live_errmsg("some server text", code)):
            line = explain(code, errmsg)
            if not line or "\n" in line or "\r" in line or str(code) not in line:
                problems.append((code, line))
        if not hint_for(code).strip():
            problems.append((code, "empty hint"))
    assert problems == []


def test_every_code_maps_to_exactly_one_class() -> None:
    problems: list[tuple[object, ...]] = []
    for code, row in zip(CODES, ROWS, strict=True):
        if code == 0:
            continue
        exc = error_from_payload({"errcode": code, "errmsg": "x"})
        if type(exc) is not error_class_for(code):
            problems.append((code, "class mismatch"))
        kinds = [k.__name__ for k in KINDS if isinstance(exc, k)]
        if len(kinds) > 1:
            problems.append((code, kinds))
        category = row[3]
        if category in {"customer", "directory", "message", "oa", "billing", "device", "other"}:
            if kinds and code not in (40003, 44004, 60111):
                problems.append((code, "business-area code got a kind", kinds))
        elif not kinds:
            problems.append((code, "generic/Kf code without a kind"))
    assert problems == []


@pytest.mark.parametrize(
    "category, cls",
    [
        ("auth_token", TokenError),
        ("credential", CredentialError),
        ("permission", PermissionDeniedError),
        ("ip_whitelist", IpNotAllowedError),
        ("rate_limit", RateLimitError),
        ("system", SystemBusyError),
        ("json", InvalidParameterError),
        ("kf_session", SessionStateError),
        ("kf_config", KfConfigError),
    ],
)
def test_category_classes(category: str, cls: type[KfApiError]) -> None:
    codes = [int(r[0]) for r in ROWS if r[3] == category]
    assert codes
    for code in codes:
        assert issubclass(error_class_for(code), cls), code


def test_every_kf_code_has_its_own_hint() -> None:
    assert len(KF_CODES) >= 30
    defaults = set(errcodes._CATEGORY_HINTS.values())
    hints = {code: hint_for(code) for code in KF_CODES}
    for code, hint in hints.items():
        assert hint not in defaults, code
        assert len(hint) > 20, code
    assert len(set(hints.values())) == len(hints), "Kf hints must not be shared"


@pytest.mark.parametrize("code", FREQUENT)
def test_frequent_generic_codes_have_specific_hints(code: int) -> None:
    assert hint_for(code) not in set(errcodes._CATEGORY_HINTS.values())
    assert hint_for(code) in explain(code)


def test_hints_for_codes_without_a_specific_one_fall_back_to_the_category() -> None:
    # 6000 (system), 40106 (auth_token): no specific hint, so the category's hint
    assert hint_for(6000) == errcodes._CATEGORY_HINTS["system"]
    assert hint_for(40106) == errcodes._CATEGORY_HINTS["auth_token"]


def test_explain_content() -> None:
    line = explain(95018, live_errmsg("send msg session status invalid", 95018))
    assert line.startswith("errcode 95018: ")
    assert "发送客服消息时当前会话状态不允许发送" in line
    assert "send msg session status invalid" in line
    assert "1712345678_12_3af0e9" in line
    assert "will not help" in line
    assert "https://open.work.weixin.qq.com/devtool/query?e=95018" in line
    assert "retry" in explain(-1).lower() and "may succeed" in explain(-1)
    assert "refreshes" in explain(42001)
    assert "configuration" in explain(40001)
    assert "unconfirmed" in explain(95028)
    assert "unconfirmed" not in explain(95018)
    assert "devtool" not in explain(0)


def test_explain_unknown_code_points_to_devtool() -> None:
    line = explain(987654)
    assert "987654" in line and "not in the bundled table" in line
    assert line.endswith("https://open.work.weixin.qq.com/devtool/query?e=987654")
    assert category_for(987654) == "other"
    assert not should_retry(987654) and not should_refresh_token(987654)
    assert error_class_for(987654) is KfApiError


def test_explain_callback_codes() -> None:
    assert "EncodingAESKey" in explain(-40004)
    assert category_for(-40001) == "callback"
    assert lookup(-40001) is None


def test_explain_wrong_json_warning_and_type_checks() -> None:
    msg = "Warning: wrong json format. invalid open_kfid, hint: [1], from ip: 1.2.3.4"
    assert "wrong json format" in explain(95000, msg)
    assert "wrong json format" not in explain(95000, "invalid open_kfid")
    with pytest.raises(TypeError):
        explain(95000, None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        explain("95000")  # type: ignore[arg-type]


def test_explain_collapses_multiline_and_long_errmsg() -> None:
    line = explain(40058, "first\nsecond\r\n\tthird " + "x" * 5000)
    assert "\n" not in line and "first second third" in line
    assert len(line) < 1500


def test_retry_and_refresh_rules() -> None:
    assert {40001, 40014, 42001} == TOKEN_REFRESH_ERRCODES
    for code in TOKEN_REFRESH_ERRCODES:
        assert should_refresh_token(code)
    info = lookup(40001)
    assert info is not None and not info.refresh_token  # the table's judgement is kept as data
    assert not should_refresh_token(40082)  # suite token: never held by a Kf client
    assert not should_refresh_token(41001)
    for code in (-1, 45009, 45033, 6000):
        assert should_retry(code)
    for code in (0, 40014, 95001, 95002, 95018, 40058, 60020):
        assert not should_retry(code)
    assert all(should_retry(c) == (r[4] == "yes") for c, r in zip(CODES, ROWS, strict=True))


# --- errmsg parsing --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "errmsg, text, rid, ip, url, wrong",
    [
        (
            "invalid access_token, hint: [1712345678_12_3af0e9], from ip: 203.0.113.7, "
            "more info at https://open.work.weixin.qq.com/devtool/query?e=40014",
            "invalid access_token",
            "1712345678_12_3af0e9",
            "203.0.113.7",
            "https://open.work.weixin.qq.com/devtool/query?e=40014",
            False,
        ),
        (
            "Warning: wrong json format. invalid Request Parameter, hint: [1712-abc], "
            "from ip: 2001:db8::1, more info at "
            "https://open.work.weixin.qq.com/devtool/query?e=40058",
            "invalid Request Parameter",
            "1712-abc",
            "2001:db8::1",
            "https://open.work.weixin.qq.com/devtool/query?e=40058",
            True,
        ),
        (
            "send msg session status invalid",
            "send msg session status invalid",
            None,
            None,
            None,
            False,
        ),
        ("ok", "ok", None, None, None, False),
        ("", "", None, None, None, False),
        ("text, hint: [], from ip: 10.0.0.1", "text", None, "10.0.0.1", None, False),
    ],
)
def test_parse_errmsg(
    errmsg: str, text: str, rid: str | None, ip: str | None, url: str | None, wrong: bool
) -> None:
    parts = parse_errmsg(errmsg)
    assert parts == (text, rid, ip, url, wrong)
    exc = KfApiError(40058, errmsg)
    assert (exc.request_id, exc.from_ip, exc.more_info_url) == (rid, ip, url)
    assert exc.wrong_json_format is wrong and exc.server_message == text


@settings(max_examples=scaled(150, 1500), deadline=None, derandomize=True)
@given(
    text=st.text(
        alphabet=st.characters(codec="utf-8", exclude_characters="[],"),
        max_size=40,
    ).filter(lambda t: "hint:" not in t.lower() and "from ip" not in t.lower()),
    rid=st.from_regex(r"[0-9a-zA-Z_-]{1,40}", fullmatch=True),
    ip=st.ip_addresses().map(str),
    code=st.integers(-1, 3_000_000),
    warn=st.booleans(),
)
def test_parse_errmsg_roundtrip(text: str, rid: str, ip: str, code: int, warn: bool) -> None:
    msg = ("Warning: wrong json format. " if warn else "") + live_errmsg(text, code, rid, ip)
    parts = parse_errmsg(msg)
    assert parts.request_id == rid
    assert parts.from_ip == ip
    assert parts.more_info_url == f"https://open.work.weixin.qq.com/devtool/query?e={code}"
    assert parts.wrong_json_format is warn or "wrong json format" in text.lower()
    assert "\n" not in explain(0, msg)


def test_contains_wrong_json_format() -> None:
    assert contains_wrong_json_format("Warning: wrong json format. invalid msgtype")
    assert contains_wrong_json_format("warning: WRONG JSON FORMAT.")
    assert not contains_wrong_json_format("invalid msgtype, hint: [1]")
    assert not contains_wrong_json_format("json format ok")
    with pytest.raises(TypeError):
        contains_wrong_json_format(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_errmsg(b"hint: [1]")  # type: ignore[arg-type]


# --- raise_for_errcode -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, cls",
    [
        (-1, SystemBusyError),
        (40001, CredentialError),
        (40013, CredentialError),
        (40014, TokenError),
        (42001, TokenError),
        (41001, TokenError),
        (45009, RateLimitError),
        (48002, PermissionDeniedError),
        (48007, PermissionDeniedError),
        (60020, IpNotAllowedError),
        (40058, InvalidParameterError),
        (40008, InvalidParameterError),
        (47001, InvalidParameterError),
        (95000, NotFoundError),
        (95004, NotFoundError),
        (40007, NotFoundError),
        (95028, NotFoundError),
        (95001, SessionStateError),
        (95002, SessionStateError),
        (95018, SessionStateError),
        (95024, SessionStateError),
        (95031, SessionStateError),
        (95005, QuotaExceededError),
        (45002, QuotaExceededError),
        (95011, KfConfigError),
        (95017, KfConfigError),
        (40004, MediaError),
        (830002, MediaError),
        (60111, NotFoundError),
        (40031, KfApiError),  # directory area: plain
        (999_999_999, KfApiError),  # unknown
    ],
)
def test_raise_for_errcode_picks_the_subclass(code: int, cls: type[KfApiError]) -> None:
    payload = {"errcode": code, "errmsg": live_errmsg("server text", code)}
    with pytest.raises(KfApiError) as info:
        raise_for_errcode(payload, path="/kf/send_msg")
    exc = info.value
    assert type(exc) is cls
    assert isinstance(exc, KfError)
    assert exc.errcode == code and exc.path == "/kf/send_msg"
    assert exc.request_id == "1712345678_12_3af0e9" and exc.from_ip == "1.2.3.4"
    assert exc.category == category_for(code)
    assert exc.retryable is should_retry(code)
    assert exc.refresh_token is should_refresh_token(code)
    assert exc.hint == hint_for(code)
    assert str(code) in str(exc) and "/kf/send_msg" in str(exc)
    assert exc.info == lookup(code)


def test_ip_not_allowed_is_a_permission_error() -> None:
    with pytest.raises(PermissionDeniedError):
        raise_for_errcode({"errcode": 60020, "errmsg": ""})


def test_success_raises_nothing(caplog: pytest.LogCaptureFixture) -> None:
    raise_for_errcode({"errcode": 0, "errmsg": "ok", "msgid": "m1"})
    assert not caplog.records


def test_success_with_wrong_json_warning_is_logged_not_raised(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="wxkefu_ext.errors"):
        raise_for_errcode(
            {"errcode": 0, "errmsg": f"Warning: wrong json format. ok url?access_token={TOKEN}"},
            path=f"/kf/send_msg?access_token={TOKEN}",
        )
    assert len(caplog.records) == 1
    assert "wrong json format" in caplog.text and TOKEN not in caplog.text


@pytest.mark.parametrize(
    "payload, match",
    [
        ({"errmsg": "ok"}, "no errcode"),
        ({"errcode": "40014", "errmsg": ""}, "not an integer"),
        ({"errcode": None}, "not an integer"),
        ({"errcode": True}, "not an integer"),
        ({"errcode": 1.5}, "not an integer"),
        ([1, 2], "not an object"),
        ("<html>", "not an object"),
    ],
)
def test_malformed_payloads_raise_response_error(payload: object, match: str) -> None:
    with pytest.raises(KfResponseError, match=match):
        raise_for_errcode(payload, path="/kf/sync_msg")  # type: ignore[arg-type]


def test_error_from_payload() -> None:
    exc = error_from_payload({"errcode": 95018, "errmsg": "send msg session status invalid"})
    assert type(exc) is SessionStateError and exc.server_message.startswith("send msg")
    exc = error_from_payload({"errcode": 45009, "errmsg": 12})
    assert exc.errmsg == "12"
    exc = error_from_payload({"errcode": 45009})
    assert exc.errmsg == "" and exc.path is None
    with pytest.raises(ValueError, match="success"):
        error_from_payload({"errcode": 0, "errmsg": "ok"})


def test_kf_api_error_constructor_overrides_and_type_checks() -> None:
    exc = KfApiError(40014, "x", hint="custom", request_id="rid", more_info_url="u", path="/p")
    assert (exc.hint, exc.request_id, exc.more_info_url, exc.path) == ("custom", "rid", "u", "/p")
    assert "custom" in str(exc)
    with pytest.raises(TypeError):
        KfApiError("40014", "x")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        KfApiError(40014, b"x")  # type: ignore[arg-type]


# --- pickling and secrets --------------------------------------------------------------------


class _SignatureError(CallbackError):
    code = -40001


class _RichCallbackError(CallbackError):
    """A subclass whose __init__ does not match its args: default pickling would break."""

    code = -40005

    def __init__(self, expected: str, got: str) -> None:
        super().__init__(f"receiver id mismatch (expected {expected}, got {got})")
        self.expected = expected


def _examples() -> list[KfError]:
    return [
        KfApiError(123_456_789, live_errmsg("brand new", 123_456_789)),
        error_from_payload({"errcode": 95018, "errmsg": live_errmsg("session", 95018)}),
        IpNotAllowedError(60020, live_errmsg("ip", 60020), path="/kf/account/list"),
        TokenError(40014, "bad token", hint="h", request_id="r", more_info_url="m", path="/p"),
        KfTransportError("connect failed", path="/kf/sync_msg", attempts=3),
        KfResponseError("not JSON", status=502, body=b"<html>bad gateway</html>", path="/x"),
        KfValidationError("too long", field="text.content", limit=2048),
        ConfigurationError("Kf only accepts WeCom credentials"),
        CallbackError("odd", code=-40002),
        _SignatureError("signature mismatch"),
        _RichCallbackError("ww1", "ww2"),
    ]


@pytest.mark.parametrize("exc", _examples(), ids=lambda e: type(e).__name__)
def test_exceptions_pickle_round_trip(exc: KfError) -> None:
    copy = pickle.loads(pickle.dumps(exc))
    assert type(copy) is type(exc)
    assert copy.args == exc.args
    assert vars(copy) == vars(exc)
    assert str(copy) == str(exc) and repr(copy) == repr(exc)


def test_exception_kinds() -> None:
    assert isinstance(KfValidationError("x"), ValueError)
    assert not isinstance(CallbackError("x"), ValueError)
    assert _SignatureError("x").code == -40001
    assert CallbackError("x", code=-40004).code == -40004
    assert CallbackError("x").code == 0
    for cls in (KfApiError, KfTransportError, KfResponseError, KfValidationError):
        assert issubclass(cls, KfError)
    assert issubclass(ConfigurationError, KfError) and issubclass(CallbackError, KfError)


def test_validation_error_text() -> None:
    assert str(KfValidationError("too long", field="text.content", limit=2048)) == (
        "text.content: too long (limit: 2048)"
    )
    assert str(KfValidationError("text.content is empty", field="text.content")) == (
        "text.content is empty"
    )
    assert str(KfValidationError("plain")) == "plain"


def test_no_secret_in_api_error_text() -> None:
    errmsg = live_errmsg(f"invalid url https://x/cgi-bin/y?access_token={TOKEN}&a=1", 40014)
    exc = error_from_payload(
        {"errcode": 40014, "errmsg": errmsg}, path=f"/kf/send_msg?access_token={TOKEN}"
    )
    texts = [str(exc), repr(exc), exc.errmsg, exc.server_message, str(exc.path), str(exc.args)]
    texts += [explain(40014, errmsg), exc.explain()]
    for text in texts:
        assert TOKEN not in text
    assert "access_token=***" in str(exc)
    assert TOKEN.encode() not in pickle.dumps(exc)


def test_no_secret_in_response_and_transport_errors() -> None:
    body = ("<html>" + " " * 50 + f'{{"access_token": "{TOKEN}"}} ' + "y" * 1000).encode()
    exc = KfResponseError(
        f"bad reply for ?access_token={TOKEN}",
        status=502,
        body=body,
        path=f"/gettoken?corpsecret={TOKEN}",
        content_type="text/html",
        secrets=[TOKEN],
    )
    for text in (str(exc), repr(exc), exc.body_preview, str(exc.path)):
        assert TOKEN not in text
    assert "HTTP 502" in str(exc) and "text/html" in str(exc)
    assert len(exc.body_preview) < 260 and exc.body_preview.startswith("<html> {")
    assert "bytes)" in exc.body_preview
    t = KfTransportError(f"GET /gettoken?corpsecret={TOKEN} failed", path="/gettoken", attempts=1)
    assert TOKEN not in str(t) and TOKEN not in repr(t)
    assert str(t).endswith("after 1 attempt")
