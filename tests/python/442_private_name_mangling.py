# Private names: inside a class, obj.__name (not __name__) is obj._Class__name, as are
# the class's own __names (methods and class variables) and its __slots__ entries; so a
# subclass's __name does not clash with its base's, and outside the class obj.__name is an
# AttributeError.
import asyncio


class Account:
    __count = 0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.__balance = balance
        Account.__count += 1

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.__balance += amount
        self.__log("deposit", amount)

    def __log(self, what, amount):
        print(f"  [{self.owner}] {what} {amount}")

    @property
    def balance(self):
        return self.__balance

    @classmethod
    def count(cls):
        return cls.__count


class Savings(Account):
    def __init__(self, owner, balance=0):
        super().__init__(owner, balance)
        self.__balance = "savings' own"

    def both(self):
        return self.__balance, self.balance


acct = Account("ann", 100)
acct.deposit(50)
print(acct.balance, acct._Account__balance, Account.count(), sorted(vars(acct)))
for attempt in ("acct.__balance", "acct.__log", "Account.__count"):
    try:
        if attempt == "acct.__balance":
            acct.__balance
        elif attempt == "acct.__log":
            acct.__log("x", 1)
        else:
            Account.__count
    except AttributeError as e:
        print("AttributeError", e)
acct.__balance = "outside"
print(acct.__balance, acct.balance, hasattr(acct, "__balance"), getattr(acct, "_Account__balance"))

s = Savings("bo", 10)
s.deposit(5)
print(s.both(), sorted(vars(s)), Account.count(), "_Account__log" in Account.__dict__)


class _Hidden:
    def __init__(self):
        self.__x = 1
        self.__dunder__ = 2


class Point:
    __slots__ = ("__x", "y")

    def __init__(self, x, y):
        self.__x = x
        self.y = y

    def x(self):
        return self.__x


h = _Hidden()
p = Point(3, 4)
print(sorted(vars(h)), p.x(), p._Point__x, Point.__slots__)


class Worker:
    def __init__(self, name):
        self.__name = name

    async def __step(self, i):
        await asyncio.sleep(0)
        return f"{self.__name}:{i}"

    async def run(self):
        return [await self.__step(i) for i in range(2)]


async def main():
    print(await asyncio.gather(Worker("w1").run(), Worker("w2").run()))


asyncio.run(main())
