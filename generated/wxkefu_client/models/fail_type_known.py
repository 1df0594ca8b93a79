from enum import IntEnum


class FailTypeKnown(IntEnum):
    UNKNOWN = 0
    ACCOUNT_DELETED = 1
    APP_CLOSED = 2
    SESSION_EXPIRED = 4
    SESSION_CLOSED = 5
    OVER_LIMIT = 6
    CHANNELS_NOT_BOUND = 7
    CORP_NOT_VERIFIED = 8
    NOT_BOUND_NOR_VERIFIED = 9
    REJECTED_BY_CUSTOMER = 10
    NO_MEMBER_LOGGED_IN = 11
    MSGTYPE_FORBIDDEN = 12
    SECURITY_RESTRICTION = 13

    def __str__(self) -> str:
        return str(self.value)
