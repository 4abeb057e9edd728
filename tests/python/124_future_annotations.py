# `from __future__ import annotations`: annotations stay their source text (a forward
# reference needs no quotes); get_type_hints and dataclasses still read them.
from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass
from typing import ClassVar


def link(a: Node, b: Node | None = None) -> list[Node]:
    return [a]


print(link.__annotations__)
print(__annotations__ if "__annotations__" in dir() else "no module annotations")


@dataclass
class Node:
    value: int
    next: Node | None = None
    count: ClassVar[int] = 0


print(Node.__annotations__)
print([(f.name, f.type) for f in dataclasses.fields(Node)])
print(Node(1), Node.count)
print(typing.get_type_hints(link)["a"])
