"""Control-API routes of the emulator's service-provider side (added to :data:`.control.ROUTES`).

The HTTP face of :class:`~wxkefu_ext.emulator.provider.ProviderEmulator`, for a provider under
test that runs in another process (or language) than the emulator. JSON in and out, under
``/_emulator/provider``; no token; bad input is HTTP 400 with the reason (and the errcode WeCom
would give, for an unknown / expired pre-auth code). Replies never carry a suite secret or a
permanent code; a pushed ticket or an auth_code is returned, as a test needs it.

=======  ========================================  ==============================================
GET      /_emulator/provider                       → suites, corps and grants, stats, deliveries
POST     /_emulator/provider/suites                {suite_id, secret, kind?}
POST     /_emulator/provider/suites/callback       {suite_id, url | null, token, encoding_aes_key}
                                                   (the first suite_ticket is pushed at once)
POST     /_emulator/provider/suite_ticket          {suite_id} → {suite_ticket} (pushed if set up)
POST     /_emulator/provider/tick                  → {pushed}: tickets due on the emulator clock
POST     /_emulator/provider/corps                 {corp_id, name?} → {corp_id}
POST     /_emulator/provider/corps/accounts        {corp_id, name?} → {open_kfid}
POST     /_emulator/provider/corps/servicers       {corp_id, open_kfid, userid} → {open_userid}
POST     /_emulator/provider/install               {pre_auth_code, corp_id, state?}
                                                   → {suite_id, auth_code} (an installation link)
POST     /_emulator/provider/authorize             {suite_id, corp_id, state?, push?}
                                                   → {auth_code} (app-market install: create_auth)
POST     /_emulator/provider/change_auth           {suite_id, corp_id}
POST     /_emulator/provider/cancel_auth           {suite_id, corp_id}
POST     /_emulator/provider/reset_permanent_code  {suite_id, corp_id} → {auth_code} (代开发)
POST     /_emulator/provider/flush                 {timeout?} → {flushed}: instructions delivered
=======  ========================================  ==============================================
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wxkefu_ext.emulator.provider import ProviderEmulator, provider_for
from wxkefu_ext.emulator.routes import Routes, text

if TYPE_CHECKING:
    from wxkefu_ext.emulator._http import Request
    from wxkefu_ext.emulator.scenario import Scenario

__all__ = ["ROUTES"]

ROUTES = Routes("/_emulator/provider")


def _p(emu: Scenario) -> ProviderEmulator:
    return provider_for(emu)


@ROUTES.route("GET", "")
def _state(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    return _p(emu).snapshot()


@ROUTES.route("POST", "/suites")
def _suites(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    kind = body.get("kind")
    if kind not in (None, "third_party", "custom"):
        raise ValueError("'kind' must be 'third_party' or 'custom'")
    _p(emu).add_suite(text(body, "suite_id"), text(body, "secret"), kind=kind)
    return {}


@ROUTES.route("POST", "/suites/callback")
def _callback(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    url = body.get("url")
    if url is not None and not isinstance(url, str):
        raise ValueError("'url' must be a string or null")
    _p(emu).set_instruction_callback(
        text(body, "suite_id"),
        url,
        token=body.get("token"),
        encoding_aes_key=body.get("encoding_aes_key"),
    )
    return {}


@ROUTES.route("POST", "/suite_ticket")
def _ticket(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    return {"suite_ticket": _p(emu).push_suite_ticket(text(body, "suite_id"))}


@ROUTES.route("POST", "/tick")
def _tick(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    return {"pushed": _p(emu).tick()}


@ROUTES.route("POST", "/corps")
def _corps(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    corp_id = text(body, "corp_id")
    _p(emu).add_corp(corp_id, text(body, "name", ""))
    return {"corp_id": corp_id}


@ROUTES.route("POST", "/corps/accounts")
def _accounts(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    corp = _p(emu).corp(text(body, "corp_id"))
    return {"open_kfid": corp.create_account(text(body, "name", "客服"))}


@ROUTES.route("POST", "/corps/servicers")
def _servicers(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    open_userid = _p(emu).add_servicer(
        text(body, "corp_id"), text(body, "open_kfid"), text(body, "userid")
    )
    return {"open_userid": open_userid}


@ROUTES.route("POST", "/install")
def _install(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    suite_id, code = _p(emu).install(
        text(body, "pre_auth_code"), text(body, "corp_id"), state=text(body, "state", "")
    )
    return {"suite_id": suite_id, "auth_code": code}


@ROUTES.route("POST", "/authorize")
def _authorize(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    code = _p(emu).authorize(
        *_grant(body), state=text(body, "state", ""), push=bool(body.get("push", True))
    )
    return {"auth_code": code}


def _grant(body: dict[str, Any]) -> tuple[str, str]:
    return text(body, "suite_id"), text(body, "corp_id")


@ROUTES.route("POST", "/change_auth")
def _change(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    _p(emu).change_auth(*_grant(body))
    return {}


@ROUTES.route("POST", "/cancel_auth")
def _cancel(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    _p(emu).cancel_auth(*_grant(body))
    return {}


@ROUTES.route("POST", "/reset_permanent_code")
def _reset(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    return {"auth_code": _p(emu).reset_permanent_code(*_grant(body))}


@ROUTES.route("POST", "/flush")
def _flush(emu: Scenario, body: dict[str, Any], _: Request) -> dict[str, Any]:
    return {"flushed": _p(emu).flush(float(body.get("timeout", 5.0)))}
