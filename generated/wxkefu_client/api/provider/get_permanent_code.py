from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_permanent_code_req import GetPermanentCodeReq
from ...models.get_permanent_code_resp import GetPermanentCodeResp
from ...types import Response


def _get_kwargs(
    *,
    body: GetPermanentCodeReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/service/get_permanent_code",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetPermanentCodeResp | None:
    if response.status_code == 200:
        response_200 = GetPermanentCodeResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GetPermanentCodeResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: GetPermanentCodeReq,
) -> Response[GetPermanentCodeResp]:
    """Exchange an auth_code for the corp's permanent code

     Exchanges the single-use auth_code (from the create_auth instruction callback or the
    redirect after an installation; valid 10 minutes) for the authorising corp's permanent
    code (永久授权码) and its authorisation info. Store the permanent code: every later corp
    token is derived from it. Third-party apps also get a first corp `access_token`; for a
    代开发 template the reply has `is_customized_app: true`, no `access_token`, and the
    permanent code *is* the authorised app's secret (use it with `gettoken`).

    Args:
        body (GetPermanentCodeReq): Body of `service/get_permanent_code`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetPermanentCodeResp]
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
    body: GetPermanentCodeReq,
) -> GetPermanentCodeResp | None:
    """Exchange an auth_code for the corp's permanent code

     Exchanges the single-use auth_code (from the create_auth instruction callback or the
    redirect after an installation; valid 10 minutes) for the authorising corp's permanent
    code (永久授权码) and its authorisation info. Store the permanent code: every later corp
    token is derived from it. Third-party apps also get a first corp `access_token`; for a
    代开发 template the reply has `is_customized_app: true`, no `access_token`, and the
    permanent code *is* the authorised app's secret (use it with `gettoken`).

    Args:
        body (GetPermanentCodeReq): Body of `service/get_permanent_code`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetPermanentCodeResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: GetPermanentCodeReq,
) -> Response[GetPermanentCodeResp]:
    """Exchange an auth_code for the corp's permanent code

     Exchanges the single-use auth_code (from the create_auth instruction callback or the
    redirect after an installation; valid 10 minutes) for the authorising corp's permanent
    code (永久授权码) and its authorisation info. Store the permanent code: every later corp
    token is derived from it. Third-party apps also get a first corp `access_token`; for a
    代开发 template the reply has `is_customized_app: true`, no `access_token`, and the
    permanent code *is* the authorised app's secret (use it with `gettoken`).

    Args:
        body (GetPermanentCodeReq): Body of `service/get_permanent_code`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetPermanentCodeResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: GetPermanentCodeReq,
) -> GetPermanentCodeResp | None:
    """Exchange an auth_code for the corp's permanent code

     Exchanges the single-use auth_code (from the create_auth instruction callback or the
    redirect after an installation; valid 10 minutes) for the authorising corp's permanent
    code (永久授权码) and its authorisation info. Store the permanent code: every later corp
    token is derived from it. Third-party apps also get a first corp `access_token`; for a
    代开发 template the reply has `is_customized_app: true`, no `access_token`, and the
    permanent code *is* the authorised app's secret (use it with `gettoken`).

    Args:
        body (GetPermanentCodeReq): Body of `service/get_permanent_code`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetPermanentCodeResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
