from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GetNewExternalUseridReq")


@_attrs_define
class GetNewExternalUseridReq:
    """Body of `externalcontact/get_new_external_userid`."""

    external_userid_list: list[str]
    """ Corp-subject external_userids, at most 1000 (200 advised). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        external_userid_list = self.external_userid_list

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "external_userid_list": external_userid_list,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        external_userid_list = cast(list[str], d.pop("external_userid_list"))

        get_new_external_userid_req = cls(
            external_userid_list=external_userid_list,
        )

        get_new_external_userid_req.additional_properties = d
        return get_new_external_userid_req

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
