# aiohttp: params= builds the query string; resp.text() and resp.url; posts of one user
import asyncio
import json
import aiohttp

async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get("https://example.com/posts", params={"userId": 2}) as resp:
            print(resp.url)
            text = await resp.text()
            print(type(text).__name__, len(text))
            posts = json.loads(text)
        for p in posts:
            print(p["id"], p["title"], "-", p["body"])
        async with session.get("https://example.com/comments/3") as resp:
            comment = await resp.json()
            print(comment["name"], comment["email"], len(await resp.read()))
        async with session.get("https://example.com/comments", params={"postId": 2}) as resp:
            print([c["id"] for c in await resp.json()])

asyncio.run(main())
