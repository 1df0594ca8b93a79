from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_token_resp import GetTokenResp
from ...types import UNSET, Response


def _get_kwargs(
    *,
    corpid: str,
    corpsecret: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["corpid"] = corpid

    params["corpsecret"] = corpsecret

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/gettoken",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetTokenResp | None:
    if response.status_code == 200:
        response_200 = GetTokenResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GetTokenResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    corpid: str,
    corpsecret: str,
) -> Response[GetTokenResp]:
    """Get an access_token

     Exchanges the corp ID and a secret (the Kf secret or the secret of an app allowed to call Kf
    APIs) for an access_token. Cache the token per secret and reuse it until it expires; the
    endpoint is rate-limited. The server may invalidate a token early, so fetch a new one on
    errcode 40014 (invalid) or 42001 (expired). Never hand the token to front ends.
    This is the only operation without the `access_token` query parameter.

    Args:
        corpid (str):
        corpsecret (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetTokenResp]
    """

    kwargs = _get_kwargs(
        corpid=corpid,
        corpsecret=corpsecret,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    corpid: str,
    corpsecret: str,
) -> GetTokenResp | None:
    """Get an access_token

     Exchanges the corp ID and a secret (the Kf secret or the secret of an app allowed to call Kf
    APIs) for an access_token. Cache the token per secret and reuse it until it expires; the
    endpoint is rate-limited. The server may invalidate a token early, so fetch a new one on
    errcode 40014 (invalid) or 42001 (expired). Never hand the token to front ends.
    This is the only operation without the `access_token` query parameter.

    Args:
        corpid (str):
        corpsecret (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetTokenResp
    """

    return sync_detailed(
        client=client,
        corpid=corpid,
        corpsecret=corpsecret,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    corpid: str,
    corpsecret: str,
) -> Response[GetTokenResp]:
    """Get an access_token

     Exchanges the corp ID and a secret (the Kf secret or the secret of an app allowed to call Kf
    APIs) for an access_token. Cache the token per secret and reuse it until it expires; the
    endpoint is rate-limited. The server may invalidate a token early, so fetch a new one on
    errcode 40014 (invalid) or 42001 (expired). Never hand the token to front ends.
    This is the only operation without the `access_token` query parameter.

    Args:
        corpid (str):
        corpsecret (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetTokenResp]
    """

    kwargs = _get_kwargs(
        corpid=corpid,
        corpsecret=corpsecret,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    corpid: str,
    corpsecret: str,
) -> GetTokenResp | None:
    """Get an access_token

     Exchanges the corp ID and a secret (the Kf secret or the secret of an app allowed to call Kf
    APIs) for an access_token. Cache the token per secret and reuse it until it expires; the
    endpoint is rate-limited. The server may invalidate a token early, so fetch a new one on
    errcode 40014 (invalid) or 42001 (expired). Never hand the token to front ends.
    This is the only operation without the `access_token` query parameter.

    Args:
        corpid (str):
        corpsecret (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetTokenResp
    """

    return (
        await asyncio_detailed(
            client=client,
            corpid=corpid,
            corpsecret=corpsecret,
        )
    ).parsed
