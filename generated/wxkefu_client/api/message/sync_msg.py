from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.sync_msg_req import SyncMsgReq
from ...models.sync_msg_resp import SyncMsgResp
from ...types import Response


def _get_kwargs(
    *,
    body: SyncMsgReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/kf/sync_msg",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> SyncMsgResp | None:
    if response.status_code == 200:
        response_200 = SyncMsgResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[SyncMsgResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SyncMsgReq,
) -> Response[SyncMsgResp]:
    """Pull messages and events

     Pulls (读取消息) the messages and events of the last 3 days: messages sent by customers,
    messages sent by servicers from the WeCom client (origin 5), send failures and the replies
    produced by clicking menu items. Messages sent through `kf/send_msg` are never returned.

    Call it when the `kf_msg_or_event` callback arrives, passing the callback's `Token` (valid
    10 minutes; without it the endpoint is strictly rate-limited) and its `OpenKfId`. Page with
    `cursor` = the previous `next_cursor` while `has_more` = 1 — `has_more` = 1 with an empty
    `msg_list` is possible, so never stop on an empty page — and persist `next_cursor` only
    after the page was handled.

    Each `msg_list` item is one of the typed messages of `SyncMsgItem`; a `msgtype` (or an
    `event_type`) this spec does not know yet parses as `UnknownMessage` (`UnknownEvent`) with
    every field kept, so one new type never loses a page.

    Pulled media are limited to image 2 MB, voice 2 MB, video 10 MB, file 20 MB; bigger media
    arrive as a `text` hint instead.

    Conflict: `open_kfid` is required by the newest doc (2024-01-31) and optional in the older
    doc and most SDKs ("otherwise the messages of every account the app may access"). The spec
    marks it required, because a request that carries it is accepted by both server versions.

    Notable errcodes: 95007 invalid or expired `token`, 45009 rate limit, 95000/95004 invalid
    or unknown open_kfid.

    Args:
        body (SyncMsgReq): Body of `kf/sync_msg`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SyncMsgResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: SyncMsgReq,
) -> SyncMsgResp | None:
    """Pull messages and events

     Pulls (读取消息) the messages and events of the last 3 days: messages sent by customers,
    messages sent by servicers from the WeCom client (origin 5), send failures and the replies
    produced by clicking menu items. Messages sent through `kf/send_msg` are never returned.

    Call it when the `kf_msg_or_event` callback arrives, passing the callback's `Token` (valid
    10 minutes; without it the endpoint is strictly rate-limited) and its `OpenKfId`. Page with
    `cursor` = the previous `next_cursor` while `has_more` = 1 — `has_more` = 1 with an empty
    `msg_list` is possible, so never stop on an empty page — and persist `next_cursor` only
    after the page was handled.

    Each `msg_list` item is one of the typed messages of `SyncMsgItem`; a `msgtype` (or an
    `event_type`) this spec does not know yet parses as `UnknownMessage` (`UnknownEvent`) with
    every field kept, so one new type never loses a page.

    Pulled media are limited to image 2 MB, voice 2 MB, video 10 MB, file 20 MB; bigger media
    arrive as a `text` hint instead.

    Conflict: `open_kfid` is required by the newest doc (2024-01-31) and optional in the older
    doc and most SDKs ("otherwise the messages of every account the app may access"). The spec
    marks it required, because a request that carries it is accepted by both server versions.

    Notable errcodes: 95007 invalid or expired `token`, 45009 rate limit, 95000/95004 invalid
    or unknown open_kfid.

    Args:
        body (SyncMsgReq): Body of `kf/sync_msg`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SyncMsgResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SyncMsgReq,
) -> Response[SyncMsgResp]:
    """Pull messages and events

     Pulls (读取消息) the messages and events of the last 3 days: messages sent by customers,
    messages sent by servicers from the WeCom client (origin 5), send failures and the replies
    produced by clicking menu items. Messages sent through `kf/send_msg` are never returned.

    Call it when the `kf_msg_or_event` callback arrives, passing the callback's `Token` (valid
    10 minutes; without it the endpoint is strictly rate-limited) and its `OpenKfId`. Page with
    `cursor` = the previous `next_cursor` while `has_more` = 1 — `has_more` = 1 with an empty
    `msg_list` is possible, so never stop on an empty page — and persist `next_cursor` only
    after the page was handled.

    Each `msg_list` item is one of the typed messages of `SyncMsgItem`; a `msgtype` (or an
    `event_type`) this spec does not know yet parses as `UnknownMessage` (`UnknownEvent`) with
    every field kept, so one new type never loses a page.

    Pulled media are limited to image 2 MB, voice 2 MB, video 10 MB, file 20 MB; bigger media
    arrive as a `text` hint instead.

    Conflict: `open_kfid` is required by the newest doc (2024-01-31) and optional in the older
    doc and most SDKs ("otherwise the messages of every account the app may access"). The spec
    marks it required, because a request that carries it is accepted by both server versions.

    Notable errcodes: 95007 invalid or expired `token`, 45009 rate limit, 95000/95004 invalid
    or unknown open_kfid.

    Args:
        body (SyncMsgReq): Body of `kf/sync_msg`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SyncMsgResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SyncMsgReq,
) -> SyncMsgResp | None:
    """Pull messages and events

     Pulls (读取消息) the messages and events of the last 3 days: messages sent by customers,
    messages sent by servicers from the WeCom client (origin 5), send failures and the replies
    produced by clicking menu items. Messages sent through `kf/send_msg` are never returned.

    Call it when the `kf_msg_or_event` callback arrives, passing the callback's `Token` (valid
    10 minutes; without it the endpoint is strictly rate-limited) and its `OpenKfId`. Page with
    `cursor` = the previous `next_cursor` while `has_more` = 1 — `has_more` = 1 with an empty
    `msg_list` is possible, so never stop on an empty page — and persist `next_cursor` only
    after the page was handled.

    Each `msg_list` item is one of the typed messages of `SyncMsgItem`; a `msgtype` (or an
    `event_type`) this spec does not know yet parses as `UnknownMessage` (`UnknownEvent`) with
    every field kept, so one new type never loses a page.

    Pulled media are limited to image 2 MB, voice 2 MB, video 10 MB, file 20 MB; bigger media
    arrive as a `text` hint instead.

    Conflict: `open_kfid` is required by the newest doc (2024-01-31) and optional in the older
    doc and most SDKs ("otherwise the messages of every account the app may access"). The spec
    marks it required, because a request that carries it is accepted by both server versions.

    Notable errcodes: 95007 invalid or expired `token`, 45009 rate limit, 95000/95004 invalid
    or unknown open_kfid.

    Args:
        body (SyncMsgReq): Body of `kf/sync_msg`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SyncMsgResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
