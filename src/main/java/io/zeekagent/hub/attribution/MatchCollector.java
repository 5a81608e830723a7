package io.zeekagent.hub.attribution;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reusable output of one attribution: the matching events copied out of the index while it is locked, then
 * ordered by event time. Details (host, process) are copied only when asked for. Not thread-safe.
 */
final class MatchCollector {

    static final byte ORIG = 0;
    static final byte RESP = 1;

    private final boolean details;
    private int count;
    private int cold;
    private int[] order = new int[8];
    private byte[] side = new byte[8];
    private int[] seuidHi = new int[8];
    private long[] seuidLo = new long[8];
    private long[] time = new long[8];
    private long[] pid = new long[8];
    private long[] uid = new long[8];
    private @Nullable String[] hostId = new String[8];
    private @Nullable String[] hostname = new String[8];
    private @Nullable String[] exe = new String[8];
    private @Nullable String[] syscall = new String[8];

    MatchCollector(boolean details) {
        this.details = details;
    }

    boolean wantsDetails() {
        return details;
    }

    void clear() {
        count = 0;
        cold = 0;
    }

    /** Counts the last added match as one from the database. */
    void markCold() {
        cold++;
    }

    /** How many of the matches came from the database. */
    int coldMatches() {
        return cold;
    }

    int size() {
        return count;
    }

    /** Appends a match; returns its position for {@link #details}. */
    int add(byte matchSide, int hi, long lo, long eventTime) {
        if (count == side.length) {
            grow();
        }
        side[count] = matchSide;
        seuidHi[count] = hi;
        seuidLo[count] = lo;
        time[count] = eventTime;
        order[count] = count;
        return count++;
    }

    void details(
            int i,
            String host,
            @Nullable String name,
            long processId,
            long user,
            @Nullable String path,
            @Nullable String call) {
        hostId[i] = host;
        hostname[i] = name;
        pid[i] = processId;
        uid[i] = user;
        exe[i] = path;
        syscall[i] = call;
    }

    /** Whether a match of this side with this seuid is already collected (tiers overlap; dedup by seuid). */
    boolean contains(byte matchSide, int hi, long lo) {
        for (int i = 0; i < count; i++) {
            if (seuidLo[i] == lo && seuidHi[i] == hi && side[i] == matchSide) {
                return true;
            }
        }
        return false;
    }

    /** Orders the matches by event time (unknown times first), then by seuid. Insertion sort: n is small. */
    void sortByTime() {
        for (int i = 1; i < count; i++) {
            int current = order[i];
            int j = i - 1;
            while (j >= 0 && after(order[j], current)) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = current;
        }
    }

    private boolean after(int a, int b) {
        if (time[a] != time[b]) {
            return time[a] > time[b];
        }
        if (seuidHi[a] != seuidHi[b]) {
            return Integer.compareUnsigned(seuidHi[a], seuidHi[b]) > 0;
        }
        return Long.compareUnsigned(seuidLo[a], seuidLo[b]) > 0;
    }

    /** Index of the k-th match in time order. */
    int at(int k) {
        return order[k];
    }

    byte side(int i) {
        return side[i];
    }

    int seuidHi(int i) {
        return seuidHi[i];
    }

    long seuidLo(int i) {
        return seuidLo[i];
    }

    /** Appends match {@code i} of {@code from} (with its details, and counted as cold when {@code cold}). */
    void copy(MatchCollector from, int i, boolean fromCold) {
        int m = add(from.side[i], from.seuidHi[i], from.seuidLo[i], from.time[i]);
        if (details) {
            details(m, from.hostId[i], from.hostname[i], from.pid[i], from.uid[i], from.exe[i], from.syscall[i]);
        }
        if (fromCold) {
            markCold();
        }
    }

    String seuid(int i) {
        return Seuid.format(seuidHi[i], seuidLo[i]);
    }

    long time(int i) {
        return time[i];
    }

    long pid(int i) {
        return pid[i];
    }

    long uid(int i) {
        return uid[i];
    }

    @Nullable
    String hostId(int i) {
        return hostId[i];
    }

    @Nullable
    String hostname(int i) {
        return hostname[i];
    }

    @Nullable
    String exe(int i) {
        return exe[i];
    }

    @Nullable
    String syscall(int i) {
        return syscall[i];
    }

    private void grow() {
        int n = side.length * 2;
        order = Arrays.copyOf(order, n);
        side = Arrays.copyOf(side, n);
        seuidHi = Arrays.copyOf(seuidHi, n);
        seuidLo = Arrays.copyOf(seuidLo, n);
        time = Arrays.copyOf(time, n);
        pid = Arrays.copyOf(pid, n);
        uid = Arrays.copyOf(uid, n);
        hostId = Arrays.copyOf(hostId, n);
        hostname = Arrays.copyOf(hostname, n);
        exe = Arrays.copyOf(exe, n);
        syscall = Arrays.copyOf(syscall, n);
    }
}
