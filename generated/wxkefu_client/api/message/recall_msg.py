from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.base_resp import BaseResp
from ...models.recall_msg_req import RecallMsgReq
from ...types import Response


def _get_kwargs(
    *,
    body: RecallMsgReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/kf/recall_msg",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BaseResp | None:
    if response.status_code == 200:
        response_200 = BaseResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BaseResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RecallMsgReq,
) -> Response[BaseResp]:
    """Recall a message sent through the API

     Recalls (撤回消息) a message sent with `kf/send_msg` or `kf/send_msg_on_event`, within 2
    minutes of sending; the customer sees a "recalled" notice and the message still counts
    toward the 5-messages-per-48 h quota. Messages sent from the WeCom client cannot be
    recalled here.
    (Single source for the rules: no official page was seen; facts from wxkefu-rs and other
    callers. Conflict: one generated SDK sends only `msgid`; every other caller sends
    `open_kfid` too, which the spec requires.)
    Errcodes: 95028 msgid not found, 95029 the 2-minute window has passed.

    Args:
        body (RecallMsgReq): Body of `kf/recall_msg`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BaseResp]
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
    body: RecallMsgReq,
) -> BaseResp | None:
    """Recall a message sent through the API

     Recalls (撤回消息) a message sent with `kf/send_msg` or `kf/send_msg_on_event`, within 2
    minutes of sending; the customer sees a "recalled" notice and the message still counts
    toward the 5-messages-per-48 h quota. Messages sent from the WeCom client cannot be
    recalled here.
    (Single source for the rules: no official page was seen; facts from wxkefu-rs and other
    callers. Conflict: one generated SDK sends only `msgid`; every other caller sends
    `open_kfid` too, which the spec requires.)
    Errcodes: 95028 msgid not found, 95029 the 2-minute window has passed.

    Args:
        body (RecallMsgReq): Body of `kf/recall_msg`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BaseResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: RecallMsgReq,
) -> Response[BaseResp]:
    """Recall a message sent through the API

     Recalls (撤回消息) a message sent with `kf/send_msg` or `kf/send_msg_on_event`, within 2
    minutes of sending; the customer sees a "recalled" notice and the message still counts
    toward the 5-messages-per-48 h quota. Messages sent from the WeCom client cannot be
    recalled here.
    (Single source for the rules: no official page was seen; facts from wxkefu-rs and other
    callers. Conflict: one generated SDK sends only `msgid`; every other caller sends
    `open_kfid` too, which the spec requires.)
    Errcodes: 95028 msgid not found, 95029 the 2-minute window has passed.

    Args:
        body (RecallMsgReq): Body of `kf/recall_msg`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BaseResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: RecallMsgReq,
) -> BaseResp | None:
    """Recall a message sent through the API

     Recalls (撤回消息) a message sent with `kf/send_msg` or `kf/send_msg_on_event`, within 2
    minutes of sending; the customer sees a "recalled" notice and the message still counts
    toward the 5-messages-per-48 h quota. Messages sent from the WeCom client cannot be
    recalled here.
    (Single source for the rules: no official page was seen; facts from wxkefu-rs and other
    callers. Conflict: one generated SDK sends only `msgid`; every other caller sends
    `open_kfid` too, which the spec requires.)
    Errcodes: 95028 msgid not found, 95029 the 2-minute window has passed.

    Args:
        body (RecallMsgReq): Body of `kf/recall_msg`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BaseResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
