# Tutorial (Real Python's areq.py, writing to a list instead of a file): typing.IO, urllib.error and
# urllib.parse imported, logging to stderr at DEBUG (asyncio's selector line included), a session
# crawling three pages, aiohttp.http_exceptions.HttpProcessingError caught beside ClientError

import asyncio
import logging
import re
import sys
from typing import IO
import urllib.error
import urllib.parse

import aiohttp
from aiohttp import ClientSession

logging.basicConfig(
    format="%(levelname)s:%(name)s: %(message)s",
    level=logging.DEBUG,
    datefmt="%H:%M:%S",
    stream=sys.stderr,
)
logger = logging.getLogger("areq")
logging.getLogger("chardet.charsetprober").disabled = True

HREF_RE = re.compile(r'"(https?://[^"]+)"')

async def fetch_html(url: str, session: ClientSession, **kwargs) -> str:
    resp = await session.request(method="GET", url=url, **kwargs)
    resp.raise_for_status()
    logger.info("Got response [%s] for URL: %s", resp.status, url)
    html = await resp.text()
    return html

async def parse(url: str, session: ClientSession, **kwargs) -> set:
    found = set()
    try:
        html = await fetch_html(url=url, session=session, **kwargs)
    except (
        aiohttp.ClientError,
        aiohttp.http_exceptions.HttpProcessingError,
    ) as e:
        logger.error(
            "aiohttp exception for %s [%s]: %s",
            url,
            getattr(e, "status", None),
            getattr(e, "message", None),
        )
        return found
    except Exception as e:
        logger.exception(
            "Non-aiohttp exception occured:  %s", getattr(e, "__dict__", {})
        )
        return found
    else:
        for link in HREF_RE.findall(html):
            try:
                abslink = urllib.parse.urljoin(url, link)
            except (urllib.error.URLError, ValueError):
                logger.exception("Error parsing URL: %s", link)
                pass
            else:
                found.add(abslink)
        logger.info("Found %d links for %s", len(found), url)
        return found

async def write_one(file: list, url: str, **kwargs) -> None:
    res = await parse(url=url, **kwargs)
    if not res:
        return None
    for p in sorted(res):
        file.append(f"{url}\t{p}\n")
    logger.info("Wrote results for source URL: %s", url)

async def bulk_crawl_and_write(file: list, urls: set, **kwargs) -> None:
    async with ClientSession() as session:
        tasks = []
        for url in urls:
            tasks.append(
                write_one(file=file, url=url, session=session, **kwargs)
            )
        await asyncio.gather(*tasks)

if __name__ == "__main__":
    urls = ["https://example.com/", "https://example.com/status/404", "https://example.com/echo?x=http://example.org/a"]
    outpath = []
    asyncio.run(bulk_crawl_and_write(file=outpath, urls=urls))
    print("".join(outpath), end="")
    for err in (urllib.error.URLError("timed out"), urllib.error.HTTPError(urls[1], 404, "Not Found", {}, None)):
        print(err, repr(err), err.reason, isinstance(err, OSError), isinstance(err, urllib.error.URLError))
