"""``wxkefu send <msgtype>`` and ``wxkefu recall``.

Why each msgtype is its own sub-command: the options differ per type, and the builders of
:mod:`wxkefu_ext.messages` check every limit before anything is sent, so a too-long title is a
clear exit-2 error naming the field, not a round trip. Media messages accept ``--file PATH``
(uploaded first) as well as ``--media-id``. ``text`` and ``menu`` take ``--code`` to answer an
event (welcome_code / msg_code) through ``send_msg_on_event`` instead.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Final

import typer

from wxkefu_ext.cli._common import client_session, status

if TYPE_CHECKING:  # pragma: no cover
    from wxkefu_ext.messages import OutgoingMessage

__all__ = ["parse_menu_item", "register"]

send_app = typer.Typer(
    help="Send a message to a customer (kf/send_msg; --code: kf/send_msg_on_event).",
    no_args_is_help=True,
)

ToOpt = Annotated[
    str | None,
    typer.Option(
        "--to",
        envvar=["WXKF_TOUSER", "WXKF_EXTERNAL_USERID"],
        help="Customer external_userid [env WXKF_TOUSER].",
        show_envvar=False,
    ),
]
KfOpt = Annotated[
    str | None,
    typer.Option(
        "--kf",
        envvar="WXKF_OPEN_KFID",
        help="Sending Kf account open_kfid [env WXKF_OPEN_KFID].",
        show_envvar=False,
    ),
]
MsgIdOpt = Annotated[
    str | None,
    typer.Option("--msgid", help="Your msgid (≤32 of [0-9A-Za-z_-]); generated when omitted."),
]
CodeOpt = Annotated[
    str | None,
    typer.Option(
        "--code",
        help="Answer an event instead: welcome_code (enter_session) or msg_code; "
        "--to/--kf are then not used.",
    ),
]
MediaIdOpt = Annotated[str | None, typer.Option("--media-id", help="An uploaded media_id.")]
FileOpt = Annotated[
    Path | None,
    typer.Option("--file", exists=True, dir_okay=False, help="A local file, uploaded first."),
]

ThumbIdOpt = Annotated[str | None, typer.Option(help="Thumbnail media_id.")]
ThumbOpt = Annotated[
    Path | None, typer.Option(exists=True, dir_okay=False, help="Thumbnail image file.")
]


def _deliver(
    message: OutgoingMessage,
    to: str | None,
    kf_id: str | None,
    msgid: str | None,
    code: str | None = None,
    kf: Any = None,
) -> None:
    from wxkefu_ext import messages
    from wxkefu_ext.errors import KfValidationError

    if code is None:
        missing = [n for n, v in (("--to", to), ("--kf", kf_id)) if not v]
        if missing:
            raise KfValidationError(
                f"{' and '.join(missing)} required (or WXKF_TOUSER / WXKF_OPEN_KFID)",
                field=missing[0],
            )
    if kf is None:
        with client_session() as session:
            _deliver(message, to, kf_id, msgid, code, session)
        return
    if code is not None:
        sent = messages.send_on_event(kf, code, message, msgid=msgid)
    else:
        assert to is not None and kf_id is not None
        sent = messages.send(kf, to, kf_id, message, msgid=msgid)
    sys.stdout.write(sent + "\n")
    status(f"sent {message.msgtype} msgid={sent}", style="green")


def _media_message(
    kind: str,
    media_id: str | None,
    file: Path | None,
    to: str | None,
    kf_id: str | None,
    msgid: str | None,
) -> None:
    from wxkefu_ext import media, messages
    from wxkefu_ext.errors import KfValidationError

    if (media_id is None) == (file is None):
        raise KfValidationError("give exactly one of --media-id or --file", field="media_id")
    builder = getattr(messages, kind)
    with client_session() as kf:
        if file is not None:
            media_id = media.upload(kf, kind, file).media_id  # type: ignore[arg-type]
            status(f"uploaded {file.name}: media_id={media_id}")
        _deliver(builder(media_id), to, kf_id, msgid, kf=kf)


def _thumb(kf: Any, thumb_media_id: str | None, thumb: Path | None) -> str:
    from wxkefu_ext import media
    from wxkefu_ext.errors import KfValidationError

    if (thumb_media_id is None) == (thumb is None):
        raise KfValidationError(
            "give exactly one of --thumb-media-id or --thumb FILE", field="thumb_media_id"
        )
    if thumb is not None:
        return media.upload(kf, "image", thumb).media_id
    assert thumb_media_id is not None
    return thumb_media_id


def _card(
    build: Callable[[str], OutgoingMessage],
    thumb_media_id: str | None,
    thumb: Path | None,
    to: str | None,
    kf_id: str | None,
    msgid: str | None,
) -> None:
    """A card with a thumbnail (link, miniprogram): the thumbnail uploaded first if a file."""
    with client_session() as session:
        _deliver(build(_thumb(session, thumb_media_id, thumb)), to, kf_id, msgid, kf=session)


@send_app.command("text")
def send_text(
    content: Annotated[str, typer.Argument(help="The text (≤2048 bytes).")],
    to: ToOpt = None,
    kf: KfOpt = None,
    msgid: MsgIdOpt = None,
    code: CodeOpt = None,
) -> None:
    """A text message."""
    from wxkefu_ext import messages

    _deliver(messages.text(content), to, kf, msgid, code)


#: The media message commands: one implementation, registered once per msgtype.
_MEDIA_COMMANDS: Final = {
    "image": "An image (JPG/PNG ≤10 MB).",
    "voice": "A voice message (AMR ≤2 MB).",
    "video": "A video (MP4 ≤10 MB).",
    "file": "A file (≤20 MB).",
}


def _media_command(kind: str, doc: str) -> Callable[..., None]:
    """``wxkefu send <kind> --media-id ID | --file PATH`` (the file is uploaded first)."""

    def command(
        media_id: MediaIdOpt = None,
        file: FileOpt = None,
        to: ToOpt = None,
        kf: KfOpt = None,
        msgid: MsgIdOpt = None,
    ) -> None:
        _media_message(kind, media_id, file, to, kf, msgid)

    command.__doc__ = doc
    command.__name__ = command.__qualname__ = f"send_{kind}"
    return command


for _kind, _doc in _MEDIA_COMMANDS.items():
    send_app.command(_kind)(_media_command(_kind, _doc))


@send_app.command("link")
def send_link(
    title: Annotated[str, typer.Option(help="Title (≤128 bytes).")],
    url: Annotated[str, typer.Option(help="http(s) URL.")],
    thumb_media_id: ThumbIdOpt = None,
    thumb: ThumbOpt = None,
    desc: Annotated[str | None, typer.Option(help="Description (≤512 bytes).")] = None,
    to: ToOpt = None,
    kf: KfOpt = None,
    msgid: MsgIdOpt = None,
) -> None:
    """A link card (图文链接)."""
    from wxkefu_ext import messages

    _card(lambda t: messages.link(title, url, t, desc), thumb_media_id, thumb, to, kf, msgid)


@send_app.command("miniprogram")
def send_miniprogram(
    appid: Annotated[str, typer.Option(help="Mini-program appid.")],
    pagepath: Annotated[str, typer.Option(help="Page path.")],
    thumb_media_id: ThumbIdOpt = None,
    thumb: ThumbOpt = None,
    title: Annotated[str | None, typer.Option(help="Title (≤64 bytes).")] = None,
    to: ToOpt = None,
    kf: KfOpt = None,
    msgid: MsgIdOpt = None,
) -> None:
    """A mini-program card."""
    from wxkefu_ext import messages

    def build(thumb_id: str) -> OutgoingMessage:
        return messages.miniprogram(appid, thumb_id, pagepath, title)

    _card(build, thumb_media_id, thumb, to, kf, msgid)


def parse_menu_item(spec: str) -> dict[str, Any]:
    """``click:Yes`` / ``click:Yes=id1`` / ``view:Docs=https://...`` / ``text:plain`` /
    ``miniprogram:Open=appid/pages/index`` → a checked menu item."""
    from wxkefu_ext import messages
    from wxkefu_ext.errors import KfValidationError

    kind, sep, rest = spec.partition(":")
    if not sep or not rest:
        raise KfValidationError(
            f"menu item {spec!r} must look like KIND:TEXT",
            field="--item",
            limit="click:TEXT[=ID] | view:TEXT=URL | text:TEXT | miniprogram:TEXT=APPID/PATH",
        )
    label, eq, value = rest.partition("=")
    if kind == "click":
        return messages.menu_click(label, value if eq else None)
    if kind == "text":
        return messages.menu_text(rest)
    if kind == "view" and eq:
        return messages.menu_view(value, label)
    if kind == "miniprogram" and eq and "/" in value:
        appid, _, path = value.partition("/")
        return messages.menu_miniprogram(appid, path, label)
    raise KfValidationError(
        f"menu item {spec!r} is not understood",
        field="--item",
        limit="click:TEXT[=ID] | view:TEXT=URL | text:TEXT | miniprogram:TEXT=APPID/PATH",
    )


@send_app.command("menu")
def send_menu(
    item: Annotated[
        list[str] | None,
        typer.Option(
            "--item",
            help="Repeat in order: click:TEXT[=ID], view:TEXT=URL, text:TEXT, "
            "miniprogram:TEXT=APPID/PATH (≤10).",
        ),
    ] = None,
    head: Annotated[str | None, typer.Option(help="Head text (≤1024 bytes).")] = None,
    tail: Annotated[str | None, typer.Option(help="Tail text (≤1024 bytes).")] = None,
    to: ToOpt = None,
    kf: KfOpt = None,
    msgid: MsgIdOpt = None,
    code: CodeOpt = None,
) -> None:
    """A menu message (msgmenu)."""
    from wxkefu_ext import messages

    items = [parse_menu_item(spec) for spec in item or []]
    message = messages.msgmenu(items, head_content=head, tail_content=tail)
    _deliver(message, to, kf, msgid, code)


@send_app.command("location")
def send_location(
    latitude: Annotated[float, typer.Option("--lat", help="Latitude (-90..90).")],
    longitude: Annotated[float, typer.Option("--lng", help="Longitude (-180..180).")],
    name: Annotated[str | None, typer.Option(help="Place name.")] = None,
    address: Annotated[str | None, typer.Option(help="Address.")] = None,
    to: ToOpt = None,
    kf: KfOpt = None,
    msgid: MsgIdOpt = None,
) -> None:
    """A location."""
    from wxkefu_ext import messages

    _deliver(messages.location(latitude, longitude, name=name, address=address), to, kf, msgid)


@send_app.command("business-card")
def send_business_card(
    userid: Annotated[str, typer.Argument(help="The member's userid.")],
    to: ToOpt = None,
    kf: KfOpt = None,
    msgid: MsgIdOpt = None,
) -> None:
    """A member's business card (one per customer per 48 h)."""
    from wxkefu_ext import messages

    _deliver(messages.business_card(userid), to, kf, msgid)


@send_app.command("ca-link")
def send_ca_link(
    link_url: Annotated[str, typer.Argument(help="The 获客链接 URL.")],
    to: ToOpt = None,
    kf: KfOpt = None,
    msgid: MsgIdOpt = None,
) -> None:
    """A customer-acquisition link (获客链接)."""
    from wxkefu_ext import messages

    _deliver(messages.ca_link(link_url), to, kf, msgid)


@send_app.command("json")
def send_json(
    body: Annotated[
        str, typer.Argument(help='{"msgtype": ..., <msgtype>: {...}}, or - for stdin.')
    ],
    to: ToOpt = None,
    kf: KfOpt = None,
    msgid: MsgIdOpt = None,
    code: CodeOpt = None,
) -> None:
    """Any message type from JSON (checked like the typed commands)."""
    from wxkefu_ext.errors import KfValidationError
    from wxkefu_ext.messages import OutgoingMessage

    text = sys.stdin.read() if body == "-" else body
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise KfValidationError(f"not valid JSON: {exc}", field="body") from None
    _deliver(OutgoingMessage.from_dict(data), to, kf, msgid, code)


def recall(
    msgid: Annotated[str, typer.Argument(help="msgid returned by `send`.")],
    kf: KfOpt = None,
) -> None:
    """Recall a message sent through the API within the last 2 minutes."""
    from wxkefu_ext import messages
    from wxkefu_ext.errors import KfValidationError

    if not kf:
        raise KfValidationError("--kf (or WXKF_OPEN_KFID) is required", field="--kf")
    with client_session() as session:
        messages.recall(session, kf, msgid)
    status(f"recalled {msgid}", style="green")


def register(app: typer.Typer) -> None:
    app.add_typer(send_app, name="send")
    app.command("recall")(recall)
