from enum import IntEnum


class UpgradeServiceType(IntEnum):
    UPGRADE_SERVICE_TYPE_MEMBER = 1
    UPGRADE_SERVICE_TYPE_GROUPCHAT = 2

    def __str__(self) -> str:
        return str(self.value)
