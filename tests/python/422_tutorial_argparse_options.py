# Tutorial: an async downloader's command line with argparse: parse_args() on the (empty)
# command line gives the defaults; explicit lists exercise types, choices, nargs, flags, counts
# and appends; the help text; errors caught (exit_on_error=False) and finally one that exits 2
import argparse
import asyncio

def positive(text):
    n = int(text)
    if n <= 0:
        raise argparse.ArgumentTypeError(f"{n} is not a positive number")
    return n

parser = argparse.ArgumentParser(
    description="Fetch URLs concurrently with a limit on requests in flight.",
    epilog="Example: %(prog)s -n 5 https://example.com/users",
)
parser.add_argument("urls", nargs="*", default=["https://example.com/"], help="URLs to fetch")
parser.add_argument("-n", "--concurrency", type=positive, default=3, help="requests at once (default: %(default)s)")
parser.add_argument("-t", "--timeout", type=float, default=2.5, metavar="SECS", help="per request timeout")
parser.add_argument("--method", choices=["GET", "HEAD"], default="GET", help="one of %(choices)s")
parser.add_argument("-v", "--verbose", action="count", default=0, help="more output")
parser.add_argument("--header", action="append", default=[], help="extra header, repeatable")
parser.add_argument("--dry-run", action="store_true", help="only print what would be fetched")
parser.add_argument("--version", action="version", version="%(prog)s 1.0")

async def main(args):
    sem = asyncio.Semaphore(args.concurrency)
    async def fetch(url):
        async with sem:
            await asyncio.sleep(0.01)
            return f"{args.method} {url}"
    return await asyncio.gather(*(fetch(u) for u in args.urls))

print(parser.parse_args())
args = parser.parse_args(["-n", "2", "-vv", "--header", "A: 1", "--header=B: 2", "--dry-run", "-t0.5",
                          "https://example.com/a", "https://example.com/b"])
print(args)
print(vars(args)["dry_run"], args.verbose, asyncio.run(main(args)))
print(parser.parse_args(["--method", "HEAD", "--", "-x"]))
print(parser.format_usage(), end="")
parser.print_help()

strict = argparse.ArgumentParser(prog="fetch", exit_on_error=False)
strict.add_argument("count", type=int)
strict.add_argument("--limit", type=positive, required=True)
for argv in (["x", "--limit", "1"], ["3", "--limit", "0"], ["3", "--limit"]):
    try:
        strict.parse_args(argv)
    except argparse.ArgumentError as e:
        print("ArgumentError:", e)
print(strict.parse_args(["7", "--limit", "4"]))
parser.parse_args(["--method", "POST"])
