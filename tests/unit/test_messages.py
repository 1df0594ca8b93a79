"""Outgoing message builders, limit checks before sending, and the send helpers."""

from __future__ import annotations

import json
import math
from typing import Any

import httpx
import pytest
from fakes import CORP_ID, SECRET, FakeKf

from wxkefu_ext import messages as m
from wxkefu_ext.client import AsyncKfClient, KfClient
from wxkefu_ext.errors import KfApiError, KfValidationError, SessionStateError


class _Answers:
    """Answers sends like WeCom (the msgid echoed) or with ``exc``'s errcode/errmsg; records
    ``(method, path, body)`` of every call after the token (tests/fakes.py's FakeKf)."""

    def __init__(self, reply: dict[str, Any] | None, exc: KfApiError | None) -> None:
        self.calls: list[tuple[str, str, Any]] = []
        self.reply, self.exc = reply, exc
        self.fake = FakeKf(default=self.answer)

    def answer(self, request: httpx.Request) -> Any:
        body = json.loads(request.content)
        self.calls.append((request.method, request.url.path.removeprefix("/cgi-bin"), body))
        if self.exc is not None:
            return {"errcode": self.exc.errcode, "errmsg": self.exc.errmsg}
        if self.reply is not None:
            return self.reply
        return {
            "errcode": 0,
            "errmsg": "ok",
            **({"msgid": body["msgid"]} if "msgid" in body else {}),
        }


class Recorder(KfClient):
    """A real KfClient (resource API, auth, retry) over the recording fake WeCom above."""

    def __init__(self, reply: dict[str, Any] | None = None, exc: KfApiError | None = None) -> None:
        self.answers = _Answers(reply, exc)
        self.calls = self.answers.calls
        super().__init__(CORP_ID, SECRET, transport=httpx.MockTransport(self.answers.fake))


class AsyncRecorder(AsyncKfClient):
    """The asyncio :class:`Recorder`."""

    def __init__(self, reply: dict[str, Any] | None = None, exc: KfApiError | None = None) -> None:
        self.answers = _Answers(reply, exc)
        self.calls = self.answers.calls
        super().__init__(CORP_ID, SECRET, transport=httpx.MockTransport(self.answers.fake))


ALL_BUILT = [
    m.text("你好"),
    m.image("MID"),
    m.voice("MID"),
    m.video("MID"),
    m.file("MID"),
    m.link("title", "https://example.com/a", "THUMB", desc="d"),
    m.miniprogram("wx123", "THUMB", "pages/index?x=1", title="t"),
    m.msgmenu(
        [
            m.menu_click("yes", id="101"),
            m.menu_view("https://example.com", "open"),
            m.menu_miniprogram("wx123", "pages/a", "mini"),
            m.menu_text("plain", no_newline=True),
        ],
        head_content="head",
        tail_content="tail",
    ),
    m.location(39.9, 116.4, name="n", address="a"),
    m.business_card("zhangsan"),
    m.ca_link("https://work.weixin.qq.com/ca/cawcde123"),
]


def test_every_builder_roundtrips_through_from_dict() -> None:
    assert {msg.msgtype for msg in ALL_BUILT} == m.MSGTYPES
    for msg in ALL_BUILT:
        d = msg.to_dict()
        assert d["msgtype"] == msg.msgtype and isinstance(d[msg.msgtype], dict)
        assert m.OutgoingMessage.from_dict(d) == msg


def test_shapes() -> None:
    assert m.text("hi").to_dict() == {"msgtype": "text", "text": {"content": "hi"}}
    menu = ALL_BUILT[7].to_dict()["msgmenu"]
    assert menu["list"][0] == {"type": "click", "click": {"id": "101", "content": "yes"}}
    assert menu["list"][3] == {"type": "text", "text": {"content": "plain", "no_newline": 1}}
    assert m.link("t", "http://x.io", "T").to_dict()["link"] == {
        "title": "t",
        "url": "http://x.io",
        "thumb_media_id": "T",
    }
    loc = m.location(0, -180).to_dict()["location"]
    assert loc == {"latitude": 0.0, "longitude": -180.0}


def test_message_is_immutable() -> None:
    msg = m.text("hi")
    with pytest.raises(TypeError):
        msg.payload["content"] = "changed"  # type: ignore[index]
    d = msg.to_dict()
    d["text"]["content"] = "changed"
    assert msg.to_dict()["text"]["content"] == "hi"


# (callable, field, limit substring)
LIMIT_CASES: list[tuple[Any, str, str]] = [
    (lambda: m.text(""), "text.content", "≥1"),
    (lambda: m.text("a" * 2049), "text.content", "2048 bytes"),
    # 683 CJK characters are 2049 bytes: the limit is in bytes, not characters
    (lambda: m.text("字" * 683), "text.content", "2048 bytes"),
    (lambda: m.text(5), "text.content", ""),  # type: ignore[arg-type]
    (lambda: m.image(""), "image.media_id", ""),
    (lambda: m.link("t", "ftp://x.io", "T"), "link.url", "http(s)"),
    (lambda: m.link("t", "javascript:alert(1)", "T"), "link.url", "http(s)"),
    (lambda: m.link("t", "https://x.io/" + "a" * 2040, "T"), "link.url", "2048 bytes"),
    (lambda: m.miniprogram("wx", "T", ""), "miniprogram.pagepath", ""),
    (lambda: m.msgmenu([m.menu_text("x")] * 11), "msgmenu.list", "≤10 items"),
    (lambda: m.msgmenu(), "msgmenu", ""),
    (lambda: m.menu_click("c" * 129), "msgmenu.list[0].click.content", "128 bytes"),
    (lambda: m.menu_click("c", id="i" * 129), "msgmenu.list[0].click.id", "128 bytes"),
    (lambda: m.menu_view("mailto:a@b", "c"), "msgmenu.list[0].view.url", "http(s)"),
    (lambda: m.menu_view("https://x.io", "c" * 1025), "msgmenu.list[0].view.content", "1024"),
    (lambda: m.menu_miniprogram("a" * 33, "p", "c"), "msgmenu.list[0].miniprogram.appid", "32"),
    (lambda: m.menu_text("t" * 257), "msgmenu.list[0].text.content", "256 bytes"),
    (lambda: m.msgmenu(head_content="h" * 1025), "msgmenu.head_content", "1024"),
    (lambda: m.msgmenu([{"type": "bogus", "bogus": {}}]), "msgmenu.list[0].type", "click"),
    (lambda: m.location(90.5, 0), "location.latitude", "-90..90"),
    (lambda: m.location(0, -180.01), "location.longitude", "-180..180"),
    (lambda: m.location(math.nan, 0), "location.latitude", "-90..90"),
    (lambda: m.location(True, 0), "location.latitude", ""),  # type: ignore[arg-type]
    (lambda: m.business_card(""), "business_card.userid", ""),
    (lambda: m.ca_link("work.weixin.qq.com/ca/x"), "ca_link.link_url", "http(s)"),
    (lambda: m.OutgoingMessage.from_dict({"msgtype": "news"}), "msgtype", "text"),
    (lambda: m.OutgoingMessage.from_dict({"msgtype": "text"}), "text", ""),
    (
        lambda: m.OutgoingMessage.from_dict({"msgtype": "text", "text": {"content": "x", "y": 1}}),
        "text",
        "content",
    ),
    (lambda: m.validate_msgid("has space"), "msgid", "0-9a-zA-Z"),
    (lambda: m.validate_msgid("x" * 33), "msgid", "32 bytes"),
    (lambda: m.validate_msgid(""), "msgid", ""),
]


@pytest.mark.parametrize(("make", "field", "limit"), LIMIT_CASES)
def test_limits_name_field_and_limit(make: Any, field: str, limit: str) -> None:
    with pytest.raises(KfValidationError) as ei:
        make()
    assert ei.value.field == field
    assert limit in str(ei.value)
    assert isinstance(ei.value, ValueError)


def test_limits_at_the_boundary_pass() -> None:
    m.text("a" * 2048)
    m.text("字" * 682)  # 2046 bytes
    m.link("t" * 128, "https://x.io", "T", desc="d" * 512)
    m.msgmenu([m.menu_text("x")] * 10)
    m.location(-90, 180)
    m.validate_msgid("A-z_09" + "x" * 26)


def test_fields_the_server_truncates_are_accepted_at_any_length() -> None:
    # The docs say 超过会自动截断: the server keeps a prefix instead of rejecting the send.
    long_link = m.link("t" * 129, "https://x.io", "T", desc="d" * 513).to_dict()["link"]
    assert len(long_link["title"]) == 129 and len(long_link["desc"]) == 513
    card = m.miniprogram("wx", "T", "p", title="标" * 22).to_dict()["miniprogram"]
    assert len(card["title"]) == 22


def test_truncate_option_cuts_on_character_boundary() -> None:
    msg = m.link("标" * 50, "https://x.io", "T", desc="d" * 600, truncate=True)
    title = msg.to_dict()["link"]["title"]
    assert title == "标" * 42 and len(title.encode()) == 126
    assert len(msg.to_dict()["link"]["desc"]) == 512
    assert (
        m.miniprogram("wx", "T", "p", title="x" * 70, truncate=True).to_dict()["miniprogram"][
            "title"
        ]
        == "x" * 64
    )


def test_send_adds_msgid_and_returns_it() -> None:
    kf = Recorder()
    msgid = m.send(kf, "wmU", "wkA", m.text("hi"))
    method, path, body = kf.calls[0]
    assert (method, path) == ("POST", "/kf/send_msg")
    assert body == {
        "touser": "wmU",
        "open_kfid": "wkA",
        "msgid": msgid,
        "msgtype": "text",
        "text": {"content": "hi"},
    }
    assert len(msgid) == 32 and m.validate_msgid(msgid) == msgid
    assert (
        m.send(kf, "wmU", "wkA", {"msgtype": "text", "text": {"content": "x"}}, msgid="my-1")
        == "my-1"
    )
    assert kf.calls[1][2]["msgid"] == "my-1"
    assert m.send(kf, "wmU", "wkA", m.text("a")) != m.send(kf, "wmU", "wkA", m.text("a"))


@pytest.mark.parametrize(
    "call",
    [
        lambda kf: m.send(kf, "wmU", "wkA", m.text("hi"), msgid="bad id"),
        lambda kf: m.send(kf, "", "wkA", m.text("hi")),
        lambda kf: m.send(kf, "wmU", "", m.text("hi")),
        lambda kf: m.send(kf, "wmU", "wkA", {"msgtype": "text", "text": {"content": "x" * 3000}}),
        lambda kf: m.send_on_event(kf, "CODE", m.image("MID")),
        lambda kf: m.send_on_event(kf, "", m.text("hi")),
        lambda kf: m.recall(kf, "wkA", ""),
        lambda kf: m.recall(kf, "", "abc"),
    ],
)
def test_invalid_input_raises_before_any_request(call: Any) -> None:
    kf = Recorder()
    with pytest.raises(KfValidationError):
        call(kf)
    assert kf.calls == []


def test_duplicate_msgid_rejection_is_success() -> None:
    dup = KfApiError(40058, "invalid parameter: msgid duplicated")
    assert m.send(Recorder(exc=dup), "wmU", "wkA", m.text("hi"), msgid="m1") == "m1"
    assert m.send_on_event(Recorder(exc=dup), "CODE", m.text("hi"), msgid="m2") == "m2"
    # other errors (and 40058 about something else) still raise
    with pytest.raises(KfApiError):
        m.send(Recorder(exc=KfApiError(40058, "invalid touser")), "wmU", "wkA", m.text("x"))
    with pytest.raises(SessionStateError):
        m.send(
            Recorder(exc=SessionStateError(95018, "session status invalid")), "u", "k", m.text("x")
        )


def test_send_on_event_and_recall_bodies() -> None:
    kf = Recorder()
    mid = m.send_on_event(kf, "WELCOME", ALL_BUILT[7], msgid="w1")
    assert mid == "w1"
    assert kf.calls[0][1] == "/kf/send_msg_on_event"
    assert kf.calls[0][2]["code"] == "WELCOME" and kf.calls[0][2]["msgtype"] == "msgmenu"
    assert "touser" not in kf.calls[0][2]
    m.recall(kf, "wkA", "w1")
    assert kf.calls[1] == ("POST", "/kf/recall_msg", {"open_kfid": "wkA", "msgid": "w1"})


@pytest.mark.anyio
async def test_async_twins() -> None:
    kf = AsyncRecorder()
    mid = await m.async_send(kf, "wmU", "wkA", m.location(1, 2))
    assert kf.calls[0][2]["msgid"] == mid
    assert await m.async_send_on_event(kf, "C", m.text("w"), msgid="e1") == "e1"
    await m.async_recall(kf, "wkA", mid)
    assert [c[1] for c in kf.calls] == ["/kf/send_msg", "/kf/send_msg_on_event", "/kf/recall_msg"]
    dup = AsyncRecorder(exc=KfApiError(40058, "msgid exists"))
    assert await m.async_send(dup, "wmU", "wkA", m.text("x"), msgid="d1") == "d1"
    with pytest.raises(KfValidationError):
        await m.async_send_on_event(kf, "C", m.file("F"))
    assert len(kf.calls) == 3


# --------------------------------------------------------------------------------------
# Round trips through the emulator
# --------------------------------------------------------------------------------------


def _media_ids(kf: Any) -> dict[str, str]:
    from wxkefu_ext import media

    jpeg = b"\xff\xd8\xff\xe0" + b"\x00" * 64
    return {
        "image": media.upload(kf, "image", jpeg).media_id,
        "voice": media.upload(kf, "voice", b"#!AMR\n" + b"\x00" * 64).media_id,
        "video": media.upload(kf, "video", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64).media_id,
        "file": media.upload(kf, "file", b"some file body").media_id,
    }


def test_every_send_type_round_trips_through_emulator(emu_kf: Any) -> None:
    emu, kf = emu_kf
    kfid = emu.create_account("sender")
    user, _welcome = emu.customer_enter_session(kfid)
    ids = _media_ids(kf)
    built = [
        m.text("你好"),
        m.image(ids["image"]),
        m.voice(ids["voice"]),
        m.video(ids["video"]),
        m.file(ids["file"]),
        m.link("title", "https://example.com/a", ids["image"], desc="d"),
        m.miniprogram("wx0000000000000000", ids["image"], "pages/index", title="t"),
        ALL_BUILT[7],
        m.location(39.9, 116.4, name="n", address="a"),
        m.business_card("zhangsan"),
        m.ca_link("https://work.weixin.qq.com/ca/cawcde123"),
    ]
    sent: dict[str, m.OutgoingMessage] = {}
    for i, msg in enumerate(built):
        if i % 5 == 0:  # the 48 h window allows 5 messages per customer message
            emu.customer_send(kfid, user, text=f"hello {i}")
        sent[m.send(kf, user, kfid, msg)] = msg
    delivered = {d["msgid"]: d for d in emu.delivered(kfid)}
    for msgid, msg in sent.items():
        got = delivered[msgid]
        assert got["msgtype"] == msg.msgtype
        assert got[msg.msgtype] == msg.to_dict()[msg.msgtype]


def test_send_on_event_duplicate_and_recall_through_emulator(emu_kf: Any) -> None:
    emu, kf = emu_kf
    kfid = emu.create_account("events")
    user, welcome = emu.customer_enter_session(kfid)
    assert welcome
    mid = m.send_on_event(kf, welcome, m.msgmenu([m.menu_click("yes", id="1")], head_content="hi"))
    assert any(d["msgid"] == mid for d in emu.delivered(kfid))
    emu.customer_send(kfid, user, text="hello")
    first = m.send(kf, user, kfid, m.text("once"), msgid="fixed-id-1")
    again = m.send(kf, user, kfid, m.text("once"), msgid="fixed-id-1")  # a retry that landed
    assert first == again == "fixed-id-1"
    assert [d["msgid"] for d in emu.delivered(kfid)].count("fixed-id-1") == 1
    m.recall(kf, kfid, "fixed-id-1")


def test_bodies_match_the_generated_request_models() -> None:
    """Every builder's body parses into its generated Send<Type>MsgReq and back unchanged:
    the client-side rules and the spec describe the same wire format."""
    for msg in ALL_BUILT:
        req = msg.to_send_req("wmU", "wkA", msgid="abc")
        assert type(req).__name__.startswith("Send") and type(req).__name__.endswith("MsgReq")
        assert req.to_dict() == {
            "touser": "wmU",
            "open_kfid": "wkA",
            "msgid": "abc",
            **msg.to_dict(),
        }
    for msg in (ALL_BUILT[0], ALL_BUILT[7]):
        ev = msg.to_send_on_event_req("CODE", msgid="e1")
        assert ev.to_dict() == {"code": "CODE", "msgid": "e1", **msg.to_dict()}
    with pytest.raises(KfValidationError):
        m.image("X").to_send_on_event_req("CODE")


def test_limit_checks_send_nothing_over_the_wire() -> None:
    """Through the real KfClient: respx sees no request at all for a rejected message."""
    import respx

    from wxkefu_ext.client import KfClient

    with respx.mock(base_url="https://kf.invalid/cgi-bin", assert_all_called=False) as mock:
        route = mock.route()
        kf = KfClient("wwcorp0000000001", "secret", base_url="https://kf.invalid/cgi-bin")
        with pytest.raises(KfValidationError, match=r"text\.content"):
            m.send(kf, "wmU", "wkA", {"msgtype": "text", "text": {"content": "字" * 700}})
        with pytest.raises(KfValidationError, match="msgid"):
            m.send(kf, "wmU", "wkA", m.text("hi"), msgid="no spaces allowed")
        with pytest.raises(KfValidationError, match="msgtype"):
            m.send_on_event(kf, "CODE", m.location(1, 2))
        kf.close()
        assert route.call_count == 0 and len(mock.calls) == 0


@pytest.mark.anyio
async def test_async_send_through_emulator() -> None:
    from wxkefu_ext.client import AsyncKfClient
    from wxkefu_ext.emulator import DEFAULT_CORP_ID, DEFAULT_CORP_SECRET, Emulator

    emu = Emulator(seed=1)
    kfid = emu.create_account("async")
    user, welcome = emu.customer_enter_session(kfid)
    emu.customer_send(kfid, user, text="hi")
    async with AsyncKfClient(
        DEFAULT_CORP_ID,
        DEFAULT_CORP_SECRET,
        base_url=emu.base_url,
        transport=emu.async_transport(),
    ) as kf:
        assert welcome
        w = await m.async_send_on_event(kf, welcome, m.text("welcome"))
        mid = await m.async_send(kf, user, kfid, m.location(1.5, 2.5, name="here"))
        await m.async_recall(kf, kfid, mid)
    got = {d["msgid"]: d for d in emu.delivered(kfid)}
    assert got[mid]["location"]["name"] == "here" and got[w]["msgtype"] == "text"


def test_builders_and_the_resource_api_share_the_generated_models() -> None:
    """``to_send_req`` is what ``kf.send_msg(body=...)`` takes, ``from_model`` takes it back;
    the keyword form of the resource API sends the same body as the helper."""
    from wxkefu_client.models import OutgoingText, SendTextMsgReq

    kf = Recorder()
    msg = m.text("hi")
    req = msg.to_send_req("wmU", "wkA", msgid="r1")
    assert isinstance(req, SendTextMsgReq)
    assert kf.send_msg(body=req).msgid == "r1"
    kf.send_msg(touser="wmU", open_kfid="wkA", msgtype="text", text=OutgoingText(content="hi"))
    assert m.send(kf, "wmU", "wkA", m.OutgoingMessage.from_model(req), msgid="r3") == "r3"
    first, keyword, helper = (c[2] for c in kf.calls)
    assert first == {**helper, "msgid": "r1"} and keyword["text"] == helper["text"]
    assert keyword["msgid"]  # the client adds one to every send
    with pytest.raises(KfValidationError, match=r"text\.content"):  # the builders' rules
        m.OutgoingMessage.from_model(SendTextMsgReq.from_dict({**first, "text": {"content": ""}}))
    kf.close()
