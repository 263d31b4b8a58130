package prof2calltree.read.jfr.parse;

import java.util.Arrays;

/**
 * Events summed by (event type, stack trace key, thread), without boxing, so that memory follows
 * distinct stacks rather than events. Entries of the same (type, stack) form a group; groups are
 * kept in the order first seen, and the threads of a group likewise, so that the same chunk
 * always resolves in the same order.
 */
final class Tally {
    /** The stack key of events that have no stack trace. */
    static final long NO_STACK = Long.MIN_VALUE;

    private int size;
    private int[] types = new int[64];
    private long[] stacks = new long[64];
    private int[] threads = new int[64];
    private long[] events = new long[64];
    private long[] weights = new long[64];
    /** The next entry of the same group, -1 at its end. */
    private int[] next = new int[64];
    /** Entry numbers + 1 by hash of (type, stack, thread); 0 for free slots. */
    private int[] table = new int[128];

    private int groups;
    private int[] heads = new int[64];
    private int[] tails = new int[64];
    /** Group numbers + 1 by hash of (type, stack). */
    private int[] groupTable = new int[128];

    private static int hash(int type, long stack, int thread) {
        long h = (stack * 0x9E3779B97F4A7C15L) ^ ((long) thread << 32 | type) * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 31));
    }

    /** Empties the tally for another chunk, keeping its arrays. */
    void clear() {
        size = 0;
        groups = 0;
        Arrays.fill(table, 0);
        Arrays.fill(groupTable, 0);
    }

    /** Adds one event of {@code type} on {@code stack} and {@code thread}, weighing {@code weight}. */
    void add(int type, long stack, int thread, long weight) {
        int mask = table.length - 1;
        int i = hash(type, stack, thread) & mask;
        for (int e; (e = table[i] - 1) >= 0; i = (i + 1) & mask) {
            if (stacks[e] == stack && threads[e] == thread && types[e] == type) {
                events[e]++;
                weights[e] += weight;
                return;
            }
        }
        int e = size++;
        if (e == stacks.length) {
            growEntries();
        }
        types[e] = type;
        stacks[e] = stack;
        threads[e] = thread;
        events[e] = 1;
        weights[e] = weight;
        next[e] = -1;
        table[i] = e + 1;
        link(e);
        if (size * 2 > table.length) {
            table = rehash(table, size, true);
        }
    }

    /** Appends entry {@code e} to its group, making the group if it is new. */
    private void link(int e) {
        int mask = groupTable.length - 1;
        int i = hash(types[e], stacks[e], 0) & mask;
        for (int g; (g = groupTable[i] - 1) >= 0; i = (i + 1) & mask) {
            int head = heads[g];
            if (stacks[head] == stacks[e] && types[head] == types[e]) {
                next[tails[g]] = e;
                tails[g] = e;
                return;
            }
        }
        int g = groups++;
        if (g == heads.length) {
            heads = Arrays.copyOf(heads, g * 2);
            tails = Arrays.copyOf(tails, g * 2);
        }
        heads[g] = e;
        tails[g] = e;
        groupTable[i] = g + 1;
        if (groups * 2 > groupTable.length) {
            groupTable = rehash(groupTable, groups, false);
        }
    }

    private void growEntries() {
        int n = stacks.length * 2;
        types = Arrays.copyOf(types, n);
        stacks = Arrays.copyOf(stacks, n);
        threads = Arrays.copyOf(threads, n);
        events = Arrays.copyOf(events, n);
        weights = Arrays.copyOf(weights, n);
        next = Arrays.copyOf(next, n);
    }

    private int[] rehash(int[] old, int count, boolean entries) {
        int[] fresh = new int[old.length * 2];
        int mask = fresh.length - 1;
        for (int k = 0; k < count; k++) {
            int e = entries ? k : heads[k];
            int i = hash(types[e], stacks[e], entries ? threads[e] : 0) & mask;
            while (fresh[i] != 0) {
                i = (i + 1) & mask;
            }
            fresh[i] = k + 1;
        }
        return fresh;
    }

    /** How many distinct (type, stack) groups there are. */
    int groups() {
        return groups;
    }

    /** The first entry of group {@code g}; follow with {@link #next}. */
    int head(int g) {
        return heads[g];
    }

    int next(int e) {
        return next[e];
    }

    int type(int e) {
        return types[e];
    }

    long stack(int e) {
        return stacks[e];
    }

    int thread(int e) {
        return threads[e];
    }

    long events(int e) {
        return events[e];
    }

    long weight(int e) {
        return weights[e];
    }
}
