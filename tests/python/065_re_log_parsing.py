# re in a small async program: tasks parse log lines and extract fields (levels, timestamps,
# key=value pairs, HTML titles) with compiled patterns, then gather and summarise the results;
# a pattern and a match cross to_thread (copied to the worker and back)
import asyncio
import re

LOG = """\
2024-05-01 12:00:01 INFO  [web] GET /index.html 200 0.012s user=ana
2024-05-01 12:00:02 WARN  [db] slow query took=1.5s table=orders
2024-05-01 12:00:03 ERROR [web] POST /api/pay 500 2.301s user=bob code=E42
2024-05-01 12:00:04 INFO  [auth] login ok user=carol ip=10.0.0.7
bad line here
2024-05-01 12:00:05 ERROR [db] connection lost retry=3"""

LINE = re.compile(r"^(?P<date>\S+) (?P<time>[\d:]+) (?P<level>[A-Z]+)\s+\[(?P<src>\w+)\] (?P<msg>.*)$", re.M)
KV = re.compile(r"(\w+)=([\w.]+)")
REQ = re.compile(r"(GET|POST) (\S+) (\d{3}) ([\d.]+)s")
PAGES = {
    "a.html": "<html><head><title>Home Page</title></head><body>Hi</body></html>",
    "b.html": "<html><HEAD><TITLE>\n  About Us \n</TITLE></HEAD></html>",
    "c.html": "<html><body>no title</body></html>"}

async def parse_entries(text):
    await asyncio.sleep(0.1)
    entries = []
    for m in LINE.finditer(text):
        entry = m.groupdict()
        entry["fields"] = dict(KV.findall(entry["msg"]))
        entries.append(entry)
    return entries

async def title_of(name, html):
    await asyncio.sleep(0.2)
    m = re.search(r"<title>(.*?)</title>", html, re.I | re.S)
    return name, re.sub(r"\s+", " ", m.group(1)).strip() if m else None

async def main():
    entries, *titles = await asyncio.gather(parse_entries(LOG), *(title_of(n, h) for n, h in PAGES.items()))
    print(len(entries), "entries of", len(LOG.splitlines()), "lines")
    for e in entries:
        print(e["time"], e["level"], e["src"], e["fields"])
    print(sorted({e["level"]: sum(x["level"] == e["level"] for x in entries) for e in entries}.items()))
    for e in entries:
        r = REQ.search(e["msg"])
        if r:
            print(r.group(1, 2), int(r[3]), float(r[4]) * 1000, "ms")
    print([line for line in LOG.splitlines() if not LINE.match(line)])
    print(titles)
    ips = re.findall(r"\b(?:\d{1,3}\.){3}\d{1,3}\b", LOG)
    print(ips, re.sub(r"user=(\w)\w*", r"user=\1***", LOG.splitlines()[3]))

def first_error(text, pattern):
    return len(re.findall(r"\bERROR\b", text)), pattern.search(text)

async def count():
    n, m = await asyncio.to_thread(first_error, LOG, re.compile(r"ERROR \[(\w+)\]"))
    print(n, m, m.group(1), m.re.pattern, m.re.groups)

asyncio.run(main())
asyncio.run(count())
