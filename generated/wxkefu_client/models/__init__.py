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
    from .agent_privilege import AgentPrivilege
    from .auth_agent import AuthAgent
    from .auth_corp_info import AuthCorpInfo
    from .auth_corp_info_v2 import AuthCorpInfoV2
    from .auth_info import AuthInfo
    from .auth_user_info import AuthUserInfo
    from .base_resp import BaseResp
    from .business_card_message import BusinessCardMessage
    from .callback_envelope_json import CallbackEnvelopeJson
    from .callback_envelope_xml import CallbackEnvelopeXml
    from .callback_query import CallbackQuery
    from .cancel_auth_callback import CancelAuthCallback
    from .cancel_upgrade_service_req import CancelUpgradeServiceReq
    from .change_auth_callback import ChangeAuthCallback
    from .change_type_known import ChangeTypeKnown
    from .channels_message import ChannelsMessage
    from .channels_payload import ChannelsPayload
    from .channels_shop_order import ChannelsShopOrder
    from .channels_shop_order_message import ChannelsShopOrderMessage
    from .channels_shop_product import ChannelsShopProduct
    from .channels_shop_product_message import ChannelsShopProductMessage
    from .channels_sub_type_known import ChannelsSubTypeKnown
    from .corp_brief import CorpBrief
    from .corp_ex_name import CorpExName
    from .corp_statistic import CorpStatistic
    from .corp_statistic_item import CorpStatisticItem
    from .create_auth_callback import CreateAuthCallback
    from .customer import Customer
    from .customer_batchget_req import CustomerBatchgetReq
    from .customer_batchget_resp import CustomerBatchgetResp
    from .enter_session_context import EnterSessionContext
    from .enter_session_event import EnterSessionEvent
    from .event_message import EventMessage
    from .fail_type_known import FailTypeKnown
    from .file_message import FileMessage
    from .gender_known import GenderKnown
    from .get_auth_info_req import GetAuthInfoReq
    from .get_auth_info_resp import GetAuthInfoResp
    from .get_auth_info_v2_req import GetAuthInfoV2Req
    from .get_auth_info_v2_resp import GetAuthInfoV2Resp
    from .get_corp_qualification_resp import GetCorpQualificationResp
    from .get_corp_statistic_req import GetCorpStatisticReq
    from .get_corp_statistic_resp import GetCorpStatisticResp
    from .get_corp_token_req import GetCorpTokenReq
    from .get_corp_token_resp import GetCorpTokenResp
    from .get_new_external_userid_req import GetNewExternalUseridReq
    from .get_new_external_userid_resp import GetNewExternalUseridResp
    from .get_permanent_code_req import GetPermanentCodeReq
    from .get_permanent_code_resp import GetPermanentCodeResp
    from .get_permanent_code_v2_req import GetPermanentCodeV2Req
    from .get_permanent_code_v2_resp import GetPermanentCodeV2Resp
    from .get_pre_auth_code_resp import GetPreAuthCodeResp
    from .get_provider_token_req import GetProviderTokenReq
    from .get_provider_token_resp import GetProviderTokenResp
    from .get_servicer_statistic_req import GetServicerStatisticReq
    from .get_servicer_statistic_resp import GetServicerStatisticResp
    from .get_suite_token_req import GetSuiteTokenReq
    from .get_suite_token_resp import GetSuiteTokenResp
    from .get_token_resp import GetTokenResp
    from .get_upgrade_service_config_resp import GetUpgradeServiceConfigResp
    from .has_more_known import HasMoreKnown
    from .idconvert_open_kfid_req import IdconvertOpenKfidReq
    from .idconvert_open_kfid_resp import IdconvertOpenKfidResp
    from .image_message import ImageMessage
    from .is_default_known import IsDefaultKnown
    from .kf_account import KfAccount
    from .kf_account_auth_change_callback import KfAccountAuthChangeCallback
    from .kf_msg_or_event_callback import KfMsgOrEventCallback
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
    from .link_message import LinkMessage
    from .location_message import LocationMessage
    from .media_type import MediaType
    from .media_upload_form import MediaUploadForm
    from .media_upload_resp import MediaUploadResp
    from .media_uploadimg_form import MediaUploadimgForm
    from .media_uploadimg_resp import MediaUploadimgResp
    from .meeting_message import MeetingMessage
    from .merged_msg import MergedMsg
    from .merged_msg_item import MergedMsgItem
    from .merged_msg_message import MergedMsgMessage
    from .message_common import MessageCommon
    from .miniprogram_message import MiniprogramMessage
    from .msg_menu_click import MsgMenuClick
    from .msg_menu_click_item import MsgMenuClickItem
    from .msg_menu_miniprogram import MsgMenuMiniprogram
    from .msg_menu_miniprogram_item import MsgMenuMiniprogramItem
    from .msg_menu_text import MsgMenuText
    from .msg_menu_text_item import MsgMenuTextItem
    from .msg_menu_view import MsgMenuView
    from .msg_menu_view_item import MsgMenuViewItem
    from .msg_send_fail_event import MsgSendFailEvent
    from .msgmenu_message import MsgmenuMessage
    from .need_enter_session_context import NeedEnterSessionContext
    from .new_external_userid import NewExternalUserid
    from .no_newline_known import NoNewlineKnown
    from .note_message import NoteMessage
    from .opaque_payload import OpaquePayload
    from .open_kfid_convert_item import OpenKfidConvertItem
    from .origin_known import OriginKnown
    from .outgoing_business_card import OutgoingBusinessCard
    from .outgoing_ca_link import OutgoingCaLink
    from .outgoing_link import OutgoingLink
    from .outgoing_location import OutgoingLocation
    from .outgoing_media import OutgoingMedia
    from .outgoing_miniprogram import OutgoingMiniprogram
    from .outgoing_msg_menu import OutgoingMsgMenu
    from .outgoing_msg_menu_click import OutgoingMsgMenuClick
    from .outgoing_msg_menu_click_item import OutgoingMsgMenuClickItem
    from .outgoing_msg_menu_miniprogram import OutgoingMsgMenuMiniprogram
    from .outgoing_msg_menu_miniprogram_item import OutgoingMsgMenuMiniprogramItem
    from .outgoing_msg_menu_text import OutgoingMsgMenuText
    from .outgoing_msg_menu_text_item import OutgoingMsgMenuTextItem
    from .outgoing_msg_menu_view import OutgoingMsgMenuView
    from .outgoing_msg_menu_view_item import OutgoingMsgMenuViewItem
    from .outgoing_text import OutgoingText
    from .recall_msg_req import RecallMsgReq
    from .received_business_card import ReceivedBusinessCard
    from .received_knowledge_answer import ReceivedKnowledgeAnswer
    from .received_knowledge_answer_text import ReceivedKnowledgeAnswerText
    from .received_knowledge_image_attachment import ReceivedKnowledgeImageAttachment
    from .received_knowledge_link import ReceivedKnowledgeLink
    from .received_knowledge_link_attachment import ReceivedKnowledgeLinkAttachment
    from .received_knowledge_media_ref import ReceivedKnowledgeMediaRef
    from .received_knowledge_miniprogram import ReceivedKnowledgeMiniprogram
    from .received_knowledge_miniprogram_attachment import (
        ReceivedKnowledgeMiniprogramAttachment,
    )
    from .received_knowledge_question import ReceivedKnowledgeQuestion
    from .received_knowledge_question_text import ReceivedKnowledgeQuestionText
    from .received_knowledge_similar_questions import ReceivedKnowledgeSimilarQuestions
    from .received_knowledge_video_attachment import ReceivedKnowledgeVideoAttachment
    from .received_link import ReceivedLink
    from .received_location import ReceivedLocation
    from .received_media import ReceivedMedia
    from .received_miniprogram import ReceivedMiniprogram
    from .received_msg_menu import ReceivedMsgMenu
    from .received_text import ReceivedText
    from .register_code_info import RegisterCodeInfo
    from .reject_customer_msg_switch_change_event import (
        RejectCustomerMsgSwitchChangeEvent,
    )
    from .reject_switch_known import RejectSwitchKnown
    from .reset_permanent_code_callback import ResetPermanentCodeCallback
    from .schedule_message import ScheduleMessage
    from .send_business_card_msg_req import SendBusinessCardMsgReq
    from .send_ca_link_msg_req import SendCaLinkMsgReq
    from .send_file_msg_req import SendFileMsgReq
    from .send_image_msg_req import SendImageMsgReq
    from .send_link_msg_req import SendLinkMsgReq
    from .send_location_msg_req import SendLocationMsgReq
    from .send_miniprogram_msg_req import SendMiniprogramMsgReq
    from .send_msg_common import SendMsgCommon
    from .send_msg_on_event_common import SendMsgOnEventCommon
    from .send_msg_on_event_resp import SendMsgOnEventResp
    from .send_msg_resp import SendMsgResp
    from .send_msgmenu_msg_on_event_req import SendMsgmenuMsgOnEventReq
    from .send_msgmenu_msg_req import SendMsgmenuMsgReq
    from .send_text_msg_on_event_req import SendTextMsgOnEventReq
    from .send_text_msg_req import SendTextMsgReq
    from .send_video_msg_req import SendVideoMsgReq
    from .send_voice_msg_req import SendVoiceMsgReq
    from .service_base_resp import ServiceBaseResp
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
    from .servicer_event_status_known import ServicerEventStatusKnown
    from .servicer_list_resp import ServicerListResp
    from .servicer_recall_msg_event import ServicerRecallMsgEvent
    from .servicer_result import ServicerResult
    from .servicer_statistic import ServicerStatistic
    from .servicer_statistic_item import ServicerStatisticItem
    from .servicer_status_change_event import ServicerStatusChangeEvent
    from .servicer_status_known import ServicerStatusKnown
    from .servicer_stop_type_known import ServicerStopTypeKnown
    from .session_info import SessionInfo
    from .session_info_auth_type import SessionInfoAuthType
    from .session_status_change_event import SessionStatusChangeEvent
    from .set_session_info_req import SetSessionInfoReq
    from .shared_from import SharedFrom
    from .suite_ticket_callback import SuiteTicketCallback
    from .sync_msg_req import SyncMsgReq
    from .sync_msg_resp import SyncMsgResp
    from .text_message import TextMessage
    from .unknown_event import UnknownEvent
    from .unknown_message import UnknownMessage
    from .unknown_msg_menu_item import UnknownMsgMenuItem
    from .upgrade_groupchat_range import UpgradeGroupchatRange
    from .upgrade_member_range import UpgradeMemberRange
    from .upgrade_service_groupchat import UpgradeServiceGroupchat
    from .upgrade_service_member import UpgradeServiceMember
    from .upgrade_service_req import UpgradeServiceReq
    from .upgrade_service_type import UpgradeServiceType
    from .user_recall_msg_event import UserRecallMsgEvent
    from .userid_open_userid import UseridOpenUserid
    from .userid_to_openuserid_req import UseridToOpenuseridReq
    from .userid_to_openuserid_resp import UseridToOpenuseridResp
    from .video_message import VideoMessage
    from .voice_format import VoiceFormat
    from .voice_message import VoiceMessage
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
    "AgentPrivilege": ".agent_privilege",
    "AuthAgent": ".auth_agent",
    "AuthCorpInfo": ".auth_corp_info",
    "AuthCorpInfoV2": ".auth_corp_info_v2",
    "AuthInfo": ".auth_info",
    "AuthUserInfo": ".auth_user_info",
    "BaseResp": ".base_resp",
    "BusinessCardMessage": ".business_card_message",
    "CallbackEnvelopeJson": ".callback_envelope_json",
    "CallbackEnvelopeXml": ".callback_envelope_xml",
    "CallbackQuery": ".callback_query",
    "CancelAuthCallback": ".cancel_auth_callback",
    "CancelUpgradeServiceReq": ".cancel_upgrade_service_req",
    "ChangeAuthCallback": ".change_auth_callback",
    "ChangeTypeKnown": ".change_type_known",
    "ChannelsMessage": ".channels_message",
    "ChannelsPayload": ".channels_payload",
    "ChannelsShopOrder": ".channels_shop_order",
    "ChannelsShopOrderMessage": ".channels_shop_order_message",
    "ChannelsShopProduct": ".channels_shop_product",
    "ChannelsShopProductMessage": ".channels_shop_product_message",
    "ChannelsSubTypeKnown": ".channels_sub_type_known",
    "CorpBrief": ".corp_brief",
    "CorpExName": ".corp_ex_name",
    "CorpStatistic": ".corp_statistic",
    "CorpStatisticItem": ".corp_statistic_item",
    "CreateAuthCallback": ".create_auth_callback",
    "Customer": ".customer",
    "CustomerBatchgetReq": ".customer_batchget_req",
    "CustomerBatchgetResp": ".customer_batchget_resp",
    "EnterSessionContext": ".enter_session_context",
    "EnterSessionEvent": ".enter_session_event",
    "EventMessage": ".event_message",
    "FailTypeKnown": ".fail_type_known",
    "FileMessage": ".file_message",
    "GenderKnown": ".gender_known",
    "GetAuthInfoReq": ".get_auth_info_req",
    "GetAuthInfoResp": ".get_auth_info_resp",
    "GetAuthInfoV2Req": ".get_auth_info_v2_req",
    "GetAuthInfoV2Resp": ".get_auth_info_v2_resp",
    "GetCorpQualificationResp": ".get_corp_qualification_resp",
    "GetCorpStatisticReq": ".get_corp_statistic_req",
    "GetCorpStatisticResp": ".get_corp_statistic_resp",
    "GetCorpTokenReq": ".get_corp_token_req",
    "GetCorpTokenResp": ".get_corp_token_resp",
    "GetNewExternalUseridReq": ".get_new_external_userid_req",
    "GetNewExternalUseridResp": ".get_new_external_userid_resp",
    "GetPermanentCodeReq": ".get_permanent_code_req",
    "GetPermanentCodeResp": ".get_permanent_code_resp",
    "GetPermanentCodeV2Req": ".get_permanent_code_v2_req",
    "GetPermanentCodeV2Resp": ".get_permanent_code_v2_resp",
    "GetPreAuthCodeResp": ".get_pre_auth_code_resp",
    "GetProviderTokenReq": ".get_provider_token_req",
    "GetProviderTokenResp": ".get_provider_token_resp",
    "GetServicerStatisticReq": ".get_servicer_statistic_req",
    "GetServicerStatisticResp": ".get_servicer_statistic_resp",
    "GetSuiteTokenReq": ".get_suite_token_req",
    "GetSuiteTokenResp": ".get_suite_token_resp",
    "GetTokenResp": ".get_token_resp",
    "GetUpgradeServiceConfigResp": ".get_upgrade_service_config_resp",
    "HasMoreKnown": ".has_more_known",
    "IdconvertOpenKfidReq": ".idconvert_open_kfid_req",
    "IdconvertOpenKfidResp": ".idconvert_open_kfid_resp",
    "ImageMessage": ".image_message",
    "IsDefaultKnown": ".is_default_known",
    "KfAccount": ".kf_account",
    "KfAccountAuthChangeCallback": ".kf_account_auth_change_callback",
    "KfMsgOrEventCallback": ".kf_msg_or_event_callback",
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
    "LinkMessage": ".link_message",
    "LocationMessage": ".location_message",
    "MediaType": ".media_type",
    "MediaUploadForm": ".media_upload_form",
    "MediaUploadResp": ".media_upload_resp",
    "MediaUploadimgForm": ".media_uploadimg_form",
    "MediaUploadimgResp": ".media_uploadimg_resp",
    "MeetingMessage": ".meeting_message",
    "MergedMsg": ".merged_msg",
    "MergedMsgItem": ".merged_msg_item",
    "MergedMsgMessage": ".merged_msg_message",
    "MessageCommon": ".message_common",
    "MiniprogramMessage": ".miniprogram_message",
    "MsgMenuClick": ".msg_menu_click",
    "MsgMenuClickItem": ".msg_menu_click_item",
    "MsgMenuMiniprogram": ".msg_menu_miniprogram",
    "MsgMenuMiniprogramItem": ".msg_menu_miniprogram_item",
    "MsgMenuText": ".msg_menu_text",
    "MsgMenuTextItem": ".msg_menu_text_item",
    "MsgMenuView": ".msg_menu_view",
    "MsgMenuViewItem": ".msg_menu_view_item",
    "MsgSendFailEvent": ".msg_send_fail_event",
    "MsgmenuMessage": ".msgmenu_message",
    "NeedEnterSessionContext": ".need_enter_session_context",
    "NewExternalUserid": ".new_external_userid",
    "NoNewlineKnown": ".no_newline_known",
    "NoteMessage": ".note_message",
    "OpaquePayload": ".opaque_payload",
    "OpenKfidConvertItem": ".open_kfid_convert_item",
    "OriginKnown": ".origin_known",
    "OutgoingBusinessCard": ".outgoing_business_card",
    "OutgoingCaLink": ".outgoing_ca_link",
    "OutgoingLink": ".outgoing_link",
    "OutgoingLocation": ".outgoing_location",
    "OutgoingMedia": ".outgoing_media",
    "OutgoingMiniprogram": ".outgoing_miniprogram",
    "OutgoingMsgMenu": ".outgoing_msg_menu",
    "OutgoingMsgMenuClick": ".outgoing_msg_menu_click",
    "OutgoingMsgMenuClickItem": ".outgoing_msg_menu_click_item",
    "OutgoingMsgMenuMiniprogram": ".outgoing_msg_menu_miniprogram",
    "OutgoingMsgMenuMiniprogramItem": ".outgoing_msg_menu_miniprogram_item",
    "OutgoingMsgMenuText": ".outgoing_msg_menu_text",
    "OutgoingMsgMenuTextItem": ".outgoing_msg_menu_text_item",
    "OutgoingMsgMenuView": ".outgoing_msg_menu_view",
    "OutgoingMsgMenuViewItem": ".outgoing_msg_menu_view_item",
    "OutgoingText": ".outgoing_text",
    "RecallMsgReq": ".recall_msg_req",
    "ReceivedBusinessCard": ".received_business_card",
    "ReceivedKnowledgeAnswer": ".received_knowledge_answer",
    "ReceivedKnowledgeAnswerText": ".received_knowledge_answer_text",
    "ReceivedKnowledgeImageAttachment": ".received_knowledge_image_attachment",
    "ReceivedKnowledgeLink": ".received_knowledge_link",
    "ReceivedKnowledgeLinkAttachment": ".received_knowledge_link_attachment",
    "ReceivedKnowledgeMediaRef": ".received_knowledge_media_ref",
    "ReceivedKnowledgeMiniprogram": ".received_knowledge_miniprogram",
    "ReceivedKnowledgeMiniprogramAttachment": ".received_knowledge_miniprogram_attachment",
    "ReceivedKnowledgeQuestion": ".received_knowledge_question",
    "ReceivedKnowledgeQuestionText": ".received_knowledge_question_text",
    "ReceivedKnowledgeSimilarQuestions": ".received_knowledge_similar_questions",
    "ReceivedKnowledgeVideoAttachment": ".received_knowledge_video_attachment",
    "ReceivedLink": ".received_link",
    "ReceivedLocation": ".received_location",
    "ReceivedMedia": ".received_media",
    "ReceivedMiniprogram": ".received_miniprogram",
    "ReceivedMsgMenu": ".received_msg_menu",
    "ReceivedText": ".received_text",
    "RegisterCodeInfo": ".register_code_info",
    "RejectCustomerMsgSwitchChangeEvent": ".reject_customer_msg_switch_change_event",
    "RejectSwitchKnown": ".reject_switch_known",
    "ResetPermanentCodeCallback": ".reset_permanent_code_callback",
    "ScheduleMessage": ".schedule_message",
    "SendBusinessCardMsgReq": ".send_business_card_msg_req",
    "SendCaLinkMsgReq": ".send_ca_link_msg_req",
    "SendFileMsgReq": ".send_file_msg_req",
    "SendImageMsgReq": ".send_image_msg_req",
    "SendLinkMsgReq": ".send_link_msg_req",
    "SendLocationMsgReq": ".send_location_msg_req",
    "SendMiniprogramMsgReq": ".send_miniprogram_msg_req",
    "SendMsgCommon": ".send_msg_common",
    "SendMsgOnEventCommon": ".send_msg_on_event_common",
    "SendMsgOnEventResp": ".send_msg_on_event_resp",
    "SendMsgResp": ".send_msg_resp",
    "SendMsgmenuMsgOnEventReq": ".send_msgmenu_msg_on_event_req",
    "SendMsgmenuMsgReq": ".send_msgmenu_msg_req",
    "SendTextMsgOnEventReq": ".send_text_msg_on_event_req",
    "SendTextMsgReq": ".send_text_msg_req",
    "SendVideoMsgReq": ".send_video_msg_req",
    "SendVoiceMsgReq": ".send_voice_msg_req",
    "ServiceBaseResp": ".service_base_resp",
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
    "ServicerEventStatusKnown": ".servicer_event_status_known",
    "ServicerListResp": ".servicer_list_resp",
    "ServicerRecallMsgEvent": ".servicer_recall_msg_event",
    "ServicerResult": ".servicer_result",
    "ServicerStatistic": ".servicer_statistic",
    "ServicerStatisticItem": ".servicer_statistic_item",
    "ServicerStatusChangeEvent": ".servicer_status_change_event",
    "ServicerStatusKnown": ".servicer_status_known",
    "ServicerStopTypeKnown": ".servicer_stop_type_known",
    "SessionInfo": ".session_info",
    "SessionInfoAuthType": ".session_info_auth_type",
    "SessionStatusChangeEvent": ".session_status_change_event",
    "SetSessionInfoReq": ".set_session_info_req",
    "SharedFrom": ".shared_from",
    "SuiteTicketCallback": ".suite_ticket_callback",
    "SyncMsgReq": ".sync_msg_req",
    "SyncMsgResp": ".sync_msg_resp",
    "TextMessage": ".text_message",
    "UnknownEvent": ".unknown_event",
    "UnknownMessage": ".unknown_message",
    "UnknownMsgMenuItem": ".unknown_msg_menu_item",
    "UpgradeGroupchatRange": ".upgrade_groupchat_range",
    "UpgradeMemberRange": ".upgrade_member_range",
    "UpgradeServiceGroupchat": ".upgrade_service_groupchat",
    "UpgradeServiceMember": ".upgrade_service_member",
    "UpgradeServiceReq": ".upgrade_service_req",
    "UpgradeServiceType": ".upgrade_service_type",
    "UserRecallMsgEvent": ".user_recall_msg_event",
    "UseridOpenUserid": ".userid_open_userid",
    "UseridToOpenuseridReq": ".userid_to_openuserid_req",
    "UseridToOpenuseridResp": ".userid_to_openuserid_resp",
    "VideoMessage": ".video_message",
    "VoiceFormat": ".voice_format",
    "VoiceMessage": ".voice_message",
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
    "AgentPrivilege",
    "AuthAgent",
    "AuthCorpInfo",
    "AuthCorpInfoV2",
    "AuthInfo",
    "AuthUserInfo",
    "BaseResp",
    "BusinessCardMessage",
    "CallbackEnvelopeJson",
    "CallbackEnvelopeXml",
    "CallbackQuery",
    "CancelAuthCallback",
    "CancelUpgradeServiceReq",
    "ChangeAuthCallback",
    "ChangeTypeKnown",
    "ChannelsMessage",
    "ChannelsPayload",
    "ChannelsShopOrder",
    "ChannelsShopOrderMessage",
    "ChannelsShopProduct",
    "ChannelsShopProductMessage",
    "ChannelsSubTypeKnown",
    "CorpBrief",
    "CorpExName",
    "CorpStatistic",
    "CorpStatisticItem",
    "CreateAuthCallback",
    "Customer",
    "CustomerBatchgetReq",
    "CustomerBatchgetResp",
    "EnterSessionContext",
    "EnterSessionEvent",
    "EventMessage",
    "FailTypeKnown",
    "FileMessage",
    "GenderKnown",
    "GetAuthInfoReq",
    "GetAuthInfoResp",
    "GetAuthInfoV2Req",
    "GetAuthInfoV2Resp",
    "GetCorpQualificationResp",
    "GetCorpStatisticReq",
    "GetCorpStatisticResp",
    "GetCorpTokenReq",
    "GetCorpTokenResp",
    "GetNewExternalUseridReq",
    "GetNewExternalUseridResp",
    "GetPermanentCodeReq",
    "GetPermanentCodeResp",
    "GetPermanentCodeV2Req",
    "GetPermanentCodeV2Resp",
    "GetPreAuthCodeResp",
    "GetProviderTokenReq",
    "GetProviderTokenResp",
    "GetServicerStatisticReq",
    "GetServicerStatisticResp",
    "GetSuiteTokenReq",
    "GetSuiteTokenResp",
    "GetTokenResp",
    "GetUpgradeServiceConfigResp",
    "HasMoreKnown",
    "IdconvertOpenKfidReq",
    "IdconvertOpenKfidResp",
    "ImageMessage",
    "IsDefaultKnown",
    "KfAccount",
    "KfAccountAuthChangeCallback",
    "KfMsgOrEventCallback",
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
    "LinkMessage",
    "LocationMessage",
    "MediaType",
    "MediaUploadForm",
    "MediaUploadResp",
    "MediaUploadimgForm",
    "MediaUploadimgResp",
    "MeetingMessage",
    "MergedMsg",
    "MergedMsgItem",
    "MergedMsgMessage",
    "MessageCommon",
    "MiniprogramMessage",
    "MsgMenuClick",
    "MsgMenuClickItem",
    "MsgMenuMiniprogram",
    "MsgMenuMiniprogramItem",
    "MsgMenuText",
    "MsgMenuTextItem",
    "MsgMenuView",
    "MsgMenuViewItem",
    "MsgSendFailEvent",
    "MsgmenuMessage",
    "NeedEnterSessionContext",
    "NewExternalUserid",
    "NoNewlineKnown",
    "NoteMessage",
    "OpaquePayload",
    "OpenKfidConvertItem",
    "OriginKnown",
    "OutgoingBusinessCard",
    "OutgoingCaLink",
    "OutgoingLink",
    "OutgoingLocation",
    "OutgoingMedia",
    "OutgoingMiniprogram",
    "OutgoingMsgMenu",
    "OutgoingMsgMenuClick",
    "OutgoingMsgMenuClickItem",
    "OutgoingMsgMenuMiniprogram",
    "OutgoingMsgMenuMiniprogramItem",
    "OutgoingMsgMenuText",
    "OutgoingMsgMenuTextItem",
    "OutgoingMsgMenuView",
    "OutgoingMsgMenuViewItem",
    "OutgoingText",
    "RecallMsgReq",
    "ReceivedBusinessCard",
    "ReceivedKnowledgeAnswer",
    "ReceivedKnowledgeAnswerText",
    "ReceivedKnowledgeImageAttachment",
    "ReceivedKnowledgeLink",
    "ReceivedKnowledgeLinkAttachment",
    "ReceivedKnowledgeMediaRef",
    "ReceivedKnowledgeMiniprogram",
    "ReceivedKnowledgeMiniprogramAttachment",
    "ReceivedKnowledgeQuestion",
    "ReceivedKnowledgeQuestionText",
    "ReceivedKnowledgeSimilarQuestions",
    "ReceivedKnowledgeVideoAttachment",
    "ReceivedLink",
    "ReceivedLocation",
    "ReceivedMedia",
    "ReceivedMiniprogram",
    "ReceivedMsgMenu",
    "ReceivedText",
    "RegisterCodeInfo",
    "RejectCustomerMsgSwitchChangeEvent",
    "RejectSwitchKnown",
    "ResetPermanentCodeCallback",
    "ScheduleMessage",
    "SendBusinessCardMsgReq",
    "SendCaLinkMsgReq",
    "SendFileMsgReq",
    "SendImageMsgReq",
    "SendLinkMsgReq",
    "SendLocationMsgReq",
    "SendMiniprogramMsgReq",
    "SendMsgCommon",
    "SendMsgOnEventCommon",
    "SendMsgOnEventResp",
    "SendMsgResp",
    "SendMsgmenuMsgOnEventReq",
    "SendMsgmenuMsgReq",
    "SendTextMsgOnEventReq",
    "SendTextMsgReq",
    "SendVideoMsgReq",
    "SendVoiceMsgReq",
    "ServiceBaseResp",
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
    "ServicerEventStatusKnown",
    "ServicerListResp",
    "ServicerRecallMsgEvent",
    "ServicerResult",
    "ServicerStatistic",
    "ServicerStatisticItem",
    "ServicerStatusChangeEvent",
    "ServicerStatusKnown",
    "ServicerStopTypeKnown",
    "SessionInfo",
    "SessionInfoAuthType",
    "SessionStatusChangeEvent",
    "SetSessionInfoReq",
    "SharedFrom",
    "SuiteTicketCallback",
    "SyncMsgReq",
    "SyncMsgResp",
    "TextMessage",
    "UnknownEvent",
    "UnknownMessage",
    "UnknownMsgMenuItem",
    "UpgradeGroupchatRange",
    "UpgradeMemberRange",
    "UpgradeServiceGroupchat",
    "UpgradeServiceMember",
    "UpgradeServiceReq",
    "UpgradeServiceType",
    "UserRecallMsgEvent",
    "UseridOpenUserid",
    "UseridToOpenuseridReq",
    "UseridToOpenuseridResp",
    "VideoMessage",
    "VoiceFormat",
    "VoiceMessage",
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
