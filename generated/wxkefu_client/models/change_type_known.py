from enum import IntEnum


class ChangeTypeKnown(IntEnum):
    FROM_POOL = 1
    TRANSFERRED = 2
    ENDED = 3
    REENTERED = 4

    def __str__(self) -> str:
        return str(self.value)
