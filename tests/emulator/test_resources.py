"""The generated resource API (``kf.account.list(...)``) against the in-process emulator.

One scenario calls every operation of the spec through its resource method; it runs on
``KfClient`` and on ``AsyncKfClient`` and records which operations went out, so a new operation
in the spec without a call here fails ``test_every_operation_is_called``. Paged lists are walked
across pages; ``with_raw_response`` returns the HTTP reply with ``.parse()``.
"""

from __future__ import annotations

import asyncio
import inspect
import io
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from wxkefu_client import _operations as ops
from wxkefu_client.models import (
    KnowledgeAnswer,
    KnowledgeAnswerText,
    KnowledgeQuestion,
    KnowledgeQuestionText,
    MediaType,
    OutgoingText,
    ServiceStateTransTarget,
    SyncMsgReq,
    TextMessage,
    UpgradeServiceMember,
    UpgradeServiceType,
)
from wxkefu_client.resources import Resources
from wxkefu_client.types import UNSET, File
from wxkefu_ext.client import AsyncKfClient, KfClient
from wxkefu_ext.emulator import Emulator
from wxkefu_ext.errors import KfApiError, KfResponseError

PNG = b"\x89PNG\r\n\x1a\n" + bytes(200)


class Recorder:
    """Wraps ``_call_operation`` to count the operations a client sent."""

    def __init__(self, kf: Any) -> None:
        self.seen: set[str] = set()
        inner = kf._call_operation
        if inspect.iscoroutinefunction(inner):

            async def wrapped(op: ops.Operation, call: Any) -> Any:
                self.seen.add(op.operation_id)
                return await inner(op, call)
        else:

            def wrapped(op: ops.Operation, call: Any) -> Any:  # type: ignore[misc]
                self.seen.add(op.operation_id)
                return inner(op, call)

        kf._call_operation = wrapped


async def _aw(value: Any) -> Any:
    return await value if inspect.isawaitable(value) else value


async def _items(page: Any) -> list[Any]:
    if hasattr(page, "__aiter__"):
        return [item async for item in page]
    return list(page)


async def scenario(kf: Any, emu: Emulator) -> None:
    """Every operation, in an order where each one's inputs exist."""
    token = await _aw(kf.gettoken())
    assert token.access_token and token.expires_in > 0

    up = await _aw(
        kf.media.upload(type_=MediaType.IMAGE, media=File(io.BytesIO(PNG), "a.png", "image/png"))
    )
    assert up.media_id and up.type_ == MediaType.IMAGE
    got = await _aw(kf.media.get(media_id=up.media_id))
    assert got.payload.read() == PNG and got.mime_type == "image/png"
    part = await _aw(kf.media.get(media_id=up.media_id, range_="bytes=0-7"))
    assert part.payload.read() == PNG[:8]
    img = await _aw(kf.media.uploadimg(media=File(io.BytesIO(PNG), "b.png", "image/png")))
    assert img.url.startswith("http")

    created = [await _aw(kf.account.add(name=f"客服{i}", media_id=up.media_id)) for i in range(5)]
    kfid = created[0].open_kfid
    await _aw(kf.account.update(open_kfid=kfid, name="改名"))
    page = await _aw(kf.account.list(limit=2))
    assert len(page.items) == 2 and page.has_next_page()
    every = await _items(page)  # offset pages: 2 + 2 + 1
    assert [a.open_kfid for a in every] == [c.open_kfid for c in created]
    assert every[0].name == "改名"
    await _aw(kf.account.del_(open_kfid=created[-1].open_kfid))
    assert len(await _items(await _aw(kf.account.list()))) == 4

    link = await _aw(kf.add_contact_way(open_kfid=kfid, scene="s1"))
    assert link.url.startswith("http")
    await _aw(kf.get_corp_qualification())
    conv = await _aw(kf.idconvert.open_kfid(open_kfid_list=[kfid]))
    # provider.yaml's id conversions: third-party / 代开发 apps only (emulator/test_provider.py)
    from wxkefu_ext.errors import PermissionDeniedError

    for convert in (
        lambda: kf.batch.userid_to_openuserid(userid_list=["zhangsan"]),
        lambda: kf.externalcontact.get_new_external_userid(external_userid_list=["wm1"]),
    ):
        with pytest.raises(PermissionDeniedError):
            await _aw(convert())
    assert conv.items is not UNSET

    emu.add_servicer(kfid, "zhangsan")
    await _aw(kf.servicer.add(open_kfid=kfid, userid_list=["lisi"]))
    listed = await _aw(kf.servicer.list(open_kfid=kfid))
    assert {s.userid for s in listed.servicer_list} >= {"zhangsan", "lisi"}
    await _aw(kf.servicer.del_(open_kfid=kfid, userid_list=["lisi"]))

    user, welcome = emu.customer_enter_session(kfid)
    emu.customer_send(kfid, user, "你好")
    pulled = await _aw(kf.sync_msg(open_kfid=kfid, limit=1000))
    texts = [m for m in pulled.msg_list if isinstance(m, TextMessage)]
    assert [m.text.content for m in texts] == ["你好"]
    again = await _aw(kf.sync_msg(body=SyncMsgReq(open_kfid=kfid, cursor=pulled.next_cursor)))
    assert again.msg_list == []
    assert welcome is not None
    await _aw(kf.send_msg_on_event(code=welcome, msgtype="text", text=OutgoingText(content="欢迎")))
    sent = await _aw(
        kf.send_msg(touser=user, open_kfid=kfid, msgtype="text", text=OutgoingText(content="hi"))
    )
    assert sent.msgid
    await _aw(kf.recall_msg(open_kfid=kfid, msgid=sent.msgid))

    state = await _aw(kf.service_state.get(open_kfid=kfid, external_userid=user))
    assert state.service_state is not UNSET
    await _aw(
        kf.service_state.trans(
            open_kfid=kfid,
            external_userid=user,
            service_state=ServiceStateTransTarget.SERVICE_STATE_TRANS_TARGET_SERVICER,
            servicer_userid="zhangsan",
        )
    )
    customers = await _aw(kf.customer.batchget(external_userid_list=[user]))
    assert [c.external_userid for c in customers.customer_list] == [user]
    emu.configure_upgrade_service(userids=["zhangsan"])
    await _aw(kf.customer.get_upgrade_service_config())
    await _aw(
        kf.customer.upgrade_service(
            open_kfid=kfid,
            external_userid=user,
            type_=UpgradeServiceType.UPGRADE_SERVICE_TYPE_MEMBER,
            member=UpgradeServiceMember(userid="zhangsan", wording="找他"),
        )
    )
    await _aw(kf.customer.cancel_upgrade_service(open_kfid=kfid, external_userid=user))

    now = int(emu.clock.now())
    day = now - now % 86400 - 86400
    corp = await _aw(kf.get_corp_statistic(start_time=day, end_time=day))
    assert isinstance(corp.statistic_list, list)
    serv = await _aw(kf.get_servicer_statistic(open_kfid=kfid, start_time=day, end_time=day))
    assert isinstance(serv.statistic_list, list)

    groups = [await _aw(kf.knowledge.add_group(name=f"组{i}")) for i in range(3)]
    await _aw(kf.knowledge.mod_group(group_id=groups[0].group_id, name="组X"))
    listed_groups = await _items(await _aw(kf.knowledge.list_group(limit=1)))  # cursor pages
    assert {g.group_id for g in groups} <= {g.group_id for g in listed_groups}
    intents = []
    for i in range(3):
        intents.append(
            await _aw(
                kf.knowledge.add_intent(
                    group_id=groups[1].group_id,
                    question=KnowledgeQuestion(text=KnowledgeQuestionText(content=f"问{i}")),
                    answers=[KnowledgeAnswer(text=KnowledgeAnswerText(content="答"))],
                )
            )
        )
    await _aw(
        kf.knowledge.mod_intent(
            intent_id=intents[0].intent_id,
            question=KnowledgeQuestion(text=KnowledgeQuestionText(content="新问")),
        )
    )
    found = await _items(await _aw(kf.knowledge.list_intent(group_id=groups[1].group_id, limit=2)))
    assert [i.intent_id for i in found] == [i.intent_id for i in intents]
    await _aw(kf.knowledge.del_intent(intent_id=intents[2].intent_id))
    await _aw(kf.knowledge.del_group(group_id=groups[2].group_id))


def _sync_client(emu: Emulator) -> KfClient:
    return KfClient(emu.corp_id, emu.corp_secret, base_url=emu.base_url, transport=emu.transport())


def _async_client(emu: Emulator) -> AsyncKfClient:
    return AsyncKfClient(
        emu.corp_id, emu.corp_secret, base_url=emu.base_url, transport=emu.async_transport()
    )


ALL_OPS = set(ops.OPERATIONS)


def test_every_operation_is_called_sync(emu: Emulator) -> None:
    with _sync_client(emu) as kf:
        rec = Recorder(kf)
        asyncio.run(scenario(kf, emu))
    assert rec.seen == ALL_OPS, f"not called: {sorted(ALL_OPS - rec.seen)}"


def test_every_operation_is_called_async(emu: Emulator) -> None:
    async def main() -> set[str]:
        async with _async_client(emu) as kf:
            rec = Recorder(kf)
            await scenario(kf, emu)
            return rec.seen

    seen = asyncio.run(main())
    assert seen == ALL_OPS, f"not called: {sorted(ALL_OPS - seen)}"


def _method(root: Any, dotted: str) -> Callable[..., Any]:
    target = root
    for part in dotted.split("."):
        target = getattr(target, part)
    return target  # type: ignore[no-any-return]


@pytest.mark.parametrize("op", sorted(ops.OPERATIONS.values(), key=lambda o: o.name), ids=str)
def test_every_operation_has_sync_async_and_raw_methods(op: ops.Operation, emu: Emulator) -> None:
    """The naming rule: the path after /cgi-bin/ without kf/, ``del`` → ``del_``."""
    parts = [p for p in op.path.strip("/").split("/")]
    parts = parts[1:] if parts[0] == "kf" and len(parts) > 1 else parts
    assert op.name == ".".join(p + "_" if p == "del" else p for p in parts)
    with _sync_client(emu) as kf:
        assert callable(_method(kf, op.name))
        assert callable(_method(kf.with_raw_response, op.name))
    akf = _async_client(emu)
    assert inspect.iscoroutinefunction(_method(akf, op.name))
    assert inspect.iscoroutinefunction(_method(akf.with_raw_response, op.name))
    asyncio.run(akf.aclose())


def test_issue_examples_of_the_naming_rule() -> None:
    names = {op.name for op in ops.OPERATIONS.values()}
    for name in (
        "account.list", "account.del_", "servicer.del_", "add_contact_way", "service_state.trans",
        "sync_msg", "send_msg", "customer.batchget", "knowledge.add_group", "get_corp_statistic",
        "media.upload", "idconvert.open_kfid", "gettoken",
    ):  # fmt: skip
        assert name in names


def test_with_raw_response_sync(emu: Emulator) -> None:
    emu.create_account("a")
    emu.create_account("b")
    with _sync_client(emu) as kf:
        raw = kf.with_raw_response.account.list(limit=1)
        assert raw.status_code == 200
        assert isinstance(raw.http_response, httpx.Response)
        assert raw.request_id == raw.headers.get("x-request-id") and raw.request_id
        page = raw.parse()
        assert raw.parse() is page  # parsed once
        assert [a.name for a in page] == ["a", "b"]  # the parsed page still walks on
        sent = kf.with_raw_response.gettoken()
        assert sent.parse().access_token


def test_with_raw_response_async(emu: Emulator) -> None:
    kfid = emu.create_account("a")

    async def main() -> None:
        async with _async_client(emu) as kf:
            raw = await kf.with_raw_response.servicer.list(open_kfid=kfid)
            assert raw.status_code == 200
            assert raw.parse().servicer_list == []
            page = (await kf.with_raw_response.account.list()).parse()
            assert [a.name async for a in page] == ["a"]

    asyncio.run(main())


def test_body_model_or_fields_not_both(emu: Emulator) -> None:
    from wxkefu_client.models import AccountListReq

    emu.create_account("a")
    with _sync_client(emu) as kf:
        assert len(kf.account.list(body=AccountListReq(limit=5)).items) == 1
        with pytest.raises(TypeError, match="not both"):
            kf.account.list(body=AccountListReq(), limit=3)  # type: ignore[call-overload]
        with pytest.raises(TypeError):
            kf.account.add(name="x")  # type: ignore[call-overload]
        with pytest.raises(TypeError, match="msgtype must be one of"):
            kf.send_msg(touser="u", open_kfid="k", msgtype="nope")  # type: ignore[call-overload]


def test_nonzero_errcode_raises(emu: Emulator) -> None:
    with _sync_client(emu) as kf, pytest.raises(KfApiError):
        kf.account.del_(open_kfid="wkDoesNotExist")


def _stub_client(reply: dict[str, Any]) -> KfClient:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/gettoken"):
            return httpx.Response(
                200, json={"errcode": 0, "access_token": "T" * 20, "expires_in": 7200}
            )
        return httpx.Response(200, json=reply)

    return KfClient(
        "ww1", "s", base_url="http://kf.test/cgi-bin", transport=httpx.MockTransport(handler)
    )


def test_success_without_a_guaranteed_field_is_a_typed_error() -> None:
    """The ``...Ok`` types promise ``account_list``; a reply without it must not slip through."""
    ok = {"errcode": 0, "errmsg": "ok"}
    with _stub_client(ok) as kf, pytest.raises(KfResponseError, match="lacks account_list"):
        kf.account.list()
    bad = {**ok, "account_list": 5}
    with _stub_client(bad) as kf, pytest.raises(KfResponseError, match="does not fit"):
        kf.account.list()


def test_cursor_that_does_not_advance_stops_iteration_with_an_error() -> None:
    reply = {"errcode": 0, "errmsg": "ok", "has_more": 1, "next_cursor": "", "group_list": []}
    with _stub_client(reply) as kf, pytest.raises(KfResponseError, match="does not advance"):
        kf.knowledge.list_group()


def test_resources_namespaces_are_lazy_and_cached(emu: Emulator) -> None:
    with _sync_client(emu) as kf:
        assert isinstance(kf, Resources)
        assert kf.account is kf.account
        assert kf.with_raw_response is kf.with_raw_response


# ----------------------------------------------- kf.with_streaming_response (binary operations)


def _no_wait() -> Any:
    from wxkefu_ext.retry import RetryPolicy

    return RetryPolicy(max_attempts=2, initial_backoff=0, sleep=lambda _s: None)


def test_with_streaming_response_sync(emu: Emulator) -> None:
    from wxkefu_ext.errors import KfTransportError, NotFoundError

    with _sync_client(emu).with_options(retry=_no_wait()) as kf:
        media_id = kf.media.upload(
            type_=MediaType.IMAGE, media=File(io.BytesIO(PNG), "a.png", "image/png")
        ).media_id
        with kf.with_streaming_response.media.get(media_id=media_id) as resp:
            assert isinstance(resp, httpx.Response) and resp.status_code == 200
            assert resp.headers["content-type"] == "image/png"
            assert b"".join(resp.iter_bytes(16)) == PNG
        with kf.with_streaming_response.media.get(media_id=media_id, range_="bytes=8-") as resp:
            assert resp.status_code == 206 and resp.read() == PNG[8:]
        # a failed media/get answers HTTP 200 + JSON: the typed error, before the block
        with pytest.raises(NotFoundError), kf.with_streaming_response.media.get(media_id="nope"):
            pytest.fail("entered the block for an errcode reply")
        emu.inject_fault("drop", path="/media/get", count=None)  # every retry fails too
        with (
            pytest.raises(KfTransportError),
            kf.with_streaming_response.media.get(media_id=media_id),
        ):
            pytest.fail("entered the block without a reply")
        emu.clear_faults()
        with kf.with_streaming_response.media.get(media_id=media_id) as resp:
            assert resp.read() == PNG  # the client is still usable


def test_with_streaming_response_async(emu: Emulator) -> None:
    from wxkefu_ext.errors import KfTransportError, NotFoundError

    async def main() -> None:
        async with _async_client(emu).with_options(retry=_no_wait()) as kf:
            media_id = (
                await kf.media.upload(
                    type_=MediaType.IMAGE, media=File(io.BytesIO(PNG), "a.png", "image/png")
                )
            ).media_id
            async with kf.with_streaming_response.media.get(media_id=media_id) as resp:
                assert resp.status_code == 200 and resp.headers["content-type"] == "image/png"
                assert b"".join([c async for c in resp.aiter_bytes(16)]) == PNG
            get = kf.with_streaming_response.media.get
            with pytest.raises(NotFoundError):
                async with get(media_id="nope"):
                    pytest.fail("entered the block for an errcode reply")
            emu.inject_fault("drop", path="/media/get", count=None)
            with pytest.raises(KfTransportError):
                async with get(media_id=media_id):
                    pytest.fail("entered the block without a reply")
            emu.clear_faults()
            async with get(media_id=media_id, range_="bytes=0-7") as resp:
                assert resp.status_code == 206 and await resp.aread() == PNG[:8]

    asyncio.run(main())


def test_streaming_form_exists_for_every_binary_operation_only(emu: Emulator) -> None:
    """Binary operations stream; JSON ones do not (their bodies are read and parsed anyway)."""
    with _sync_client(emu) as kf:
        for op in ops.OPERATIONS.values():
            parent, _, name = f"with_streaming_response.{op.name}".rpartition(".")
            try:
                holder = _method(kf, parent)
            except AttributeError:
                holder = None
            assert callable(getattr(holder, name, None)) == op.binary, op.name


def test_with_streaming_response_over_http_leaves_the_body_unread(emu: Emulator) -> None:
    """Over a real socket: the block starts before the body is read; a cut mid-body is the
    ``httpx.TransportError`` inside the block (what ``media.download_to`` resumes on) and
    leaves the block as the typed ``KfTransportError``."""
    from wxkefu_ext.errors import KfTransportError

    data = bytes(range(256)) * 4096  # 1 MiB
    with (
        emu.serve("127.0.0.1") as base_url,
        KfClient(emu.corp_id, emu.corp_secret, base_url=base_url) as kf,
    ):
        media_id = kf.media.upload(
            type_=MediaType.FILE, media=File(io.BytesIO(data), "a.bin", "application/zip")
        ).media_id
        with kf.with_streaming_response.media.get(media_id=media_id) as resp:
            with pytest.raises(httpx.ResponseNotRead):
                resp.content  # noqa: B018 - not read until iterated
            assert int(resp.headers["content-length"]) == len(data)
            assert b"".join(resp.iter_bytes()) == data
        emu.inject_fault("drop", path="/media/get", count=None)
        seen: list[BaseException] = []
        stream = kf.with_streaming_response.media.get(media_id=media_id)
        with (
            pytest.raises(KfTransportError, match="while reading the body") as info,
            stream as resp,
        ):
            try:
                b"".join(resp.iter_bytes())
            except httpx.TransportError as exc:  # the cut is in the body
                seen.append(exc)
                raise
        assert isinstance(seen[0], httpx.TransportError) and info.value.__cause__ is seen[0]
