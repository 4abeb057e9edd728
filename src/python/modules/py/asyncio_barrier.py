"""`asyncio.Barrier` (3.11), as asyncio's own is written: over an `asyncio.Condition`, whose
waits are drawn as its. States: filling, draining, resetting, broken.
"""

import asyncio


class Barrier:
    __module__ = "asyncio.locks"  # where asyncio defines it, as its repr says

    def __init__(self, parties):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._cond = asyncio.Condition()  # notifies every task when the state changes
        self._parties = parties
        self._state = "filling"
        self._count = 0  # tasks in the barrier

    def __repr__(self):
        extra = self._state
        if not self.broken:
            extra += f", waiters:{self.n_waiting}/{self.parties}"
        return f"<asyncio.locks.Barrier object at {hex(id(self))} [{extra}]>"

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        """Waits until `parties` tasks wait; returns this task's arrival index (0 first)."""
        async with self._cond:
            await self._block()  # while the barrier drains or resets
            try:
                index = self._count
                self._count += 1
                if index + 1 == self._parties:
                    self._state = "draining"  # the last one in lets them all go
                    self._cond.notify_all()
                else:
                    await self._cond.wait_for(lambda: self._state != "filling")
                    if self._state in ("broken", "resetting"):
                        raise asyncio.BrokenBarrierError("Abort or reset of barrier")
                return index
            finally:
                self._count -= 1
                self._exit()

    async def _block(self):
        await self._cond.wait_for(lambda: self._state not in ("draining", "resetting"))
        if self._state == "broken":
            raise asyncio.BrokenBarrierError("Barrier aborted")

    def _exit(self):
        # The last task out of a draining or reset barrier fills it again.
        if self._count == 0:
            if self._state in ("resetting", "draining"):
                self._state = "filling"
            self._cond.notify_all()

    async def reset(self):
        """Back to the initial state; the tasks waiting get BrokenBarrierError."""
        async with self._cond:
            self._state = "resetting" if self._count > 0 else "filling"
            self._cond.notify_all()

    async def abort(self):
        """Breaks the barrier: waiting tasks, and later `wait()`s, get BrokenBarrierError."""
        async with self._cond:
            self._state = "broken"
            self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count if self._state == "filling" else 0

    @property
    def broken(self):
        return self._state == "broken"
