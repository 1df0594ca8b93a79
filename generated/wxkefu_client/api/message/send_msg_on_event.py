from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.send_msg_on_event_resp import SendMsgOnEventResp
from ...models.send_msgmenu_msg_on_event_req import SendMsgmenuMsgOnEventReq
from ...models.send_text_msg_on_event_req import SendTextMsgOnEventReq
from ...types import Response


def _get_kwargs(
    *,
    body: SendMsgmenuMsgOnEventReq | SendTextMsgOnEventReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/kf/send_msg_on_event",
    }

    if isinstance(body, SendTextMsgOnEventReq):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> SendMsgOnEventResp | None:
    if response.status_code == 200:
        response_200 = SendMsgOnEventResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[SendMsgOnEventResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SendMsgmenuMsgOnEventReq | SendTextMsgOnEventReq,
) -> Response[SendMsgOnEventResp]:
    """Send a welcome or event-response message

     Sends one message (发送欢迎语等事件响应消息) in answer to an event, identified by a single-use
    `code`:

    | scenario | code from | validity | msgtypes |
    |---|---|---|---|
    | customer enters the session (welcome) | `enter_session.welcome_code` | 20 s | text, msgmenu |
    | session put into the pool (queue hint) | `service_state/trans` msg_code | 48 h | text |
    | session taken from the pool | `session_status_change` (change_type 1) or trans | 48 h | text |
    | session ended (closing words) | `session_status_change` (change_type 3) or trans | 20 s | text,
    msgmenu |

    Except for the welcome case the message may only be sent while the session is still in the
    state that produced the code. `welcome_code` is present only if the customer got no welcome
    message in the past 48 h and has not written to the Kf (older wording adds: and no native
    welcome message is configured in the admin console).

    Args:
        body (SendMsgmenuMsgOnEventReq | SendTextMsgOnEventReq): Body of `kf/send_msg_on_event`:
            `text` or `msgmenu` (pool scenarios: text only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SendMsgOnEventResp]
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
    body: SendMsgmenuMsgOnEventReq | SendTextMsgOnEventReq,
) -> SendMsgOnEventResp | None:
    """Send a welcome or event-response message

     Sends one message (发送欢迎语等事件响应消息) in answer to an event, identified by a single-use
    `code`:

    | scenario | code from | validity | msgtypes |
    |---|---|---|---|
    | customer enters the session (welcome) | `enter_session.welcome_code` | 20 s | text, msgmenu |
    | session put into the pool (queue hint) | `service_state/trans` msg_code | 48 h | text |
    | session taken from the pool | `session_status_change` (change_type 1) or trans | 48 h | text |
    | session ended (closing words) | `session_status_change` (change_type 3) or trans | 20 s | text,
    msgmenu |

    Except for the welcome case the message may only be sent while the session is still in the
    state that produced the code. `welcome_code` is present only if the customer got no welcome
    message in the past 48 h and has not written to the Kf (older wording adds: and no native
    welcome message is configured in the admin console).

    Args:
        body (SendMsgmenuMsgOnEventReq | SendTextMsgOnEventReq): Body of `kf/send_msg_on_event`:
            `text` or `msgmenu` (pool scenarios: text only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SendMsgOnEventResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SendMsgmenuMsgOnEventReq | SendTextMsgOnEventReq,
) -> Response[SendMsgOnEventResp]:
    """Send a welcome or event-response message

     Sends one message (发送欢迎语等事件响应消息) in answer to an event, identified by a single-use
    `code`:

    | scenario | code from | validity | msgtypes |
    |---|---|---|---|
    | customer enters the session (welcome) | `enter_session.welcome_code` | 20 s | text, msgmenu |
    | session put into the pool (queue hint) | `service_state/trans` msg_code | 48 h | text |
    | session taken from the pool | `session_status_change` (change_type 1) or trans | 48 h | text |
    | session ended (closing words) | `session_status_change` (change_type 3) or trans | 20 s | text,
    msgmenu |

    Except for the welcome case the message may only be sent while the session is still in the
    state that produced the code. `welcome_code` is present only if the customer got no welcome
    message in the past 48 h and has not written to the Kf (older wording adds: and no native
    welcome message is configured in the admin console).

    Args:
        body (SendMsgmenuMsgOnEventReq | SendTextMsgOnEventReq): Body of `kf/send_msg_on_event`:
            `text` or `msgmenu` (pool scenarios: text only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[SendMsgOnEventResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SendMsgmenuMsgOnEventReq | SendTextMsgOnEventReq,
) -> SendMsgOnEventResp | None:
    """Send a welcome or event-response message

     Sends one message (发送欢迎语等事件响应消息) in answer to an event, identified by a single-use
    `code`:

    | scenario | code from | validity | msgtypes |
    |---|---|---|---|
    | customer enters the session (welcome) | `enter_session.welcome_code` | 20 s | text, msgmenu |
    | session put into the pool (queue hint) | `service_state/trans` msg_code | 48 h | text |
    | session taken from the pool | `session_status_change` (change_type 1) or trans | 48 h | text |
    | session ended (closing words) | `session_status_change` (change_type 3) or trans | 20 s | text,
    msgmenu |

    Except for the welcome case the message may only be sent while the session is still in the
    state that produced the code. `welcome_code` is present only if the customer got no welcome
    message in the past 48 h and has not written to the Kf (older wording adds: and no native
    welcome message is configured in the admin console).

    Args:
        body (SendMsgmenuMsgOnEventReq | SendTextMsgOnEventReq): Body of `kf/send_msg_on_event`:
            `text` or `msgmenu` (pool scenarios: text only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        SendMsgOnEventResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
