# traceback: print_exc and format_exc in an except block (in a worker coroutine too),
# print_exception/format_exception with one argument, chains, no exception, and print_stack
# (at the top level: inside asyncio.run the engine's stack does not show the <module> frame).
import asyncio
import sys
import traceback


def parse(text):
    raise ValueError(f"bad record: {text!r}")


def load(text):
    try:
        parse(text)
    except ValueError as e:
        raise RuntimeError("load failed") from e


async def worker(name, text):
    await asyncio.sleep(0.1)
    try:
        load(text)
    except RuntimeError:
        print(f"{name}: caught, report follows")
        traceback.print_exc()
        last = traceback.format_exc().splitlines()[-1]
        print(f"{name}: last line: {last}")


def show_stack():
    traceback.print_stack()


async def main():
    await asyncio.gather(worker("w1", "x=1"), worker("w2", "y"))
    try:
        {}["missing"]
    except KeyError as e:
        err = e
    traceback.print_exception(err)
    lines = traceback.format_exception(err)
    print(len(lines), lines[0].strip(), "|", lines[-1].strip())
    print(traceback.format_exception_only(err))
    print("".join(traceback.format_exception(err)) == "".join(lines))
    traceback.print_exception(type(err), err, err.__traceback__)
    print(repr(traceback.format_exc()))
    traceback.print_exc(file=sys.stdout)


asyncio.run(main())
show_stack()
