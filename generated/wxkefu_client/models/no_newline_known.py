from enum import IntEnum


class NoNewlineKnown(IntEnum):
    NO_NEWLINE_NEWLINE = 0
    NO_NEWLINE_NO_NEWLINE = 1

    def __str__(self) -> str:
        return str(self.value)
