from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IdconvertOpenKfidReq")


@_attrs_define
class IdconvertOpenKfidReq:
    """Body of `idconvert/open_kfid`."""

    open_kfid_list: list[str]
    """ open_kfid values under the corp subject to convert (微信客服ID列表). The docs state no
    maximum count, so none is imposed here.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        open_kfid_list = self.open_kfid_list

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "open_kfid_list": open_kfid_list,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        open_kfid_list = cast(list[str], d.pop("open_kfid_list"))

        idconvert_open_kfid_req = cls(
            open_kfid_list=open_kfid_list,
        )

        idconvert_open_kfid_req.additional_properties = d
        return idconvert_open_kfid_req

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
