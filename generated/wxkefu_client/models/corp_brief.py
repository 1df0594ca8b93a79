from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CorpBrief")


@_attrs_define
class CorpBrief:
    """A corp's id and short name."""

    corpid: str | Unset = UNSET
    """ Corp id. """
    corp_name: str | Unset = UNSET
    """ Corp short name (企业简称). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        corpid = self.corpid

        corp_name = self.corp_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if corpid is not UNSET:
            field_dict["corpid"] = corpid
        if corp_name is not UNSET:
            field_dict["corp_name"] = corp_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        corpid = d.pop("corpid", UNSET)

        corp_name = d.pop("corp_name", UNSET)

        corp_brief = cls(
            corpid=corpid,
            corp_name=corp_name,
        )

        corp_brief.additional_properties = d
        return corp_brief

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
