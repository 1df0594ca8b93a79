from enum import IntEnum


class NoNewlineKnown(IntEnum):
    NEWLINE = 0
    NO_NEWLINE = 1

    def __str__(self) -> str:
        return str(self.value)
