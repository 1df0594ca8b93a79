from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceBaseResp")


@_attrs_define
class ServiceBaseResp:
    """Envelope of the provider token endpoints (`get_suite_token`, `get_corp_token`,
    `get_provider_token`), which for historical reasons send `errcode`/`errmsg` only on
    failure: an absent `errcode` means success, like `errcode: 0`.

        Example:
            {'errcode': 40085, 'errmsg': 'invalid suite_ticket'}

    """

    errcode: int | Unset = UNSET
    """ Result code (返回码); absent or 0 = success. """
    errmsg: str | Unset = UNSET
    """ Human-readable result text; do not branch on it. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errcode = self.errcode

        errmsg = self.errmsg

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if errcode is not UNSET:
            field_dict["errcode"] = errcode
        if errmsg is not UNSET:
            field_dict["errmsg"] = errmsg

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        errcode = d.pop("errcode", UNSET)

        errmsg = d.pop("errmsg", UNSET)

        service_base_resp = cls(
            errcode=errcode,
            errmsg=errmsg,
        )

        service_base_resp.additional_properties = d
        return service_base_resp

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
