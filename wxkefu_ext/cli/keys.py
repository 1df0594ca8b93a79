"""``wxkefu keygen`` and ``wxkefu explain``: offline helpers (no credentials, no network).

Why: a hand-typed EncodingAESKey and a misread errcode are the two most common first-day
problems (peers.md); both commands answer without touching the API.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from wxkefu_ext.cli._common import EXIT_CONFIG, fail, print_json, status

__all__ = ["register"]


def keygen(
    token_length: Annotated[
        int, typer.Option("--token-length", min=1, max=32, help="Token length (1..32).")
    ] = 32,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            help="env: KEY=value lines; export: shell `export` lines; json: one object.",
        ),
    ] = "env",
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Instead of generating, check WXKF_TOKEN and WXKF_ENCODING_AES_KEY from the "
            "environment (never printing them).",
        ),
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="With --check: demand a canonical key.")
    ] = False,
) -> None:
    """Generate a callback Token and EncodingAESKey for the admin console (or --check yours).

    The generated values are printed on stdout once, for you to paste into the console and
    your secret store; keep them out of shell history and logs.
    """
    from wxkefu_ext import keygen as kg

    if check:
        _check(strict)
        return
    if fmt not in ("env", "export", "json"):
        raise fail(f"--format must be env, export or json, got {fmt!r}")
    token = kg.generate_token(token_length)
    key = kg.generate_encoding_aes_key()
    if fmt == "json":
        print_json({"WXKF_TOKEN": token, "WXKF_ENCODING_AES_KEY": key})
        return
    prefix = "export " if fmt == "export" else ""
    sys.stdout.write(f"{prefix}WXKF_TOKEN={token}\n{prefix}WXKF_ENCODING_AES_KEY={key}\n")
    status("Paste both into 微信客服 → API → 回调配置 and into your secret store.")


def _check(strict: bool) -> None:
    from wxkefu_ext import keygen as kg

    token = os.environ.get("WXKF_TOKEN")
    key = os.environ.get("WXKF_ENCODING_AES_KEY") or os.environ.get("WXKF_AES_KEY")
    problems: list[str] = []
    if token is None:
        problems.append("WXKF_TOKEN is not set")
    else:
        problem = kg.explain_token_problem(token)
        if problem:
            problems.append(f"WXKF_TOKEN: {problem}")
    if key is None:
        problems.append("WXKF_ENCODING_AES_KEY is not set")
    else:
        problem = kg.explain_encoding_aes_key_problem(key, strict=strict)
        if problem:
            problems.append(f"WXKF_ENCODING_AES_KEY: {problem}")
    if problems:
        for p in problems:
            status(f"✗ {p}", style="red")
        raise typer.Exit(EXIT_CONFIG)
    status("✓ WXKF_TOKEN and WXKF_ENCODING_AES_KEY are valid", style="green")


def explain(
    errcode: Annotated[str, typer.Argument(help="The errcode, e.g. 95018 or -40001.")],
    errmsg: Annotated[
        str | None, typer.Argument(help="The server's errmsg (adds request id, IP, warnings).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Explain a WeCom errcode: meaning, category, what to do, whether to retry."""
    from wxkefu_ext import errors

    try:
        code = int(errcode.strip())
    except ValueError:
        raise fail(f"ERRCODE must be an integer, got {errcode!r}") from None
    line = errors.explain(code, errmsg or "")
    if not as_json:
        sys.stdout.write(line + "\n")
        return
    info = errors.lookup(code)
    print_json(
        {
            "errcode": code,
            "known": info is not None,
            "name_en": info.name_en if info else None,
            "name_zh": info.name_zh if info else None,
            "category": errors.category_for(code),
            "exception": errors.error_class_for(code).__name__,
            "retry": errors.should_retry(code),
            "refresh_token": errors.should_refresh_token(code),
            "hint": errors.hint_for(code),
            "explain": line,
        }
    )


def register(app: typer.Typer) -> None:
    app.command("keygen")(keygen)
    # Negative codes (-40001) must reach the argument, not be taken for options.
    app.command(
        "explain", context_settings={"ignore_unknown_options": True, "allow_extra_args": False}
    )(explain)
