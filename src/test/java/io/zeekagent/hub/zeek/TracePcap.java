package io.zeekagent.hub.zeek;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes a classic libpcap trace (magic a1b2c3d4, microseconds, link type 1) of short TCP connections between
 * 10.0.0.1:50000+i and 10.0.0.2:443: SYN, SYN-ACK, ACK, FIN-ACK, FIN-ACK each (the trace ends with the second FIN,
 * so no stray connection follows), with correct IPv4 and TCP checksums so Zeek needs no {@code -C}.
 */
final class TracePcap {

    private static final int FRAME = 14 + 20 + 20;
    private static final byte SYN = 0x02;
    private static final byte SYN_ACK = 0x12;
    private static final byte ACK = 0x10;
    private static final byte FIN_ACK = 0x11;

    private TracePcap() {}

    static void write(Path file, Instant first, int connections) throws IOException {
        ByteBuffer out =
                ByteBuffer.allocate(24 + connections * 5 * (16 + FRAME)).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0xa1b2c3d4)
                .putShort((short) 2)
                .putShort((short) 4)
                .putInt(0)
                .putInt(0)
                .putInt(65535)
                .putInt(1);
        byte[] orig = {10, 0, 0, 1};
        byte[] resp = {10, 0, 0, 2};
        for (int i = 0; i < connections; i++) {
            long startMicros = first.getEpochSecond() * 1_000_000L + first.getNano() / 1000 + i * 100_000L;
            int sport = 50000 + i;
            int c = 1000;
            int s = 5000;
            packet(out, startMicros, orig, resp, sport, 443, c, 0, SYN);
            packet(out, startMicros + 1000, resp, orig, 443, sport, s, c + 1, SYN_ACK);
            packet(out, startMicros + 2000, orig, resp, sport, 443, c + 1, s + 1, ACK);
            packet(out, startMicros + 3000, orig, resp, sport, 443, c + 1, s + 1, FIN_ACK);
            packet(out, startMicros + 4000, resp, orig, 443, sport, s + 1, c + 2, FIN_ACK);
        }
        Files.write(file, out.array());
    }

    private static void packet(
            ByteBuffer out, long micros, byte[] src, byte[] dst, int sport, int dport, int seq, int ack, byte flags) {
        out.putInt((int) (micros / 1_000_000L))
                .putInt((int) (micros % 1_000_000L))
                .putInt(FRAME)
                .putInt(FRAME);
        ByteBuffer f = ByteBuffer.allocate(FRAME).order(ByteOrder.BIG_ENDIAN);
        f.put(new byte[] {2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1, 8, 0});
        f.put((byte) 0x45)
                .put((byte) 0)
                .putShort((short) 40)
                .putShort((short) 1)
                .putShort((short) 0x4000);
        f.put((byte) 64).put((byte) 6).putShort((short) 0).put(src).put(dst);
        f.putShort(24, checksum(f.array(), 14, 20, 0));
        f.position(34);
        f.putShort((short) sport).putShort((short) dport).putInt(seq).putInt(ack);
        f.put((byte) 0x50)
                .put(flags)
                .putShort((short) 65535)
                .putShort((short) 0)
                .putShort((short) 0);
        long pseudo = sum(src, 0, 4) + sum(dst, 0, 4) + 6 + 20;
        f.putShort(34 + 16, checksum(f.array(), 34, 20, pseudo));
        out.put(f.array());
    }

    private static short checksum(byte[] bytes, int offset, int length, long initial) {
        long total = initial + sum(bytes, offset, length);
        while ((total >> 16) != 0) {
            total = (total & 0xFFFF) + (total >> 16);
        }
        return (short) (~total & 0xFFFF);
    }

    private static long sum(byte[] bytes, int offset, int length) {
        long total = 0;
        for (int i = offset; i < offset + length; i += 2) {
            total += ((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF);
        }
        return total;
    }
}
