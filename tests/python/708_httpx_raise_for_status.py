# httpx: raise_for_status() -> HTTPStatusError with httpx's exact two-line message
import asyncio
import httpx

async def main():
    async with httpx.AsyncClient() as client:
        for code in (200, 404, 500, 301):
            r = await client.get(f"https://example.com/status/{code}")
            try:
                r.raise_for_status()
                print(code, "ok")
            except httpx.HTTPStatusError as e:
                print(type(e).__name__, "|", e.response.status_code)
                print(e)
                print(isinstance(e, httpx.HTTPError), e.request.url)

asyncio.run(main())
