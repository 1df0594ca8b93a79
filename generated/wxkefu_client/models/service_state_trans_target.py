from enum import IntEnum


class ServiceStateTransTarget(IntEnum):
    BOT = 1
    POOL = 2
    SERVICER = 3
    ENDED = 4

    def __str__(self) -> str:
        return str(self.value)
