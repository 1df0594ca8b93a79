"""The exception hierarchy of the toolkit, and the errcode → exception mapping.

Why: WeCom answers almost every failure with HTTP 200 and ``{"errcode", "errmsg"}``; a user
should catch failures by kind. :func:`raise_for_errcode` / :func:`error_from_payload` turn an
error reply into the exception class of its code. What a code *means* (the table, hints,
:func:`explain`) lives in :mod:`wxkefu_ext.errcodes`; every public name of that module is
re-exported here, so older imports (``from wxkefu_ext.errors import explain, lookup``) work.

Exception hierarchy (everything the toolkit raises derives from :class:`KfError`)::

    KfError
    ├── KfApiError                  errcode != 0 (unknown codes and business-area codes: this class)
    │   ├── TokenError              auth_token      (40014, 42001, 41001, ...)
    │   ├── CredentialError         credential      (40001, 40013, ...)
    │   ├── PermissionDeniedError   permission      (48002, 60011, 92000, 48007, ...)
    │   │   └── IpNotAllowedError   ip_whitelist    (60020, ...)
    │   ├── RateLimitError          rate_limit      (45009, 45033, ...)        retryable
    │   ├── SystemBusyError         system          (-1, 6000, ...)            retryable
    │   ├── QuotaExceededError      limit           (45002, 95005, ...)        not retryable
    │   ├── InvalidParameterError   param, json     (40008, 40058, 95008, ...)
    │   ├── SessionStateError       kf_session      (95013, 95016, 95018, 95019) and the
    │   │                           48 h / 5-message rules (95001, 95002, 95024, 95025, 95031)
    │   ├── NotFoundError           explicit codes  (95000, 95004, 60252, 40007, 60111, 95028)
    │   ├── MediaError              media           (40004, 40006, 830002, ...)
    │   └── KfConfigError           kf_config       (95003, 95011, 95012, 95017, 95030, ...)
    ├── KfTransportError            network failure after the retries were used up
    ├── KfResponseError             a reply that is not a JSON object with an integer errcode
    ├── KfValidationError           bad input caught before sending (also a ValueError)
    ├── ConfigurationError          unusable configuration (e.g. an Official-Account credential)
    ├── CallbackError               callback verification/decryption (``code`` = official -400xx)
    └── MissingExtraError           an optional dependency is not installed (also an ImportError)

The mapping code → class is: an explicit per-code override (:data:`_CODE_CLASS`) if any, else the
class of the code's ``category`` (:data:`_CATEGORY_CLASS`), else plain :class:`KfApiError`
(business areas such as ``directory`` or ``oa``, ``other``, and codes newer than the table).
The remaining Kf categories are folded in: ``kf_account`` → :class:`InvalidParameterError`
(with the not-found and quota codes overridden), ``kf_message`` → :class:`InvalidParameterError`
(with the sending-window rules → :class:`SessionStateError`).

Every exception pickles (workers send them across processes) and none ever shows a secret:
``errmsg``, paths and response previews pass through :func:`wxkefu_ext._redact.redact_text`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, Final

from wxkefu_ext._redact import Secret, redact_text
from wxkefu_ext.errcodes import (
    CATEGORIES,
    DEVTOOL_URL,
    TABLE_CRAWL_DATE,
    TOKEN_REFRESH_ERRCODES,
    ErrmsgParts,
    ErrorInfo,
    category_for,
    check_code,
    check_errmsg,
    contains_wrong_json_format,
    describe,
    devtool_url,
    explain,
    hint_for,
    hint_for_message,
    known_codes,
    lookup,
    one_line,
    parse_errmsg,
    should_refresh_token,
    should_retry,
)

__all__ = [
    "BODY_TOO_LARGE_ERROR_CODE",
    "CATEGORIES",
    "DEVTOOL_URL",
    "TABLE_CRAWL_DATE",
    "TIMESTAMP_ERROR_CODE",
    "TOKEN_REFRESH_ERRCODES",
    "Base64Error",
    "BodyTooLargeError",
    "CallbackError",
    "ConfigurationError",
    "CredentialError",
    "DecryptError",
    "EncryptError",
    "ErrmsgParts",
    "ErrorInfo",
    "InvalidAesKeyError",
    "InvalidBufferError",
    "InvalidParameterError",
    "IpNotAllowedError",
    "KfApiError",
    "KfConfigError",
    "KfError",
    "KfResponseError",
    "KfTransportError",
    "KfValidationError",
    "MediaError",
    "MissingExtraError",
    "NotFoundError",
    "ParseError",
    "PermissionDeniedError",
    "QuotaExceededError",
    "RateLimitError",
    "ReceiverIdMismatchError",
    "SessionStateError",
    "SignatureError",
    "SystemBusyError",
    "TimestampError",
    "TokenError",
    "category_for",
    "contains_wrong_json_format",
    "devtool_url",
    "error_class_for",
    "error_from_payload",
    "explain",
    "hint_for",
    "known_codes",
    "lookup",
    "parse_errmsg",
    "raise_for_errcode",
    "should_refresh_token",
    "should_retry",
]

_log = logging.getLogger(__name__)
_MAX_BODY_PREVIEW: Final = 200
_SPACE_RE: Final = re.compile(r"\s+")

# ---------------------------------------------------------------------------------------------
# Exceptions
# ---------------------------------------------------------------------------------------------


def _restore(cls: type[BaseException], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    """Unpickle without re-running ``__init__`` (keyword-only args and already-redacted text)."""
    obj = cls.__new__(cls, *args)
    obj.args = args
    obj.__dict__.update(state)
    return obj


class KfError(Exception):
    """Root of every exception the toolkit raises. Picklable, secret-free text."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (type(self), self.args, dict(self.__dict__)))


class KfApiError(KfError):
    """WeCom answered with ``errcode != 0``.

    Attributes: ``errcode``, ``errmsg`` (redacted), ``hint`` (our one-line advice), ``request_id``
    (the ``hint: [...]`` id of the errmsg — quote it to WeCom support), ``from_ip`` (the caller IP
    WeCom saw), ``more_info_url``, ``path`` (the API path, redacted), ``wrong_json_format``; and
    computed from the table: ``info``, ``category``, ``retryable``, ``refresh_token``.
    """

    errcode: int
    errmsg: str
    hint: str
    request_id: str | None
    from_ip: str | None
    more_info_url: str | None
    path: str | None
    wrong_json_format: bool
    server_message: str

    def __init__(
        self,
        errcode: int,
        errmsg: str = "",
        *,
        hint: str | None = None,
        request_id: str | None = None,
        more_info_url: str | None = None,
        path: str | None = None,
    ) -> None:
        errcode = check_code(errcode)
        errmsg = redact_text(check_errmsg(errmsg))
        parts = parse_errmsg(errmsg)
        super().__init__(errcode, errmsg)
        self.errcode = errcode
        self.errmsg = errmsg
        if hint is None:
            hint = hint_for_message(errcode, errmsg) or hint_for(errcode)
        self.hint = hint
        self.request_id = request_id if request_id is not None else parts.request_id
        self.from_ip = parts.from_ip
        self.more_info_url = more_info_url if more_info_url is not None else parts.more_info_url
        self.path = redact_text(path) if path else None
        self.wrong_json_format = parts.wrong_json_format
        self.server_message = parts.text

    @property
    def info(self) -> ErrorInfo | None:
        """The table row, or None for a code the bundled table does not know."""
        return lookup(self.errcode)

    @property
    def category(self) -> str:
        return category_for(self.errcode)

    @property
    def retryable(self) -> bool:
        """Whether repeating the same request later may succeed (see :func:`should_retry`)."""
        return should_retry(self.errcode)

    @property
    def refresh_token(self) -> bool:
        """Whether a fresh access_token may fix it (see :func:`should_refresh_token`)."""
        return should_refresh_token(self.errcode)

    def explain(self) -> str:
        """The same one line as ``str(self)``."""
        return str(self)

    def __str__(self) -> str:
        return describe(self.errcode, self.errmsg, hint=self.hint, path=self.path)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(errcode={self.errcode!r}, errmsg={self.errmsg!r}, "
            f"request_id={self.request_id!r}, path={self.path!r})"
        )


class TokenError(KfApiError):
    """The access token of the call is invalid, expired or missing (category ``auth_token``).
    The client already refreshed once on 40014/42001 before raising this."""


class CredentialError(KfApiError):
    """A configured credential is wrong: secret, corp id, ticket, code (category ``credential``).
    Fix the configuration; retrying or refreshing does not help."""


class PermissionDeniedError(KfApiError):
    """The app/member/corp lacks the right (category ``permission``)."""


class IpNotAllowedError(PermissionDeniedError):
    """The calling IP is not trusted (category ``ip_whitelist``, e.g. 60020); ``from_ip`` shows
    the IP WeCom saw."""


class RateLimitError(KfApiError):
    """Call frequency / concurrency limit (category ``rate_limit``, e.g. 45009). Retryable."""


class SystemBusyError(KfApiError):
    """Transient failure inside WeCom (category ``system``, e.g. -1). Retryable."""


class QuotaExceededError(KfApiError):
    """A hard quota or size cap (category ``limit``; Kf account-count caps 95005/95026/95027).
    Unlike :class:`RateLimitError`, repeating the request soon does not help."""


class InvalidParameterError(KfApiError):
    """A request parameter or body is invalid (categories ``param``, ``json``, most
    ``kf_message``/``kf_account`` codes, and 40003/44004)."""


class SessionStateError(KfApiError):
    """The Kf session's state or sending window forbids the call: category ``kf_session`` (95013,
    95016, 95018, 95019) and the 48 h / 5-message rules (95001, 95002, 95024, 95025, 95031), which
    clear only when the customer writes again."""


class NotFoundError(KfApiError):
    """The referenced object does not exist: open_kfid (95000, 95004, 60252), media_id (40007),
    userid (60111), msgid to recall (95028)."""


class MediaError(KfApiError):
    """Media upload/download problem (category ``media``, e.g. 40004, 40006, 830002)."""


class KfConfigError(KfApiError):
    """Kf deployment or admin-console switch problem (category ``kf_config``, e.g. 95011, 95017;
    also 95030, a message type disabled in the Kf component settings)."""


class KfTransportError(KfError):
    """The request did not get an HTTP response (connect/read failure, timeout) after the retry
    policy was used up. The original exception is chained as ``__cause__``."""

    path: str | None
    attempts: int | None

    def __init__(
        self, message: str, *, path: str | None = None, attempts: int | None = None
    ) -> None:
        message = redact_text(message)
        super().__init__(message)
        self.path = redact_text(path) if path else None
        self.attempts = attempts

    def __str__(self) -> str:
        text = str(self.args[0]) if self.args else ""
        if self.path:
            text += f" (path {self.path})"
        if self.attempts is not None:
            text += f" after {self.attempts} attempt{'s' if self.attempts != 1 else ''}"
        return text


def _body_preview(body: bytes | str | None, secrets: Iterable[str | Secret | None]) -> str:
    if body is None:
        return ""
    if isinstance(body, bytes | bytearray):
        text = bytes(body[: _MAX_BODY_PREVIEW * 4]).decode("utf-8", errors="replace")
        total = len(body)
    else:
        text = body[: _MAX_BODY_PREVIEW * 4]
        total = len(body.encode("utf-8", errors="replace"))
    text = _SPACE_RE.sub(" ", redact_text(text, *secrets)).strip()
    if len(text) > _MAX_BODY_PREVIEW:
        text = text[: _MAX_BODY_PREVIEW - 1] + "…"
        text += f" ({total} bytes)"
    return text


class KfResponseError(KfError):
    """WeCom (or a proxy in between) answered with something that is not a usable JSON reply:
    HTML error page, truncated JSON, a non-object, a missing or non-integer ``errcode``.

    ``status`` is the HTTP status (if known), ``body_preview`` a redacted, whitespace-collapsed
    preview of at most ~200 characters, ``content_type`` the reply's Content-Type.
    """

    status: int | None
    body_preview: str
    path: str | None
    content_type: str | None

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        body: bytes | str | None = None,
        path: str | None = None,
        content_type: str | None = None,
        secrets: Iterable[str | Secret | None] = (),
    ) -> None:
        secrets = tuple(secrets)
        message = redact_text(message, *secrets)
        super().__init__(message)
        self.status = status
        self.body_preview = _body_preview(body, secrets)
        self.path = redact_text(path, *secrets) if path else None
        self.content_type = content_type

    def __str__(self) -> str:
        text = str(self.args[0]) if self.args else ""
        details = []
        if self.path:
            details.append(f"path {self.path}")
        if self.status is not None:
            details.append(f"HTTP {self.status}")
        if self.content_type:
            details.append(f"content-type {self.content_type}")
        if details:
            text += f" ({', '.join(details)})"
        if self.body_preview:
            text += f"; body starts: {self.body_preview!r}"
        return text


class KfValidationError(KfError, ValueError):
    """Bad input caught before anything was sent. ``field`` names the offending field (e.g.
    ``"text.content"``), ``limit`` the rule it broke (e.g. ``2048`` or ``"1..100 items"``).
    Also a :class:`ValueError`, so generic argument-checking code catches it."""

    field: str | None
    limit: int | str | None

    def __init__(
        self, message: str, *, field: str | None = None, limit: int | str | None = None
    ) -> None:
        super().__init__(message)
        self.field = field
        self.limit = limit

    def __str__(self) -> str:
        text = str(self.args[0]) if self.args else ""
        if self.field and not text.startswith(self.field):
            text = f"{self.field}: {text}"
        if self.limit is not None:
            text += f" (limit: {self.limit})"
        return text


class ConfigurationError(KfError):
    """The toolkit is configured in a way that cannot work: missing settings, or e.g. an
    Official-Account/Mini-Program credential used for a Kf call (Kf accepts only WeCom
    credentials). Raised before any request is sent."""


class CallbackError(KfError):
    """Base of callback verification/decryption failures (one subclass per code, below).

    ``code`` is the official WXBizMsgCrypt code (-40001 signature mismatch … -40011); subclasses
    set it as a class attribute, or pass ``code=``. Not a ValueError on purpose: a forged or
    garbled callback is an expected event to answer with HTTP 4xx, not a programming error, and
    broad ``except ValueError`` blocks in user code should not swallow it.
    """

    code: int = 0
    """The official -400xx code; 0 means "not one of the official codes"."""

    def __init__(self, message: str, *, code: int | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code


# One class per official WXBizMsgCrypt code. They live here, beside their base, so that
# ``wxkefu_ext.crypto`` (below ``wxkefu_ext.callback``) can raise them without importing upward;
# ``wxkefu_ext.callback.errors`` re-exports them.

#: Toolkit code (not WeCom's) for a timestamp outside the replay window.
TIMESTAMP_ERROR_CODE: Final = -40090
#: Toolkit code (not WeCom's) for a body or message larger than the configured cap.
BODY_TOO_LARGE_ERROR_CODE: Final = -40091


class SignatureError(CallbackError):
    """-40001: ``msg_signature`` does not match sha1(sorted(token, timestamp, nonce, encrypt)).
    Wrong Token, a forged request, or a value altered in transit."""

    code = -40001


class ParseError(CallbackError):
    """-40002: the body or the decrypted message is not the XML/JSON expected (including DTDs,
    entities, non-UTF-8 text and missing fields)."""

    code = -40002


class InvalidAesKeyError(CallbackError):
    """-40004: the EncodingAESKey is not 43 letters/digits."""

    code = -40004


class ReceiverIdMismatchError(CallbackError):
    """-40005: the receiver id at the end of the plaintext is not the expected corp id /
    suite id (callback configured for another corp or app, or the wrong id passed)."""

    code = -40005


class EncryptError(CallbackError):
    """-40006: a message could not be encrypted (bad input types or sizes)."""

    code = -40006


class DecryptError(CallbackError):
    """-40007: AES decryption failed: truncated ciphertext or invalid PKCS#7 padding — most
    often a wrong EncodingAESKey."""

    code = -40007


class InvalidBufferError(CallbackError):
    """-40008: the decrypted buffer is malformed: too short, a length field larger than the
    buffer, or a message that is not UTF-8."""

    code = -40008


class Base64Error(CallbackError):
    """-40010: the ciphertext is not base64 (e.g. a '+' that arrived as a space)."""

    code = -40010


class TimestampError(CallbackError):
    """-40090 (toolkit code): ``timestamp`` is not an integer or lies outside ``max_age``
    seconds of now — a replayed or badly delayed request, or a skewed server clock."""

    code = TIMESTAMP_ERROR_CODE


class BodyTooLargeError(CallbackError):
    """-40091 (toolkit code): the request body or the message exceeds the size cap."""

    code = BODY_TOO_LARGE_ERROR_CODE


class MissingExtraError(KfError, ImportError):
    """A feature needs an optional dependency that is not installed. ``extra`` is the
    distribution extra that brings it (``pip install 'wxkefu[<extra>]'``), ``missing`` the
    top-level modules that were not found. Also an ImportError, so ``except ImportError``
    around an optional import keeps working."""

    def __init__(self, feature: str, extra: str, missing: tuple[str, ...]) -> None:
        super().__init__(
            f"{feature} needs {', '.join(missing)}, which is not installed: "
            f"pip install 'wxkefu[{extra}]'"
        )
        self.feature = feature
        self.extra = extra
        self.missing = missing


# ---------------------------------------------------------------------------------------------
# code → class
# ---------------------------------------------------------------------------------------------

_CATEGORY_CLASS: Final[Mapping[str, type[KfApiError]]] = MappingProxyType(
    {
        "system": SystemBusyError,
        "rate_limit": RateLimitError,
        "auth_token": TokenError,
        "credential": CredentialError,
        "permission": PermissionDeniedError,
        "ip_whitelist": IpNotAllowedError,
        "param": InvalidParameterError,
        "json": InvalidParameterError,
        "limit": QuotaExceededError,
        "media": MediaError,
        "kf_account": InvalidParameterError,
        "kf_message": InvalidParameterError,
        "kf_session": SessionStateError,
        "kf_config": KfConfigError,
    }
)

_CODE_CLASS: Final[Mapping[int, type[KfApiError]]] = MappingProxyType(
    {
        # the referenced object does not exist
        95000: NotFoundError,
        95004: NotFoundError,
        60252: NotFoundError,
        40007: NotFoundError,
        60111: NotFoundError,
        95028: NotFoundError,
        # Kf sending windows: clear only when the customer writes again
        95001: SessionStateError,
        95002: SessionStateError,
        95024: SessionStateError,
        95025: SessionStateError,
        95031: SessionStateError,
        # Kf account-count caps
        95005: QuotaExceededError,
        95026: QuotaExceededError,
        95027: QuotaExceededError,
        # a Kf-component switch, not a bad message
        95030: KfConfigError,
        # business-area codes a Kf client sends by mistake
        40003: InvalidParameterError,
        44004: InvalidParameterError,
    }
)


def error_class_for(code: int) -> type[KfApiError]:
    """The exception class raised for ``code`` (plain :class:`KfApiError` when unmapped)."""
    code = check_code(code)
    cls = _CODE_CLASS.get(code)
    if cls is not None:
        return cls
    info = lookup(code)
    if info is None:
        return KfApiError
    return _CATEGORY_CLASS.get(info.category, KfApiError)


def _payload_code(payload: object, path: str) -> tuple[int, str]:
    if not isinstance(payload, Mapping):
        raise KfResponseError(
            f"reply is a JSON {type(payload).__name__}, not an object", path=path or None
        )
    if "errcode" not in payload:
        raise KfResponseError(
            "reply has no errcode", body=_json_preview(payload), path=path or None
        )
    code = payload["errcode"]
    if isinstance(code, bool) or not isinstance(code, int):
        raise KfResponseError(
            f"reply errcode is a {type(code).__name__}, not an integer",
            body=_json_preview(payload),
            path=path or None,
        )
    errmsg = payload.get("errmsg", "")
    return code, errmsg if isinstance(errmsg, str) else str(errmsg)


def _json_preview(payload: Mapping[Any, Any]) -> str:
    import json  # only on the error path

    return json.dumps(payload, ensure_ascii=False, default=str)[: _MAX_BODY_PREVIEW * 4]


def error_from_payload(payload: Mapping[str, object], *, path: str = "") -> KfApiError:
    """Build (not raise) the exception for an error reply ``{"errcode": != 0, "errmsg": ...}``.

    Raises :class:`KfResponseError` if the payload has no integer errcode and ValueError if the
    errcode is 0 (a success is not an error).
    """
    code, errmsg = _payload_code(payload, path)
    if code == 0:
        raise ValueError("errcode is 0: the payload is a success, not an error")
    return error_class_for(code)(code, errmsg, path=path or None)


def raise_for_errcode(payload: Mapping[str, object], *, path: str = "") -> None:
    """Raise the matching :class:`KfApiError` subclass when ``payload["errcode"] != 0``.

    A reply without an integer ``errcode`` raises :class:`KfResponseError`. A success that
    carries WeCom's "wrong json format" warning is logged (the request was only partly parsed)
    but not raised: the operation happened, and raising could make a caller send twice.
    """
    code, errmsg = _payload_code(payload, path)
    if code != 0:
        raise error_class_for(code)(code, errmsg, path=path or None)
    if errmsg and contains_wrong_json_format(errmsg):
        _log.warning(
            "WeCom accepted %s but warned 'wrong json format' (body partly parsed): %s",
            redact_text(path) or "a request",
            one_line(redact_text(errmsg)),
        )


class StoreUnavailableError(KfError):
    """A store the toolkit depends on (Redis: cursors, locks, dedupe marks, the sync queue,
    tokens) failed or did not answer within its socket timeout. Raised within a bounded time
    (see :mod:`wxkefu_ext.stores` for the defaults); nothing was committed by the failed call.
    ``operation`` names what was attempted, never a key's value or a secret."""

    operation: str

    def __init__(self, message: str, *, operation: str = "") -> None:
        super().__init__(message)
        self.operation = operation
