from enum import IntEnum


class ServicerEventStatusKnown(IntEnum):
    RECEIVING = 1
    STOPPED = 2

    def __str__(self) -> str:
        return str(self.value)
