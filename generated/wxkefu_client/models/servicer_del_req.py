from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ServicerDelReq")


@_attrs_define
class ServicerDelReq:
    """Body of `kf/servicer/del`: at least one of `userid_list` and `department_id_list`."""

    open_kfid: str
    """ Kf account id (客服账号ID). """
    userid_list: list[str] | Unset = UNSET
    """ Member userids (接待人员userid列表); third-party apps pass open_userid. At most 100. """
    department_id_list: list[int] | Unset = UNSET
    """ Department ids (接待人员部门id列表). At most 100. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        open_kfid = self.open_kfid

        userid_list: list[str] | Unset = UNSET
        if not isinstance(self.userid_list, Unset):
            userid_list = self.userid_list

        department_id_list: list[int] | Unset = UNSET
        if not isinstance(self.department_id_list, Unset):
            department_id_list = self.department_id_list

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "open_kfid": open_kfid,
            }
        )
        if userid_list is not UNSET:
            field_dict["userid_list"] = userid_list
        if department_id_list is not UNSET:
            field_dict["department_id_list"] = department_id_list

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        open_kfid = d.pop("open_kfid")

        userid_list = cast(list[str], d.pop("userid_list", UNSET))

        department_id_list = cast(list[int], d.pop("department_id_list", UNSET))

        servicer_del_req = cls(
            open_kfid=open_kfid,
            userid_list=userid_list,
            department_id_list=department_id_list,
        )

        servicer_del_req.additional_properties = d
        return servicer_del_req

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
