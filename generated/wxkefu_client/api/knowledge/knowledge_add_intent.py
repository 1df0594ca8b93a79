from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.knowledge_add_intent_req import KnowledgeAddIntentReq
from ...models.knowledge_add_intent_resp import KnowledgeAddIntentResp
from ...types import Response


def _get_kwargs(
    *,
    body: KnowledgeAddIntentReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/kf/knowledge/add_intent",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> KnowledgeAddIntentResp | None:
    if response.status_code == 200:
        response_200 = KnowledgeAddIntentResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[KnowledgeAddIntentResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: KnowledgeAddIntentReq,
) -> Response[KnowledgeAddIntentResp]:
    """Add a question-and-answer intent

     Adds an intent (添加问答) — a main question, optional similar questions and exactly one
    answer with up to 4 attachments — to a group. Questions must not repeat across groups;
    at most 200 intents per group.

    Args:
        body (KnowledgeAddIntentReq): Body of `kf/knowledge/add_intent`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KnowledgeAddIntentResp]
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
    body: KnowledgeAddIntentReq,
) -> KnowledgeAddIntentResp | None:
    """Add a question-and-answer intent

     Adds an intent (添加问答) — a main question, optional similar questions and exactly one
    answer with up to 4 attachments — to a group. Questions must not repeat across groups;
    at most 200 intents per group.

    Args:
        body (KnowledgeAddIntentReq): Body of `kf/knowledge/add_intent`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KnowledgeAddIntentResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: KnowledgeAddIntentReq,
) -> Response[KnowledgeAddIntentResp]:
    """Add a question-and-answer intent

     Adds an intent (添加问答) — a main question, optional similar questions and exactly one
    answer with up to 4 attachments — to a group. Questions must not repeat across groups;
    at most 200 intents per group.

    Args:
        body (KnowledgeAddIntentReq): Body of `kf/knowledge/add_intent`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KnowledgeAddIntentResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: KnowledgeAddIntentReq,
) -> KnowledgeAddIntentResp | None:
    """Add a question-and-answer intent

     Adds an intent (添加问答) — a main question, optional similar questions and exactly one
    answer with up to 4 attachments — to a group. Questions must not repeat across groups;
    at most 200 intents per group.

    Args:
        body (KnowledgeAddIntentReq): Body of `kf/knowledge/add_intent`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KnowledgeAddIntentResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
