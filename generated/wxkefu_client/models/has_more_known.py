from enum import IntEnum


class HasMoreKnown(IntEnum):
    HAS_MORE_NO = 0
    HAS_MORE_YES = 1

    def __str__(self) -> str:
        return str(self.value)
