from enum import IntEnum


class ServicerStatusKnown(IntEnum):
    RECEIVING = 0
    STOPPED = 1

    def __str__(self) -> str:
        return str(self.value)
