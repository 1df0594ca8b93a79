from enum import IntEnum


class RejectSwitchKnown(IntEnum):
    CANCELLED = 0
    REJECTED = 1

    def __str__(self) -> str:
        return str(self.value)
