"""A Zeek process of the zeek-agent-hub package played on libzmq (pyzmq), used by ZeekPythonPeerTests.

Connects to the hub's embedded proxy as Zeek's ZeroMQ backend does (XSUB -> proxy XPUB, XPUB -> proxy XSUB),
subscribes to its inbox and to the hello topic with raw 0x01 frames, waits until the hub's subscription to the
request topic reaches its XPUB, sends garbage and then the request, and checks byte for byte the response on its
inbox and the hub's hello.

Usage: zeek_peer.py XPUB_ENDPOINT XSUB_ENDPOINT HUB_NODE_ID REQUEST_HEX RESPONSE_HEX HELLO_HEX
Prints one line per step; exits 0 when everything matched.
"""
import sys
import time

import zmq

NODE_ID = b"zeromq_standalone_pyzmq_1_NZ1"
INBOX = b"zeek-agent-hub.node.Z1."
REQUEST_TOPIC = b"zeek-agent-hub.req."
HELLO_TOPIC = b"zeek-agent-hub.hello."


def say(*words):
    print(*words, flush=True)


def main():
    xpub_endpoint, xsub_endpoint, hub_id, request_hex, response_hex, hello_hex = sys.argv[1:7]
    request, response, hello = (bytes.fromhex(h) for h in (request_hex, response_hex, hello_hex))
    ctx = zmq.Context()
    xsub = ctx.socket(zmq.XSUB)
    xsub.setsockopt(zmq.LINGER, 0)
    xsub.connect(xpub_endpoint)
    xsub.send(b"\x01" + INBOX)
    xsub.send(b"\x01" + HELLO_TOPIC)
    xpub = ctx.socket(zmq.XPUB)
    xpub.setsockopt(zmq.LINGER, 500)
    xpub.setsockopt(zmq.XPUB_VERBOSE, 1)
    xpub.connect(xsub_endpoint)

    deadline = time.monotonic() + 15
    while True:
        if time.monotonic() > deadline or not xpub.poll(int((deadline - time.monotonic()) * 1000) + 1):
            say("FAIL no request subscription from the hub")
            return 1
        notification = xpub.recv()
        if notification[:1] == b"\x01" and notification[1:] == REQUEST_TOPIC:
            say("SAW-SUBSCRIPTION", notification[1:].decode())
            break

    xpub.send_multipart([REQUEST_TOPIC, NODE_ID, b"broker-bin-v1", b"\x0e\x03\x02"])
    xpub.send_multipart([REQUEST_TOPIC, b"three", b"frames"])
    got_response = got_hello = False
    deadline = time.monotonic() + 20
    next_send = 0.0
    while not (got_response and got_hello):
        now = time.monotonic()
        if now > deadline:
            say("FAIL response", got_response, "hello", got_hello)
            return 1
        if not got_response and now >= next_send:
            # The hub answers only once it has seen this inbox's subscription, which may trail the request.
            xpub.send_multipart([REQUEST_TOPIC, NODE_ID, b"broker-bin-v1", request])
            next_send = now + 0.5
        if not xsub.poll(100):
            continue
        frames = xsub.recv_multipart()
        if frames[0] == INBOX and not got_response:
            expected = [INBOX, hub_id.encode(), b"broker-bin-v1", response]
            if frames != expected:
                say("MISMATCH", [f.hex() for f in frames], "expected", [f.hex() for f in expected])
                return 1
            say("RESPONSE-OK")
            got_response = True
        elif frames[0] == HELLO_TOPIC and not got_hello:
            expected = [HELLO_TOPIC, hub_id.encode(), b"broker-bin-v1", hello]
            if frames != expected:
                say("MISMATCH", [f.hex() for f in frames], "expected", [f.hex() for f in expected])
                return 1
            say("HELLO-OK")
            got_hello = True
    xsub.close()
    xpub.close()
    ctx.term()
    return 0


if __name__ == "__main__":
    sys.exit(main())
