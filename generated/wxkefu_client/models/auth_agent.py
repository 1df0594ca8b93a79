from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agent_privilege import AgentPrivilege
    from ..models.shared_from import SharedFrom


T = TypeVar("T", bound="AuthAgent")


@_attrs_define
class AuthAgent:
    """One authorised app (agent) inside the corp."""

    agentid: int
    """ The app's agentid inside the authorising corp. """
    name: str | Unset = UNSET
    """ App name. """
    round_logo_url: str | Unset = UNSET
    """ Round logo URL. """
    square_logo_url: str | Unset = UNSET
    """ Square logo URL. """
    appid: int | Unset = UNSET
    """ App id inside an old multi-app suite. """
    auth_mode: int | Unset = UNSET
    """ 0 authorised by an administrator, 1 by members (as sent). """
    is_customized_app: bool | Unset = UNSET
    """ True for an app created from a 代开发 template. """
    auth_from_thirdapp: bool | Unset = UNSET
    """ True when authorised from a third-party app. """
    privilege: AgentPrivilege | Unset = UNSET
    """ What the authorised app may see (应用对应的权限). """
    shared_from: SharedFrom | Unset = UNSET
    """ Set when the app was shared to this corp by another corp (企业互联/上下游). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agentid = self.agentid

        name = self.name

        round_logo_url = self.round_logo_url

        square_logo_url = self.square_logo_url

        appid = self.appid

        auth_mode = self.auth_mode

        is_customized_app = self.is_customized_app

        auth_from_thirdapp = self.auth_from_thirdapp

        privilege: dict[str, Any] | Unset = UNSET
        if not isinstance(self.privilege, Unset):
            privilege = self.privilege.to_dict()

        shared_from: dict[str, Any] | Unset = UNSET
        if not isinstance(self.shared_from, Unset):
            shared_from = self.shared_from.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agentid": agentid,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if round_logo_url is not UNSET:
            field_dict["round_logo_url"] = round_logo_url
        if square_logo_url is not UNSET:
            field_dict["square_logo_url"] = square_logo_url
        if appid is not UNSET:
            field_dict["appid"] = appid
        if auth_mode is not UNSET:
            field_dict["auth_mode"] = auth_mode
        if is_customized_app is not UNSET:
            field_dict["is_customized_app"] = is_customized_app
        if auth_from_thirdapp is not UNSET:
            field_dict["auth_from_thirdapp"] = auth_from_thirdapp
        if privilege is not UNSET:
            field_dict["privilege"] = privilege
        if shared_from is not UNSET:
            field_dict["shared_from"] = shared_from

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.agent_privilege import AgentPrivilege
        from ..models.shared_from import SharedFrom

        d = dict(src_dict)
        agentid = d.pop("agentid")

        name = d.pop("name", UNSET)

        round_logo_url = d.pop("round_logo_url", UNSET)

        square_logo_url = d.pop("square_logo_url", UNSET)

        appid = d.pop("appid", UNSET)

        auth_mode = d.pop("auth_mode", UNSET)

        is_customized_app = d.pop("is_customized_app", UNSET)

        auth_from_thirdapp = d.pop("auth_from_thirdapp", UNSET)

        _privilege = d.pop("privilege", UNSET)
        privilege: AgentPrivilege | Unset
        if isinstance(_privilege, Unset):
            privilege = UNSET
        else:
            privilege = AgentPrivilege.from_dict(_privilege)

        _shared_from = d.pop("shared_from", UNSET)
        shared_from: SharedFrom | Unset
        if isinstance(_shared_from, Unset):
            shared_from = UNSET
        else:
            shared_from = SharedFrom.from_dict(_shared_from)

        auth_agent = cls(
            agentid=agentid,
            name=name,
            round_logo_url=round_logo_url,
            square_logo_url=square_logo_url,
            appid=appid,
            auth_mode=auth_mode,
            is_customized_app=is_customized_app,
            auth_from_thirdapp=auth_from_thirdapp,
            privilege=privilege,
            shared_from=shared_from,
        )

        auth_agent.additional_properties = d
        return auth_agent

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
