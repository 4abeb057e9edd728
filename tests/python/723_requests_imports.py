# requests' import forms: requests.exceptions as a submodule, names re-exported at the top,
# and requests.Timeout catching a read timeout through its parents
import requests
import requests.exceptions
from requests.exceptions import ConnectionError as RequestsConnectionError, RequestException

print(requests.exceptions.HTTPError is requests.HTTPError)
print(issubclass(requests.ReadTimeout, requests.Timeout), issubclass(requests.Timeout, RequestException))
print(issubclass(requests.exceptions.ConnectTimeout, RequestsConnectionError))
print(issubclass(requests.exceptions.MissingSchema, ValueError), issubclass(RequestException, OSError))
print(requests.codes.ok, requests.codes.OK, requests.codes.too_many_requests, requests.codes.teapot)
for url in ["https://example.com/status/500", "https://example.com/status/429", "https://example.com/users/2"]:
    r = requests.get(url)
    try:
        r.raise_for_status()
        print(url, "->", r.status_code, r.json()["email"])
    except requests.HTTPError as e:
        print(url, "->", e.response.status_code, e)
s = requests.Session()
s.params = {"page": 2}
r = s.get("https://example.com/posts", params={"userId": 3}, headers={"X-Trace": "1"})
print(r.url, r.request.headers["X-Trace"], r.request.headers["x-trace"], sorted(r.request.headers.keys()))
try:
    s.get("https://example.com/delay/1", timeout=(2, 0.3))
except requests.Timeout as e:
    print(type(e).__name__, e)
print(requests.post("https://example.com/echo", data="raw text").json())
