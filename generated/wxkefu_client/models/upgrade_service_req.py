from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.upgrade_service_type import UpgradeServiceType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.upgrade_service_groupchat import UpgradeServiceGroupchat
    from ..models.upgrade_service_member import UpgradeServiceMember


T = TypeVar("T", bound="UpgradeServiceReq")


@_attrs_define
class UpgradeServiceReq:
    """Body of `kf/customer/upgrade_service`: `member` (with a non-empty `userid`) is required for
    `type` 1, `groupchat` (with a non-empty `chat_id`) for `type` 2. The object of the other
    type is ignored, whatever it holds: some SDKs always send both, e.g. type 1 with
    `groupchat: {chat_id: "", wording: ""}`, and the server accepts that.

    """

    open_kfid: str
    """ Kf account id (客服账号ID). """
    external_userid: str
    """ The customer (微信客户的external_userid). """
    type_: UpgradeServiceType
    """ Kind of upgrade (升级类型): 1 专员服务 a specialist member, 2 客户群服务 a customer group. """
    member: UpgradeServiceMember | Unset = UNSET
    """ The specialist to recommend (推荐的服务专员), used when `type` is 1 (`userid` is then
    required and non-empty, see `UpgradeServiceReq`). No length limit is documented.
     """
    groupchat: UpgradeServiceGroupchat | Unset = UNSET
    """ The customer group to recommend (推荐的客户群), used when `type` is 2 (`chat_id` is then
    required and non-empty, see `UpgradeServiceReq`).
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        open_kfid = self.open_kfid

        external_userid = self.external_userid

        type_ = self.type_.value

        member: dict[str, Any] | Unset = UNSET
        if not isinstance(self.member, Unset):
            member = self.member.to_dict()

        groupchat: dict[str, Any] | Unset = UNSET
        if not isinstance(self.groupchat, Unset):
            groupchat = self.groupchat.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "open_kfid": open_kfid,
                "external_userid": external_userid,
                "type": type_,
            }
        )
        if member is not UNSET:
            field_dict["member"] = member
        if groupchat is not UNSET:
            field_dict["groupchat"] = groupchat

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.upgrade_service_groupchat import UpgradeServiceGroupchat
        from ..models.upgrade_service_member import UpgradeServiceMember

        d = dict(src_dict)
        open_kfid = d.pop("open_kfid")

        external_userid = d.pop("external_userid")

        type_ = UpgradeServiceType(d.pop("type"))

        _member = d.pop("member", UNSET)
        member: UpgradeServiceMember | Unset
        if isinstance(_member, Unset):
            member = UNSET
        else:
            member = UpgradeServiceMember.from_dict(_member)

        _groupchat = d.pop("groupchat", UNSET)
        groupchat: UpgradeServiceGroupchat | Unset
        if isinstance(_groupchat, Unset):
            groupchat = UNSET
        else:
            groupchat = UpgradeServiceGroupchat.from_dict(_groupchat)

        upgrade_service_req = cls(
            open_kfid=open_kfid,
            external_userid=external_userid,
            type_=type_,
            member=member,
            groupchat=groupchat,
        )

        upgrade_service_req.additional_properties = d
        return upgrade_service_req

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
