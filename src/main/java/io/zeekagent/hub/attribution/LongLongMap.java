package io.zeekagent.hub.attribution;

/**
 * An open-addressing hash map from non-zero {@code long} keys to {@code long} values: linear probing, backward-shift
 * deletion (no tombstones), two primitive arrays and no boxing. Not thread-safe.
 */
final class LongLongMap {

    static final long MISSING = Long.MIN_VALUE;

    private long[] keys;
    private long[] values;
    private int mask;
    private int size;

    LongLongMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(capacity);
    }

    int size() {
        return size;
    }

    long get(long key) {
        int i = slot(key);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return values[i];
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
            long k = keys[i];
            if (k == key) {
                long previous = values[i];
                values[i] = value;
                return previous;
            }
            if (k == 0) {
                keys[i] = key;
                values[i] = value;
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
            long k = keys[i];
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
        while (keys[j] != 0) {
            int home = slot(keys[j]);
            boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
            if (movable) {
                keys[gap] = keys[j];
                values[gap] = values[j];
                gap = j;
            }
            j = (j + 1) & mask;
        }
        keys[gap] = 0;
        values[gap] = 0;
        if (mask > 1024 && size < (mask + 1) / 8) {
            resize((mask + 1) / 2);
        }
    }

    /** Heap bytes held by the two arrays. */
    long footprint() {
        return 16L * (mask + 1);
    }

    private int slot(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new long[capacity];
        mask = capacity - 1;
    }

    private void resize(int capacity) {
        long[] oldKeys = keys;
        long[] oldValues = values;
        allocate(capacity);
        for (int i = 0; i < oldKeys.length; i++) {
            long k = oldKeys[i];
            if (k != 0) {
                int j = slot(k);
                while (keys[j] != 0) {
                    j = (j + 1) & mask;
                }
                keys[j] = k;
                values[j] = oldValues[i];
            }
        }
    }
}
