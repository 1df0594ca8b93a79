from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.upgrade_groupchat_range import UpgradeGroupchatRange
    from ..models.upgrade_member_range import UpgradeMemberRange


T = TypeVar("T", bound="GetUpgradeServiceConfigResp")


@_attrs_define
class GetUpgradeServiceConfigResp:
    """Response of `kf/customer/get_upgrade_service_config`."""

    errcode: int
    """ Result code (返回码); 0 = success. """
    errmsg: str
    """ Human-readable result text (对返回码的文本描述); do not branch on it. """
    member_range: UpgradeMemberRange | Unset = UNSET
    """ Members configured as specialists (专员服务的成员范围). """
    groupchat_range: UpgradeGroupchatRange | Unset = UNSET
    """ Customer groups configured for the upgrade service (客户群范围). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errcode = self.errcode

        errmsg = self.errmsg

        member_range: dict[str, Any] | Unset = UNSET
        if not isinstance(self.member_range, Unset):
            member_range = self.member_range.to_dict()

        groupchat_range: dict[str, Any] | Unset = UNSET
        if not isinstance(self.groupchat_range, Unset):
            groupchat_range = self.groupchat_range.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errcode": errcode,
                "errmsg": errmsg,
            }
        )
        if member_range is not UNSET:
            field_dict["member_range"] = member_range
        if groupchat_range is not UNSET:
            field_dict["groupchat_range"] = groupchat_range

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.upgrade_groupchat_range import UpgradeGroupchatRange
        from ..models.upgrade_member_range import UpgradeMemberRange

        d = dict(src_dict)
        errcode = d.pop("errcode")

        errmsg = d.pop("errmsg")

        _member_range = d.pop("member_range", UNSET)
        member_range: UpgradeMemberRange | Unset
        if isinstance(_member_range, Unset):
            member_range = UNSET
        else:
            member_range = UpgradeMemberRange.from_dict(_member_range)

        _groupchat_range = d.pop("groupchat_range", UNSET)
        groupchat_range: UpgradeGroupchatRange | Unset
        if isinstance(_groupchat_range, Unset):
            groupchat_range = UNSET
        else:
            groupchat_range = UpgradeGroupchatRange.from_dict(_groupchat_range)

        get_upgrade_service_config_resp = cls(
            errcode=errcode,
            errmsg=errmsg,
            member_range=member_range,
            groupchat_range=groupchat_range,
        )

        get_upgrade_service_config_resp.additional_properties = d
        return get_upgrade_service_config_resp

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
