from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.auth_corp_info import AuthCorpInfo
    from ..models.auth_user_info import AuthUserInfo
    from ..models.register_code_info import RegisterCodeInfo


T = TypeVar("T", bound="GetPermanentCodeV2Resp")


@_attrs_define
class GetPermanentCodeV2Resp:
    """Response of `service/v2/get_permanent_code` (no access_token, no auth_info)."""

    errcode: int
    """ Result code (返回码); 0 = success. """
    errmsg: str
    """ Human-readable result text (对返回码的文本描述); do not branch on it. """
    permanent_code: str | Unset = UNSET
    """ The corp's permanent code (永久授权码; a secret, ≤512 bytes). """
    auth_corp_info: AuthCorpInfo | Unset = UNSET
    """ The authorising corp (授权方企业信息). """
    auth_user_info: AuthUserInfo | Unset = UNSET
    """ The administrator who authorised (may be missing, fields may be empty). """
    register_code_info: RegisterCodeInfo | Unset = UNSET
    """ Present when the app was installed through a promotion QR code. """
    state: str | Unset = UNSET
    """ The `state` of the installation link or QR code. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errcode = self.errcode

        errmsg = self.errmsg

        permanent_code = self.permanent_code

        auth_corp_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.auth_corp_info, Unset):
            auth_corp_info = self.auth_corp_info.to_dict()

        auth_user_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.auth_user_info, Unset):
            auth_user_info = self.auth_user_info.to_dict()

        register_code_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.register_code_info, Unset):
            register_code_info = self.register_code_info.to_dict()

        state = self.state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errcode": errcode,
                "errmsg": errmsg,
            }
        )
        if permanent_code is not UNSET:
            field_dict["permanent_code"] = permanent_code
        if auth_corp_info is not UNSET:
            field_dict["auth_corp_info"] = auth_corp_info
        if auth_user_info is not UNSET:
            field_dict["auth_user_info"] = auth_user_info
        if register_code_info is not UNSET:
            field_dict["register_code_info"] = register_code_info
        if state is not UNSET:
            field_dict["state"] = state

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.auth_corp_info import AuthCorpInfo
        from ..models.auth_user_info import AuthUserInfo
        from ..models.register_code_info import RegisterCodeInfo

        d = dict(src_dict)
        errcode = d.pop("errcode")

        errmsg = d.pop("errmsg")

        permanent_code = d.pop("permanent_code", UNSET)

        _auth_corp_info = d.pop("auth_corp_info", UNSET)
        auth_corp_info: AuthCorpInfo | Unset
        if isinstance(_auth_corp_info, Unset):
            auth_corp_info = UNSET
        else:
            auth_corp_info = AuthCorpInfo.from_dict(_auth_corp_info)

        _auth_user_info = d.pop("auth_user_info", UNSET)
        auth_user_info: AuthUserInfo | Unset
        if isinstance(_auth_user_info, Unset):
            auth_user_info = UNSET
        else:
            auth_user_info = AuthUserInfo.from_dict(_auth_user_info)

        _register_code_info = d.pop("register_code_info", UNSET)
        register_code_info: RegisterCodeInfo | Unset
        if isinstance(_register_code_info, Unset):
            register_code_info = UNSET
        else:
            register_code_info = RegisterCodeInfo.from_dict(_register_code_info)

        state = d.pop("state", UNSET)

        get_permanent_code_v2_resp = cls(
            errcode=errcode,
            errmsg=errmsg,
            permanent_code=permanent_code,
            auth_corp_info=auth_corp_info,
            auth_user_info=auth_user_info,
            register_code_info=register_code_info,
            state=state,
        )

        get_permanent_code_v2_resp.additional_properties = d
        return get_permanent_code_v2_resp

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
