"""What every ``wxkefu`` command shares: settings, the client, output and error reporting.

Why a module of its own: each command module imports only this one (plus typer) at import
time, so ``wxkefu --help`` never pays for httpx, the generated client or the emulator. The
heavy imports happen inside :func:`make_client` and the command bodies.

Secrets: the corp secret, callback Token, EncodingAESKey, every access_token the CLI fetched
and every sync_msg token given on the command line are registered with :func:`remember_secret`;
:func:`mask` removes all of them (and ``access_token=...``-style query values) from any text
the CLI prints about a failure or its own progress.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

import typer

from wxkefu_ext._redact import Secret, redact_text

if TYPE_CHECKING:  # pragma: no cover - typing only
    from rich.console import Console

    from wxkefu_ext.client import KfClient

__all__ = [
    "ENV_APP_SECRET",
    "ENV_BASE_URL",
    "ENV_CORP_ID",
    "EXIT_API",
    "EXIT_CONFIG",
    "EXIT_TRANSPORT",
    "Settings",
    "client_session",
    "env_first",
    "err_console",
    "make_client",
    "mask",
    "out_console",
    "print_json",
    "remember_secret",
    "settings",
    "status",
]

ENV_CORP_ID: Final = "WXKF_CORP_ID"
ENV_APP_SECRET: Final = "WXKF_APP_SECRET"  # noqa: S105 - a variable name
ENV_BASE_URL: Final = "WXKF_BASE_URL"

#: Environment variables whose values are secrets wherever they appear.
SECRET_ENV: Final = (
    ENV_APP_SECRET,
    "WXKF_TOKEN",
    "WXKF_ENCODING_AES_KEY",
    "WXKF_AES_KEY",
    "WXKF_SYNC_TOKEN",
)

#: Exit codes (documented in ``wxkefu --help``).
EXIT_API: Final = 1  # WeCom answered errcode != 0 (or another toolkit error)
EXIT_CONFIG: Final = 2  # usage, bad input caught before sending, missing configuration
EXIT_TRANSPORT: Final = 3  # network failure, or a reply that is not the documented JSON
EXIT_CALLBACK: Final = 4  # callback verification / decryption failure
EXIT_INTERRUPTED: Final = 130
EXIT_INTERNAL: Final = 70

_extra_secrets: list[Secret] = []


def remember_secret(value: str | Secret | None) -> None:
    """Mask ``value`` in everything the CLI prints from now on (tokens it fetched, ...)."""
    if value is None:
        return
    secret = value if isinstance(value, Secret) else Secret(value)
    if secret and secret not in _extra_secrets:
        _extra_secrets.append(secret)


def mask(text: str) -> str:
    """``text`` without any secret the CLI knows about (env secrets, fetched tokens)."""
    env = [os.environ.get(name) for name in SECRET_ENV]
    # Very short values would mask unrelated text (and are not real secrets anyway).
    known: list[str | Secret | None] = [v for v in env if v and len(v) >= 4]
    known.extend(s for s in _extra_secrets if len(s.reveal()) >= 4)
    return redact_text(text, *known)


def env_first(*names: str) -> str | None:
    """The first non-empty environment variable among ``names``."""
    for name in names:
        value = os.environ.get(name)
        if value:
            return value
    return None


@dataclass(slots=True)
class Settings:
    """Options of the root command, shared by every sub-command."""

    base_url: str | None = None
    timeout: float = 10.0


_settings = Settings()


def settings() -> Settings:
    return _settings


# ---------------------------------------------------------------------------------------------
# Consoles: data to stdout, people-facing text to stderr
# ---------------------------------------------------------------------------------------------


def out_console() -> Console:
    """Rich console on stdout (tables). Created per call so it follows ``sys.stdout``."""
    from rich.console import Console

    return Console(file=sys.stdout, soft_wrap=True, highlight=False)


def err_console() -> Console:
    """Rich console on stderr (status lines, progress bars, errors)."""
    from rich.console import Console

    return Console(file=sys.stderr, soft_wrap=True, highlight=False)


def status(text: str, *, style: str | None = "dim") -> None:
    """A masked status line on stderr. Printed as plain text: server text can contain
    ``[...]`` that rich would otherwise read as markup."""
    from rich.text import Text

    err_console().print(Text(mask(text), style=style or ""))


def print_json(value: Any) -> None:
    """One JSON document per line on stdout (UTF-8, no ASCII escapes)."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, sort_keys=False) + "\n")
    sys.stdout.flush()


# ---------------------------------------------------------------------------------------------
# The client
# ---------------------------------------------------------------------------------------------


def make_client() -> KfClient:
    """A :class:`~wxkefu_ext.client.KfClient` from ``WXKF_CORP_ID`` / ``WXKF_APP_SECRET``
    (and ``WXKF_BASE_URL``), like ``KfClient.from_env()``; ``--base-url`` wins over the env."""
    from wxkefu_ext.errors import ConfigurationError

    corp_id = os.environ.get(ENV_CORP_ID, "").strip()
    secret = os.environ.get(ENV_APP_SECRET, "").strip()
    missing = [n for n, v in ((ENV_CORP_ID, corp_id), (ENV_APP_SECRET, secret)) if not v]
    if missing:
        raise ConfigurationError(
            f"{' and '.join(missing)} not set: export the WeCom corp id and the 微信客服 "
            "Secret (or run `wxkefu emulator` and export the credentials it prints)"
        )
    from wxkefu_ext.client import KfClient

    base_url = _settings.base_url or os.environ.get(ENV_BASE_URL) or None
    kwargs: dict[str, Any] = {"timeout": _settings.timeout}
    if base_url:
        kwargs["base_url"] = base_url
    return KfClient(corp_id, secret, **kwargs)


def effective_base_url() -> tuple[str, str]:
    """The base URL the client uses and where it came from (``--base-url``, the env, the
    default)."""
    if _settings.base_url:
        return _settings.base_url, "--base-url"
    env = os.environ.get(ENV_BASE_URL)
    if env:
        return env, ENV_BASE_URL
    from wxkefu_ext.client import DEFAULT_BASE_URL

    return DEFAULT_BASE_URL, "default"


def transport_hint() -> str:
    """What a network failure most likely means: which host:port was tried, and from where."""
    from urllib.parse import urlsplit

    url, source = effective_base_url()
    parts = urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        port = None
    where = f"{parts.hostname or url}:{port}" if port else (parts.hostname or url)
    origin = {"--base-url": "from --base-url", "default": "the default"}.get(
        source, f"from {ENV_BASE_URL}"
    )
    return (
        f"could not talk to {where} (base URL {url}, {origin}); check {ENV_BASE_URL} — for "
        "the local emulator run `wxkefu emulator` and export the WXKF_BASE_URL it prints"
    )


@contextmanager
def client_session() -> Iterator[KfClient]:
    """``with client_session() as kf:`` — a client closed at the end of the command."""
    kf = make_client()
    try:
        yield kf
    finally:
        kf.close()


def fail(message: str, code: int = EXIT_CONFIG) -> typer.Exit:
    """Print ``message`` (masked) on stderr and return the Exit to raise."""
    from rich.text import Text

    err_console().print(Text("error: ", style="bold red") + Text(mask(message)))
    return typer.Exit(code)
