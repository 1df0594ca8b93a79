from enum import StrEnum


class MediaType(StrEnum):
    FILE = "file"
    IMAGE = "image"
    VIDEO = "video"
    VOICE = "voice"

    def __str__(self) -> str:
        return str(self.value)
