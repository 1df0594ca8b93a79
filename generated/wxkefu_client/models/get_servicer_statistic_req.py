from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GetServicerStatisticReq")


@_attrs_define
class GetServicerStatisticReq:
    """Body of `kf/get_servicer_statistic`."""

    open_kfid: str
    """ Kf account id (客服账号ID). """
    start_time: int
    """ First day, as the unix timestamp of its 00:00:00 (起始日期的时间戳). """
    end_time: int
    """ Last day (inclusive), as the unix timestamp of its 00:00:00 (结束日期的时间戳); span ≤31 days. """
    servicer_userid: None | str | Unset = UNSET
    """ Servicer (接待人员的userid; third-party: open_userid); omit (or `null`, as an SDK sends
    it) for totals over all servicers of the account.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        open_kfid = self.open_kfid

        start_time = self.start_time

        end_time = self.end_time

        servicer_userid: None | str | Unset
        if isinstance(self.servicer_userid, Unset):
            servicer_userid = UNSET
        else:
            servicer_userid = self.servicer_userid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "open_kfid": open_kfid,
                "start_time": start_time,
                "end_time": end_time,
            }
        )
        if servicer_userid is not UNSET:
            field_dict["servicer_userid"] = servicer_userid

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        open_kfid = d.pop("open_kfid")

        start_time = d.pop("start_time")

        end_time = d.pop("end_time")

        def _parse_servicer_userid(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        servicer_userid = _parse_servicer_userid(d.pop("servicer_userid", UNSET))

        get_servicer_statistic_req = cls(
            open_kfid=open_kfid,
            start_time=start_time,
            end_time=end_time,
            servicer_userid=servicer_userid,
        )

        get_servicer_statistic_req.additional_properties = d
        return get_servicer_statistic_req

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
