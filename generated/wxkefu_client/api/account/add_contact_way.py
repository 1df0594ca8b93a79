from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.add_contact_way_req import AddContactWayReq
from ...models.add_contact_way_resp import AddContactWayResp
from ...types import Response


def _get_kwargs(
    *,
    body: AddContactWayReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/kf/add_contact_way",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AddContactWayResp | None:
    if response.status_code == 200:
        response_200 = AddContactWayResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AddContactWayResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AddContactWayReq,
) -> Response[AddContactWayResp]:
    """Get the customer-facing link of a Kf account

     Returns the link (获取客服账号链接) customers open to talk to a Kf account; embed it in an
    H5 page or render it as a QR code. If `scene` is non-empty, the developer may append
    `&scene_param=<url-encoded value>` (raw value ≤128 bytes) to the url; it comes back
    verbatim in the `enter_session` event. The link must not be edited otherwise or have its
    parameters copied to other links, or the enter_session callback fails validation. Old
    links containing `encScene=` do not support `scene_param`.

    Args:
        body (AddContactWayReq): Body of `kf/add_contact_way`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AddContactWayResp]
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
    body: AddContactWayReq,
) -> AddContactWayResp | None:
    """Get the customer-facing link of a Kf account

     Returns the link (获取客服账号链接) customers open to talk to a Kf account; embed it in an
    H5 page or render it as a QR code. If `scene` is non-empty, the developer may append
    `&scene_param=<url-encoded value>` (raw value ≤128 bytes) to the url; it comes back
    verbatim in the `enter_session` event. The link must not be edited otherwise or have its
    parameters copied to other links, or the enter_session callback fails validation. Old
    links containing `encScene=` do not support `scene_param`.

    Args:
        body (AddContactWayReq): Body of `kf/add_contact_way`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AddContactWayResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: AddContactWayReq,
) -> Response[AddContactWayResp]:
    """Get the customer-facing link of a Kf account

     Returns the link (获取客服账号链接) customers open to talk to a Kf account; embed it in an
    H5 page or render it as a QR code. If `scene` is non-empty, the developer may append
    `&scene_param=<url-encoded value>` (raw value ≤128 bytes) to the url; it comes back
    verbatim in the `enter_session` event. The link must not be edited otherwise or have its
    parameters copied to other links, or the enter_session callback fails validation. Old
    links containing `encScene=` do not support `scene_param`.

    Args:
        body (AddContactWayReq): Body of `kf/add_contact_way`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AddContactWayResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: AddContactWayReq,
) -> AddContactWayResp | None:
    """Get the customer-facing link of a Kf account

     Returns the link (获取客服账号链接) customers open to talk to a Kf account; embed it in an
    H5 page or render it as a QR code. If `scene` is non-empty, the developer may append
    `&scene_param=<url-encoded value>` (raw value ≤128 bytes) to the url; it comes back
    verbatim in the `enter_session` event. The link must not be edited otherwise or have its
    parameters copied to other links, or the enter_session callback fails validation. Old
    links containing `encScene=` do not support `scene_param`.

    Args:
        body (AddContactWayReq): Body of `kf/add_contact_way`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AddContactWayResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
