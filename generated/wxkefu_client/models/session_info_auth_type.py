from enum import IntEnum


class SessionInfoAuthType(IntEnum):
    FORMAL = 0
    TEST = 1

    def __str__(self) -> str:
        return str(self.value)
