"""Safe, cheap parsing of the small XML and JSON documents a callback carries.

Why not plain ``ElementTree``: a DTD can declare entities (billion laughs, external entities
reading local files). Why not ``defusedxml`` itself: it forces the pure-Python parser, twice as
slow as the C one for these tiny documents. The equivalent guarantee here: the document must be
UTF-8 (the parser is *told* so, ignoring any ``encoding=`` declaration, so no other encoding can
hide markup from the check), it must not contain any ``<!`` declaration (``<!DOCTYPE``,
``<!ENTITY``) outside CDATA sections and comments, and its
size is capped before parsing. Without a DTD, XML can reference only the five predefined
entities and character references — there is nothing to expand. The C parser then builds the
tree; converting it to a dict is depth-limited so no input can exhaust the stack.

JSON gets the same treatment: strict UTF-8 (``json.loads`` on bytes would guess UTF-16/32),
size cap, and a depth bomb (``[[[[…``) becomes a :class:`ParseError` instead of RecursionError.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from typing import Any, Final

from wxkefu_ext.callback.errors import BodyTooLargeError, ParseError

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_DEPTH",
    "as_bytes",
    "looks_like_json",
    "parse_json_object",
    "parse_xml_dict",
    "parse_xml_root",
]

#: Default cap for a callback body or a decrypted message (real ones are under 2 KB).
DEFAULT_MAX_BYTES: Final = 256 * 1024
#: Maximum element/object nesting accepted (WeCom documents nest 2 levels).
MAX_DEPTH: Final = 32

# Fast path for the flat documents WeCom sends: a root element holding only leaf elements,
# each containing one CDATA section or plain text. One ``fullmatch`` validates the whole
# document, one ``findall`` extracts the fields — both in the C regex engine, 2-3x cheaper than
# building an ElementTree. The grammar admits no DTD, comment, PI, attribute, nesting, entity
# or character reference (``&`` is excluded), no control character and no ``\r`` (whose
# line-end normalisation the full parser would apply); anything else returns ``None`` and goes
# to the full parser, which then accepts or rejects it. Nothing can be expanded on this path.
# The pattern is linear: each repetition starts with a literal ``<``, and the CDATA/text
# bodies are unrolled loops over disjoint character classes, so there is no catastrophic
# backtracking. Values are decoded as strict UTF-8; the only non-value bytes it accepts are
# ASCII.
_WSP = rb"[ \t\r\n]*"
_NAME = rb"[A-Za-z_][A-Za-z0-9_.\-]*"
_CTRL = rb"\x00-\x08\x0b-\x1f"  # XML 1.0 forbids these; \r (0x0d) goes to the full parser
_CDATA_BODY = rb"[^\]" + _CTRL + rb"]*(?:\](?!\]>)[^\]" + _CTRL + rb"]*)*"
_TEXT_BODY = rb"[^<&\]" + _CTRL + rb"]*(?:\](?!\]>)[^<&\]" + _CTRL + rb"]*)*"
_FLAT_ITEM: Final = re.compile(
    rb"(<("
    + _NAME
    + rb")>(?:<!\[CDATA\[("
    + _CDATA_BODY
    + rb")\]\]>|("
    + _TEXT_BODY
    + rb"))</\2>"
    + _WSP
    + rb")"
)
_FLAT_HEAD: Final = re.compile(
    _WSP + rb"(?:<\?xml [\x20-\x3b=\x40-\x7e]*\?>" + _WSP + rb")?<(" + _NAME + rb")>" + _WSP
)
_WS_BYTES: Final = b" \t\r\n"
#: Above this size the C tree builder beats the regex engine on long values.
_FLAT_MAX: Final = 4096


def as_bytes(data: object, what: str, max_bytes: int) -> bytes:
    """``data`` as bytes (str is UTF-8 encoded), size-capped, or a typed error."""
    if isinstance(data, str):
        if len(data) > max_bytes:  # cheap pre-check before encoding a huge str
            raise BodyTooLargeError(f"{what} has more than {max_bytes} characters")
        try:
            raw = data.encode("utf-8")
        except UnicodeEncodeError:
            raise ParseError(f"{what} is not valid Unicode (lone surrogate)") from None
    elif isinstance(data, bytes):
        raw = data
    elif isinstance(data, bytearray | memoryview):
        raw = bytes(data)
    elif data is None:
        raise ParseError(f"{what} is missing")
    else:
        raise ParseError(f"{what} must be str or bytes, got {type(data).__name__}")
    if len(raw) > max_bytes:
        raise BodyTooLargeError(f"{what} has {len(raw)} bytes; the limit is {max_bytes}")
    return raw


def _not_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _find_marker(raw: bytes, marker: bytes, pos: int) -> int:
    """``raw.find(marker, pos)`` via ``memchr`` on the marker's rarest byte (its first for
    ``]]>``/``-->``, ``!`` for ``<!``): CPython's multi-byte search steps only a few bytes at
    a time, ``memchr`` scans long values an order of magnitude faster."""
    anchor = marker[1:2] if marker == b"<!" else marker[:1]
    offset = 1 if marker == b"<!" else 0
    while True:
        i = raw.find(anchor, pos + offset)
        if i < 0:
            return -1
        if raw.startswith(marker, i - offset):
            return i - offset
        pos = i + 1 - offset


def _has_declaration(raw: bytes) -> bool:
    """True when ``raw`` has a ``<!`` markup declaration (DOCTYPE, ENTITY, ...) outside
    CDATA sections and comments."""
    pos = _find_marker(raw, b"<!", 0)
    while pos >= 0:
        if raw.startswith(b"<![CDATA[", pos):
            end = _find_marker(raw, b"]]>", pos + 9)
        elif raw.startswith(b"<!--", pos):
            end = _find_marker(raw, b"-->", pos + 4)
        else:
            return True
        if end < 0:
            return False  # unterminated: the parser rejects it without expanding anything
        pos = _find_marker(raw, b"<!", end + 3)
    return False


def parse_xml_root(raw: bytes, what: str) -> ET.Element:
    """Parse ``raw`` (UTF-8, already size-capped) with no DTD and no entity declarations."""
    if _has_declaration(raw):
        raise ParseError(
            f"{what} contains a <!DOCTYPE or <!ENTITY declaration; DTDs and entities are "
            "refused (WeCom never sends them)"
        )
    # Safe without defusedxml: DTD/ENTITY refused above, encoding forced (module docstring).
    parser = ET.XMLParser(encoding="utf-8")  # noqa: S314
    try:
        parser.feed(raw)
        return parser.close()
    except ET.ParseError as exc:
        if _not_utf8(raw):
            raise ParseError(f"{what} is not UTF-8") from None
        raise ParseError(f"{what} is not well-formed XML ({exc})") from None


def _element_value(elem: ET.Element, depth: int) -> Any:
    if len(elem) == 0:
        return elem.text or ""
    if depth >= MAX_DEPTH:
        raise ParseError(f"XML nested deeper than {MAX_DEPTH} levels")
    return _children_dict(elem, depth + 1)


def _children_dict(elem: ET.Element, depth: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for child in elem:
        _put(out, child.tag, _element_value(child, depth))
    return out


def _put(out: dict[str, Any], key: str, value: Any) -> None:
    """Add a field; a repeated one becomes the list of its values, in document order."""
    if key not in out:
        out[key] = value
    elif isinstance(prev := out[key], list):
        prev.append(value)
    else:
        out[key] = [prev, value]


def _parse_flat(raw: bytes) -> dict[str, Any] | None:
    """The fields of a flat WeCom document, or ``None`` when it is not one (see above).

    ``findall`` skips text between matches, so the items' total length is checked against
    the span between the root tags: equal means the items tile it exactly."""
    head = _FLAT_HEAD.match(raw)
    if head is None:
        return None
    root_end = b"</" + head[1] + b">"
    stripped = raw.rstrip(_WS_BYTES)
    if not stripped.endswith(root_end):
        return None
    start, end = head.end(), len(stripped) - len(root_end)
    if end < start:
        return None
    items = _FLAT_ITEM.findall(raw, start, end)
    out: dict[str, Any] = {}
    covered = 0
    try:
        for whole, tag, cdata, plain in items:
            covered += len(whole)
            _put(out, tag.decode("ascii"), (cdata or plain).decode("utf-8"))
    except UnicodeDecodeError:
        return None
    return out if covered == end - start else None


def parse_xml_dict(raw: bytes, what: str) -> dict[str, Any]:
    """The root's children as a dict: leaf → text, nested → dict, repeated tag → list."""
    if len(raw) <= _FLAT_MAX:
        fast = _parse_flat(raw)
        if fast is not None:
            return fast
    return _children_dict(parse_xml_root(raw, what), 0)


def parse_json_object(raw: bytes, what: str) -> dict[str, Any]:
    """A JSON object from strict UTF-8 ``raw`` (already size-capped)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ParseError(f"{what} is not UTF-8") from None
    try:
        value = json.loads(text)
    except RecursionError:
        raise ParseError(f"{what} is JSON nested too deeply") from None
    except ValueError as exc:  # JSONDecodeError, and int strings over the digit limit
        raise ParseError(f"{what} is not valid JSON ({exc})") from None
    if not isinstance(value, dict):
        raise ParseError(f"{what} must be a JSON object, got {type(value).__name__}")
    return value


def looks_like_json(raw: bytes) -> bool:
    """True when the first non-whitespace byte is ``{`` (XML starts with ``<``)."""
    first = raw[:1]
    if first in (b"{", b"<"):
        return first == b"{"
    return raw.lstrip()[:1] == b"{"
