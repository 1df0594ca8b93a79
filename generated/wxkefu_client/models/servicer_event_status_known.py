from enum import IntEnum


class ServicerEventStatusKnown(IntEnum):
    SERVICER_EVENT_STATUS_RECEIVING = 1
    SERVICER_EVENT_STATUS_STOPPED = 2

    def __str__(self) -> str:
        return str(self.value)
