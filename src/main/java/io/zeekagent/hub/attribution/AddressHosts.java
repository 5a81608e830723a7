package io.zeekagent.hub.attribution;

import java.util.Arrays;

/**
 * Address → ids of every host known by that address (DESIGN §7 rule 2: a union, where the seed overwrote).
 * Open addressing over 128-bit keys in primitive arrays, so a lookup allocates nothing. Not thread-safe.
 */
final class AddressHosts {

    private static final int[] NONE = new int[0];

    private long[] his = new long[64];
    private long[] los = new long[64];
    private int[][] hosts = new int[64][];
    private int size;

    /** The hosts owning the address; an empty array when none. Callers must not modify it. */
    int[] get(long hi, long lo) {
        int mask = his.length - 1;
        int i = slot(hi, lo, mask);
        while (hosts[i] != null) {
            if (his[i] == hi && los[i] == lo) {
                return hosts[i];
            }
            i = (i + 1) & mask;
        }
        return NONE;
    }

    void add(long hi, long lo, int host) {
        int mask = his.length - 1;
        int i = slot(hi, lo, mask);
        while (hosts[i] != null) {
            if (his[i] == hi && los[i] == lo) {
                int[] current = hosts[i];
                for (int h : current) {
                    if (h == host) {
                        return;
                    }
                }
                int[] grown = Arrays.copyOf(current, current.length + 1);
                grown[current.length] = host;
                hosts[i] = grown;
                return;
            }
            i = (i + 1) & mask;
        }
        his[i] = hi;
        los[i] = lo;
        hosts[i] = new int[] {host};
        if (++size > his.length / 2) {
            resize();
        }
    }

    void remove(long hi, long lo, int host) {
        int mask = his.length - 1;
        int i = slot(hi, lo, mask);
        while (hosts[i] != null) {
            if (his[i] == hi && los[i] == lo) {
                int[] current = hosts[i];
                int[] kept = new int[current.length];
                int n = 0;
                for (int h : current) {
                    if (h != host) {
                        kept[n++] = h;
                    }
                }
                if (n > 0) {
                    hosts[i] = Arrays.copyOf(kept, n);
                } else {
                    delete(i);
                }
                return;
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    private void delete(int i) {
        int mask = his.length - 1;
        size--;
        int gap = i;
        int j = (i + 1) & mask;
        while (hosts[j] != null) {
            int home = slot(his[j], los[j], mask);
            boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
            if (movable) {
                his[gap] = his[j];
                los[gap] = los[j];
                hosts[gap] = hosts[j];
                gap = j;
            }
            j = (j + 1) & mask;
        }
        hosts[gap] = null;
    }

    private void resize() {
        long[] oldHis = his;
        long[] oldLos = los;
        int[][] oldHosts = hosts;
        his = new long[oldHis.length * 2];
        los = new long[oldHis.length * 2];
        hosts = new int[oldHis.length * 2][];
        int mask = his.length - 1;
        for (int k = 0; k < oldHis.length; k++) {
            if (oldHosts[k] != null) {
                int i = slot(oldHis[k], oldLos[k], mask);
                while (hosts[i] != null) {
                    i = (i + 1) & mask;
                }
                his[i] = oldHis[k];
                los[i] = oldLos[k];
                hosts[i] = oldHosts[k];
            }
        }
    }

    private static int slot(long hi, long lo, int mask) {
        long h = (hi * 0x9E37_79B9_7F4A_7C15L) ^ (lo * 0xC2B2_AE3D_27D4_EB4FL);
        return (int) (h ^ (h >>> 29)) & mask;
    }
}
