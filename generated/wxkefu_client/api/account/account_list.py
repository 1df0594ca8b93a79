from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_list_req import AccountListReq
from ...models.account_list_resp import AccountListResp
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: AccountListReq | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/kf/account/list",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccountListResp | None:
    if response.status_code == 200:
        response_200 = AccountListResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AccountListResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AccountListReq | Unset = UNSET,
) -> Response[AccountListResp]:
    """List Kf accounts

     Lists the Kf accounts (获取客服账号列表) visible to the caller, page by page. When the
    returned `account_list` has fewer items than `limit`, the last page has been reached.
    Conflict: current docs specify POST with a JSON body; older SDKs call it with GET without
    paging (or with offset/limit in the query). The spec follows the current POST form; the
    body is optional (offset 0, limit 100 when omitted).

    Args:
        body (AccountListReq | Unset): Optional paging body of `kf/account/list`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountListResp]
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
    body: AccountListReq | Unset = UNSET,
) -> AccountListResp | None:
    """List Kf accounts

     Lists the Kf accounts (获取客服账号列表) visible to the caller, page by page. When the
    returned `account_list` has fewer items than `limit`, the last page has been reached.
    Conflict: current docs specify POST with a JSON body; older SDKs call it with GET without
    paging (or with offset/limit in the query). The spec follows the current POST form; the
    body is optional (offset 0, limit 100 when omitted).

    Args:
        body (AccountListReq | Unset): Optional paging body of `kf/account/list`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountListResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AccountListReq | Unset = UNSET,
) -> Response[AccountListResp]:
    """List Kf accounts

     Lists the Kf accounts (获取客服账号列表) visible to the caller, page by page. When the
    returned `account_list` has fewer items than `limit`, the last page has been reached.
    Conflict: current docs specify POST with a JSON body; older SDKs call it with GET without
    paging (or with offset/limit in the query). The spec follows the current POST form; the
    body is optional (offset 0, limit 100 when omitted).

    Args:
        body (AccountListReq | Unset): Optional paging body of `kf/account/list`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountListResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: AccountListReq | Unset = UNSET,
) -> AccountListResp | None:
    """List Kf accounts

     Lists the Kf accounts (获取客服账号列表) visible to the caller, page by page. When the
    returned `account_list` has fewer items than `limit`, the last page has been reached.
    Conflict: current docs specify POST with a JSON body; older SDKs call it with GET without
    paging (or with offset/limit in the query). The spec follows the current POST form; the
    body is optional (offset 0, limit 100 when omitted).

    Args:
        body (AccountListReq | Unset): Optional paging body of `kf/account/list`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountListResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
