from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_provider_token_req import GetProviderTokenReq
from ...models.get_provider_token_resp import GetProviderTokenResp
from ...types import Response


def _get_kwargs(
    *,
    body: GetProviderTokenReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/service/get_provider_token",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetProviderTokenResp | None:
    if response.status_code == 200:
        response_200 = GetProviderTokenResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GetProviderTokenResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GetProviderTokenReq,
) -> Response[GetProviderTokenResp]:
    """Get the provider_access_token

     Exchanges the provider's corpid and provider_secret for a provider_access_token (服务商的
    token), which stands for the provider itself, not for an app. Login, registration and
    id-translation services need it; Kf calls do not. Like get_suite_token, `errcode` is
    returned only on failure.

    Args:
        body (GetProviderTokenReq): Body of `service/get_provider_token`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetProviderTokenResp]
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
    body: GetProviderTokenReq,
) -> GetProviderTokenResp | None:
    """Get the provider_access_token

     Exchanges the provider's corpid and provider_secret for a provider_access_token (服务商的
    token), which stands for the provider itself, not for an app. Login, registration and
    id-translation services need it; Kf calls do not. Like get_suite_token, `errcode` is
    returned only on failure.

    Args:
        body (GetProviderTokenReq): Body of `service/get_provider_token`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetProviderTokenResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GetProviderTokenReq,
) -> Response[GetProviderTokenResp]:
    """Get the provider_access_token

     Exchanges the provider's corpid and provider_secret for a provider_access_token (服务商的
    token), which stands for the provider itself, not for an app. Login, registration and
    id-translation services need it; Kf calls do not. Like get_suite_token, `errcode` is
    returned only on failure.

    Args:
        body (GetProviderTokenReq): Body of `service/get_provider_token`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetProviderTokenResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: GetProviderTokenReq,
) -> GetProviderTokenResp | None:
    """Get the provider_access_token

     Exchanges the provider's corpid and provider_secret for a provider_access_token (服务商的
    token), which stands for the provider itself, not for an app. Login, registration and
    id-translation services need it; Kf calls do not. Like get_suite_token, `errcode` is
    returned only on failure.

    Args:
        body (GetProviderTokenReq): Body of `service/get_provider_token`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetProviderTokenResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
