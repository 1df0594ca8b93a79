from enum import IntEnum


class ChannelsSubTypeKnown(IntEnum):
    CHANNELS_SUB_TYPE_POST = 1
    CHANNELS_SUB_TYPE_LIVE = 2
    CHANNELS_SUB_TYPE_PROFILE = 3

    def __str__(self) -> str:
        return str(self.value)
