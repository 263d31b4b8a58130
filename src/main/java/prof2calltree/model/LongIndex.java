package prof2calltree.model;

import java.util.Arrays;

/**
 * An open-addressing table from long keys to non-negative int indexes, for the builder's hot
 * lookups: no boxed keys and no node objects, where a {@code HashMap<Long, …>} spends most of
 * a big conversion's time.
 */
final class LongIndex {
    private long[] keys;
    private int[] values;
    private int size;

    /** A table that holds {@code expected} keys without growing. */
    LongIndex(int expected) {
        int capacity = OpenAddressing.capacity(expected);
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, -1);
    }

    /** The index stored for {@code key}, or -1. */
    int get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            int v = values[i];
            if (v < 0 || keys[i] == key) {
                return v;
            }
        }
    }

    /** Replaces the value stored for a key that is in the table. */
    void replace(long key, int value) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (values[i] < 0) {
                throw new IllegalStateException("no key " + key);
            }
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
        }
    }

    /** Stores {@code value} (at least 0) for a key that is not in the table yet. */
    void putNew(long key, int value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        insert(keys, values, key, value);
        size++;
    }

    private static void insert(long[] keys, int[] values, long key, int value) {
        int mask = keys.length - 1;
        int i = slot(key, mask);
        while (values[i] >= 0) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(values, -1);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] >= 0) {
                insert(keys, values, oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
