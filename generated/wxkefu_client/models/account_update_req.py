from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountUpdateReq")


@_attrs_define
class AccountUpdateReq:
    """Body of `kf/account/update`; omit `name` or `media_id` to keep the current value."""

    open_kfid: str
    """ Id of the Kf account to change (客服账号ID), at most 64 bytes. """
    name: str | Unset = UNSET
    """ New display name (新的客服名称), at most 16 characters. """
    media_id: str | Unset = UNSET
    """ New avatar as a temporary media_id (新的客服头像临时素材), at most 128 bytes. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        open_kfid = self.open_kfid

        name = self.name

        media_id = self.media_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "open_kfid": open_kfid,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if media_id is not UNSET:
            field_dict["media_id"] = media_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        open_kfid = d.pop("open_kfid")

        name = d.pop("name", UNSET)

        media_id = d.pop("media_id", UNSET)

        account_update_req = cls(
            open_kfid=open_kfid,
            name=name,
            media_id=media_id,
        )

        account_update_req.additional_properties = d
        return account_update_req

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
