from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CorpExName")


@_attrs_define
class CorpExName:
    """Other names of the corp (v2 get_auth_info). The only sample shows `name_list` as one
    string although its name suggests a list (single source, DOC:100795): any JSON value is
    accepted.

    """

    name_list: Any | Unset = UNSET
    """ The other names, as sent. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name_list = self.name_list

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name_list is not UNSET:
            field_dict["name_list"] = name_list

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name_list = d.pop("name_list", UNSET)

        corp_ex_name = cls(
            name_list=name_list,
        )

        corp_ex_name.additional_properties = d
        return corp_ex_name

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
