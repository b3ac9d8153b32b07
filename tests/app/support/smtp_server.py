"""A real SMTP server for the tests (aiosmtpd, from Debian's python3-aiosmtpd).

    python3 smtp_server.py PORT DIR

Accepts every message and writes it to DIR as one .eml file, with the envelope's
recipients in an X-Envelope-To line first. Refuses recipients whose address starts with
"bounce" (550, a permanent failure) and, once, those starting with "later" (451, a
temporary one). Prints "ready" when it listens; stops when its stdin closes.
"""
import os
import sys
import time

from aiosmtpd.controller import Controller


class Handler:
    def __init__(self, out):
        self.out = out
        self.count = 0
        self.deferred = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("bounce"):
            return "550 5.1.1 No such user here"
        if address.startswith("later") and address not in self.deferred:
            self.deferred.add(address)
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        name = os.path.join(self.out, "%d-%06d.eml" % (time.time_ns(), self.count))
        with open(name + ".part", "wb") as f:
            f.write(("X-Envelope-To: %s\r\n" % ",".join(envelope.rcpt_tos)).encode())
            f.write(envelope.original_content or envelope.content)
        os.rename(name + ".part", name)
        return "250 2.0.0 Accepted"


def main():
    port, out = int(sys.argv[1]), sys.argv[2]
    controller = Controller(Handler(out), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
