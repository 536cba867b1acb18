"""A stand-in for a running Composer, in its own process: test_single_instance's peer.

    python single_instance_peer.py SOCKET_PATH REPLY RECORD

Listens on SOCKET_PATH (a Unix socket), prints "listening", takes one
connection, writes the request line it got to RECORD, then answers REPLY
("ok", "ending") or, for "silent", nothing until the sender hangs up. It keeps
listening (accepting nobody) until killed. A process of its own, because the
sender blocks in Qt's socket calls and a peer in a thread of the test's
process would wait for the interpreter lock meanwhile.
"""

from __future__ import annotations

import json
import socket
import sys
import time

REPLIES = {
    "ok": {"protocol": 1, "ok": True},
    "ending": {"protocol": 1, "ok": False, "reason": "ending"},
}


def main() -> None:
    path, reply, record = sys.argv[1:4]
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(path)
    listener.listen(8)
    print("listening", flush=True)
    peer, _ = listener.accept()
    data = b""
    while not data.endswith(b"\n"):
        chunk = peer.recv(65536)
        if not chunk:
            break
        data += chunk
    with open(record, "wb") as out:
        out.write(data)
    if reply == "silent":
        peer.recv(1)  # until the sender gives up
    else:
        peer.sendall(json.dumps(REPLIES[reply]).encode() + b"\n")
    peer.close()
    while True:
        time.sleep(1)


if __name__ == "__main__":
    main()
