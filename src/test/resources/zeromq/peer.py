"""A Zeek-style cluster node written against libzmq (pyzmq), used by PythonPeerInteropTests.

It connects to the hub's embedded proxy exactly as a Zeek node does (XSUB -> proxy XPUB, XPUB -> proxy XSUB),
subscribes with a raw 0x01 frame, waits for the hub's own subscription to reach its XPUB, publishes a 4-frame
broker-bin-v1 event, and checks byte for byte the 4-frame event the hub publishes to it.

Usage: peer.py XPUB_ENDPOINT XSUB_ENDPOINT HUB_NODE_ID PAYLOAD_HEX
Prints one line per step; exits 0 when everything matched.
"""
import sys
import time

import zmq

PEER_ID = b"zeromq_python_peer"
HUB_TOPIC = b"/zeek/zeek-agent/zeek/ZeekMaster"
HUB_PREFIX = b"/zeek/zeek-agent/zeek/"
PEER_TOPIC = b"/zeek/zeek-agent/hosts"


def say(*words):
    print(*words, flush=True)


def main():
    xpub_endpoint, xsub_endpoint, hub_id, payload_hex = sys.argv[1:5]
    payload = bytes.fromhex(payload_hex)
    ctx = zmq.Context()
    xsub = ctx.socket(zmq.XSUB)
    xsub.setsockopt(zmq.LINGER, 0)
    xsub.connect(xpub_endpoint)
    xsub.send(b"\x01" + PEER_TOPIC)
    xpub = ctx.socket(zmq.XPUB)
    xpub.setsockopt(zmq.LINGER, 500)
    xpub.setsockopt(zmq.XPUB_VERBOSE, 1)
    xpub.connect(xsub_endpoint)

    deadline = time.monotonic() + 15
    while True:
        if time.monotonic() > deadline or not xpub.poll(int((deadline - time.monotonic()) * 1000) + 1):
            say("FAIL no subscription from the hub")
            return 1
        notification = xpub.recv()
        if notification[:1] == b"\x01" and HUB_TOPIC.startswith(notification[1:]) and notification[1:]:
            say("SAW-SUBSCRIPTION", notification[1:].decode())
            break

    xpub.send_multipart([HUB_TOPIC, b"only", b"two-frames"])
    xpub.send_multipart([HUB_TOPIC, PEER_ID, b"broker-bin-v1", payload])
    say("PUBLISHED")

    if not xsub.poll(15000):
        say("FAIL nothing received from the hub")
        return 1
    frames = xsub.recv_multipart()
    expected = [PEER_TOPIC, hub_id.encode(), b"broker-bin-v1", payload]
    if frames != expected:
        say("MISMATCH", [f.hex() for f in frames], "expected", [f.hex() for f in expected])
        return 1
    say("RECEIVED-OK")

    # Stay connected across several of the proxy's heartbeat intervals, then publish again: the connection must
    # survive JeroMQ PINGs answered by libzmq.
    time.sleep(3)
    xpub.send_multipart([HUB_TOPIC, PEER_ID, b"broker-bin-v1", payload])
    say("PUBLISHED-AGAIN")
    time.sleep(0.5)
    xsub.close()
    xpub.close()
    ctx.term()
    return 0


if __name__ == "__main__":
    sys.exit(main())
