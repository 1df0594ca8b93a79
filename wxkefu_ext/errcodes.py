"""WeCom error-code knowledge: the bundled table, hints, errmsg parsing and :func:`explain`.

Why this module exists: WeCom answers almost every failure with HTTP 200 and a JSON body
``{"errcode": <int>, "errmsg": <str>}``. Callers should branch on ``errcode`` only (``errmsg``
is free text that changes over time), so this module turns a code into

* data: :func:`lookup` → :class:`ErrorInfo` (the bundled ``data/errcodes.tsv`` table, 1262 codes,
  loaded lazily on first use so that ``import wxkefu_ext`` stays cheap);
* advice: :func:`explain`, :func:`hint_for`, :func:`category_for`, :func:`should_retry`,
  :func:`should_refresh_token`, :func:`contains_wrong_json_format`.

It knows nothing of exceptions: :mod:`wxkefu_ext.errors` builds the exception hierarchy on top
of it (and re-exports every name here, so ``from wxkefu_ext.errors import explain`` keeps
working). To add a hint for a code, add a line to :data:`_CODE_HINTS` below.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Final, NamedTuple

from wxkefu_ext._redact import redact_text

__all__ = [
    "CATEGORIES",
    "DEVTOOL_URL",
    "TABLE_CRAWL_DATE",
    "TOKEN_REFRESH_ERRCODES",
    "UNKNOWN_PATH_HINT",
    "ErrmsgParts",
    "ErrorInfo",
    "category_for",
    "check_code",
    "check_errmsg",
    "contains_wrong_json_format",
    "describe",
    "devtool_url",
    "explain",
    "hint_for",
    "hint_for_message",
    "known_codes",
    "lookup",
    "one_line",
    "parse_errmsg",
    "should_refresh_token",
    "should_retry",
]

#: The official lookup page; ``?e=<code>`` shows WeCom's own troubleshooting text.
DEVTOOL_URL: Final = "https://open.work.weixin.qq.com/devtool/query?e={code}"

#: When the official table behind ``data/errcodes.tsv`` was crawled; newer codes are "unknown".
TABLE_CRAWL_DATE: Final = "2024-04-08"

#: Codes on which the client drops its cached access_token, fetches a new one and replays the
#: call once. 40014 (invalid) and 42001 (expired) are the real token errors. 40001 is included
#: for safety although the table says ``refresh_token = no`` for it: in WeCom it means "wrong
#: secret", which a new ``gettoken`` cannot fix, but peer SDKs refresh on it (it means "invalid
#: credential" on the Official-Account platform) and a single bounded refresh is harmless — the
#: second 40001 is then raised as :class:`CredentialError`.
TOKEN_REFRESH_ERRCODES: Final[frozenset[int]] = frozenset({40001, 40014, 42001})

#: Every value of the table's ``category`` column (see ERRCODES-README §3).
CATEGORIES: Final[frozenset[str]] = frozenset(
    {
        "ok",
        "system",
        "auth_token",
        "credential",
        "permission",
        "ip_whitelist",
        "param",
        "json",
        "rate_limit",
        "limit",
        "media",
        "kf_account",
        "kf_session",
        "kf_message",
        "kf_config",
        "customer",
        "directory",
        "message",
        "oa",
        "billing",
        "device",
        "other",
    }
)

# Sources that are copies of the official table (the rest are SDKs or bug reports).
_OFFICIAL_SOURCES: Final = frozenset({"GW", "ZSM", "WXJ", "DOC", "KC", "CPAN"})
_MAX_ERRMSG_IN_TEXT: Final = 300


# ---------------------------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ErrorInfo:
    """One row of ``data/errcodes.tsv``.

    ``retry`` and ``refresh_token`` are the table's judgement (ERRCODES-README §4); the client's
    own refresh rule is :data:`TOKEN_REFRESH_ERRCODES` (see :func:`should_refresh_token`).
    """

    code: int
    name_zh: str
    name_en: str
    category: str
    retry: bool
    refresh_token: bool
    sources: tuple[str, ...]

    @property
    def official(self) -> bool:
        """True when the code appears in a copy of the official WeCom table, False when only
        third-party SDKs report it (95024, 95025, 95028, 95029, 47001, ...)."""
        return not _OFFICIAL_SOURCES.isdisjoint(self.sources)


_COLUMNS: Final = ("code", "name_zh", "name_en", "category", "retry", "refresh_token", "sources")


def _parse_yes_no(value: str, lineno: int, column: str) -> bool:
    if value == "yes":
        return True
    if value == "no":
        return False
    raise RuntimeError(f"errcodes.tsv line {lineno}: {column} must be yes/no, got {value!r}")


def _parse_table(text: str) -> Mapping[int, ErrorInfo]:
    """Parse the TSV strictly: a damaged package file must fail loudly, not half-load."""
    lines = text.splitlines()
    if not lines or tuple(lines[0].split("\t")) != _COLUMNS:
        raise RuntimeError(f"errcodes.tsv: header must be {'/'.join(_COLUMNS)}")
    table: dict[int, ErrorInfo] = {}
    for lineno, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != len(_COLUMNS):
            raise RuntimeError(
                f"errcodes.tsv line {lineno}: expected {len(_COLUMNS)} fields, got {len(fields)}"
            )
        code_s, name_zh, name_en, category, retry, refresh, sources = fields
        try:
            code = int(code_s)
        except ValueError:
            raise RuntimeError(f"errcodes.tsv line {lineno}: bad code {code_s!r}") from None
        if category not in CATEGORIES:
            raise RuntimeError(f"errcodes.tsv line {lineno}: unknown category {category!r}")
        if code in table:
            raise RuntimeError(f"errcodes.tsv line {lineno}: duplicate code {code}")
        table[code] = ErrorInfo(
            code=code,
            name_zh=name_zh,
            name_en=name_en,
            category=category,
            retry=_parse_yes_no(retry, lineno, "retry"),
            refresh_token=_parse_yes_no(refresh, lineno, "refresh_token"),
            sources=tuple(s for s in sources.split(",") if s),
        )
    return MappingProxyType(table)


@cache
def _table() -> Mapping[int, ErrorInfo]:
    # Imported here, not at module level: only the first lookup pays for it.
    from importlib.resources import files

    text = files("wxkefu_ext").joinpath("data/errcodes.tsv").read_text(encoding="utf-8")
    return _parse_table(text)


def check_code(code: object) -> int:
    # bool is an int subclass; True/False as an errcode is always a bug upstream.
    if isinstance(code, bool) or not isinstance(code, int):
        raise TypeError(f"errcode must be an int, got {type(code).__name__}")
    return code


def lookup(code: int) -> ErrorInfo | None:
    """The table row for ``code``, or None for a code the bundled table does not know."""
    return _table().get(check_code(code))


def known_codes() -> frozenset[int]:
    """Every code of the bundled table."""
    return frozenset(_table())


def devtool_url(code: int) -> str:
    """WeCom's own lookup page for ``code``."""
    return DEVTOOL_URL.format(code=check_code(code))


# ---------------------------------------------------------------------------------------------
# Hints (our own words; the official troubleshooting text is deliberately not copied)
# ---------------------------------------------------------------------------------------------

_CATEGORY_HINTS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "ok": "Success; nothing to do",
        "system": "Transient failure inside WeCom; retry with exponential back-off (at most 3 "
        "attempts)",
        "auth_token": "The token sent with the call is invalid, expired or missing; fetch a new "
        "access_token and make sure it belongs to this corp and app",
        "credential": "A configured credential (corp id, secret, ticket, code or signature) is "
        "wrong; fix the configuration, since fetching a new token will not help",
        "permission": "The app, member or corp lacks the right for this call; grant the API or "
        "widen the app's visible range in the WeCom admin console",
        "ip_whitelist": "The calling server's IP is not trusted; add its egress IP to the app's "
        "trusted IP list in the admin console",
        "param": "A request parameter is missing or has an invalid value; compare the request "
        "with the API reference",
        "json": "The request body could not be parsed; send valid UTF-8 JSON with the documented "
        "field types",
        "rate_limit": "A call frequency or concurrency limit was hit; wait, retry with back-off "
        "and spread calls over time",
        "limit": "A hard quota or size cap was reached; shrink the request or wait for the quota "
        "period, as repeating it unchanged fails again",
        "media": "Media problem (type, size or media_id); check the file against the media "
        "upload/download limits",
        "kf_account": "Problem with the Kf account (open_kfid) or its servicers; check the id "
        "against kf/account/list and kf/servicer/list",
        "kf_session": "The session's current state does not allow this; read it with "
        "kf/service_state/get and follow the allowed transitions",
        "kf_message": "The Kf message breaks a sending rule; check it against the kf/send_msg "
        "rules",
        "kf_config": "Kf deployment or switch problem; check the 微信客服 settings in the WeCom "
        "admin console",
        "customer": "Customer-contact (客户联系) API error; check the request against that "
        "API's reference",
        "directory": "Directory (通讯录) API error; check the userids, departments and tags in "
        "the request",
        "message": "App-message API error; check the message against the app-message reference",
        "oa": "Office-app API error; check the request against that API's reference",
        "billing": "Billing/licence API error; check the order or licence state in the console",
        "device": "Smart-hardware API error; check the device and its registration",
        "other": "Uncommon WeCom error; see WeCom's lookup page for this code",
    }
)

_CODE_HINTS: Final[Mapping[int, str]] = MappingProxyType(
    {
        # --- generic codes a Kf client meets most often (ERRCODES-README §5) ---
        -1: "WeCom is busy; retry the same request with back-off, no more than 3 times",
        0: "Success; nothing to do",
        40001: "The corp secret is wrong, belongs to another app, or the app is disabled; use "
        "the secret of the app that may call the Kf API (a new gettoken with the same secret "
        "fails again)",
        40003: "The userid is not a member of this corp; pass the member's WeCom userid (not "
        "the display name), inside the app's visible range",
        40004: "The file type is not accepted for this media type; check the extension and "
        "the `type` query parameter",
        40005: "The media `type` parameter is wrong; use image, voice, video or file",
        40006: "The file size is invalid; every upload must be larger than 5 bytes and within "
        "the limit of its media type",
        40007: "The media_id is unknown or expired (temporary media lives 3 days); upload the "
        "file again and use the new media_id",
        40008: "msgtype is not accepted by this endpoint; use a documented Kf message type "
        "(text, image, voice, video, file, link, miniprogram, msgmenu, location, ...)",
        40009: "The image is too large or empty; images must stay within the image size limit",
        40011: "The video is too large or empty; videos must stay within the video size limit",
        40013: "The corp id is wrong; copy it from 'My Company' in the WeCom admin console",
        40014: "The access_token is invalid (other corp or app, truncated, or revoked); send a "
        "token fetched with this corp's id and the app's secret, unmodified",
        40058: "A parameter has an invalid value; if errmsg mentions msgid, that msgid was "
        "already used on this Kf account (a retried send that already went out)",
        41001: "No access_token was sent: a client bug, since the toolkit adds it to every "
        "call; check custom transports and hand-built URLs",
        41006: "media_id is missing from the request",
        41050: "The welcome_code / msg_code is unknown or already used: each code is single-use "
        "and a welcome_code is valid only 20 s after its enter_session event — send the welcome "
        "at once, once (a second send with the same code fails)",
        42001: "The access_token expired; cache tokens for less than expires_in and share one "
        "token store among processes",
        44001: "The uploaded file is empty; send the file bytes in the multipart `media` part",
        45001: "The media file exceeds the size limit of its type; compress or split it",
        45009: "API call frequency limit (per minute up to per day); back off, and pass the "
        "callback token to sync_msg, which is strictly rate-limited without it",
        45033: "Too many concurrent calls to this API; lower the concurrency and retry with "
        "back-off",
        47001: "The body could not be parsed (a WeChat-platform code, not expected from "
        "WeCom); check the Content-Type and the JSON syntax",
        48002: "The app has no permission for this API; in the admin console let the app call "
        "the 微信客服 API (微信客服 → API → 可调用接口的应用)",
        48007: "The Kf account is not handed to the calling app; grant it under 微信客服 → API "
        "→ 可管理的客服账号",
        60011: "The member, department or tag is outside the app's visible range; widen the "
        "app's visibility in the admin console",
        60020: "The server's egress IP is not in the app's trusted IP list; add the IP shown "
        "after 'from ip' in errmsg",
        60111: "No member has this userid; check the spelling (userids are case-sensitive) and "
        "that the member still exists",
        60251: "open_kfid is missing from the request; pass the Kf account id",
        60252: "The open_kfid is malformed; pass an id returned by kf/account/list",
        60253: "The userid is not a servicer of this Kf account; add it with kf/servicer/add first",
        90207: "The mini-program appid is invalid or not linked to this corp; link the mini "
        "program to the WeCom corp and use its appid",
        92000: "The member is outside the app's visible range; add the member or the "
        "department to the app's visibility",
        301002: "The app may not operate the specified app; call with that app's own secret",
        830002: "The file is too large for one download; fetch it with HTTP Range requests "
        "(at most 20 MB per chunk)",
        # --- every Kf code 95000-95099 of the table ---
        95000: "The open_kfid is not valid for this corp; use an id from kf/account/list "
        "(ids of other corps or apps are rejected)",
        95001: "Already 5 messages sent since the customer's last message; wait until the "
        "customer writes again, which opens a new allowance of 5",
        95002: "More than 48 hours have passed since the customer's last message; you can "
        "reply only after the customer writes again",
        95003: "The corp reached its consultation capacity; verify the corp (企业认证) or bind "
        "a 视频号 to lift the limit",
        95004: "No Kf account has this open_kfid (deleted or never created); refresh your ids "
        "with kf/account/list",
        95005: "The corp already has the maximum number of Kf accounts; delete unused "
        "accounts before adding one",
        95006: "The Kf account name is invalid; use a non-empty name of at most 16 characters",
        95007: "The sync_msg token is invalid or expired (valid 10 minutes, from the "
        "kf_msg_or_event callback); pull with a fresh callback token or without one",
        95008: "The menu message has too many items; send at most 10 menu items",
        95009: "A menu item has an unsupported type; use click, view, miniprogram or text items",
        95011: "Kf is used inside WeCom (joint mode), but the token came from a stand-alone Kf "
        "secret; use the WeCom app's secret",
        95012: "Kf is not used inside WeCom (stand-alone mode), but the token came from a WeCom "
        "app secret; use the stand-alone Kf secret",
        95013: "The session has already ended; wait for the customer to start a new one",
        95014: "The userid is not an active servicer: add it to the Kf account and make sure "
        "the member has activated WeCom",
        95015: "A dedicated service (专属服务) is already configured in the admin console for "
        "this account; change it there, not through the API",
        95016: "This service_state transition is not allowed (e.g. from the pool back to the "
        "assistant, or out of state 4); read the state and follow the transition table",
        95017: "The Kf API switch is off for this app; turn on API access under 微信客服 → API "
        "in the admin console",
        95018: "The session state forbids sending: send_msg works only in state 0 (new) or 1 "
        "(bot); check it with kf/service_state/get. kf/service_state/trans cannot bring back a "
        "session a servicer took (3) or that ended (4): leave it to the servicer or wait for the "
        "customer's next message, which reopens it",
        95019: "The servicer has stopped receiving or is suspended; pick a servicer who is "
        "receiving (status 0 in kf/servicer/list)",
        95021: "The userid or chat_id is not configured under 升级服务 (upgrade service); "
        "configure it first or pick one from get_upgrade_service_config",
        95022: "location_type is invalid; use a documented location_type value",
        95023: "The Kf API switch is granted to an agent-developed (代开发) app; call through "
        "that app or move the grant in the admin console",
        95024: "The customer has not written within 48 hours (menu clicks do not count); wait "
        "for a customer message before sending",
        95025: "Only one business-card message is allowed per 48 hours; send it later or use "
        "another message type",
        95026: "Kf account utilisation is too low to create another account; use the existing "
        "accounts more before creating one",
        95027: "An unverified corp may create only 10 Kf accounts; verify the corp to create more",
        95028: "No message with this msgid can be recalled; pass a msgid returned by send_msg "
        "or send_msg_on_event on the same open_kfid",
        95029: "The message is older than 2 minutes or not sent through the API, so it can no "
        "longer be recalled",
        95030: "The Kf component's settings forbid this message type; change the allowed "
        "types in the component settings or send another type",
        95031: "The customer has not started a consultation within 48 hours; wait until the "
        "customer writes first",
        95032: "The Kf component's permission to read chat records has expired; re-authorise "
        "the component",
    }
)

# Not API codes: the official -400xx codes of the callback crypto (WXBizMsgCrypt), explained so
# that `explain(-40001)` is useful. They are not in the table, so `lookup()` returns None.
_CALLBACK_CODES: Final[Mapping[int, tuple[str, str]]] = MappingProxyType(
    {
        -40001: ("Callback signature mismatch", "check the callback Token and the query args"),
        -40002: ("Callback XML could not be parsed", "check that the body is the raw POST XML"),
        -40003: ("Callback signature computation failed", "check the callback Token"),
        -40004: (
            "Invalid EncodingAESKey",
            "it must be the 43 characters shown in the admin console",
        ),
        -40005: ("Receiver id mismatch", "the corp id / receiver id does not match the message"),
        -40006: ("AES encryption failed", "check the EncodingAESKey"),
        -40007: ("AES decryption failed", "check the EncodingAESKey and the echostr/Encrypt"),
        -40008: ("Decrypted buffer is malformed", "check the EncodingAESKey"),
        -40009: ("Base64 encoding failed", "report this as a bug"),
        -40010: ("Base64 decoding failed", "the Encrypt/echostr field is not valid base64"),
        -40011: ("Building the reply XML failed", "report this as a bug"),
    }
)


#: A path the server does not know at all (not a permission problem): the base URL lacks
#: /cgi-bin. The emulator says "unknown path"; "api not found" is the generic wording.
UNKNOWN_PATH_HINT: Final = (
    "The server does not know this path — not a permission problem: the base URL probably "
    "lacks /cgi-bin (use https://qyapi.weixin.qq.com/cgi-bin, or the emulator's "
    "http://127.0.0.1:8765/cgi-bin; check WXKF_BASE_URL)"
)


def hint_for_message(code: int, errmsg: str) -> str | None:
    """A hint that depends on the server's text as well as the code, or None."""
    if code == 48002 and ("unknown path" in errmsg or "api not found" in errmsg):
        return UNKNOWN_PATH_HINT
    return None


def hint_for(code: int) -> str:
    """A one-sentence hint for ``code``: its own hint if it has one, else its category's."""
    code = check_code(code)
    specific = _CODE_HINTS.get(code)
    if specific is not None:
        return specific
    if code in _CALLBACK_CODES:
        meaning, todo = _CALLBACK_CODES[code]
        return f"{meaning}: {todo}"
    info = lookup(code)
    if info is None:
        return f"Unknown code, probably newer than the bundled table; see {devtool_url(code)}"
    return _CATEGORY_HINTS[info.category]


def category_for(code: int) -> str:
    """The table's category of ``code``; ``"other"`` for unknown codes, ``"callback"`` for the
    -400xx callback crypto codes."""
    code = check_code(code)
    if code in _CALLBACK_CODES:
        return "callback"
    info = lookup(code)
    return "other" if info is None else info.category


def should_retry(code: int) -> bool:
    """True when repeating the *same* request later may succeed (system/rate-limit codes and the
    few "in progress, try later" codes). Unknown codes are not retried."""
    info = lookup(code)
    return info is not None and info.retry


def should_refresh_token(code: int) -> bool:
    """True when the client should drop its access_token, fetch a new one and replay once.

    This is :data:`TOKEN_REFRESH_ERRCODES` (40001, 40014, 42001), not the table's
    ``refresh_token`` column: the table also flags suite/device/model tokens that a Kf client
    never holds, and it says no for 40001, which the client refreshes on once for safety.
    """
    return check_code(code) in TOKEN_REFRESH_ERRCODES


# ---------------------------------------------------------------------------------------------
# errmsg parsing
# ---------------------------------------------------------------------------------------------

_WRONG_JSON_RE: Final = re.compile(r"warning:\s*wrong\s+json\s+format\.?", re.IGNORECASE)
_REQUEST_ID_RE: Final = re.compile(r"\bhint:\s*\[([^\]]*)\]", re.IGNORECASE)
_FROM_IP_RE: Final = re.compile(r"\bfrom\s+ip:\s*([0-9A-Fa-f.:]+)", re.IGNORECASE)
_MORE_INFO_RE: Final = re.compile(r"\bmore\s+info\s+at\s+(https?://[^\s,;]+)", re.IGNORECASE)
_TAIL_RE: Final = re.compile(r"[,;\s]*\b(?:hint:\s*\[|from\s+ip:|more\s+info\s+at\b)", re.I)
_SPACE_RE: Final = re.compile(r"\s+")


def check_errmsg(errmsg: object) -> str:
    if not isinstance(errmsg, str):
        raise TypeError(f"errmsg must be a str, got {type(errmsg).__name__}")
    return errmsg


class ErrmsgParts(NamedTuple):
    """What :func:`parse_errmsg` finds in a live ``errmsg``."""

    text: str
    """The human part before ``, hint: [...]``, without the wrong-JSON warning."""
    request_id: str | None
    from_ip: str | None
    more_info_url: str | None
    wrong_json_format: bool


def contains_wrong_json_format(errmsg: str) -> bool:
    """True when ``errmsg`` carries WeCom's ``Warning: wrong json format.`` prefix: the body was
    not valid JSON of the expected types and may have been parsed only partly, whatever the
    errcode says."""
    return bool(_WRONG_JSON_RE.search(check_errmsg(errmsg)))


def parse_errmsg(errmsg: str) -> ErrmsgParts:
    """Split ``"<text>, hint: [<id>], from ip: <ip>, more info at <url>"`` into its parts.

    Missing parts are None; text that does not follow the pattern is returned whole as ``text``.
    """
    errmsg = check_errmsg(errmsg)
    rid = _REQUEST_ID_RE.search(errmsg)
    ip = _FROM_IP_RE.search(errmsg)
    url = _MORE_INFO_RE.search(errmsg)
    wrong_json = contains_wrong_json_format(errmsg)
    text = _WRONG_JSON_RE.sub(" ", errmsg)
    tail = _TAIL_RE.search(text)
    if tail is not None:
        text = text[: tail.start()]
    text = _SPACE_RE.sub(" ", text).strip(" ,;")
    return ErrmsgParts(
        text=text,
        request_id=(rid.group(1).strip() or None) if rid else None,
        from_ip=ip.group(1).rstrip(".") if ip else None,
        more_info_url=url.group(1).rstrip(".)") if url else None,
        wrong_json_format=wrong_json,
    )


def one_line(text: str, limit: int = _MAX_ERRMSG_IN_TEXT) -> str:
    text = _SPACE_RE.sub(" ", text).strip()
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


# ---------------------------------------------------------------------------------------------
# explain()
# ---------------------------------------------------------------------------------------------


def describe(code: int, errmsg: str, *, hint: str | None, path: str | None) -> str:
    """The shared one-line text of :func:`explain` and ``str(KfApiError)``."""
    errmsg = redact_text(errmsg)
    parts = parse_errmsg(errmsg)
    info = lookup(code)
    callback = _CALLBACK_CODES.get(code)

    head = f"errcode {code}"
    if path:
        head += f" on {redact_text(path)}"
    if info is not None:
        meaning = info.name_en + (f" ({info.name_zh})" if info.name_zh else "")
        meaning += f" [{info.category}]"
        if not info.official:
            meaning += " (unconfirmed: reported by third-party SDKs only)"
    elif callback is not None:
        meaning = f"{callback[0]} [callback]"
    else:
        meaning = f"not in the bundled table (crawled {TABLE_CRAWL_DATE}; a newer code?)"
    out = [f"{head}: {meaning}."]

    if hint is None:
        # the unknown-code hint would repeat the URL that ends the line anyway
        hint = "Check WeCom's lookup page" if info is None and callback is None else hint_for(code)
    out.append(_sentence(hint))
    if code != 0 and callback is None:
        if code == 40001:
            out.append(
                "KfClient refreshes the token once for safety, but a wrong secret needs a "
                "configuration fix."
            )
        elif code in TOKEN_REFRESH_ERRCODES:
            out.append("A fresh access_token may fix it; KfClient refreshes once and replays.")
        elif info is not None and info.retry:
            out.append("Retrying with back-off may succeed.")
        else:
            out.append("Retrying the same request will not help.")
    if parts.wrong_json_format:
        out.append(
            "Warning: WeCom reported 'wrong json format' — the body had invalid JSON or wrong "
            "field types and may have been parsed only partly."
        )
    if parts.text:
        out.append(f'Server said: "{one_line(parts.text)}".')
    if parts.request_id:
        out.append(f"Request id {parts.request_id}.")
    if parts.from_ip:
        out.append(f"WeCom saw the call from {parts.from_ip}.")
    if code != 0 and callback is None:
        out.append(f"More: {parts.more_info_url or devtool_url(code)}")
    return one_line(" ".join(out), limit=2000)


def explain(errcode: int, errmsg: str = "") -> str:
    """One human line for ``errcode``: the code, its meaning, a hint and what to do.

    ``errmsg`` (optional, the server's text) adds the request id, the caller IP WeCom saw, the
    wrong-JSON warning when present and the "more info" URL; it is redacted first. Unknown codes
    point to WeCom's devtool lookup page.
    """
    code, msg = check_code(errcode), check_errmsg(errmsg)
    return describe(code, msg, hint=hint_for_message(code, msg), path=None)
