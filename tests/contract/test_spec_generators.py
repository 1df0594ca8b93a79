"""Spec rules that keep other generators working (openapi-generator java/go, TypeScript,
datamodel-code-generator; see info.description and `make polyglot`). Each test names the
failure it guards against; all read the bundled openapi/wxkefu.yaml."""

from __future__ import annotations

import csv
import importlib.util
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "openapi" / "wxkefu.yaml"
LIMITS = {"minLength", "maxLength", "minItems", "maxItems", "pattern", "minimum", "maximum",
          "exclusiveMinimum", "exclusiveMaximum", "x-max-bytes"}  # fmt: skip
UNIONS = (
    ("SyncMsgItem", "msgtype", "UnknownMessage"),
    ("KfEvent", "event_type", "UnknownEvent"),
    ("ReceivedMsgMenuItem", "type", "UnknownMsgMenuItem"),
)


@cache
def doc() -> dict[str, Any]:
    with SPEC.open(encoding="utf-8") as fh:
        loaded: dict[str, Any] = yaml.safe_load(fh)
    return loaded


def schemas() -> dict[str, Any]:
    return dict(doc()["components"]["schemas"])


def refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            yield ref.rsplit("/", 1)[-1]
        for key, value in node.items():
            if key not in ("example", "examples"):
                yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


def closure(roots: set[str]) -> set[str]:
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(set(refs(schemas()[name])) - seen)
    return seen


def operations() -> Iterator[tuple[str, dict[str, Any]]]:
    for path, item in doc()["paths"].items():
        for method, op in item.items():
            if method in {"get", "post"}:
                yield f"{method.upper()} {path}", op


def response_schemas() -> set[str]:
    return closure({n for _, op in operations() for n in refs(op["responses"])})


def request_schemas() -> set[str]:
    roots = {
        n for _, op in operations() for n in refs([op.get("requestBody"), op.get("parameters")])
    }
    return closure(roots)


def limit_keywords(node: Any, where: str) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in LIMITS and not isinstance(value, dict):
                yield f"{where}.{key}"
            elif key not in ("example", "examples", "description", "properties"):
                yield from limit_keywords(value, f"{where}.{key}")
            elif key == "properties":
                for prop, sub in value.items():
                    yield from limit_keywords(sub, f"{where}.{prop}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from limit_keywords(value, f"{where}[{i}]")


def test_responses_reuse_no_request_side_limits() -> None:
    """One odd pulled item must not fail a page in a validating consumer (review A8)."""
    shared = response_schemas() & request_schemas()
    assert all("enum" in schemas()[n] for n in shared), sorted(shared)
    found = [hit for n in sorted(response_schemas()) for hit in limit_keywords(schemas()[n], n)]
    assert not found, found


def test_response_objects_keep_unknown_fields() -> None:
    """Go's generated decoder rejects unknown fields unless additionalProperties is true."""
    missing = [
        n
        for n in sorted(response_schemas())
        if (schemas()[n].get("type") == "object" or "allOf" in schemas()[n])
        and schemas()[n].get("additionalProperties") is not True
    ]
    assert not missing, missing


def test_no_if_then_inside_allof_members() -> None:
    """openapi-generator drops every payload field when if/then sits in an allOf member."""
    bad = [
        n
        for n, s in schemas().items()
        for member in s.get("allOf", ())
        if "if" in member or "then" in member
    ]
    assert not bad, bad


def test_enum_varnames_are_unique_across_the_spec() -> None:
    """Go puts every varname in one package namespace: NO/YES twice breaks the build."""
    seen: dict[str, str] = {}
    for name, s in schemas().items():
        for var in s.get("x-enum-varnames", ()):
            assert var not in seen, f"{var} in {name} and {seen[var]}"
            seen[var] = name


def test_no_two_properties_differ_only_in_case() -> None:
    """Java/Go field names are case-insensitive in effect (encrypt/Encrypt did not compile)."""
    for name, s in schemas().items():
        for part in [s, *s.get("allOf", ())]:
            props = [p.lower() for p in part.get("properties", {})]
            assert len(props) == len(set(props)), name


def test_uint32_fields_are_int64_for_java_and_go() -> None:
    def walk(node: Any, where: str) -> Iterator[str]:
        if isinstance(node, dict):
            if node.get("maximum") == 4294967295 and node.get("format") != "int64":
                yield where
            for key, value in node.items():
                yield from walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from walk(value, f"{where}[{i}]")

    assert not list(walk(schemas(), "schemas"))


@pytest.mark.parametrize(("union", "tag", "catch_all"), UNIONS)
def test_received_unions_are_discriminated_and_open(union: str, tag: str, catch_all: str) -> None:
    s = schemas()[union]
    members = [r["$ref"].rsplit("/", 1)[-1] for r in s["oneOf"]]
    assert members[-1] == catch_all
    disc = s["discriminator"]
    assert disc["propertyName"] == tag
    mapping = {k: v.rsplit("/", 1)[-1] for k, v in disc["mapping"].items()}
    assert sorted(mapping.values()) == sorted(members[:-1]), "mapping = the known members"
    assert catch_all not in mapping.values(), "the catch-all must stay out of the mapping"
    assert sorted(mapping) == sorted(schemas()[catch_all]["properties"][tag]["not"]["enum"])
    # OpenAPI 3.1.0 and redocly's no-illogical-composition-keywords: every member requires the tag.
    assert tag in schemas()[catch_all]["required"], "discriminators need the tag present"
    assert schemas()[catch_all]["additionalProperties"] is True


def test_callbacks_are_webhooks_with_both_envelopes() -> None:
    hooks = doc()["webhooks"]
    kf_hooks = {"kf_msg_or_event", "kf_account_auth_change"}
    assert kf_hooks <= set(hooks)
    for name, item in hooks.items():
        content = item["post"]["requestBody"]["content"]
        assert content["text/xml"]["schema"]["$ref"].endswith("/CallbackEnvelopeXml"), name
        if name not in kf_hooks:
            continue  # the provider's instruction callbacks (provider.yaml) are XML only
        assert content["text/xml"]["schema"]["$ref"].endswith("/CallbackEnvelopeXml"), name
        assert content["application/json"]["schema"]["$ref"].endswith("/CallbackEnvelopeJson")
        decrypted = item["post"]["x-decrypted-schema"]["$ref"].rsplit("/", 1)[-1]
        assert decrypted in schemas(), name


def _table() -> dict[int, dict[str, str]]:
    path = ROOT / "wxkefu_ext" / "data" / "errcodes.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        return {int(r["code"]): r for r in csv.DictReader(fh, delimiter="\t")}


def _handler_codes() -> dict[str, set[int]]:
    spec = importlib.util.spec_from_file_location(
        "spec_extras", ROOT / "scripts" / "spec_extras.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    codes: dict[str, set[int]] = module.handler_codes()
    return codes


def test_every_operation_lists_its_errcodes_from_the_table() -> None:
    table = _table()
    by_handler = _handler_codes()
    assert len(by_handler) >= 30, "the emulator's handlers were not found"
    for where, op in operations():
        codes = op["x-errcodes"]
        assert codes == sorted(set(codes)), where
        assert set(codes) <= set(table), f"{where}: {sorted(set(codes) - set(table))}"
        raised = by_handler.get(op["operationId"], set())
        assert raised <= set(codes), f"{where}: emulator raises {sorted(raised - set(codes))}"
        if op.get("security", doc()["security"]):
            assert {40014, 41001, 42001} <= set(codes), where


def test_handler_codes_follow_registrations_and_local_helpers() -> None:
    """Handlers are found by their ``@handles`` decorator, and a code raised in a helper of the
    same module counts for each handler that calls it (servicers look their account up through
    one; sync_msg checks its cursor in another)."""
    by_handler = _handler_codes()
    assert {95000, 95004} <= by_handler["servicerAdd"]
    assert {95000, 95004} <= by_handler["servicerDel"]
    assert 50100 in by_handler["syncMsg"]
    assert 50100 in set(doc()["paths"]["/kf/sync_msg"]["post"]["x-errcodes"])


def test_errcodes_of_send_msg_name_the_session_rules() -> None:
    codes = set(doc()["paths"]["/kf/send_msg"]["post"]["x-errcodes"])
    assert {95018, 95001, 95002} <= codes
