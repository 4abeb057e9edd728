# httpx: AsyncClient, await client.get(...), status_code, json(), text, repr of the response
import asyncio
import httpx

async def main():
    async with httpx.AsyncClient() as client:
        r = await client.get("https://example.com/posts/1")
        print(r)
        print(r.status_code, r.reason_phrase, r.is_success, r.url)
        post = r.json()
        print(post["title"], "by user", post["userId"])
        print(r.text[:40])
        r = await client.get("https://example.com/posts", params={"userId": 3})
        print(r.url, [p["id"] for p in r.json()])
        r = await client.post("https://example.com/echo", json={"name": "Ada", "tags": ["math"]})
        print(r.json())
    print("closed:", client.is_closed)

asyncio.run(main())
