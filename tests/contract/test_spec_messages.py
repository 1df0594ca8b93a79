"""The message, event, outgoing and media parts of the spec, checked through the generated client.

Why: the generator decodes a oneOf by *trying* the variants in order and ignores `discriminator`
and `not` (codegen-notes §3); a union without `const` tags silently mis-types messages, and a
union without a catch-all loses a whole sync_msg page on the first new msgtype. These tests pin
the behaviour users rely on:

* every pulled message / event example parses into its own class and round-trips;
* an unknown msgtype, event_type or menu item type parses into the catch-all with the raw data
  kept; unknown values of server-sent enums do not crash;
* every outgoing example builds the right ``SendMsgReq`` / ``SendMsgOnEventReq`` variant, goes out
  on the wire unchanged, and the spec's limits reject what the server would reject;
* media/get declares bytes, the JSON error body and 206/416; media/upload is multipart.

Examples are read from the spec *sources* (``openapi/src``, bundled in memory by
``scripts/gen.py``), so a stale generated client fails here as well as in the drift check.
"""

from __future__ import annotations

import importlib
import importlib.util
import io
import json
import typing
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parents[2]
GEN_SCRIPT = ROOT / "scripts" / "gen.py"
SPEC_URI = "urn:wxkefu:spec"
BASE_URL = "https://qyapi.weixin.qq.com/cgi-bin"
REF = "#/components/schemas/"

#: ENDPOINTS.md §3 (official list, 2024-12) — every msgtype must have its own schema.
PULLED_MSGTYPES = {
    "text": "TextMessage",
    "image": "ImageMessage",
    "voice": "VoiceMessage",
    "video": "VideoMessage",
    "file": "FileMessage",
    "location": "LocationMessage",
    "link": "LinkMessage",
    "business_card": "BusinessCardMessage",
    "miniprogram": "MiniprogramMessage",
    "msgmenu": "MsgmenuMessage",
    "channels_shop_product": "ChannelsShopProductMessage",
    "channels_shop_order": "ChannelsShopOrderMessage",
    "merged_msg": "MergedMsgMessage",
    "channels": "ChannelsMessage",
    "meeting": "MeetingMessage",
    "schedule": "ScheduleMessage",
    "note": "NoteMessage",
    "event": "EventMessage",
}
#: ENDPOINTS.md §4.
EVENT_TYPES = {
    "enter_session": "EnterSessionEvent",
    "msg_send_fail": "MsgSendFailEvent",
    "servicer_status_change": "ServicerStatusChangeEvent",
    "session_status_change": "SessionStatusChangeEvent",
    "user_recall_msg": "UserRecallMsgEvent",
    "servicer_recall_msg": "ServicerRecallMsgEvent",
    "reject_customer_msg_switch_change": "RejectCustomerMsgSwitchChangeEvent",
}
#: ENDPOINTS.md §5 (send_msg: all; send_msg_on_event: text and msgmenu).
OUTGOING_MSGTYPES = {
    "text",
    "image",
    "voice",
    "video",
    "file",
    "link",
    "miniprogram",
    "msgmenu",
    "location",
    "business_card",
    "ca_link",
}
ON_EVENT_MSGTYPES = {"text", "msgmenu"}
MENU_ITEM_TYPES = {"click", "view", "miniprogram", "text"}

OPEN_KFID = "wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q"
CUSTOMER = "wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw"


# --------------------------------------------------------------------------- helpers


@cache
def spec() -> dict[str, Any]:
    """The bundle of ``openapi/src`` (what ``make gen`` writes to ``openapi/wxkefu.yaml``)."""
    loader = importlib.util.spec_from_file_location("wxkefu_gen_script_msgs", GEN_SCRIPT)
    assert loader is not None and loader.loader is not None
    gen = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(gen)
    doc = gen.bundle(gen.source_files())
    assert isinstance(doc, dict)
    plain: dict[str, Any] = json.loads(json.dumps(doc))  # plain JSON types only
    return plain


def schemas() -> dict[str, Any]:
    result: dict[str, Any] = spec()["components"]["schemas"]
    return result


def models() -> ModuleType:
    return importlib.import_module("wxkefu_client.models")


def model(name: str) -> Any:
    return getattr(models(), name)


def members(union: str) -> list[str]:
    """Component names of a oneOf union, in the spec's (= the decoder's try) order."""
    return [m["$ref"].removeprefix(REF) for m in schemas()[union]["oneOf"]]


def tag_const(name: str, tag: str) -> str:
    """The ``const`` a variant pins on ``tag`` (directly or in its allOf part)."""
    schema = schemas()[name]
    for part in [schema, *schema.get("allOf", [])]:
        prop = part.get("properties", {}).get(tag)
        if prop is not None and "const" in prop:
            value = prop["const"]
            assert isinstance(value, str)
            return value
    raise AssertionError(f"{name} pins no const on {tag!r}")


def example(name: str) -> dict[str, Any]:
    value = schemas()[name]["example"]
    assert isinstance(value, dict)
    fresh: dict[str, Any] = json.loads(json.dumps(value))  # a fresh copy per use
    return fresh


def validator(name: str) -> Draft202012Validator:
    registry: Registry = Registry().with_resource(
        SPEC_URI, Resource.from_contents(spec(), default_specification=DRAFT202012)
    )
    return Draft202012Validator({"$ref": f"{SPEC_URI}{REF}{name}"}, registry=registry)


def page(*items: dict[str, Any], has_more: int = 0) -> dict[str, Any]:
    return {
        "errcode": 0,
        "errmsg": "ok",
        "next_cursor": "CURSOR_1",
        "has_more": has_more,
        "msg_list": list(items),
    }


def parse_page(body: dict[str, Any]) -> Any:
    """Parse a sync_msg reply exactly as the generated endpoint does."""
    from wxkefu_client import Client
    from wxkefu_client.api.message import sync_msg

    parsed = sync_msg._parse_response(
        client=Client(base_url=BASE_URL), response=httpx.Response(200, json=body)
    )
    assert parsed is not None
    return parsed


def event_item(event: dict[str, Any]) -> dict[str, Any]:
    return {
        "msgid": "EVENT_MSGID_1",
        "send_time": 1615478610,
        "origin": 4,
        "msgtype": "event",
        "event": event,
    }


def recording_client(replies: list[httpx.Response] | None = None) -> tuple[Any, list[Any]]:
    """A generated ``Client`` whose transport records requests and answers from ``replies``."""
    from wxkefu_client import Client

    seen: list[httpx.Request] = []
    queue = list(replies or [])

    def handler(request: httpx.Request) -> httpx.Response:
        request.read()
        seen.append(request)
        return queue.pop(0) if queue else httpx.Response(200, json={"errcode": 0, "errmsg": "ok"})

    client = Client(base_url=BASE_URL, httpx_args={"transport": httpx.MockTransport(handler)})
    return client, seen


# --------------------------------------------------------------------------- union shape


@pytest.mark.parametrize(
    ("union", "tag", "catch_all", "expected"),
    [
        ("SyncMsgItem", "msgtype", "UnknownMessage", PULLED_MSGTYPES),
        ("KfEvent", "event_type", "UnknownEvent", EVENT_TYPES),
        ("ReceivedMsgMenuItem", "type", "UnknownMsgMenuItem", None),
    ],
)
def test_union_is_tagged_with_a_catch_all_last(
    union: str, tag: str, catch_all: str, expected: dict[str, str] | None
) -> None:
    names = members(union)
    assert names[-1] == catch_all, f"{union}: the catch-all must be the LAST variant"
    known = {tag_const(name, tag): name for name in names[:-1]}
    assert len(known) == len(names) - 1, f"{union}: two variants pin the same {tag}"
    if expected is not None:
        assert known == expected
    else:
        assert set(known) == MENU_ITEM_TYPES
    excluded = schemas()[catch_all]["properties"][tag]["not"]["enum"]
    assert sorted(excluded) == sorted(known), f"{catch_all}: not.enum out of sync with {union}"


def test_no_msgtype_in_a_shared_base() -> None:
    """A `msgtype` in an allOf base breaks the generator's merge (codegen-notes §3)."""
    for base in ("MessageCommon", "SendMsgCommon", "SendMsgOnEventCommon"):
        assert "msgtype" not in schemas()[base].get("properties", {}), base


def test_outgoing_unions_cover_section_5() -> None:
    send = {tag_const(name, "msgtype"): name for name in members("SendMsgReq")}
    assert set(send) == OUTGOING_MSGTYPES
    on_event = {tag_const(name, "msgtype") for name in members("SendMsgOnEventReq")}
    assert on_event == ON_EVENT_MSGTYPES
    menu = {tag_const(name, "type") for name in members("MsgMenuItem")}
    assert menu == MENU_ITEM_TYPES


# --------------------------------------------------------------------------- pulled messages


@pytest.mark.parametrize("msgtype", sorted(PULLED_MSGTYPES))
def test_pulled_message_example_parses_into_its_class(msgtype: str) -> None:
    name = PULLED_MSGTYPES[msgtype]
    raw = example(name)
    assert raw["msgtype"] == msgtype
    resp = parse_page(page(raw))
    (item,) = resp.msg_list
    assert type(item) is model(name), f"{msgtype} parsed as {type(item).__name__}"
    assert item.msgtype == msgtype
    assert not item.additional_properties, f"undeclared fields: {item.additional_properties}"
    assert item.to_dict() == raw
    assert resp.to_dict() == page(raw)


@pytest.mark.parametrize("event_type", sorted(EVENT_TYPES))
def test_event_example_parses_into_its_class(event_type: str) -> None:
    name = EVENT_TYPES[event_type]
    raw = event_item(example(name))
    (item,) = parse_page(page(raw)).msg_list
    assert isinstance(item, model("EventMessage"))
    assert type(item.event) is model(name), f"{event_type} parsed as {type(item.event).__name__}"
    assert item.event.event_type == event_type
    assert not item.event.additional_properties
    assert item.to_dict() == raw


def test_sync_msg_operation_example_types_every_item() -> None:
    op = spec()["paths"]["/kf/sync_msg"]["post"]
    body = op["responses"]["200"]["content"]["application/json"]["example"]
    resp = parse_page(body)
    kinds = [type(m).__name__ for m in resp.msg_list]
    assert kinds == ["TextMessage", "ImageMessage", "EventMessage"]
    assert type(resp.msg_list[2].event).__name__ == "EnterSessionEvent"
    assert resp.to_dict() == body


def test_unknown_msgtype_keeps_the_raw_item() -> None:
    raw = {
        "msgid": "from_msgid_new_1",
        "open_kfid": OPEN_KFID,
        "external_userid": CUSTOMER,
        "send_time": 1700000000,
        "origin": 3,
        "msgtype": "channels_live_gift",
        "channels_live_gift": {"gift_id": "g1", "count": 3, "nested": {"a": [1, 2]}},
    }
    known = example("TextMessage")
    resp = parse_page(page(known, raw))
    first, second = resp.msg_list
    assert isinstance(first, model("TextMessage"))
    assert type(second) is model("UnknownMessage")
    assert second.msgtype == "channels_live_gift"
    assert second["msgid"] == "from_msgid_new_1"
    assert second.additional_properties["channels_live_gift"] == raw["channels_live_gift"]
    assert second.to_dict() == raw
    assert resp.to_dict() == page(known, raw)


def test_unknown_event_type_keeps_the_raw_event() -> None:
    event = {
        "event_type": "customer_mood_change",
        "open_kfid": OPEN_KFID,
        "external_userid": CUSTOMER,
        "mood": {"score": 2},
    }
    raw = event_item(event)
    (item,) = parse_page(page(raw)).msg_list
    assert isinstance(item, model("EventMessage")), "the message is still a typed event"
    assert type(item.event) is model("UnknownEvent")
    assert item.event.event_type == "customer_mood_change"
    assert item.event["mood"] == {"score": 2}
    assert item.to_dict() == raw


@pytest.mark.parametrize(
    "raw",
    [
        # a known msgtype whose payload object is missing / of the wrong kind
        {"msgid": "m1", "send_time": 1, "origin": 3, "msgtype": "text"},
        {
            "msgid": "m2",
            "open_kfid": OPEN_KFID,
            "external_userid": CUSTOMER,
            "send_time": 1,
            "origin": 3,
            "msgtype": "image",
            "image": "not-an-object",
        },
        # (an item without any msgtype is outside the contract since the catch-alls require
        # their tag — the discriminator every generator reads needs it; the server always sends it)
        # an event item whose event has no event_type
        {"msgid": "m4", "send_time": 1, "origin": 4, "msgtype": "event", "event": {"x": 1}},
    ],
    ids=["text-without-payload", "image-payload-not-object", "event-no-type"],
)
def test_malformed_items_degrade_instead_of_losing_the_page(raw: dict[str, Any]) -> None:
    good = example("VoiceMessage")
    resp = parse_page(page(raw, good))
    bad, ok = resp.msg_list
    assert isinstance(ok, model("VoiceMessage"))
    assert bad.to_dict() == raw
    known_types = tuple(model(n) for n in PULLED_MSGTYPES.values() if n != "EventMessage")
    assert not isinstance(bad, known_types), f"malformed item typed as {type(bad).__name__}"


def test_unknown_enum_values_are_kept_as_integers() -> None:
    text = example("TextMessage") | {"origin": 9}
    fail = example("MsgSendFailEvent") | {"fail_type": 99}
    status = example("ServicerStatusChangeEvent") | {"status": 7, "stop_type": 5}
    change = example("SessionStatusChangeEvent") | {"change_type": 12}
    reject = example("RejectCustomerMsgSwitchChangeEvent") | {"reject_switch": 3}
    enter = example("EnterSessionEvent")
    enter["wechat_channels"] = {"nickname": "n", "scene": 42}
    channels = example("ChannelsMessage")
    channels["channels"]["sub_type"] = 8
    body = page(
        text,
        event_item(fail),
        event_item(status),
        event_item(change),
        event_item(reject),
        event_item(enter),
        channels,
        has_more=2,
    )
    resp = parse_page(body)
    assert resp.has_more == 2
    items = resp.msg_list
    assert isinstance(items[0], model("TextMessage")) and items[0].origin == 9
    events = [m.event for m in items[1:6]]
    expected = [
        "MsgSendFailEvent",
        "ServicerStatusChangeEvent",
        "SessionStatusChangeEvent",
        "RejectCustomerMsgSwitchChangeEvent",
        "EnterSessionEvent",
    ]
    assert [type(e).__name__ for e in events] == expected
    assert events[0].fail_type == 99
    assert (events[1].status, events[1].stop_type) == (7, 5)
    assert events[2].change_type == 12
    assert events[3].reject_switch == 3
    assert events[4].wechat_channels.scene == 42
    assert isinstance(items[6], model("ChannelsMessage")) and items[6].channels.sub_type == 8
    assert resp.to_dict() == body


def test_known_enum_values_become_named_members() -> None:
    fail = example("MsgSendFailEvent") | {"fail_type": 10}
    (item,) = parse_page(page(event_item(fail))).msg_list
    assert item.origin is model("OriginKnown").ORIGIN_EVENT
    assert item.event.fail_type is model("FailTypeKnown").FAIL_TYPE_REJECTED_BY_CUSTOMER
    text = example("TextMessage")
    (msg,) = parse_page(page(text)).msg_list
    assert msg.origin is model("OriginKnown").ORIGIN_CUSTOMER


def test_pulled_menu_keeps_unknown_item_types() -> None:
    raw = example("MsgmenuMessage")
    future = {"type": "coupon", "coupon": {"coupon_id": "c1", "content": "领券"}}
    raw["msgmenu"]["list"].append(future)
    (item,) = parse_page(page(raw)).msg_list
    kinds = [type(i).__name__ for i in item.msgmenu.list_]
    assert kinds == ["MsgMenuClickItem", "MsgMenuTextItem", "UnknownMsgMenuItem"]
    assert item.msgmenu.list_[2]["coupon"] == future["coupon"]
    assert item.to_dict() == raw


def test_channels_shop_product_accepts_both_spellings_and_price_types() -> None:
    raw = example("ChannelsShopProductMessage")
    product = raw["channels_shop_product"]
    for key in ("head_img", "shop_head_img"):
        product[key.replace("img", "image")] = product.pop(key)
    product["sales_price"] = 4900
    (item,) = parse_page(page(raw)).msg_list
    parsed = item.channels_shop_product
    assert isinstance(item, model("ChannelsShopProductMessage"))
    assert parsed.head_image.startswith("https://") and parsed.sales_price == 4900
    assert not parsed.additional_properties
    assert item.to_dict() == raw
    assert not list(validator("ChannelsShopProductMessage").iter_errors(raw))


def test_event_items_with_or_without_top_level_ids() -> None:
    """Conflict §4: event items may or may not repeat open_kfid/external_userid at the top."""
    lean = event_item(example("UserRecallMsgEvent"))
    full = lean | {"open_kfid": OPEN_KFID, "external_userid": CUSTOMER}
    resp = parse_page(page(lean, full))
    assert [type(m).__name__ for m in resp.msg_list] == ["EventMessage", "EventMessage"]
    assert resp.msg_list[1].open_kfid == OPEN_KFID
    for raw in (lean, full):
        assert not list(validator("SyncMsgItem").iter_errors(raw))


def test_schema_union_is_exclusive_for_every_example() -> None:
    """JSON Schema side (schemathesis, other languages): exactly one variant matches."""
    check = validator("SyncMsgItem")
    for name in members("SyncMsgItem"):
        raw = example(name)
        errors = [e.message for e in check.iter_errors(raw)]
        assert not errors, f"{name}: {errors}"
    broken = example("TextMessage")
    del broken["text"]
    assert list(check.iter_errors(broken)), "a known msgtype without payload must not validate"


# --------------------------------------------------------------------------- outgoing


def send_variants() -> list[str]:
    return members("SendMsgReq")


@pytest.mark.parametrize("name", send_variants())
def test_outgoing_example_builds_its_variant_and_goes_out_unchanged(name: str) -> None:
    from wxkefu_client.api.message import send_msg

    raw = example(name)
    body = model(name).from_dict(raw)
    assert body.to_dict() == raw
    assert not body.additional_properties
    for other in send_variants():
        if other != name:
            with pytest.raises((ValueError, KeyError, TypeError)):
                model(other).from_dict(raw)
    client, seen = recording_client(
        [httpx.Response(200, json={"errcode": 0, "errmsg": "ok", "msgid": raw["msgid"]})]
    )
    reply = send_msg.sync(client=client, body=body)
    assert reply is not None and reply.msgid == raw["msgid"]
    (request,) = seen
    assert request.url.path == "/cgi-bin/kf/send_msg"
    assert json.loads(request.content) == raw
    assert not list(validator("SendMsgReq").iter_errors(raw))


def test_send_msg_body_is_a_union_of_every_variant() -> None:
    from wxkefu_client.api.message import send_msg, send_msg_on_event

    hint = typing.get_type_hints(send_msg.sync_detailed)["body"]
    assert set(typing.get_args(hint)) == {model(n) for n in send_variants()}
    hint = typing.get_type_hints(send_msg_on_event.sync_detailed)["body"]
    assert set(typing.get_args(hint)) == {model(n) for n in members("SendMsgOnEventReq")}


@pytest.mark.parametrize("name", members("SendMsgOnEventReq"))
def test_on_event_example_builds_its_variant(name: str) -> None:
    from wxkefu_client.api.message import send_msg_on_event

    raw = example(name)
    body = model(name).from_dict(raw)
    assert body.to_dict() == raw
    client, seen = recording_client()
    send_msg_on_event.sync_detailed(client=client, body=body)
    assert json.loads(seen[0].content) == raw
    assert seen[0].url.path == "/cgi-bin/kf/send_msg_on_event"


def test_operation_examples_of_unions_parse() -> None:
    for path, union in (
        ("/kf/send_msg", "SendMsgReq"),
        ("/kf/send_msg_on_event", "SendMsgOnEventReq"),
    ):
        media = spec()["paths"][path]["post"]["requestBody"]["content"]["application/json"]
        by_type = {tag_const(n, "msgtype"): n for n in members(union)}
        assert media["examples"]
        for entry in media["examples"].values():
            raw = entry["value"]
            assert model(by_type[raw["msgtype"]]).from_dict(raw).to_dict() == raw


def test_menu_items_build_their_variants() -> None:
    raw = example("SendMsgmenuMsgReq")
    body = model("SendMsgmenuMsgReq").from_dict(raw)
    kinds = [type(i).__name__ for i in body.msgmenu.list_]
    # Outgoing items have their own classes (with the request-side limits); the pulled ones
    # (MsgMenuClickItem, ...) are tolerant and keep their names.
    assert kinds == [
        "OutgoingMsgMenuClickItem",
        "OutgoingMsgMenuClickItem",
        "OutgoingMsgMenuViewItem",
        "OutgoingMsgMenuMiniprogramItem",
        "OutgoingMsgMenuTextItem",
    ]


def _mutate(raw: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    out: dict[str, Any] = json.loads(json.dumps(raw))
    node: Any = out
    keys = path.split(".")
    for key in keys[:-1]:
        node = node[int(key)] if isinstance(node, list) else node[key]
    node[keys[-1]] = value
    return out


@pytest.mark.parametrize(
    ("name", "path", "value"),
    [
        ("SendTextMsgReq", "msgid", "has space"),
        ("SendTextMsgReq", "msgid", "x" * 33),
        ("SendTextMsgReq", "text.content", "x" * 2049),
        ("SendTextMsgReq", "text.content", ""),
        ("SendLinkMsgReq", "link.url", "ftp://example.com/a"),
        ("SendLocationMsgReq", "location.latitude", 90.5),
        ("SendLocationMsgReq", "location.longitude", -180.5),
        ("SendMsgmenuMsgReq", "msgmenu.list", [{"type": "text", "text": {"content": "x"}}] * 11),
        ("SendMsgmenuMsgReq", "msgmenu.list", [{"type": "coupon", "coupon": {}}]),
        ("SendMsgmenuMsgReq", "msgmenu.list.0.click.id", "i" * 129),
        ("SendMsgmenuMsgReq", "msgmenu.list.0.click.content", ""),
        ("SendMsgmenuMsgReq", "msgmenu.list.2.view.url", "u" * 2049),
        ("SendMsgmenuMsgReq", "msgmenu.list.3.miniprogram.appid", "a" * 33),
        ("SendMsgmenuMsgReq", "msgmenu.list.4.text.content", "c" * 257),
        ("SendCaLinkMsgReq", "ca_link.link_url", "work.weixin.qq.com/ca/x"),
        ("SendTextMsgOnEventReq", "msgid", "bad/id"),
    ],
)
def test_spec_limits_reject_what_the_server_rejects(name: str, path: str, value: Any) -> None:
    raw = example(name)
    union = "SendMsgOnEventReq" if "OnEvent" in name else "SendMsgReq"
    assert not list(validator(union).iter_errors(raw)), "the example itself must be valid"
    bad = _mutate(raw, path, value)
    assert list(validator(union).iter_errors(bad)), f"{name}.{path}={value!r} was accepted"


@pytest.mark.parametrize(
    ("name", "path", "value"),
    [
        ("SendLinkMsgReq", "link.title", "t" * 300),
        ("SendLinkMsgReq", "link.desc", "d" * 1000),
        ("SendMiniprogramMsgReq", "miniprogram.title", "t" * 200),
    ],
)
def test_fields_the_server_truncates_accept_longer_values(name: str, path: str, value: Any) -> None:
    """The docs say these are truncated (超过会自动截断), not rejected: no limit in the spec."""
    assert not list(validator("SendMsgReq").iter_errors(_mutate(example(name), path, value)))


def test_on_event_rejects_types_other_than_text_and_menu() -> None:
    image = example("SendImageMsgReq")
    del image["touser"], image["open_kfid"]
    image["code"] = "CODE_1"
    assert list(validator("SendMsgOnEventReq").iter_errors(image))


# --------------------------------------------------------------------------- media


def test_media_get_declares_bytes_json_error_and_ranges() -> None:
    op = spec()["paths"]["/media/get"]["get"]
    ok = op["responses"]["200"]["content"]
    assert list(ok) == [
        "application/octet-stream",
        "image/*",
        "audio/*",
        "video/*",
        "application/*",
    ], "octet-stream must come first: generated clients parse only the first type"
    for ctype in list(ok)[:4]:
        assert ok[ctype]["schema"] == {"type": "string", "format": "binary"}
    # The JSON error (application/json) sits under a media range, not an `application/json` key:
    # @hey-api/openapi-ts types a response by its JSON entry whenever there is one, which typed
    # every successful download as the error (make polyglot checks the TS types).
    assert ok["application/*"]["schema"] == {"$ref": f"{REF}BaseResp"}
    assert not [c for c in ok if "json" in c]
    partial = op["responses"]["206"]
    assert partial["headers"]["Content-Range"]["required"] is True
    assert "Accept-Ranges" in partial["headers"]
    assert "416" in op["responses"]
    assert "830002" in op["description"]
    (range_param,) = [p for p in op["parameters"] if p["name"] == "Range"]
    assert range_param["in"] == "header" and not range_param.get("required", False)
    check = Draft202012Validator(range_param["schema"])
    for good in ("bytes=0-1023", "bytes=1024-", "bytes=-500"):
        assert check.is_valid(good), good
    for bad in ("bytes=a-b", "items=0-1", "bytes=0-1,5-9", "bytes=-"):
        assert not check.is_valid(bad), bad


def test_generated_media_get_sends_range_and_returns_the_bytes() -> None:
    from wxkefu_client.api.media import media_get

    data = bytes(range(256)) * 4
    client, seen = recording_client(
        [
            httpx.Response(
                206,
                content=data[:512],
                headers={"Content-Range": "bytes 0-511/1024", "Content-Type": "image/jpeg"},
            ),
            httpx.Response(200, json={"errcode": 40007, "errmsg": "invalid media_id"}),
        ]
    )
    part = media_get.sync_detailed(client=client, media_id="MEDIA_1", range_="bytes=0-511")
    assert part.status_code == 206
    assert part.parsed is not None and part.parsed.payload.read() == data[:512]
    assert part.headers["Content-Range"] == "bytes 0-511/1024"
    assert seen[0].headers["Range"] == "bytes=0-511"
    assert seen[0].url.params["media_id"] == "MEDIA_1"
    # The JSON error arrives with HTTP 200: only the Content-Type tells it apart (codegen §4).
    err = media_get.sync_detailed(client=client, media_id="MEDIA_X")
    assert err.status_code == 200 and err.headers["Content-Type"] == "application/json"
    assert model("BaseResp").from_dict(json.loads(err.content)).errcode == 40007


def test_media_upload_is_multipart_with_the_type_query() -> None:
    from wxkefu_client.api.media import media_upload
    from wxkefu_client.types import File

    op = spec()["paths"]["/media/upload"]["post"]
    (type_param,) = op["parameters"]
    assert type_param["name"] == "type" and type_param["required"] is True
    assert schemas()["MediaType"]["enum"] == ["image", "voice", "video", "file"]
    form = op["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert form == {"$ref": f"{REF}MediaUploadForm"}
    assert schemas()["MediaUploadForm"]["required"] == ["media"]

    reply = {
        "errcode": 0,
        "errmsg": "ok",
        "type": "image",
        "media_id": "MEDIA_NEW",
        "created_at": "1380000000",
    }
    client, seen = recording_client([httpx.Response(200, json=reply)])
    body = model("MediaUploadForm")(
        media=File(
            payload=io.BytesIO(b"\xff\xd8\xff\xe0JPEGDATA"),
            file_name="a.jpg",
            mime_type="image/jpeg",
        )
    )
    parsed = media_upload.sync(client=client, body=body, type_=model("MediaType").IMAGE)
    assert parsed is not None and parsed.media_id == "MEDIA_NEW"
    assert parsed.created_at == "1380000000" and parsed.type_ == "image"
    (request,) = seen
    assert request.url.params["type"] == "image"
    assert request.headers["Content-Type"].startswith("multipart/form-data")
    assert b'name="media"; filename="a.jpg"' in request.content
    assert b"JPEGDATA" in request.content


def test_media_upload_reply_with_an_unknown_type_string_is_kept() -> None:
    reply = {"errcode": 0, "errmsg": "ok", "type": "hologram", "media_id": "M", "created_at": "1"}
    parsed = model("MediaUploadResp").from_dict(reply)
    assert parsed.type_ == "hologram"
    assert parsed.to_dict() == reply


# --------------------------------------------------------------------------- callbacks


@pytest.mark.parametrize(
    "name",
    [
        "CallbackQuery",
        "CallbackEnvelopeXml",
        "CallbackEnvelopeJson",
        "KfMsgOrEventCallback",
        "KfAccountAuthChangeCallback",
    ],
)
def test_callback_schemas_exist_and_their_examples_round_trip(name: str) -> None:
    raw = example(name)
    assert not list(validator(name).iter_errors(raw))
    assert model(name).from_dict(raw).to_dict() == raw


def test_callback_signature_must_be_hex_sha1() -> None:
    raw = example("CallbackQuery")
    assert list(validator("CallbackQuery").iter_errors(raw | {"msg_signature": "Z" * 40}))
    assert list(validator("CallbackQuery").iter_errors({"timestamp": "1", "nonce": "n"}))
