from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpgradeServiceMember")


@_attrs_define
class UpgradeServiceMember:
    """The specialist to recommend (推荐的服务专员), used when `type` is 1 (`userid` is then
    required and non-empty, see `UpgradeServiceReq`). No length limit is documented.

        Example:
            {'userid': 'zhangsan', 'wording': '你好，我是你的专属服务专员zhangsan'}

    """

    userid: str | Unset = UNSET
    """ Member userid (服务专员的userid); must be configured in 升级服务. """
    wording: str | Unset = UNSET
    """ Recommendation text shown to the customer (推荐语). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        userid = self.userid

        wording = self.wording

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if userid is not UNSET:
            field_dict["userid"] = userid
        if wording is not UNSET:
            field_dict["wording"] = wording

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        userid = d.pop("userid", UNSET)

        wording = d.pop("wording", UNSET)

        upgrade_service_member = cls(
            userid=userid,
            wording=wording,
        )

        upgrade_service_member.additional_properties = d
        return upgrade_service_member

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
