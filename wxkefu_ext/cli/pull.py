"""``wxkefu pull``: drain ``kf/sync_msg`` to JSON lines on stdout.

Why through :class:`~wxkefu_ext.pagination.SyncMsgPager`: it pulls until ``has_more == 0`` (not
until an empty page), stops on a cursor that does not advance, and commits the cursor only
after the page was written — with ``--cursor-file`` a second run continues exactly where the
first one stopped, and a run killed mid-page repeats that page rather than losing it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from wxkefu_ext.cli._common import client_session, print_json, remember_secret, status

__all__ = ["register"]


def _account_ids(kf: Any) -> list[str]:
    # kf.account.list() pages by offset; iterating the page walks every following page.
    return [str(a.open_kfid) for a in kf.account.list() if a.open_kfid]


def pull(
    kf: Annotated[
        list[str] | None,
        typer.Option(
            "--kf",
            envvar="WXKF_OPEN_KFID",
            help="open_kfid to pull (repeatable; default: every account) [env WXKF_OPEN_KFID].",
            show_envvar=False,
        ),
    ] = None,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar="WXKF_SYNC_TOKEN",
            help="The Token of a kf_msg_or_event callback (10 min; lifts the strict rate "
            "limit) [env WXKF_SYNC_TOKEN].",
            show_envvar=False,
        ),
    ] = None,
    cursor_file: Annotated[
        Path | None,
        typer.Option(
            "--cursor-file",
            dir_okay=False,
            help="JSON file keeping next_cursor per account; continue from it next time.",
        ),
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, max=1000, help="Page size.")] = None,
    voice_format: Annotated[
        int | None, typer.Option(min=0, max=1, help="0 AMR (default), 1 SILK.")
    ] = None,
    from_now: Annotated[
        bool,
        typer.Option(
            "--from-now", help="Without a stored cursor: skip history, just store the cursor."
        ),
    ] = False,
) -> None:
    """Pull messages and events (kf/sync_msg) as JSON lines on stdout."""
    from wxkefu_ext.cursors import CursorStore, FileCursorStore, MemoryCursorStore
    from wxkefu_ext.pagination import SyncMsgPager

    remember_secret(token)
    store: CursorStore = FileCursorStore(cursor_file) if cursor_file else MemoryCursorStore()
    total = 0
    with client_session() as session:
        ids = list(kf or []) or _account_ids(session)
        if not ids:
            status("no Kf accounts to pull from")
            return
        for open_kfid in ids:
            pager = SyncMsgPager(
                session,
                open_kfid,
                token=token,
                cursor_store=store,
                limit=limit,
                voice_format=voice_format,
                start_from_now=from_now,
            )

            def write(page: Any) -> None:
                for raw in page.raw_messages:
                    print_json(raw)
                sys.stdout.flush()

            result = pager.handle(write)
            total += result.delivered
            extra = f", {result.skipped} skipped (--from-now)" if result.skipped else ""
            status(f"{open_kfid}: {result.delivered} message(s) in {result.pages} page(s){extra}")
    status(f"pulled {total} message(s)")


def register(app: typer.Typer) -> None:
    app.command("pull")(pull)
