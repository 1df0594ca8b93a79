from enum import IntEnum


class ChannelsSubTypeKnown(IntEnum):
    POST = 1
    LIVE = 2
    PROFILE = 3

    def __str__(self) -> str:
        return str(self.value)
