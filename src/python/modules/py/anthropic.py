"""A small Anthropic SDK for Interleave, on top of `_interleave.request` (docs/simulated-api.md).

Follows anthropic-sdk-python for what tutorials use: AsyncAnthropic / Anthropic,
`client.messages.create(...)`, the Message object, the exception tree and its wording, and
retries (max_retries=2 by default, on 408, 409, 429, >= 500, timeouts and connection errors).
Deviations: the retry wait has no jitter (0.5 s, then 1 s, 2 s, ... capped at 8 s), and the
models' reprs list only the fields shown here. Plain Python only: the same file runs under
CPython (oracle) and inside the engine.
"""
import asyncio
import json
import time
import _interleave

DEFAULT_MAX_RETRIES = 2
DEFAULT_TIMEOUT = 600.0


class AnthropicError(Exception):
    pass


class APIError(AnthropicError):
    def __init__(self, message, request, *, body):
        super().__init__(message)
        self.request = request
        self.message = message
        self.body = body


class APIStatusError(APIError):
    def __init__(self, message, *, response, body):
        super().__init__(message, response.request, body=body)
        self.response = response
        self.status_code = response.status_code
        self.request_id = None


class APIConnectionError(APIError):
    def __init__(self, *, message="Connection error.", request):
        super().__init__(message, request, body=None)


class APITimeoutError(APIConnectionError):
    def __init__(self, request):
        super().__init__(message="Request timed out or interrupted. This could be due to a network timeout, dropped connection, or request cancellation. See https://docs.anthropic.com/en/api/errors#long-requests for more details.", request=request)


class BadRequestError(APIStatusError):
    pass


class AuthenticationError(APIStatusError):
    pass


class PermissionDeniedError(APIStatusError):
    pass


class NotFoundError(APIStatusError):
    pass


class ConflictError(APIStatusError):
    pass


class UnprocessableEntityError(APIStatusError):
    pass


class RateLimitError(APIStatusError):
    pass


class InternalServerError(APIStatusError):
    pass


class ServiceUnavailableError(APIStatusError):
    pass


class OverloadedError(APIStatusError):
    pass


_ERRORS = {400: BadRequestError, 401: AuthenticationError, 403: PermissionDeniedError,
           404: NotFoundError, 409: ConflictError, 422: UnprocessableEntityError,
           429: RateLimitError, 503: ServiceUnavailableError, 529: OverloadedError}


class _Request:
    def __init__(self, method, url):
        self.method = method
        self.url = url

    def __repr__(self):
        return f"<Request({self.method!r}, {self.url!r})>"


class _Response:
    def __init__(self, request, status_code, reason, headers, text):
        self.request = request
        self.status_code = status_code
        self.reason_phrase = reason
        self.headers = headers
        self.text = text


class TextBlock:
    def __init__(self, text, type="text"):
        self.text = text
        self.type = type

    def __repr__(self):
        return f"TextBlock(text={self.text!r}, type={self.type!r})"


class Usage:
    def __init__(self, input_tokens, output_tokens):
        self.input_tokens = input_tokens
        self.output_tokens = output_tokens

    def __repr__(self):
        return f"Usage(input_tokens={self.input_tokens!r}, output_tokens={self.output_tokens!r})"


class Message:
    def __init__(self, doc):
        self.id = doc["id"]
        self.type = doc["type"]
        self.role = doc["role"]
        self.model = doc["model"]
        self.content = [TextBlock(b["text"], b["type"]) for b in doc["content"]]
        self.stop_reason = doc["stop_reason"]
        self.stop_sequence = doc["stop_sequence"]
        self.usage = Usage(doc["usage"]["input_tokens"], doc["usage"]["output_tokens"])

    def __repr__(self):
        return (f"Message(id={self.id!r}, content={self.content!r}, model={self.model!r}, "
                f"role={self.role!r}, stop_reason={self.stop_reason!r}, "
                f"stop_sequence={self.stop_sequence!r}, type={self.type!r}, usage={self.usage!r})")


def _body(model, max_tokens, messages, system, extra):
    doc = {"model": model, "max_tokens": max_tokens, "messages": messages}
    if system is not None:
        doc["system"] = system
    for k in extra:
        doc[k] = extra[k]
    return json.dumps(doc)


def _should_retry(status):
    return status == 408 or status == 409 or status == 429 or status >= 500


def _retry_wait(max_retries, remaining):
    return min(0.5 * 2.0 ** (max_retries - remaining), 8.0)


def _status_error(resp):
    text = resp.text.strip()
    body = text
    try:
        body = json.loads(text)
        msg = f"Error code: {resp.status_code} - {body}"
    except ValueError:
        msg = text or f"Error code: {resp.status_code}"
    cls = _ERRORS.get(resp.status_code)
    if cls is None:
        cls = InternalServerError if resp.status_code >= 500 else APIStatusError
    return cls(msg, response=resp, body=body)


class _Client:
    def __init__(self, api_key=None, *, base_url=None, timeout=DEFAULT_TIMEOUT,
                 max_retries=DEFAULT_MAX_RETRIES, **kwargs):
        self.api_key = api_key
        self.base_url = (base_url or "https://api.anthropic.com").rstrip("/")
        self.timeout = timeout
        self.max_retries = max_retries

    def _prepare(self, model, max_tokens, messages, system, extra):
        url = self.base_url + "/v1/messages"
        headers = {"content-type": "application/json", "anthropic-version": "2023-06-01"}
        return _Request("POST", url), headers, _body(model, max_tokens, messages, system, extra)

    def _outcome(self, req, result, error, remaining):
        """(message, exception, retry_wait): what one attempt led to."""
        wait = _retry_wait(self.max_retries, remaining) if remaining > 0 else None
        if error is not None:
            exc = APITimeoutError(req) if isinstance(error, TimeoutError) else APIConnectionError(request=req)
            return None, exc, wait
        status, reason, headers, text, final = result
        resp = _Response(req, status, reason, headers, text)
        if 200 <= status <= 299:
            return Message(json.loads(text)), None, None
        return None, _status_error(resp), (wait if _should_retry(status) else None)


class _AsyncMessages:
    def __init__(self, client):
        self._client = client

    async def create(self, *, max_tokens, messages, model, system=None, **extra):
        c = self._client
        req, headers, body = c._prepare(model, max_tokens, messages, system, extra)
        remaining = c.max_retries
        while True:
            result = None
            error = None
            try:
                result = await _interleave.request("POST", req.url, headers, body, c.timeout)
            except (TimeoutError, ConnectionError) as e:
                error = e
            message, exc, wait = c._outcome(req, result, error, remaining)
            if message is not None:
                return message
            if wait is None:
                raise exc
            remaining -= 1
            await asyncio.sleep(wait)


class _Messages:
    def __init__(self, client):
        self._client = client

    def create(self, *, max_tokens, messages, model, system=None, **extra):
        c = self._client
        req, headers, body = c._prepare(model, max_tokens, messages, system, extra)
        remaining = c.max_retries
        while True:
            result = None
            error = None
            try:
                result = _interleave.request_blocking("POST", req.url, headers, body, c.timeout)
            except (TimeoutError, ConnectionError) as e:
                error = e
            message, exc, wait = c._outcome(req, result, error, remaining)
            if message is not None:
                return message
            if wait is None:
                raise exc
            remaining -= 1
            time.sleep(wait)


class AsyncAnthropic(_Client):
    def __init__(self, api_key=None, **kwargs):
        super().__init__(api_key, **kwargs)
        self.messages = _AsyncMessages(self)

    async def close(self):
        pass

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()


class Anthropic(_Client):
    def __init__(self, api_key=None, **kwargs):
        super().__init__(api_key, **kwargs)
        self.messages = _Messages(self)

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()
