"""CPython stand-in for the engine's native `_interleave` module (docs/simulated-api.md).

Used only when CPython generates the corpus' expected output: it answers the simulated hosts
exactly as the engine's native module does, waiting with asyncio.sleep (or time.sleep for
request_blocking). Every other host raises ConnectionError: the oracle never uses the network.
"""
import asyncio
import json
import time

_state = {"latency": None, "failure_rate": 0.0, "n": 0, "llm": 0}

REASONS = {
    100: "Continue", 101: "Switching Protocols", 102: "Processing", 103: "Early Hints",
    200: "OK", 201: "Created", 202: "Accepted", 203: "Non-Authoritative Information",
    204: "No Content", 205: "Reset Content", 206: "Partial Content", 207: "Multi-Status",
    208: "Already Reported", 226: "IM Used", 300: "Multiple Choices", 301: "Moved Permanently",
    302: "Found", 303: "See Other", 304: "Not Modified", 305: "Use Proxy",
    307: "Temporary Redirect", 308: "Permanent Redirect", 400: "Bad Request",
    401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
    405: "Method Not Allowed", 406: "Not Acceptable", 407: "Proxy Authentication Required",
    408: "Request Timeout", 409: "Conflict", 410: "Gone", 411: "Length Required",
    412: "Precondition Failed", 413: "Request Entity Too Large", 414: "Request-URI Too Long",
    415: "Unsupported Media Type", 416: "Requested Range Not Satisfiable",
    417: "Expectation Failed", 418: "I'm a Teapot", 421: "Misdirected Request",
    422: "Unprocessable Entity", 423: "Locked", 424: "Failed Dependency", 425: "Too Early",
    426: "Upgrade Required", 428: "Precondition Required", 429: "Too Many Requests",
    431: "Request Header Fields Too Large", 451: "Unavailable For Legal Reasons",
    500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
    503: "Service Unavailable", 504: "Gateway Timeout", 505: "HTTP Version Not Supported",
    506: "Variant Also Negotiates", 507: "Insufficient Storage", 508: "Loop Detected",
    510: "Not Extended", 511: "Network Authentication Required",
}

NAMES = ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra", "Barbara Liskov",
         "Donald Knuth", "Margaret Hamilton", "Guido van Rossum", "Katherine Johnson",
         "Linus Torvalds"]

NOT_FOUND = {"error": "not found"}
LLM_NOT_FOUND = {"type": "error", "error": {"type": "not_found_error", "message": "Not found"}}
LLM_BAD = {"type": "error", "error": {"type": "invalid_request_error", "message": "Invalid request body"}}
LLM_LIMIT = {"type": "error", "error": {"type": "rate_limit_error", "message": "Simulated rate limit"}}
# The LLM's hosts: api.anthropic.com (the Messages API) and api.openai.com (Chat Completions).
LLM_HOSTS = ("api.anthropic.com", "api.openai.com")
# `created` of every chat completion: fixed (the engine's epoch), so no answer depends on the clock.
OPENAI_CREATED = 1767225600


def openai_error(message, type_, code):
    return {"error": {"message": message, "type": type_, "param": None, "code": code}}


def fnv1a32(text):
    h = 2166136261
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 16777619) & 0xFFFFFFFF
    return h


def simulate(latency=None, failure_rate=0.0):
    _state["latency"] = latency
    _state["failure_rate"] = failure_rate


def semaphore(value, label):
    """asyncio.Semaphore(value); the engine's draws its row as `label`."""
    return asyncio.Semaphore(value)


def split_url(url):
    """(scheme, host, port, path, query); host lower-cased; path '/' when empty."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        raise ValueError(f"invalid URL: {url!r}")
    scheme = scheme.lower()
    rest = rest.split("#", 1)[0]
    cut = len(rest)
    for ch in "/?":
        i = rest.find(ch)
        if i != -1 and i < cut:
            cut = i
    hostport, tail = rest[:cut], rest[cut:]
    hostport = hostport.rsplit("@", 1)[-1]
    host, _, port = hostport.partition(":")
    port = int(port) if port.isdigit() else (443 if scheme == "https" else 80)
    path, _, query = tail.partition("?")
    return scheme, host.lower(), port, path or "/", query


def is_simulated(host):
    if host in LLM_HOSTS:
        return True
    for base in ("example.com", "example.org", "example.net"):
        if host == base or host.endswith("." + base):
            return True
    return False


def unquote(s):
    s = s.replace("+", " ")
    out = bytearray()
    i = 0
    while i < len(s):
        pair = s[i + 1:i + 3]
        if s[i] == "%" and len(pair) == 2 and all(c in "0123456789abcdefABCDEF" for c in pair):
            out.append(int(pair, 16))
            i += 3
        else:
            out += s[i].encode("utf-8")
            i += 1
    return out.decode("utf-8", "replace")


def parse_query(query):
    args = {}
    for part in query.split("&"):
        if part:
            k, _, v = part.partition("=")
            args[unquote(k)] = unquote(v)
    return args


def user(i):
    name = NAMES[i - 1]
    first = name.split()[0].lower()
    return {"id": i, "name": name, "username": first, "email": first + "@example.com"}


def post(i):
    u = (i - 1) // 3 + 1
    return {"userId": u, "id": i, "title": f"Post {i}", "body": f"This is post {i} by user {u}."}


def comment(i):
    return {"postId": (i - 1) // 2 + 1, "id": i, "name": f"Comment {i}",
            "email": user((i - 1) % 10 + 1)["email"], "body": f"Nice post! (comment {i})"}


def int_filter(args, key):
    v = args.get(key)
    if v is None:
        return None
    return int(v) if v.isdigit() else -1


def sent_object(body):
    """A request body as a JSON object: empty for no body, invalid JSON or another kind of value."""
    try:
        data = json.loads(body) if body is not None else None
    except ValueError:
        data = None
    return data if isinstance(data, dict) else {}


def route(method, path, query, body):
    """(status, value) for a path of the example hosts."""
    if path != "/" and path.endswith("/"):
        path = path[:-1]
    parts = path.split("/")[1:]
    args = parse_query(query)
    if path == "/":
        return 200, {"message": "Interleave simulated API",
                     "endpoints": ["/users", "/posts", "/comments", "/item/{i}",
                                   "/status/{code}", "/delay/{secs}", "/echo"]}
    tables = {"users": (10, user, None), "posts": (30, post, "userId"),
              "comments": (60, comment, "postId")}
    if parts[0] in tables and len(parts) <= 2:
        count, make, key = tables[parts[0]]
        verb = method.upper()
        if len(parts) == 1:
            if verb == "POST":
                # As JSONPlaceholder: the new row (what was sent, when a JSON object) with the
                # next id, not kept.
                return 201, {**sent_object(body), "id": count + 1}
            rows = [make(i) for i in range(1, count + 1)]
            k = int_filter(args, key) if key else None
            if k is not None:
                rows = [r for r in rows if r[key] == k]
            return 200, rows
        if parts[1].isdigit() and 1 <= int(parts[1]) <= count:
            i = int(parts[1])
            # As JSONPlaceholder, nothing is kept: PUT gives what was sent with the row's id,
            # PATCH the row updated with it, DELETE an empty object.
            if verb == "PUT":
                return 200, {**sent_object(body), "id": i}
            if verb == "PATCH":
                return 200, {**make(i), **sent_object(body)}
            if verb == "DELETE":
                return 200, {}
            return 200, make(i)
        return 404, NOT_FOUND
    if parts[0] in ("item", "items") and len(parts) == 2 and parts[1].isdigit():
        i = int(parts[1])
        return 200, {"id": i, "name": f"item {i}", "price": i * 2.5, "in_stock": i % 3 != 0}
    if parts[0] == "status" and len(parts) == 2 and parts[1].isdigit():
        code = int(parts[1])
        if 100 <= code <= 599:
            return code, {"status": code}
    if parts[0] == "delay" and len(parts) == 2:
        secs = delay_of(parts[1])
        if secs is not None:
            return 200, {"delay": secs}
    if path == "/echo":
        try:
            data = json.loads(body) if body is not None else None
        except ValueError:
            data = None
        return 200, {"method": method, "args": args, "json": data}
    return 404, NOT_FOUND


def delay_of(text):
    """The number of /delay/{secs}: digits, optionally one '.' and digits; else None."""
    whole, dot, frac = text.partition(".")
    if not whole.isdigit() or (dot and not frac.isdigit()):
        return None
    return float(text) if dot else int(text)


def llm_prompt(body):
    try:
        doc = json.loads(body) if body is not None else None
    except ValueError:
        return None
    if not isinstance(doc, dict) or not isinstance(doc.get("messages"), list):
        return None
    prompt = ""
    for m in doc["messages"]:
        if isinstance(m, dict) and m.get("role") == "user":
            c = m.get("content")
            if isinstance(c, str):
                prompt = c
            elif isinstance(c, list):
                prompt = " ".join(b.get("text", "") for b in c
                                  if isinstance(b, dict) and b.get("type") == "text")
    return prompt, str(doc.get("model"))


def llm_latency(prompt):
    return 0.5 + (fnv1a32(prompt) % 16) / 10


def llm_text(prompt):
    return "Simulated answer to: " + (prompt[:60] + "..." if len(prompt) > 60 else prompt)


def answer(method, url, body):
    """(latency, status, value) of one simulated request; counts it."""
    scheme, host, port, path, query = split_url(url)
    n = _state["n"]
    _state["n"] = n + 1
    failed = fnv1a32(f"{n}:{method} {url}") % 100 < round(_state["failure_rate"] * 100)
    latency = 0.2 + (fnv1a32(method + " " + url) % 9) / 10
    if host == "api.anthropic.com":
        if method != "POST" or path != "/v1/messages":
            status, value = 404, LLM_NOT_FOUND
        else:
            _state["llm"] += 1
            got = llm_prompt(body)
            if got is None:
                status, value = 400, LLM_BAD
            else:
                prompt, model = got
                latency = llm_latency(prompt)
                text = llm_text(prompt)
                status, value = 200, {
                    "id": f"msg_sim_{_state['llm']}", "type": "message", "role": "assistant",
                    "model": model, "content": [{"type": "text", "text": text}],
                    "stop_reason": "end_turn", "stop_sequence": None,
                    "usage": {"input_tokens": len(prompt.split()), "output_tokens": len(text.split())}}
        if failed:
            status, value = 429, LLM_LIMIT
    elif host == "api.openai.com":
        if method != "POST" or path != "/v1/chat/completions":
            status, value = 404, openai_error(f"Invalid URL ({method} {path})", "invalid_request_error", None)
        else:
            # One count for both LLMs: `chatcmpl-sim-N` and `msg_sim_N` share N.
            _state["llm"] += 1
            got = llm_prompt(body)
            if got is None:
                status, value = 400, openai_error("Invalid request body", "invalid_request_error", None)
            else:
                prompt, model = got
                latency = llm_latency(prompt)
                text = llm_text(prompt)
                asked, answered = len(prompt.split()), len(text.split())
                status, value = 200, {
                    "id": f"chatcmpl-sim-{_state['llm']}", "object": "chat.completion",
                    "created": OPENAI_CREATED, "model": model,
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                                 "finish_reason": "stop"}],
                    "usage": {"prompt_tokens": asked, "completion_tokens": answered,
                              "total_tokens": asked + answered}}
        if failed:
            status, value = 429, openai_error("Simulated rate limit", "requests", "rate_limit_exceeded")
    else:
        status, value = route(method, path, query, body)
        if failed:
            status, value = 503, {"error": "simulated failure"}
    if _state["latency"] is not None:
        latency = _state["latency"]
    parts = path.rstrip("/").split("/")
    if host not in LLM_HOSTS and len(parts) == 3 and parts[1] == "delay" and delay_of(parts[2]) is not None:
        latency = delay_of(parts[2])
    return latency, (status, REASONS.get(status, ""), {"content-type": "application/json"},
                     json.dumps(value), url)


def _check_host(url):
    host = split_url(url)[1]
    if is_simulated(host):
        return
    if host == "invalid" or host.endswith(".invalid"):
        raise ConnectionError("Name or service not known")
    raise ConnectionError(f"no network under the oracle: {host}")


async def request(method, url, headers, body, timeout):
    _check_host(url)
    latency, result = answer(method, url, body)
    if timeout is not None and latency > timeout:
        await asyncio.sleep(timeout)
        raise TimeoutError("timed out")
    await asyncio.sleep(latency)
    return result


def request_blocking(method, url, headers, body, timeout):
    _check_host(url)
    latency, result = answer(method, url, body)
    if timeout is not None and latency > timeout:
        time.sleep(timeout)
        raise TimeoutError("timed out")
    time.sleep(latency)
    return result
