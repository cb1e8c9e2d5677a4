"""A cap on open WebSocket connections per user, shared by every server process through Redis.

Each open socket is a member of its user's sorted set, scored with the time it stops counting. A live socket
pushes that time forward every third of WS_CONNECTION_COUNT_TTL_SECONDS; a process that crashed stops doing so,
and its sockets stop counting one TTL later instead of holding the user's slots forever.
"""

from __future__ import annotations

import math
import time
from functools import cache

import redis
from asgiref.sync import sync_to_async
from django.conf import settings

KEY_PREFIX = "ws-connections"

# Atomic check-and-add, so two sockets opening at once cannot both take the last slot.
ACQUIRE = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
redis.call('EXPIRE', KEYS[1], ARGV[5])
return 1
"""


@cache
def _client() -> redis.Redis:
    return redis.Redis.from_url(settings.REDIS_URL)


def _key(user_id: int) -> str:
    return f"{KEY_PREFIX}:{user_id}"


def refresh_interval() -> float:
    return settings.WS_CONNECTION_COUNT_TTL_SECONDS / 3


def _acquire(user_id: int, connection: str) -> bool:
    now = time.time()
    ttl = settings.WS_CONNECTION_COUNT_TTL_SECONDS
    cap = settings.WS_MAX_CONNECTIONS_PER_USER
    acquired = _client().eval(ACQUIRE, 1, _key(user_id), now, cap, now + ttl, connection, math.ceil(ttl))
    return bool(acquired)


def _refresh(user_id: int, connection: str) -> None:
    ttl = settings.WS_CONNECTION_COUNT_TTL_SECONDS
    pipeline = _client().pipeline()
    pipeline.zadd(_key(user_id), {connection: time.time() + ttl}, xx=True)
    pipeline.expire(_key(user_id), math.ceil(ttl))
    pipeline.execute()


def _release(user_id: int, connection: str) -> None:
    _client().zrem(_key(user_id), connection)


def open_connections(user_id: int) -> int:
    client = _client()
    client.zremrangebyscore(_key(user_id), "-inf", time.time())
    return int(client.zcard(_key(user_id)))  # type: ignore[arg-type]


# Blocking Redis calls run in a worker thread, off the event loop of the consumers.
connection_acquire = sync_to_async(_acquire, thread_sensitive=False)
connection_refresh = sync_to_async(_refresh, thread_sensitive=False)
connection_release = sync_to_async(_release, thread_sensitive=False)
