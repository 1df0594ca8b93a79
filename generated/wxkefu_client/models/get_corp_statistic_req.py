from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GetCorpStatisticReq")


@_attrs_define
class GetCorpStatisticReq:
    """Body of `kf/get_corp_statistic`."""

    start_time: int
    """ First day, as the unix timestamp of its 00:00:00 (起始日期的时间戳). """
    end_time: int
    """ Last day (inclusive), as the unix timestamp of its 00:00:00 (结束日期的时间戳); span ≤31 days. """
    open_kfid: None | str | Unset = UNSET
    """ Kf account id (客服账号ID); optional in the spec (see the operation's conflict note).
    `null` means absent (an SDK sends `"open_kfid": null` when it is not given).
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start_time = self.start_time

        end_time = self.end_time

        open_kfid: None | str | Unset
        if isinstance(self.open_kfid, Unset):
            open_kfid = UNSET
        else:
            open_kfid = self.open_kfid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "start_time": start_time,
                "end_time": end_time,
            }
        )
        if open_kfid is not UNSET:
            field_dict["open_kfid"] = open_kfid

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        start_time = d.pop("start_time")

        end_time = d.pop("end_time")

        def _parse_open_kfid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        open_kfid = _parse_open_kfid(d.pop("open_kfid", UNSET))

        get_corp_statistic_req = cls(
            start_time=start_time,
            end_time=end_time,
            open_kfid=open_kfid,
        )

        get_corp_statistic_req.additional_properties = d
        return get_corp_statistic_req

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
