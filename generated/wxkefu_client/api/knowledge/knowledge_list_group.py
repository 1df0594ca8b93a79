from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.knowledge_list_group_req import KnowledgeListGroupReq
from ...models.knowledge_list_group_resp import KnowledgeListGroupResp
from ...types import Response


def _get_kwargs(
    *,
    body: KnowledgeListGroupReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/kf/knowledge/list_group",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> KnowledgeListGroupResp | None:
    if response.status_code == 200:
        response_200 = KnowledgeListGroupResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[KnowledgeListGroupResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: KnowledgeListGroupReq,
) -> Response[KnowledgeListGroupResp]:
    """List knowledge groups

     Lists knowledge-base groups (获取分组列表), page by page with `cursor` / `next_cursor`
    while `has_more` is 1; or fetches one group with `group_id`.

    Args:
        body (KnowledgeListGroupReq): Body of `kf/knowledge/list_group`; every field is optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KnowledgeListGroupResp]
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
    body: KnowledgeListGroupReq,
) -> KnowledgeListGroupResp | None:
    """List knowledge groups

     Lists knowledge-base groups (获取分组列表), page by page with `cursor` / `next_cursor`
    while `has_more` is 1; or fetches one group with `group_id`.

    Args:
        body (KnowledgeListGroupReq): Body of `kf/knowledge/list_group`; every field is optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KnowledgeListGroupResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: KnowledgeListGroupReq,
) -> Response[KnowledgeListGroupResp]:
    """List knowledge groups

     Lists knowledge-base groups (获取分组列表), page by page with `cursor` / `next_cursor`
    while `has_more` is 1; or fetches one group with `group_id`.

    Args:
        body (KnowledgeListGroupReq): Body of `kf/knowledge/list_group`; every field is optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KnowledgeListGroupResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: KnowledgeListGroupReq,
) -> KnowledgeListGroupResp | None:
    """List knowledge groups

     Lists knowledge-base groups (获取分组列表), page by page with `cursor` / `next_cursor`
    while `has_more` is 1; or fetches one group with `group_id`.

    Args:
        body (KnowledgeListGroupReq): Body of `kf/knowledge/list_group`; every field is optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KnowledgeListGroupResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
