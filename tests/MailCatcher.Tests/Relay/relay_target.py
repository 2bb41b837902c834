"""A real SMTP relay for MailCatcher's relay tests: Debian's aiosmtpd, not our code.

Binds 127.0.0.1 on a free port (port 0) and prints "PORT <n>". Every message it accepts is
written to DIR as <n>.eml (the exact DATA bytes) and <n>.json (the envelope). Files in DIR
steer it while it runs:
  reply  -> answer every RCPT TO with this line instead (e.g. "550 5.1.1 No such user")
  reply-<address> -> answer RCPT TO for that one address (lower case) with this line instead
  down   -> drop every new connection at once, before the greeting (a relay that is down)
  hang   -> accept connections but never greet (a relay that hangs)
  delay  -> wait this many seconds after DATA before storing and answering (a slow relay)
--auth USER:PASSWORD requires SMTP AUTH with those credentials (over plain text, for tests).
"""
import argparse
import asyncio
import json
import os
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Handler:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        for name in ("reply-" + address.lower(), "reply"):
            reply = os.path.join(self.folder, name)
            if os.path.exists(reply):
                with open(reply, encoding="utf-8") as f:
                    return f.read().strip()
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        delay = os.path.join(self.folder, "delay")
        if os.path.exists(delay):
            with open(delay, encoding="utf-8") as f:
                await asyncio.sleep(float(f.read().strip()))
        self.count += 1
        base = os.path.join(self.folder, str(self.count))
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content)
        with open(base + ".json", "w", encoding="utf-8") as f:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos}, f)
        os.rename(base + ".eml.tmp", base + ".eml")
        return "250 2.0.0 OK: stored as %d" % self.count


class ControlledSMTP(SMTP):
    def connection_made(self, transport):
        if os.path.exists(os.path.join(self.event_handler.folder, "down")):
            transport.abort()
            return
        if os.path.exists(os.path.join(self.event_handler.folder, "hang")):
            self._hung = transport  # keep it open, say nothing
            return
        super().connection_made(transport)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--auth")
    args = parser.parse_args()
    handler = Handler(args.dir)
    options = {}
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
            return AuthResult(success=ok, handled=False)

        options = dict(authenticator=authenticator, auth_required=True, auth_require_tls=False)

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(
        lambda: ControlledSMTP(handler, hostname="relay.test", decode_data=False, **options), "127.0.0.1", 0))
    print("PORT %d" % server.sockets[0].getsockname()[1], flush=True)
    try:
        loop.run_forever()
    finally:
        server.close()


if __name__ == "__main__":
    sys.exit(main())
