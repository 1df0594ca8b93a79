from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.knowledge_answer_text import KnowledgeAnswerText
    from ..models.knowledge_image_attachment import KnowledgeImageAttachment
    from ..models.knowledge_link_attachment import KnowledgeLinkAttachment
    from ..models.knowledge_miniprogram_attachment import KnowledgeMiniprogramAttachment
    from ..models.knowledge_video_attachment import KnowledgeVideoAttachment


T = TypeVar("T", bound="KnowledgeAnswer")


@_attrs_define
class KnowledgeAnswer:
    """The answer of an intent (回答).

    Example:
        {'text': {'content': '在订单页点击“申请退货”。'}}

    """

    text: KnowledgeAnswerText
    """ Text of an answer (回答文本). """
    attachments: (
        list[
            KnowledgeImageAttachment
            | KnowledgeLinkAttachment
            | KnowledgeMiniprogramAttachment
            | KnowledgeVideoAttachment
        ]
        | Unset
    ) = UNSET
    """ Attachments (附件), at most 4. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.knowledge_image_attachment import KnowledgeImageAttachment
        from ..models.knowledge_link_attachment import KnowledgeLinkAttachment
        from ..models.knowledge_video_attachment import KnowledgeVideoAttachment

        text = self.text.to_dict()

        attachments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attachments, Unset):
            attachments = []
            for attachments_item_data in self.attachments:
                attachments_item: dict[str, Any]
                if (
                    isinstance(attachments_item_data, KnowledgeImageAttachment)
                    or isinstance(attachments_item_data, KnowledgeVideoAttachment)
                    or isinstance(attachments_item_data, KnowledgeLinkAttachment)
                ):
                    attachments_item = attachments_item_data.to_dict()
                else:
                    attachments_item = attachments_item_data.to_dict()

                attachments.append(attachments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "text": text,
            }
        )
        if attachments is not UNSET:
            field_dict["attachments"] = attachments

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.knowledge_answer_text import KnowledgeAnswerText
        from ..models.knowledge_image_attachment import KnowledgeImageAttachment
        from ..models.knowledge_link_attachment import KnowledgeLinkAttachment
        from ..models.knowledge_miniprogram_attachment import (
            KnowledgeMiniprogramAttachment,
        )
        from ..models.knowledge_video_attachment import KnowledgeVideoAttachment

        d = dict(src_dict)
        text = KnowledgeAnswerText.from_dict(d.pop("text"))

        _attachments = d.pop("attachments", UNSET)
        attachments: (
            list[
                KnowledgeImageAttachment
                | KnowledgeLinkAttachment
                | KnowledgeMiniprogramAttachment
                | KnowledgeVideoAttachment
            ]
            | Unset
        ) = UNSET
        if _attachments is not UNSET:
            attachments = []
            for attachments_item_data in _attachments:

                def _parse_attachments_item(
                    data: object,
                ) -> (
                    KnowledgeImageAttachment
                    | KnowledgeLinkAttachment
                    | KnowledgeMiniprogramAttachment
                    | KnowledgeVideoAttachment
                ):
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_knowledge_attachment_type_0 = (
                            KnowledgeImageAttachment.from_dict(data)
                        )

                        return componentsschemas_knowledge_attachment_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_knowledge_attachment_type_1 = (
                            KnowledgeVideoAttachment.from_dict(data)
                        )

                        return componentsschemas_knowledge_attachment_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_knowledge_attachment_type_2 = (
                            KnowledgeLinkAttachment.from_dict(data)
                        )

                        return componentsschemas_knowledge_attachment_type_2
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_knowledge_attachment_type_3 = (
                        KnowledgeMiniprogramAttachment.from_dict(data)
                    )

                    return componentsschemas_knowledge_attachment_type_3

                attachments_item = _parse_attachments_item(attachments_item_data)

                attachments.append(attachments_item)

        knowledge_answer = cls(
            text=text,
            attachments=attachments,
        )

        knowledge_answer.additional_properties = d
        return knowledge_answer

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
