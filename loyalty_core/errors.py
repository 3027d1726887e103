"""One error type for every refused request.

`code` is stable and machine readable (the CLI prints it, the UI translates
it); `params` fill the placeholders of the translated message.
"""


class DomainError(Exception):
    def __init__(self, code: str, message: str, **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.params = params

    def __repr__(self) -> str:
        return f"DomainError({self.code!r}, {self.message!r})"
