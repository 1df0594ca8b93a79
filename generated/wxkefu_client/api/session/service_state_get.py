from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.service_state_get_req import ServiceStateGetReq
from ...models.service_state_get_resp import ServiceStateGetResp
from ...types import Response


def _get_kwargs(
    *,
    body: ServiceStateGetReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/kf/service_state/get",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ServiceStateGetResp | None:
    if response.status_code == 200:
        response_200 = ServiceStateGetResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ServiceStateGetResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ServiceStateGetReq,
) -> Response[ServiceStateGetResp]:
    """Get the state of a customer's session

     Returns the session state (获取会话状态) between a customer and a Kf account, and the
    servicer handling it when the state is 3.
    Conflict: one SDK names the response field `service_userid` (a typo copied by a port); the
    docs and the other SDKs use `servicer_userid`, which the spec follows.

    Args:
        body (ServiceStateGetReq): Body of `kf/service_state/get`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ServiceStateGetResp]
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
    body: ServiceStateGetReq,
) -> ServiceStateGetResp | None:
    """Get the state of a customer's session

     Returns the session state (获取会话状态) between a customer and a Kf account, and the
    servicer handling it when the state is 3.
    Conflict: one SDK names the response field `service_userid` (a typo copied by a port); the
    docs and the other SDKs use `servicer_userid`, which the spec follows.

    Args:
        body (ServiceStateGetReq): Body of `kf/service_state/get`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ServiceStateGetResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ServiceStateGetReq,
) -> Response[ServiceStateGetResp]:
    """Get the state of a customer's session

     Returns the session state (获取会话状态) between a customer and a Kf account, and the
    servicer handling it when the state is 3.
    Conflict: one SDK names the response field `service_userid` (a typo copied by a port); the
    docs and the other SDKs use `servicer_userid`, which the spec follows.

    Args:
        body (ServiceStateGetReq): Body of `kf/service_state/get`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ServiceStateGetResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ServiceStateGetReq,
) -> ServiceStateGetResp | None:
    """Get the state of a customer's session

     Returns the session state (获取会话状态) between a customer and a Kf account, and the
    servicer handling it when the state is 3.
    Conflict: one SDK names the response field `service_userid` (a typo copied by a port); the
    docs and the other SDKs use `servicer_userid`, which the spec follows.

    Args:
        body (ServiceStateGetReq): Body of `kf/service_state/get`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ServiceStateGetResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
