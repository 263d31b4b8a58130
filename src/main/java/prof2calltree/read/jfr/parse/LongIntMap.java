package prof2calltree.read.jfr.parse;

import java.util.Arrays;

/**
 * A map from long keys to int values by open addressing, without boxing: constant pool keys to
 * positions in the chunk, method keys to dense numbers. Free slots hold a sentinel key; the
 * sentinel itself, as a real key, is kept aside. Memory is two arrays of a power-of-two size at
 * most twice the number of keys.
 */
final class LongIntMap {
    /** What {@link #get} returns for a missing key. */
    static final int MISSING = -1;

    /** The key of free slots: an unlikely key, kept aside when it is a real one. */
    private static final long FREE = Long.MIN_VALUE + 0x5eed;

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;
    private boolean hasFree;
    private int freeValue = MISSING;

    LongIntMap() {
        this(16);
    }

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, FREE);
        values = new int[capacity];
        mask = capacity - 1;
    }

    /** Removes every key, keeping the arrays. */
    void clear() {
        Arrays.fill(keys, FREE);
        size = 0;
        hasFree = false;
        freeValue = MISSING;
    }

    int size() {
        return size + (hasFree ? 1 : 0);
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    /** The value of {@code key}, or {@link #MISSING}. */
    int get(long key) {
        if (key == FREE) {
            return freeValue;
        }
        long[] k = keys;
        int m = mask;
        for (int i = hash(key) & m;; i = (i + 1) & m) {
            long found = k[i];
            if (found == key) {
                return values[i];
            }
            if (found == FREE) {
                return MISSING;
            }
        }
    }

    /** Sets the value of {@code key}, replacing an earlier one. */
    void put(long key, int value) {
        if (key == FREE) {
            hasFree = true;
            freeValue = value;
            return;
        }
        int i = hash(key) & mask;
        while (keys[i] != FREE) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(keys.length * 2);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
