"""``wxkefu token`` and ``wxkefu accounts list|add|del|link``.

Why these go through the resource API (``kf.account.list(...)``...): one code path for auth,
retries and errcode → typed exceptions, which :func:`wxkefu_ext.cli.main` turns into the
explained error line.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from wxkefu_ext.cli._common import client_session, out_console, print_json, remember_secret, status

__all__ = ["register", "reveal_token"]

accounts_app = typer.Typer(help="Kf accounts (客服账号).", no_args_is_help=True)


def reveal_token(value: object) -> str:
    """The raw token string, whatever wrapper the client returned it in."""
    reveal = getattr(value, "reveal", None)
    return str(reveal() if callable(reveal) else value)


def masked(token: str) -> str:
    """Enough of a token to tell two apart, never enough to use it."""
    if len(token) <= 12:
        return "***"
    return f"{token[:4]}…{token[-4:]} ({len(token)} chars)"


def token(
    reveal: Annotated[
        bool,
        typer.Option(
            "--reveal",
            help="Print the raw access_token alone on stdout (for $(wxkefu token --reveal)); "
            "it grants API access for 2 hours, so keep it out of logs.",
        ),
    ] = False,
) -> None:
    """Fetch an access_token with WXKF_CORP_ID / WXKF_APP_SECRET (printed masked)."""
    with client_session() as kf:
        raw = reveal_token(kf.access_token())
        remember_secret(raw)
        if reveal:
            sys.stdout.write(raw + "\n")
            return
        sys.stdout.write(f"access_token={masked(raw)}\n")
    status(
        "token OK — fetched for this command only (nothing is cached between runs; a program "
        "keeps one KfClient, which caches and refreshes it); --reveal prints it"
    )


def _account_rows(kf: Any, offset: int, limit: int, fetch_all: bool) -> list[dict[str, Any]]:
    page = kf.account.list(offset=offset, limit=limit)
    accounts = page if fetch_all else page.items  # a page iterates every following page
    return [account.to_dict() for account in accounts]


@accounts_app.command("list")
def accounts_list(
    offset: Annotated[int, typer.Option(min=0, help="Zero-based offset.")] = 0,
    limit: Annotated[int, typer.Option(min=1, max=100, help="Page size (1..100).")] = 100,
    fetch_all: Annotated[bool, typer.Option("--all", help="Follow pages to the end.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List Kf accounts (open_kfid, name, avatar)."""
    with client_session() as kf:
        rows = _account_rows(kf, offset, limit, fetch_all)
    if as_json:
        for row in rows:
            print_json(row)
        return
    print_accounts(rows)
    status(f"{len(rows)} account(s)")


def print_accounts(rows: list[dict[str, Any]]) -> None:
    """A table on a terminal, tab-separated lines (no header) when piped. Never truncates an
    id: a clipped open_kfid pasted back gives 95004. Only the avatar URL may be shortened on a
    narrow terminal (``--json`` has it whole)."""
    cells = [
        (
            str(row.get("open_kfid", "")),
            str(row.get("name", "")),
            _privilege(row.get("manage_privilege")),
            str(row.get("avatar", "")),
        )
        for row in rows
    ]
    console = out_console()
    if not console.is_terminal:
        for line in cells:
            sys.stdout.write("\t".join(c.replace("\t", " ").replace("\n", " ") for c in line))
            sys.stdout.write("\n")
        sys.stdout.flush()
        return
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    width = max((len(c[0]) for c in cells), default=9)
    table.add_column("open_kfid", no_wrap=True, min_width=width, overflow="ignore")
    table.add_column("name", no_wrap=True, overflow="ignore")
    table.add_column("manage", no_wrap=True)
    table.add_column("avatar", no_wrap=True, overflow="ellipsis", ratio=1)
    for line in cells:
        table.add_row(*line)
    console.print(table, soft_wrap=False)


def _privilege(value: Any) -> str:
    return "" if value is None else ("yes" if value else "no")


@accounts_app.command("add")
def accounts_add(
    name: Annotated[str, typer.Argument(help="Account name (≤16 characters).")],
    avatar: Annotated[
        Path | None,
        typer.Option("--avatar", exists=True, dir_okay=False, help="Avatar image, uploaded first."),
    ] = None,
    media_id: Annotated[
        str | None, typer.Option("--media-id", help="Avatar media_id from `media upload`.")
    ] = None,
) -> None:
    """Create a Kf account; prints its open_kfid."""
    from wxkefu_ext.errors import KfValidationError

    if (avatar is None) == (media_id is None):
        raise KfValidationError(
            "give exactly one of --avatar FILE or --media-id ID", field="avatar"
        )
    _check_name(name)  # before anything is uploaded
    with client_session() as kf:
        if avatar is not None:
            from wxkefu_ext import media

            media_id = media.upload(kf, "image", avatar).media_id
            status(f"avatar uploaded: media_id={media_id}")
        if media_id is None:  # unreachable: exactly one of --avatar / --media-id was checked
            raise KfValidationError("no avatar media_id", field="avatar")
        added = kf.account.add(name=name, media_id=media_id)
    sys.stdout.write(f"{added.open_kfid}\n")


def _check_name(name: str) -> None:
    """The account name against the spec's AccountAddReq limits (1..16 characters)."""
    from wxkefu_client._limits import limit
    from wxkefu_ext.errors import KfValidationError

    bounds = limit("AccountAddReq", "name")
    low, high = int(bounds.min_length or 1), int(bounds.max_length or 16)
    if not low <= len(name) <= high:
        raise KfValidationError(
            f"the name has {len(name)} characters (nothing was uploaded)",
            field="name",
            limit=f"{low}..{high} characters",
        )


KfOpt = Annotated[
    str | None,
    typer.Option(
        "--kf",
        envvar="WXKF_OPEN_KFID",
        help="The account's open_kfid [env WXKF_OPEN_KFID].",
        show_envvar=False,
    ),
]


def _need_kf(kf: str | None) -> str:
    from wxkefu_ext.errors import KfValidationError

    if not kf:
        raise KfValidationError("--kf (or WXKF_OPEN_KFID) is required", field="--kf")
    return kf


@accounts_app.command("del")
def accounts_del(kf_id: KfOpt = None) -> None:
    """Delete a Kf account (--kf)."""
    open_kfid = _need_kf(kf_id)
    with client_session() as kf:
        kf.account.del_(open_kfid=open_kfid)
    status(f"deleted {open_kfid}", style="green")


@accounts_app.command("link")
def accounts_link(
    kf_id: KfOpt = None,
    scene: Annotated[
        str | None, typer.Option(help="Scene value (≤32 bytes of [0-9a-zA-Z_-]).")
    ] = None,
) -> None:
    """Get the customer-facing contact link (kf/add_contact_way) of --kf."""
    from wxkefu_client.types import UNSET

    open_kfid = _need_kf(kf_id)
    with client_session() as kf:
        link = kf.add_contact_way(open_kfid=open_kfid, scene=scene or UNSET)  # "" is never sent
    sys.stdout.write(f"{link.url}\n")


def register(app: typer.Typer) -> None:
    app.command("token")(token)
    app.add_typer(accounts_app, name="accounts")
