"""A small OpenAI SDK for Interleave, on top of `llm_client` (docs/simulated-api.md).

Follows openai-python v1 for what tutorials use: AsyncOpenAI / OpenAI,
`client.chat.completions.create(model=..., messages=..., ...)`, the ChatCompletion object with
attribute access (`resp.choices[0].message.content`, `resp.usage.total_tokens`),
`client.with_options(...)`, the exception tree and its wording (`Error code: 429 - {...}`), and
retries (max_retries=2 by default, on 408, 409, 429, >= 500, timeouts and connection errors),
and `stream=True` (the answer's words as ChatCompletionChunks once it arrives: the simulated
LLM answers all at once). Deviations: no API key is needed or kept (one passed is ignored); the
retry wait has no jitter (0.5 s, then 1 s, 2 s, ... capped at 8 s); the models' reprs,
`model_dump()`, `to_dict()` and `to_json()` list only the fields shown here.
Plain Python only: the same file runs under CPython (oracle) and inside the engine.
"""
import json
import llm_client

DEFAULT_MAX_RETRIES = 2
DEFAULT_TIMEOUT = 600.0


class OpenAIError(Exception):
    pass


class APIError(OpenAIError):
    def __init__(self, message, request, *, body):
        super().__init__(message)
        self.request = request
        self.message = message
        self.body = body
        if isinstance(body, dict):
            self.code = body.get("code")
            self.param = body.get("param")
            self.type = body.get("type")
        else:
            self.code = None
            self.param = None
            self.type = None


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
        super().__init__(message="Request timed out.", request=request)


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


_ERRORS = {400: BadRequestError, 401: AuthenticationError, 403: PermissionDeniedError,
           404: NotFoundError, 409: ConflictError, 422: UnprocessableEntityError,
           429: RateLimitError}


def _dump(v, exclude_unset, exclude_none):
    if isinstance(v, BaseModel):
        return v.model_dump(exclude_unset=exclude_unset, exclude_none=exclude_none)
    if isinstance(v, list):
        return [_dump(x, exclude_unset, exclude_none) for x in v]
    return v


class BaseModel:
    """A model of the SDK: `_fields` in its order, read from the answer's JSON (`parts` gives
    the nested models); a field the answer does not have is None and counts as unset."""

    _fields = ()
    _name = None  # the name its repr shows, when not the class's

    def __init__(self, doc, **parts):
        self._set = [k for k in self._fields if k in doc]
        for k in self._fields:
            setattr(self, k, parts[k] if k in parts else doc.get(k))

    def __repr__(self):
        fields = ", ".join(f"{k}={getattr(self, k)!r}" for k in self._fields)
        return f"{self._name or self.__class__.__name__}({fields})"

    def model_dump(self, *, mode="python", include=None, exclude=None, by_alias=False, exclude_unset=False,
                   exclude_defaults=False, exclude_none=False, round_trip=False, warnings=True):
        out = {}
        for k in self._fields:
            v = getattr(self, k)
            if (exclude_none and v is None) or (exclude_unset and k not in self._set) or (
                    include is not None and k not in include) or (exclude is not None and k in exclude):
                continue
            out[k] = _dump(v, exclude_unset, exclude_none)
        return out

    def model_dump_json(self, *, indent=None, include=None, exclude=None, by_alias=False, exclude_unset=False,
                        exclude_defaults=False, exclude_none=False, round_trip=False, warnings=True):
        d = self.model_dump(include=include, exclude=exclude, exclude_unset=exclude_unset,
                            exclude_none=exclude_none)
        return json.dumps(d, indent=indent, ensure_ascii=False, separators=(",", ":") if indent is None else (",", ": "))

    def to_dict(self, *, mode="python", use_api_names=True, exclude_unset=True, exclude_defaults=False,
                exclude_none=False, warnings=True):
        return self.model_dump(mode=mode, exclude_unset=exclude_unset, exclude_none=exclude_none)

    def to_json(self, *, indent=2, use_api_names=True, exclude_unset=True, exclude_defaults=False,
                exclude_none=False, warnings=True):
        return self.model_dump_json(indent=indent, exclude_unset=exclude_unset, exclude_none=exclude_none)


class ChatCompletionMessage(BaseModel):
    _fields = ("content", "refusal", "role", "annotations", "audio", "function_call", "tool_calls")


class Choice(BaseModel):
    _fields = ("finish_reason", "index", "logprobs", "message")


class CompletionUsage(BaseModel):
    _fields = ("completion_tokens", "prompt_tokens", "total_tokens", "completion_tokens_details",
               "prompt_tokens_details")


class ChatCompletion(BaseModel):
    _fields = ("id", "choices", "created", "model", "object", "service_tier", "system_fingerprint", "usage")


class ChoiceDelta(BaseModel):
    _fields = ("content", "function_call", "refusal", "role", "tool_calls")


class ChunkChoice(BaseModel):
    _name = "Choice"  # as the SDK's openai.types.chat.chat_completion_chunk.Choice
    _fields = ("delta", "finish_reason", "index", "logprobs")


class ChatCompletionChunk(BaseModel):
    _fields = ("id", "choices", "created", "model", "object", "service_tier", "system_fingerprint", "usage")


def _completion(doc):
    choices = [Choice(c, message=ChatCompletionMessage(c["message"])) for c in doc["choices"]]
    usage = CompletionUsage(doc["usage"]) if doc.get("usage") is not None else None
    return ChatCompletion(doc, choices=choices, usage=usage)


def _pieces(text):
    # The simulated model streams its answer a word at a time, each with the space before it.
    pieces, start = [], 0
    for i in range(1, len(text) + 1):
        if i == len(text) or (text[i] == " " and text[i - 1] != " "):
            pieces.append(text[start:i])
            start = i
    return pieces


def _chunks(doc):
    """The chunks a streamed chat completion arrives in, as OpenAI sends them: the role, the
    answer's words, then an empty delta with the finish reason."""
    def chunk(delta, finish_reason):
        head = {k: doc[k] for k in ("id", "created", "model")}
        choice = ChunkChoice({"delta": delta, "finish_reason": finish_reason, "index": 0},
                             delta=ChoiceDelta(delta))
        return ChatCompletionChunk({**head, "object": "chat.completion.chunk", "choices": [choice]},
                                   choices=[choice])

    text = doc["choices"][0]["message"]["content"]
    return ([chunk({"role": "assistant", "content": "", "refusal": None}, None)]
            + [chunk({"content": piece}, None) for piece in _pieces(text)]
            + [chunk({}, doc["choices"][0]["finish_reason"])])


class AsyncStream:
    """What `await create(..., stream=True)` returns: `async for chunk in stream`."""

    def __init__(self, chunks):
        self._chunks = chunks

    async def _each(self):
        for chunk in self._chunks:
            yield chunk

    def __aiter__(self):
        return self._each()

    async def close(self):
        pass

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        pass


class Stream:
    """What `create(..., stream=True)` of the sync client returns: `for chunk in stream`."""

    def __init__(self, chunks):
        self._chunks = chunks

    def __iter__(self):
        return iter(self._chunks)

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        pass


_NOT_GIVEN = object()


def _body(model, messages, extra):
    doc = {"messages": messages, "model": model}
    for k in extra:
        doc[k] = extra[k]
    return json.dumps(doc)


def _status_error(resp):
    msg, body = llm_client.error_message(resp)
    # As the SDK: the exception's body is the `error` object of OpenAI's error body.
    data = body.get("error", body) if isinstance(body, dict) else body
    cls = _ERRORS.get(resp.status_code)
    if cls is None:
        cls = InternalServerError if resp.status_code >= 500 else APIStatusError
    return cls(msg, response=resp, body=data)


# What llm_client needs to raise this SDK's own exceptions.
_ERROR_TYPES = (APITimeoutError, APIConnectionError, _status_error)


class _Client:
    def __init__(self, *, api_key=None, organization=None, project=None, base_url=None,
                 timeout=DEFAULT_TIMEOUT, max_retries=DEFAULT_MAX_RETRIES, **kwargs):
        # The key is not kept: the simulated API needs none.
        self.organization = organization
        self.project = project
        self.base_url = (base_url or "https://api.openai.com/v1").rstrip("/")
        self.timeout = timeout
        self.max_retries = max_retries

    def with_options(self, *, timeout=_NOT_GIVEN, max_retries=_NOT_GIVEN, **kwargs):
        return self.__class__(
            organization=self.organization, project=self.project, base_url=self.base_url,
            timeout=self.timeout if timeout is _NOT_GIVEN else timeout,
            max_retries=self.max_retries if max_retries is _NOT_GIVEN else max_retries)

    copy = with_options

    def _prepare(self, model, messages, extra, timeout):
        url = self.base_url + "/chat/completions"
        headers = {"content-type": "application/json"}
        timeout = self.timeout if timeout is _NOT_GIVEN else timeout
        return llm_client.Request("POST", url), headers, _body(model, messages, extra), timeout


class _AsyncCompletions:
    def __init__(self, client):
        self._client = client

    async def create(self, *, messages, model, stream=False, timeout=_NOT_GIVEN, extra_headers=None,
                     extra_query=None, extra_body=None, **params):
        c = self._client
        extra = {**params, **(extra_body or {})}
        if stream:
            extra["stream"] = True
        req, headers, body, timeout = c._prepare(model, messages, extra, timeout)
        text = await llm_client.send(req, headers, body, timeout, c.max_retries, _ERROR_TYPES)
        answer = json.loads(text)
        return AsyncStream(_chunks(answer)) if stream else _completion(answer)


class _Completions:
    def __init__(self, client):
        self._client = client

    def create(self, *, messages, model, stream=False, timeout=_NOT_GIVEN, extra_headers=None,
               extra_query=None, extra_body=None, **params):
        c = self._client
        extra = {**params, **(extra_body or {})}
        if stream:
            extra["stream"] = True
        req, headers, body, timeout = c._prepare(model, messages, extra, timeout)
        text = llm_client.send_blocking(req, headers, body, timeout, c.max_retries, _ERROR_TYPES)
        answer = json.loads(text)
        return Stream(_chunks(answer)) if stream else _completion(answer)


class _Chat:
    def __init__(self, completions):
        self.completions = completions


class AsyncOpenAI(_Client):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.chat = _Chat(_AsyncCompletions(self))

    async def close(self):
        pass

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()


class OpenAI(_Client):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.chat = _Chat(_Completions(self))

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close()
