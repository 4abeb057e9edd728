# tasks creating tasks: each generation starts one turn later; ordering of a small task tree
import asyncio

async def node(name, depth):
    print(f"start {name}")
    children = []
    if depth > 0:
        for i in range(2):
            children.append(asyncio.create_task(node(f"{name}.{i}", depth - 1)))
    await asyncio.sleep(0)
    print(f"mid {name}")
    await asyncio.gather(*children)
    print(f"end {name}")

asyncio.run(node("root", 2))
