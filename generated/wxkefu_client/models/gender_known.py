from enum import IntEnum


class GenderKnown(IntEnum):
    GENDER_UNKNOWN = 0
    GENDER_MALE = 1
    GENDER_FEMALE = 2

    def __str__(self) -> str:
        return str(self.value)
