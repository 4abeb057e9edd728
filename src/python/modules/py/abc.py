"""abc, as CPython 3.11 has it for the programs a learner writes: ABC, abstractmethod
(also under @property, @staticmethod and @classmethod) and the TypeError on instantiating a
class that still has abstract methods.

The engine has no metaclasses: ABC.__init_subclass__ finds each subclass's abstract methods
(CPython's ABCMeta.__new__ does), ABC.__new__ refuses to make an instance while any are left
(CPython's object.__new__ does), and `class C(metaclass=ABCMeta)` is made as `class C(ABC)`
(the engine reads ABCMeta.__metaclass_base__). `type(C)` is `type`, not ABCMeta. ABCMeta's
`__instancecheck__`, `__subclasscheck__` (`__subclasshook__`, then the classes register()
recorded, then the subclasses') and register() are ABC's class methods, which the engine's
isinstance() and issubclass() call for a class deriving from ABC. Unlike CPython's, the
answers are not cached.
"""

__all__ = ["ABC", "ABCMeta", "abstractmethod", "get_cache_token", "update_abstractmethods"]


def abstractmethod(funcobj):
    """Marks a method abstract: a subclass must override it to be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


def _is_abstract(value):
    if getattr(value, "__isabstractmethod__", False):
        return True
    # A property: abstract when its getter is.
    fget = getattr(value, "fget", None)
    return fget is not None and getattr(fget, "__isabstractmethod__", False)


def update_abstractmethods(cls):
    """Recomputes cls.__abstractmethods__ (after methods were added to the class)."""
    abstracts = set()
    for name, value in cls.__dict__.items():
        if _is_abstract(value) or _is_abstract(getattr(cls, name, None)):
            abstracts.add(name)
    for base in cls.__mro__[1:]:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    type.__setattr__(cls, "__abstractmethods__", frozenset(abstracts))
    return cls


class ABC:
    """Helper class: derive from it to use abstract methods."""

    __abstractmethods__ = frozenset()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        update_abstractmethods(cls)
        _abc_init(cls)

    def __new__(cls, *args, **kwargs):
        abstracts = cls.__abstractmethods__
        # Exceptions are made by BaseException.__new__, which does not check (as in CPython).
        if abstracts and not issubclass(cls, BaseException):
            names = sorted(abstracts)
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, "s" if len(names) > 1 else "", ", ".join(names)))
        if issubclass(cls, BaseException):
            return BaseException.__new__(cls, *args)
        return object.__new__(cls)

    @classmethod
    def register(cls, subclass):
        """Registers a virtual subclass: isinstance() and issubclass() count it as one."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls.__dict__["_abc_registry"].append(subclass)
        return subclass

    @classmethod
    def __subclasshook__(cls, subclass):
        return NotImplemented

    @classmethod
    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    @classmethod
    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            return bool(ok)
        if cls in subclass.__mro__:
            return True
        for registered in cls.__dict__["_abc_registry"]:
            if issubclass(subclass, registered):
                return True
        for derived in cls.__dict__["_abc_subclasses"]:
            if issubclass(subclass, derived):
                return True
        return False


def _abc_init(cls):
    """Gives an ABC its own registry and lists it among its ABC bases' subclasses (the engine's
    classes have no `__subclasses__()`)."""
    type.__setattr__(cls, "_abc_registry", [])
    type.__setattr__(cls, "_abc_subclasses", [])
    for base in cls.__bases__:
        if "_abc_subclasses" in base.__dict__:
            base.__dict__["_abc_subclasses"].append(cls)


_abc_init(ABC)


class ABCMeta:
    """Stands in for the metaclass (there are none here): `metaclass=ABCMeta` means `ABC`."""

    __metaclass_base__ = ABC


def get_cache_token():
    return 0

