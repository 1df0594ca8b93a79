"""``wxkefu``: the command line of the toolkit.

Commands (``wxkefu COMMAND --help`` for each)::

    keygen                       new callback Token + EncodingAESKey (or --check the env ones)
    explain ERRCODE [ERRMSG]     what a WeCom errcode means and what to do
    token                        fetch an access_token (masked unless --reveal)
    accounts list|add|del|link   Kf accounts
    send text|image|...          send a message (send_msg, or send_msg_on_event with --code)
    recall MSGID                 recall a message sent within 2 minutes
    pull                         drain kf/sync_msg as JSON lines (cursor kept in --cursor-file)
    media upload|get             temporary media, streamed download with a progress bar
    emulator                     run the local Kf emulator and print its base URL
    callback serve               a local callback endpoint printing decrypted events

Configuration comes from the environment, like ``KfClient.from_env()``: ``WXKF_CORP_ID``,
``WXKF_APP_SECRET``, ``WXKF_BASE_URL`` (``--base-url`` wins); callbacks use ``WXKF_TOKEN``,
``WXKF_ENCODING_AES_KEY`` and ``WXKF_CORP_ID`` / ``WXKF_RECEIVER_ID``.

Why this layout: the command modules import only typer at import time, so ``wxkefu --help``
stays fast; every failure is reported by :func:`main` in one place — the explained errcode
for API errors, masked of every secret — with a distinct exit code per kind of failure.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Annotated

try:
    import rich  # noqa: F401 - the cli extra: typer and rich
    import typer
except ImportError as exc:  # the "cli" extra
    from wxkefu_ext._extras import missing_extra

    raise missing_extra("the wxkefu command line", exc) from exc

from wxkefu_ext.cli import _common
from wxkefu_ext.cli._common import (
    EXIT_API,
    EXIT_CALLBACK,
    EXIT_CONFIG,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_TRANSPORT,
)

__all__ = ["app", "main"]

_EPILOG = (
    "Environment: WXKF_CORP_ID, WXKF_APP_SECRET, WXKF_BASE_URL (API); WXKF_TOKEN, "
    "WXKF_ENCODING_AES_KEY, WXKF_RECEIVER_ID (callbacks); WXKF_OPEN_KFID, WXKF_TOUSER "
    "(defaults for --kf / --to). Exit codes: 0 ok, 1 WeCom errcode, 2 usage or configuration, "
    "3 network or malformed reply, 4 callback verification, 130 interrupted."
)

app = typer.Typer(
    name="wxkefu",
    help="Command line for the WeCom 微信客服 (Kf) API and its local emulator.",
    epilog=_EPILOG,
    no_args_is_help=True,
    add_completion=False,
    # Locals in tracebacks could show a secret; main() reports errors itself anyway.
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("wxkefu")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown (not installed)"


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"wxkefu {_version()}")
        raise typer.Exit()


@app.callback()
def _root(
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            help="API base URL, e.g. the emulator's http://127.0.0.1:8765/cgi-bin "
            "(default: WXKF_BASE_URL, else the real WeCom API).",
            show_default=False,
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, help="HTTP timeout in seconds.")
    ] = 10.0,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Command line for the WeCom 微信客服 (Kf) API and its local emulator."""
    s = _common.settings()
    s.base_url = base_url
    s.timeout = timeout


def _register() -> None:
    # Imported here so that each module registers onto `app`; all of them import only typer.
    from wxkefu_ext.cli import api, keys, media_cmd, pull, send, serve

    keys.register(app)
    api.register(app)
    send.register(app)
    pull.register(app)
    media_cmd.register(app)
    serve.register(app)


_register()


def _report(exc: BaseException) -> int:
    """Print ``exc`` for a person (masked) and pick the exit code."""
    from rich.text import Text

    from wxkefu_ext.errors import (
        CallbackError,
        ConfigurationError,
        KfApiError,
        KfError,
        KfResponseError,
        KfTransportError,
        KfValidationError,
    )

    console = _common.err_console()
    text = _common.mask(str(exc))
    if isinstance(exc, KfApiError):
        # str(KfApiError) is the explain() line: meaning, hint, retry advice, request id, URL.
        console.print(Text("error: ", style="bold red") + Text(text))
        return EXIT_API
    if isinstance(exc, KfValidationError | ConfigurationError):
        console.print(Text("error: ", style="bold red") + Text(text))
        return EXIT_CONFIG
    if isinstance(exc, KfTransportError | KfResponseError):
        console.print(Text(f"error ({type(exc).__name__}): ", style="bold red") + Text(text))
        if isinstance(exc, KfTransportError):
            console.print(Text(_common.mask(_common.transport_hint()), style="dim"))
        return EXIT_TRANSPORT
    if isinstance(exc, CallbackError):
        from wxkefu_ext.errors import explain

        line = explain(exc.code) if exc.code else ""
        console.print(Text("error: ", style="bold red") + Text(text))
        if line:
            console.print(Text(_common.mask(line), style="dim"))
        return EXIT_CALLBACK
    if isinstance(exc, KfError):
        console.print(Text(f"error ({type(exc).__name__}): ", style="bold red") + Text(text))
        return EXIT_API
    if isinstance(exc, OSError):
        console.print(Text("error: ", style="bold red") + Text(text))
        return EXIT_CONFIG
    # A bug: say so, without a traceback full of locals (WXKEFU_DEBUG=1 re-raises).
    console.print(
        Text(f"internal error ({type(exc).__name__}): ", style="bold red")
        + Text(text)
        + Text(" — please report it; set WXKEFU_DEBUG=1 for the traceback", style="dim")
    )
    return EXIT_INTERNAL


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``wxkefu`` console script; returns the exit code."""
    import os

    args = list(sys.argv[1:] if argv is None else argv)
    command = typer.main.get_command(app)
    try:
        result = command.main(args=args, prog_name="wxkefu", standalone_mode=False)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        _common.err_console().print("interrupted")
        return EXIT_INTERRUPTED
    except Exception as exc:
        # Usage errors (typer's vendored click, or click itself in older typer): they know how
        # to show themselves.
        show = getattr(exc, "show", None)
        if callable(show) and isinstance(getattr(exc, "exit_code", None), int):
            show()
            return int(exc.exit_code)  # type: ignore[attr-defined]
        if os.environ.get("WXKEFU_DEBUG") == "1":
            # the traceback, then the same report and exit code as without debugging
            import traceback

            sys.stderr.write(_common.mask("".join(traceback.format_exception(exc))))
        return _report(exc)
    return int(result) if isinstance(result, int) else 0
