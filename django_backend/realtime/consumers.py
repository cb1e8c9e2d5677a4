"""WebSocket consumers: one task (`ws/tasks/<task_id>/`) or all tasks of the user's organization (`ws/tasks/`)."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from channels.consumer import get_handler_name
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from accounts.roles import is_candidate
from config.metrics import WEBSOCKET_CONNECTIONS
from realtime.auth import REFUSAL_SCOPE_KEY, TOKEN_IN_URL
from realtime.broadcast import TASK_EVENT
from realtime.connection_limits import connection_acquire, connection_refresh, connection_release, refresh_interval
from realtime.models import TaskRecord
from realtime.services import organization_group, task_event, task_group, task_history

# Close codes in the private range (4000-4999) so clients can tell why they were refused.
CLOSE_TOKEN_IN_URL = 4400  # `?token=` is no longer accepted: POST /api/ws-tickets/ and connect with `?ticket=`
CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_NOT_FOUND = 4404
CLOSE_TOO_MANY_CONNECTIONS = 4429  # the user has WS_MAX_CONNECTIONS_PER_USER sockets open already


class TaskStreamConsumer(AsyncJsonWebsocketConsumer):
    """What both task streams share: refusing unauthenticated sockets, the per-user connection cap, leaving the
    group on disconnect."""

    group = ""
    # Channel-layer messages whose handler only forwards the event to the client, touching no database.
    relayed_types: frozenset[str] = frozenset({TASK_EVENT})
    slot_user_id: int | None = None
    slot_refresher: asyncio.Task[None] | None = None

    async def authenticated_user(self) -> Any:
        """The signed-in user, or None once the socket has been refused."""
        if self.scope.get(REFUSAL_SCOPE_KEY) == TOKEN_IN_URL:
            await self.close(code=CLOSE_TOKEN_IN_URL)
            return None
        user = self.scope.get("user")
        if not user or not user.is_authenticated:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return None
        return user

    async def join(self, user: Any, group: str) -> bool:
        """Takes one of the user's connection slots, joins the group and accepts. Over the cap the socket is
        accepted and closed at once with 4429, so that clients behind a gateway see the code, not a failed
        handshake."""
        if not await connection_acquire(user.pk, self.channel_name):
            await self.accept()
            await self.close(code=CLOSE_TOO_MANY_CONNECTIONS)
            return False
        self.slot_user_id = user.pk
        WEBSOCKET_CONNECTIONS.inc()  # dec() on disconnect, with the slot
        self.slot_refresher = asyncio.create_task(self._keep_slot(user.pk))
        # Join before any snapshot is read so no change can fall between the two.
        self.group = group
        await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()
        return True

    async def _keep_slot(self, user_id: int) -> None:
        while True:
            await asyncio.sleep(refresh_interval())
            with contextlib.suppress(Exception):  # Redis briefly away: the next round tries again
                await connection_refresh(user_id, self.channel_name)

    async def disconnect(self, code: int) -> None:
        if self.slot_refresher is not None:
            self.slot_refresher.cancel()
        if self.slot_user_id is not None:
            WEBSOCKET_CONNECTIONS.dec()
            await connection_release(self.slot_user_id, self.channel_name)
            self.slot_user_id = None
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def dispatch(self, message: dict[str, Any]) -> None:
        # Channels runs close_old_connections before every handler, a hop through the process's one sync thread;
        # a broadcast reaches each client of the process, so a thousand clients meant a thousand hops in a row
        # (one task event took over half a second to reach them all). Relaying an event reads no database.
        if message["type"] in self.relayed_types:
            await getattr(self, get_handler_name(message))(message)
            return
        await super().dispatch(message)

    async def task_event(self, message: dict[str, Any]) -> None:
        await self.send_json(message["event"])


class TaskConsumer(TaskStreamConsumer):
    """Streams one task: a `connection` snapshot, missed events replayed, then live events."""

    async def connect(self) -> None:
        user = await self.authenticated_user()
        if user is None:
            return
        task_id = self.scope["url_route"]["kwargs"]["task_id"]
        record = await self._record(task_id)
        if record is None:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        # A candidate's account belongs to an organization too, but never sees its tasks.
        if is_candidate(user) or (not user.is_superuser and record.organization_id != user.organization_id):
            await self.close(code=CLOSE_FORBIDDEN)
            return
        if not await self.join(user, task_group(task_id)):
            return
        record = await self._record(task_id)
        assert record is not None
        await self.send_json(task_event(record, "connection"))
        for event in task_history(record):
            await self.send_json(event)

    @database_sync_to_async
    def _record(self, task_id: str) -> TaskRecord | None:
        return TaskRecord.objects.select_related("target_type").filter(task_id=task_id).first()


class OrganizationTasksConsumer(TaskStreamConsumer):
    """Streams every task event of the signed-in user's organization."""

    async def connect(self) -> None:
        user = await self.authenticated_user()
        if user is None:
            return
        if not user.organization_id or is_candidate(user):
            await self.close(code=CLOSE_FORBIDDEN)
            return
        if not await self.join(user, organization_group(user.organization_id)):
            return
        await self.send_json({"type": "connection", "organization_id": user.organization_id})


class UnknownPathConsumer(AsyncJsonWebsocketConsumer):
    """Any other `ws/` path: answered with the not-found close code, where routing would fail with a server error."""

    async def connect(self) -> None:
        await self.close(code=CLOSE_NOT_FOUND)
