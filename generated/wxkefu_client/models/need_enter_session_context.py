from enum import IntEnum


class NeedEnterSessionContext(IntEnum):
    NEED_ENTER_SESSION_CONTEXT_NO = 0
    NEED_ENTER_SESSION_CONTEXT_YES = 1

    def __str__(self) -> str:
        return str(self.value)
