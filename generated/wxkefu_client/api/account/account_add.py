from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.account_add_req import AccountAddReq
from ...models.account_add_resp import AccountAddResp
from ...types import Response


def _get_kwargs(
    *,
    body: AccountAddReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/kf/account/add",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccountAddResp | None:
    if response.status_code == 200:
        response_200 = AccountAddResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AccountAddResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AccountAddReq,
) -> Response[AccountAddResp]:
    """Create a Kf account

     Creates a Kf account (添加客服账号) with a name and an avatar. Accounts created through the API
    are automatically manageable by the creating app.
    Limits: up to 5000 accounts per corp; an unverified corp may create at most 10 (errcode
    95027). Older docs said 10 for everyone — the spec follows the current 5000/10 reading.
    Notable errcodes: 95005 account count over limit, 95006 invalid name, 95026 low account
    utilisation, 95027 unverified-corp cap, 40007 invalid media_id.

    Args:
        body (AccountAddReq): Body of `kf/account/add`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountAddResp]
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
    body: AccountAddReq,
) -> AccountAddResp | None:
    """Create a Kf account

     Creates a Kf account (添加客服账号) with a name and an avatar. Accounts created through the API
    are automatically manageable by the creating app.
    Limits: up to 5000 accounts per corp; an unverified corp may create at most 10 (errcode
    95027). Older docs said 10 for everyone — the spec follows the current 5000/10 reading.
    Notable errcodes: 95005 account count over limit, 95006 invalid name, 95026 low account
    utilisation, 95027 unverified-corp cap, 40007 invalid media_id.

    Args:
        body (AccountAddReq): Body of `kf/account/add`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountAddResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AccountAddReq,
) -> Response[AccountAddResp]:
    """Create a Kf account

     Creates a Kf account (添加客服账号) with a name and an avatar. Accounts created through the API
    are automatically manageable by the creating app.
    Limits: up to 5000 accounts per corp; an unverified corp may create at most 10 (errcode
    95027). Older docs said 10 for everyone — the spec follows the current 5000/10 reading.
    Notable errcodes: 95005 account count over limit, 95006 invalid name, 95026 low account
    utilisation, 95027 unverified-corp cap, 40007 invalid media_id.

    Args:
        body (AccountAddReq): Body of `kf/account/add`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccountAddResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: AccountAddReq,
) -> AccountAddResp | None:
    """Create a Kf account

     Creates a Kf account (添加客服账号) with a name and an avatar. Accounts created through the API
    are automatically manageable by the creating app.
    Limits: up to 5000 accounts per corp; an unverified corp may create at most 10 (errcode
    95027). Older docs said 10 for everyone — the spec follows the current 5000/10 reading.
    Notable errcodes: 95005 account count over limit, 95006 invalid name, 95026 low account
    utilisation, 95027 unverified-corp cap, 40007 invalid media_id.

    Args:
        body (AccountAddReq): Body of `kf/account/add`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccountAddResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
