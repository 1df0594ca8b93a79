"""Service-provider operations: suite/provider/corp tokens, the authorisation flow, id conversion.

The state lives in :mod:`wxkefu_ext.emulator.provider` (``emu.provider``); these handlers only
check the suite token and hand over. The id conversions run inside a provider-authorised corp's
own emulator (the corp token routes there); a self-built app's token gets 48002, as the
conversions are for third-party and 代开发 apps only.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from wxkefu_ext.emulator._http import ApiError, Response
from wxkefu_ext.emulator.handlers.call import handles
from wxkefu_ext.emulator.provider import provider_corp, provider_for

if TYPE_CHECKING:
    from wxkefu_ext.emulator.handlers.call import Call, Handler
    from wxkefu_ext.emulator.world import World

_USERID = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")


@handles("getSuiteToken")
def get_suite_token(emu: World, call: Call) -> Response:
    return provider_for(emu).suite_token(call.body)


@handles("getProviderToken")
def get_provider_token(emu: World, call: Call) -> Response:
    return provider_for(emu).provider_token(call.body)


@handles("getPreAuthCode")
def get_pre_auth_code(emu: World, call: Call) -> dict[str, Any]:
    p = provider_for(emu)
    return p.pre_auth_code(p.check_suite_token(call.query.get("suite_access_token")))


def _with_suite(method: str, **options: Any) -> Handler:
    """A handler that checks the suite_access_token, then calls ``ProviderEmulator.<method>``
    with the suite and the body."""

    def handler(emu: World, call: Call) -> Any:
        p = provider_for(emu)
        suite = p.check_suite_token(call.query.get("suite_access_token"))
        return getattr(p, method)(suite, call.body, **options)

    return handler


def _provider_corp(emu: World) -> tuple[Any, str]:
    found = provider_corp(emu)
    if found is None:
        raise ApiError(48002, "api forbidden: only third-party and 代开发 apps may convert ids")
    return found


@handles("useridToOpenuserid")
def userid_to_openuserid(emu: World, call: Call) -> dict[str, Any]:
    provider, corp_id = _provider_corp(emu)
    converted, invalid = [], []
    for userid in call.body["userid_list"]:
        if _USERID.match(userid) and not userid.startswith("wo"):
            open_userid = provider.open_userid(corp_id, userid)
            converted.append({"userid": userid, "open_userid": open_userid})
        else:
            invalid.append(userid)
    return {"open_userid_list": converted, "invalid_userid_list": invalid}


@handles("getNewExternalUserid")
def get_new_external_userid(emu: World, call: Call) -> dict[str, Any]:
    _provider_corp(emu)
    # the corp's customers were created for this provider already: ids come back unchanged
    known = emu.state.customers
    items = [
        {"external_userid": uid, "new_external_userid": uid}
        for uid in call.body["external_userid_list"]
        if uid in known
    ]
    return {"items": items}


handles("setSessionInfo")(_with_suite("session_info"))
handles("getPermanentCode")(_with_suite("permanent_code"))
handles("getAuthInfo")(_with_suite("auth_info"))
handles("getPermanentCodeV2")(_with_suite("permanent_code", v2=True))
handles("getAuthInfoV2")(_with_suite("auth_info", v2=True))
handles("getCorpToken")(_with_suite("corp_token"))
