package prof2calltree.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The self costs of a built profile in primitive arrays, sorted by function then line: an
 * immutable {@code List<SelfCost>} that makes each {@link SelfCost} when asked for, as
 * {@link CallTable} does for calls. A big pstats dump has a hundred thousand; as records, each
 * with its own cost array, they were two objects each for nothing. Writers read its columns by
 * index ({@link #of}).
 */
public final class SelfTable extends AbstractList<SelfCost> implements RandomAccess {
    private final int width;
    private final int size;
    private final int[] function;
    private final int[] line;
    private final long[] costs;

    /** The self costs at {@code order}'s indexes of the given arrays ({@code costs}: {@code width} a cost), in that order. */
    SelfTable(int width, int[] order, int[] function, int[] line, long[] costs) {
        this.width = width;
        this.size = order.length;
        this.function = new int[size];
        this.line = new int[size];
        this.costs = new long[size * width];
        for (int i = 0; i < size; i++) {
            int s = order[i];
            this.function[i] = function[s];
            this.line[i] = line[s];
            System.arraycopy(costs, s * width, this.costs, i * width, width);
        }
    }

    private SelfTable(int width, int size, int[] function, int[] line, long[] costs) {
        this.width = width;
        this.size = size;
        this.function = function;
        this.line = line;
        this.costs = costs;
    }

    /**
     * The first {@code size} self costs of the given arrays, already in order: the table takes
     * the arrays, which its maker must no longer change.
     */
    static SelfTable adopt(int width, int size, int[] function, int[] line, long[] costs) {
        return new SelfTable(width, size, function, line, costs);
    }

    /** The self costs as a table: the list itself if it is one, else a table of them in their order. */
    public static SelfTable of(List<SelfCost> selfCosts) {
        if (selfCosts instanceof SelfTable table) {
            return table;
        }
        int n = selfCosts.size();
        int width = n == 0 ? 0 : selfCosts.get(0).costs().length;
        int[] function = new int[n];
        int[] line = new int[n];
        long[] costs = new long[n * width];
        for (int i = 0; i < n; i++) {
            SelfCost s = selfCosts.get(i);
            if (s.costs().length != width) {
                throw new IllegalArgumentException("self cost " + i + " has " + s.costs().length + " costs, not " + width);
            }
            function[i] = s.function();
            line[i] = s.line();
            System.arraycopy(s.costs(), 0, costs, i * width, width);
        }
        return new SelfTable(width, n, function, line, costs);
    }

    /** The number of cost types of each self cost. */
    public int width() {
        return width;
    }

    public int function(int i) {
        return function[i];
    }

    public int line(int i) {
        return line[i];
    }

    /** Copies self cost {@code i}'s values, one per cost type, into {@code into}. */
    public void costs(int i, long[] into) {
        System.arraycopy(costs, i * width, into, 0, width);
    }

    /** Self cost {@code i} of cost type {@code type}. */
    public long cost(int i, int type) {
        return costs[i * width + type];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public SelfCost get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("self cost " + i + " of " + size);
        }
        return new SelfCost(function[i], line[i], Arrays.copyOfRange(costs, i * width, (i + 1) * width));
    }
}
