from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.is_default_known import IsDefaultKnown
from ..types import UNSET, Unset

T = TypeVar("T", bound="KnowledgeGroup")


@_attrs_define
class KnowledgeGroup:
    """One group of `kf/knowledge/list_group`.

    Example:
        {'group_id': 'GROUP_ID_0', 'name': '默认分组', 'is_default': 1}

    """

    group_id: str | Unset = UNSET
    """ Group id (分组ID). """
    name: str | Unset = UNSET
    """ Group name (分组名). """
    is_default: int | IsDefaultKnown | Unset = UNSET
    """ An `IsDefaultKnown` value, or another integer sent by a newer server. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        group_id = self.group_id

        name = self.name

        is_default: int | Unset
        if isinstance(self.is_default, Unset):
            is_default = UNSET
        elif isinstance(self.is_default, IsDefaultKnown):
            is_default = self.is_default.value
        else:
            is_default = self.is_default

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if group_id is not UNSET:
            field_dict["group_id"] = group_id
        if name is not UNSET:
            field_dict["name"] = name
        if is_default is not UNSET:
            field_dict["is_default"] = is_default

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        group_id = d.pop("group_id", UNSET)

        name = d.pop("name", UNSET)

        def _parse_is_default(data: object) -> int | IsDefaultKnown | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                is_default_type_0 = IsDefaultKnown(data)

                return is_default_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | IsDefaultKnown | Unset, data)

        is_default = _parse_is_default(d.pop("is_default", UNSET))

        knowledge_group = cls(
            group_id=group_id,
            name=name,
            is_default=is_default,
        )

        knowledge_group.additional_properties = d
        return knowledge_group

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
