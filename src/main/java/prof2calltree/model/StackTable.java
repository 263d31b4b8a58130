package prof2calltree.model;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Distinct stacks with their events and costs, kept in a few big int arrays rather than as
 * objects: a JFR recording has a million distinct stacks of fifty frames, which as arrays and
 * hash-map nodes would cost the heap twice their size and the collector a million objects each.
 *
 * <p>{@link ProfileBuilder} fills one through {@link Filler}; once built it is an immutable
 * {@code List<Stack>} in the order the stacks were first added, each {@link Stack} made (copied
 * out) when asked for.
 */
final class StackTable extends AbstractList<Stack> implements RandomAccess {
    /** Ints per block of frames; a stack never spans two blocks (a longer one gets its own). */
    private static final int BLOCK = 1 << 20;

    private final int width;
    private final int size;
    private final int[][] blocks;
    private final int[] blockOf;
    private final int[] startOf;
    private final int[] depthOf;
    private final int[] threadOf;
    private final String[] threads;
    private final long[] events;
    private final long[] costs;

    private StackTable(Filler f) {
        width = f.width;
        size = f.size;
        blocks = Arrays.copyOf(f.blocks, f.blockCount);
        blockOf = f.blockOf;
        startOf = f.startOf;
        depthOf = f.depthOf;
        threadOf = f.threadOf;
        threads = f.threads.toArray(new String[0]);
        events = f.events;
        costs = f.costs;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Stack get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("stack " + index + " of " + size);
        }
        int[] block = blocks[blockOf[index]];
        int start = startOf[index];
        int depth = depthOf[index];
        return new Stack(Arrays.copyOfRange(block, start, start + depth),
                Arrays.copyOfRange(block, start + depth, start + 2 * depth), threads[threadOf[index]],
                events[index], Arrays.copyOfRange(costs, index * width, (index + 1) * width));
    }

    /** Collects distinct stacks, summing the events and costs of repeats. */
    static final class Filler {
        private final int width;
        private int size;
        /** Per stack, at {@code startOf[s]} of block {@code blockOf[s]}: its function ids, then its lines. */
        private int[][] blocks = new int[4][];
        private int blockCount;
        private int used = BLOCK;
        private int[] blockOf = new int[64];
        private int[] startOf = new int[64];
        private int[] depthOf = new int[64];
        private int[] threadOf = new int[64];
        private int[] hashes = new int[64];
        private long[] events = new long[64];
        private long[] costs;
        private final List<String> threads = new ArrayList<>();
        private final Map<String, Integer> threadIds = new HashMap<>();
        /** Stack numbers + 1 by hash; 0 for free slots. */
        private int[] table = new int[128];
        private boolean built;

        Filler(int width) {
            this.width = width;
            costs = new long[64 * width];
        }

        int size() {
            return size;
        }

        /**
         * Adds events and their costs on one stack, returning true if the stack is new.
         * The arrays are copied.
         */
        boolean add(int[] functions, int[] lines, String thread, long events, long[] costs) {
            if (built) {
                throw new IllegalStateException("the profile is already built");
            }
            int depth = functions.length;
            Integer known = threadIds.get(thread);
            int t;
            if (known == null) {
                t = threads.size();
                threads.add(thread);
                threadIds.put(thread, t);
            } else {
                t = known;
            }
            int hash = t;
            for (int i = 0; i < depth; i++) {
                hash = (hash * 31 + functions[i]) * 31 + lines[i];
            }
            hash *= 0x9E3779B9;
            hash ^= hash >>> 16;
            int mask = table.length - 1;
            int slot = hash & mask;
            boolean fresh = false;
            int s;
            while (true) {
                s = table[slot] - 1;
                if (s < 0) {
                    s = append(functions, lines, t, hash);
                    table[slot] = s + 1;
                    if (size * 2 > table.length) {
                        rehash();
                    }
                    fresh = true;
                    break;
                }
                if (hashes[s] == hash && depthOf[s] == depth && threadOf[s] == t && same(s, functions, lines)) {
                    break;
                }
                slot = (slot + 1) & mask;
            }
            this.events[s] += events;
            int at = s * width;
            for (int c = 0; c < width; c++) {
                this.costs[at + c] += costs[c];
            }
            return fresh;
        }

        private boolean same(int s, int[] functions, int[] lines) {
            int[] block = blocks[blockOf[s]];
            int start = startOf[s];
            int depth = functions.length;
            for (int i = 0; i < depth; i++) {
                if (block[start + i] != functions[i] || block[start + depth + i] != lines[i]) {
                    return false;
                }
            }
            return true;
        }

        private int append(int[] functions, int[] lines, int thread, int hash) {
            int depth = functions.length;
            int need = 2 * depth;
            if (need > BLOCK - used) {
                if (blockCount == blocks.length) {
                    blocks = Arrays.copyOf(blocks, blockCount * 2);
                }
                blocks[blockCount++] = new int[Math.max(BLOCK, need)];
                used = 0;
            }
            int[] block = blocks[blockCount - 1];
            System.arraycopy(functions, 0, block, used, depth);
            System.arraycopy(lines, 0, block, used + depth, depth);
            int s = size++;
            if (s == startOf.length) {
                int n = s * 2;
                blockOf = Arrays.copyOf(blockOf, n);
                startOf = Arrays.copyOf(startOf, n);
                depthOf = Arrays.copyOf(depthOf, n);
                threadOf = Arrays.copyOf(threadOf, n);
                hashes = Arrays.copyOf(hashes, n);
                events = Arrays.copyOf(events, n);
                costs = Arrays.copyOf(costs, n * width);
            }
            blockOf[s] = blockCount - 1;
            startOf[s] = used;
            depthOf[s] = depth;
            threadOf[s] = thread;
            hashes[s] = hash;
            used += need;
            return s;
        }

        private void rehash() {
            table = OpenAddressing.doubled(table, hashes, size);
        }

        /** The first negative cost of a stack, or 0 if there is none. */
        long firstNegativeCost() {
            for (int i = 0; i < size * width; i++) {
                if (costs[i] < 0) {
                    return costs[i];
                }
            }
            return 0;
        }

        /** The immutable table; this filler takes no more stacks. Its lookup table is dropped. */
        StackTable build() {
            built = true;
            table = null;
            hashes = null;
            return new StackTable(this);
        }
    }
}
