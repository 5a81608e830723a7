package io.zeekagent.hub.storage;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Field encodings for {@link RecordCodec}s: strings as a length and UTF-8 (no 64 KB limit, unlike
 * {@code writeUTF}), nullable numbers behind a presence byte, instants as seconds and nanoseconds.
 */
public final class Records {

    private Records() {}

    public static void writeString(DataOutput out, @Nullable String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static @Nullable String readString(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static String readRequiredString(DataInput in) throws IOException {
        String s = readString(in);
        if (s == null) {
            throw new IOException("a required string is missing");
        }
        return s;
    }

    public static void writeLong(DataOutput out, @Nullable Long v) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeLong(v);
        }
    }

    public static @Nullable Long readLong(DataInput in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    public static void writeInt(DataOutput out, @Nullable Integer v) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeInt(v);
        }
    }

    public static @Nullable Integer readInt(DataInput in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    public static void writeBoolean(DataOutput out, @Nullable Boolean v) throws IOException {
        out.writeByte(v == null ? -1 : v ? 1 : 0);
    }

    public static @Nullable Boolean readBoolean(DataInput in) throws IOException {
        byte b = in.readByte();
        return b < 0 ? null : b == 1;
    }

    public static void writeInstant(DataOutput out, @Nullable Instant t) throws IOException {
        out.writeBoolean(t != null);
        if (t != null) {
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        }
    }

    public static @Nullable Instant readInstant(DataInput in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    public static Instant readRequiredInstant(DataInput in) throws IOException {
        Instant t = readInstant(in);
        if (t == null) {
            throw new IOException("a required instant is missing");
        }
        return t;
    }
}
