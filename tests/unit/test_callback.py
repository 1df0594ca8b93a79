"""wxkefu_ext.callback: entry points, envelopes, events, CallbackCrypto, safe parsing."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wxkefu_ext.callback import (
    BodyTooLargeError,
    CallbackCrypto,
    CallbackError,
    InvalidAesKeyError,
    KfAccountAuthChange,
    KfMsgOrEvent,
    ParseError,
    ReceiverIdMismatchError,
    SignatureError,
    TimestampError,
    UnknownCallbackEvent,
    _xml,
    build_post_envelope,
    build_url_check,
    parse_callback,
    parse_post_envelope,
    verify_and_decrypt_echostr,
    verify_and_decrypt_post_body,
)
from wxkefu_ext.callback.core import dedupe_key_for
from wxkefu_ext.errors import ConfigurationError, KfError

from conftest import scaled

TOKEN = "QDG6eK"
KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
CORP = "wx5823bf96d3bd56c7"

KF_EVENT = (
    "<xml><ToUserName><![CDATA[ww12345678910]]></ToUserName><CreateTime>1348831860</CreateTime>"
    "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[kf_msg_or_event]]></Event>"
    "<Token><![CDATA[ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR]]></Token>"
    "<OpenKfId><![CDATA[wkxxxxxxx]]></OpenKfId></xml>"
)
AUTH_CHANGE = (
    "<xml><ToUserName><![CDATA[ww12345678910]]></ToUserName><FromUserName><![CDATA[sys]]>"
    "</FromUserName><CreateTime>1348831860</CreateTime><MsgType><![CDATA[event]]></MsgType>"
    "<Event><![CDATA[kf_account_auth_change]]></Event>"
    "<AuthAddOpenKfId><![CDATA[wkA]]></AuthAddOpenKfId>"
    "<AuthAddOpenKfId><![CDATA[wkB]]></AuthAddOpenKfId>"
    "<AuthDelOpenKfId><![CDATA[wkC]]></AuthDelOpenKfId></xml>"
)


def _post(message: str | bytes, fmt: str = "xml", **kw: Any) -> tuple[dict[str, str], str]:
    signed = build_post_envelope(TOKEN, KEY, CORP, message, fmt=fmt, **kw)  # type: ignore[arg-type]
    return signed.params, signed.body


def _call(params: dict[str, str], body: str | bytes, **kw: Any) -> str:
    return verify_and_decrypt_post_body(
        TOKEN,
        KEY,
        params["msg_signature"],
        params["timestamp"],
        params["nonce"],
        body,
        CORP,
        **kw,
    )


# -- entry points ----------------------------------------------------------------------------


def test_post_round_trip_xml_and_json() -> None:
    for fmt in ("xml", "json"):
        params, body = _post(KF_EVENT, fmt)
        assert _call(params, body) == KF_EVENT
        assert _call(params, body.encode()) == KF_EVENT


def test_json_envelope_lower_case_key() -> None:
    params, body = _post(KF_EVENT, "json")
    doc = json.loads(body)
    lower = json.dumps({"encrypt": doc["Encrypt"]})
    assert _call(params, lower) == KF_EVENT
    both = json.dumps({"encrypt": doc["Encrypt"], "Encrypt": "other"})
    with pytest.raises(ParseError, match="both"):
        _call(params, both)


def test_url_check_round_trip() -> None:
    params = build_url_check(TOKEN, KEY, CORP, "echo-123")
    assert (
        verify_and_decrypt_echostr(
            TOKEN,
            KEY,
            params["msg_signature"],
            params["timestamp"],
            params["nonce"],
            params["echostr"],
            CORP,
        )
        == "echo-123"
    )


def test_tampered_body_is_a_signature_error() -> None:
    params, body = _post(KF_EVENT)
    enc = parse_post_envelope(body).encrypt
    flipped = enc[:10] + ("A" if enc[10] != "A" else "B") + enc[11:]
    with pytest.raises(SignatureError):
        _call(params, body.replace(enc, flipped))
    with pytest.raises(SignatureError):
        _call({**params, "nonce": params["nonce"] + "1"}, body)


def test_wrong_receiver_is_40005() -> None:
    signed = build_post_envelope(TOKEN, KEY, "ww-someone-else", KF_EVENT)
    with pytest.raises(ReceiverIdMismatchError):
        _call(signed.params, signed.body)


def test_post_timestamp_window() -> None:
    params, body = _post(KF_EVENT, timestamp=1_000_000)
    assert _call(params, body, max_age=10, now=1_000_005) == KF_EVENT
    with pytest.raises(TimestampError):
        _call(params, body, max_age=10, now=1_000_011)


# -- envelope --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "",
        "not xml",
        "<xml><ToUserName>x</ToUserName></xml>",
        "<xml><Encrypt></Encrypt></xml>",
        "<xml><Encrypt>a</Encrypt><Encrypt>b</Encrypt></xml>",
        "<xml><Encrypt><a>b</a></Encrypt></xml>",
        "<xml><Encrypt>abc</Encrypt>",
        "{}",
        '{"Encrypt": 5}',
        '{"Encrypt": ["a"]}',
        "[1, 2]",
        '{"Encrypt": "a"',
        '{"a":' * 5000 + "1" + "}" * 5000,
        '{"Encrypt": ' + "[" * 5000 + "]" * 5000 + "}",
        b"<xml><Encrypt>\xff\xfe</Encrypt></xml>",
        b'{"Encrypt": "\xff"}',
        "<xml><Encrypt>abc</Encrypt></xml><junk/>",
    ],
)
def test_malformed_envelopes_are_parse_errors(body: str | bytes) -> None:
    with pytest.raises(ParseError) as info:
        parse_post_envelope(body)
    assert info.value.code == -40002


def test_envelope_variants_are_accepted() -> None:
    enc = "QUJD"
    for body in (
        f"<xml><Encrypt><![CDATA[{enc}]]></Encrypt></xml>",
        f"<xml>\n  <ToUserName><![CDATA[ww1]]></ToUserName>\n  <Encrypt>{enc}</Encrypt>\n</xml>",
        f'<?xml version="1.0" encoding="utf-8"?><xml><AgentID>1</AgentID>'
        f"<Encrypt>{enc}</Encrypt></xml>",
        f"<xml><!-- comment --><Encrypt><![CDATA[{enc}]]></Encrypt></xml>",
        f'<xml><Encrypt a="1">{enc}</Encrypt></xml>',
        f'{{"Encrypt": "{enc}", "ToUserName": "ww1"}}',
        f'  {{"encrypt": "{enc}"}}',
    ):
        assert parse_post_envelope(body).encrypt == enc, body
    canonical = parse_post_envelope(
        f"<xml><ToUserName><![CDATA[ww1]]></ToUserName><Encrypt><![CDATA[{enc}]]></Encrypt>"
        "<AgentID><![CDATA[218]]></AgentID></xml>"
    )
    assert (canonical.to_user_name, canonical.agent_id) == ("ww1", "218")


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
    "<xml><Encrypt>&lol3;</Encrypt></xml>"
)
XXE = (
    '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    "<xml><Encrypt>&xxe;</Encrypt></xml>"
)
PARAM_ENTITY = '<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:1/x.dtd"> %p;]><xml/>'


@pytest.mark.parametrize("doc", [BILLION_LAUGHS, XXE, PARAM_ENTITY], ids=["bomb", "xxe", "pe"])
def test_dtd_and_entities_are_refused(doc: str) -> None:
    with pytest.raises(ParseError, match="DOCTYPE"):
        parse_post_envelope(doc)
    with pytest.raises(ParseError, match="DOCTYPE"):
        parse_callback(doc)


def test_undeclared_entity_reference_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        parse_callback("<xml><Event>&lol;</Event></xml>")


def test_doctype_text_inside_cdata_is_content_not_a_dtd() -> None:
    event = parse_callback("<xml><Note><![CDATA[<!DOCTYPE is just text]]></Note><X><a/></X></xml>")
    assert isinstance(event, UnknownCallbackEvent)
    assert event.raw["Note"] == "<!DOCTYPE is just text"


def test_oversized_body_is_rejected_before_parsing() -> None:
    with pytest.raises(BodyTooLargeError) as info:
        parse_post_envelope("<xml>" + "a" * 300_000 + "</xml>")
    assert info.value.code == -40091
    with pytest.raises(BodyTooLargeError):
        parse_post_envelope(b"<xml>" + b"a" * 2000 + b"</xml>", max_bytes=1000)
    with pytest.raises(BodyTooLargeError):
        parse_callback("x" * 2000, max_bytes=1000)


def test_non_utf8_body_is_named() -> None:
    with pytest.raises(ParseError, match="UTF-8"):
        parse_post_envelope(b"<xml><ToUserName>\xe9</ToUserName><Encrypt>QUJD</Encrypt></xml>")
    with pytest.raises(ParseError, match="UTF-8"):
        # a declared legacy encoding does not switch the decoder
        parse_callback(b'<?xml version="1.0" encoding="GBK"?><xml><A>\xc4\xe3</A></xml>')
    with pytest.raises(ParseError):
        parse_post_envelope("<xml><Encrypt>\ud800</Encrypt></xml>")


def test_deep_nesting_is_a_parse_error() -> None:
    deep = "<xml>" + "<a>" * 100 + "x" + "</a>" * 100 + "</xml>"
    with pytest.raises(ParseError, match="nested"):
        parse_callback(deep)


# -- events ----------------------------------------------------------------------------------


def test_kf_msg_or_event() -> None:
    event = parse_callback(KF_EVENT)
    assert isinstance(event, KfMsgOrEvent)
    assert event.to_user_name == "ww12345678910"
    assert event.create_time == 1348831860
    assert event.token == "ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR"
    assert event.open_kfid == "wkxxxxxxx"
    assert event.raw["MsgType"] == "event"
    assert event.token not in repr(event)  # short-lived credential stays out of reprs
    with pytest.raises(AttributeError):
        event.token = "x"  # type: ignore[misc]
    assert hash(event) == hash(parse_callback(KF_EVENT.encode()))


def test_kf_msg_or_event_without_open_kfid_and_as_json() -> None:
    old = KF_EVENT.replace("<OpenKfId><![CDATA[wkxxxxxxx]]></OpenKfId>", "")
    event = parse_callback(old)
    assert isinstance(event, KfMsgOrEvent) and event.open_kfid is None
    as_json = json.dumps(
        {
            "ToUserName": "ww1",
            "CreateTime": 5,
            "MsgType": "event",
            "Event": "kf_msg_or_event",
            "Token": "T",
            "OpenKfId": "wk1",
        }
    )
    event = parse_callback(as_json)
    assert isinstance(event, KfMsgOrEvent) and (event.create_time, event.token) == (5, "T")


@pytest.mark.parametrize("field", ["Token", "CreateTime", "ToUserName"])
def test_kf_msg_or_event_missing_required_field(field: str) -> None:
    import re

    broken = re.sub(rf"<{field}>.*?</{field}>", "", KF_EVENT)
    with pytest.raises(ParseError, match=field):
        parse_callback(broken)


def test_kf_msg_or_event_bad_create_time() -> None:
    with pytest.raises(ParseError, match="CreateTime"):
        parse_callback(KF_EVENT.replace("1348831860", "soon"))


def test_kf_account_auth_change() -> None:
    event = parse_callback(AUTH_CHANGE)
    assert isinstance(event, KfAccountAuthChange)
    assert event.auth_add_open_kfid == ("wkA", "wkB")
    assert event.auth_del_open_kfid == ("wkC",)
    assert event.from_user_name == "sys"
    single = AUTH_CHANGE.replace("<AuthAddOpenKfId><![CDATA[wkB]]></AuthAddOpenKfId>", "")
    event = parse_callback(single)
    assert isinstance(event, KfAccountAuthChange) and event.auth_add_open_kfid == ("wkA",)


def test_unknown_event_keeps_every_field() -> None:
    doc = (
        "<xml><MsgType>event</MsgType><Event>brand_new</Event>"
        "<Nested><A>1</A><A>2</A></Nested></xml>"
    )
    event = parse_callback(doc)
    assert isinstance(event, UnknownCallbackEvent)
    assert (event.msg_type, event.event, event.create_time) == ("event", "brand_new", None)
    assert event.raw["Nested"] == {"A": ["1", "2"]}


def test_fast_flat_parser_agrees_with_the_tree_parser() -> None:
    for doc in (
        KF_EVENT,
        AUTH_CHANGE,
        "<xml>\n <A>x &gt; y</A>\n</xml>",
        "<xml><A></A><B>]</B></xml>",
    ):
        raw = doc.encode()
        tree = _xml._children_dict(_xml.parse_xml_root(raw, "doc"), 0)
        fast = _xml._parse_flat(raw)
        if fast is not None:
            assert fast == tree, doc
        assert _xml.parse_xml_dict(raw, "doc") == tree


@settings(max_examples=scaled(200, 2000), deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["A", "B", "Token", "x_1"]),
            st.text(st.characters(codec="utf-8", exclude_characters="\r"), max_size=20),
            st.booleans(),
        ),
        max_size=6,
    )
)
def test_fast_flat_parser_agrees_on_generated_documents(
    items: list[tuple[str, str, bool]],
) -> None:
    from xml.sax.saxutils import escape

    parts = []
    for tag, text, cdata in items:
        if cdata and "]]>" not in text:
            parts.append(f"<{tag}><![CDATA[{text}]]></{tag}>")
        else:
            parts.append(f"<{tag}>{escape(text)}</{tag}>")
    raw = ("<xml>" + "".join(parts) + "</xml>").encode()
    try:
        tree: Any = _xml._children_dict(_xml.parse_xml_root(raw, "doc"), 0)
    except ParseError:
        tree = ParseError
    fast = _xml._parse_flat(raw)
    if fast is not None:
        assert fast == tree


# -- CallbackCrypto --------------------------------------------------------------------------


def test_callback_crypto_full_cycle_and_safe_repr() -> None:
    now = [1_700_000_000.0]
    crypto = CallbackCrypto(TOKEN, KEY, CORP, max_age=300, clock=lambda: now[0])
    text = repr(crypto)
    assert TOKEN not in text and KEY not in text and CORP in text
    signed = crypto.build_post_envelope(KF_EVENT)
    p = signed.params
    assert (
        crypto.decrypt_post(p["msg_signature"], p["timestamp"], p["nonce"], signed.body) == KF_EVENT
    )
    event = crypto.handle_post(p["msg_signature"], p["timestamp"], p["nonce"], signed.body)
    assert isinstance(event, KfMsgOrEvent)
    received = crypto.receive_post(p["msg_signature"], p["timestamp"], p["nonce"], signed.body)
    assert received.event == event and received.message == KF_EVENT.encode()
    check = crypto.build_url_check("hello")
    assert (
        crypto.verify_url(
            check["msg_signature"], check["timestamp"], check["nonce"], check["echostr"]
        )
        == "hello"
    )
    now[0] += 301
    with pytest.raises(TimestampError):
        crypto.handle_post(p["msg_signature"], p["timestamp"], p["nonce"], signed.body)


def test_callback_crypto_configuration_errors() -> None:
    with pytest.raises(InvalidAesKeyError):
        CallbackCrypto(TOKEN, KEY[:-1])
    with pytest.raises(ConfigurationError):
        CallbackCrypto("", KEY)
    with pytest.raises(ConfigurationError):
        CallbackCrypto(TOKEN, KEY, max_age=0)
    with pytest.raises(ConfigurationError):
        CallbackCrypto(TOKEN, KEY).encrypt("m")  # no receiver id to encrypt for


def test_dedupe_key_survives_reencryption() -> None:
    a = CallbackCrypto(TOKEN, KEY, CORP).build_post_envelope(KF_EVENT, timestamp=1)
    b = CallbackCrypto(TOKEN, KEY, CORP).build_post_envelope(KF_EVENT, timestamp=2)
    assert a.body != b.body  # fresh random prefix
    crypto = CallbackCrypto(TOKEN, KEY, CORP)
    ra = crypto.receive_post(a.params["msg_signature"], "1", a.params["nonce"], a.body)
    rb = crypto.receive_post(b.params["msg_signature"], "2", b.params["nonce"], b.body)
    assert ra.dedupe_key == rb.dedupe_key
    other = parse_callback(KF_EVENT.replace("1348831860", "1348831861"))
    assert dedupe_key_for(other, b"") != ra.dedupe_key


def test_errors_are_kf_errors_not_value_errors() -> None:
    with pytest.raises(CallbackError) as info:
        parse_post_envelope("junk")
    assert isinstance(info.value, KfError)
    assert not isinstance(info.value, ValueError)


@settings(max_examples=scaled(300, 3000), deadline=None)
@given(
    raw=st.binary(max_size=30).map(lambda b: bytes(b"<!]->x"[c % 6] for c in b)),
    pos=st.integers(0, 31),
)
def test_memchr_marker_search_equals_bytes_find(raw: bytes, pos: int) -> None:
    for marker in (b"<!", b"]]>", b"-->"):
        assert _xml._find_marker(raw, marker, pos) == raw.find(marker, pos)
