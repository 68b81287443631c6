"""An independent Matrix client (matrix-nio, with end-to-end encryption) that talks to the bot.

Usage: python matrix_nio.py HOMESERVER USER PASSWORD BOT_USER_ID
Opens an encrypted direct chat with the bot, asks a question, and prints what came back as JSON.
Exits non-zero when no decryptable answer arrives. Used by tests/matrix.rs.
"""
import asyncio
import json
import sys
import tempfile

from nio import AsyncClient, AsyncClientConfig, LoginResponse, RoomMessageNotice, RoomMessageText, RoomPreset


async def main(url, user, password, bot):
    store = tempfile.mkdtemp(prefix="nio-store")
    client = AsyncClient(url, user, store_path=store, config=AsyncClientConfig(encryption_enabled=True))
    resp = await client.login(password, device_name="nio-test")
    if not isinstance(resp, LoginResponse):
        sys.exit(f"login failed: {resp}")
    if client.should_upload_keys:
        await client.keys_upload()
    await client.sync(timeout=500, full_state=True)
    created = await client.room_create(
        is_direct=True,
        invite=[bot],
        preset=RoomPreset.trusted_private_chat,
        initial_state=[{"type": "m.room.encryption", "state_key": "", "content": {"algorithm": "m.megolm.v1.aes-sha2"}}],
    )
    room_id = created.room_id
    answers = []

    def on_message(room, event):
        if room.room_id == room_id and event.sender == bot:
            answers.append(event)

    client.add_event_callback(on_message, (RoomMessageText, RoomMessageNotice))
    for _ in range(240):
        await client.sync(timeout=250)
        room = client.rooms.get(room_id)
        if room is not None and bot in room.users and bot not in room.invited_users:
            break
    else:
        sys.exit("the bot did not join")
    if client.should_query_keys:
        await client.keys_query()
    await client.room_send(
        room_id, "m.room.message", {"msgtype": "m.text", "body": "Wat is een BSN?"}, ignore_unverified_devices=True
    )
    for _ in range(240):
        await client.sync(timeout=250)
        if answers:
            break
    await client.close()
    if not answers:
        sys.exit("no answer arrived")
    a = answers[0]
    print(
        json.dumps(
            {
                "body": a.body,
                "formatted_body": a.formatted_body,
                "msgtype": a.source.get("content", {}).get("msgtype"),
                "decrypted": bool(getattr(a, "decrypted", False)),
                "encrypted_room": client.rooms[room_id].encrypted,
            }
        )
    )


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:5]))
