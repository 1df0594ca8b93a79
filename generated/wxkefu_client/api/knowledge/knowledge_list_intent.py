from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.knowledge_list_intent_req import KnowledgeListIntentReq
from ...models.knowledge_list_intent_resp import KnowledgeListIntentResp
from ...types import Response


def _get_kwargs(
    *,
    body: KnowledgeListIntentReq,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/kf/knowledge/list_intent",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> KnowledgeListIntentResp | None:
    if response.status_code == 200:
        response_200 = KnowledgeListIntentResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[KnowledgeListIntentResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: KnowledgeListIntentReq,
) -> Response[KnowledgeListIntentResp]:
    """List intents

     Lists intents (获取问答列表), page by page with `cursor` / `next_cursor` while `has_more`
    is 1, optionally filtered by `group_id` or `intent_id`. In the response, image and video
    attachments carry the file `name` instead of `media_id`, and mini-program attachments have
    no `thumb_media_id`.
    Conflict: the official response example nests `similar_questions` and `answers` inside
    `question`; the parameter table and the SDKs place them beside `question`, which the spec
    follows (treating the nesting as a doc typo).

    Args:
        body (KnowledgeListIntentReq): Body of `kf/knowledge/list_intent`; every field is
            optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KnowledgeListIntentResp]
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
    body: KnowledgeListIntentReq,
) -> KnowledgeListIntentResp | None:
    """List intents

     Lists intents (获取问答列表), page by page with `cursor` / `next_cursor` while `has_more`
    is 1, optionally filtered by `group_id` or `intent_id`. In the response, image and video
    attachments carry the file `name` instead of `media_id`, and mini-program attachments have
    no `thumb_media_id`.
    Conflict: the official response example nests `similar_questions` and `answers` inside
    `question`; the parameter table and the SDKs place them beside `question`, which the spec
    follows (treating the nesting as a doc typo).

    Args:
        body (KnowledgeListIntentReq): Body of `kf/knowledge/list_intent`; every field is
            optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KnowledgeListIntentResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: KnowledgeListIntentReq,
) -> Response[KnowledgeListIntentResp]:
    """List intents

     Lists intents (获取问答列表), page by page with `cursor` / `next_cursor` while `has_more`
    is 1, optionally filtered by `group_id` or `intent_id`. In the response, image and video
    attachments carry the file `name` instead of `media_id`, and mini-program attachments have
    no `thumb_media_id`.
    Conflict: the official response example nests `similar_questions` and `answers` inside
    `question`; the parameter table and the SDKs place them beside `question`, which the spec
    follows (treating the nesting as a doc typo).

    Args:
        body (KnowledgeListIntentReq): Body of `kf/knowledge/list_intent`; every field is
            optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KnowledgeListIntentResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: KnowledgeListIntentReq,
) -> KnowledgeListIntentResp | None:
    """List intents

     Lists intents (获取问答列表), page by page with `cursor` / `next_cursor` while `has_more`
    is 1, optionally filtered by `group_id` or `intent_id`. In the response, image and video
    attachments carry the file `name` instead of `media_id`, and mini-program attachments have
    no `thumb_media_id`.
    Conflict: the official response example nests `similar_questions` and `answers` inside
    `question`; the parameter table and the SDKs place them beside `question`, which the spec
    follows (treating the nesting as a doc typo).

    Args:
        body (KnowledgeListIntentReq): Body of `kf/knowledge/list_intent`; every field is
            optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KnowledgeListIntentResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
