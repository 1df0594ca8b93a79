from enum import IntEnum


class RejectSwitchKnown(IntEnum):
    REJECT_SWITCH_CANCELLED = 0
    REJECT_SWITCH_REJECTED = 1

    def __str__(self) -> str:
        return str(self.value)
