package prof2calltree.model;

/**
 * The one growth step of the open-addressing tables that find things by number: a table holds,
 * in the slot its hash picks (then the next free one), each thing's number + 1, and 0 in free
 * slots; the hashes are kept by number beside it. Used by the builder's function and stack
 * tables and by the JFR reader's stack store, where a million entries as map nodes would cost
 * more than the entries.
 */
public final class OpenAddressing {
    private OpenAddressing() {}

    /**
     * The length of a table that holds {@code expected} things without growing: a power of two,
     * at least twice the things (the tables grow when more than half full).
     */
    public static int capacity(int expected) {
        long wanted = 2L * Math.max(expected + 1, 8);
        if (wanted > 1 << 30) {
            return 1 << 30;
        }
        return Integer.highestOneBit((int) wanted - 1) << 1;
    }

    /**
     * A table twice as large holding things {@code 0..count-1} by their {@code hashes}.
     *
     * @param table the current table (its length a power of two)
     * @param hashes each thing's hash, by number
     * @param count how many things there are
     */
    public static int[] doubled(int[] table, int[] hashes, int count) {
        int[] fresh = new int[table.length * 2];
        int mask = fresh.length - 1;
        for (int id = 0; id < count; id++) {
            int slot = hashes[id] & mask;
            while (fresh[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            fresh[slot] = id + 1;
        }
        return fresh;
    }
}
