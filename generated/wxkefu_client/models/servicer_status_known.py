from enum import IntEnum


class ServicerStatusKnown(IntEnum):
    SERVICER_STATUS_RECEIVING = 0
    SERVICER_STATUS_STOPPED = 1

    def __str__(self) -> str:
        return str(self.value)
