from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AddContactWayReq")


@_attrs_define
class AddContactWayReq:
    """Body of `kf/add_contact_way`."""

    open_kfid: str
    """ Kf account id (客服账号ID). """
    scene: str | Unset = UNSET
    """ Developer-defined scene value (场景值), at most 32 bytes of `[0-9a-zA-Z_-]`; returned in
    the `enter_session` event. Needed to append `scene_param` to the link.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        open_kfid = self.open_kfid

        scene = self.scene

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "open_kfid": open_kfid,
            }
        )
        if scene is not UNSET:
            field_dict["scene"] = scene

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        open_kfid = d.pop("open_kfid")

        scene = d.pop("scene", UNSET)

        add_contact_way_req = cls(
            open_kfid=open_kfid,
            scene=scene,
        )

        add_contact_way_req.additional_properties = d
        return add_contact_way_req

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
