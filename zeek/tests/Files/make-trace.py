#!/usr/bin/env python3
"""Writes a classic libpcap trace (Ethernet/IPv4/TCP) of short TCP connections: SYN, SYN-ACK, ACK, FIN-ACK,
FIN-ACK each, with correct IP and TCP checksums, so Zeek reads it without -C.

Usage: make-trace.py OUT.pcap [FIRST_EPOCH_SECONDS [CONNECTIONS]]
  FIRST_EPOCH_SECONDS  time of the first packet (default: now), connections start 0.1 s apart
  CONNECTIONS          how many connections (default 1): 10.0.0.1:50000+i -> 10.0.0.2:443
"""
import struct
import sys
import time


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def packet(src, dst, sport, dport, seq, ack, flags):
    tcp = struct.pack("!HHIIBBHHH", sport, dport, seq, ack, 5 << 4, flags, 65535, 0, 0)
    pseudo = src + dst + struct.pack("!BBH", 0, 6, len(tcp))
    tcp = tcp[:16] + struct.pack("!H", checksum(pseudo + tcp)) + tcp[18:]
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp), 1, 0x4000, 64, 6, 0, src, dst)
    ip = ip[:10] + struct.pack("!H", checksum(ip)) + ip[12:]
    ether = b"\x02\x00\x00\x00\x00\x02" + b"\x02\x00\x00\x00\x00\x01" + b"\x08\x00"
    return ether + ip + tcp


def main():
    out = sys.argv[1]
    first = float(sys.argv[2]) if len(sys.argv) > 2 else time.time()
    connections = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    orig, resp = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])
    with open(out, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i in range(connections):
            t = first + i * 0.1
            sport, c, s = 50000 + i, 1000, 5000
            steps = [
                (orig, resp, sport, 443, c, 0, 0x02),
                (resp, orig, 443, sport, s, c + 1, 0x12),
                (orig, resp, sport, 443, c + 1, s + 1, 0x10),
                (orig, resp, sport, 443, c + 1, s + 1, 0x11),
                (resp, orig, 443, sport, s + 1, c + 2, 0x11),
            ]
            for k, (src, dst, sp, dp, seq, ack, flags) in enumerate(steps):
                frame = packet(src, dst, sp, dp, seq, ack, flags)
                ts = t + k * 0.001
                f.write(struct.pack("<IIII", int(ts), int(round((ts % 1) * 1e6)) % 1000000, len(frame), len(frame)))
                f.write(frame)


if __name__ == "__main__":
    main()
