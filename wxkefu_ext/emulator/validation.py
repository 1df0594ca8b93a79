"""Requests checked against the bundled OpenAPI spec (``wxkefu_ext/data/wxkefu.yaml``).

The spec is read once, lazily (importing the emulator does not parse 5,000 lines of YAML), and
every operation's request-body and query-parameter schemas are compiled into JSON Schema
validators on first use. Why validate at all: an emulator that accepts what WeCom rejects lets
bugs through to production; every rejection here names the offending field, the way
``errcode 40058`` does on the real server.

String limits given in bytes (``x-max-bytes`` next to ``maxLength``) are checked on the UTF-8
encoding, so 1000 CJK characters (3000 bytes) fail a 2048-byte limit as they do on the server.

Bodies whose schema is a ``oneOf`` of variants told apart by a ``msgtype`` ``const`` (send_msg,
send_msg_on_event) are dispatched on ``msgtype`` first, so an error names the field inside the
chosen variant instead of "is not valid under any of the given schemas".
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

__all__ = [
    "Operation",
    "ValidationProblem",
    "load_spec",
    "operations",
    "route",
    "validate_body",
    "validate_query",
]

SPEC_RESOURCE: Final = "wxkefu.yaml"
_SPEC_URI: Final = "urn:wxkefu:openapi"
_MAX_MESSAGE: Final = 160


@dataclass(frozen=True, slots=True)
class ValidationProblem:
    """Why a request does not match the spec: ``errcode``, a message naming ``field``."""

    errcode: int
    message: str
    field: str = ""
    #: ``"schema"``, or ``"bytes"`` for an ``x-max-bytes`` violation: JSON Schema tools (a
    #: schemathesis run, another team's validator) count characters and see such a request as
    #: valid, so the emulator labels it apart (its reject header) for the contract checks.
    kind: str = "schema"


@dataclass(frozen=True, slots=True)
class QueryParam:
    name: str
    required: bool
    schema: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Operation:
    """One operation of the spec: ``method``, ``path`` (below ``/cgi-bin``) and what it takes."""

    operation_id: str
    method: str
    path: str
    body_ref: str | None = None
    body_required: bool = False
    content_type: str | None = None
    query: tuple[QueryParam, ...] = ()
    needs_token: bool = True
    variants: Mapping[str, str] = field(default_factory=dict)


@functools.cache
def load_spec() -> Mapping[str, Any]:
    """The parsed bundled spec (package data), cached."""
    import yaml

    text = (
        importlib.resources.files("wxkefu_ext").joinpath("data", SPEC_RESOURCE).read_text("utf-8")
    )
    # libyaml's loader when PyYAML has it: the pure-Python one takes ~1 s for this document,
    # which the first request of every emulator would pay
    spec = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506
    if not isinstance(spec, dict) or "paths" not in spec:
        raise RuntimeError(f"wxkefu_ext/data/{SPEC_RESOURCE} is not an OpenAPI document")
    return spec


def _resolve(spec: Mapping[str, Any], node: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in node:
        ref = str(node["$ref"])
        target: Any = spec
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _msgtype_const(spec: Mapping[str, Any], schema: Mapping[str, Any]) -> str | None:
    schema = _resolve(spec, schema)
    props = schema.get("properties", {})
    if isinstance(props.get("msgtype"), dict) and "const" in props["msgtype"]:
        return str(props["msgtype"]["const"])
    for part in schema.get("allOf", ()):
        found = _msgtype_const(spec, part)
        if found is not None:
            return found
    return None


def _variants(spec: Mapping[str, Any], ref: str) -> dict[str, str]:
    schema = _resolve(spec, {"$ref": ref})
    out: dict[str, str] = {}
    for variant in schema.get("oneOf", ()):
        const = _msgtype_const(spec, variant)
        if const is None or "$ref" not in variant:
            return {}
        out[const] = str(variant["$ref"])
    return out


@functools.cache
def operations() -> Mapping[tuple[str, str], Operation]:
    """Every operation of the spec keyed by ``(METHOD, path)``."""
    spec = load_spec()
    root_security = bool(spec.get("security"))
    table: dict[tuple[str, str], Operation] = {}
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method not in {"get", "post", "put", "delete", "patch"}:
                continue
            body_ref = content_type = None
            body_required = False
            if "requestBody" in op:
                body = _resolve(spec, op["requestBody"])
                body_required = bool(body.get("required"))
                content_type, media = next(iter(body["content"].items()))
                body_ref = media["schema"].get("$ref")
            params = []
            for raw in [*item.get("parameters", ()), *op.get("parameters", ())]:
                p = _resolve(spec, raw)
                if p.get("in") == "query":
                    params.append(QueryParam(p["name"], bool(p.get("required")), p["schema"]))
            security = op.get("security")
            # the corp access_token; provider operations check their suite/provider token
            needs_token = (
                any("AccessToken" in s for s in security) if security is not None else root_security
            )
            table[(method.upper(), path)] = Operation(
                operation_id=op["operationId"],
                method=method.upper(),
                path=path,
                body_ref=body_ref,
                body_required=body_required,
                content_type=content_type,
                query=tuple(params),
                needs_token=needs_token,
                variants=_variants(spec, body_ref) if body_ref else {},
            )
    return table


def route(method: str, path: str) -> Operation | None:
    return operations().get((method.upper(), path))


def methods_for(path: str) -> list[str]:
    return sorted(m for (m, p) in operations() if p == path)


#: Vendor keyword of the spec: the UTF-8 byte limit of a string (the docs give limits in bytes;
#: JSON Schema's ``maxLength``, kept beside it, counts characters).
MAX_BYTES_KEYWORD: Final = "x-max-bytes"


def _max_bytes(validator: Any, limit: Any, instance: Any, schema: Any) -> Any:
    """``x-max-bytes``: a string longer than ``limit`` bytes in UTF-8 is invalid."""
    from jsonschema.exceptions import ValidationError  # type: ignore[import-untyped, unused-ignore]

    if isinstance(instance, str) and isinstance(limit, int):
        size = len(instance.encode("utf-8"))
        if size > limit:
            yield ValidationError(f"is {size} bytes in UTF-8, over the limit of {limit} bytes")


@functools.cache
def _validator_class() -> Any:
    """Draft 2020-12 plus the spec's ``x-max-bytes`` keyword."""
    from jsonschema import Draft202012Validator, validators  # type: ignore[import-untyped, unused-ignore]

    return validators.extend(Draft202012Validator, {MAX_BYTES_KEYWORD: _max_bytes})


@functools.cache
def _validator(schema_key: str) -> Any:
    """A compiled validator for a ``#/...`` ref or a JSON-encoded inline schema."""
    import json

    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    resource = Resource.from_contents(dict(load_spec()), default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource(_SPEC_URI, resource)
    if schema_key.startswith("#/"):
        schema: dict[str, Any] = {"$ref": _SPEC_URI + schema_key}
    else:
        schema = {"$defs": {}, **json.loads(schema_key)}
        schema = _rebase_refs(schema)
    return _validator_class()(schema, registry=registry)


def _rebase_refs(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            k: (
                _SPEC_URI + v
                if k == "$ref" and isinstance(v, str) and v.startswith("#/")
                else _rebase_refs(v)
            )
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rebase_refs(v) for v in node]
    return node


def _short(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 1] + "…"


def _field_name(path: Any) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _first_error(validator: Any, instance: Any) -> ValidationProblem | None:
    from jsonschema.exceptions import best_match  # type: ignore[import-untyped, unused-ignore]

    error = best_match(validator.iter_errors(instance))
    if error is None:
        return None
    name = _field_name(error.absolute_path)
    if error.validator == "required" and isinstance(error.validator_value, list):
        missing = [
            k
            for k in error.validator_value
            if isinstance(error.instance, dict) and k not in error.instance
        ]
        if missing:
            name = f"{name}.{missing[0]}" if name else str(missing[0])
            return ValidationProblem(
                40058, f"invalid parameter: missing required field {name!r}", name
            )
    where = name or "request body"
    kind = "bytes" if error.validator == MAX_BYTES_KEYWORD else "schema"
    message = f"invalid parameter: {where}: {_short(error.message)}"
    return ValidationProblem(40058, message, where, kind)


def validate_body(op: Operation, body: Any) -> ValidationProblem | None:
    """None when ``body`` (parsed JSON) matches the operation's request schema."""
    if op.body_ref is None:
        return None
    if op.variants:
        if not isinstance(body, dict):
            return ValidationProblem(40058, "invalid parameter: request body must be an object")
        msgtype = body.get("msgtype")
        if not isinstance(msgtype, str) or msgtype not in op.variants:
            known = ", ".join(sorted(op.variants))
            return ValidationProblem(
                40008, f"invalid msgtype {msgtype!r} (expected one of: {known})", "msgtype"
            )
        return _first_error(_validator(op.variants[msgtype]), body)
    return _first_error(_validator(op.body_ref), body)


def _coerce(raw: str, schema: Mapping[str, Any]) -> Any:
    kind = _resolve(load_spec(), schema).get("type")
    if kind == "integer":
        try:
            return int(raw)
        except ValueError:
            return raw
    return raw


def validate_query(op: Operation, query: Mapping[str, str]) -> ValidationProblem | None:
    """Declared query parameters: required ones present, values matching their schema."""
    import json

    for param in op.query:
        if param.name not in query:
            if param.required:
                return ValidationProblem(
                    40058, f"invalid parameter: missing query parameter {param.name!r}", param.name
                )
            continue
        key = json.dumps(dict(param.schema), sort_keys=True)
        problem = _first_error(_validator(key), _coerce(query[param.name], param.schema))
        if problem is not None:
            return ValidationProblem(
                40058,
                f"invalid parameter: query {param.name}: {problem.message.split(': ', 2)[-1]}",
                param.name,
            )
    return None
