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
    from ..models.received_knowledge_miniprogram import ReceivedKnowledgeMiniprogram


T = TypeVar("T", bound="ReceivedKnowledgeMiniprogramAttachment")


@_attrs_define
class ReceivedKnowledgeMiniprogramAttachment:
    """Mini-program attachment (小程序附件).

    Example:
        {'msgtype': 'miniprogram', 'miniprogram': {'appid': 'wx8bd80126147dfAAA', 'pagepath': 'pages/return/index'}}

    """

    msgtype: Literal["miniprogram"]
    """ Always "miniprogram". """
    miniprogram: ReceivedKnowledgeMiniprogram
    """ A mini-program card (小程序). `thumb_media_id` is sent in requests; `list_intent` responses
    omit it.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        msgtype = self.msgtype

        miniprogram = self.miniprogram.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "msgtype": msgtype,
                "miniprogram": miniprogram,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.received_knowledge_miniprogram import ReceivedKnowledgeMiniprogram

        d = dict(src_dict)
        msgtype = cast(Literal["miniprogram"], d.pop("msgtype"))
        if msgtype != "miniprogram":
            raise ValueError(f"msgtype must match const 'miniprogram', got '{msgtype}'")

        miniprogram = ReceivedKnowledgeMiniprogram.from_dict(d.pop("miniprogram"))

        received_knowledge_miniprogram_attachment = cls(
            msgtype=msgtype,
            miniprogram=miniprogram,
        )

        received_knowledge_miniprogram_attachment.additional_properties = d
        return received_knowledge_miniprogram_attachment

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
