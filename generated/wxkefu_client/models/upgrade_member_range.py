from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpgradeMemberRange")


@_attrs_define
class UpgradeMemberRange:
    """Members configured as specialists (专员服务的成员范围).

    Example:
        {'userid_list': ['zhangsan'], 'department_id_list': [2]}

    """

    userid_list: list[str] | Unset = UNSET
    """ Member userids (专员userid列表). """
    department_id_list: list[int] | Unset = UNSET
    """ Department ids (专员部门id列表). """
    department_list: list[int] | Unset = UNSET
    """ Alias of `department_id_list` seen in one doc table (conflict); real servers send
    `department_id_list`.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        userid_list: list[str] | Unset = UNSET
        if not isinstance(self.userid_list, Unset):
            userid_list = self.userid_list

        department_id_list: list[int] | Unset = UNSET
        if not isinstance(self.department_id_list, Unset):
            department_id_list = self.department_id_list

        department_list: list[int] | Unset = UNSET
        if not isinstance(self.department_list, Unset):
            department_list = self.department_list

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if userid_list is not UNSET:
            field_dict["userid_list"] = userid_list
        if department_id_list is not UNSET:
            field_dict["department_id_list"] = department_id_list
        if department_list is not UNSET:
            field_dict["department_list"] = department_list

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        userid_list = cast(list[str], d.pop("userid_list", UNSET))

        department_id_list = cast(list[int], d.pop("department_id_list", UNSET))

        department_list = cast(list[int], d.pop("department_list", UNSET))

        upgrade_member_range = cls(
            userid_list=userid_list,
            department_id_list=department_id_list,
            department_list=department_list,
        )

        upgrade_member_range.additional_properties = d
        return upgrade_member_range

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
