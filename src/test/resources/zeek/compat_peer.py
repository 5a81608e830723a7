"""A Zeek process using zeek-agent-hub/compat, played on libzmq (pyzmq), used by CompatPythonPeerTests.

Connects to the hub's embedded proxy as Zeek's ZeroMQ backend does, subscribes to its inbox, waits until the hub's
subscription to the control topic reaches its XPUB, sends a malformed control event and then (every half second,
as a replaying Zeek would) the compat_subscribe it was given, and checks byte for byte the first result row that
comes back on its inbox.

Usage: compat_peer.py XPUB_ENDPOINT XSUB_ENDPOINT HUB_NODE_ID SUBSCRIBE_HEX ROW_HEX
Prints one line per step; exits 0 when the row matched.
"""
import sys
import time

import zmq

NODE_ID = b"zeromq_standalone_pyzmq_2_NZ1"
INBOX = b"zeek-agent-hub.node.zc-1."
CONTROL_TOPIC = b"zeek-agent-hub.ctl."


def say(*words):
    print(*words, flush=True)


def main():
    xpub_endpoint, xsub_endpoint, hub_id, subscribe_hex, row_hex = sys.argv[1:6]
    subscribe, row = bytes.fromhex(subscribe_hex), bytes.fromhex(row_hex)
    ctx = zmq.Context()
    xsub = ctx.socket(zmq.XSUB)
    xsub.setsockopt(zmq.LINGER, 0)
    xsub.connect(xpub_endpoint)
    xsub.send(b"\x01" + INBOX)
    xpub = ctx.socket(zmq.XPUB)
    xpub.setsockopt(zmq.LINGER, 500)
    xpub.setsockopt(zmq.XPUB_VERBOSE, 1)
    xpub.connect(xsub_endpoint)

    deadline = time.monotonic() + 15
    while True:
        if time.monotonic() > deadline or not xpub.poll(int((deadline - time.monotonic()) * 1000) + 1):
            say("FAIL no control subscription from the hub")
            return 1
        notification = xpub.recv()
        if notification[:1] == b"\x01" and notification[1:] == CONTROL_TOPIC:
            say("SAW-SUBSCRIPTION", notification[1:].decode())
            break

    xpub.send_multipart([CONTROL_TOPIC, NODE_ID, b"broker-bin-v1", bytes.fromhex("0e03020000000000000001")])
    deadline = time.monotonic() + 20
    next_send = 0.0
    while True:
        now = time.monotonic()
        if now > deadline:
            say("FAIL no row")
            return 1
        if now >= next_send:
            xpub.send_multipart([CONTROL_TOPIC, NODE_ID, b"broker-bin-v1", subscribe])
            next_send = now + 0.5
        if not xsub.poll(100):
            continue
        frames = xsub.recv_multipart()
        expected = [INBOX, hub_id.encode(), b"broker-bin-v1", row]
        if frames != expected:
            say("MISMATCH", [f.hex() for f in frames], "expected", [f.hex() for f in expected])
            return 1
        say("ROW-OK")
        return 0


if __name__ == "__main__":
    sys.exit(main())
