from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.media_type import MediaType
from ..types import UNSET, Unset

T = TypeVar("T", bound="MediaUploadResp")


@_attrs_define
class MediaUploadResp:
    """Response of `media/upload`."""

    errcode: int
    """ Result code (返回码); 0 = success. """
    errmsg: str
    """ Human-readable result text (对返回码的文本描述); do not branch on it. """
    type_: MediaType | str | Unset = UNSET
    """ The media type echoed by the server; another string from a newer server is kept. """
    media_id: str | Unset = UNSET
    """ Media id (媒体文件唯一标识), valid 3 days. """
    created_at: str | Unset = UNSET
    """ Upload time as unix seconds, serialised as a STRING (媒体文件上传时间戳). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errcode = self.errcode

        errmsg = self.errmsg

        type_: str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, MediaType):
            type_ = self.type_.value
        else:
            type_ = self.type_

        media_id = self.media_id

        created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errcode": errcode,
                "errmsg": errmsg,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_
        if media_id is not UNSET:
            field_dict["media_id"] = media_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        errcode = d.pop("errcode")

        errmsg = d.pop("errmsg")

        def _parse_type_(data: object) -> MediaType | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_media_type_reply_type_0 = MediaType(data)

                return componentsschemas_media_type_reply_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MediaType | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        media_id = d.pop("media_id", UNSET)

        created_at = d.pop("created_at", UNSET)

        media_upload_resp = cls(
            errcode=errcode,
            errmsg=errmsg,
            type_=type_,
            media_id=media_id,
            created_at=created_at,
        )

        media_upload_resp.additional_properties = d
        return media_upload_resp

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
