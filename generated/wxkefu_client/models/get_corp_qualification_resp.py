from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GetCorpQualificationResp")


@_attrs_define
class GetCorpQualificationResp:
    """Response of `kf/get_corp_qualification`."""

    errcode: int
    """ Result code (返回码); 0 = success. """
    errmsg: str
    """ Human-readable result text (对返回码的文本描述); do not branch on it. """
    wechat_channels_binding: bool | Unset = UNSET
    """ True when at least one 视频号 is bound to the corp and confirmed by its admin
    (是否绑定视频号).
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errcode = self.errcode

        errmsg = self.errmsg

        wechat_channels_binding = self.wechat_channels_binding

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errcode": errcode,
                "errmsg": errmsg,
            }
        )
        if wechat_channels_binding is not UNSET:
            field_dict["wechat_channels_binding"] = wechat_channels_binding

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        errcode = d.pop("errcode")

        errmsg = d.pop("errmsg")

        wechat_channels_binding = d.pop("wechat_channels_binding", UNSET)

        get_corp_qualification_resp = cls(
            errcode=errcode,
            errmsg=errmsg,
            wechat_channels_binding=wechat_channels_binding,
        )

        get_corp_qualification_resp.additional_properties = d
        return get_corp_qualification_resp

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
