"""``wxkefu media upload|get``: temporary media, with progress on long transfers.

Why the bars are fed by ``on_progress`` callbacks of :func:`wxkefu_ext.media.upload` /
:func:`~wxkefu_ext.media.download_to`: the library owns the streaming, the Range-resume and
the JSON-error detection, and knows the totals (the file size; the reply's Content-Length or
Content-Range), so the bar shows ``done/total`` both ways without a second code path. A
re-run after an interruption resumes from ``<target>.part`` and says how much was resumed.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Final

import typer

from wxkefu_ext.cli._common import client_session, err_console, print_json, status

__all__ = ["register"]

media_app = typer.Typer(help="Temporary media (3 days): upload and download.", no_args_is_help=True)

#: Below this, no progress display (it would only flicker).
_PROGRESS_MIN_BYTES: Final = 1024 * 1024
_MEDIA_TYPES: Final = ("image", "voice", "video", "file")


def _human(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"  # pragma: no cover


@media_app.command("upload")
def media_upload(
    media_type: Annotated[str, typer.Argument(help="image | voice | video | file")],
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="The file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Upload a file as temporary media; prints the media_id."""
    from wxkefu_ext import media
    from wxkefu_ext.errors import KfValidationError

    if media_type not in _MEDIA_TYPES:
        raise KfValidationError(
            f"unknown media type {media_type!r}", field="TYPE", limit=" | ".join(_MEDIA_TYPES)
        )
    size = path.stat().st_size
    with client_session() as kf, _progress(f"uploading {path.name}", size) as on_progress:
        result = media.upload(kf, media_type, path, on_progress=on_progress)  # type: ignore[arg-type]
    if as_json:
        print_json(
            {
                "media_id": result.media_id,
                "type": result.type,
                "created_at": result.created_at,
                "filename": result.filename,
                "size": result.size,
            }
        )
        return
    sys.stdout.write(result.media_id + "\n")
    status(f"uploaded {result.filename} ({_human(result.size)}) as {result.type}")


@contextlib.contextmanager
def _progress(description: str, total: int | None) -> Iterator[Any]:
    """A progress bar with totals on a terminal (bytes, %, speed) for transfers of 1 MB and
    more; yields the ``on_progress(done, total)`` callback (None: no bar)."""
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TransferSpeedColumn,
    )

    console = err_console()
    if not console.is_terminal or (total is not None and total < _PROGRESS_MIN_BYTES):
        yield None
        return
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task(description, total=total)
        lock = threading.Lock()

        def update(done: int, new_total: int | None) -> None:
            with lock:
                if new_total is not None:
                    progress.update(task, total=new_total)
                progress.update(task, completed=done)

        yield update


@media_app.command("get")
def media_get(
    media_id: Annotated[str, typer.Argument(help="The media_id.")],
    output: Annotated[
        str | None,
        typer.Option(
            "-o", "--output", help="Target path, or - for stdout (default: ./<media_id>)."
        ),
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume/--no-resume", help="Continue an existing <path>.part.")
    ] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Download temporary media (streamed; resumable with HTTP Range)."""
    from wxkefu_ext import media

    with client_session() as kf:
        if output == "-":
            result = media.download_to(kf, media_id, sys.stdout.buffer)
            sys.stdout.buffer.flush()
            status(f"wrote {_human(result.size)} to stdout")
            return
        target = Path(output) if output else Path(_safe_name(media_id))
        result = _download_with_progress(kf, media_id, target, resume)
    info = {
        "path": result.path,
        "size": result.size,
        "total_size": result.total_size,
        "content_type": result.content_type,
        "filename": result.filename,
        "resumed": result.resumed,
        "resumed_bytes": result.resumed_bytes,
    }
    if as_json:
        print_json(info)
        return
    sys.stdout.write(f"{result.path}\n")
    name = f" (server name {result.filename!r})" if result.filename else ""
    status(f"saved {_human(result.size)} {result.content_type or ''}{name}".rstrip())
    if result.resumed_bytes:
        status(
            f"resumed: {_human(result.resumed_bytes)} were already in {target.name}.part, "
            f"{_human(result.size - result.resumed_bytes)} downloaded now"
        )


def _download_with_progress(kf: Any, media_id: str, target: Path, resume: bool) -> Any:
    from wxkefu_ext import media

    # the total is unknown until the reply's Content-Length arrives: the bar gets it then
    with _progress(f"downloading {target.name}", None) as on_progress:
        return media.download_to(kf, media_id, target, resume=resume, on_progress=on_progress)


def _safe_name(media_id: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in "-_." else "_" for c in media_id).strip(".")
    return cleaned[:120] or "media"


def register(app: typer.Typer) -> None:
    app.add_typer(media_app, name="media")
