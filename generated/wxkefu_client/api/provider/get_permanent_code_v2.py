from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_permanent_code_v2_req import GetPermanentCodeV2Req
from ...models.get_permanent_code_v2_resp import GetPermanentCodeV2Resp
from ...types import Response


def _get_kwargs(
    *,
    body: GetPermanentCodeV2Req,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/service/v2/get_permanent_code",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetPermanentCodeV2Resp | None:
    if response.status_code == 200:
        response_200 = GetPermanentCodeV2Resp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GetPermanentCodeV2Resp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: GetPermanentCodeV2Req,
) -> Response[GetPermanentCodeV2Resp]:
    """Exchange an auth_code for the permanent code (v2, faster, fewer fields)

     The faster v2 of `get_permanent_code` (获取企业永久授权码 v2), recommended when the
    auth_code is exchanged synchronously during an installation. Same request and token;
    the reply carries only the permanent code, the corp id and short name, the admin, the
    promotion-code info and `state` — no first corp `access_token` and no `auth_info` (read
    it with `get_auth_info`). Single source: DOC:100776 (see PROVIDER-FACTS.md §2.4).

    Args:
        body (GetPermanentCodeV2Req): Body of `service/v2/get_permanent_code` (as v1).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetPermanentCodeV2Resp]
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
    body: GetPermanentCodeV2Req,
) -> GetPermanentCodeV2Resp | None:
    """Exchange an auth_code for the permanent code (v2, faster, fewer fields)

     The faster v2 of `get_permanent_code` (获取企业永久授权码 v2), recommended when the
    auth_code is exchanged synchronously during an installation. Same request and token;
    the reply carries only the permanent code, the corp id and short name, the admin, the
    promotion-code info and `state` — no first corp `access_token` and no `auth_info` (read
    it with `get_auth_info`). Single source: DOC:100776 (see PROVIDER-FACTS.md §2.4).

    Args:
        body (GetPermanentCodeV2Req): Body of `service/v2/get_permanent_code` (as v1).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetPermanentCodeV2Resp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: GetPermanentCodeV2Req,
) -> Response[GetPermanentCodeV2Resp]:
    """Exchange an auth_code for the permanent code (v2, faster, fewer fields)

     The faster v2 of `get_permanent_code` (获取企业永久授权码 v2), recommended when the
    auth_code is exchanged synchronously during an installation. Same request and token;
    the reply carries only the permanent code, the corp id and short name, the admin, the
    promotion-code info and `state` — no first corp `access_token` and no `auth_info` (read
    it with `get_auth_info`). Single source: DOC:100776 (see PROVIDER-FACTS.md §2.4).

    Args:
        body (GetPermanentCodeV2Req): Body of `service/v2/get_permanent_code` (as v1).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetPermanentCodeV2Resp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: GetPermanentCodeV2Req,
) -> GetPermanentCodeV2Resp | None:
    """Exchange an auth_code for the permanent code (v2, faster, fewer fields)

     The faster v2 of `get_permanent_code` (获取企业永久授权码 v2), recommended when the
    auth_code is exchanged synchronously during an installation. Same request and token;
    the reply carries only the permanent code, the corp id and short name, the admin, the
    promotion-code info and `state` — no first corp `access_token` and no `auth_info` (read
    it with `get_auth_info`). Single source: DOC:100776 (see PROVIDER-FACTS.md §2.4).

    Args:
        body (GetPermanentCodeV2Req): Body of `service/v2/get_permanent_code` (as v1).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetPermanentCodeV2Resp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
