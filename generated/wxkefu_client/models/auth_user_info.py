from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AuthUserInfo")


@_attrs_define
class AuthUserInfo:
    """The administrator who authorised (may be missing, fields may be empty)."""

    userid: str | Unset = UNSET
    """ Admin userid (may be empty). """
    open_userid: str | Unset = UNSET
    """ Admin open_userid for this provider (may be empty). """
    name: str | Unset = UNSET
    """ Admin name (may be empty). """
    avatar: str | Unset = UNSET
    """ Admin avatar URL (may be empty). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        userid = self.userid

        open_userid = self.open_userid

        name = self.name

        avatar = self.avatar

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if userid is not UNSET:
            field_dict["userid"] = userid
        if open_userid is not UNSET:
            field_dict["open_userid"] = open_userid
        if name is not UNSET:
            field_dict["name"] = name
        if avatar is not UNSET:
            field_dict["avatar"] = avatar

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        userid = d.pop("userid", UNSET)

        open_userid = d.pop("open_userid", UNSET)

        name = d.pop("name", UNSET)

        avatar = d.pop("avatar", UNSET)

        auth_user_info = cls(
            userid=userid,
            open_userid=open_userid,
            name=name,
            avatar=avatar,
        )

        auth_user_info.additional_properties = d
        return auth_user_info

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
