from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.servicer_add_req import ServicerAddReq
from ...models.servicer_change_resp import ServicerChangeResp
from ...types import Response


def _get_kwargs(
    *,
    body: ServicerAddReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/kf/servicer/add",
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
    body: ServicerAddReq,
) -> Response[ServicerChangeResp]:
    """Add servicers to a Kf account

     Adds members and/or departments as servicers (添加接待人员) of a Kf account. At least one
    of `userid_list` and `department_id_list` must be given; each list holds at most 100
    entries — split bigger sets into several calls. Up to 2000 servicers and 20 departments
    per Kf account. The per-entry outcome is in `result_list`.
    Conflict: older docs allow only `userid_list` (required, 1–100 items, 500 servicers); the
    spec follows the current reading (departments allowed, both lists optional, 0–100 items),
    which also accepts the old request shape.

    Args:
        body (ServicerAddReq): Body of `kf/servicer/add`: at least one of `userid_list` and
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
    body: ServicerAddReq,
) -> ServicerChangeResp | None:
    """Add servicers to a Kf account

     Adds members and/or departments as servicers (添加接待人员) of a Kf account. At least one
    of `userid_list` and `department_id_list` must be given; each list holds at most 100
    entries — split bigger sets into several calls. Up to 2000 servicers and 20 departments
    per Kf account. The per-entry outcome is in `result_list`.
    Conflict: older docs allow only `userid_list` (required, 1–100 items, 500 servicers); the
    spec follows the current reading (departments allowed, both lists optional, 0–100 items),
    which also accepts the old request shape.

    Args:
        body (ServicerAddReq): Body of `kf/servicer/add`: at least one of `userid_list` and
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
    body: ServicerAddReq,
) -> Response[ServicerChangeResp]:
    """Add servicers to a Kf account

     Adds members and/or departments as servicers (添加接待人员) of a Kf account. At least one
    of `userid_list` and `department_id_list` must be given; each list holds at most 100
    entries — split bigger sets into several calls. Up to 2000 servicers and 20 departments
    per Kf account. The per-entry outcome is in `result_list`.
    Conflict: older docs allow only `userid_list` (required, 1–100 items, 500 servicers); the
    spec follows the current reading (departments allowed, both lists optional, 0–100 items),
    which also accepts the old request shape.

    Args:
        body (ServicerAddReq): Body of `kf/servicer/add`: at least one of `userid_list` and
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
    body: ServicerAddReq,
) -> ServicerChangeResp | None:
    """Add servicers to a Kf account

     Adds members and/or departments as servicers (添加接待人员) of a Kf account. At least one
    of `userid_list` and `department_id_list` must be given; each list holds at most 100
    entries — split bigger sets into several calls. Up to 2000 servicers and 20 departments
    per Kf account. The per-entry outcome is in `result_list`.
    Conflict: older docs allow only `userid_list` (required, 1–100 items, 500 servicers); the
    spec follows the current reading (departments allowed, both lists optional, 0–100 items),
    which also accepts the old request shape.

    Args:
        body (ServicerAddReq): Body of `kf/servicer/add`: at least one of `userid_list` and
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
