from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReceivedKnowledgeMediaRef")


@_attrs_define
class ReceivedKnowledgeMediaRef:
    """An image or video of an attachment. Requests carry `media_id` (from `media/upload`);
    `list_intent` responses carry the file `name` instead.

        Example:
            {'media_id': 'MEDIA_ID_1'}

    """

    media_id: str | Unset = UNSET
    """ Temporary media id (素材ID), in requests. """
    name: str | Unset = UNSET
    """ File name (文件名), in `list_intent` responses. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        media_id = self.media_id

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if media_id is not UNSET:
            field_dict["media_id"] = media_id
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        media_id = d.pop("media_id", UNSET)

        name = d.pop("name", UNSET)

        received_knowledge_media_ref = cls(
            media_id=media_id,
            name=name,
        )

        received_knowledge_media_ref.additional_properties = d
        return received_knowledge_media_ref

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
