from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.has_more_known import HasMoreKnown
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.business_card_message import BusinessCardMessage
    from ..models.channels_message import ChannelsMessage
    from ..models.channels_shop_order_message import ChannelsShopOrderMessage
    from ..models.channels_shop_product_message import ChannelsShopProductMessage
    from ..models.event_message import EventMessage
    from ..models.file_message import FileMessage
    from ..models.image_message import ImageMessage
    from ..models.link_message import LinkMessage
    from ..models.location_message import LocationMessage
    from ..models.meeting_message import MeetingMessage
    from ..models.merged_msg_message import MergedMsgMessage
    from ..models.miniprogram_message import MiniprogramMessage
    from ..models.msgmenu_message import MsgmenuMessage
    from ..models.note_message import NoteMessage
    from ..models.schedule_message import ScheduleMessage
    from ..models.text_message import TextMessage
    from ..models.unknown_message import UnknownMessage
    from ..models.video_message import VideoMessage
    from ..models.voice_message import VoiceMessage


T = TypeVar("T", bound="SyncMsgResp")


@_attrs_define
class SyncMsgResp:
    """Response of `kf/sync_msg`."""

    errcode: int
    """ Result code (返回码); 0 = success. """
    errmsg: str
    """ Human-readable result text (对返回码的文本描述); do not branch on it. """
    next_cursor: str | Unset = UNSET
    """ Cursor for the next call (下次调用带上该值); persist it after handling the page. """
    has_more: HasMoreKnown | int | Unset = UNSET
    """ 0 = no more data, 1 = more data remains; any other integer a future server sends is kept
    as a plain integer.
     """
    msg_list: (
        list[
            BusinessCardMessage
            | ChannelsMessage
            | ChannelsShopOrderMessage
            | ChannelsShopProductMessage
            | EventMessage
            | FileMessage
            | ImageMessage
            | LinkMessage
            | LocationMessage
            | MeetingMessage
            | MergedMsgMessage
            | MiniprogramMessage
            | MsgmenuMessage
            | NoteMessage
            | ScheduleMessage
            | TextMessage
            | UnknownMessage
            | VideoMessage
            | VoiceMessage
        ]
        | Unset
    ) = UNSET
    """ Messages and events (消息列表), oldest first. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.business_card_message import BusinessCardMessage
        from ..models.channels_message import ChannelsMessage
        from ..models.channels_shop_order_message import ChannelsShopOrderMessage
        from ..models.channels_shop_product_message import ChannelsShopProductMessage
        from ..models.event_message import EventMessage
        from ..models.file_message import FileMessage
        from ..models.image_message import ImageMessage
        from ..models.link_message import LinkMessage
        from ..models.location_message import LocationMessage
        from ..models.meeting_message import MeetingMessage
        from ..models.merged_msg_message import MergedMsgMessage
        from ..models.miniprogram_message import MiniprogramMessage
        from ..models.msgmenu_message import MsgmenuMessage
        from ..models.note_message import NoteMessage
        from ..models.schedule_message import ScheduleMessage
        from ..models.text_message import TextMessage
        from ..models.video_message import VideoMessage
        from ..models.voice_message import VoiceMessage

        errcode = self.errcode

        errmsg = self.errmsg

        next_cursor = self.next_cursor

        has_more: int | Unset
        if isinstance(self.has_more, Unset):
            has_more = UNSET
        elif isinstance(self.has_more, HasMoreKnown):
            has_more = self.has_more.value
        else:
            has_more = self.has_more

        msg_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.msg_list, Unset):
            msg_list = []
            for msg_list_item_data in self.msg_list:
                msg_list_item: dict[str, Any]
                if (
                    isinstance(msg_list_item_data, TextMessage)
                    or isinstance(msg_list_item_data, ImageMessage)
                    or isinstance(msg_list_item_data, VoiceMessage)
                    or isinstance(msg_list_item_data, VideoMessage)
                    or isinstance(msg_list_item_data, FileMessage)
                    or isinstance(msg_list_item_data, LocationMessage)
                    or isinstance(msg_list_item_data, LinkMessage)
                    or isinstance(msg_list_item_data, BusinessCardMessage)
                    or isinstance(msg_list_item_data, MiniprogramMessage)
                    or isinstance(msg_list_item_data, MsgmenuMessage)
                    or isinstance(msg_list_item_data, ChannelsShopProductMessage)
                    or isinstance(msg_list_item_data, ChannelsShopOrderMessage)
                    or isinstance(msg_list_item_data, MergedMsgMessage)
                    or isinstance(msg_list_item_data, ChannelsMessage)
                    or isinstance(msg_list_item_data, MeetingMessage)
                    or isinstance(msg_list_item_data, ScheduleMessage)
                    or isinstance(msg_list_item_data, NoteMessage)
                    or isinstance(msg_list_item_data, EventMessage)
                ):
                    msg_list_item = msg_list_item_data.to_dict()
                else:
                    msg_list_item = msg_list_item_data.to_dict()

                msg_list.append(msg_list_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errcode": errcode,
                "errmsg": errmsg,
            }
        )
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor
        if has_more is not UNSET:
            field_dict["has_more"] = has_more
        if msg_list is not UNSET:
            field_dict["msg_list"] = msg_list

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.business_card_message import BusinessCardMessage
        from ..models.channels_message import ChannelsMessage
        from ..models.channels_shop_order_message import ChannelsShopOrderMessage
        from ..models.channels_shop_product_message import ChannelsShopProductMessage
        from ..models.event_message import EventMessage
        from ..models.file_message import FileMessage
        from ..models.image_message import ImageMessage
        from ..models.link_message import LinkMessage
        from ..models.location_message import LocationMessage
        from ..models.meeting_message import MeetingMessage
        from ..models.merged_msg_message import MergedMsgMessage
        from ..models.miniprogram_message import MiniprogramMessage
        from ..models.msgmenu_message import MsgmenuMessage
        from ..models.note_message import NoteMessage
        from ..models.schedule_message import ScheduleMessage
        from ..models.text_message import TextMessage
        from ..models.unknown_message import UnknownMessage
        from ..models.video_message import VideoMessage
        from ..models.voice_message import VoiceMessage

        d = dict(src_dict)
        errcode = d.pop("errcode")

        errmsg = d.pop("errmsg")

        next_cursor = d.pop("next_cursor", UNSET)

        def _parse_has_more(data: object) -> HasMoreKnown | int | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                componentsschemas_has_more_type_0 = HasMoreKnown(data)

                return componentsschemas_has_more_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HasMoreKnown | int | Unset, data)

        has_more = _parse_has_more(d.pop("has_more", UNSET))

        _msg_list = d.pop("msg_list", UNSET)
        msg_list: (
            list[
                BusinessCardMessage
                | ChannelsMessage
                | ChannelsShopOrderMessage
                | ChannelsShopProductMessage
                | EventMessage
                | FileMessage
                | ImageMessage
                | LinkMessage
                | LocationMessage
                | MeetingMessage
                | MergedMsgMessage
                | MiniprogramMessage
                | MsgmenuMessage
                | NoteMessage
                | ScheduleMessage
                | TextMessage
                | UnknownMessage
                | VideoMessage
                | VoiceMessage
            ]
            | Unset
        ) = UNSET
        if _msg_list is not UNSET:
            msg_list = []
            for msg_list_item_data in _msg_list:

                def _parse_msg_list_item(
                    data: object,
                ) -> (
                    BusinessCardMessage
                    | ChannelsMessage
                    | ChannelsShopOrderMessage
                    | ChannelsShopProductMessage
                    | EventMessage
                    | FileMessage
                    | ImageMessage
                    | LinkMessage
                    | LocationMessage
                    | MeetingMessage
                    | MergedMsgMessage
                    | MiniprogramMessage
                    | MsgmenuMessage
                    | NoteMessage
                    | ScheduleMessage
                    | TextMessage
                    | UnknownMessage
                    | VideoMessage
                    | VoiceMessage
                ):
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_sync_msg_item_type_0 = TextMessage.from_dict(
                            data
                        )

                        return componentsschemas_sync_msg_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_sync_msg_item_type_1 = ImageMessage.from_dict(
                            data
                        )

                        return componentsschemas_sync_msg_item_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_sync_msg_item_type_2 = VoiceMessage.from_dict(
                            data
                        )

                        return componentsschemas_sync_msg_item_type_2
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_sync_msg_item_type_3 = VideoMessage.from_dict(
                            data
                        )

                        return componentsschemas_sync_msg_item_type_3
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_sync_msg_item_type_4 = FileMessage.from_dict(
                            data
                        )

                        return componentsschemas_sync_msg_item_type_4
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_sync_msg_item_type_5 = (
                            LocationMessage.from_dict(data)
                        )

                        return componentsschemas_sync_msg_item_type_5
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_sync_msg_item_type_6 = LinkMessage.from_dict(
                            data
                        )

                        return componentsschemas_sync_msg_item_type_6
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_sync_msg_item_type_7 = (
                            BusinessCardMessage.from_dict(data)
                        )

                        return componentsschemas_sync_msg_item_type_7
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_sync_msg_item_type_8 = (
                            MiniprogramMessage.from_dict(data)
                        )

                        return componentsschemas_sync_msg_item_type_8
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_sync_msg_item_type_9 = (
                            MsgmenuMessage.from_dict(data)
                        )

                        return componentsschemas_sync_msg_item_type_9
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_sync_msg_item_type_10 = (
                            ChannelsShopProductMessage.from_dict(data)
                        )

                        return componentsschemas_sync_msg_item_type_10
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_sync_msg_item_type_11 = (
                            ChannelsShopOrderMessage.from_dict(data)
                        )

                        return componentsschemas_sync_msg_item_type_11
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_sync_msg_item_type_12 = (
                            MergedMsgMessage.from_dict(data)
                        )

                        return componentsschemas_sync_msg_item_type_12
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_sync_msg_item_type_13 = (
                            ChannelsMessage.from_dict(data)
                        )

                        return componentsschemas_sync_msg_item_type_13
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_sync_msg_item_type_14 = (
                            MeetingMessage.from_dict(data)
                        )

                        return componentsschemas_sync_msg_item_type_14
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_sync_msg_item_type_15 = (
                            ScheduleMessage.from_dict(data)
                        )

                        return componentsschemas_sync_msg_item_type_15
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_sync_msg_item_type_16 = NoteMessage.from_dict(
                            data
                        )

                        return componentsschemas_sync_msg_item_type_16
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_sync_msg_item_type_17 = (
                            EventMessage.from_dict(data)
                        )

                        return componentsschemas_sync_msg_item_type_17
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_sync_msg_item_type_18 = UnknownMessage.from_dict(
                        data
                    )

                    return componentsschemas_sync_msg_item_type_18

                msg_list_item = _parse_msg_list_item(msg_list_item_data)

                msg_list.append(msg_list_item)

        sync_msg_resp = cls(
            errcode=errcode,
            errmsg=errmsg,
            next_cursor=next_cursor,
            has_more=has_more,
            msg_list=msg_list,
        )

        sync_msg_resp.additional_properties = d
        return sync_msg_resp

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
