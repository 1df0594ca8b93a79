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
    from ..models.received_knowledge_link import ReceivedKnowledgeLink


T = TypeVar("T", bound="ReceivedKnowledgeLinkAttachment")


@_attrs_define
class ReceivedKnowledgeLinkAttachment:
    """Link attachment (图文链接附件).

    Example:
        {'msgtype': 'link', 'link': {'title': '退货说明', 'url': 'https://example.com/return'}}

    """

    msgtype: Literal["link"]
    """ Always "link". """
    link: ReceivedKnowledgeLink
    """ A link card (图文链接). Conflict: the picture field is `pic_url` in one SDK and `picurl` in
    another (the official appendix was not visible); both are accepted.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        msgtype = self.msgtype

        link = self.link.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "msgtype": msgtype,
                "link": link,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.received_knowledge_link import ReceivedKnowledgeLink

        d = dict(src_dict)
        msgtype = cast(Literal["link"], d.pop("msgtype"))
        if msgtype != "link":
            raise ValueError(f"msgtype must match const 'link', got '{msgtype}'")

        link = ReceivedKnowledgeLink.from_dict(d.pop("link"))

        received_knowledge_link_attachment = cls(
            msgtype=msgtype,
            link=link,
        )

        received_knowledge_link_attachment.additional_properties = d
        return received_knowledge_link_attachment

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
