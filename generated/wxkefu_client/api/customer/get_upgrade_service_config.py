from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_upgrade_service_config_resp import GetUpgradeServiceConfigResp
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/kf/customer/get_upgrade_service_config",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> GetUpgradeServiceConfigResp | None:
    if response.status_code == 200:
        response_200 = GetUpgradeServiceConfigResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[GetUpgradeServiceConfigResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[GetUpgradeServiceConfigResp]:
    """Get the configured specialists and customer groups

     Returns the members (专员) and customer groups (客户群) configured for the upgrade service
    (获取配置的专员与客户群) in the admin console or on mobile under 微信客服 → 升级服务.
    Note the path contains `/customer/`; `kf/get_upgrade_service_config` does not exist.
    Conflict: one doc table names the field `member_range.department_list`, but its example and
    every SDK use `department_id_list` (integers), which the spec follows; `department_list`
    is accepted too. One SDK types the ids as strings — the spec keeps integers as in the doc.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetUpgradeServiceConfigResp]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> GetUpgradeServiceConfigResp | None:
    """Get the configured specialists and customer groups

     Returns the members (专员) and customer groups (客户群) configured for the upgrade service
    (获取配置的专员与客户群) in the admin console or on mobile under 微信客服 → 升级服务.
    Note the path contains `/customer/`; `kf/get_upgrade_service_config` does not exist.
    Conflict: one doc table names the field `member_range.department_list`, but its example and
    every SDK use `department_id_list` (integers), which the spec follows; `department_list`
    is accepted too. One SDK types the ids as strings — the spec keeps integers as in the doc.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetUpgradeServiceConfigResp
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[GetUpgradeServiceConfigResp]:
    """Get the configured specialists and customer groups

     Returns the members (专员) and customer groups (客户群) configured for the upgrade service
    (获取配置的专员与客户群) in the admin console or on mobile under 微信客服 → 升级服务.
    Note the path contains `/customer/`; `kf/get_upgrade_service_config` does not exist.
    Conflict: one doc table names the field `member_range.department_list`, but its example and
    every SDK use `department_id_list` (integers), which the spec follows; `department_list`
    is accepted too. One SDK types the ids as strings — the spec keeps integers as in the doc.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[GetUpgradeServiceConfigResp]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> GetUpgradeServiceConfigResp | None:
    """Get the configured specialists and customer groups

     Returns the members (专员) and customer groups (客户群) configured for the upgrade service
    (获取配置的专员与客户群) in the admin console or on mobile under 微信客服 → 升级服务.
    Note the path contains `/customer/`; `kf/get_upgrade_service_config` does not exist.
    Conflict: one doc table names the field `member_range.department_list`, but its example and
    every SDK use `department_id_list` (integers), which the spec follows; `department_list`
    is accepted too. One SDK types the ids as strings — the spec keeps integers as in the doc.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        GetUpgradeServiceConfigResp
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
