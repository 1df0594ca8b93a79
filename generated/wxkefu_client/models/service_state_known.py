from enum import IntEnum


class ServiceStateKnown(IntEnum):
    SERVICE_STATE_NEW = 0
    SERVICE_STATE_BOT = 1
    SERVICE_STATE_POOL = 2
    SERVICE_STATE_SERVICER = 3
    SERVICE_STATE_ENDED = 4

    def __str__(self) -> str:
        return str(self.value)
