"""The live conversation of one application (`ws/chat/<application_id>/`): its recruiters and its candidate.

Signed in as for the task streams (realtime.auth: a ticket or the session), with the same per-user connection cap.
Messages are sent through the API; the socket pushes each new one, and read receipts, to both sides.
"""

from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async

from messaging.selectors import ChatAccess, chat_access, unread_counts
from messaging.services import chat_group
from realtime.consumers import CLOSE_FORBIDDEN, CLOSE_NOT_FOUND, TaskStreamConsumer


class ChatConsumer(TaskStreamConsumer):
    """A `connection` snapshot (the caller's side and unread count), then `chat.message` and `chat.read` events."""

    async def connect(self) -> None:
        user = await self.authenticated_user()
        if user is None:
            return
        application_id = self.scope["url_route"]["kwargs"]["application_id"]
        access = await self._access(user, application_id)
        if not access.exists:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        if access.side is None or access.application is None:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        if not await self.join(user, chat_group(application_id)):
            return
        unread = await database_sync_to_async(unread_counts)(application=access.application)
        await self.send_json(
            {"type": "connection", "application_id": application_id, "side": access.side, "unread": unread[access.side]}
        )

    @database_sync_to_async
    def _access(self, user: Any, application_id: int) -> ChatAccess:
        return chat_access(user=user, application_id=application_id)

    async def chat_event(self, message: dict[str, Any]) -> None:
        await self.send_json(message["event"])
