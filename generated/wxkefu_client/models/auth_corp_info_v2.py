from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.corp_ex_name import CorpExName


T = TypeVar("T", bound="AuthCorpInfoV2")


@_attrs_define
class AuthCorpInfoV2:
    """The authorising corp as v2 `get_auth_info` describes it."""

    corpid: str
    """ Corp id of the authorising corp. """
    corp_name: str | Unset = UNSET
    """ Corp short name. """
    corp_type: str | Unset = UNSET
    """ `verified` or `unverified`. """
    corp_square_logo_url: str | Unset = UNSET
    """ Square logo URL. """
    corp_user_max: int | Unset = UNSET
    """ Member limit of the corp. """
    corp_full_name: str | Unset = UNSET
    """ Full legal name (verified corps). """
    verified_end_time: int | Unset = UNSET
    """ End of the verification, unix seconds. """
    subject_type: int | Unset = UNSET
    """ Subject type (1 enterprise, 2 government/institution, 3 other...; as sent). """
    corp_wxqrcode: str | Unset = UNSET
    """ URL of the corp's WeChat QR code. """
    corp_scale: str | Unset = UNSET
    """ Corp size bracket, e.g. `1-50人`. """
    corp_industry: str | Unset = UNSET
    """ Industry. """
    corp_sub_industry: str | Unset = UNSET
    """ Sub-industry. """
    corp_ex_name: CorpExName | Unset = UNSET
    """ Other names of the corp (v2 get_auth_info). The only sample shows `name_list` as one
    string although its name suggests a list (single source, DOC:100795): any JSON value is
    accepted.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        corpid = self.corpid

        corp_name = self.corp_name

        corp_type = self.corp_type

        corp_square_logo_url = self.corp_square_logo_url

        corp_user_max = self.corp_user_max

        corp_full_name = self.corp_full_name

        verified_end_time = self.verified_end_time

        subject_type = self.subject_type

        corp_wxqrcode = self.corp_wxqrcode

        corp_scale = self.corp_scale

        corp_industry = self.corp_industry

        corp_sub_industry = self.corp_sub_industry

        corp_ex_name: dict[str, Any] | Unset = UNSET
        if not isinstance(self.corp_ex_name, Unset):
            corp_ex_name = self.corp_ex_name.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "corpid": corpid,
            }
        )
        if corp_name is not UNSET:
            field_dict["corp_name"] = corp_name
        if corp_type is not UNSET:
            field_dict["corp_type"] = corp_type
        if corp_square_logo_url is not UNSET:
            field_dict["corp_square_logo_url"] = corp_square_logo_url
        if corp_user_max is not UNSET:
            field_dict["corp_user_max"] = corp_user_max
        if corp_full_name is not UNSET:
            field_dict["corp_full_name"] = corp_full_name
        if verified_end_time is not UNSET:
            field_dict["verified_end_time"] = verified_end_time
        if subject_type is not UNSET:
            field_dict["subject_type"] = subject_type
        if corp_wxqrcode is not UNSET:
            field_dict["corp_wxqrcode"] = corp_wxqrcode
        if corp_scale is not UNSET:
            field_dict["corp_scale"] = corp_scale
        if corp_industry is not UNSET:
            field_dict["corp_industry"] = corp_industry
        if corp_sub_industry is not UNSET:
            field_dict["corp_sub_industry"] = corp_sub_industry
        if corp_ex_name is not UNSET:
            field_dict["corp_ex_name"] = corp_ex_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.corp_ex_name import CorpExName

        d = dict(src_dict)
        corpid = d.pop("corpid")

        corp_name = d.pop("corp_name", UNSET)

        corp_type = d.pop("corp_type", UNSET)

        corp_square_logo_url = d.pop("corp_square_logo_url", UNSET)

        corp_user_max = d.pop("corp_user_max", UNSET)

        corp_full_name = d.pop("corp_full_name", UNSET)

        verified_end_time = d.pop("verified_end_time", UNSET)

        subject_type = d.pop("subject_type", UNSET)

        corp_wxqrcode = d.pop("corp_wxqrcode", UNSET)

        corp_scale = d.pop("corp_scale", UNSET)

        corp_industry = d.pop("corp_industry", UNSET)

        corp_sub_industry = d.pop("corp_sub_industry", UNSET)

        _corp_ex_name = d.pop("corp_ex_name", UNSET)
        corp_ex_name: CorpExName | Unset
        if isinstance(_corp_ex_name, Unset):
            corp_ex_name = UNSET
        else:
            corp_ex_name = CorpExName.from_dict(_corp_ex_name)

        auth_corp_info_v2 = cls(
            corpid=corpid,
            corp_name=corp_name,
            corp_type=corp_type,
            corp_square_logo_url=corp_square_logo_url,
            corp_user_max=corp_user_max,
            corp_full_name=corp_full_name,
            verified_end_time=verified_end_time,
            subject_type=subject_type,
            corp_wxqrcode=corp_wxqrcode,
            corp_scale=corp_scale,
            corp_industry=corp_industry,
            corp_sub_industry=corp_sub_industry,
            corp_ex_name=corp_ex_name,
        )

        auth_corp_info_v2.additional_properties = d
        return auth_corp_info_v2

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
