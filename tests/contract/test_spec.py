"""Checks of the OpenAPI spec and of the client generated from it.

* the bundled spec validates and is exactly a fresh bundle of ``openapi/src`` (plus its copy in
  ``wxkefu_ext/data``);
* every ``example`` anywhere in the spec validates against its own schema (JSON Schema 2020-12,
  local refs resolved against the whole document);
* the generated models round-trip every JSON example losslessly, each example mapped to its
  generated class through the operation that owns it;
* every operation has a generated module with the four call styles, and nothing was silently
  dropped (the generator can drop endpoints with exit 0, codegen-notes §7);
* the committed generated tree equals a fresh generation (drift check);
* importing one endpoint module does not import every model (lazy ``models/__init__``).
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import json
import re
import subprocess
import sys
import typing
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
import yaml
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "openapi" / "wxkefu.yaml"
DATA_COPY = ROOT / "wxkefu_ext" / "data" / "wxkefu.yaml"
GEN_SCRIPT = ROOT / "scripts" / "gen.py"
GENERATED = ROOT / "generated" / "wxkefu_client"
SPEC_URI = "urn:wxkefu:spec"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
#: Keys whose values are maps of *names* to schemas: a child named "example" there is a property.
NAME_MAPS = {"properties", "patternProperties", "$defs", "schemas", "dependentSchemas"}


# --------------------------------------------------------------------------- helpers


def _load_gen_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("wxkefu_gen_script", GEN_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def spec_doc() -> dict[str, Any]:
    data = yaml.safe_load(BUNDLE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def registry_for(doc: dict[str, Any]) -> Registry:
    resource = Resource.from_contents(doc, default_specification=DRAFT202012)
    registry: Registry = Registry().with_resource(SPEC_URI, resource)
    return registry


def validator_at(registry: Registry, pointer: str) -> Draft202012Validator:
    """A validator for the schema at ``pointer`` inside the spec, so local refs resolve."""
    return Draft202012Validator({"$ref": f"{SPEC_URI}#{pointer}"}, registry=registry)


def iter_examples(
    node: Any, pointer: str = "", parent_key: str = ""
) -> Iterator[tuple[str, str, Any]]:
    """Yield ``(where, schema_pointer, example)`` for every example in the document.

    * A mapping with ``schema`` (media type, parameter, header) holding ``example`` or
      ``examples: {name: {value}}``: the example belongs to that ``schema``.
    * Any other mapping holding ``example`` (or a JSON Schema ``examples`` list) is a schema
      object: the example belongs to the mapping itself.
    Example values are never walked into (they may contain keys named "example").
    """
    if isinstance(node, dict):
        in_name_map = parent_key in NAME_MAPS
        if not in_name_map:
            if "schema" in node and isinstance(node["schema"], dict):
                target = f"{pointer}/schema"
                if "example" in node:
                    yield f"{pointer}/example", target, node["example"]
                examples = node.get("examples")
                if isinstance(examples, dict):
                    for name, ex in examples.items():
                        if isinstance(ex, dict) and "value" in ex:
                            yield f"{pointer}/examples/{_escape(name)}", target, ex["value"]
            else:
                if "example" in node:
                    yield f"{pointer}/example", pointer, node["example"]
                if isinstance(node.get("examples"), list):
                    for i, ex in enumerate(node["examples"]):
                        yield f"{pointer}/examples/{i}", pointer, ex
        for key, value in node.items():
            if not in_name_map and key in ("example", "examples"):
                continue
            yield from iter_examples(value, f"{pointer}/{_escape(str(key))}", str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from iter_examples(value, f"{pointer}/{i}", parent_key)


def example_errors(doc: dict[str, Any]) -> list[str]:
    registry = registry_for(doc)
    problems: list[str] = []
    for where, schema_ptr, example in iter_examples(doc):
        for err in validator_at(registry, schema_ptr).iter_errors(example):
            loc = "/".join(str(p) for p in err.absolute_path) or "(root)"
            problems.append(f"{where} at {loc}: {err.message}")
    return problems


def operations(doc: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in doc.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method in item:
                yield path, method, item[method]


def snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def endpoint_module(op: dict[str, Any]) -> ModuleType:
    return importlib.import_module(
        f"wxkefu_client.api.{snake(op['tags'][0])}.{snake(op['operationId'])}"
    )


def model_class(name: str) -> type[Any] | None:
    models = importlib.import_module("wxkefu_client.models")
    cls = getattr(models, name, None)
    return cls if isinstance(cls, type) and hasattr(cls, "from_dict") else None


def ref_name(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref", "")
    prefix = "#/components/schemas/"
    return ref[len(prefix) :] if ref.startswith(prefix) else None


def body_class(module: ModuleType) -> type[Any]:
    """The generated class of the ``body`` argument of an endpoint (``X`` or ``X | Unset``)."""
    hints = typing.get_type_hints(module.sync_detailed)
    candidates = [hints["body"], *typing.get_args(hints["body"])]
    for cand in candidates:
        if inspect.isclass(cand) and hasattr(cand, "from_dict"):
            return cand
    raise AssertionError(f"{module.__name__}: no model class in body type {hints['body']!r}")


def _client() -> Any:
    from wxkefu_client import Client

    return Client(base_url="https://qyapi.weixin.qq.com/cgi-bin", raise_on_unexpected_status=True)


def roundtrip_cases(doc: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """``(id, parse, example)`` for every JSON example; ``parse(example)`` returns a model."""
    cases: list[tuple[str, Any, Any]] = []
    for _path, _method, op in operations(doc):
        opid = op["operationId"]
        module = endpoint_module(op)
        body = op.get("requestBody", {}).get("content", {}).get("application/json")
        if body is not None and "example" in body:
            cls = body_class(module)
            cases.append((f"{opid}:request", cls.from_dict, body["example"]))
        for status, resp in op.get("responses", {}).items():
            content = resp.get("content", {})
            media = content.get("application/json")
            if media is None or "example" not in media:
                continue
            if next(iter(content)) == "application/json":
                # The generated endpoint parses the first content type: go through it, so the
                # example is mapped to exactly the class the client produces.
                def parse(ex: Any, module: ModuleType = module, status: str = status) -> Any:
                    code = 200 if status == "default" else int(status)
                    return module._parse_response(
                        client=_client(), response=httpx.Response(code, json=ex)
                    )

                cases.append((f"{opid}:{status}", parse, media["example"]))
            else:
                name = ref_name(media["schema"])
                resp_cls = model_class(name) if name else None
                assert resp_cls is not None, f"{opid} {status}: no generated class for its example"
                cases.append((f"{opid}:{status}:json", resp_cls.from_dict, media["example"]))
    for name, schema in doc.get("components", {}).get("schemas", {}).items():
        if "example" not in schema:
            continue
        schema_cls = model_class(name)
        if schema_cls is not None:  # enums and unions have no model class of their own
            cases.append((f"schema:{name}", schema_cls.from_dict, schema["example"]))
    return cases


# --------------------------------------------------------------------------- spec


def test_spec_validates() -> None:
    from openapi_spec_validator import validate

    validate(spec_doc())
    assert spec_doc()["openapi"].startswith("3.1.")


def test_bundle_is_fresh_and_copied() -> None:
    gen = _load_gen_module()
    fresh = gen.bundle_text()
    assert BUNDLE.read_text(encoding="utf-8") == fresh, (
        "openapi/wxkefu.yaml is stale: run `make gen`"
    )
    assert DATA_COPY.read_text(encoding="utf-8") == fresh, "wxkefu_ext/data/wxkefu.yaml is stale"


def test_bundler_rejects_a_key_defined_twice(tmp_path: Path) -> None:
    gen = _load_gen_module()
    a = tmp_path / "a.yaml"
    b = tmp_path / "b.yaml"
    a.write_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\ncomponents: {schemas: {X: {}}}\n")
    b.write_text("components:\n  schemas:\n    X: {type: object}\n")
    with pytest.raises(gen.BundleError, match=r"components\.schemas\.X .*a\.yaml.*b\.yaml"):
        gen.bundle([a, b])


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("#/components/schemas/Missing", "does not resolve"),
        ("./other.yaml#/X", "is not local"),
    ],
)
def test_bundler_rejects_bad_refs(tmp_path: Path, ref: str, message: str) -> None:
    gen = _load_gen_module()
    src = tmp_path / "a.yaml"
    src.write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n"
        f"components: {{schemas: {{X: {{$ref: '{ref}'}}}}}}\n"
    )
    with pytest.raises(gen.BundleError, match=f"a\\.yaml: .*{message}"):
        gen.bundle([src])


def test_security_is_query_token_at_root_only() -> None:
    doc = spec_doc()
    scheme = doc["components"]["securitySchemes"]["AccessToken"]
    assert scheme == {**scheme, "type": "apiKey", "in": "query", "name": "access_token"}
    assert doc["security"] == [{"AccessToken": []}]
    for path, method, op in operations(doc):
        if op["operationId"] == "getToken":
            assert op["security"] == [], "gettoken must not require a token"
        elif path.startswith("/service/"):
            # provider endpoints (provider.yaml): no token for the token endpoints, else the
            # suite or provider token — never the corp access_token
            assert op["security"] in PROVIDER_SECURITY, f"{method.upper()} {path}: {op['security']}"
        else:
            assert "security" not in op, f"{method.upper()} {path}: operation-level security"


#: The only operation-level security the provider endpoints may declare.
PROVIDER_SECURITY = ([], [{"SuiteAccessToken": []}], [{"ProviderAccessToken": []}])


def test_every_operation_documented_with_examples() -> None:
    missing: list[str] = []
    for path, method, op in operations(spec_doc()):
        where = f"{method.upper()} {path}"
        for key in ("operationId", "summary", "description", "tags"):
            if not op.get(key):
                missing.append(f"{where}: no {key}")
        body = op.get("requestBody", {}).get("content", {})
        for ctype, media in body.items():
            if "example" not in media and "examples" not in media:
                missing.append(f"{where}: request {ctype} has no example")
        for status, resp in op.get("responses", {}).items():
            for ctype, media in resp.get("content", {}).items():
                if ctype == "application/json" and "example" not in media:
                    missing.append(f"{where}: response {status} {ctype} has no example")
    assert not missing, "\n".join(missing)


def test_every_json_response_has_the_errcode_envelope() -> None:
    doc = spec_doc()
    schemas = doc["components"]["schemas"]

    def has_base(schema: dict[str, Any]) -> bool:
        name = ref_name(schema)
        if name in ("BaseResp", "ServiceBaseResp"):  # ServiceBaseResp: errcode on failure only
            return True
        if name is not None:
            return has_base(schemas[name])
        return any(has_base(part) for part in schema.get("allOf", []))

    bad = [
        f"{method.upper()} {path} {status}"
        for path, method, op in operations(doc)
        for status, resp in op.get("responses", {}).items()
        for ctype, media in resp.get("content", {}).items()
        if ctype == "application/json" and not has_base(media["schema"])
    ]
    assert not bad, f"JSON responses without BaseResp: {bad}"


#: Plain enums reachable from responses that are knowingly not tolerant. `NoNewlineKnown`
#: (msgmenu `text.no_newline`, owned by message.yaml) is shared between send_msg and the
#: msgmenu messages sync_msg returns; reported, not fixed here.
NON_TOLERANT_OK: set[str] = set()


def non_tolerant_response_enums(doc: dict[str, Any]) -> set[str]:
    """Enums a server sends that are not wrapped as ``anyOf: [<enum>, {type: ...}]``.

    An unknown value of a plain enum makes the generated client raise on the whole response
    (codegen-notes §5), so every server-sent enum must have a plain-type alternative.
    """
    schemas = doc["components"]["schemas"]
    found: set[str] = set()
    seen: set[tuple[str, bool]] = set()

    def walk(schema: Any, tolerant: bool, where: str) -> None:
        if not isinstance(schema, dict):
            return
        name = ref_name(schema)
        if name is not None:
            if (name, tolerant) not in seen:
                seen.add((name, tolerant))
                walk(schemas[name], tolerant, name)
            return
        if "enum" in schema and not tolerant:
            found.add(where)
        alts = schema.get("anyOf", [])
        plain = any("type" in a and "enum" not in a and "$ref" not in a for a in alts)
        for alt in alts:
            walk(alt, plain, where)
        for key in ("oneOf", "allOf"):
            for alt in schema.get(key, []):
                walk(alt, False, where)
        for prop, sub in schema.get("properties", {}).items():
            walk(sub, False, f"{where}.{prop}")
        for key in ("items", "additionalProperties"):
            walk(schema.get(key), False, f"{where}[]")

    for _, _, op in operations(doc):
        for resp in op.get("responses", {}).values():
            for media in resp.get("content", {}).values():
                walk(media.get("schema"), False, op["operationId"])
    return found


def test_server_sent_enums_are_tolerant() -> None:
    bad = non_tolerant_response_enums(spec_doc()) - NON_TOLERANT_OK
    assert not bad, f"plain enums in responses (use anyOf [Known, integer|string]): {sorted(bad)}"


def test_tolerance_check_flags_a_plain_enum() -> None:
    doc: dict[str, Any] = {
        "paths": {"/x": {"get": {"operationId": "x", "responses": {"200": {"content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/R"}}}}}}}},
        "components": {"schemas": {
            "K": {"type": "integer", "enum": [0, 1]},
            "R": {"type": "object", "properties": {
                "ok": {"anyOf": [{"$ref": "#/components/schemas/K"}, {"type": "integer"}]},
                "bad": {"items": {"$ref": "#/components/schemas/K"}, "type": "array"},
            }},
        }},
    }  # fmt: skip
    assert non_tolerant_response_enums(doc) == {"K"}


def test_enum_varnames_match_their_enums() -> None:
    """YAML 1.1 reads bare NO/YES/ON/OFF as booleans, which crashes the generator."""
    for name, schema in spec_doc()["components"]["schemas"].items():
        names = schema.get("x-enum-varnames")
        if names is None:
            continue
        assert len(names) == len(schema["enum"]), name
        assert all(isinstance(n, str) and n.isidentifier() for n in names), (name, names)


def test_every_example_validates_against_its_schema() -> None:
    found = list(iter_examples(spec_doc()))
    assert len(found) >= 2 * len(list(operations(spec_doc())))
    problems = example_errors(spec_doc())
    assert not problems, "\n".join(problems)


def test_example_check_catches_a_bad_example() -> None:
    """The walker finds examples at all three levels and the validator resolves refs."""
    doc: dict[str, Any] = {
        "openapi": "3.1.0",
        "paths": {
            "/x": {
                "post": {
                    "parameters": [
                        {
                            "name": "n",
                            "in": "query",
                            "schema": {"type": "integer"},
                            "example": "one",
                        }
                    ],
                    "responses": {
                        "200": {
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/R"},
                                    "example": {"errcode": "0"},
                                }
                            }
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "R": {
                    "type": "object",
                    "required": ["errcode"],
                    "properties": {
                        "errcode": {"type": "integer"},
                        "example": {"type": "string", "example": 5},
                    },
                    "example": {},
                }
            }
        },
    }
    problems = example_errors(doc)
    joined = "\n".join(problems)
    assert len(problems) == 4, joined
    assert "'one' is not of type 'integer'" in joined
    assert "'0' is not of type 'integer'" in joined
    assert "'errcode' is a required property" in joined
    assert "5 is not of type 'string'" in joined


# --------------------------------------------------------------------------- generated client


def test_every_operation_has_a_generated_module() -> None:
    ops = list(operations(spec_doc()))
    ids = [op["operationId"] for _, _, op in ops]
    assert len(ids) == len(set(ids)), "duplicate operationId"
    for _, _, op in ops:
        module = endpoint_module(op)
        for fn in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
            assert callable(getattr(module, fn, None)), f"{module.__name__}.{fn} missing"
    modules = [p for p in (GENERATED / "api").glob("*/*.py") if p.name != "__init__.py"]
    assert len(modules) == len(ops), "generated endpoint modules != operations (silent drop?)"


def test_generated_models_round_trip_every_json_example() -> None:
    cases = roundtrip_cases(spec_doc())
    assert len(cases) >= 2 * len(list(operations(spec_doc())))
    failures: list[str] = []
    for case_id, parse, example in cases:
        try:
            model = parse(json.loads(json.dumps(example)))
            got = model.to_dict()
        except Exception as exc:
            failures.append(f"{case_id}: {type(exc).__name__}: {exc}")
            continue
        if got != example:
            failures.append(f"{case_id}: {got!r} != {example!r}")
    assert not failures, "\n".join(failures)


def test_roundtrip_detects_a_lossy_model() -> None:
    """Guard against a tautology: a changed value must show up as a difference."""
    from wxkefu_client.api.account import account_list

    example = {"errcode": 0, "errmsg": "ok", "account_list": [{"open_kfid": "a", "name": "n"}]}
    parsed = account_list._parse_response(
        client=_client(), response=httpx.Response(200, json=example)
    )
    assert parsed is not None and isinstance(parsed.account_list, list)
    parsed.account_list[0].name = "changed"
    assert parsed.to_dict() != example


def test_models_export_every_name_lazily() -> None:
    models = importlib.import_module("wxkefu_client.models")
    for name in models.__all__:
        assert getattr(models, name).__name__ == name
    with pytest.raises(AttributeError, match="NoSuchModel"):
        models.NoSuchModel  # noqa: B018


def test_one_endpoint_module_does_not_import_all_models() -> None:
    code = (
        "import sys, json\n"
        "import wxkefu_client.api.account.account_list\n"
        "import wxkefu_client.models as m\n"
        "loaded = sorted(k for k in sys.modules if k.startswith('wxkefu_client.models.'))\n"
        "print(json.dumps({'loaded': loaded, 'total': len(m.__all__)}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    result = json.loads(out)
    loaded = set(result["loaded"])
    assert "wxkefu_client.models.account_list_resp" in loaded
    assert "wxkefu_client.models.knowledge_intent" not in loaded
    assert len(loaded) <= 5 < result["total"], loaded


def test_generated_tree_has_no_drift() -> None:
    if importlib.util.find_spec("openapi_python_client") is None:
        pytest.skip("openapi-python-client is not installed (pip install -e '.[dev]')")
    proc = subprocess.run(
        [sys.executable, str(GEN_SCRIPT), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 0, (
        f"`make gen` output differs from the commit:\n{proc.stderr}{proc.stdout}"
    )
