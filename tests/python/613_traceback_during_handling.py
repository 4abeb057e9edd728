# traceback of an exception raised inside an except block: "During handling of the above exception ..."
def risky():
    return [1, 2, 3][5]

def handler():
    try:
        risky()
    except IndexError:
        print("handling IndexError, then a mistake in the handler")
        return undefined_variable

print("start")
handler()
