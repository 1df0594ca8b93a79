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


T = TypeVar("T", bound="ReceivedKnowledgeVideoAttachment")


@_attrs_define
class ReceivedKnowledgeVideoAttachment:
    """Video attachment (视频附件).

    Example:
        {'msgtype': 'video', 'video': {'media_id': 'MEDIA_ID_3'}}

    """

    msgtype: Literal["video"]
    """ Always "video". """
    video: ReceivedKnowledgeMediaRef
    """ An image or video of an attachment. Requests carry `media_id` (from `media/upload`);
    `list_intent` responses carry the file `name` instead.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        msgtype = self.msgtype

        video = self.video.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "msgtype": msgtype,
                "video": video,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.received_knowledge_media_ref import ReceivedKnowledgeMediaRef

        d = dict(src_dict)
        msgtype = cast(Literal["video"], d.pop("msgtype"))
        if msgtype != "video":
            raise ValueError(f"msgtype must match const 'video', got '{msgtype}'")

        video = ReceivedKnowledgeMediaRef.from_dict(d.pop("video"))

        received_knowledge_video_attachment = cls(
            msgtype=msgtype,
            video=video,
        )

        received_knowledge_video_attachment.additional_properties = d
        return received_knowledge_video_attachment

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
