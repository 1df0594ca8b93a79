from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_auth_info_req import GetAuthInfoReq
from ...models.get_auth_info_resp import GetAuthInfoResp
from ...types import Response


def _get_kwargs(
    *,
    body: GetAuthInfoReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/service/get_auth_info",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetAuthInfoResp | None:
    if response.status_code == 200:
        response_200 = GetAuthInfoResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GetAuthInfoResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: GetAuthInfoReq,
) -> Response[GetAuthInfoResp]:
    """Get a corp's current authorisation info

     The authorisation info (获取企业授权信息) of a corp identified by its corpid and permanent
    code: corp details and the authorised agent with its privileges. Call it after a
    change_auth instruction callback to see what changed.

    Args:
        body (GetAuthInfoReq): Body of `service/get_auth_info`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetAuthInfoResp]
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
    body: GetAuthInfoReq,
) -> GetAuthInfoResp | None:
    """Get a corp's current authorisation info

     The authorisation info (获取企业授权信息) of a corp identified by its corpid and permanent
    code: corp details and the authorised agent with its privileges. Call it after a
    change_auth instruction callback to see what changed.

    Args:
        body (GetAuthInfoReq): Body of `service/get_auth_info`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetAuthInfoResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: GetAuthInfoReq,
) -> Response[GetAuthInfoResp]:
    """Get a corp's current authorisation info

     The authorisation info (获取企业授权信息) of a corp identified by its corpid and permanent
    code: corp details and the authorised agent with its privileges. Call it after a
    change_auth instruction callback to see what changed.

    Args:
        body (GetAuthInfoReq): Body of `service/get_auth_info`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetAuthInfoResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: GetAuthInfoReq,
) -> GetAuthInfoResp | None:
    """Get a corp's current authorisation info

     The authorisation info (获取企业授权信息) of a corp identified by its corpid and permanent
    code: corp details and the authorised agent with its privileges. Call it after a
    change_auth instruction callback to see what changed.

    Args:
        body (GetAuthInfoReq): Body of `service/get_auth_info`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetAuthInfoResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
