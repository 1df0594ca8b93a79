from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_pre_auth_code_resp import GetPreAuthCodeResp
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/service/get_pre_auth_code",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetPreAuthCodeResp | None:
    if response.status_code == 200:
        response_200 = GetPreAuthCodeResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GetPreAuthCodeResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[GetPreAuthCodeResp]:
    """Get a pre-auth code for an installation link

     A pre-auth code (预授权码) identifies one installation started from the provider's site;
    it goes into the authorisation URL and is valid `expires_in` seconds (1200 in the
    official sample).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetPreAuthCodeResp]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> GetPreAuthCodeResp | None:
    """Get a pre-auth code for an installation link

     A pre-auth code (预授权码) identifies one installation started from the provider's site;
    it goes into the authorisation URL and is valid `expires_in` seconds (1200 in the
    official sample).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetPreAuthCodeResp
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[GetPreAuthCodeResp]:
    """Get a pre-auth code for an installation link

     A pre-auth code (预授权码) identifies one installation started from the provider's site;
    it goes into the authorisation URL and is valid `expires_in` seconds (1200 in the
    official sample).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetPreAuthCodeResp]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> GetPreAuthCodeResp | None:
    """Get a pre-auth code for an installation link

     A pre-auth code (预授权码) identifies one installation started from the provider's site;
    it goes into the authorisation URL and is valid `expires_in` seconds (1200 in the
    official sample).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetPreAuthCodeResp
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
