from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.media_type import MediaType
from ...models.media_upload_form import MediaUploadForm
from ...models.media_upload_resp import MediaUploadResp
from ...types import UNSET, Response


def _get_kwargs(
    *,
    body: MediaUploadForm,
    type_: MediaType,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_type_ = type_.value
    params["type"] = json_type_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/media/upload",
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MediaUploadResp | None:
    if response.status_code == 200:
        response_200 = MediaUploadResp.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[MediaUploadResp]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MediaUploadForm,
    type_: MediaType,
) -> Response[MediaUploadResp]:
    """Upload temporary media

     Uploads a temporary media file (上传临时素材) and returns a `media_id` to send as image,
    voice, video or file, or to use as a cover (`thumb_media_id`). The media_id is valid for
    3 days and shared by all apps of the corp.

    The body is `multipart/form-data` with ONE file part named `media`. The part MUST carry
    a `filename` in its Content-Disposition (it is the name the customer sees for files);
    without it the part looks like a plain form field and the upload fails. WeCom's samples
    also show a non-standard `filelength` attribute, which common HTTP clients do not send
    (not verified to be required).

    Limits (every file must be larger than 5 bytes):

    | type | formats | size |
    |---|---|---|
    | image | JPG, PNG | 10 MB |
    | voice | AMR, ≤60 s | 2 MB |
    | video | MP4 | 10 MB |
    | file | any | 20 MB |

    Conflict: the older stand-alone Kf doc (and wxkefu-rs) give 2 MB for images; the generic
    WeCom endpoint allows 10 MB, which the spec documents (Kf's own limit was stricter, so
    stay under 2 MB for images meant for Kf messages to be safe).

    Errcodes: 40004 invalid media type, 40005 invalid `type` parameter, 40006 invalid file
    size, 40009 image too large, 40011 video too large.

    Args:
        type_ (MediaType): Temporary media type (媒体文件类型): image, voice (AMR), video (MP4) or file.
        body (MediaUploadForm): The multipart body of `media/upload`: one file part `media`, whose
            Content-Disposition
            must carry `filename` (and a Content-Type matching the media).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MediaUploadResp]
    """

    kwargs = _get_kwargs(
        body=body,
        type_=type_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: MediaUploadForm,
    type_: MediaType,
) -> MediaUploadResp | None:
    """Upload temporary media

     Uploads a temporary media file (上传临时素材) and returns a `media_id` to send as image,
    voice, video or file, or to use as a cover (`thumb_media_id`). The media_id is valid for
    3 days and shared by all apps of the corp.

    The body is `multipart/form-data` with ONE file part named `media`. The part MUST carry
    a `filename` in its Content-Disposition (it is the name the customer sees for files);
    without it the part looks like a plain form field and the upload fails. WeCom's samples
    also show a non-standard `filelength` attribute, which common HTTP clients do not send
    (not verified to be required).

    Limits (every file must be larger than 5 bytes):

    | type | formats | size |
    |---|---|---|
    | image | JPG, PNG | 10 MB |
    | voice | AMR, ≤60 s | 2 MB |
    | video | MP4 | 10 MB |
    | file | any | 20 MB |

    Conflict: the older stand-alone Kf doc (and wxkefu-rs) give 2 MB for images; the generic
    WeCom endpoint allows 10 MB, which the spec documents (Kf's own limit was stricter, so
    stay under 2 MB for images meant for Kf messages to be safe).

    Errcodes: 40004 invalid media type, 40005 invalid `type` parameter, 40006 invalid file
    size, 40009 image too large, 40011 video too large.

    Args:
        type_ (MediaType): Temporary media type (媒体文件类型): image, voice (AMR), video (MP4) or file.
        body (MediaUploadForm): The multipart body of `media/upload`: one file part `media`, whose
            Content-Disposition
            must carry `filename` (and a Content-Type matching the media).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MediaUploadResp
    """

    return sync_detailed(
        client=client,
        body=body,
        type_=type_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MediaUploadForm,
    type_: MediaType,
) -> Response[MediaUploadResp]:
    """Upload temporary media

     Uploads a temporary media file (上传临时素材) and returns a `media_id` to send as image,
    voice, video or file, or to use as a cover (`thumb_media_id`). The media_id is valid for
    3 days and shared by all apps of the corp.

    The body is `multipart/form-data` with ONE file part named `media`. The part MUST carry
    a `filename` in its Content-Disposition (it is the name the customer sees for files);
    without it the part looks like a plain form field and the upload fails. WeCom's samples
    also show a non-standard `filelength` attribute, which common HTTP clients do not send
    (not verified to be required).

    Limits (every file must be larger than 5 bytes):

    | type | formats | size |
    |---|---|---|
    | image | JPG, PNG | 10 MB |
    | voice | AMR, ≤60 s | 2 MB |
    | video | MP4 | 10 MB |
    | file | any | 20 MB |

    Conflict: the older stand-alone Kf doc (and wxkefu-rs) give 2 MB for images; the generic
    WeCom endpoint allows 10 MB, which the spec documents (Kf's own limit was stricter, so
    stay under 2 MB for images meant for Kf messages to be safe).

    Errcodes: 40004 invalid media type, 40005 invalid `type` parameter, 40006 invalid file
    size, 40009 image too large, 40011 video too large.

    Args:
        type_ (MediaType): Temporary media type (媒体文件类型): image, voice (AMR), video (MP4) or file.
        body (MediaUploadForm): The multipart body of `media/upload`: one file part `media`, whose
            Content-Disposition
            must carry `filename` (and a Content-Type matching the media).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MediaUploadResp]
    """

    kwargs = _get_kwargs(
        body=body,
        type_=type_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: MediaUploadForm,
    type_: MediaType,
) -> MediaUploadResp | None:
    """Upload temporary media

     Uploads a temporary media file (上传临时素材) and returns a `media_id` to send as image,
    voice, video or file, or to use as a cover (`thumb_media_id`). The media_id is valid for
    3 days and shared by all apps of the corp.

    The body is `multipart/form-data` with ONE file part named `media`. The part MUST carry
    a `filename` in its Content-Disposition (it is the name the customer sees for files);
    without it the part looks like a plain form field and the upload fails. WeCom's samples
    also show a non-standard `filelength` attribute, which common HTTP clients do not send
    (not verified to be required).

    Limits (every file must be larger than 5 bytes):

    | type | formats | size |
    |---|---|---|
    | image | JPG, PNG | 10 MB |
    | voice | AMR, ≤60 s | 2 MB |
    | video | MP4 | 10 MB |
    | file | any | 20 MB |

    Conflict: the older stand-alone Kf doc (and wxkefu-rs) give 2 MB for images; the generic
    WeCom endpoint allows 10 MB, which the spec documents (Kf's own limit was stricter, so
    stay under 2 MB for images meant for Kf messages to be safe).

    Errcodes: 40004 invalid media type, 40005 invalid `type` parameter, 40006 invalid file
    size, 40009 image too large, 40011 video too large.

    Args:
        type_ (MediaType): Temporary media type (媒体文件类型): image, voice (AMR), video (MP4) or file.
        body (MediaUploadForm): The multipart body of `media/upload`: one file part `media`, whose
            Content-Disposition
            must carry `filename` (and a Content-Type matching the media).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MediaUploadResp
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            type_=type_,
        )
    ).parsed
