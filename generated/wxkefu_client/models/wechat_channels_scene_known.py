from enum import IntEnum


class WechatChannelsSceneKnown(IntEnum):
    WECHAT_CHANNELS_SCENE_PROFILE = 1
    WECHAT_CHANNELS_SCENE_LIVE_PRODUCT_LIST = 2
    WECHAT_CHANNELS_SCENE_PRODUCT_SHOWCASE = 3
    WECHAT_CHANNELS_SCENE_SHOP_PRODUCT_DETAIL = 4
    WECHAT_CHANNELS_SCENE_SHOP_ORDER = 5

    def __str__(self) -> str:
        return str(self.value)
