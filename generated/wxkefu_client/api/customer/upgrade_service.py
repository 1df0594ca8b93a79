from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.base_resp import BaseResp
from ...models.upgrade_service_req import UpgradeServiceReq
from ...types import Response


def _get_kwargs(
    *,
    body: UpgradeServiceReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/kf/customer/upgrade_service",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BaseResp | None:
    if response.status_code == 200:
        response_200 = BaseResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[BaseResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UpgradeServiceReq,
) -> Response[BaseResp]:
    """Recommend a specialist or a customer group to a customer

     Marks a customer's session so that servicers see a recommendation (为客户升级为专员或客户群服务)
    to add a specialist member (`type` 1, `member`) or join a customer group (`type` 2,
    `groupchat`). The userid / chat_id must be configured in 升级服务 (else errcode 95021) and
    the userid must be within the 客户联系 usage scope.

    Args:
        body (UpgradeServiceReq): Body of `kf/customer/upgrade_service`: `member` (with a non-
            empty `userid`) is required for
            `type` 1, `groupchat` (with a non-empty `chat_id`) for `type` 2. The object of the other
            type is ignored, whatever it holds: some SDKs always send both, e.g. type 1 with
            `groupchat: {chat_id: "", wording: ""}`, and the server accepts that.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BaseResp]
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
    body: UpgradeServiceReq,
) -> BaseResp | None:
    """Recommend a specialist or a customer group to a customer

     Marks a customer's session so that servicers see a recommendation (为客户升级为专员或客户群服务)
    to add a specialist member (`type` 1, `member`) or join a customer group (`type` 2,
    `groupchat`). The userid / chat_id must be configured in 升级服务 (else errcode 95021) and
    the userid must be within the 客户联系 usage scope.

    Args:
        body (UpgradeServiceReq): Body of `kf/customer/upgrade_service`: `member` (with a non-
            empty `userid`) is required for
            `type` 1, `groupchat` (with a non-empty `chat_id`) for `type` 2. The object of the other
            type is ignored, whatever it holds: some SDKs always send both, e.g. type 1 with
            `groupchat: {chat_id: "", wording: ""}`, and the server accepts that.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BaseResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UpgradeServiceReq,
) -> Response[BaseResp]:
    """Recommend a specialist or a customer group to a customer

     Marks a customer's session so that servicers see a recommendation (为客户升级为专员或客户群服务)
    to add a specialist member (`type` 1, `member`) or join a customer group (`type` 2,
    `groupchat`). The userid / chat_id must be configured in 升级服务 (else errcode 95021) and
    the userid must be within the 客户联系 usage scope.

    Args:
        body (UpgradeServiceReq): Body of `kf/customer/upgrade_service`: `member` (with a non-
            empty `userid`) is required for
            `type` 1, `groupchat` (with a non-empty `chat_id`) for `type` 2. The object of the other
            type is ignored, whatever it holds: some SDKs always send both, e.g. type 1 with
            `groupchat: {chat_id: "", wording: ""}`, and the server accepts that.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BaseResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: UpgradeServiceReq,
) -> BaseResp | None:
    """Recommend a specialist or a customer group to a customer

     Marks a customer's session so that servicers see a recommendation (为客户升级为专员或客户群服务)
    to add a specialist member (`type` 1, `member`) or join a customer group (`type` 2,
    `groupchat`). The userid / chat_id must be configured in 升级服务 (else errcode 95021) and
    the userid must be within the 客户联系 usage scope.

    Args:
        body (UpgradeServiceReq): Body of `kf/customer/upgrade_service`: `member` (with a non-
            empty `userid`) is required for
            `type` 1, `groupchat` (with a non-empty `chat_id`) for `type` 2. The object of the other
            type is ignored, whatever it holds: some SDKs always send both, e.g. type 1 with
            `groupchat: {chat_id: "", wording: ""}`, and the server accepts that.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BaseResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
