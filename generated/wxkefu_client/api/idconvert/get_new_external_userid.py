from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_new_external_userid_req import GetNewExternalUseridReq
from ...models.get_new_external_userid_resp import GetNewExternalUseridResp
from ...types import Response


def _get_kwargs(
    *,
    body: GetNewExternalUseridReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/externalcontact/get_new_external_userid",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetNewExternalUseridResp | None:
    if response.status_code == 200:
        response_200 = GetNewExternalUseridResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GetNewExternalUseridResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GetNewExternalUseridReq,
) -> Response[GetNewExternalUseridResp]:
    """Convert external_userids to the provider subject

     Converts customer external_userids of the corp subject into those of the provider
    subject (external_userid的转换). For Kf only customers with a Kf session in the last 48
    hours convert; an id that is already a provider-subject id comes back unchanged.

    Args:
        body (GetNewExternalUseridReq): Body of `externalcontact/get_new_external_userid`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetNewExternalUseridResp]
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
    body: GetNewExternalUseridReq,
) -> GetNewExternalUseridResp | None:
    """Convert external_userids to the provider subject

     Converts customer external_userids of the corp subject into those of the provider
    subject (external_userid的转换). For Kf only customers with a Kf session in the last 48
    hours convert; an id that is already a provider-subject id comes back unchanged.

    Args:
        body (GetNewExternalUseridReq): Body of `externalcontact/get_new_external_userid`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetNewExternalUseridResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GetNewExternalUseridReq,
) -> Response[GetNewExternalUseridResp]:
    """Convert external_userids to the provider subject

     Converts customer external_userids of the corp subject into those of the provider
    subject (external_userid的转换). For Kf only customers with a Kf session in the last 48
    hours convert; an id that is already a provider-subject id comes back unchanged.

    Args:
        body (GetNewExternalUseridReq): Body of `externalcontact/get_new_external_userid`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetNewExternalUseridResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: GetNewExternalUseridReq,
) -> GetNewExternalUseridResp | None:
    """Convert external_userids to the provider subject

     Converts customer external_userids of the corp subject into those of the provider
    subject (external_userid的转换). For Kf only customers with a Kf session in the last 48
    hours convert; an id that is already a provider-subject id comes back unchanged.

    Args:
        body (GetNewExternalUseridReq): Body of `externalcontact/get_new_external_userid`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetNewExternalUseridResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
