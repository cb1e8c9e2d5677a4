"""The channel layer on the real Redis: one reader per process hands each message to every channel it names."""

from __future__ import annotations

import asyncio
import uuid

from channels.layers import get_channel_layer

from realtime.channel_layer import FanOutRedisChannelLayer


def test_one_broadcast_reaches_every_channel_of_the_group_once_and_in_order():
    async def scenario() -> dict:
        layer = get_channel_layer()
        group = f"test_fanout_{uuid.uuid4().hex}"
        members = [await layer.new_channel() for _ in range(3)]
        outsider = await layer.new_channel()
        for channel in members:
            await layer.group_add(group, channel)

        receiving = [asyncio.ensure_future(_receive(layer, channel, 2)) for channel in members]
        listening = asyncio.ensure_future(layer.receive(outsider))
        await asyncio.sleep(0.1)  # every channel waits before the first send
        for seq in (1, 2):
            await layer.group_send(group, {"type": "task.event", "event": {"seq": seq}})
        received = await asyncio.wait_for(asyncio.gather(*receiving), timeout=10)
        await asyncio.sleep(0.3)
        seen = {"received": received, "outsider_waiting": not listening.done(), "inboxes": len(layer._inboxes)}

        # Consumers leaving: their waiting receives are cancelled, their inboxes dropped, and with the last one
        # the reader stops.
        leaving = [listening, *(asyncio.ensure_future(layer.receive(channel)) for channel in members)]
        await asyncio.sleep(0.05)
        for task in leaving:
            task.cancel()
        await asyncio.gather(*leaving, return_exceptions=True)
        for channel in members:
            await layer.group_discard(group, channel)
        return {**seen, "inboxes_after": len(layer._inboxes), "reader_after": layer._reader}

    seen = asyncio.run(scenario())

    assert isinstance(get_channel_layer(), FanOutRedisChannelLayer)
    event = {"type": "task.event", "event": {"seq": 1}}
    assert seen["received"] == [[event, {**event, "event": {"seq": 2}}]] * 3
    assert seen["outsider_waiting"] is True
    assert seen["inboxes"] == 4  # a member's inbox outlives one receive: a message between two is kept
    assert (seen["inboxes_after"], seen["reader_after"]) == (0, None)


async def _receive(layer: FanOutRedisChannelLayer, channel: str, count: int) -> list[dict]:
    return [await layer.receive(channel) for _ in range(count)]
