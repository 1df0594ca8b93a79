from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.outgoing_msg_menu_click_item import OutgoingMsgMenuClickItem
    from ..models.outgoing_msg_menu_miniprogram_item import (
        OutgoingMsgMenuMiniprogramItem,
    )
    from ..models.outgoing_msg_menu_text_item import OutgoingMsgMenuTextItem
    from ..models.outgoing_msg_menu_view_item import OutgoingMsgMenuViewItem


T = TypeVar("T", bound="OutgoingMsgMenu")


@_attrs_define
class OutgoingMsgMenu:
    """Outgoing menu (菜单消息); at most 10 items (else errcode 95008)."""

    head_content: str | Unset = UNSET
    """ Text above the items (起始文本), ≤1024 bytes. """
    list_: (
        list[
            OutgoingMsgMenuClickItem
            | OutgoingMsgMenuMiniprogramItem
            | OutgoingMsgMenuTextItem
            | OutgoingMsgMenuViewItem
        ]
        | Unset
    ) = UNSET
    """ Menu items (菜单项), ≤10. """
    tail_content: str | Unset = UNSET
    """ Text below the items (结束文本), ≤1024 bytes. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.outgoing_msg_menu_click_item import OutgoingMsgMenuClickItem
        from ..models.outgoing_msg_menu_miniprogram_item import (
            OutgoingMsgMenuMiniprogramItem,
        )
        from ..models.outgoing_msg_menu_view_item import OutgoingMsgMenuViewItem

        head_content = self.head_content

        list_: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.list_, Unset):
            list_ = []
            for list_item_data in self.list_:
                list_item: dict[str, Any]
                if (
                    isinstance(list_item_data, OutgoingMsgMenuClickItem)
                    or isinstance(list_item_data, OutgoingMsgMenuViewItem)
                    or isinstance(list_item_data, OutgoingMsgMenuMiniprogramItem)
                ):
                    list_item = list_item_data.to_dict()
                else:
                    list_item = list_item_data.to_dict()

                list_.append(list_item)

        tail_content = self.tail_content

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if head_content is not UNSET:
            field_dict["head_content"] = head_content
        if list_ is not UNSET:
            field_dict["list"] = list_
        if tail_content is not UNSET:
            field_dict["tail_content"] = tail_content

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.outgoing_msg_menu_click_item import OutgoingMsgMenuClickItem
        from ..models.outgoing_msg_menu_miniprogram_item import (
            OutgoingMsgMenuMiniprogramItem,
        )
        from ..models.outgoing_msg_menu_text_item import OutgoingMsgMenuTextItem
        from ..models.outgoing_msg_menu_view_item import OutgoingMsgMenuViewItem

        d = dict(src_dict)
        head_content = d.pop("head_content", UNSET)

        _list_ = d.pop("list", UNSET)
        list_: (
            list[
                OutgoingMsgMenuClickItem
                | OutgoingMsgMenuMiniprogramItem
                | OutgoingMsgMenuTextItem
                | OutgoingMsgMenuViewItem
            ]
            | Unset
        ) = UNSET
        if _list_ is not UNSET:
            list_ = []
            for list_item_data in _list_:

                def _parse_list_item(
                    data: object,
                ) -> (
                    OutgoingMsgMenuClickItem
                    | OutgoingMsgMenuMiniprogramItem
                    | OutgoingMsgMenuTextItem
                    | OutgoingMsgMenuViewItem
                ):
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_msg_menu_item_type_0 = (
                            OutgoingMsgMenuClickItem.from_dict(data)
                        )

                        return componentsschemas_msg_menu_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_msg_menu_item_type_1 = (
                            OutgoingMsgMenuViewItem.from_dict(data)
                        )

                        return componentsschemas_msg_menu_item_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_msg_menu_item_type_2 = (
                            OutgoingMsgMenuMiniprogramItem.from_dict(data)
                        )

                        return componentsschemas_msg_menu_item_type_2
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_msg_menu_item_type_3 = (
                        OutgoingMsgMenuTextItem.from_dict(data)
                    )

                    return componentsschemas_msg_menu_item_type_3

                list_item = _parse_list_item(list_item_data)

                list_.append(list_item)

        tail_content = d.pop("tail_content", UNSET)

        outgoing_msg_menu = cls(
            head_content=head_content,
            list_=list_,
            tail_content=tail_content,
        )

        outgoing_msg_menu.additional_properties = d
        return outgoing_msg_menu

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
