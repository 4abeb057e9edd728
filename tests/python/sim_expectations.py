#!/usr/bin/env python3
"""Expected answers of the simulated API, from its CPython stand-in, for src/python/sim.rs' tests.

    python3 tests/python/sim_expectations.py          > src/python/sim/expected.jsonl
    python3 tests/python/sim_expectations.py --tables > src/python/sim/tables.rs

The first form drives `standins/_interleave.py` synchronously through a fixed list of operations
and prints one JSON line per operation (ASCII only): `simulate` calls, `reset` (a fresh run), and
requests with what the stand-in's `request` does before it waits, i.e. `_check_host` then
`answer`: the latency it would wait (type and repr), status, reason, headers, body and url; or
the exception it raises at once; or, for a host that is not simulated, that host (the engine
fetches it for real; the stand-in says "no network under the oracle"). After each request come
the counters `n` and `llm`. The waiting itself (and the timeout) is left to the caller in Rust.

The second form prints the Unicode tables the Rust side needs to read text as CPython 3.11 does
(str.isdigit beyond decimal digits, repr's printable characters).

Both outputs are CPython 3.11's (Unicode 14.0.0, the 4300-digit int limit): under another version
the script says why and exits 3, which the Rust test treats as "skipped".
"""
import json
import os
import random
import struct
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "standins"))

import _interleave  # noqa: E402


class Set(float):
    """A latency given to simulate(): its type tells the answers' latency came from there."""


def reset():
    _interleave._state.update({"latency": None, "failure_rate": 0.0, "n": 0, "llm": 0})
    return {"op": "reset"}


def simulate(latency=None, failure_rate=0.0):
    _interleave.simulate(None if latency is None else Set(latency), failure_rate)
    return {"op": "simulate", "latency": latency, "failure_rate": failure_rate}


def request(method, url, body=None):
    line = {"op": "request", "method": method, "url": url, "body": body}
    try:
        _interleave._check_host(url)
        latency, (status, reason, headers, text, final) = _interleave.answer(method, url, body)
        kind = {Set: "set", float: "float", int: "int"}[type(latency)]
        line["answer"] = {"latency": [kind, repr(latency)], "status": status, "reason": reason,
                          "headers": sorted(headers.items()), "body": text, "url": final}
    except ConnectionError as e:
        prefix = "no network under the oracle: "
        if str(e).startswith(prefix):
            line["network"] = str(e)[len(prefix):]
        else:
            line["raise"] = [type(e).__name__, str(e)]
    except (ValueError, OverflowError, TypeError, RecursionError) as e:
        line["raise"] = [type(e).__name__, str(e)]
    line["n"] = _interleave._state["n"]
    line["llm"] = _interleave._state["llm"]
    return line


def llm(body, method="POST", path="/v1/messages"):
    return request(method, "https://api.anthropic.com" + path, body)


def chat(body, method="POST", path="/v1/chat/completions"):
    return request(method, "https://api.openai.com" + path, body)


def completion(content, model="gpt-4o-mini", **extra):
    return json.dumps({"model": model, "messages": [{"role": "user", "content": content}], **extra})


def messages(content, model="claude-haiku-4-5", **extra):
    return json.dumps({"model": model, "max_tokens": 50,
                       "messages": [{"role": "user", "content": content}], **extra})


def random_floats(rng):
    out = []
    for _ in range(300):
        out.append(struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0])
    for _ in range(300):
        out.append(round(rng.uniform(-1e6, 1e6), rng.randrange(0, 8)))
    for e in range(-330, 310, 7):
        out.append(rng.random() * 10.0 ** e)
    out += [0.1, 0.2, 0.30000000000000004, 1e16, 9999999999999998.0, 1e-4, 1e-5, 5e-324,
            2.2250738585072014e-308, 1.7976931348623157e308, 123456789.0, 0.5, 2.5, 1e22, 1e21]
    return out


def random_urls(rng):
    schemes = ["http://", "https://", "HTTPS://", "ftp://", "", "http:/", "://"]
    hosts = ["example.com", "EXAMPLE.org", "api.example.net", "x.y.example.com", "example.com.",
             "nope.invalid", "INVALID", "api.anthropic.com", "api.openai.com", "example.co", "user@example.com",
             "a:b@example.net", "example.com:8080", "example.com:", "example.com:x1", "",
             "ex\u00e4mple.com", "\u0130.example.com", "exa\u212ample.com", "[::1]"]
    segments = ["users", "posts", "comments", "item", "items", "status", "delay", "echo", "v1",
                "messages", "chat", "completions", "", "1", "2", "10", "11", "30", "60", "0", "007", "418", "0.5",
                "1.", "\u00b2", "\u0661", "\u0663.\u0665", "abc", "%41", "caf\u00e9", "\U0001F600"]
    queries = ["", "?", "?userId=2", "?postId=3&postId=4", "?userId=x", "?a=1&b=%zz&c=%C3%A9+d",
               "?%F0%9F%98%80=%ff%fe", "?=&=x&y", "?userId=\u0662"]
    urls = []
    for _ in range(250):
        path = "".join("/" + rng.choice(segments) for _ in range(rng.randrange(0, 4)))
        if rng.random() < 0.2:
            path += "/" * rng.randrange(1, 3)
        url = rng.choice(schemes) + rng.choice(hosts) + path + rng.choice(queries)
        if rng.random() < 0.1:
            url += "#frag?x=1"
        urls.append(url)
    return urls


def random_value(rng, depth=0):
    """A random Python value of the kinds json.loads makes."""
    kind = rng.randrange(10 if depth < 4 else 7)
    if kind == 0:
        return rng.choice([None, True, False])
    if kind == 1:
        return rng.choice([0, -1, 7, 2 ** 70, -(10 ** 30), rng.randrange(-10 ** 6, 10 ** 6)])
    if kind == 2:
        return rng.choice([0.5, -0.0, 1e-7, 1e300, rng.uniform(-1e3, 1e3), float("inf"), float("nan")])
    if kind in (3, 4, 5, 6):
        alphabet = "ab \"\\/\b\f\n\r\t\x00\x1f\x7f\x80\xe9\u2028\ufeff\U0001F600\ud800\udfff'"
        return "".join(rng.choice(alphabet) for _ in range(rng.randrange(8)))
    if kind in (7, 8):
        return [random_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {random_value(rng, 4) if rng.random() < 0.9 else "k": random_value(rng, depth + 1)
            for _ in range(rng.randrange(4))}


def random_bodies(rng):
    """Valid JSON written in several styles, and junk made of JSON's tokens."""
    bodies = []
    for _ in range(150):
        value = random_value(rng)
        separators = rng.choice([(",", ":"), (", ", ": "), (" ,\n", " :\t")])
        text = json.dumps(value, ensure_ascii=rng.random() < 0.5, separators=separators)
        if any(0xD800 <= ord(c) < 0xE000 for c in text):  # a request body is text without surrogates
            text = json.dumps(value, separators=separators)
        bodies.append(text)
    tokens = ["[", "]", "{", "}", '"', "\\", "\\u", "\\ud800", "\\udc00", "d83d", ",", ":", " ", "\t", "null",
              "true", "NaN", "-Infinity", "-", "0", "1", "1e400", ".5", "e", "E", "+", "2.5", '"a"', "[]", "{}",
              "\U0001F600", "\xe9", "\x01", '"x": ', '"text"']
    for _ in range(150):
        bodies.append("".join(rng.choice(tokens) for _ in range(rng.randrange(1, 25))))
    return bodies


def random_llm_bodies(rng):
    bodies = []
    for _ in range(60):
        msgs = []
        for _ in range(rng.randrange(4)):
            content = rng.choice([random_value(rng, 3), "word " * rng.randrange(20),
                                  [{"type": rng.choice(["text", "image"]), "text": rng.choice(["t", "two words", ""])}
                                   for _ in range(rng.randrange(3))]])
            msgs.append({"role": rng.choice(["user", "user", "assistant"]), "content": content})
        doc = {"model": rng.choice(["m", None, 3, ["x"]]), "messages": msgs}
        if rng.random() < 0.1:
            doc = random_value(rng)
        bodies.append(json.dumps(doc))
    return bodies


def operations():
    long_digits = "1" * 400
    limit_digits = "7" * 4301
    yield reset()
    # the endpoints of the example hosts
    for url in ["http://example.com/", "https://example.com", "https://example.org?x=1",
                "http://example.com?x=1/y", "http://example.com//", "http://example.com/?a=b",
                "https://jsonplaceholder.example.com/users", "https://example.com/users/1",
                "https://example.com/users/10", "https://example.com/users/0",
                "https://example.com/users/11", "https://example.com/users/abc",
                "https://example.com/users/", "https://example.com/users/3/",
                "https://example.com/users//", "https://example.com/users/1/extra",
                "https://example.com/users?userId=1", "https://example.com/users/\u0663",
                "https://example.com/users/0003", "https://example.com/users/" + limit_digits,
                "https://example.com/users/\u00b2", "https://example.com/users/\u2460",
                "https://example.com/posts", "https://example.com/posts?userId=2",
                "https://example.com/posts?userId=02", "https://example.com/posts?userId=abc",
                "https://example.com/posts?userId=", "https://example.com/posts?userId=11",
                "https://example.com/posts?userId=1&userId=3", "https://example.com/posts?userid=2",
                "https://example.com/posts?userId=%32", "https://example.com/posts?userId=+2",
                "https://example.com/posts?userId=\u00b9", "https://example.com/posts?userId=%C2%B9",
                "https://example.com/posts?userId=" + "0" * 4299 + "4",
                "https://example.com/posts?userId=" + limit_digits,
                "https://example.com/posts?userId=" + long_digits,
                "https://example.com/posts/30", "https://example.com/posts/31",
                "https://example.com/comments", "https://example.com/comments?postId=5",
                "https://example.com/comments?postId=5&userId=1", "https://example.com/comments/60",
                "https://example.com/comments/61", "https://example.com/comments/0",
                "http://example.com/item/0", "http://example.com/item/1", "http://example.com/items/2",
                "http://example.com/item/3", "http://example.com/item/007", "http://example.com/item/-1",
                "http://example.com/item/1.5", "http://example.com/item/", "http://example.com/item",
                "http://example.com/items/12345678901234567890123", "http://example.com/item/" + long_digits,
                "http://example.com/item/" + "9" * 308, "http://example.com/item/" + "9" * 309,
                "http://example.com/item/" + str(2 ** 1023 * 3 // 2 + 7),
                "http://example.com/item/" + limit_digits, "http://example.com/item/\u00b2",
                "http://example.com/item/\u0661\u0662", "http://example.com/item/\U0001D7D7",
                "http://example.com/item/1/2",
                "http://example.com/status/200", "http://example.com/status/404",
                "http://example.com/status/418", "http://example.com/status/100",
                "http://example.com/status/599", "http://example.com/status/99",
                "http://example.com/status/600", "http://example.com/status/0",
                "http://example.com/status/000200", "http://example.com/status/306",
                "http://example.com/status/420", "http://example.com/status/abc",
                "http://example.com/status/\u00b3", "http://example.com/status/" + limit_digits,
                "http://example.com/status/5\u0660\u0663", "http://example.com/status/201/",
                "http://example.com/delay/1", "http://example.com/delay/0.5", "http://example.com/delay/0",
                "http://example.com/delay/00.50", "http://example.com/delay/1.", "http://example.com/delay/.5",
                "http://example.com/delay/1.5.2", "http://example.com/delay/abc", "http://example.com/delay/1/",
                "http://example.com/delay/1//", "http://example.com/delay/\u0661.\u0665",
                "http://example.com/delay/\u00b2", "http://example.com/delay/\u00b2//",
                "http://example.com/delay/1.\u00b2", "http://example.com/delay/" + long_digits + ".5",
                "http://example.com/delay/" + long_digits, "http://example.com/delay/" + limit_digits,
                "http://example.com/delay/" + limit_digits + ".25", "http://example.com/delay/-1",
                "http://example.com/delay/2.5?x=1", "http://example.com/delay", "http://example.com/delay/1/2",
                "http://example.com/unknown", "http://example.com/echo/x", "http://example.com/Users",
                "HTTP://EXAMPLE.COM/USERS", "ftp://Example.Net/users/2", "http://example.com/users/2#frag",
                "http://example.com/users#x?y", "http://example.com/users?#", "http://example.com/%75sers"]:
        yield request("GET", url)
    # /echo: methods, query arguments, bodies
    yield request("GET", "https://example.net/echo")
    yield request("DELETE", "https://example.net/echo?id=7")
    yield request("post", "https://example.net/echo/", "{}")
    yield request("GET", "https://example.net/echo?q=two+words&page=2&q2=%E2%82%AC&bad=%zz&trunc=%e2%82"
                  "&lone=%&eq=a=b&&empty=&=v&k&%41%42=%4&q=again&%ED%A0%80=%C0%AF&%F4%90%80%80=%FF")
    yield request("GET", "https://example.net/echo?caf\u00e9=\u20ac\U0001F600&tab=%09&nul=%00&del=%7F")
    for body in ['{"name": "Ada", "tags": ["math"]}', '{"n": 1, "ok": true, "x": null}',
                 "not json", "", " ", "[]", "{}", '"just a string"', "42", "-0", "-0.0", "1E5", "1e-7",
                 "1.5e+300", "1e400", "-1e400", "NaN", "Infinity", "-Infinity", "nan", "infinity",
                 " \t\n\r[1, 2]\r\n", "[1, 2,]", '{"a": 1,}', "[01]", "[1.]", "[.5]", "[-]", "[+1]", "[1e]",
                 '{"a": 1, "b": 2, "a": 3}', '{"\\u00e9\\ud83d\\ude00\\ud800x\\udc00": "\\/\\b\\f\\n\\r\\t"}',
                 '["\\ud800\\ud800\\udc00", "\\udbff"]', '"\\x41"', '"\\u12"', '"\\u12G4"', '"tab\there"',
                 '"\u00e9\U0001F600\u2028\x7f"', '["a\\u0000b"]', "\ufeff[1]", "[1] [2]", "{1: 2}",
                 '{"a" 1}', "tru", "true", "false", "null", "[true, false, null]",
                 "[" + "1" * 4300 + "]", "[" + "1" * 4301 + "]", "[-" + "2" * 4300 + "]", "[" + "3" * 400 + ".0]",
                 "[" * 150 + "]" * 150, "[" * 150 + "]" * 149, "[" * 5000 + "]" * 5000, '{"a":' * 5000,
                 "[" * 5000, '{"a": ' * 3 + "1" + "}" * 3, '{"a": [{"b": []}, {}], "c": {"d": "\\""}}',
                 json.dumps(random_floats(random.Random(11))), json.dumps(list(range(-50, 50))),
                 json.dumps({"k" * 100: "v" * 1000, "\u00e9": ["\u20ac"] * 3}), "[1, 2" + ", 3" * 1000 + "]"]:
        yield request("POST", "https://example.net/echo", body)
    yield request("PUT", "https://example.net/echo?x=1", None)
    # writes to the tables, answered as JSONPlaceholder does and not kept
    for method, url, body in [("POST", "https://api.example.com/posts", '{"title": "hi", "userId": 1}'),
                              ("post", "https://api.example.com/users/", '{"id": 5, "name": "Ada"}'),
                              ("POST", "https://api.example.com/comments", None),
                              ("POST", "https://api.example.com/posts", "[1, 2]"),
                              ("POST", "https://api.example.com/posts", "not json"),
                              ("POST", "https://api.example.com/posts", "[" * 5000 + "]" * 5000),
                              ("POST", "https://api.example.com/posts?userId=2", "{}"),
                              ("POST", "https://api.example.com/posts/1", '{"title": "x"}'),
                              ("PUT", "https://api.example.com/posts/3", '{"title": "new", "id": 99}'),
                              ("PUT", "https://api.example.com/posts/31", "{}"),
                              ("PATCH", "https://api.example.com/posts/2", '{"title": "patched", "extra": [1]}'),
                              ("patch", "https://api.example.com/users/4", "oops"),
                              ("DELETE", "https://api.example.com/posts/1", None),
                              ("DELETE", "https://api.example.com/posts", None)]:
        yield request(method, url, body)
    yield request("GET", "http://example.com/echo?" + "k=v&" * 2000 + "k=last")
    # hosts, ports, schemes, odd URLs
    for url in ["http://EXAMPLE.COM/users/1", "https://Api.Example.Org/posts/1", "http://example.net:8080/",
                "http://user:pass@example.com/users/2", "http://a@b@example.com/users/2",
                "http://example.com@evil.org/users/2", "http://evil.org@example.com/users/2",
                "http://example.com:80/users", "http://example.com:/users", "http://example.com:x/",
                "http://example.com:\u00b2/", "http://example.com:\u0668\u0660/",
                "http://example.com:" + "8" * 5000 + "/", "http://example.com:80:90/",
                "http://example.com.evil.org/", "http://notexample.com/", "http://example.co/",
                "http://Other.Host:81/x", "https://www.google.com/search?q=1", "http://localhost/",
                "http://127.0.0.1:8000/", "http://[::1]/", "http:///users", "http://",
                "http://nope.invalid/", "http://NOPE.INVALID:80/x", "https://invalid/",
                "http://a.b.invalid?x", "http://invalid.example.com/users/1",
                "http://example.com.invalid/", "http://invalidx/", "http://x.invalidx/",
                "example.com/users", "", "http:/example.com", "//example.com/", "exa'mple", 'a"b\'c',
                "tab\there\nnewline\rret\\back", "\x00\x1f\x7f\x80\x85\xa0\xad\u00e9\u20ac\u200b\u2028"
                "\U0001F600\ufeff\ue000\U000E0001\U0010FFFF\u0378", "x" * 300,
                "https://\u00e9xample.com/", "https://\u0130.example.com/users", "https://K.example.com/",
                "https://\u212a.example.com/", "https://\u03a3\u03a3.example.com/", "https://example.com\u3002/",
                "http://api.anthropic.com/", "https://API.ANTHROPIC.COM/v1/messages",
                "https://api.anthropic.com.example.com/users/1", "https://anthropic.com/v1/messages",
                "http://api.openai.com/", "https://API.OpenAI.com/v1/chat/completions",
                "https://openai.com/v1/chat/completions", "https://api.openai.com/delay/1",
                "http://example.com/" + "a" * 10000, "http://example.com/users/1?" + "x" * 10000]:
        yield request("GET", url)
    # the LLM
    yield llm(messages("Explain asyncio in one sentence."))
    yield llm(messages([{"type": "text", "text": "Write a haiku about event loops and the tasks"},
                        {"type": "image", "text": "ignored"}, {"type": "text", "text": "that take turns"},
                        "not a block", {"text": "no type"}], system="Be brief."))
    yield llm(json.dumps({"model": "m", "messages": [
        {"role": "user", "content": "first"}, {"role": "assistant", "content": "reply"},
        {"role": "user", "content": "second question"}, {"role": "user", "content": 5},
        {"role": "user"}, {"role": "system", "content": "sys"}, "junk", {"role": "USER", "content": "no"}]}))
    yield llm(messages("x" * 60))
    yield llm(messages("y" * 61))
    yield llm(messages("\U0001F600" * 59 + "ab"))
    yield llm(messages("one two\u3000three\x1cfour\x85five\u200bsix\xa0seven\u180eeight\n\tnine "))
    yield llm(messages(" " * 70 + "tail"))
    yield llm(messages(""))
    yield llm(messages([]))
    yield llm(json.dumps({"model": "m", "messages": []}))
    yield llm(json.dumps({"messages": [{"role": "user", "content": "no model"}]}))
    yield llm(messages("model types", model=5))
    yield llm(messages("model types", model=2.50))
    yield llm(messages("model types", model=1e16))
    yield llm(messages("model types", model=True))
    yield llm(messages("model types", model=None))
    yield llm(messages("model types", model=["a", 1, {"k": None, "it's": 'q"'}, [], 1e400]))
    yield llm(messages("model types", model={"a": "\u00e9\x00\u2028\U0001F600\ud800"}))
    yield llm(messages("model types", model="caf\u00e9 \U0001F600"))
    yield llm('{"model": "\\ud800", "messages": [{"role": "user", "content": "surrogate model"}]}')
    yield llm('{"model": ["\\ud800\\udc00", "\\udfff"], "messages": []}')
    yield llm('{"model": "m", "messages": [{"role": "user", "content": "lone \\ud800 here"}]}')
    yield llm('{"model": "m", "messages": [{"role": "user", "content": "pair \\udfff\\ud800\\udbff!"}]}')
    yield llm(messages([{"type": "text", "text": "ok"}, {"type": "text", "text": 5}]))
    yield llm(messages([{"type": "text", "text": None}]))
    yield llm(messages([{"type": "text", "text": ["x"]}, {"type": "text", "text": True}]))
    yield llm(messages([{"type": "text", "text": {"a": 1}}]))
    yield llm(messages([{"type": "text", "text": 1.5}]))
    yield llm(messages([{"type": "text"}, {"type": "text", "text": "after empty"}]))
    yield llm(json.dumps({"model": "m", "messages": "not a list"}))
    yield llm(json.dumps(["model", "messages"]))
    yield llm("not json")
    yield llm(None)
    yield llm('{"model": "m", "messages": [' + "[" * 5000)
    yield llm('{"model": "m", "messages": [{"role": "user", "content": "deep"}], "x": ' + "[" * 150 + "]" * 150 + "}")
    yield llm(messages("get it"), method="GET")
    yield llm(messages("lower"), method="post")
    yield llm(messages("slash"), path="/v1/messages/")
    yield llm(messages("other"), path="/v1/other")
    yield llm(messages("query"), path="/v1/messages?beta=true")
    yield llm(messages("root"), path="")
    # the LLM through OpenAI's Chat Completions API: the same prompts, latencies and answers
    yield chat(completion("Explain asyncio in one sentence."))
    yield chat(completion([{"type": "text", "text": "Describe the event loop"},
                           {"type": "image_url", "image_url": {"url": "http://example.com/x.png"}},
                           {"type": "text", "text": "in five words"}], max_tokens=50, temperature=0.2))
    yield chat(json.dumps({"model": "gpt-4o", "messages": [
        {"role": "system", "content": "Be brief."}, {"role": "user", "content": "first"},
        {"role": "assistant", "content": "reply"}, {"role": "user", "content": "second question"}]}))
    yield chat(completion("z" * 61))
    yield chat(completion(""))
    yield chat(completion("model types", model=None))
    yield chat(completion("model types", model=["a", 1.5]))
    yield chat('{"model": "m", "messages": [{"role": "user", "content": "lone \\ud800 here"}]}')
    yield chat(completion([{"type": "text", "text": 5}]))
    yield chat(json.dumps({"model": "m", "messages": "not a list"}))
    yield chat(json.dumps({"model": "m"}))
    yield chat("not json")
    yield chat(None)
    yield chat('{"model": "m", "messages": [' + "[" * 5000)
    yield chat(completion("get it"), method="GET")
    yield chat(completion("lower"), method="post")
    yield chat(completion("slash"), path="/v1/chat/completions/")
    yield chat(completion("anthropic's path"), path="/v1/messages")
    yield chat(completion("query"), path="/v1/chat/completions?x=1")
    yield chat(completion("odd path"), path="/v1/caf\u00e9\U0001F600")
    yield chat(completion("root"), path="")
    yield llm(messages("Explain asyncio in one sentence."))
    # interleave.simulate(latency=...)
    yield simulate(latency=0.7)
    yield request("GET", "http://example.com/users/1")
    yield request("GET", "http://example.com/delay/0.3")
    yield request("GET", "http://example.com/delay/2//")
    yield llm(messages("fixed latency"))
    yield llm(messages("fixed latency"), method="GET")
    yield chat(completion("fixed latency"))
    yield request("GET", "https://api.openai.com/delay/2")
    yield request("GET", "http://nope.invalid/")
    yield simulate(latency=0.0)
    yield request("GET", "http://example.com/users/2")
    yield simulate(latency=-1.5)
    yield request("GET", "http://example.com/users/3")
    yield simulate(latency=None)
    yield request("GET", "http://example.com/users/1")
    # failures
    yield reset()
    yield simulate(latency=0.1, failure_rate=0.3)
    for i in range(20):
        yield request("GET", f"https://example.com/item/{i}")
    yield request("GET", "https://example.com/nothing-here")
    yield request("GET", "https://example.com/item/" + long_digits)
    for i in range(12):
        yield llm(messages(f"Question number {i}"))
    for i in range(12):
        yield chat(completion(f"Question number {i}"))
    yield llm("bad body")
    yield llm(messages("wrong path"), path="/v1/nothing")
    yield chat("bad body")
    yield chat(completion("wrong path"), path="/v1/nothing")
    yield request("GET", "http://nope.invalid/")
    yield request("GET", "http://elsewhere.org/")
    yield simulate(failure_rate=1.0)
    for url in ["http://example.com/", "http://example.com/delay/0.5", "http://example.com/status/200",
                "http://example.com/x"]:
        yield request("GET", url)
    yield llm(messages("always fails"))
    yield llm(None)
    yield chat(completion("always fails"))
    yield chat(None)
    for rate in [0.125, 0.005, 0.015, 0.5, 0.995, -0.5, 2.0, 1e-300, 0.994999]:
        yield simulate(failure_rate=rate)
        for i in range(8):
            yield request("POST", f"https://api.example.com/echo?i={i}", "[1]")
    for rate in [float("nan"), float("inf"), float("-inf"), 1e308, -1e308]:
        yield simulate(failure_rate=rate)
        yield request("GET", "http://example.com/users/1")
        yield llm(messages("rate error"))
        yield chat(completion("rate error"))
        yield request("GET", "http://nope.invalid/")
    yield simulate(failure_rate=0.0)
    yield request("GET", "http://example.com/users/1")
    # seeded random bodies: JSON in several styles, junk, LLM requests
    yield reset()
    rng = random.Random(5)
    for body in random_bodies(rng):
        yield request("POST", "https://example.net/echo", body)
    for body in random_llm_bodies(rng):
        yield llm(body)
    for body in random_llm_bodies(rng):
        yield chat(body)
    # a seeded mix of odd URLs, methods and bodies
    yield reset()
    rng = random.Random(7)
    bodies = [None, None, "", "{}", "[1, 2.5]", messages("random"), completion("random"),
              '{"messages": [], "model": 1}',
              "{bad", '"\\ud83d"', "[" * 100]
    for url in random_urls(rng):
        if rng.random() < 0.1:
            yield simulate(latency=rng.choice([None, 0.25]), failure_rate=rng.choice([0.0, 0.3, 1.0]))
        yield request(rng.choice(["GET", "POST", "PUT", "get"]), url, rng.choice(bodies))


def tables():
    """The Unicode tables of src/python/sim/tables.rs, as CPython 3.11 reads text."""
    def ranges(pred):
        out = []
        for c in range(0x110000):
            if pred(chr(c)):
                if out and out[-1][1] == c - 1:
                    out[-1][1] = c
                else:
                    out.append([c, c])
        return out

    digit_only = ranges(lambda ch: ch.isdigit() and not ch.isdecimal())
    non_printable = ranges(lambda ch: not ch.isprintable())
    out = ["//! Unicode tables for reading text as CPython 3.11 does (Unicode "
           + unicodedata.unidata_version + "), made by",
           "//! `python3 tests/python/sim_expectations.py --tables`: do not edit by hand.",
           "//! Each table lists inclusive ranges of code points, sorted.", ""]

    def table(name, doc, rows):
        out.append(f"/// {doc}")
        out.append("#[rustfmt::skip]")
        out.append(f"pub(super) const {name}: &[(u32, u32)] = &[")
        for i in range(0, len(rows), 6):
            out.append("    " + " ".join(f"(0x{a:X}, 0x{b:X})," for a, b in rows[i:i + 6]))
        out.append("];")

    table("DIGIT_ONLY", "`str.isdigit()` but not `str.isdecimal()` (superscripts, circled digits...): "
          "`int()` and `float()` refuse them.", digit_only)
    out.append("")
    table("NON_PRINTABLE", "Not `str.isprintable()`: what `repr()` of a str escapes beyond ASCII.", non_printable)
    return "\n".join(out) + "\n"


def main():
    if sys.version_info[:2] != (3, 11):
        print(f"sim_expectations.py needs CPython 3.11 (this is {sys.version.split()[0]})", file=sys.stderr)
        sys.exit(3)
    if sys.argv[1:] == ["--tables"]:
        sys.stdout.write(tables())
        return
    if sys.argv[1:]:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    for op in operations():
        sys.stdout.write(json.dumps(op) + "\n")


if __name__ == "__main__":
    main()
