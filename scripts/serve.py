#!/usr/bin/env python3
"""Serves a built site on 127.0.0.1 with the headers the page needs from its host.

    python3 scripts/serve.py [--port PORT] [--directory DIR] [--quiet]

PORT (default 8000) is the first port tried; when it is taken the next free one is used, and 0
lets the system pick. Prints the address once listening.

A page's own meta Content-Security-Policy cannot forbid other sites from framing it (browsers
ignore frame-ancestors there), so every response says it here: `Content-Security-Policy:
frame-ancestors 'self'`, and `X-Frame-Options: SAMEORIGIN` for browsers that predate it.
`.wasm` goes out as application/wasm, which streaming compilation requires.
"""
import argparse
import functools
import http.server
import sys

HEADERS = {
    "Content-Security-Policy": "frame-ancestors 'self'",
    "X-Frame-Options": "SAMEORIGIN",
    "X-Content-Type-Options": "nosniff",
}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
    }

    def __init__(self, *args, quiet=False, **kwargs):
        self.quiet = quiet
        super().__init__(*args, **kwargs)

    def end_headers(self):
        # Error responses pass through here too, so no response goes out without them.
        for name, value in HEADERS.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):
        if not self.quiet:
            super().log_message(format, *args)


def listen(start, handler):
    """A server on the first free port from `start` (or any free port for 0)."""
    ports = [0] if start == 0 else range(start, min(start + 100, 65536))
    for port in ports:
        try:
            return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        except OSError:
            continue
    sys.exit(f"no free port in {start}..{start + 99}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--directory", default="dist")
    parser.add_argument("--quiet", action="store_true", help="do not log each request")
    args = parser.parse_args()
    handler = functools.partial(Handler, directory=args.directory, quiet=args.quiet)
    with listen(args.port, handler) as server:
        port = server.server_address[1]
        print(f"Interleave is at  http://127.0.0.1:{port}/   (Ctrl-C stops the server)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
