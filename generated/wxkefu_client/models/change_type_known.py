from enum import IntEnum


class ChangeTypeKnown(IntEnum):
    CHANGE_TYPE_FROM_POOL = 1
    CHANGE_TYPE_TRANSFERRED = 2
    CHANGE_TYPE_ENDED = 3
    CHANGE_TYPE_REENTERED = 4

    def __str__(self) -> str:
        return str(self.value)
