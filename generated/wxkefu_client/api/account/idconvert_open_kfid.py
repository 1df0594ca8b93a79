from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.idconvert_open_kfid_req import IdconvertOpenKfidReq
from ...models.idconvert_open_kfid_resp import IdconvertOpenKfidResp
from ...types import Response


def _get_kwargs(
    *,
    body: IdconvertOpenKfidReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/idconvert/open_kfid",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IdconvertOpenKfidResp | None:
    if response.status_code == 200:
        response_200 = IdconvertOpenKfidResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[IdconvertOpenKfidResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IdconvertOpenKfidReq,
) -> Response[IdconvertOpenKfidResp]:
    """Convert open_kfid to the service-provider subject

     For service providers (third-party apps, called with the app's access_token for the
    authorising corp): converts open_kfid values issued under the corp subject into the ids
    under the service-provider subject (客服账号ID转换). An id that is already converted comes
    back unchanged. The list size limit is not documented (single source); the spec caps it
    at 100 like the other id lists.

    Args:
        body (IdconvertOpenKfidReq): Body of `idconvert/open_kfid`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdconvertOpenKfidResp]
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
    body: IdconvertOpenKfidReq,
) -> IdconvertOpenKfidResp | None:
    """Convert open_kfid to the service-provider subject

     For service providers (third-party apps, called with the app's access_token for the
    authorising corp): converts open_kfid values issued under the corp subject into the ids
    under the service-provider subject (客服账号ID转换). An id that is already converted comes
    back unchanged. The list size limit is not documented (single source); the spec caps it
    at 100 like the other id lists.

    Args:
        body (IdconvertOpenKfidReq): Body of `idconvert/open_kfid`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdconvertOpenKfidResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: IdconvertOpenKfidReq,
) -> Response[IdconvertOpenKfidResp]:
    """Convert open_kfid to the service-provider subject

     For service providers (third-party apps, called with the app's access_token for the
    authorising corp): converts open_kfid values issued under the corp subject into the ids
    under the service-provider subject (客服账号ID转换). An id that is already converted comes
    back unchanged. The list size limit is not documented (single source); the spec caps it
    at 100 like the other id lists.

    Args:
        body (IdconvertOpenKfidReq): Body of `idconvert/open_kfid`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IdconvertOpenKfidResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: IdconvertOpenKfidReq,
) -> IdconvertOpenKfidResp | None:
    """Convert open_kfid to the service-provider subject

     For service providers (third-party apps, called with the app's access_token for the
    authorising corp): converts open_kfid values issued under the corp subject into the ids
    under the service-provider subject (客服账号ID转换). An id that is already converted comes
    back unchanged. The list size limit is not documented (single source); the spec caps it
    at 100 like the other id lists.

    Args:
        body (IdconvertOpenKfidReq): Body of `idconvert/open_kfid`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IdconvertOpenKfidResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
