# dataclasses read the evaluated annotations: ClassVar is not a field, InitVar is an
# __init__ parameter passed to __post_init__ (not a field, not stored), `_: KW_ONLY` makes
# the fields after it keyword-only; Field.type is the annotation.
import dataclasses
from dataclasses import KW_ONLY, InitVar, dataclass, field
from typing import ClassVar


@dataclass
class Account:
    owner: str
    rate: InitVar[float]
    balance: float = 0.0
    bank: ClassVar[str] = "ACME"
    _: KW_ONLY
    currency: str = "EUR"
    history: list = field(default_factory=list)

    def __post_init__(self, rate):
        self.balance = self.balance * (1 + rate)


a = Account("ann", 0.5, 100.0, currency="USD")
print(a)
print(Account.bank, a.bank, hasattr(a, "rate"))
print([f.name for f in dataclasses.fields(Account)])
print([(f.name, f.type, f.kw_only) for f in dataclasses.fields(Account)])
print(dataclasses.asdict(a))
print(a == Account("ann", 0.5, 100.0, currency="USD"))
try:
    Account("bo", 0.1, 1.0, "GBP")
except TypeError as e:
    print("TypeError:", e)
print(Account.__match_args__)
print(InitVar[int])


@dataclass
class Counter:
    total: ClassVar[int] = 0
    name: str = "c"


print(Counter(), [f.name for f in dataclasses.fields(Counter)], Counter.total)


@dataclass
class Scaled:
    base: int
    factor: InitVar[int] = 2

    def __post_init__(self, factor):
        self.base *= factor


print(Scaled(3), Scaled(3, 5), dataclasses.replace(Scaled(1), factor=4))
