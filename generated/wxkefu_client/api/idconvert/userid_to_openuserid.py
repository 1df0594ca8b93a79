from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.userid_to_openuserid_req import UseridToOpenuseridReq
from ...models.userid_to_openuserid_resp import UseridToOpenuseridResp
from ...types import Response


def _get_kwargs(
    *,
    body: UseridToOpenuseridReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/batch/userid_to_openuserid",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> UseridToOpenuseridResp | None:
    if response.status_code == 200:
        response_200 = UseridToOpenuseridResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[UseridToOpenuseridResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UseridToOpenuseridReq,
) -> Response[UseridToOpenuseridResp]:
    """Convert corp userids to the provider's open_userids

     Converts member userids of the corp subject into the encrypted open_userids of the
    provider subject (userid的转换), which is what a third-party app sees in Kf (servicers,
    `servicer_userid`). Third-party and 代开发 apps only; the members must be in the app's
    visible range; many invalid ids block the call for a day.

    Args:
        body (UseridToOpenuseridReq): Body of `batch/userid_to_openuserid`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[UseridToOpenuseridResp]
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
    body: UseridToOpenuseridReq,
) -> UseridToOpenuseridResp | None:
    """Convert corp userids to the provider's open_userids

     Converts member userids of the corp subject into the encrypted open_userids of the
    provider subject (userid的转换), which is what a third-party app sees in Kf (servicers,
    `servicer_userid`). Third-party and 代开发 apps only; the members must be in the app's
    visible range; many invalid ids block the call for a day.

    Args:
        body (UseridToOpenuseridReq): Body of `batch/userid_to_openuserid`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        UseridToOpenuseridResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UseridToOpenuseridReq,
) -> Response[UseridToOpenuseridResp]:
    """Convert corp userids to the provider's open_userids

     Converts member userids of the corp subject into the encrypted open_userids of the
    provider subject (userid的转换), which is what a third-party app sees in Kf (servicers,
    `servicer_userid`). Third-party and 代开发 apps only; the members must be in the app's
    visible range; many invalid ids block the call for a day.

    Args:
        body (UseridToOpenuseridReq): Body of `batch/userid_to_openuserid`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[UseridToOpenuseridResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: UseridToOpenuseridReq,
) -> UseridToOpenuseridResp | None:
    """Convert corp userids to the provider's open_userids

     Converts member userids of the corp subject into the encrypted open_userids of the
    provider subject (userid的转换), which is what a third-party app sees in Kf (servicers,
    `servicer_userid`). Third-party and 代开发 apps only; the members must be in the app's
    visible range; many invalid ids block the call for a day.

    Args:
        body (UseridToOpenuseridReq): Body of `batch/userid_to_openuserid`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        UseridToOpenuseridResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
