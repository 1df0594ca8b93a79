from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.msg_menu_click_item import MsgMenuClickItem
    from ..models.msg_menu_miniprogram_item import MsgMenuMiniprogramItem
    from ..models.msg_menu_text_item import MsgMenuTextItem
    from ..models.msg_menu_view_item import MsgMenuViewItem
    from ..models.unknown_msg_menu_item import UnknownMsgMenuItem


T = TypeVar("T", bound="ReceivedMsgMenu")


@_attrs_define
class ReceivedMsgMenu:
    """Payload of a pulled `msgmenu` message (e.g. a menu sent by a servicer). Menu items of a
    type this spec does not know parse as `UnknownMsgMenuItem`.

    """

    head_content: str | Unset = UNSET
    """ Text above the items (起始文本). """
    list_: (
        list[
            MsgMenuClickItem
            | MsgMenuMiniprogramItem
            | MsgMenuTextItem
            | MsgMenuViewItem
            | UnknownMsgMenuItem
        ]
        | Unset
    ) = UNSET
    """ Menu items (菜单项). """
    tail_content: str | Unset = UNSET
    """ Text below the items (结束文本). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.msg_menu_click_item import MsgMenuClickItem
        from ..models.msg_menu_miniprogram_item import MsgMenuMiniprogramItem
        from ..models.msg_menu_text_item import MsgMenuTextItem
        from ..models.msg_menu_view_item import MsgMenuViewItem

        head_content = self.head_content

        list_: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.list_, Unset):
            list_ = []
            for list_item_data in self.list_:
                list_item: dict[str, Any]
                if (
                    isinstance(list_item_data, MsgMenuClickItem)
                    or isinstance(list_item_data, MsgMenuViewItem)
                    or isinstance(list_item_data, MsgMenuMiniprogramItem)
                    or isinstance(list_item_data, MsgMenuTextItem)
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
        from ..models.msg_menu_click_item import MsgMenuClickItem
        from ..models.msg_menu_miniprogram_item import MsgMenuMiniprogramItem
        from ..models.msg_menu_text_item import MsgMenuTextItem
        from ..models.msg_menu_view_item import MsgMenuViewItem
        from ..models.unknown_msg_menu_item import UnknownMsgMenuItem

        d = dict(src_dict)
        head_content = d.pop("head_content", UNSET)

        _list_ = d.pop("list", UNSET)
        list_: (
            list[
                MsgMenuClickItem
                | MsgMenuMiniprogramItem
                | MsgMenuTextItem
                | MsgMenuViewItem
                | UnknownMsgMenuItem
            ]
            | Unset
        ) = UNSET
        if _list_ is not UNSET:
            list_ = []
            for list_item_data in _list_:

                def _parse_list_item(
                    data: object,
                ) -> (
                    MsgMenuClickItem
                    | MsgMenuMiniprogramItem
                    | MsgMenuTextItem
                    | MsgMenuViewItem
                    | UnknownMsgMenuItem
                ):
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_received_msg_menu_item_type_0 = (
                            MsgMenuClickItem.from_dict(data)
                        )

                        return componentsschemas_received_msg_menu_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_received_msg_menu_item_type_1 = (
                            MsgMenuViewItem.from_dict(data)
                        )

                        return componentsschemas_received_msg_menu_item_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_received_msg_menu_item_type_2 = (
                            MsgMenuMiniprogramItem.from_dict(data)
                        )

                        return componentsschemas_received_msg_menu_item_type_2
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_received_msg_menu_item_type_3 = (
                            MsgMenuTextItem.from_dict(data)
                        )

                        return componentsschemas_received_msg_menu_item_type_3
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_received_msg_menu_item_type_4 = (
                        UnknownMsgMenuItem.from_dict(data)
                    )

                    return componentsschemas_received_msg_menu_item_type_4

                list_item = _parse_list_item(list_item_data)

                list_.append(list_item)

        tail_content = d.pop("tail_content", UNSET)

        received_msg_menu = cls(
            head_content=head_content,
            list_=list_,
            tail_content=tail_content,
        )

        received_msg_menu.additional_properties = d
        return received_msg_menu

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
