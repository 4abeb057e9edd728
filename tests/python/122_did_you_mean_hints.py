# "Did you mean" hints of NameError and AttributeError: only in the uncaught report (an
# exception group gathers several), never in str(e); locals, globals, builtins, attributes;
# none for a name of self's in 3.11, nor for `from m import nme`.
import asyncio

result = 42


class User:
    def __init__(self, name):
        self.name = name

    def greet(self):
        return "hi " + self.name

    def shout(self):
        return nam.upper()


def use_local():
    counter = 1
    return countr


def bad_import():
    from sys import exitt


def catch(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, "|", e)
        return e


errors = [
    catch(lambda: reslt),
    catch(use_local),
    catch(lambda: prnt("x")),
    catch(lambda: asyncio.slep),
    catch(lambda: User("ann").nme),
    catch(lambda: User("ann").gret()),
    catch(lambda: "abc".uper()),
    catch(lambda: [1].apend(2)),
    catch(lambda: {}.iterms()),
    catch(lambda: User.greeet),
    catch(lambda: str.uper),
    catch(lambda: KeyError("k").argz),
    catch(lambda: zzzzzz),
    catch(lambda: User("bo").xyzzy_long_name),
    catch(lambda: User("cy").shout()),
    catch(bad_import),
]


class Sub(AttributeError):
    pass


def sub():
    raise Sub("custom")


errors.append(catch(sub))
raise ExceptionGroup("typos", errors)
