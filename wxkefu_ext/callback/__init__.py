"""Receiving WeCom Kf callbacks: verify, decrypt, parse — and ready-made endpoints.

Quick use::

    from wxkefu_ext.callback import CallbackCrypto
    crypto = CallbackCrypto(token, encoding_aes_key, corp_id, max_age=300)
    echo = crypto.verify_url(msg_signature, timestamp, nonce, echostr)          # GET
    event = crypto.handle_post(msg_signature, timestamp, nonce, request_body)   # POST
    if isinstance(event, KfMsgOrEvent):
        ...  # kf/sync_msg with event.token and event.open_kfid

Endpoints: :func:`wxkefu_ext.callback.asgi.callback_app` (Starlette) and
:func:`wxkefu_ext.callback.wsgi.wsgi_callback_app` / ``flask_view`` (imported from their
modules so that this package does not import Starlette or Flask).

Every failure is a :class:`CallbackError` subclass with the official -400xx ``code``.
"""

from __future__ import annotations

from wxkefu_ext.callback import errors as _errors
from wxkefu_ext.callback.errors import *  # noqa: F403 - every name of errors.__all__

# isort: split
from wxkefu_ext.callback.core import (
    CallbackCrypto,
    PostEnvelope,
    ReceivedCallback,
    SignedCallback,
    build_post_envelope,
    build_url_check,
    dedupe_key_for,
    parse_post_envelope,
    verify_and_decrypt_echostr,
    verify_and_decrypt_post_body,
)
from wxkefu_ext.callback.dedupe import (
    AsyncDedupeStore,
    AsyncRedisDedupeStore,
    DedupeStore,
    MemoryDedupeStore,
    RedisDedupeStore,
)
from wxkefu_ext.callback.parse import (
    CallbackEvent,
    KfAccountAuthChange,
    KfMsgOrEvent,
    UnknownCallbackEvent,
    parse_callback,
)
from wxkefu_ext.crypto import decrypt_b64_message, encrypt_message, signature

__all__ = [
    *_errors.__all__,
    "AsyncDedupeStore",
    "AsyncRedisDedupeStore",
    "CallbackCrypto",
    "CallbackEvent",
    "DedupeStore",
    "KfAccountAuthChange",
    "KfMsgOrEvent",
    "MemoryDedupeStore",
    "PostEnvelope",
    "ReceivedCallback",
    "RedisDedupeStore",
    "SignedCallback",
    "UnknownCallbackEvent",
    "build_post_envelope",
    "build_url_check",
    "decrypt_b64_message",
    "dedupe_key_for",
    "encrypt_message",
    "parse_callback",
    "parse_post_envelope",
    "signature",
    "verify_and_decrypt_echostr",
    "verify_and_decrypt_post_body",
]
