from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.corp_statistic_item import CorpStatisticItem


T = TypeVar("T", bound="GetCorpStatisticResp")


@_attrs_define
class GetCorpStatisticResp:
    """Response of `kf/get_corp_statistic`; `statistic` is absent for days without data."""

    errcode: int
    """ Result code (返回码); 0 = success. """
    errmsg: str
    """ Human-readable result text (对返回码的文本描述); do not branch on it. """
    statistic_list: list[CorpStatisticItem] | Unset = UNSET
    """ One entry per day of the range (统计数据列表). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errcode = self.errcode

        errmsg = self.errmsg

        statistic_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.statistic_list, Unset):
            statistic_list = []
            for statistic_list_item_data in self.statistic_list:
                statistic_list_item = statistic_list_item_data.to_dict()
                statistic_list.append(statistic_list_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errcode": errcode,
                "errmsg": errmsg,
            }
        )
        if statistic_list is not UNSET:
            field_dict["statistic_list"] = statistic_list

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.corp_statistic_item import CorpStatisticItem

        d = dict(src_dict)
        errcode = d.pop("errcode")

        errmsg = d.pop("errmsg")

        _statistic_list = d.pop("statistic_list", UNSET)
        statistic_list: list[CorpStatisticItem] | Unset = UNSET
        if _statistic_list is not UNSET:
            statistic_list = []
            for statistic_list_item_data in _statistic_list:
                statistic_list_item = CorpStatisticItem.from_dict(
                    statistic_list_item_data
                )

                statistic_list.append(statistic_list_item)

        get_corp_statistic_resp = cls(
            errcode=errcode,
            errmsg=errmsg,
            statistic_list=statistic_list,
        )

        get_corp_statistic_resp.additional_properties = d
        return get_corp_statistic_resp

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
