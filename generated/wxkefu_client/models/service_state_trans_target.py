from enum import IntEnum


class ServiceStateTransTarget(IntEnum):
    SERVICE_STATE_TRANS_TARGET_BOT = 1
    SERVICE_STATE_TRANS_TARGET_POOL = 2
    SERVICE_STATE_TRANS_TARGET_SERVICER = 3
    SERVICE_STATE_TRANS_TARGET_ENDED = 4

    def __str__(self) -> str:
        return str(self.value)
