from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_auth_info_v2_req import GetAuthInfoV2Req
from ...models.get_auth_info_v2_resp import GetAuthInfoV2Resp
from ...types import Response


def _get_kwargs(
    *,
    body: GetAuthInfoV2Req,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/service/v2/get_auth_info",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetAuthInfoV2Resp | None:
    if response.status_code == 200:
        response_200 = GetAuthInfoV2Resp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GetAuthInfoV2Resp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: GetAuthInfoV2Req,
) -> Response[GetAuthInfoV2Resp]:
    """Get a corp's current authorisation info (v2)

     v2 of `get_auth_info` (获取企业授权信息, 代开发 tree): the same request and reply, plus
    `auth_corp_info.corp_ex_name` (the corp's other names). Single source: DOC:100795 (see
    PROVIDER-FACTS.md §2.5).

    Args:
        body (GetAuthInfoV2Req): Body of `service/v2/get_auth_info` (as v1).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetAuthInfoV2Resp]
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
    body: GetAuthInfoV2Req,
) -> GetAuthInfoV2Resp | None:
    """Get a corp's current authorisation info (v2)

     v2 of `get_auth_info` (获取企业授权信息, 代开发 tree): the same request and reply, plus
    `auth_corp_info.corp_ex_name` (the corp's other names). Single source: DOC:100795 (see
    PROVIDER-FACTS.md §2.5).

    Args:
        body (GetAuthInfoV2Req): Body of `service/v2/get_auth_info` (as v1).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetAuthInfoV2Resp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: GetAuthInfoV2Req,
) -> Response[GetAuthInfoV2Resp]:
    """Get a corp's current authorisation info (v2)

     v2 of `get_auth_info` (获取企业授权信息, 代开发 tree): the same request and reply, plus
    `auth_corp_info.corp_ex_name` (the corp's other names). Single source: DOC:100795 (see
    PROVIDER-FACTS.md §2.5).

    Args:
        body (GetAuthInfoV2Req): Body of `service/v2/get_auth_info` (as v1).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetAuthInfoV2Resp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: GetAuthInfoV2Req,
) -> GetAuthInfoV2Resp | None:
    """Get a corp's current authorisation info (v2)

     v2 of `get_auth_info` (获取企业授权信息, 代开发 tree): the same request and reply, plus
    `auth_corp_info.corp_ex_name` (the corp's other names). Single source: DOC:100795 (see
    PROVIDER-FACTS.md §2.5).

    Args:
        body (GetAuthInfoV2Req): Body of `service/v2/get_auth_info` (as v1).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetAuthInfoV2Resp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
