package io.zeekagent.hub.attribution;

/**
 * An open-addressing hash map from non-zero {@code long} keys to {@code long} values: linear probing, backward-shift
 * deletion (no tombstones), key and value side by side in one primitive array (one cache miss per probe), no
 * boxing. Not thread-safe.
 */
final class LongLongMap {

    static final long MISSING = Long.MIN_VALUE;

    private long[] table;
    private int mask;
    private int size;

    LongLongMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        table = new long[capacity * 2];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    long get(long key) {
        long[] t = table;
        int i = slot(key);
        while (true) {
            long k = t[2 * i];
            if (k == key) {
                return t[2 * i + 1];
            }
            if (k == 0) {
                return MISSING;
            }
            i = (i + 1) & mask;
        }
    }

    /** Stores the value and returns the previous one, or {@link #MISSING}. */
    long put(long key, long value) {
        int i = slot(key);
        while (true) {
            long k = table[2 * i];
            if (k == key) {
                long previous = table[2 * i + 1];
                table[2 * i + 1] = value;
                return previous;
            }
            if (k == 0) {
                table[2 * i] = key;
                table[2 * i + 1] = value;
                if (++size > (mask + 1) * 3 / 4) {
                    resize((mask + 1) * 2);
                }
                return MISSING;
            }
            i = (i + 1) & mask;
        }
    }

    void remove(long key) {
        int i = slot(key);
        while (true) {
            long k = table[2 * i];
            if (k == 0) {
                return;
            }
            if (k == key) {
                break;
            }
            i = (i + 1) & mask;
        }
        size--;
        // Backward shift: move later entries of the probe run into the gap so lookups never stop early.
        int gap = i;
        int j = (i + 1) & mask;
        while (table[2 * j] != 0) {
            int home = slot(table[2 * j]);
            boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
            if (movable) {
                table[2 * gap] = table[2 * j];
                table[2 * gap + 1] = table[2 * j + 1];
                gap = j;
            }
            j = (j + 1) & mask;
        }
        table[2 * gap] = 0;
        table[2 * gap + 1] = 0;
        if (mask > 1024 && size < (mask + 1) / 8) {
            resize((mask + 1) / 2);
        }
    }

    /** Heap bytes held by the table. */
    long footprint() {
        return 8L * table.length;
    }

    private int slot(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void resize(int capacity) {
        long[] old = table;
        table = new long[capacity * 2];
        mask = capacity - 1;
        for (int i = 0; i < old.length; i += 2) {
            long k = old[i];
            if (k != 0) {
                int j = slot(k);
                while (table[2 * j] != 0) {
                    j = (j + 1) & mask;
                }
                table[2 * j] = k;
                table[2 * j + 1] = old[i + 1];
            }
        }
    }
}
