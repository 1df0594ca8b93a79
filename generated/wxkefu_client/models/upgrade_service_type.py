from enum import IntEnum


class UpgradeServiceType(IntEnum):
    MEMBER = 1
    GROUPCHAT = 2

    def __str__(self) -> str:
        return str(self.value)
