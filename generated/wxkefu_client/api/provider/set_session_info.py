from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.base_resp import BaseResp
from ...models.set_session_info_req import SetSessionInfoReq
from ...types import Response


def _get_kwargs(
    *,
    body: SetSessionInfoReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/service/set_session_info",
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
    client: AuthenticatedClient,
    body: SetSessionInfoReq,
) -> Response[BaseResp]:
    """Configure one authorisation session (test or formal)

     Sets options of the installation identified by a pre-auth code (设置授权配置), notably
    `auth_type` 1 = test authorisation for an app not yet released. Call it before sending
    the administrator to the authorisation URL.

    Args:
        body (SetSessionInfoReq): Body of `service/set_session_info`.

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
    client: AuthenticatedClient,
    body: SetSessionInfoReq,
) -> BaseResp | None:
    """Configure one authorisation session (test or formal)

     Sets options of the installation identified by a pre-auth code (设置授权配置), notably
    `auth_type` 1 = test authorisation for an app not yet released. Call it before sending
    the administrator to the authorisation URL.

    Args:
        body (SetSessionInfoReq): Body of `service/set_session_info`.

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
    client: AuthenticatedClient,
    body: SetSessionInfoReq,
) -> Response[BaseResp]:
    """Configure one authorisation session (test or formal)

     Sets options of the installation identified by a pre-auth code (设置授权配置), notably
    `auth_type` 1 = test authorisation for an app not yet released. Call it before sending
    the administrator to the authorisation URL.

    Args:
        body (SetSessionInfoReq): Body of `service/set_session_info`.

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
    client: AuthenticatedClient,
    body: SetSessionInfoReq,
) -> BaseResp | None:
    """Configure one authorisation session (test or formal)

     Sets options of the installation identified by a pre-auth code (设置授权配置), notably
    `auth_type` 1 = test authorisation for an app not yet released. Call it before sending
    the administrator to the authorisation URL.

    Args:
        body (SetSessionInfoReq): Body of `service/set_session_info`.

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
