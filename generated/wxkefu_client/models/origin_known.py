from enum import IntEnum


class OriginKnown(IntEnum):
    CUSTOMER = 3
    EVENT = 4
    SERVICER = 5

    def __str__(self) -> str:
        return str(self.value)
