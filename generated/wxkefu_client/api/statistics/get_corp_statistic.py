from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_corp_statistic_req import GetCorpStatisticReq
from ...models.get_corp_statistic_resp import GetCorpStatisticResp
from ...types import Response


def _get_kwargs(
    *,
    body: GetCorpStatisticReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/kf/get_corp_statistic",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetCorpStatisticResp | None:
    if response.status_code == 200:
        response_200 = GetCorpStatisticResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GetCorpStatisticResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GetCorpStatisticReq,
) -> Response[GetCorpStatisticResp]:
    """Get corp-level statistics of a Kf account

     Daily statistics of a Kf account (获取「客户数据统计」企业汇总数据). `start_time` and
    `end_time` are the 00:00:00 timestamps of days (other times are floored to that day);
    the range goes from yesterday back to 180 days ago, is closed at both ends and spans at
    most 31 days. A day's data is available the next day (call after 06:00). Corps that
    handed sessions to the API or a third-party app have no data before 2022-03-11.
    Conflict: one doc copy marks `open_kfid` required, an SDK says "omit it to get corp-wide
    totals" and others may send it empty; the spec makes it optional so every form validates.

    Args:
        body (GetCorpStatisticReq): Body of `kf/get_corp_statistic`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetCorpStatisticResp]
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
    body: GetCorpStatisticReq,
) -> GetCorpStatisticResp | None:
    """Get corp-level statistics of a Kf account

     Daily statistics of a Kf account (获取「客户数据统计」企业汇总数据). `start_time` and
    `end_time` are the 00:00:00 timestamps of days (other times are floored to that day);
    the range goes from yesterday back to 180 days ago, is closed at both ends and spans at
    most 31 days. A day's data is available the next day (call after 06:00). Corps that
    handed sessions to the API or a third-party app have no data before 2022-03-11.
    Conflict: one doc copy marks `open_kfid` required, an SDK says "omit it to get corp-wide
    totals" and others may send it empty; the spec makes it optional so every form validates.

    Args:
        body (GetCorpStatisticReq): Body of `kf/get_corp_statistic`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetCorpStatisticResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GetCorpStatisticReq,
) -> Response[GetCorpStatisticResp]:
    """Get corp-level statistics of a Kf account

     Daily statistics of a Kf account (获取「客户数据统计」企业汇总数据). `start_time` and
    `end_time` are the 00:00:00 timestamps of days (other times are floored to that day);
    the range goes from yesterday back to 180 days ago, is closed at both ends and spans at
    most 31 days. A day's data is available the next day (call after 06:00). Corps that
    handed sessions to the API or a third-party app have no data before 2022-03-11.
    Conflict: one doc copy marks `open_kfid` required, an SDK says "omit it to get corp-wide
    totals" and others may send it empty; the spec makes it optional so every form validates.

    Args:
        body (GetCorpStatisticReq): Body of `kf/get_corp_statistic`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetCorpStatisticResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: GetCorpStatisticReq,
) -> GetCorpStatisticResp | None:
    """Get corp-level statistics of a Kf account

     Daily statistics of a Kf account (获取「客户数据统计」企业汇总数据). `start_time` and
    `end_time` are the 00:00:00 timestamps of days (other times are floored to that day);
    the range goes from yesterday back to 180 days ago, is closed at both ends and spans at
    most 31 days. A day's data is available the next day (call after 06:00). Corps that
    handed sessions to the API or a third-party app have no data before 2022-03-11.
    Conflict: one doc copy marks `open_kfid` required, an SDK says "omit it to get corp-wide
    totals" and others may send it empty; the spec makes it optional so every form validates.

    Args:
        body (GetCorpStatisticReq): Body of `kf/get_corp_statistic`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetCorpStatisticResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
