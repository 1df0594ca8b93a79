"""gettoken and Kf accounts: add / del / update / list, contact links, id conversion."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from wxkefu_ext.emulator._http import ApiError
from wxkefu_ext.emulator.handlers.call import handles
from wxkefu_ext.emulator.world import MEDIA_SECONDS

if TYPE_CHECKING:
    from wxkefu_ext.emulator.handlers.call import Call
    from wxkefu_ext.emulator.state import Media
    from wxkefu_ext.emulator.world import World


def _digest(*parts: str, n: int = 24) -> str:
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:n]


def live_media(emu: World, media_id: str, *, field: str = "media_id") -> Media:
    """The stored media or 40007 (unknown, or older than 3 days)."""
    found = emu.state.media.get(media_id)
    if found is None:
        raise ApiError(40007, f"invalid media_id in {field}: unknown media")
    if emu.clock.now() - found.created_at >= MEDIA_SECONDS:
        raise ApiError(40007, f"invalid media_id in {field}: expired (media lives 3 days)")
    return found


def avatar_url(media_id: str) -> str:
    return f"https://wework.qpic.cn/wwpic/emulator/{_digest(media_id, n=16)}/0" if media_id else ""


@handles("getToken")
def get_token(emu: World, call: Call) -> dict[str, Any]:
    token, expires_in = emu.check_credentials(call.query["corpid"], call.query["corpsecret"])
    return {"access_token": token, "expires_in": expires_in}


@handles("accountAdd")
def account_add(emu: World, call: Call) -> dict[str, Any]:
    name = str(call.body["name"])
    if not name.strip():
        raise ApiError(95006, "invalid kf account name: blank")
    live_media(emu, call.body["media_id"])
    return {"open_kfid": emu.add_account(name, call.body["media_id"]).open_kfid}


@handles("accountDel")
def account_del(emu: World, call: Call) -> dict[str, Any]:
    account = emu.account(call.body["open_kfid"])
    del emu.state.accounts[account.open_kfid]
    emu.state.deleted_accounts.add(account.open_kfid)
    return {}


@handles("accountUpdate")
def account_update(emu: World, call: Call) -> dict[str, Any]:
    account = emu.account(call.body["open_kfid"])
    if "media_id" in call.body:
        live_media(emu, call.body["media_id"])
    if "name" in call.body:
        if not str(call.body["name"]).strip():
            raise ApiError(95006, "invalid kf account name: blank")
        account.name = call.body["name"]
    if "media_id" in call.body:
        account.media_id = call.body["media_id"]
    return {}


@handles("accountList")
def account_list(emu: World, call: Call) -> dict[str, Any]:
    offset = int(call.body.get("offset", call.query.get("offset", 0)) or 0)
    limit = int(call.body.get("limit", call.query.get("limit", 100)) or 100)
    accounts = list(emu.state.accounts.values())[offset : offset + limit]
    return {
        "account_list": [
            {
                "open_kfid": a.open_kfid,
                "name": a.name,
                "avatar": avatar_url(a.media_id),
                "manage_privilege": True,
            }
            for a in accounts
        ]
    }


@handles("addContactWay")
def add_contact_way(emu: World, call: Call) -> dict[str, Any]:
    account = emu.account(call.body["open_kfid"])
    scene = str(call.body.get("scene", ""))
    url = f"https://work.weixin.qq.com/kf/kfc{_digest(emu.corp_id, account.open_kfid, n=18)}"
    if scene:
        url += f"?enc_scene={quote(_digest(account.open_kfid, scene, n=20))}"
    return {"url": url}


@handles("getCorpQualification")
def get_corp_qualification(emu: World, call: Call) -> dict[str, Any]:
    return {"wechat_channels_binding": False}


@handles("idconvertOpenKfid")
def idconvert_open_kfid(emu: World, call: Call) -> dict[str, Any]:
    items, invalid = [], []
    for kfid in call.body["open_kfid_list"]:
        if kfid in emu.state.accounts:
            items.append({"open_kfid": kfid, "new_open_kfid": "wk" + _digest("sp", kfid, n=30)})
        else:
            invalid.append(kfid)
    out: dict[str, Any] = {"items": items}
    if invalid:
        out["invalid_open_kfid_list"] = invalid
    return out
