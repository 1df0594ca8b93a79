from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="KfAccount")


@_attrs_define
class KfAccount:
    """One Kf account in `kf/account/list`.

    Example:
        {'open_kfid': 'wkAJ2GCAAAZSfhHCt7IFSvLKtMPxyJTw', 'name': '咨询客服', 'avatar':
            'https://wework.qpic.cn/wwhead/duc2TvpEgSdicZ9RrdUtBkv2UiaA/0', 'manage_privilege': True}

    """

    open_kfid: str | Unset = UNSET
    """ Kf account id (客服账号ID). """
    name: str | Unset = UNSET
    """ Display name (客服名称). """
    avatar: str | Unset = UNSET
    """ URL of the avatar (客服头像URL). """
    manage_privilege: bool | Unset = UNSET
    """ Whether the calling app may manage this account (当前调用接口的应用身份，是否有该客服账号的管理权限);
    not returned to component apps.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        open_kfid = self.open_kfid

        name = self.name

        avatar = self.avatar

        manage_privilege = self.manage_privilege

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if open_kfid is not UNSET:
            field_dict["open_kfid"] = open_kfid
        if name is not UNSET:
            field_dict["name"] = name
        if avatar is not UNSET:
            field_dict["avatar"] = avatar
        if manage_privilege is not UNSET:
            field_dict["manage_privilege"] = manage_privilege

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        open_kfid = d.pop("open_kfid", UNSET)

        name = d.pop("name", UNSET)

        avatar = d.pop("avatar", UNSET)

        manage_privilege = d.pop("manage_privilege", UNSET)

        kf_account = cls(
            open_kfid=open_kfid,
            name=name,
            avatar=avatar,
            manage_privilege=manage_privilege,
        )

        kf_account.additional_properties = d
        return kf_account

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
