"""A mistake in a writer's file, as every check reports it: ``path:line: error: message``."""
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f'{self.path}:{self.line}: error: {self.message}'
