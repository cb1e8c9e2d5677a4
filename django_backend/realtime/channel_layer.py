"""The channel layer: channels_redis's RedisChannelLayer, with one reader per process for its sockets' messages.

RedisChannelLayer.receive lets the consumers of a process take turns reading the process's messages from Redis:
each waiting consumer holds two asyncio tasks (its buffer and a shared receive lock), and every message that wakes
it makes two new ones and takes it off the lock's queue. A broadcast wakes every consumer of its group at once, so
with a thousand sockets one event cost daphne about twice the CPU time of relaying it (`make bench-ws`).

Here one reader task per event loop pops the process's messages and puts each into the inbox of every channel it
names; a consumer's receive waits on its own inbox only. Storage in Redis, capacity, expiry and groups are the
parent's. A failed read (Redis down) is handed to every consumer of the process, which ends as it did before, so
its socket closes and the client knows to reconnect.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from channels_redis.core import BoundedQueue, ChannelLock, RedisChannelLayer


class FanOutRedisChannelLayer(RedisChannelLayer):
    """RedisChannelLayer whose process-specific channels (`specific.<process>!<id>`) are read by one reader."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._inboxes: dict[str, BoundedQueue] = {}
        self._reader: asyncio.Task[None] | None = None
        self._reader_loop: asyncio.AbstractEventLoop | None = None  # the loop the reader and its lock belong to

    async def receive(self, channel: str) -> Any:
        if "!" not in channel:  # a shared channel: the parent's receive
            return await super().receive(channel)
        assert self.require_valid_channel_name(channel)
        self._start_reader(self.non_local_name(channel))
        inbox = self._inboxes.get(channel)
        if inbox is None:
            inbox = self._inboxes[channel] = BoundedQueue(self.capacity)
        try:
            item = await inbox.get()
        except asyncio.CancelledError:  # the consumer is leaving: nothing reads this inbox any more
            await self._forget(channel)
            raise
        if isinstance(item, Exception):
            await self._forget(channel)
            raise item
        return item

    async def _forget(self, channel: str) -> None:
        """Drop the channel's inbox; the last one out stops the reader and waits for it, so that the Redis lock
        it holds is released before the event loop can end (a test's loop, say)."""
        self._inboxes.pop(channel, None)
        reader, self._reader = (self._reader, None) if not self._inboxes else (None, self._reader)
        if reader is not None and not reader.done():
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await reader

    def _start_reader(self, process_channel: str) -> None:
        loop = asyncio.get_running_loop()
        if self._reader_loop is not None and self._reader_loop is not loop:
            # The last reader's event loop ended (tests run a loop each), perhaps before the reader let go of the
            # receive lock: its consumers are gone, and the lock belongs to that loop.
            self._inboxes.clear()
            self.receive_clean_locks = ChannelLock()
            self._reader = None
        self._reader_loop = loop
        if self._reader is None or self._reader.done():
            self._reader = loop.create_task(self._read(process_channel))

    async def _read(self, process_channel: str) -> None:
        try:
            while True:
                names, message = await self.receive_single(process_channel)
                for name in names if isinstance(names, list) else [names]:
                    inbox = self._inboxes.get(name)
                    if inbox is not None:  # else its consumer has gone: the message has nobody to reach
                        inbox.put_nowait(message)
        except Exception as error:
            for inbox in self._inboxes.values():
                inbox.put_nowait(error)
