from enum import IntEnum


class ServiceStateKnown(IntEnum):
    NEW = 0
    BOT = 1
    POOL = 2
    SERVICER = 3
    ENDED = 4

    def __str__(self) -> str:
        return str(self.value)
