from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.service_state_trans_req import ServiceStateTransReq
from ...models.service_state_trans_resp import ServiceStateTransResp
from ...types import Response


def _get_kwargs(
    *,
    body: ServiceStateTransReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/kf/service_state/trans",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ServiceStateTransResp | None:
    if response.status_code == 200:
        response_200 = ServiceStateTransResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ServiceStateTransResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ServiceStateTransReq,
) -> Response[ServiceStateTransResp]:
    """Change the state of a customer's session

     Moves a session to another state (变更会话状态): 0 → 1, 2 or 3; 1 → 2 or 3; 2 → 3;
    3 → 3 (transfer to another servicer) or 4 (end). State 4 cannot be left through the API
    (single source for the exact matrix: the table text of the docs). For target state 3,
    `servicer_userid` is required and that servicer must be receiving (status 0) and have
    activated WeCom (else errcode 95014).
    When the session enters state 2 or 3 for the first time, or state 4, the response carries
    `msg_code`, usable once as `code` in `kf/send_msg_on_event` (queue hint, greeting or closing
    words).

    Args:
        body (ServiceStateTransReq): Body of `kf/service_state/trans`; `servicer_userid` is
            required when `service_state` is 3.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ServiceStateTransResp]
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
    body: ServiceStateTransReq,
) -> ServiceStateTransResp | None:
    """Change the state of a customer's session

     Moves a session to another state (变更会话状态): 0 → 1, 2 or 3; 1 → 2 or 3; 2 → 3;
    3 → 3 (transfer to another servicer) or 4 (end). State 4 cannot be left through the API
    (single source for the exact matrix: the table text of the docs). For target state 3,
    `servicer_userid` is required and that servicer must be receiving (status 0) and have
    activated WeCom (else errcode 95014).
    When the session enters state 2 or 3 for the first time, or state 4, the response carries
    `msg_code`, usable once as `code` in `kf/send_msg_on_event` (queue hint, greeting or closing
    words).

    Args:
        body (ServiceStateTransReq): Body of `kf/service_state/trans`; `servicer_userid` is
            required when `service_state` is 3.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ServiceStateTransResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ServiceStateTransReq,
) -> Response[ServiceStateTransResp]:
    """Change the state of a customer's session

     Moves a session to another state (变更会话状态): 0 → 1, 2 or 3; 1 → 2 or 3; 2 → 3;
    3 → 3 (transfer to another servicer) or 4 (end). State 4 cannot be left through the API
    (single source for the exact matrix: the table text of the docs). For target state 3,
    `servicer_userid` is required and that servicer must be receiving (status 0) and have
    activated WeCom (else errcode 95014).
    When the session enters state 2 or 3 for the first time, or state 4, the response carries
    `msg_code`, usable once as `code` in `kf/send_msg_on_event` (queue hint, greeting or closing
    words).

    Args:
        body (ServiceStateTransReq): Body of `kf/service_state/trans`; `servicer_userid` is
            required when `service_state` is 3.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ServiceStateTransResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ServiceStateTransReq,
) -> ServiceStateTransResp | None:
    """Change the state of a customer's session

     Moves a session to another state (变更会话状态): 0 → 1, 2 or 3; 1 → 2 or 3; 2 → 3;
    3 → 3 (transfer to another servicer) or 4 (end). State 4 cannot be left through the API
    (single source for the exact matrix: the table text of the docs). For target state 3,
    `servicer_userid` is required and that servicer must be receiving (status 0) and have
    activated WeCom (else errcode 95014).
    When the session enters state 2 or 3 for the first time, or state 4, the response carries
    `msg_code`, usable once as `code` in `kf/send_msg_on_event` (queue hint, greeting or closing
    words).

    Args:
        body (ServiceStateTransReq): Body of `kf/service_state/trans`; `servicer_userid` is
            required when `service_state` is 3.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ServiceStateTransResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
