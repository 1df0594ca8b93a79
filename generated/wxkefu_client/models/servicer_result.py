from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ServicerResult")


@_attrs_define
class ServicerResult:
    """Outcome for one userid or department of `kf/servicer/add|del`.

    Example:
        {'userid': 'zhangsan', 'errcode': 0, 'errmsg': 'success'}

    """

    errcode: int
    """ Result of this entry (该条记录的处理结果); 0 = success. """
    userid: str | Unset = UNSET
    """ The member this result is for (接待人员的userid); absent for department entries. """
    department_id: int | Unset = UNSET
    """ The department this result is for (接待人员部门的id); absent for member entries. """
    errmsg: str | Unset = UNSET
    """ Text of the result, e.g. "success" or "ignored". """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errcode = self.errcode

        userid = self.userid

        department_id = self.department_id

        errmsg = self.errmsg

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errcode": errcode,
            }
        )
        if userid is not UNSET:
            field_dict["userid"] = userid
        if department_id is not UNSET:
            field_dict["department_id"] = department_id
        if errmsg is not UNSET:
            field_dict["errmsg"] = errmsg

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        errcode = d.pop("errcode")

        userid = d.pop("userid", UNSET)

        department_id = d.pop("department_id", UNSET)

        errmsg = d.pop("errmsg", UNSET)

        servicer_result = cls(
            errcode=errcode,
            userid=userid,
            department_id=department_id,
            errmsg=errmsg,
        )

        servicer_result.additional_properties = d
        return servicer_result

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
