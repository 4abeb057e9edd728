# loop.add_signal_handler / remove_signal_handler: accepted on the running loop with asyncio's
# checks; a graceful-shutdown pattern (a signal sets an Event) whose signal never comes, so the
# wait times out; a closed loop refuses; closing a loop forgets its handlers.
import asyncio
import signal


def on_signal(name, stop):
    print("never called:", name)
    stop.set()


async def coro_handler():
    pass


async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        print(loop.add_signal_handler(sig, on_signal, sig.name, stop))
    try:
        await asyncio.wait_for(stop.wait(), timeout=0.2)
    except TimeoutError:
        print(f"no signal after {loop.time() - start:.1f}s")
    print(loop.remove_signal_handler(signal.SIGTERM), loop.remove_signal_handler(signal.SIGTERM))
    print(loop.remove_signal_handler(signal.SIGHUP), loop.add_signal_handler(signal.SIGUSR1, print, "x"))
    for call in [lambda: loop.add_signal_handler(signal.SIGINT), lambda: loop.add_signal_handler(),
                 lambda: loop.add_signal_handler("x", print), lambda: loop.add_signal_handler(99, print),
                 lambda: loop.add_signal_handler(32, print), lambda: loop.add_signal_handler(signal.SIGKILL, print),
                 lambda: loop.add_signal_handler(signal.SIGSTOP, print), lambda: loop.add_signal_handler(2, coro_handler),
                 lambda: loop.add_signal_handler(2, print, end=""), lambda: loop.remove_signal_handler(0),
                 lambda: loop.remove_signal_handler(), lambda: loop.remove_signal_handler(2, 3)]:
        try:
            print(call())
        except (TypeError, ValueError, RuntimeError) as e:
            print(type(e).__name__ + ":", e)


loop = asyncio.new_event_loop()
start = loop.time()
loop.run_until_complete(main())
loop.add_signal_handler(signal.SIGUSR2, print)
print(loop.remove_signal_handler(signal.SIGUSR2), loop.remove_signal_handler(signal.SIGUSR2))
loop.add_signal_handler(signal.SIGUSR2, print)
loop.close()
print(loop.remove_signal_handler(signal.SIGUSR2))
try:
    loop.add_signal_handler(signal.SIGUSR2, print)
except RuntimeError as e:
    print("RuntimeError:", e)
