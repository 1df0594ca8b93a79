from enum import IntEnum


class VoiceFormat(IntEnum):
    VOICE_FORMAT_AMR = 0
    VOICE_FORMAT_SILK = 1

    def __str__(self) -> str:
        return str(self.value)
