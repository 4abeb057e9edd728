# The repr of a generic alias holding a list of types (collections.abc.Callable[[...], R])
# whose items' __repr__ changes that list: the list is not borrowed while they run.
import collections.abc
class Grows:
    def __repr__(self):
        params.append(str)
        return 'Grows'
params = [Grows(), int]
alias = collections.abc.Callable[params, bool]
text = repr(alias)
print(text.startswith('collections.abc.Callable[[Grows, int'), text.endswith('bool]'))
print(len(params))
