from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.media_uploadimg_form import MediaUploadimgForm
from ...models.media_uploadimg_resp import MediaUploadimgResp
from ...types import Response


def _get_kwargs(
    *,
    body: MediaUploadimgForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/media/uploadimg",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MediaUploadimgResp | None:
    if response.status_code == 200:
        response_200 = MediaUploadimgResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[MediaUploadimgResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MediaUploadimgForm,
) -> Response[MediaUploadimgResp]:
    """Upload a permanent image

     Uploads an image (上传图片) and returns a permanent URL. The URL is meant for article /
    news bodies and similar; Kf messages take a `media_id` from `media/upload` instead.
    Same multipart layout as `media/upload` (one part `media`, with a filename).
    Limits: JPG/PNG, 5 B – 2 MB per the general WeCom docs (single source: not verified for
    this project).

    Args:
        body (MediaUploadimgForm): The multipart body of `media/uploadimg`: one image part `media`
            with a filename.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MediaUploadimgResp]
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
    body: MediaUploadimgForm,
) -> MediaUploadimgResp | None:
    """Upload a permanent image

     Uploads an image (上传图片) and returns a permanent URL. The URL is meant for article /
    news bodies and similar; Kf messages take a `media_id` from `media/upload` instead.
    Same multipart layout as `media/upload` (one part `media`, with a filename).
    Limits: JPG/PNG, 5 B – 2 MB per the general WeCom docs (single source: not verified for
    this project).

    Args:
        body (MediaUploadimgForm): The multipart body of `media/uploadimg`: one image part `media`
            with a filename.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MediaUploadimgResp
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MediaUploadimgForm,
) -> Response[MediaUploadimgResp]:
    """Upload a permanent image

     Uploads an image (上传图片) and returns a permanent URL. The URL is meant for article /
    news bodies and similar; Kf messages take a `media_id` from `media/upload` instead.
    Same multipart layout as `media/upload` (one part `media`, with a filename).
    Limits: JPG/PNG, 5 B – 2 MB per the general WeCom docs (single source: not verified for
    this project).

    Args:
        body (MediaUploadimgForm): The multipart body of `media/uploadimg`: one image part `media`
            with a filename.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MediaUploadimgResp]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: MediaUploadimgForm,
) -> MediaUploadimgResp | None:
    """Upload a permanent image

     Uploads an image (上传图片) and returns a permanent URL. The URL is meant for article /
    news bodies and similar; Kf messages take a `media_id` from `media/upload` instead.
    Same multipart layout as `media/upload` (one part `media`, with a filename).
    Limits: JPG/PNG, 5 B – 2 MB per the general WeCom docs (single source: not verified for
    this project).

    Args:
        body (MediaUploadimgForm): The multipart body of `media/uploadimg`: one image part `media`
            with a filename.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MediaUploadimgResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
