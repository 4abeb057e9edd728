"""What the LLM SDKs here (anthropic.py, openai.py) share: the request and response objects
their exceptions carry, the "Error code: 429 - {...}" wording, and the SDKs' retry rule (on
408, 409, 429, >= 500, timeouts and connection errors; waits of 0.5 s, 1 s, 2 s, ... capped at
8 s, without the SDKs' jitter) around `_interleave.request` / `request_blocking`. Each SDK keeps
its own exception classes and models, as the real ones do (tracebacks name their module).
Plain Python only: the same file runs under CPython (oracle) and inside the engine.
"""
import asyncio
import json
import time
import _interleave


class Request:
    def __init__(self, method, url):
        self.method = method
        self.url = url

    def __repr__(self):
        return f"<Request({self.method!r}, {self.url!r})>"


class Response:
    def __init__(self, request, status_code, reason, headers, text):
        self.request = request
        self.status_code = status_code
        self.reason_phrase = reason
        self.headers = headers
        self.text = text


def error_message(resp):
    """(message, body) of an error answer, as both SDKs word it: the body parsed when JSON."""
    text = resp.text.strip()
    try:
        body = json.loads(text)
    except ValueError:
        return text or f"Error code: {resp.status_code}", text
    return f"Error code: {resp.status_code} - {body}", body


def _attempt(req, result, error, remaining, max_retries, errors):
    """(the answer's JSON text, exception, retry wait): what one attempt led to. `errors` is
    the SDK's (APITimeoutError, APIConnectionError, status_error)."""
    timeout_error, connection_error, status_error = errors
    wait = min(0.5 * 2.0 ** (max_retries - remaining), 8.0) if remaining > 0 else None
    if error is not None:
        exc = timeout_error(req) if isinstance(error, TimeoutError) else connection_error(request=req)
        return None, exc, wait
    status, reason, headers, text, final = result
    if 200 <= status <= 299:
        return text, None, None
    retry = status == 408 or status == 409 or status == 429 or status >= 500
    return None, status_error(Response(req, status, reason, headers, text)), (wait if retry else None)


async def send(req, headers, body, timeout, max_retries, errors):
    """The answer's JSON text, after up to `max_retries` retries (each waits on the loop)."""
    remaining = max_retries
    while True:
        result = None
        error = None
        try:
            result = await _interleave.request(req.method, req.url, headers, body, timeout)
        except (TimeoutError, ConnectionError) as e:
            error = e
        text, exc, wait = _attempt(req, result, error, remaining, max_retries, errors)
        if text is not None:
            return text
        if wait is None:
            raise exc
        remaining -= 1
        await asyncio.sleep(wait)


def send_blocking(req, headers, body, timeout, max_retries, errors):
    """`send` for the sync clients: each attempt and each wait holds the loop."""
    remaining = max_retries
    while True:
        result = None
        error = None
        try:
            result = _interleave.request_blocking(req.method, req.url, headers, body, timeout)
        except (TimeoutError, ConnectionError) as e:
            error = e
        text, exc, wait = _attempt(req, result, error, remaining, max_retries, errors)
        if text is not None:
            return text
        if wait is None:
            raise exc
        remaining -= 1
        time.sleep(wait)
