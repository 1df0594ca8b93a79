from enum import IntEnum


class ServicerStopTypeKnown(IntEnum):
    SERVICER_STOP_TYPE_STOPPED = 0
    SERVICER_STOP_TYPE_SUSPENDED = 1

    def __str__(self) -> str:
        return str(self.value)
