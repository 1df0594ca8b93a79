from enum import IntEnum


class WechatChannelsSceneKnown(IntEnum):
    PROFILE = 1
    LIVE_PRODUCT_LIST = 2
    PRODUCT_SHOWCASE = 3
    SHOP_PRODUCT_DETAIL = 4
    SHOP_ORDER = 5

    def __str__(self) -> str:
        return str(self.value)
