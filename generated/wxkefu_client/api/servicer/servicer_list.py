from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.servicer_list_resp import ServicerListResp
from ...types import UNSET, Response


def _get_kwargs(
    *,
    open_kfid: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["open_kfid"] = open_kfid

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/kf/servicer/list",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ServicerListResp | None:
    if response.status_code == 200:
        response_200 = ServicerListResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ServicerListResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    open_kfid: str,
) -> Response[ServicerListResp]:
    """List the servicers of a Kf account

     Lists the servicers (获取接待人员列表) of a Kf account. Each entry is either a member
    (`userid`, plus `status`/`stop_type` when the caller manages the account) or a department
    (`department_id`).
    Conflict: one SDK calls it with POST and query parameters; the docs and all other SDKs
    use GET, which the spec follows.

    Args:
        open_kfid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ServicerListResp]
    """

    kwargs = _get_kwargs(
        open_kfid=open_kfid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    open_kfid: str,
) -> ServicerListResp | None:
    """List the servicers of a Kf account

     Lists the servicers (获取接待人员列表) of a Kf account. Each entry is either a member
    (`userid`, plus `status`/`stop_type` when the caller manages the account) or a department
    (`department_id`).
    Conflict: one SDK calls it with POST and query parameters; the docs and all other SDKs
    use GET, which the spec follows.

    Args:
        open_kfid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ServicerListResp
    """

    return sync_detailed(
        client=client,
        open_kfid=open_kfid,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    open_kfid: str,
) -> Response[ServicerListResp]:
    """List the servicers of a Kf account

     Lists the servicers (获取接待人员列表) of a Kf account. Each entry is either a member
    (`userid`, plus `status`/`stop_type` when the caller manages the account) or a department
    (`department_id`).
    Conflict: one SDK calls it with POST and query parameters; the docs and all other SDKs
    use GET, which the spec follows.

    Args:
        open_kfid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ServicerListResp]
    """

    kwargs = _get_kwargs(
        open_kfid=open_kfid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    open_kfid: str,
) -> ServicerListResp | None:
    """List the servicers of a Kf account

     Lists the servicers (获取接待人员列表) of a Kf account. Each entry is either a member
    (`userid`, plus `status`/`stop_type` when the caller manages the account) or a department
    (`department_id`).
    Conflict: one SDK calls it with POST and query parameters; the docs and all other SDKs
    use GET, which the spec follows.

    Args:
        open_kfid (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ServicerListResp
    """

    return (
        await asyncio_detailed(
            client=client,
            open_kfid=open_kfid,
        )
    ).parsed
