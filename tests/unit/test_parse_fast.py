"""The generated fast parsers (``wxkefu_client._parse``) build exactly what ``from_dict`` builds.

They exist for speed (``make bench``: typed parsing dispatches on ``msgtype`` / ``event_type``
through a table instead of trying each ``oneOf`` member); correctness is defined as "equal to the
generated ``from_dict``" — same classes, same fields, same ``additional_properties`` — for every
response example of the spec and for hostile variants of every message example.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

import wxkefu_client.models as models
from wxkefu_client import _parse
from wxkefu_client._parse_impl import PARSERS
from wxkefu_ext.pagination import parse_message

SPEC = yaml.safe_load((Path(__file__).resolve().parents[2] / "openapi" / "wxkefu.yaml").read_text())


def _outcome(fn: Any, data: Any) -> Any:
    try:
        value = fn(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        return ("raised", type(exc).__name__ if not isinstance(exc, LookupError) else "lookup")
    return (type(value).__name__, value)


def _examples() -> list[tuple[str, str, Any]]:
    out = []
    for path, item in SPEC["paths"].items():
        for method, op in item.items():
            content = op.get("responses", {}).get("200", {}).get("content", {})
            media = content.get("application/json")
            if not media:
                continue
            ref = media["schema"].get("$ref", "")
            cls = ref.rsplit("/", 1)[-1]
            if "example" in media:
                out.append((f"{method} {path}", cls, media["example"]))
            for name, ex in (media.get("examples") or {}).items():
                out.append((f"{method} {path} {name}", cls, ex["value"]))
    return out


EXAMPLES = _examples()


@pytest.mark.parametrize(("where", "cls_name", "example"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_response_examples_parse_equal(where: str, cls_name: str, example: Any) -> None:
    cls = getattr(models, cls_name, models.BaseResp)  # an envelope-only allOf is BaseResp
    assert _outcome(_parse.parser(cls), example) == _outcome(cls.from_dict, example)


def _message_examples() -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for _where, cls_name, example in EXAMPLES:
        if cls_name == "SyncMsgResp":
            items += example.get("msg_list", [])
    for name, schema in SPEC["components"]["schemas"].items():
        if name.endswith("Message") and "example" in schema:
            items.append(schema["example"])
    return items


MESSAGES = _message_examples()


def _variants(item: dict[str, Any]) -> list[Any]:
    out: list[Any] = [item]
    out.append({**item, "msgtype": "channels_new_thing_2030"})  # unknown type
    out.append({**item, "extra_field": {"x": 1}})  # unknown key kept
    for key in list(item):
        out.append({k: v for k, v in item.items() if k != key})  # a field missing
        out.append({**item, key: [1, 2]})  # a field of the wrong shape
    if item.get("msgtype") == "event" and isinstance(item.get("event"), dict):
        out.append({**item, "event": {**item["event"], "event_type": "new_event_2030"}})
        out.append({**item, "event": {**item["event"], "unknown": True}})
        for key in list(item["event"]):
            ev = {k: v for k, v in item["event"].items() if k != key}
            out.append({**item, "event": ev})
    out.append({**item, "origin": 99})  # tolerant enum: unknown value stays an int
    out.append({**item, "origin": "3"})
    return out


def test_there_are_message_examples_of_many_types() -> None:
    assert len({m.get("msgtype") for m in MESSAGES}) >= 10


@pytest.mark.parametrize(
    "item", MESSAGES, ids=[f"{m.get('msgtype')}-{i}" for i, m in enumerate(MESSAGES)]
)
def test_messages_and_hostile_variants_parse_equal(item: dict[str, Any]) -> None:
    resp_cls = models.SyncMsgResp
    for variant in _variants(item):
        page = {
            "errcode": 0,
            "errmsg": "ok",
            "next_cursor": "c",
            "has_more": 0,
            "msg_list": [variant],
        }
        before = copy.deepcopy(page)
        assert _outcome(_parse.parser(resp_cls), page) == _outcome(resp_cls.from_dict, page), (
            variant
        )
        assert page == before  # the input is not mutated


def test_parse_message_dispatches_like_from_dict_of_the_union() -> None:
    """pagination.parse_message: known type → its class, unknown → UnknownMessage."""
    for item in MESSAGES:
        via_page = models.SyncMsgResp.from_dict(
            {"errcode": 0, "errmsg": "ok", "msg_list": [item]}
        ).msg_list
        assert parse_message(item) == via_page[0]  # type: ignore[index]
    unknown = parse_message({**MESSAGES[0], "msgtype": "brand_new"})
    assert isinstance(unknown, models.UnknownMessage)
    assert unknown.to_dict()["msgtype"] == "brand_new"


def test_most_response_models_have_a_fast_parser() -> None:
    """A shape the generator gives up on falls back to from_dict (correct, slower): keep that
    rare, and never for the hot path."""
    assert models.SyncMsgResp in PARSERS and models.TextMessage in PARSERS
    assert models.EventMessage in PARSERS
    assert len(PARSERS) >= 25
