"""schemathesis hooks for the Kf API: the errcode-aware check (codegen-notes §8).

Every Kf reply is HTTP 200 + ``{errcode, errmsg}``, so status- and schema-based checks cannot
see a wrongly rejected or wrongly accepted request. This check reads the errcode, and the
emulator's ``x-wxkefu-emulator-rejected`` header that says *why* it refused:

* a positive (schema-valid) case must never be refused as malformed (``schema`` / ``json``),
  unauthenticated (``auth``) or unroutable (``route``); business refusals (unknown ids,
  windows, limits: ``business``) are legitimate for random but valid data;
* a negative case whose *body* was mutated must get ``errcode != 0`` (query/header mutations
  are mostly extra parameters a server may ignore);
* a 5xx is only acceptable when the emulator says a fault was injected.
"""

from __future__ import annotations

from typing import Any

import schemathesis

REJECT_HEADER = "x-wxkefu-emulator-rejected"
# "bytes" (an x-max-bytes violation) is not here: schemathesis counts characters, so a body
# over a byte limit is "schema-valid" to it although the spec (and the server) reject it.
MALFORMED = frozenset({"schema", "json", "auth", "route"})


def _header(response: Any, name: str) -> str:
    values = response.headers.get(name) or response.headers.get(name.title()) or [""]
    return str(values[0]) if isinstance(values, list | tuple) else str(values)


@schemathesis.check
def errcode_semantics(ctx: Any, response: Any, case: Any) -> bool | None:
    reason = _header(response, REJECT_HEADER)
    if response.status_code >= 500 and reason != "fault":
        raise AssertionError(f"HTTP {response.status_code} without an injected fault")
    if case.method.upper() != case.operation.method.upper():
        return None
    if not _header(response, "content-type").startswith("application/json"):
        return None
    body = response.json()
    errcode = body.get("errcode") if isinstance(body, dict) else None
    meta = case.meta
    if meta is not None and meta.generation.mode.is_negative:
        mutated = {loc.value for loc, info in meta.components.items() if info.mode.is_negative}
        if "body" in mutated and errcode == 0:
            raise AssertionError("schema-invalid body accepted with errcode 0")
        return None
    if reason in MALFORMED:
        raise AssertionError(
            f"schema-valid request rejected as {reason}: errcode {errcode}: {body.get('errmsg')}"
        )
    return None
