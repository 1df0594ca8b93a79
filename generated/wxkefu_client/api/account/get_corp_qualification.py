from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_corp_qualification_resp import GetCorpQualificationResp
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/kf/get_corp_qualification",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetCorpQualificationResp | None:
    if response.status_code == 200:
        response_200 = GetCorpQualificationResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GetCorpQualificationResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[GetCorpQualificationResp]:
    """Get the corp's 视频号 binding status

     Tells whether at least one 视频号 (WeChat Channels account) is bound to the corp and
    confirmed by its admin (获取企业状态信息). This decides how many customers Kf may serve:
    unverified corp — 100 in total; verified without a bound 视频号 — 10 000; verified and
    bound — unlimited (single source for the numbers).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetCorpQualificationResp]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> GetCorpQualificationResp | None:
    """Get the corp's 视频号 binding status

     Tells whether at least one 视频号 (WeChat Channels account) is bound to the corp and
    confirmed by its admin (获取企业状态信息). This decides how many customers Kf may serve:
    unverified corp — 100 in total; verified without a bound 视频号 — 10 000; verified and
    bound — unlimited (single source for the numbers).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetCorpQualificationResp
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[GetCorpQualificationResp]:
    """Get the corp's 视频号 binding status

     Tells whether at least one 视频号 (WeChat Channels account) is bound to the corp and
    confirmed by its admin (获取企业状态信息). This decides how many customers Kf may serve:
    unverified corp — 100 in total; verified without a bound 视频号 — 10 000; verified and
    bound — unlimited (single source for the numbers).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetCorpQualificationResp]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> GetCorpQualificationResp | None:
    """Get the corp's 视频号 binding status

     Tells whether at least one 视频号 (WeChat Channels account) is bound to the corp and
    confirmed by its admin (获取企业状态信息). This decides how many customers Kf may serve:
    unverified corp — 100 in total; verified without a bound 视频号 — 10 000; verified and
    bound — unlimited (single source for the numbers).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetCorpQualificationResp
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
