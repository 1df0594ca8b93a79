from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReceivedKnowledgeLink")


@_attrs_define
class ReceivedKnowledgeLink:
    """A link card (图文链接). Conflict: the picture field is `pic_url` in one SDK and `picurl` in
    another (the official appendix was not visible); both are accepted.

        Example:
            {'title': '退货说明', 'url': 'https://example.com/return'}

    """

    title: str | Unset = UNSET
    """ Title (标题). """
    desc: str | Unset = UNSET
    """ Description (描述). """
    url: str | Unset = UNSET
    """ Target URL (点击后跳转的链接), http:// or https://. """
    pic_url: str | Unset = UNSET
    """ Picture URL (图片链接). """
    picurl: str | Unset = UNSET
    """ Picture URL, alternative spelling (see the conflict note). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        desc = self.desc

        url = self.url

        pic_url = self.pic_url

        picurl = self.picurl

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if desc is not UNSET:
            field_dict["desc"] = desc
        if url is not UNSET:
            field_dict["url"] = url
        if pic_url is not UNSET:
            field_dict["pic_url"] = pic_url
        if picurl is not UNSET:
            field_dict["picurl"] = picurl

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        desc = d.pop("desc", UNSET)

        url = d.pop("url", UNSET)

        pic_url = d.pop("pic_url", UNSET)

        picurl = d.pop("picurl", UNSET)

        received_knowledge_link = cls(
            title=title,
            desc=desc,
            url=url,
            pic_url=pic_url,
            picurl=picurl,
        )

        received_knowledge_link.additional_properties = d
        return received_knowledge_link

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
