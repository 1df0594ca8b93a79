from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.corp_statistic import CorpStatistic


T = TypeVar("T", bound="CorpStatisticItem")


@_attrs_define
class CorpStatisticItem:
    """One day of `kf/get_corp_statistic`.

    Example:
        {'stat_time': 1645545600}

    """

    stat_time: int | Unset = UNSET
    """ The day, as the unix timestamp of its 00:00:00 (数据统计日期). """
    statistic: CorpStatistic | Unset = UNSET
    """ Corp-level figures of one day (一天的统计数据). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stat_time = self.stat_time

        statistic: dict[str, Any] | Unset = UNSET
        if not isinstance(self.statistic, Unset):
            statistic = self.statistic.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if stat_time is not UNSET:
            field_dict["stat_time"] = stat_time
        if statistic is not UNSET:
            field_dict["statistic"] = statistic

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.corp_statistic import CorpStatistic

        d = dict(src_dict)
        stat_time = d.pop("stat_time", UNSET)

        _statistic = d.pop("statistic", UNSET)
        statistic: CorpStatistic | Unset
        if isinstance(_statistic, Unset):
            statistic = UNSET
        else:
            statistic = CorpStatistic.from_dict(_statistic)

        corp_statistic_item = cls(
            stat_time=stat_time,
            statistic=statistic,
        )

        corp_statistic_item.additional_properties = d
        return corp_statistic_item

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
