# %-formatting with a list, dict, range or bytes: unused arguments are no error, as CPython's mapping check decides; casefold's sharp s and the titlecase of title()/capitalize()
for t, f in [("'abc' % [1]", lambda: 'abc' % [1]), ("'%s' % [1]", lambda: '%s' % [1]), ("'%s %s' % [1]", lambda: '%s %s' % [1]),
             ("'abc' % {'a':1}", lambda: 'abc' % {'a': 1}), ("'abc' % range(3)", lambda: 'abc' % range(3)), ("'abc' % 5", lambda: 'abc' % 5),
             ("'%(a)s' % [1]", lambda: '%(a)s' % [1]), ("'abc' % b'x'", lambda: 'abc' % b'x'), ("'abc' % ()", lambda: 'abc' % ()),
             ("'abc' % 'x'", lambda: 'abc' % 'x'), ("'%d items' % [3]", lambda: '%d items' % [3]),
             ("casefold", lambda: ['ß'.casefold(), 'Straße'.casefold(), 'ǅ'.casefold()]),
             ("title", lambda: ['ß'.title(), 'straße weg'.title(), 'ǆemal'.title(), 'ǆ'.capitalize(), 'ßa'.capitalize(), 'hello WORLD'.title()])]:
    try:
        print(t, repr(f()))
    except Exception as e:
        print(t, type(e).__name__, e)
print('Straße'.casefold() == 'STRASSE'.casefold())
