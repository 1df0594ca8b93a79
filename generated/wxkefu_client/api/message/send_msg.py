from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.send_business_card_msg_req import SendBusinessCardMsgReq
from ...models.send_ca_link_msg_req import SendCaLinkMsgReq
from ...models.send_file_msg_req import SendFileMsgReq
from ...models.send_image_msg_req import SendImageMsgReq
from ...models.send_link_msg_req import SendLinkMsgReq
from ...models.send_location_msg_req import SendLocationMsgReq
from ...models.send_miniprogram_msg_req import SendMiniprogramMsgReq
from ...models.send_msg_resp import SendMsgResp
from ...models.send_msgmenu_msg_req import SendMsgmenuMsgReq
from ...models.send_text_msg_req import SendTextMsgReq
from ...models.send_video_msg_req import SendVideoMsgReq
from ...models.send_voice_msg_req import SendVoiceMsgReq
from ...types import Response


def _get_kwargs(
    *,
    body: SendBusinessCardMsgReq
    | SendCaLinkMsgReq
    | SendFileMsgReq
    | SendImageMsgReq
    | SendLinkMsgReq
    | SendLocationMsgReq
    | SendMiniprogramMsgReq
    | SendMsgmenuMsgReq
    | SendTextMsgReq
    | SendVideoMsgReq
    | SendVoiceMsgReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/kf/send_msg",
    }

    if (
        isinstance(body, SendTextMsgReq)
        or isinstance(body, SendImageMsgReq)
        or isinstance(body, SendVoiceMsgReq)
        or isinstance(body, SendVideoMsgReq)
        or isinstance(body, SendFileMsgReq)
        or isinstance(body, SendLinkMsgReq)
        or isinstance(body, SendMiniprogramMsgReq)
        or isinstance(body, SendMsgmenuMsgReq)
        or isinstance(body, SendLocationMsgReq)
        or isinstance(body, SendBusinessCardMsgReq)
    ):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> SendMsgResp | None:
    if response.status_code == 200:
        response_200 = SendMsgResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[SendMsgResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SendBusinessCardMsgReq
    | SendCaLinkMsgReq
    | SendFileMsgReq
    | SendImageMsgReq
    | SendLinkMsgReq
    | SendLocationMsgReq
    | SendMiniprogramMsgReq
    | SendMsgmenuMsgReq
    | SendTextMsgReq
    | SendVideoMsgReq
    | SendVoiceMsgReq,
) -> Response[SendMsgResp]:
    """Send a message to a customer

     Sends a message (发送消息) from a Kf account to a customer. The body is one of the outgoing
    types of `SendMsgReq`: `msgtype` plus the payload object named after it.

    Rules: allowed only while the session is in state 0 (new) or 1 (handled by the API/bot);
    only within 48 hours after the customer's last message and at most 5 messages per such
    window (a new customer message opens a new allowance). Success of the call does not mean
    delivery: watch for `msg_send_fail` events.

    Always pass `msgid` (unique per Kf account, ≤32 bytes of `[0-9a-zA-Z_-]`): a retried send
    with the same msgid cannot reach the customer twice, and the id is what `kf/recall_msg`
    and `msg_send_fail.fail_msgid` refer to.

    Conflict: `business_card` is not in the 2023-12 official list of send types but is in
    other sources (SKIT's sample, RS, with a limit of one card per 48 h, errcode 95025); the
    spec accepts it.

    Notable errcodes: 95001 over the 5-message limit, 95002 outside the 48 h window, 95018
    wrong session state, 95024 no customer message within 48 h, 95025 business-card limit,
    95008 more than 10 menu items, 95009 invalid menu item type, 40007 invalid media_id,
    90207 invalid mini-program appid.

    Args:
        body (SendBusinessCardMsgReq | SendCaLinkMsgReq | SendFileMsgReq | SendImageMsgReq |
            SendLinkMsgReq | SendLocationMsgReq | SendMiniprogramMsgReq | SendMsgmenuMsgReq |
            SendTextMsgReq | SendVideoMsgReq | SendVoiceMsgReq): Body of `kf/send_msg`: one variant
            per outgoing `msgtype`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SendMsgResp]
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
    body: SendBusinessCardMsgReq
    | SendCaLinkMsgReq
    | SendFileMsgReq
    | SendImageMsgReq
    | SendLinkMsgReq
    | SendLocationMsgReq
    | SendMiniprogramMsgReq
    | SendMsgmenuMsgReq
    | SendTextMsgReq
    | SendVideoMsgReq
    | SendVoiceMsgReq,
) -> SendMsgResp | None:
    """Send a message to a customer

     Sends a message (发送消息) from a Kf account to a customer. The body is one of the outgoing
    types of `SendMsgReq`: `msgtype` plus the payload object named after it.

    Rules: allowed only while the session is in state 0 (new) or 1 (handled by the API/bot);
    only within 48 hours after the customer's last message and at most 5 messages per such
    window (a new customer message opens a new allowance). Success of the call does not mean
    delivery: watch for `msg_send_fail` events.

    Always pass `msgid` (unique per Kf account, ≤32 bytes of `[0-9a-zA-Z_-]`): a retried send
    with the same msgid cannot reach the customer twice, and the id is what `kf/recall_msg`
    and `msg_send_fail.fail_msgid` refer to.

    Conflict: `business_card` is not in the 2023-12 official list of send types but is in
    other sources (SKIT's sample, RS, with a limit of one card per 48 h, errcode 95025); the
    spec accepts it.

    Notable errcodes: 95001 over the 5-message limit, 95002 outside the 48 h window, 95018
    wrong session state, 95024 no customer message within 48 h, 95025 business-card limit,
    95008 more than 10 menu items, 95009 invalid menu item type, 40007 invalid media_id,
    90207 invalid mini-program appid.

    Args:
        body (SendBusinessCardMsgReq | SendCaLinkMsgReq | SendFileMsgReq | SendImageMsgReq |
            SendLinkMsgReq | SendLocationMsgReq | SendMiniprogramMsgReq | SendMsgmenuMsgReq |
            SendTextMsgReq | SendVideoMsgReq | SendVoiceMsgReq): Body of `kf/send_msg`: one variant
            per outgoing `msgtype`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SendMsgResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SendBusinessCardMsgReq
    | SendCaLinkMsgReq
    | SendFileMsgReq
    | SendImageMsgReq
    | SendLinkMsgReq
    | SendLocationMsgReq
    | SendMiniprogramMsgReq
    | SendMsgmenuMsgReq
    | SendTextMsgReq
    | SendVideoMsgReq
    | SendVoiceMsgReq,
) -> Response[SendMsgResp]:
    """Send a message to a customer

     Sends a message (发送消息) from a Kf account to a customer. The body is one of the outgoing
    types of `SendMsgReq`: `msgtype` plus the payload object named after it.

    Rules: allowed only while the session is in state 0 (new) or 1 (handled by the API/bot);
    only within 48 hours after the customer's last message and at most 5 messages per such
    window (a new customer message opens a new allowance). Success of the call does not mean
    delivery: watch for `msg_send_fail` events.

    Always pass `msgid` (unique per Kf account, ≤32 bytes of `[0-9a-zA-Z_-]`): a retried send
    with the same msgid cannot reach the customer twice, and the id is what `kf/recall_msg`
    and `msg_send_fail.fail_msgid` refer to.

    Conflict: `business_card` is not in the 2023-12 official list of send types but is in
    other sources (SKIT's sample, RS, with a limit of one card per 48 h, errcode 95025); the
    spec accepts it.

    Notable errcodes: 95001 over the 5-message limit, 95002 outside the 48 h window, 95018
    wrong session state, 95024 no customer message within 48 h, 95025 business-card limit,
    95008 more than 10 menu items, 95009 invalid menu item type, 40007 invalid media_id,
    90207 invalid mini-program appid.

    Args:
        body (SendBusinessCardMsgReq | SendCaLinkMsgReq | SendFileMsgReq | SendImageMsgReq |
            SendLinkMsgReq | SendLocationMsgReq | SendMiniprogramMsgReq | SendMsgmenuMsgReq |
            SendTextMsgReq | SendVideoMsgReq | SendVoiceMsgReq): Body of `kf/send_msg`: one variant
            per outgoing `msgtype`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SendMsgResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SendBusinessCardMsgReq
    | SendCaLinkMsgReq
    | SendFileMsgReq
    | SendImageMsgReq
    | SendLinkMsgReq
    | SendLocationMsgReq
    | SendMiniprogramMsgReq
    | SendMsgmenuMsgReq
    | SendTextMsgReq
    | SendVideoMsgReq
    | SendVoiceMsgReq,
) -> SendMsgResp | None:
    """Send a message to a customer

     Sends a message (发送消息) from a Kf account to a customer. The body is one of the outgoing
    types of `SendMsgReq`: `msgtype` plus the payload object named after it.

    Rules: allowed only while the session is in state 0 (new) or 1 (handled by the API/bot);
    only within 48 hours after the customer's last message and at most 5 messages per such
    window (a new customer message opens a new allowance). Success of the call does not mean
    delivery: watch for `msg_send_fail` events.

    Always pass `msgid` (unique per Kf account, ≤32 bytes of `[0-9a-zA-Z_-]`): a retried send
    with the same msgid cannot reach the customer twice, and the id is what `kf/recall_msg`
    and `msg_send_fail.fail_msgid` refer to.

    Conflict: `business_card` is not in the 2023-12 official list of send types but is in
    other sources (SKIT's sample, RS, with a limit of one card per 48 h, errcode 95025); the
    spec accepts it.

    Notable errcodes: 95001 over the 5-message limit, 95002 outside the 48 h window, 95018
    wrong session state, 95024 no customer message within 48 h, 95025 business-card limit,
    95008 more than 10 menu items, 95009 invalid menu item type, 40007 invalid media_id,
    90207 invalid mini-program appid.

    Args:
        body (SendBusinessCardMsgReq | SendCaLinkMsgReq | SendFileMsgReq | SendImageMsgReq |
            SendLinkMsgReq | SendLocationMsgReq | SendMiniprogramMsgReq | SendMsgmenuMsgReq |
            SendTextMsgReq | SendVideoMsgReq | SendVoiceMsgReq): Body of `kf/send_msg`: one variant
            per outgoing `msgtype`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SendMsgResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
