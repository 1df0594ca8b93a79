from enum import IntEnum


class VoiceFormat(IntEnum):
    AMR = 0
    SILK = 1

    def __str__(self) -> str:
        return str(self.value)
