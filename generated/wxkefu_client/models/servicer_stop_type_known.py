from enum import IntEnum


class ServicerStopTypeKnown(IntEnum):
    STOPPED = 0
    SUSPENDED = 1

    def __str__(self) -> str:
        return str(self.value)
