from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.has_more_known import HasMoreKnown
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.knowledge_intent import KnowledgeIntent


T = TypeVar("T", bound="KnowledgeListIntentResp")


@_attrs_define
class KnowledgeListIntentResp:
    """Response of `kf/knowledge/list_intent`."""

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
    intent_list: list[KnowledgeIntent] | Unset = UNSET
    """ The intents of this page (问答摘要列表). """
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

        intent_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.intent_list, Unset):
            intent_list = []
            for intent_list_item_data in self.intent_list:
                intent_list_item = intent_list_item_data.to_dict()
                intent_list.append(intent_list_item)

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
        if intent_list is not UNSET:
            field_dict["intent_list"] = intent_list

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.knowledge_intent import KnowledgeIntent

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

        _intent_list = d.pop("intent_list", UNSET)
        intent_list: list[KnowledgeIntent] | Unset = UNSET
        if _intent_list is not UNSET:
            intent_list = []
            for intent_list_item_data in _intent_list:
                intent_list_item = KnowledgeIntent.from_dict(intent_list_item_data)

                intent_list.append(intent_list_item)

        knowledge_list_intent_resp = cls(
            errcode=errcode,
            errmsg=errmsg,
            next_cursor=next_cursor,
            has_more=has_more,
            intent_list=intent_list,
        )

        knowledge_list_intent_resp.additional_properties = d
        return knowledge_list_intent_resp

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
