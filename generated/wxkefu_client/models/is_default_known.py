from enum import IntEnum


class IsDefaultKnown(IntEnum):
    IS_DEFAULT_NO = 0
    IS_DEFAULT_YES = 1

    def __str__(self) -> str:
        return str(self.value)
