from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.customer_batchget_req import CustomerBatchgetReq
from ...models.customer_batchget_resp import CustomerBatchgetResp
from ...types import Response


def _get_kwargs(
    *,
    body: CustomerBatchgetReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/kf/customer/batchget",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CustomerBatchgetResp | None:
    if response.status_code == 200:
        response_200 = CustomerBatchgetResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CustomerBatchgetResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CustomerBatchgetReq,
) -> Response[CustomerBatchgetResp]:
    """Get basic info of customers

     Returns nickname, avatar, gender and unionid of up to 100 customers (获取客户基础信息), and
    optionally the context of each customer's last session entry within 48 hours. An
    external_userid is valid only if within the last 48 h it entered a session or sent the
    Kf account a message; otherwise it is listed in `invalid_external_userid`. Apps of type
    「营销获客」 only see the customers they brought. Third-party and 代开发 apps get no avatar
    or unionid, and gender is always 0 for them.

    Args:
        body (CustomerBatchgetReq): Body of `kf/customer/batchget`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerBatchgetResp]
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
    body: CustomerBatchgetReq,
) -> CustomerBatchgetResp | None:
    """Get basic info of customers

     Returns nickname, avatar, gender and unionid of up to 100 customers (获取客户基础信息), and
    optionally the context of each customer's last session entry within 48 hours. An
    external_userid is valid only if within the last 48 h it entered a session or sent the
    Kf account a message; otherwise it is listed in `invalid_external_userid`. Apps of type
    「营销获客」 only see the customers they brought. Third-party and 代开发 apps get no avatar
    or unionid, and gender is always 0 for them.

    Args:
        body (CustomerBatchgetReq): Body of `kf/customer/batchget`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerBatchgetResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CustomerBatchgetReq,
) -> Response[CustomerBatchgetResp]:
    """Get basic info of customers

     Returns nickname, avatar, gender and unionid of up to 100 customers (获取客户基础信息), and
    optionally the context of each customer's last session entry within 48 hours. An
    external_userid is valid only if within the last 48 h it entered a session or sent the
    Kf account a message; otherwise it is listed in `invalid_external_userid`. Apps of type
    「营销获客」 only see the customers they brought. Third-party and 代开发 apps get no avatar
    or unionid, and gender is always 0 for them.

    Args:
        body (CustomerBatchgetReq): Body of `kf/customer/batchget`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CustomerBatchgetResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CustomerBatchgetReq,
) -> CustomerBatchgetResp | None:
    """Get basic info of customers

     Returns nickname, avatar, gender and unionid of up to 100 customers (获取客户基础信息), and
    optionally the context of each customer's last session entry within 48 hours. An
    external_userid is valid only if within the last 48 h it entered a session or sent the
    Kf account a message; otherwise it is listed in `invalid_external_userid`. Apps of type
    「营销获客」 only see the customers they brought. Third-party and 代开发 apps get no avatar
    or unionid, and gender is always 0 for them.

    Args:
        body (CustomerBatchgetReq): Body of `kf/customer/batchget`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CustomerBatchgetResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
