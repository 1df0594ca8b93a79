from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.no_newline_known import NoNewlineKnown
from ..types import UNSET, Unset

T = TypeVar("T", bound="OutgoingMsgMenuText")


@_attrs_define
class OutgoingMsgMenuText:
    """纯文本 menu item (plain text between the items; added 2022-11)."""

    content: str
    """ Text (文本内容), 1–256 bytes; the two characters `\\n` produce a line break. """
    no_newline: int | NoNewlineKnown | Unset = UNSET
    """ 0 = line break after the item (default), 1 = no line break. Requests must send 0 or 1 (the client checks);
    menus pulled by sync_msg are read tolerantly so that a value added by WeCom later cannot fail the page. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        no_newline: int | Unset
        if isinstance(self.no_newline, Unset):
            no_newline = UNSET
        elif isinstance(self.no_newline, NoNewlineKnown):
            no_newline = self.no_newline.value
        else:
            no_newline = self.no_newline

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

        def _parse_no_newline(data: object) -> int | NoNewlineKnown | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                no_newline_type_0 = NoNewlineKnown(data)

                return no_newline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(int | NoNewlineKnown | Unset, data)

        no_newline = _parse_no_newline(d.pop("no_newline", UNSET))

        outgoing_msg_menu_text = cls(
            content=content,
            no_newline=no_newline,
        )

        outgoing_msg_menu_text.additional_properties = d
        return outgoing_msg_menu_text

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
