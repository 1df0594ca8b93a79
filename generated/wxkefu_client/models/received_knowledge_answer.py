from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.received_knowledge_answer_text import ReceivedKnowledgeAnswerText
    from ..models.received_knowledge_image_attachment import (
        ReceivedKnowledgeImageAttachment,
    )
    from ..models.received_knowledge_link_attachment import (
        ReceivedKnowledgeLinkAttachment,
    )
    from ..models.received_knowledge_miniprogram_attachment import (
        ReceivedKnowledgeMiniprogramAttachment,
    )
    from ..models.received_knowledge_video_attachment import (
        ReceivedKnowledgeVideoAttachment,
    )


T = TypeVar("T", bound="ReceivedKnowledgeAnswer")


@_attrs_define
class ReceivedKnowledgeAnswer:
    """The answer of an intent (回答).

    Example:
        {'text': {'content': '在订单页点击“申请退货”。'}}

    """

    text: ReceivedKnowledgeAnswerText
    """ Text of an answer (回答文本). """
    attachments: (
        list[
            ReceivedKnowledgeImageAttachment
            | ReceivedKnowledgeLinkAttachment
            | ReceivedKnowledgeMiniprogramAttachment
            | ReceivedKnowledgeVideoAttachment
        ]
        | Unset
    ) = UNSET
    """ Attachments (附件), at most 4. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.received_knowledge_image_attachment import (
            ReceivedKnowledgeImageAttachment,
        )
        from ..models.received_knowledge_link_attachment import (
            ReceivedKnowledgeLinkAttachment,
        )
        from ..models.received_knowledge_video_attachment import (
            ReceivedKnowledgeVideoAttachment,
        )

        text = self.text.to_dict()

        attachments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attachments, Unset):
            attachments = []
            for attachments_item_data in self.attachments:
                attachments_item: dict[str, Any]
                if (
                    isinstance(attachments_item_data, ReceivedKnowledgeImageAttachment)
                    or isinstance(
                        attachments_item_data, ReceivedKnowledgeVideoAttachment
                    )
                    or isinstance(
                        attachments_item_data, ReceivedKnowledgeLinkAttachment
                    )
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
        from ..models.received_knowledge_answer_text import ReceivedKnowledgeAnswerText
        from ..models.received_knowledge_image_attachment import (
            ReceivedKnowledgeImageAttachment,
        )
        from ..models.received_knowledge_link_attachment import (
            ReceivedKnowledgeLinkAttachment,
        )
        from ..models.received_knowledge_miniprogram_attachment import (
            ReceivedKnowledgeMiniprogramAttachment,
        )
        from ..models.received_knowledge_video_attachment import (
            ReceivedKnowledgeVideoAttachment,
        )

        d = dict(src_dict)
        text = ReceivedKnowledgeAnswerText.from_dict(d.pop("text"))

        _attachments = d.pop("attachments", UNSET)
        attachments: (
            list[
                ReceivedKnowledgeImageAttachment
                | ReceivedKnowledgeLinkAttachment
                | ReceivedKnowledgeMiniprogramAttachment
                | ReceivedKnowledgeVideoAttachment
            ]
            | Unset
        ) = UNSET
        if _attachments is not UNSET:
            attachments = []
            for attachments_item_data in _attachments:

                def _parse_attachments_item(
                    data: object,
                ) -> (
                    ReceivedKnowledgeImageAttachment
                    | ReceivedKnowledgeLinkAttachment
                    | ReceivedKnowledgeMiniprogramAttachment
                    | ReceivedKnowledgeVideoAttachment
                ):
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_received_knowledge_attachment_type_0 = (
                            ReceivedKnowledgeImageAttachment.from_dict(data)
                        )

                        return componentsschemas_received_knowledge_attachment_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_received_knowledge_attachment_type_1 = (
                            ReceivedKnowledgeVideoAttachment.from_dict(data)
                        )

                        return componentsschemas_received_knowledge_attachment_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_received_knowledge_attachment_type_2 = (
                            ReceivedKnowledgeLinkAttachment.from_dict(data)
                        )

                        return componentsschemas_received_knowledge_attachment_type_2
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_received_knowledge_attachment_type_3 = (
                        ReceivedKnowledgeMiniprogramAttachment.from_dict(data)
                    )

                    return componentsschemas_received_knowledge_attachment_type_3

                attachments_item = _parse_attachments_item(attachments_item_data)

                attachments.append(attachments_item)

        received_knowledge_answer = cls(
            text=text,
            attachments=attachments,
        )

        received_knowledge_answer.additional_properties = d
        return received_knowledge_answer

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
