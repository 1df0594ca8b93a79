"""Contains all the data models used in inputs/outputs.

Names are exported lazily (PEP 562 module ``__getattr__``): importing one endpoint module loads
only the models it uses instead of every model of the API.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .account_add_req import AccountAddReq
    from .account_add_resp import AccountAddResp
    from .account_del_req import AccountDelReq
    from .account_list_req import AccountListReq
    from .account_list_resp import AccountListResp
    from .account_update_req import AccountUpdateReq
    from .add_contact_way_req import AddContactWayReq
    from .add_contact_way_resp import AddContactWayResp
    from .base_resp import BaseResp
    from .cancel_upgrade_service_req import CancelUpgradeServiceReq
    from .corp_statistic import CorpStatistic
    from .corp_statistic_item import CorpStatisticItem
    from .customer import Customer
    from .customer_batchget_req import CustomerBatchgetReq
    from .customer_batchget_resp import CustomerBatchgetResp
    from .enter_session_context import EnterSessionContext
    from .gender_known import GenderKnown
    from .get_corp_qualification_resp import GetCorpQualificationResp
    from .get_corp_statistic_req import GetCorpStatisticReq
    from .get_corp_statistic_resp import GetCorpStatisticResp
    from .get_servicer_statistic_req import GetServicerStatisticReq
    from .get_servicer_statistic_resp import GetServicerStatisticResp
    from .get_token_resp import GetTokenResp
    from .get_upgrade_service_config_resp import GetUpgradeServiceConfigResp
    from .has_more_known import HasMoreKnown
    from .idconvert_open_kfid_req import IdconvertOpenKfidReq
    from .idconvert_open_kfid_resp import IdconvertOpenKfidResp
    from .is_default_known import IsDefaultKnown
    from .kf_account import KfAccount
    from .knowledge_add_group_req import KnowledgeAddGroupReq
    from .knowledge_add_group_resp import KnowledgeAddGroupResp
    from .knowledge_add_intent_req import KnowledgeAddIntentReq
    from .knowledge_add_intent_resp import KnowledgeAddIntentResp
    from .knowledge_answer import KnowledgeAnswer
    from .knowledge_answer_text import KnowledgeAnswerText
    from .knowledge_del_group_req import KnowledgeDelGroupReq
    from .knowledge_del_intent_req import KnowledgeDelIntentReq
    from .knowledge_group import KnowledgeGroup
    from .knowledge_image_attachment import KnowledgeImageAttachment
    from .knowledge_intent import KnowledgeIntent
    from .knowledge_link import KnowledgeLink
    from .knowledge_link_attachment import KnowledgeLinkAttachment
    from .knowledge_list_group_req import KnowledgeListGroupReq
    from .knowledge_list_group_resp import KnowledgeListGroupResp
    from .knowledge_list_intent_req import KnowledgeListIntentReq
    from .knowledge_list_intent_resp import KnowledgeListIntentResp
    from .knowledge_media_ref import KnowledgeMediaRef
    from .knowledge_miniprogram import KnowledgeMiniprogram
    from .knowledge_miniprogram_attachment import KnowledgeMiniprogramAttachment
    from .knowledge_mod_group_req import KnowledgeModGroupReq
    from .knowledge_mod_intent_req import KnowledgeModIntentReq
    from .knowledge_question import KnowledgeQuestion
    from .knowledge_question_text import KnowledgeQuestionText
    from .knowledge_similar_questions import KnowledgeSimilarQuestions
    from .knowledge_video_attachment import KnowledgeVideoAttachment
    from .need_enter_session_context import NeedEnterSessionContext
    from .open_kfid_convert_item import OpenKfidConvertItem
    from .service_state_get_req import ServiceStateGetReq
    from .service_state_get_resp import ServiceStateGetResp
    from .service_state_known import ServiceStateKnown
    from .service_state_trans_req import ServiceStateTransReq
    from .service_state_trans_resp import ServiceStateTransResp
    from .service_state_trans_target import ServiceStateTransTarget
    from .servicer import Servicer
    from .servicer_add_req import ServicerAddReq
    from .servicer_change_resp import ServicerChangeResp
    from .servicer_del_req import ServicerDelReq
    from .servicer_list_resp import ServicerListResp
    from .servicer_result import ServicerResult
    from .servicer_statistic import ServicerStatistic
    from .servicer_statistic_item import ServicerStatisticItem
    from .servicer_status_known import ServicerStatusKnown
    from .servicer_stop_type_known import ServicerStopTypeKnown
    from .upgrade_groupchat_range import UpgradeGroupchatRange
    from .upgrade_member_range import UpgradeMemberRange
    from .upgrade_service_groupchat import UpgradeServiceGroupchat
    from .upgrade_service_member import UpgradeServiceMember
    from .upgrade_service_req import UpgradeServiceReq
    from .upgrade_service_type import UpgradeServiceType
    from .wechat_channels import WechatChannels
    from .wechat_channels_scene_known import WechatChannelsSceneKnown

_LAZY: dict[str, str] = {
    "AccountAddReq": ".account_add_req",
    "AccountAddResp": ".account_add_resp",
    "AccountDelReq": ".account_del_req",
    "AccountListReq": ".account_list_req",
    "AccountListResp": ".account_list_resp",
    "AccountUpdateReq": ".account_update_req",
    "AddContactWayReq": ".add_contact_way_req",
    "AddContactWayResp": ".add_contact_way_resp",
    "BaseResp": ".base_resp",
    "CancelUpgradeServiceReq": ".cancel_upgrade_service_req",
    "CorpStatistic": ".corp_statistic",
    "CorpStatisticItem": ".corp_statistic_item",
    "Customer": ".customer",
    "CustomerBatchgetReq": ".customer_batchget_req",
    "CustomerBatchgetResp": ".customer_batchget_resp",
    "EnterSessionContext": ".enter_session_context",
    "GenderKnown": ".gender_known",
    "GetCorpQualificationResp": ".get_corp_qualification_resp",
    "GetCorpStatisticReq": ".get_corp_statistic_req",
    "GetCorpStatisticResp": ".get_corp_statistic_resp",
    "GetServicerStatisticReq": ".get_servicer_statistic_req",
    "GetServicerStatisticResp": ".get_servicer_statistic_resp",
    "GetTokenResp": ".get_token_resp",
    "GetUpgradeServiceConfigResp": ".get_upgrade_service_config_resp",
    "HasMoreKnown": ".has_more_known",
    "IdconvertOpenKfidReq": ".idconvert_open_kfid_req",
    "IdconvertOpenKfidResp": ".idconvert_open_kfid_resp",
    "IsDefaultKnown": ".is_default_known",
    "KfAccount": ".kf_account",
    "KnowledgeAddGroupReq": ".knowledge_add_group_req",
    "KnowledgeAddGroupResp": ".knowledge_add_group_resp",
    "KnowledgeAddIntentReq": ".knowledge_add_intent_req",
    "KnowledgeAddIntentResp": ".knowledge_add_intent_resp",
    "KnowledgeAnswer": ".knowledge_answer",
    "KnowledgeAnswerText": ".knowledge_answer_text",
    "KnowledgeDelGroupReq": ".knowledge_del_group_req",
    "KnowledgeDelIntentReq": ".knowledge_del_intent_req",
    "KnowledgeGroup": ".knowledge_group",
    "KnowledgeImageAttachment": ".knowledge_image_attachment",
    "KnowledgeIntent": ".knowledge_intent",
    "KnowledgeLink": ".knowledge_link",
    "KnowledgeLinkAttachment": ".knowledge_link_attachment",
    "KnowledgeListGroupReq": ".knowledge_list_group_req",
    "KnowledgeListGroupResp": ".knowledge_list_group_resp",
    "KnowledgeListIntentReq": ".knowledge_list_intent_req",
    "KnowledgeListIntentResp": ".knowledge_list_intent_resp",
    "KnowledgeMediaRef": ".knowledge_media_ref",
    "KnowledgeMiniprogram": ".knowledge_miniprogram",
    "KnowledgeMiniprogramAttachment": ".knowledge_miniprogram_attachment",
    "KnowledgeModGroupReq": ".knowledge_mod_group_req",
    "KnowledgeModIntentReq": ".knowledge_mod_intent_req",
    "KnowledgeQuestion": ".knowledge_question",
    "KnowledgeQuestionText": ".knowledge_question_text",
    "KnowledgeSimilarQuestions": ".knowledge_similar_questions",
    "KnowledgeVideoAttachment": ".knowledge_video_attachment",
    "NeedEnterSessionContext": ".need_enter_session_context",
    "OpenKfidConvertItem": ".open_kfid_convert_item",
    "ServiceStateGetReq": ".service_state_get_req",
    "ServiceStateGetResp": ".service_state_get_resp",
    "ServiceStateKnown": ".service_state_known",
    "ServiceStateTransReq": ".service_state_trans_req",
    "ServiceStateTransResp": ".service_state_trans_resp",
    "ServiceStateTransTarget": ".service_state_trans_target",
    "Servicer": ".servicer",
    "ServicerAddReq": ".servicer_add_req",
    "ServicerChangeResp": ".servicer_change_resp",
    "ServicerDelReq": ".servicer_del_req",
    "ServicerListResp": ".servicer_list_resp",
    "ServicerResult": ".servicer_result",
    "ServicerStatistic": ".servicer_statistic",
    "ServicerStatisticItem": ".servicer_statistic_item",
    "ServicerStatusKnown": ".servicer_status_known",
    "ServicerStopTypeKnown": ".servicer_stop_type_known",
    "UpgradeGroupchatRange": ".upgrade_groupchat_range",
    "UpgradeMemberRange": ".upgrade_member_range",
    "UpgradeServiceGroupchat": ".upgrade_service_groupchat",
    "UpgradeServiceMember": ".upgrade_service_member",
    "UpgradeServiceReq": ".upgrade_service_req",
    "UpgradeServiceType": ".upgrade_service_type",
    "WechatChannels": ".wechat_channels",
    "WechatChannelsSceneKnown": ".wechat_channels_scene_known",
}

__all__ = (
    "AccountAddReq",
    "AccountAddResp",
    "AccountDelReq",
    "AccountListReq",
    "AccountListResp",
    "AccountUpdateReq",
    "AddContactWayReq",
    "AddContactWayResp",
    "BaseResp",
    "CancelUpgradeServiceReq",
    "CorpStatistic",
    "CorpStatisticItem",
    "Customer",
    "CustomerBatchgetReq",
    "CustomerBatchgetResp",
    "EnterSessionContext",
    "GenderKnown",
    "GetCorpQualificationResp",
    "GetCorpStatisticReq",
    "GetCorpStatisticResp",
    "GetServicerStatisticReq",
    "GetServicerStatisticResp",
    "GetTokenResp",
    "GetUpgradeServiceConfigResp",
    "HasMoreKnown",
    "IdconvertOpenKfidReq",
    "IdconvertOpenKfidResp",
    "IsDefaultKnown",
    "KfAccount",
    "KnowledgeAddGroupReq",
    "KnowledgeAddGroupResp",
    "KnowledgeAddIntentReq",
    "KnowledgeAddIntentResp",
    "KnowledgeAnswer",
    "KnowledgeAnswerText",
    "KnowledgeDelGroupReq",
    "KnowledgeDelIntentReq",
    "KnowledgeGroup",
    "KnowledgeImageAttachment",
    "KnowledgeIntent",
    "KnowledgeLink",
    "KnowledgeLinkAttachment",
    "KnowledgeListGroupReq",
    "KnowledgeListGroupResp",
    "KnowledgeListIntentReq",
    "KnowledgeListIntentResp",
    "KnowledgeMediaRef",
    "KnowledgeMiniprogram",
    "KnowledgeMiniprogramAttachment",
    "KnowledgeModGroupReq",
    "KnowledgeModIntentReq",
    "KnowledgeQuestion",
    "KnowledgeQuestionText",
    "KnowledgeSimilarQuestions",
    "KnowledgeVideoAttachment",
    "NeedEnterSessionContext",
    "OpenKfidConvertItem",
    "ServiceStateGetReq",
    "ServiceStateGetResp",
    "ServiceStateKnown",
    "ServiceStateTransReq",
    "ServiceStateTransResp",
    "ServiceStateTransTarget",
    "Servicer",
    "ServicerAddReq",
    "ServicerChangeResp",
    "ServicerDelReq",
    "ServicerListResp",
    "ServicerResult",
    "ServicerStatistic",
    "ServicerStatisticItem",
    "ServicerStatusKnown",
    "ServicerStopTypeKnown",
    "UpgradeGroupchatRange",
    "UpgradeMemberRange",
    "UpgradeServiceGroupchat",
    "UpgradeServiceMember",
    "UpgradeServiceReq",
    "UpgradeServiceType",
    "WechatChannels",
    "WechatChannelsSceneKnown",
)


def __getattr__(name: str) -> Any:
    try:
        module = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
