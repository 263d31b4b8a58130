package prof2calltree.read.pstats;

import java.util.Arrays;

/**
 * A growing sequence of longs kept in fixed blocks. Unlike an array that doubles, growth never
 * copies, and only about as much memory as is used is ever allocated: on a fresh JVM every new
 * page costs a page fault, which for big dumps costs more than the decoding.
 */
final class LongBlocks {
    private static final int SHIFT = 13;
    private static final int SIZE = 1 << SHIFT;
    private static final int MASK = SIZE - 1;

    private long[][] blocks = new long[16][];
    private int size;

    void add(long value) {
        int b = size >>> SHIFT;
        if ((size & MASK) == 0) {
            if (b == blocks.length) {
                blocks = Arrays.copyOf(blocks, b * 2);
            }
            blocks[b] = new long[SIZE];
        }
        blocks[b][size & MASK] = value;
        size++;
    }

    long get(int index) {
        return blocks[index >>> SHIFT][index & MASK];
    }

    void set(int index, long value) {
        blocks[index >>> SHIFT][index & MASK] = value;
    }

    int size() {
        return size;
    }
}
