# An annotation naming something undefined raises NameError when the def or class body runs
# (a typo, or a class defined further down), unless annotations are postponed.
from dataclasses import dataclass

try:
    def handler(items: Lisst[int]) -> None:
        pass
except NameError as e:
    print("def:", e)

try:
    @dataclass
    class Node:
        value: int
        next: Node | None = None
except NameError as e:
    print("class:", e)


def later(x: "Later") -> "Later":
    return x


class Later:
    pass


print(later.__annotations__)
print("done")
