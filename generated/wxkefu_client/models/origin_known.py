from enum import IntEnum


class OriginKnown(IntEnum):
    ORIGIN_CUSTOMER = 3
    ORIGIN_EVENT = 4
    ORIGIN_SERVICER = 5

    def __str__(self) -> str:
        return str(self.value)
