"""WebSocket consumers: one task (`ws/tasks/<task_id>/`) or all tasks of the user's organization (`ws/tasks/`)."""

from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from realtime.models import TaskRecord
from realtime.services import organization_group, task_event, task_group, task_history

# Close codes in the private range (4000-4999) so clients can tell why they were refused.
CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_NOT_FOUND = 4404


class TaskConsumer(AsyncJsonWebsocketConsumer):
    """Streams one task: a `connection` snapshot, missed events replayed, then live events."""

    async def connect(self) -> None:
        user = self.scope.get("user")
        if not user or not user.is_authenticated:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        task_id = self.scope["url_route"]["kwargs"]["task_id"]
        record = await self._record(task_id)
        if record is None:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        if not user.is_superuser and record.organization_id != user.organization_id:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        # Join before reading the snapshot so no change can fall between the two.
        self.group = task_group(task_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        record = await self._record(task_id)
        assert record is not None
        await self.send_json(task_event(record, "connection"))
        for event in task_history(record):
            await self.send_json(event)

    async def disconnect(self, code: int) -> None:
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def task_event(self, message: dict[str, Any]) -> None:
        await self.send_json(message["event"])

    @database_sync_to_async
    def _record(self, task_id: str) -> TaskRecord | None:
        return TaskRecord.objects.select_related("target_type").filter(task_id=task_id).first()


class OrganizationTasksConsumer(AsyncJsonWebsocketConsumer):
    """Streams every task event of the signed-in user's organization."""

    async def connect(self) -> None:
        user = self.scope.get("user")
        if not user or not user.is_authenticated:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        if not user.organization_id:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        self.group = organization_group(user.organization_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self.send_json({"type": "connection", "organization_id": user.organization_id})

    async def disconnect(self, code: int) -> None:
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def task_event(self, message: dict[str, Any]) -> None:
        await self.send_json(message["event"])
