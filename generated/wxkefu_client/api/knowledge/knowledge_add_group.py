from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.knowledge_add_group_req import KnowledgeAddGroupReq
from ...models.knowledge_add_group_resp import KnowledgeAddGroupResp
from ...types import Response


def _get_kwargs(
    *,
    body: KnowledgeAddGroupReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/kf/knowledge/add_group",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> KnowledgeAddGroupResp | None:
    if response.status_code == 200:
        response_200 = KnowledgeAddGroupResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[KnowledgeAddGroupResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: KnowledgeAddGroupReq,
) -> Response[KnowledgeAddGroupResp]:
    """Add a knowledge group

     Creates a knowledge-base group (添加分组). Names must be unique; at most 100 groups in
    total. Only self-built apps may call the knowledge-base APIs (not third-party or 代开发).

    Args:
        body (KnowledgeAddGroupReq): Body of `kf/knowledge/add_group`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KnowledgeAddGroupResp]
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
    body: KnowledgeAddGroupReq,
) -> KnowledgeAddGroupResp | None:
    """Add a knowledge group

     Creates a knowledge-base group (添加分组). Names must be unique; at most 100 groups in
    total. Only self-built apps may call the knowledge-base APIs (not third-party or 代开发).

    Args:
        body (KnowledgeAddGroupReq): Body of `kf/knowledge/add_group`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KnowledgeAddGroupResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: KnowledgeAddGroupReq,
) -> Response[KnowledgeAddGroupResp]:
    """Add a knowledge group

     Creates a knowledge-base group (添加分组). Names must be unique; at most 100 groups in
    total. Only self-built apps may call the knowledge-base APIs (not third-party or 代开发).

    Args:
        body (KnowledgeAddGroupReq): Body of `kf/knowledge/add_group`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KnowledgeAddGroupResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: KnowledgeAddGroupReq,
) -> KnowledgeAddGroupResp | None:
    """Add a knowledge group

     Creates a knowledge-base group (添加分组). Names must be unique; at most 100 groups in
    total. Only self-built apps may call the knowledge-base APIs (not third-party or 代开发).

    Args:
        body (KnowledgeAddGroupReq): Body of `kf/knowledge/add_group`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KnowledgeAddGroupResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
