from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.auth_corp_info_v2 import AuthCorpInfoV2
    from ..models.auth_info import AuthInfo
    from ..models.corp_brief import CorpBrief


T = TypeVar("T", bound="GetAuthInfoV2Resp")


@_attrs_define
class GetAuthInfoV2Resp:
    """Response of `service/v2/get_auth_info`."""

    errcode: int
    """ Result code (返回码); 0 = success. """
    errmsg: str
    """ Human-readable result text (对返回码的文本描述); do not branch on it. """
    dealer_corp_info: CorpBrief | Unset = UNSET
    """ A corp's id and short name. """
    auth_corp_info: AuthCorpInfoV2 | Unset = UNSET
    """ The authorising corp as v2 `get_auth_info` describes it. """
    auth_info: AuthInfo | Unset = UNSET
    """ The authorisation (授权信息); new single-app suites have exactly one agent. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errcode = self.errcode

        errmsg = self.errmsg

        dealer_corp_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dealer_corp_info, Unset):
            dealer_corp_info = self.dealer_corp_info.to_dict()

        auth_corp_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.auth_corp_info, Unset):
            auth_corp_info = self.auth_corp_info.to_dict()

        auth_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.auth_info, Unset):
            auth_info = self.auth_info.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errcode": errcode,
                "errmsg": errmsg,
            }
        )
        if dealer_corp_info is not UNSET:
            field_dict["dealer_corp_info"] = dealer_corp_info
        if auth_corp_info is not UNSET:
            field_dict["auth_corp_info"] = auth_corp_info
        if auth_info is not UNSET:
            field_dict["auth_info"] = auth_info

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.auth_corp_info_v2 import AuthCorpInfoV2
        from ..models.auth_info import AuthInfo
        from ..models.corp_brief import CorpBrief

        d = dict(src_dict)
        errcode = d.pop("errcode")

        errmsg = d.pop("errmsg")

        _dealer_corp_info = d.pop("dealer_corp_info", UNSET)
        dealer_corp_info: CorpBrief | Unset
        if isinstance(_dealer_corp_info, Unset):
            dealer_corp_info = UNSET
        else:
            dealer_corp_info = CorpBrief.from_dict(_dealer_corp_info)

        _auth_corp_info = d.pop("auth_corp_info", UNSET)
        auth_corp_info: AuthCorpInfoV2 | Unset
        if isinstance(_auth_corp_info, Unset):
            auth_corp_info = UNSET
        else:
            auth_corp_info = AuthCorpInfoV2.from_dict(_auth_corp_info)

        _auth_info = d.pop("auth_info", UNSET)
        auth_info: AuthInfo | Unset
        if isinstance(_auth_info, Unset):
            auth_info = UNSET
        else:
            auth_info = AuthInfo.from_dict(_auth_info)

        get_auth_info_v2_resp = cls(
            errcode=errcode,
            errmsg=errmsg,
            dealer_corp_info=dealer_corp_info,
            auth_corp_info=auth_corp_info,
            auth_info=auth_info,
        )

        get_auth_info_v2_resp.additional_properties = d
        return get_auth_info_v2_resp

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
