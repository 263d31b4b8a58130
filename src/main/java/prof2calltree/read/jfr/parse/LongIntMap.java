package prof2calltree.read.jfr.parse;

import java.util.Arrays;

/**
 * A map from long keys to int values by open addressing, without boxing: constant pool keys to
 * positions in the chunk, method keys to dense numbers. Memory is two arrays of a power-of-two
 * size at most twice the number of keys.
 */
final class LongIntMap {
    /** What {@link #get} returns for a missing key. */
    static final int MISSING = -1;

    private long[] keys;
    private int[] values;
    private boolean[] used;
    private int size;
    private int mask;

    LongIntMap() {
        this(16);
    }

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        used = new boolean[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    /** The value of {@code key}, or {@link #MISSING}. */
    int get(long key) {
        int i = hash(key) & mask;
        while (used[i]) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return MISSING;
    }

    /** Sets the value of {@code key}, replacing an earlier one. */
    void put(long key, int value) {
        int i = hash(key) & mask;
        while (used[i]) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    /** The value of {@code key}, first giving it {@code value} if it has none. */
    int putIfAbsent(long key, int value) {
        int old = get(key);
        if (old != MISSING) {
            return old;
        }
        put(key, value);
        return value;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        boolean[] oldUsed = used;
        allocate(keys.length * 2);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    /** Removes every key. */
    void clear() {
        Arrays.fill(used, false);
        size = 0;
    }
}
