from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GetPreAuthCodeResp")


@_attrs_define
class GetPreAuthCodeResp:
    """Response of `service/get_pre_auth_code`."""

    errcode: int
    """ Result code (返回码); 0 = success. """
    errmsg: str
    """ Human-readable result text (对返回码的文本描述); do not branch on it. """
    pre_auth_code: str | Unset = UNSET
    """ The pre-auth code (≤512 bytes). """
    expires_in: int | Unset = UNSET
    """ Lifetime in seconds (1200 in the official sample). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errcode = self.errcode

        errmsg = self.errmsg

        pre_auth_code = self.pre_auth_code

        expires_in = self.expires_in

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errcode": errcode,
                "errmsg": errmsg,
            }
        )
        if pre_auth_code is not UNSET:
            field_dict["pre_auth_code"] = pre_auth_code
        if expires_in is not UNSET:
            field_dict["expires_in"] = expires_in

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        errcode = d.pop("errcode")

        errmsg = d.pop("errmsg")

        pre_auth_code = d.pop("pre_auth_code", UNSET)

        expires_in = d.pop("expires_in", UNSET)

        get_pre_auth_code_resp = cls(
            errcode=errcode,
            errmsg=errmsg,
            pre_auth_code=pre_auth_code,
            expires_in=expires_in,
        )

        get_pre_auth_code_resp.additional_properties = d
        return get_pre_auth_code_resp

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
