package prof2calltree.read.pstats;

/**
 * The one-int slots of the decoder's hash tables (strings in {@link Symbols}, key tuples in
 * {@link StatsTable}): open addressing over a power-of-two table in which a slot holds 0 when
 * empty, else a thing's id + 1 in the bits below the table's length and the top bits of its hash
 * above them. A table never more than half full has room below those bits for every id, and a
 * slot of another thing is passed over on the hash's bits alone nearly always (14 bits in a
 * table for 110,000 things), as with the whole hash kept beside the id, in half the memory.
 * Growing needs each thing's whole hash again, which the tables keep or make.
 */
final class TaggedSlots {
    private TaggedSlots() {}

    /** Puts thing {@code id}, of this {@code hash}, in the first free slot from the one its hash picks. */
    static void place(int[] slots, int hash, int id) {
        int mask = slots.length - 1;
        int i = hash & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = (hash & ~mask) | (id + 1);
    }
}
