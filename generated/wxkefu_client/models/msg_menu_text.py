from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.no_newline_known import NoNewlineKnown
from ..types import UNSET, Unset

T = TypeVar("T", bound="MsgMenuText")


@_attrs_define
class MsgMenuText:
    """纯文本 menu item (plain text between the items; added 2022-11)."""

    content: str
    """ Text (文本内容), 1–256 bytes; the two characters `\\n` produce a line break. """
    no_newline: NoNewlineKnown | Unset = UNSET
    """ 0 = line break after the item (default), 1 = no line break. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        no_newline: int | Unset = UNSET
        if not isinstance(self.no_newline, Unset):
            no_newline = self.no_newline.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "content": content,
            }
        )
        if no_newline is not UNSET:
            field_dict["no_newline"] = no_newline

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        content = d.pop("content")

        _no_newline = d.pop("no_newline", UNSET)
        no_newline: NoNewlineKnown | Unset
        if isinstance(_no_newline, Unset):
            no_newline = UNSET
        else:
            no_newline = NoNewlineKnown(_no_newline)

        msg_menu_text = cls(
            content=content,
            no_newline=no_newline,
        )

        msg_menu_text.additional_properties = d
        return msg_menu_text

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
