from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_suite_token_req import GetSuiteTokenReq
from ...models.get_suite_token_resp import GetSuiteTokenResp
from ...types import Response


def _get_kwargs(
    *,
    body: GetSuiteTokenReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/service/get_suite_token",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetSuiteTokenResp | None:
    if response.status_code == 200:
        response_200 = GetSuiteTokenResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GetSuiteTokenResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GetSuiteTokenReq,
) -> Response[GetSuiteTokenResp]:
    """Get the suite_access_token of a third-party app or 代开发 template

     Exchanges suite_id, suite_secret and the latest suite_ticket (pushed to the instruction
    callback every 10 minutes, valid 30) for a suite_access_token (获取第三方应用凭证 /
    获取代开发应用模板凭证: the same endpoint). Cache it per suite and reuse it until it
    expires. For historical reasons the reply carries `errcode` only on failure: a reply
    without `errcode` is a success (the official sample also shows `errcode: 0`; both are
    accepted).

    Args:
        body (GetSuiteTokenReq): Body of `service/get_suite_token`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetSuiteTokenResp]
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
    body: GetSuiteTokenReq,
) -> GetSuiteTokenResp | None:
    """Get the suite_access_token of a third-party app or 代开发 template

     Exchanges suite_id, suite_secret and the latest suite_ticket (pushed to the instruction
    callback every 10 minutes, valid 30) for a suite_access_token (获取第三方应用凭证 /
    获取代开发应用模板凭证: the same endpoint). Cache it per suite and reuse it until it
    expires. For historical reasons the reply carries `errcode` only on failure: a reply
    without `errcode` is a success (the official sample also shows `errcode: 0`; both are
    accepted).

    Args:
        body (GetSuiteTokenReq): Body of `service/get_suite_token`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetSuiteTokenResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: GetSuiteTokenReq,
) -> Response[GetSuiteTokenResp]:
    """Get the suite_access_token of a third-party app or 代开发 template

     Exchanges suite_id, suite_secret and the latest suite_ticket (pushed to the instruction
    callback every 10 minutes, valid 30) for a suite_access_token (获取第三方应用凭证 /
    获取代开发应用模板凭证: the same endpoint). Cache it per suite and reuse it until it
    expires. For historical reasons the reply carries `errcode` only on failure: a reply
    without `errcode` is a success (the official sample also shows `errcode: 0`; both are
    accepted).

    Args:
        body (GetSuiteTokenReq): Body of `service/get_suite_token`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetSuiteTokenResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: GetSuiteTokenReq,
) -> GetSuiteTokenResp | None:
    """Get the suite_access_token of a third-party app or 代开发 template

     Exchanges suite_id, suite_secret and the latest suite_ticket (pushed to the instruction
    callback every 10 minutes, valid 30) for a suite_access_token (获取第三方应用凭证 /
    获取代开发应用模板凭证: the same endpoint). Cache it per suite and reuse it until it
    expires. For historical reasons the reply carries `errcode` only on failure: a reply
    without `errcode` is a success (the official sample also shows `errcode: 0`; both are
    accepted).

    Args:
        body (GetSuiteTokenReq): Body of `service/get_suite_token`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetSuiteTokenResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
