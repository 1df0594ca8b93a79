from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.voice_format import VoiceFormat
from ..types import UNSET, Unset

T = TypeVar("T", bound="SyncMsgReq")


@_attrs_define
class SyncMsgReq:
    """Body of `kf/sync_msg`."""

    open_kfid: str
    """ Pull only this Kf account's messages (指定拉取某个客服账号的消息). Required by the newest doc;
    older servers also accept it (see the operation description).
     """
    cursor: str | Unset = UNSET
    """ `next_cursor` of the previous call (上一次调用时返回的next_cursor), ≤64 bytes. Omit on the
    first call: the server then starts from the earliest message of the last 3 days.
     """
    token: str | Unset = UNSET
    """ The `Token` of the `kf_msg_or_event` callback (回调事件返回的token), ≤128 bytes, valid
    10 minutes. Without it the call is strictly rate-limited.
     """
    limit: int | Unset = 1000
    """ Maximum number of items (期望请求的数据量), default and maximum 1000. Fewer may come
    back; keep pulling while `has_more` = 1. The docs give no minimum; 0 (which some
    SDKs always send, having no "omit when empty") is tolerated and means the default.
     """
    voice_format: VoiceFormat | Unset = UNSET
    """ Format of pulled voice media (语音消息的格式): 0 AMR (default), 1 SILK. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        open_kfid = self.open_kfid

        cursor = self.cursor

        token = self.token

        limit = self.limit

        voice_format: int | Unset = UNSET
        if not isinstance(self.voice_format, Unset):
            voice_format = self.voice_format.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "open_kfid": open_kfid,
            }
        )
        if cursor is not UNSET:
            field_dict["cursor"] = cursor
        if token is not UNSET:
            field_dict["token"] = token
        if limit is not UNSET:
            field_dict["limit"] = limit
        if voice_format is not UNSET:
            field_dict["voice_format"] = voice_format

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        open_kfid = d.pop("open_kfid")

        cursor = d.pop("cursor", UNSET)

        token = d.pop("token", UNSET)

        limit = d.pop("limit", UNSET)

        _voice_format = d.pop("voice_format", UNSET)
        voice_format: VoiceFormat | Unset
        if isinstance(_voice_format, Unset):
            voice_format = UNSET
        else:
            voice_format = VoiceFormat(_voice_format)

        sync_msg_req = cls(
            open_kfid=open_kfid,
            cursor=cursor,
            token=token,
            limit=limit,
            voice_format=voice_format,
        )

        sync_msg_req.additional_properties = d
        return sync_msg_req

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
