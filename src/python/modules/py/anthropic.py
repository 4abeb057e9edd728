"""A small Anthropic SDK for Interleave, on top of `llm_client` (docs/simulated-api.md).

Follows anthropic-sdk-python for what tutorials use: AsyncAnthropic / Anthropic,
`client.messages.create(...)`, the Message object, async streaming (`messages.stream(...)`,
`create(..., stream=True)`: the answer's words as text deltas once it arrives), the exception tree and its wording, and
retries (max_retries=2 by default, on 408, 409, 429, >= 500, timeouts and connection errors).
Deviations: the retry wait has no jitter (0.5 s, then 1 s, 2 s, ... capped at 8 s), and the
models' reprs, `model_dump()`, `to_dict()` and `to_json()` list only the fields shown here. Plain Python only: the same file runs under
CPython (oracle) and inside the engine.
"""
import json
import llm_client

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


def _dump(v, exclude_none):
    if isinstance(v, _BaseModel):
        return v.model_dump(exclude_none=exclude_none)
    if isinstance(v, list):
        return [_dump(x, exclude_none) for x in v]
    if isinstance(v, dict):
        return {k: _dump(x, exclude_none) for k, x in v.items()}
    return v


class _BaseModel:
    """The pydantic methods of the SDK's models, over the fields each model has here."""

    _fields = None  # the SDK's order, where the attributes are set in another

    def _field_names(self):
        return self._fields or [k for k in self.__dict__ if not k.startswith("_")]

    def model_dump(self, *, mode="python", include=None, exclude=None, by_alias=False, exclude_unset=False,
                   exclude_defaults=False, exclude_none=False, round_trip=False, warnings=True):
        out = {}
        for k in self._field_names():
            v = getattr(self, k)
            if (exclude_none and v is None) or (include is not None and k not in include) or (
                    exclude is not None and k in exclude):
                continue
            out[k] = _dump(v, exclude_none)
        return out

    def model_dump_json(self, *, indent=None, include=None, exclude=None, by_alias=False, exclude_unset=False,
                        exclude_defaults=False, exclude_none=False, round_trip=False, warnings=True):
        d = self.model_dump(include=include, exclude=exclude, exclude_none=exclude_none)
        return json.dumps(d, indent=indent, ensure_ascii=False, separators=(",", ":") if indent is None else (",", ": "))

    def to_dict(self, *, mode="python", use_api_names=True, exclude_unset=True, exclude_defaults=False,
                exclude_none=False, warnings=True):
        return self.model_dump(mode=mode, exclude_none=exclude_none)

    def to_json(self, *, indent=2, use_api_names=True, exclude_unset=True, exclude_defaults=False,
                exclude_none=False, warnings=True):
        return self.model_dump_json(indent=indent, exclude_none=exclude_none)


class TextBlock(_BaseModel):
    def __init__(self, text, type="text"):
        self.text = text
        self.type = type

    def __repr__(self):
        return f"TextBlock(text={self.text!r}, type={self.type!r})"


class Usage(_BaseModel):
    def __init__(self, input_tokens, output_tokens):
        self.input_tokens = input_tokens
        self.output_tokens = output_tokens

    def __repr__(self):
        return f"Usage(input_tokens={self.input_tokens!r}, output_tokens={self.output_tokens!r})"


class Message(_BaseModel):
    _fields = ("id", "content", "model", "role", "stop_reason", "stop_sequence", "type", "usage")

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


class _Model(_BaseModel):
    """A streaming event or one of its parts: its fields in the SDK's order, and its repr."""

    def __init__(self, _name, **fields):
        self._name = _name
        for k, v in fields.items():
            setattr(self, k, v)

    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items() if k != "_name")
        return f"{self._name}({fields})"


def _pieces(text):
    # The simulated model streams its answer a word at a time, each with the space before it.
    pieces, start = [], 0
    for i in range(1, len(text) + 1):
        if i == len(text) or (text[i] == " " and text[i - 1] != " "):
            pieces.append(text[start:i])
            start = i
    return pieces


def _events(message, text):
    # The server-sent events of a streamed answer, made from the whole answer (the simulated
    # API answers at once, after its latency).
    started = Message(json.loads(text))
    started.content = []
    started.stop_reason = None
    events = [_Model("RawMessageStartEvent", message=started, type="message_start"),
              _Model("RawContentBlockStartEvent", content_block=TextBlock(""), index=0, type="content_block_start")]
    for block in message.content:
        for piece in _pieces(block.text):
            delta = _Model("TextDelta", text=piece, type="text_delta")
            events.append(_Model("RawContentBlockDeltaEvent", delta=delta, index=0, type="content_block_delta"))
    delta = _Model("Delta", stop_reason=message.stop_reason, stop_sequence=message.stop_sequence)
    usage = _Model("MessageDeltaUsage", output_tokens=message.usage.output_tokens)
    return events + [_Model("RawContentBlockStopEvent", index=0, type="content_block_stop"),
                     _Model("RawMessageDeltaEvent", delta=delta, type="message_delta", usage=usage),
                     _Model("RawMessageStopEvent", type="message_stop")]


class AsyncMessageStream:
    """What `messages.stream(...)` enters and `messages.create(..., stream=True)` returns:
    `async for event in stream`, `stream.text_stream`, `await stream.get_final_message()`."""

    def __init__(self, message, text):
        self._message = message
        self._events = _events(message, text)

    async def _each(self, texts):
        for event in self._events:
            if not texts:
                yield event
            elif event.type == "content_block_delta":
                yield event.delta.text

    def __aiter__(self):
        return self._each(False)

    @property
    def text_stream(self):
        return self._each(True)

    async def get_final_message(self):
        return self._message

    async def get_final_text(self):
        return "".join(block.text for block in self._message.content)

    async def until_done(self):
        pass

    async def close(self):
        pass

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        pass


class _AsyncStreamManager:
    def __init__(self, start):
        self._start = start

    async def __aenter__(self):
        return await self._start()

    async def __aexit__(self, exc_type, exc, tb):
        pass


def _body(model, max_tokens, messages, system, extra):
    doc = {"model": model, "max_tokens": max_tokens, "messages": messages}
    if system is not None:
        doc["system"] = system
    for k in extra:
        doc[k] = extra[k]
    return json.dumps(doc)


def _status_error(resp):
    msg, body = llm_client.error_message(resp)
    cls = _ERRORS.get(resp.status_code)
    if cls is None:
        cls = InternalServerError if resp.status_code >= 500 else APIStatusError
    return cls(msg, response=resp, body=body)


# What llm_client needs to raise this SDK's own exceptions.
_ERROR_TYPES = (APITimeoutError, APIConnectionError, _status_error)


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
        return llm_client.Request("POST", url), headers, _body(model, max_tokens, messages, system, extra)


class _AsyncMessages:
    def __init__(self, client):
        self._client = client

    def stream(self, *, max_tokens, messages, model, system=None, **extra):
        return _AsyncStreamManager(
            lambda: self.create(max_tokens=max_tokens, messages=messages, model=model, system=system,
                                stream=True, **extra))

    async def create(self, *, max_tokens, messages, model, system=None, stream=False, **extra):
        c = self._client
        req, headers, body = c._prepare(model, max_tokens, messages, system, extra)
        text = await llm_client.send(req, headers, body, c.timeout, c.max_retries, _ERROR_TYPES)
        message = Message(json.loads(text))
        return AsyncMessageStream(message, text) if stream else message


class _Messages:
    def __init__(self, client):
        self._client = client

    def create(self, *, max_tokens, messages, model, system=None, **extra):
        c = self._client
        req, headers, body = c._prepare(model, max_tokens, messages, system, extra)
        text = llm_client.send_blocking(req, headers, body, c.timeout, c.max_retries, _ERROR_TYPES)
        return Message(json.loads(text))


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
