# Big ints copied to and from a to_thread worker, float.as_integer_ratio, prefixed int() strings.
import asyncio
async def main():
    print(await asyncio.to_thread(lambda x: (x, -x, [x, {x: -x}]), 2 ** 100))
asyncio.run(main())
print(round(7.5e22), round(2.5, 0), int("0x_ff" + "f" * 20, 16), int("0b" + "1" * 70, 0), int("-0o" + "7" * 25, 8))
print((1.0e300).as_integer_ratio()[1], (5e-324).as_integer_ratio()[0], (0.1).as_integer_ratio(), (2.0 ** 80).as_integer_ratio(), (-0.0).as_integer_ratio())
