"""Contains all the data models used in inputs/outputs.

Names are exported lazily (PEP 562 module ``__getattr__``): importing one endpoint module loads
only the models it uses instead of every model of the API.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .account_add_req import AccountAddReq
    from .account_add_resp import AccountAddResp
    from .account_del_req import AccountDelReq
    from .account_list_req import AccountListReq
    from .account_list_resp import AccountListResp
    from .account_update_req import AccountUpdateReq
    from .add_contact_way_req import AddContactWayReq
    from .add_contact_way_resp import AddContactWayResp
    from .base_resp import BaseResp
    from .get_corp_qualification_resp import GetCorpQualificationResp
    from .get_token_resp import GetTokenResp
    from .has_more_known import HasMoreKnown
    from .idconvert_open_kfid_req import IdconvertOpenKfidReq
    from .idconvert_open_kfid_resp import IdconvertOpenKfidResp
    from .kf_account import KfAccount
    from .open_kfid_convert_item import OpenKfidConvertItem
    from .wechat_channels import WechatChannels
    from .wechat_channels_scene_known import WechatChannelsSceneKnown

_LAZY: dict[str, str] = {
    "AccountAddReq": ".account_add_req",
    "AccountAddResp": ".account_add_resp",
    "AccountDelReq": ".account_del_req",
    "AccountListReq": ".account_list_req",
    "AccountListResp": ".account_list_resp",
    "AccountUpdateReq": ".account_update_req",
    "AddContactWayReq": ".add_contact_way_req",
    "AddContactWayResp": ".add_contact_way_resp",
    "BaseResp": ".base_resp",
    "GetCorpQualificationResp": ".get_corp_qualification_resp",
    "GetTokenResp": ".get_token_resp",
    "HasMoreKnown": ".has_more_known",
    "IdconvertOpenKfidReq": ".idconvert_open_kfid_req",
    "IdconvertOpenKfidResp": ".idconvert_open_kfid_resp",
    "KfAccount": ".kf_account",
    "OpenKfidConvertItem": ".open_kfid_convert_item",
    "WechatChannels": ".wechat_channels",
    "WechatChannelsSceneKnown": ".wechat_channels_scene_known",
}

__all__ = (
    "AccountAddReq",
    "AccountAddResp",
    "AccountDelReq",
    "AccountListReq",
    "AccountListResp",
    "AccountUpdateReq",
    "AddContactWayReq",
    "AddContactWayResp",
    "BaseResp",
    "GetCorpQualificationResp",
    "GetTokenResp",
    "HasMoreKnown",
    "IdconvertOpenKfidReq",
    "IdconvertOpenKfidResp",
    "KfAccount",
    "OpenKfidConvertItem",
    "WechatChannels",
    "WechatChannelsSceneKnown",
)


def __getattr__(name: str) -> Any:
    try:
        module = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
