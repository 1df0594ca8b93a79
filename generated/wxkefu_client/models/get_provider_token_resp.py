from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GetProviderTokenResp")


@_attrs_define
class GetProviderTokenResp:
    """Response of `service/get_provider_token` (`errcode` only on failure)."""

    errcode: int | Unset = UNSET
    """ Result code (返回码); absent or 0 = success. """
    errmsg: str | Unset = UNSET
    """ Human-readable result text; do not branch on it. """
    provider_access_token: str | Unset = UNSET
    """ The provider token (≤512 bytes). """
    expires_in: int | Unset = UNSET
    """ Lifetime in seconds, normally 7200. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errcode = self.errcode

        errmsg = self.errmsg

        provider_access_token = self.provider_access_token

        expires_in = self.expires_in

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if errcode is not UNSET:
            field_dict["errcode"] = errcode
        if errmsg is not UNSET:
            field_dict["errmsg"] = errmsg
        if provider_access_token is not UNSET:
            field_dict["provider_access_token"] = provider_access_token
        if expires_in is not UNSET:
            field_dict["expires_in"] = expires_in

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        errcode = d.pop("errcode", UNSET)

        errmsg = d.pop("errmsg", UNSET)

        provider_access_token = d.pop("provider_access_token", UNSET)

        expires_in = d.pop("expires_in", UNSET)

        get_provider_token_resp = cls(
            errcode=errcode,
            errmsg=errmsg,
            provider_access_token=provider_access_token,
            expires_in=expires_in,
        )

        get_provider_token_resp.additional_properties = d
        return get_provider_token_resp

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
