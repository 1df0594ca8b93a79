from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.has_more_known import HasMoreKnown
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.knowledge_group import KnowledgeGroup


T = TypeVar("T", bound="KnowledgeListGroupResp")


@_attrs_define
class KnowledgeListGroupResp:
    """Response of `kf/knowledge/list_group`."""

    errcode: int
    """ Result code (返回码); 0 = success. """
    errmsg: str
    """ Human-readable result text (对返回码的文本描述); do not branch on it. """
    next_cursor: str | Unset = UNSET
    """ Pass as `cursor` to get the next page (分页游标). """
    has_more: HasMoreKnown | int | Unset = UNSET
    """ 0 = no more data, 1 = more data remains; any other integer a future server sends is kept
    as a plain integer.
     """
    group_list: list[KnowledgeGroup] | Unset = UNSET
    """ The groups of this page (分组列表). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errcode = self.errcode

        errmsg = self.errmsg

        next_cursor = self.next_cursor

        has_more: int | Unset
        if isinstance(self.has_more, Unset):
            has_more = UNSET
        elif isinstance(self.has_more, HasMoreKnown):
            has_more = self.has_more.value
        else:
            has_more = self.has_more

        group_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.group_list, Unset):
            group_list = []
            for group_list_item_data in self.group_list:
                group_list_item = group_list_item_data.to_dict()
                group_list.append(group_list_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errcode": errcode,
                "errmsg": errmsg,
            }
        )
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor
        if has_more is not UNSET:
            field_dict["has_more"] = has_more
        if group_list is not UNSET:
            field_dict["group_list"] = group_list

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.knowledge_group import KnowledgeGroup

        d = dict(src_dict)
        errcode = d.pop("errcode")

        errmsg = d.pop("errmsg")

        next_cursor = d.pop("next_cursor", UNSET)

        def _parse_has_more(data: object) -> HasMoreKnown | int | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, int):
                    raise TypeError()
                componentsschemas_has_more_type_0 = HasMoreKnown(data)

                return componentsschemas_has_more_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HasMoreKnown | int | Unset, data)

        has_more = _parse_has_more(d.pop("has_more", UNSET))

        _group_list = d.pop("group_list", UNSET)
        group_list: list[KnowledgeGroup] | Unset = UNSET
        if _group_list is not UNSET:
            group_list = []
            for group_list_item_data in _group_list:
                group_list_item = KnowledgeGroup.from_dict(group_list_item_data)

                group_list.append(group_list_item)

        knowledge_list_group_resp = cls(
            errcode=errcode,
            errmsg=errmsg,
            next_cursor=next_cursor,
            has_more=has_more,
            group_list=group_list,
        )

        knowledge_list_group_resp.additional_properties = d
        return knowledge_list_group_resp

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
