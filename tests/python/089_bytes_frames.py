"""Length-prefixed frames over an asyncio.Queue: the bytes a protocol tutorial builds."""
import asyncio
import hashlib


def frame(payload: bytes) -> bytes:
    return len(payload).to_bytes(2, "big") + payload


def unframe(buffer: bytearray) -> list:
    messages = []
    while len(buffer) >= 2:
        size = int.from_bytes(buffer[:2], "big")
        if len(buffer) < 2 + size:
            break
        messages.append(bytes(buffer[2:2 + size]))
        buffer[:2 + size] = b""
    return messages


async def sender(queue: asyncio.Queue, words):
    stream = b"".join(frame(w.encode("utf-8")) for w in words)
    # Chunks of 3 bytes split frames anywhere, as a socket may.
    for i in range(0, len(stream), 3):
        await queue.put(stream[i:i + 3])
        await asyncio.sleep(0.01)
    await queue.put(b"")


async def receiver(queue: asyncio.Queue):
    buffer = bytearray()
    seen = {}
    while True:
        chunk = await queue.get()
        if not chunk:
            break
        buffer += chunk
        for message in unframe(buffer):
            seen[message] = seen.get(message, 0) + 1
            print("got", message, message.decode(), len(buffer))
    return seen


async def main():
    queue = asyncio.Queue()
    words = ["héllo", "wörld", "héllo", "asyncio", ""]
    _, seen = await asyncio.gather(sender(queue, words), receiver(queue))
    print(seen)
    print({k.decode(): v for k, v in seen.items()})
    digest = hashlib.sha256(b"".join(sorted(seen))).hexdigest()
    print(digest[:16], bytes.fromhex(digest[:8]).hex() == digest[:8])
    checksum = sum(b"".join(seen)) % 256
    print(checksum.to_bytes(1, "little"), checksum)


asyncio.run(main())
