from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MediaUploadimgResp")


@_attrs_define
class MediaUploadimgResp:
    """Response of `media/uploadimg`."""

    errcode: int
    """ Result code (返回码); 0 = success. """
    errmsg: str
    """ Human-readable result text (对返回码的文本描述); do not branch on it. """
    url: str | Unset = UNSET
    """ Permanent URL of the image (上传后得到的图片URL). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errcode = self.errcode

        errmsg = self.errmsg

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errcode": errcode,
                "errmsg": errmsg,
            }
        )
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        errcode = d.pop("errcode")

        errmsg = d.pop("errmsg")

        url = d.pop("url", UNSET)

        media_uploadimg_resp = cls(
            errcode=errcode,
            errmsg=errmsg,
            url=url,
        )

        media_uploadimg_resp.additional_properties = d
        return media_uploadimg_resp

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
