# Properties: @x.setter and @x.deleter, CPython 3.11's messages for a property without a
# getter, setter or deleter, property(fget, fset, fdel, doc) with keywords, __doc__ taken
# from the getter, fget/fset/fdel, and property, staticmethod and classmethod being types.
import asyncio


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self._balance = balance

    @property
    def balance(self):
        """The balance in cents."""
        return self._balance

    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError("balance cannot be negative")
        self._balance = value

    @balance.deleter
    def balance(self):
        print("closing", self.owner)
        del self._balance

    @property
    def label(self):
        return self.owner.upper()

    def _set_note(self, text):
        self._note = text

    note = property(None, _set_note, doc="write-only note")
    limit = property(fget=lambda self: 100, doc="the limit")

    @staticmethod
    def currency():
        return "EUR"

    @classmethod
    def empty(cls, owner):
        return cls(owner, 0)


acct = Account("ada", 50)
acct.balance = 75
print(acct.balance, acct.label, acct.limit)
for action in ("label", "del label", "note", "negative"):
    try:
        if action == "label":
            acct.label = "x"
        elif action == "del label":
            del acct.label
        elif action == "note":
            acct.note = "hi"
            print(acct._note)
            print(acct.note)
        else:
            acct.balance = -1
    except (AttributeError, ValueError) as e:
        print(type(e).__name__, e)
del acct.balance
try:
    acct.balance
except AttributeError as e:
    print("AttributeError", e)

prop = Account.__dict__["balance"]
print(type(prop).__name__, isinstance(prop, property), prop.__doc__, Account.note.__doc__, Account.limit.__doc__)
print(prop.fget.__name__, prop.fset is not None, prop.fdel is not None, Account.label.fset, Account.label.fdel)
print(isinstance(Account.__dict__["currency"], staticmethod), isinstance(Account.__dict__["empty"], classmethod))
print(type(property) is type, Account.currency(), Account.empty("bo").balance, callable(property))


class Temperature:
    def __init__(self):
        self._celsius = 0.0

    def get_celsius(self):
        return self._celsius

    def set_celsius(self, value):
        self._celsius = float(value)

    celsius = property(get_celsius, set_celsius)


async def main():
    t = Temperature()
    for reading in (21, 22.5):
        await asyncio.sleep(0)
        t.celsius = reading
        print(t.celsius, Temperature.celsius.__doc__)


asyncio.run(main())
