from http import HTTPStatus
from io import BytesIO
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    media_id: str,
    range_: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(range_, Unset):
        headers["Range"] = range_

    params: dict[str, Any] = {}

    params["media_id"] = media_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/media/get",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | File | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 206:
        response_206 = File(payload=BytesIO(response.content))

        return response_206

    if response.status_code == 416:
        response_416 = cast(Any, None)
        return response_416

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | File]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    media_id: str,
    range_: str | Unset = UNSET,
) -> Response[Any | File]:
    """Download temporary media

     Downloads a temporary media file (获取临时素材) by `media_id` (pulled messages' media,
    or anything uploaded with `media/upload`, within 3 days).

    What comes back:

    * **200 with the bytes** — `Content-Type` of the media (e.g. `image/jpeg`),
      `Content-Disposition: attachment; filename="…"` and `Content-Length`.
    * **200 with a JSON error body** (`Content-Type: application/json`, `BaseResp`; declared
      under the media range `application/*` so that every generator types the success as
      the file — see the response), e.g.
      `{"errcode": 40007, "errmsg": "invalid media_id"}`. WeCom does NOT use an HTTP error
      status here: branch on the response `Content-Type`, never on the status alone.
      errcode 830002 means the file is too large for one response: download it in ranges.
    * **206 Partial Content** for a `Range` request, with `Content-Range` and
      `Accept-Ranges: bytes`.
    * **416 Range Not Satisfiable** when the range starts beyond the end (standard HTTP
      behaviour; not verified against the real server).

    Large files: ranges of at most 20 MB are recommended; media uploaded through the async
    upload API must be fetched in ranges of ≤20 MB when bigger than 20 MB. Pulled media are
    at most image 2 MB, voice 2 MB, video 10 MB, file 20 MB.

    Generated clients parse the first content type of a response (here
    `application/octet-stream`): check `Content-Type` on the raw response to detect the JSON
    error, and stream big files instead of loading them into memory.

    Args:
        media_id (str):
        range_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | File]
    """

    kwargs = _get_kwargs(
        media_id=media_id,
        range_=range_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    media_id: str,
    range_: str | Unset = UNSET,
) -> Any | File | None:
    """Download temporary media

     Downloads a temporary media file (获取临时素材) by `media_id` (pulled messages' media,
    or anything uploaded with `media/upload`, within 3 days).

    What comes back:

    * **200 with the bytes** — `Content-Type` of the media (e.g. `image/jpeg`),
      `Content-Disposition: attachment; filename="…"` and `Content-Length`.
    * **200 with a JSON error body** (`Content-Type: application/json`, `BaseResp`; declared
      under the media range `application/*` so that every generator types the success as
      the file — see the response), e.g.
      `{"errcode": 40007, "errmsg": "invalid media_id"}`. WeCom does NOT use an HTTP error
      status here: branch on the response `Content-Type`, never on the status alone.
      errcode 830002 means the file is too large for one response: download it in ranges.
    * **206 Partial Content** for a `Range` request, with `Content-Range` and
      `Accept-Ranges: bytes`.
    * **416 Range Not Satisfiable** when the range starts beyond the end (standard HTTP
      behaviour; not verified against the real server).

    Large files: ranges of at most 20 MB are recommended; media uploaded through the async
    upload API must be fetched in ranges of ≤20 MB when bigger than 20 MB. Pulled media are
    at most image 2 MB, voice 2 MB, video 10 MB, file 20 MB.

    Generated clients parse the first content type of a response (here
    `application/octet-stream`): check `Content-Type` on the raw response to detect the JSON
    error, and stream big files instead of loading them into memory.

    Args:
        media_id (str):
        range_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | File
    """

    return sync_detailed(
        client=client,
        media_id=media_id,
        range_=range_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    media_id: str,
    range_: str | Unset = UNSET,
) -> Response[Any | File]:
    """Download temporary media

     Downloads a temporary media file (获取临时素材) by `media_id` (pulled messages' media,
    or anything uploaded with `media/upload`, within 3 days).

    What comes back:

    * **200 with the bytes** — `Content-Type` of the media (e.g. `image/jpeg`),
      `Content-Disposition: attachment; filename="…"` and `Content-Length`.
    * **200 with a JSON error body** (`Content-Type: application/json`, `BaseResp`; declared
      under the media range `application/*` so that every generator types the success as
      the file — see the response), e.g.
      `{"errcode": 40007, "errmsg": "invalid media_id"}`. WeCom does NOT use an HTTP error
      status here: branch on the response `Content-Type`, never on the status alone.
      errcode 830002 means the file is too large for one response: download it in ranges.
    * **206 Partial Content** for a `Range` request, with `Content-Range` and
      `Accept-Ranges: bytes`.
    * **416 Range Not Satisfiable** when the range starts beyond the end (standard HTTP
      behaviour; not verified against the real server).

    Large files: ranges of at most 20 MB are recommended; media uploaded through the async
    upload API must be fetched in ranges of ≤20 MB when bigger than 20 MB. Pulled media are
    at most image 2 MB, voice 2 MB, video 10 MB, file 20 MB.

    Generated clients parse the first content type of a response (here
    `application/octet-stream`): check `Content-Type` on the raw response to detect the JSON
    error, and stream big files instead of loading them into memory.

    Args:
        media_id (str):
        range_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | File]
    """

    kwargs = _get_kwargs(
        media_id=media_id,
        range_=range_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    media_id: str,
    range_: str | Unset = UNSET,
) -> Any | File | None:
    """Download temporary media

     Downloads a temporary media file (获取临时素材) by `media_id` (pulled messages' media,
    or anything uploaded with `media/upload`, within 3 days).

    What comes back:

    * **200 with the bytes** — `Content-Type` of the media (e.g. `image/jpeg`),
      `Content-Disposition: attachment; filename="…"` and `Content-Length`.
    * **200 with a JSON error body** (`Content-Type: application/json`, `BaseResp`; declared
      under the media range `application/*` so that every generator types the success as
      the file — see the response), e.g.
      `{"errcode": 40007, "errmsg": "invalid media_id"}`. WeCom does NOT use an HTTP error
      status here: branch on the response `Content-Type`, never on the status alone.
      errcode 830002 means the file is too large for one response: download it in ranges.
    * **206 Partial Content** for a `Range` request, with `Content-Range` and
      `Accept-Ranges: bytes`.
    * **416 Range Not Satisfiable** when the range starts beyond the end (standard HTTP
      behaviour; not verified against the real server).

    Large files: ranges of at most 20 MB are recommended; media uploaded through the async
    upload API must be fetched in ranges of ≤20 MB when bigger than 20 MB. Pulled media are
    at most image 2 MB, voice 2 MB, video 10 MB, file 20 MB.

    Generated clients parse the first content type of a response (here
    `application/octet-stream`): check `Content-Type` on the raw response to detect the JSON
    error, and stream big files instead of loading them into memory.

    Args:
        media_id (str):
        range_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | File
    """

    return (
        await asyncio_detailed(
            client=client,
            media_id=media_id,
            range_=range_,
        )
    ).parsed
