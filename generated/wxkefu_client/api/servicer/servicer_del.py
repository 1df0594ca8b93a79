from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.servicer_change_resp import ServicerChangeResp
from ...models.servicer_del_req import ServicerDelReq
from ...types import Response


def _get_kwargs(
    *,
    body: ServicerDelReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/kf/servicer/del",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ServicerChangeResp | None:
    if response.status_code == 200:
        response_200 = ServicerChangeResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ServicerChangeResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ServicerDelReq,
) -> Response[ServicerChangeResp]:
    """Remove servicers from a Kf account

     Removes members and/or departments from the servicers (删除接待人员) of a Kf account. Same
    body rules as `kf/servicer/add`; `result_list[].errcode` is the outcome of each removal.

    Args:
        body (ServicerDelReq): Body of `kf/servicer/del`: at least one of `userid_list` and
            `department_id_list`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ServicerChangeResp]
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
    body: ServicerDelReq,
) -> ServicerChangeResp | None:
    """Remove servicers from a Kf account

     Removes members and/or departments from the servicers (删除接待人员) of a Kf account. Same
    body rules as `kf/servicer/add`; `result_list[].errcode` is the outcome of each removal.

    Args:
        body (ServicerDelReq): Body of `kf/servicer/del`: at least one of `userid_list` and
            `department_id_list`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ServicerChangeResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ServicerDelReq,
) -> Response[ServicerChangeResp]:
    """Remove servicers from a Kf account

     Removes members and/or departments from the servicers (删除接待人员) of a Kf account. Same
    body rules as `kf/servicer/add`; `result_list[].errcode` is the outcome of each removal.

    Args:
        body (ServicerDelReq): Body of `kf/servicer/del`: at least one of `userid_list` and
            `department_id_list`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ServicerChangeResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ServicerDelReq,
) -> ServicerChangeResp | None:
    """Remove servicers from a Kf account

     Removes members and/or departments from the servicers (删除接待人员) of a Kf account. Same
    body rules as `kf/servicer/add`; `result_list[].errcode` is the outcome of each removal.

    Args:
        body (ServicerDelReq): Body of `kf/servicer/del`: at least one of `userid_list` and
            `department_id_list`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ServicerChangeResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
