from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_servicer_statistic_req import GetServicerStatisticReq
from ...models.get_servicer_statistic_resp import GetServicerStatisticResp
from ...types import Response


def _get_kwargs(
    *,
    body: GetServicerStatisticReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/kf/get_servicer_statistic",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetServicerStatisticResp | None:
    if response.status_code == 200:
        response_200 = GetServicerStatisticResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GetServicerStatisticResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GetServicerStatisticReq,
) -> Response[GetServicerStatisticResp]:
    """Get per-servicer statistics of a Kf account

     Daily statistics of one servicer, or of all servicers of the account when
    `servicer_userid` is omitted (获取「客户数据统计」接待人员明细数据). Same time rules as
    `kf/get_corp_statistic`. Rates are omitted when they cannot be computed; satisfaction
    features are off when the API manages session assignment. The field
    `satisfaction_investgate_cnt` is spelled like this (sic) in the API.

    Args:
        body (GetServicerStatisticReq): Body of `kf/get_servicer_statistic`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetServicerStatisticResp]
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
    body: GetServicerStatisticReq,
) -> GetServicerStatisticResp | None:
    """Get per-servicer statistics of a Kf account

     Daily statistics of one servicer, or of all servicers of the account when
    `servicer_userid` is omitted (获取「客户数据统计」接待人员明细数据). Same time rules as
    `kf/get_corp_statistic`. Rates are omitted when they cannot be computed; satisfaction
    features are off when the API manages session assignment. The field
    `satisfaction_investgate_cnt` is spelled like this (sic) in the API.

    Args:
        body (GetServicerStatisticReq): Body of `kf/get_servicer_statistic`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetServicerStatisticResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GetServicerStatisticReq,
) -> Response[GetServicerStatisticResp]:
    """Get per-servicer statistics of a Kf account

     Daily statistics of one servicer, or of all servicers of the account when
    `servicer_userid` is omitted (获取「客户数据统计」接待人员明细数据). Same time rules as
    `kf/get_corp_statistic`. Rates are omitted when they cannot be computed; satisfaction
    features are off when the API manages session assignment. The field
    `satisfaction_investgate_cnt` is spelled like this (sic) in the API.

    Args:
        body (GetServicerStatisticReq): Body of `kf/get_servicer_statistic`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetServicerStatisticResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: GetServicerStatisticReq,
) -> GetServicerStatisticResp | None:
    """Get per-servicer statistics of a Kf account

     Daily statistics of one servicer, or of all servicers of the account when
    `servicer_userid` is omitted (获取「客户数据统计」接待人员明细数据). Same time rules as
    `kf/get_corp_statistic`. Rates are omitted when they cannot be computed; satisfaction
    features are off when the API manages session assignment. The field
    `satisfaction_investgate_cnt` is spelled like this (sic) in the API.

    Args:
        body (GetServicerStatisticReq): Body of `kf/get_servicer_statistic`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetServicerStatisticResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
