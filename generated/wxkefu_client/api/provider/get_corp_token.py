from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_corp_token_req import GetCorpTokenReq
from ...models.get_corp_token_resp import GetCorpTokenResp
from ...types import Response


def _get_kwargs(
    *,
    body: GetCorpTokenReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/service/get_corp_token",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetCorpTokenResp | None:
    if response.status_code == 200:
        response_200 = GetCorpTokenResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GetCorpTokenResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: GetCorpTokenReq,
) -> Response[GetCorpTokenResp]:
    """Get the access_token of an authorising corp

     Derives the corp access_token (获取企业凭证) of a third-party app from the corp's
    permanent code. The token is used exactly like a token from `gettoken`: every Kf endpoint
    accepts it. Cache it per suite and corp. `errcode` is returned only on failure. (代开发
    apps use `gettoken` with the permanent code as `corpsecret` instead.)

    Args:
        body (GetCorpTokenReq): Body of `service/get_corp_token`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetCorpTokenResp]
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
    body: GetCorpTokenReq,
) -> GetCorpTokenResp | None:
    """Get the access_token of an authorising corp

     Derives the corp access_token (获取企业凭证) of a third-party app from the corp's
    permanent code. The token is used exactly like a token from `gettoken`: every Kf endpoint
    accepts it. Cache it per suite and corp. `errcode` is returned only on failure. (代开发
    apps use `gettoken` with the permanent code as `corpsecret` instead.)

    Args:
        body (GetCorpTokenReq): Body of `service/get_corp_token`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetCorpTokenResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: GetCorpTokenReq,
) -> Response[GetCorpTokenResp]:
    """Get the access_token of an authorising corp

     Derives the corp access_token (获取企业凭证) of a third-party app from the corp's
    permanent code. The token is used exactly like a token from `gettoken`: every Kf endpoint
    accepts it. Cache it per suite and corp. `errcode` is returned only on failure. (代开发
    apps use `gettoken` with the permanent code as `corpsecret` instead.)

    Args:
        body (GetCorpTokenReq): Body of `service/get_corp_token`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetCorpTokenResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: GetCorpTokenReq,
) -> GetCorpTokenResp | None:
    """Get the access_token of an authorising corp

     Derives the corp access_token (获取企业凭证) of a third-party app from the corp's
    permanent code. The token is used exactly like a token from `gettoken`: every Kf endpoint
    accepts it. Cache it per suite and corp. `errcode` is returned only on failure. (代开发
    apps use `gettoken` with the permanent code as `corpsecret` instead.)

    Args:
        body (GetCorpTokenReq): Body of `service/get_corp_token`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetCorpTokenResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
