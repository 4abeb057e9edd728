# asyncio.run(main(), debug=True) and loop.set_debug(): get_debug() answers what was given
# (as given: set_debug(1) reads 1), False by default; a run without debug= leaves it False.
import asyncio


async def main(label):
    loop = asyncio.get_running_loop()
    print(label, loop.get_debug())
    loop.set_debug(False)
    print(label, loop.get_debug())
    loop.set_debug(1)
    print(label, loop.get_debug())
    await asyncio.sleep(0.05)
    return label


print(asyncio.run(main("debug"), debug=True))
print(asyncio.run(main("default")))
print(asyncio.run(main("off"), debug=False))
loop = asyncio.new_event_loop()
print(loop.get_debug())
loop.set_debug(True)
print(loop.get_debug())
loop.close()
