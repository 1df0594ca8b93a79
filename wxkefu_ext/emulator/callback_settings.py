"""Validation of the emulator's callback settings, where they are given.

Why: a bad EncodingAESKey used to be accepted by the constructor, the CLI and the control API
and only fail on the first push — inside the pusher thread, which then died, so every later
callback was silently lost. Checking here (the constructor and the CLI raise, the control API
answers 400 with the reason) turns that into an immediate, explained error.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from wxkefu_ext._redact import Secret
from wxkefu_ext.errors import KfValidationError
from wxkefu_ext.keygen import explain_encoding_aes_key_problem

__all__ = ["check_callback_settings"]


def check_callback_settings(
    url: object, token: str | Secret | None, encoding_aes_key: str | Secret | None
) -> None:
    """Raise :class:`~wxkefu_ext.errors.KfValidationError` (a ``ValueError``) naming the first
    problem; ``url=None`` (callbacks off) accepts any token/key. Never echoes a secret."""
    if url is None:
        return
    if not isinstance(url, str) or not url:
        raise KfValidationError("must be an http(s) URL string or null", field="callback url")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise KfValidationError(
            "must be an absolute http:// or https:// URL with a host", field="callback url"
        )
    if token is None or encoding_aes_key is None:
        raise KfValidationError("a callback url needs a token and an encoding_aes_key")
    raw_token = token.reveal() if isinstance(token, Secret) else token
    if not isinstance(raw_token, str) or not raw_token:
        raise KfValidationError("must be a non-empty string", field="callback token")
    if not isinstance(encoding_aes_key, str | Secret):
        raise KfValidationError("must be a string", field="encoding_aes_key")
    problem = explain_encoding_aes_key_problem(encoding_aes_key)
    if problem is not None:
        raise KfValidationError(problem, field="encoding_aes_key")
