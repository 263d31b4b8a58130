package prof2calltree.read.jfr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import prof2calltree.model.CostType;
import prof2calltree.model.OpenAddressing;
import prof2calltree.model.Profile;
import prof2calltree.model.ProfileBuilder;

/**
 * Distinct resolved stacks (functions, lines, thread) with their events and a weight per
 * {@link EventKind}, for one chunk or, merged in chunk order, for the whole recording. The
 * columns are only known once every chunk is read, so stacks wait here before going into a
 * {@link ProfileBuilder}, each once however many chunks hold it. Functions and stacks are kept
 * in the order first seen, so the same input gives the same ids and the same output. Stacks are
 * copied into one int array rather than kept as objects: a hundred thousand deep stacks cost the
 * garbage collector a few arrays.
 */
final class StackStore {
    private static final int WIDTH = EventKind.values().length;

    /** Receives the stacks of a store. */
    interface Visitor {
        /**
         * One distinct stack: function ids (this store's) and lines from the root to the leaf, in
         * arrays only valid during the call; its thread ("" if unknown); its events; its weight
         * per kind, indexed by {@link EventKind#ordinal()}, also only valid during the call.
         */
        void stack(int[] functions, int[] lines, String thread, long events, long[] weights);
    }

    private final List<FrameNames.Key> functions = new ArrayList<>();
    private final Map<FrameNames.Key, Integer> ids = new HashMap<>();
    private final List<String> threads = new ArrayList<>();
    private final Map<String, Integer> threadIds = new HashMap<>();

    /** Ints per block of frames; a stack never spans two blocks (a longer one gets its own). */
    private static final int BLOCK = 1 << 20;

    private int size;
    /**
     * Per stack, at {@code starts[s]} of block {@code blocks[s]}: {@code depths[s]} function ids,
     * then as many lines. Blocks, not one array, so that {@link #build} can free them as it goes.
     */
    private int[][] frames = new int[4][];
    private int blockCount;
    /** Blocks free for any store to take, shared by the stores of one recording; null: none. */
    private final Queue<int[]> spareBlocks;
    private int used;
    private int[] blocks = new int[64];
    private int[] starts = new int[64];
    private int[] depths = new int[64];
    private int[] threadOf = new int[64];
    private int[] hashes = new int[64];
    private long[] events = new long[64];
    /**
     * Weights per stack, {@link #stride} values each: one column per kind met so far, in the
     * order met ({@link #columnOf}). A recording has two or three of the thirteen kinds, so a
     * million stacks weigh tens of megabytes less than with a column for every kind.
     */
    private long[] weights = new long[64];
    private int stride = 1;
    private int columns;
    /** The column of each kind, by {@link EventKind#ordinal()}; -1 if not met yet. */
    private final int[] columnOf = newColumnMap();
    /** Stack numbers + 1 by hash; 0 for free slots. */
    private int[] table = new int[128];

    /** A store that makes its own blocks of frames. */
    StackStore() {
        this(null);
    }

    /**
     * A store that takes its blocks of frames from {@code spareBlocks} when it holds any, and
     * gives them back there when {@link #reset}: blocks are then made only for the most frames
     * stores hold at once, not for every chunk, nor for the most each store ever held.
     */
    StackStore(Queue<int[]> spareBlocks) {
        this.spareBlocks = spareBlocks;
    }

    /** The id of a function, numbering it if it is new. */
    int function(FrameNames.Key key) {
        Integer id = ids.get(key);
        if (id == null) {
            id = functions.size();
            functions.add(key);
            ids.put(key, id);
        }
        return id;
    }

    /** The functions, by id. */
    List<FrameNames.Key> functions() {
        return functions;
    }

    /** How many distinct stacks this holds. */
    int size() {
        return size;
    }

    /**
     * Adds {@code events} events of one kind, weighing {@code weight} in all, on one stack.
     *
     * @param functions function ids from the root to the leaf; copied
     * @param lines the line of each frame, 0 if unknown; copied
     * @param thread the thread's name, "" if unknown
     */
    void add(int[] functions, int[] lines, String thread, EventKind kind, long events, long weight) {
        int s = stack(functions, lines, thread);
        this.events[s] += events;
        int c = column(kind.ordinal()); // first: a new column widens the array
        weights[s * stride + c] += weight;
    }

    /** Adds everything in {@code other}, renumbering its functions into this store's ids. */
    void merge(StackStore other) {
        int[] map = new int[other.functions.size()];
        for (int i = 0; i < map.length; i++) {
            map[i] = function(other.functions.get(i));
        }
        other.visit((local, lines, thread, events, kindWeights) -> {
            for (int i = 0; i < local.length; i++) {
                local[i] = map[local[i]];
            }
            int s = stack(local, lines, thread);
            this.events[s] += events;
            for (int k = 0; k < WIDTH; k++) {
                if (other.columnOf[k] >= 0) {
                    int c = column(k); // first: a new column widens the array
                    weights[s * stride + c] += kindWeights[k];
                }
            }
        });
    }

    /** The number of a stack, adding it without events if it is new. */
    private int stack(int[] functions, int[] lines, String thread) {
        int depth = functions.length;
        int t = threadIds.computeIfAbsent(thread, n -> {
            threads.add(n);
            return threads.size() - 1;
        });
        int hash = t;
        for (int i = 0; i < depth; i++) {
            hash = (hash * 31 + functions[i]) * 31 + lines[i];
        }
        hash = hash * 0x9E3779B9;
        hash ^= hash >>> 16;
        int mask = table.length - 1;
        int slot = hash & mask;
        for (int s; (s = table[slot] - 1) >= 0; slot = (slot + 1) & mask) {
            if (hashes[s] == hash && depths[s] == depth && threadOf[s] == t && same(s, functions, lines)) {
                return s;
            }
        }
        int s = append(functions, lines, t);
        hashes[s] = hash;
        table[slot] = s + 1;
        if (size * 2 > table.length) {
            rehash();
        }
        return s;
    }

    private boolean same(int s, int[] functions, int[] lines) {
        int depth = functions.length;
        int start = starts[s];
        int[] f = frames[blocks[s]];
        for (int i = 0; i < depth; i++) {
            if (f[start + i] != functions[i] || f[start + depth + i] != lines[i]) {
                return false;
            }
        }
        return true;
    }

    private int append(int[] functions, int[] lines, int thread) {
        int depth = functions.length;
        if (blockCount == 0 || 2 * depth > frames[blockCount - 1].length - used) {
            if (blockCount == frames.length) {
                frames = Arrays.copyOf(frames, blockCount * 2);
            }
            frames[blockCount++] = newBlock(2 * depth);
            used = 0;
        }
        int[] block = frames[blockCount - 1];
        System.arraycopy(functions, 0, block, used, depth);
        System.arraycopy(lines, 0, block, used + depth, depth);
        int s = size++;
        if (s == starts.length) {
            blocks = Arrays.copyOf(blocks, s * 2);
            starts = Arrays.copyOf(starts, s * 2);
            depths = Arrays.copyOf(depths, s * 2);
            threadOf = Arrays.copyOf(threadOf, s * 2);
            hashes = Arrays.copyOf(hashes, s * 2);
            events = Arrays.copyOf(events, s * 2);
            weights = Arrays.copyOf(weights, s * 2 * stride);
        }
        blocks[s] = blockCount - 1;
        starts[s] = used;
        depths[s] = depth;
        threadOf[s] = thread;
        used += 2 * depth;
        return s;
    }

    /** A block for at least {@code ints} ints: a spare one if it is large enough and there is one. */
    private int[] newBlock(int ints) {
        int[] block = ints <= BLOCK && spareBlocks != null ? spareBlocks.poll() : null;
        return block != null ? block : new int[Math.max(BLOCK, ints)];
    }

    private static int[] newColumnMap() {
        int[] map = new int[WIDTH];
        Arrays.fill(map, -1);
        return map;
    }

    /** The column of the kind with this ordinal, adding one (and widening every stack's) if new. */
    private int column(int kind) {
        int c = columnOf[kind];
        if (c >= 0) {
            return c;
        }
        c = columns++;
        columnOf[kind] = c;
        if (columns > stride) {
            long[] wider = new long[weights.length / stride * columns];
            for (int s = 0; s < size; s++) {
                System.arraycopy(weights, s * stride, wider, s * columns, stride);
            }
            weights = wider;
            stride = columns;
        }
        return c;
    }

    /**
     * Empties the store for another chunk, keeping its arrays and giving its blocks of frames to
     * the spare ones: a store per chunk would be tens of megabytes that live as long as the chunk
     * is read and merged, long enough to be promoted to the old generation, where they would pile
     * up until a full collection.
     */
    void reset() {
        for (int b = 0; b < blockCount; b++) {
            if (spareBlocks != null && frames[b].length == BLOCK) {
                spareBlocks.add(frames[b]);
            }
            frames[b] = null;
        }
        functions.clear();
        ids.clear();
        threads.clear();
        threadIds.clear();
        Arrays.fill(events, 0, size, 0);
        Arrays.fill(weights, 0, size * stride, 0);
        Arrays.fill(table, 0);
        Arrays.fill(columnOf, -1);
        columns = 0;
        size = 0;
        blockCount = 0;
        used = 0;
    }

    private void clear() {
        size = 0;
        frames = new int[4][];
        blockCount = 0;
        used = 0;
        blocks = new int[64];
        starts = new int[64];
        depths = new int[64];
        threadOf = new int[64];
        hashes = new int[64];
        events = new long[64];
        weights = new long[64];
        stride = 1;
        columns = 0;
        Arrays.fill(columnOf, -1);
        table = new int[128];
    }

    private void rehash() {
        table = OpenAddressing.doubled(table, hashes, size);
    }

    /**
     * The profile of these stacks with one cost column per kind in {@code columns}, in that order.
     * Frees the stacks' blocks as it goes, so that they are not held twice: the store is empty after.
     */
    Profile build(List<EventKind> columns) {
        List<CostType> types = new ArrayList<>();
        for (EventKind kind : columns) {
            types.add(kind.costType);
        }
        ProfileBuilder builder = new ProfileBuilder(types);
        for (FrameNames.Key f : functions) {
            builder.function(f.name(), f.file(), "", 0, f.qualifier());
        }
        long[] costs = new long[columns.size()];
        visit((functionIds, lines, thread, events, kindWeights) -> {
            for (int c = 0; c < costs.length; c++) {
                costs[c] = kindWeights[columns.get(c).ordinal()];
            }
            builder.addStack(functionIds, lines, thread, events, costs);
        }, true);
        return builder.build();
    }

    /** Hands every stack to {@code visitor} in the order first added, reusing one pair of arrays per depth. */
    void visit(Visitor visitor) {
        visit(visitor, false);
    }

    /** {@link #visit(Visitor)}, and with {@code drain}, frees each block once visited and empties the store. */
    private void visit(Visitor visitor, boolean drain) {
        int[][] functionsByDepth = new int[1][];
        int[][] linesByDepth = new int[1][];
        long[] kindWeights = new long[WIDTH];
        for (int s = 0; s < size; s++) {
            int depth = depths[s];
            if (depth >= functionsByDepth.length) {
                functionsByDepth = Arrays.copyOf(functionsByDepth, depth + 1);
                linesByDepth = Arrays.copyOf(linesByDepth, depth + 1);
            }
            if (functionsByDepth[depth] == null) {
                functionsByDepth[depth] = new int[depth];
                linesByDepth[depth] = new int[depth];
            }
            int[] f = functionsByDepth[depth];
            int[] l = linesByDepth[depth];
            int[] block = frames[blocks[s]];
            System.arraycopy(block, starts[s], f, 0, depth);
            System.arraycopy(block, starts[s] + depth, l, 0, depth);
            for (int k = 0; k < WIDTH; k++) {
                int c = columnOf[k];
                kindWeights[k] = c < 0 ? 0 : weights[s * stride + c];
            }
            visitor.stack(f, l, threads.get(threadOf[s]), events[s], kindWeights);
            if (drain && (s + 1 == size || blocks[s + 1] != blocks[s])) {
                frames[blocks[s]] = null;
            }
        }
        if (drain) {
            clear();
        }
    }
}
