from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SharedFrom")


@_attrs_define
class SharedFrom:
    """Set when the app was shared to this corp by another corp (企业互联/上下游)."""

    corpid: str | Unset = UNSET
    """ The sharing corp. """
    share_type: int | Unset = UNSET
    """ 0 企业互联, 1 上下游 (as sent). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        corpid = self.corpid

        share_type = self.share_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if corpid is not UNSET:
            field_dict["corpid"] = corpid
        if share_type is not UNSET:
            field_dict["share_type"] = share_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        corpid = d.pop("corpid", UNSET)

        share_type = d.pop("share_type", UNSET)

        shared_from = cls(
            corpid=corpid,
            share_type=share_type,
        )

        shared_from.additional_properties = d
        return shared_from

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
