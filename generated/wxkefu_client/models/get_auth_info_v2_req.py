from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GetAuthInfoV2Req")


@_attrs_define
class GetAuthInfoV2Req:
    """Body of `service/v2/get_auth_info` (as v1)."""

    auth_corpid: str
    """ Corp id of the authorising corp. """
    permanent_code: str
    """ Its permanent code (a secret). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        auth_corpid = self.auth_corpid

        permanent_code = self.permanent_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "auth_corpid": auth_corpid,
                "permanent_code": permanent_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        auth_corpid = d.pop("auth_corpid")

        permanent_code = d.pop("permanent_code")

        get_auth_info_v2_req = cls(
            auth_corpid=auth_corpid,
            permanent_code=permanent_code,
        )

        get_auth_info_v2_req.additional_properties = d
        return get_auth_info_v2_req

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
