# descriptors: __get__/__set__/__delete__ of class attributes on instance get, set and del (data
# descriptors before the instance's own attributes, non-data ones after), __get__(None, cls) on
# class access, __set_name__ at class creation, property deleters, __setattr__/__delattr__
class Positive:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, 0)
    def __set__(self, obj, value):
        if value < 0:
            raise ValueError(f"{self.name[1:]} must be >= 0")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("deleting", self.name)
        delattr(obj, self.name)

class Lazy:
    def __init__(self, f):
        self.f = f
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        v = self.f(obj)
        obj.__dict__[self.name] = v
        setattr(obj, self.name, v)
        return v

class Account:
    balance = Positive()
    limit = Positive()
    def __init__(self, b):
        self.balance = b
    @Lazy
    def report(self):
        print("computing report")
        return f"balance={self.balance}"
    @property
    def doubled(self):
        return self.balance * 2
    @doubled.setter
    def doubled(self, v):
        self.balance = v // 2
    @doubled.deleter
    def doubled(self):
        print("doubled deleter")
        self.balance = 0

a = Account(10)
print(a.balance, a.limit, type(Account.balance).__name__)
a.balance = 5
print(a.balance, a.__dict__)
try:
    a.balance = -1
except ValueError as e:
    print(e)
print(a.report); print(a.report)
del a.balance
print(a.balance)
a.doubled = 40
print(a.balance)
del a.doubled
print(a.balance)
class P:
    @property
    def x(self): return 1
try:
    del P().x
except AttributeError as e:
    print(e)
class Logged:
    def __init__(self):
        self.a = 1
    def __delattr__(self, name):
        print("delattr", name)
        super().__delattr__(name)
    def __setattr__(self, name, value):
        print("setattr", name, value)
        super().__setattr__(name, value)
l = Logged()
l.b = 2
del l.a
print(l.__dict__)
try:
    del l.zzz
except AttributeError as e:
    print(e)
class ReadOnly:
    def __get__(self, obj, t=None): return 42
class Holder:
    v = ReadOnly()
h = Holder()
print(h.v)
h.v = 7
print(h.v, Holder.v)
