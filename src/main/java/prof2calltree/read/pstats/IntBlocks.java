package prof2calltree.read.pstats;

import java.util.Arrays;

/**
 * A growing sequence of ints kept in fixed blocks, as {@link LongBlocks} keeps longs: growth
 * never copies, so no outgrown array is left behind (a conversion runs no collection, so each
 * one would stay allocated, every page of it touched, to the end).
 */
final class IntBlocks {
    private static final int SHIFT = 13;
    private static final int SIZE = 1 << SHIFT;
    private static final int MASK = SIZE - 1;

    private int[][] blocks = new int[16][];
    private int size;

    void add(int value) {
        int b = size >>> SHIFT;
        if ((size & MASK) == 0) {
            if (b == blocks.length) {
                blocks = Arrays.copyOf(blocks, b * 2);
            }
            blocks[b] = new int[SIZE];
        }
        blocks[b][size & MASK] = value;
        size++;
    }

    int get(int index) {
        return blocks[index >>> SHIFT][index & MASK];
    }

    int size() {
        return size;
    }
}
