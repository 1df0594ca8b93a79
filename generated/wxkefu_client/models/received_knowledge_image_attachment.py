from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.received_knowledge_media_ref import ReceivedKnowledgeMediaRef


T = TypeVar("T", bound="ReceivedKnowledgeImageAttachment")


@_attrs_define
class ReceivedKnowledgeImageAttachment:
    """Image attachment (图片附件).

    Example:
        {'msgtype': 'image', 'image': {'media_id': 'MEDIA_ID_1'}}

    """

    msgtype: Literal["image"]
    """ Always "image". """
    image: ReceivedKnowledgeMediaRef
    """ An image or video of an attachment. Requests carry `media_id` (from `media/upload`);
    `list_intent` responses carry the file `name` instead.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        msgtype = self.msgtype

        image = self.image.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "msgtype": msgtype,
                "image": image,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.received_knowledge_media_ref import ReceivedKnowledgeMediaRef

        d = dict(src_dict)
        msgtype = cast(Literal["image"], d.pop("msgtype"))
        if msgtype != "image":
            raise ValueError(f"msgtype must match const 'image', got '{msgtype}'")

        image = ReceivedKnowledgeMediaRef.from_dict(d.pop("image"))

        received_knowledge_image_attachment = cls(
            msgtype=msgtype,
            image=image,
        )

        received_knowledge_image_attachment.additional_properties = d
        return received_knowledge_image_attachment

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
