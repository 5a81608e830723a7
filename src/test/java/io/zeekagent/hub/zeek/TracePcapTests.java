package io.zeekagent.hub.zeek;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests for {@link TracePcap}: the layout of pcap-savefile(5) and checksums Zeek accepts. */
class TracePcapTests {

    @TempDir
    Path dir;

    @Test
    void writesClassicLibpcapWithFiveEthernetIpv4TcpFramesPerConnectionAndValidChecksums() throws Exception {
        Path file = dir.resolve("trace.pcap");
        TracePcap.write(file, Instant.parse("2026-11-30T00:00:00.25Z"), 2);

        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).hasSize(24 + 10 * (16 + 54));
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(in.getInt(0)).isEqualTo(0xa1b2c3d4);
        assertThat(in.getInt(20)).as("link type Ethernet").isEqualTo(1);
        assertThat(in.getInt(24)).as("seconds").isEqualTo(1_795_996_800);
        assertThat(in.getInt(28)).as("microseconds").isEqualTo(250_000);
        for (int p = 0; p < 10; p++) {
            int frame = 24 + p * 70 + 16;
            assertThat(onesComplementSum(bytes, frame + 14, 20, 0))
                    .as("IPv4 header of packet %d", p)
                    .isEqualTo(0xFFFF);
            long pseudo = onesComplementSum(bytes, frame + 26, 8, 0) + 6 + 20;
            assertThat(onesComplementSum(bytes, frame + 34, 20, pseudo))
                    .as("TCP of packet %d", p)
                    .isEqualTo(0xFFFF);
        }
        assertThat(bytes[24 + 16 + 47]).as("first flags SYN").isEqualTo((byte) 0x02);
        assertThat(bytes[24 + 4 * 70 + 16 + 47]).as("last flags FIN-ACK").isEqualTo((byte) 0x11);
    }

    private static long onesComplementSum(byte[] bytes, int offset, int length, long initial) {
        long total = initial;
        for (int i = offset; i < offset + length; i += 2) {
            total += ((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF);
        }
        while ((total >> 16) != 0) {
            total = (total & 0xFFFF) + (total >> 16);
        }
        return total;
    }
}
