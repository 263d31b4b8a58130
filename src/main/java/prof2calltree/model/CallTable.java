package prof2calltree.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The calls of a built profile in primitive arrays, sorted by caller, caller line, callee and
 * callee line: an immutable {@code List<Call>} that makes each {@link Call} when asked for. A
 * pstats dump can have a million call sites; as records with their own cost arrays they would
 * be two million objects for the collector to trace for as long as the profile lives. Writers
 * read its columns by index ({@link #of}) and make no {@code Call} at all.
 */
public final class CallTable extends AbstractList<Call> implements RandomAccess {
    private final int width;
    private final int size;
    private final int[] caller;
    private final int[] callerLine;
    private final int[] callee;
    private final int[] calleeLine;
    private final long[] count;
    private final long[] inclusive;

    /** A table of the first {@code size} entries of the arrays, which it keeps as they are. */
    private CallTable(int width, int size, int[] caller, int[] callerLine, int[] callee, int[] calleeLine,
            long[] count, long[] inclusive) {
        this.width = width;
        this.size = size;
        this.caller = caller;
        this.callerLine = callerLine;
        this.callee = callee;
        this.calleeLine = calleeLine;
        this.count = count;
        this.inclusive = inclusive;
    }

    /**
     * The first {@code size} calls of the given arrays, already in order: the table takes the
     * arrays, which its maker must no longer change.
     */
    static CallTable adopt(int width, int size, int[] caller, int[] callerLine, int[] callee, int[] calleeLine,
            long[] count, long[] inclusive) {
        return new CallTable(width, size, caller, callerLine, callee, calleeLine, count, inclusive);
    }

    /**
     * The calls at {@code order}'s indexes, in that order, gathered column by column: each int
     * column is read through {@code order} into a spare array, and the column it came from is the
     * spare for the next; the counts go to a new array and, with one cost type, the costs to the
     * counts' old one (with more, to a new one too). So the whole costs one int and one long
     * array of the calls' length beyond the columns. The arrays belong to the table afterwards.
     */
    static CallTable gathered(int width, int[] order, int[] caller, int[] callerLine, int[] callee,
            int[] calleeLine, long[] count, long[] inclusive) {
        int n = order.length;
        int[] spare = new int[n];
        int[][] ints = {caller, callerLine, callee, calleeLine};
        for (int c = 0; c < ints.length; c++) {
            int[] from = ints[c];
            for (int k = 0; k < n; k++) {
                spare[k] = from[order[k]];
            }
            ints[c] = spare;
            spare = from;
        }
        long[] counts = new long[n];
        for (int k = 0; k < n; k++) {
            counts[k] = count[order[k]];
        }
        long[] costs;
        if (width == 1) {
            costs = count; // the spare, as the counts' old column
            for (int k = 0; k < n; k++) {
                costs[k] = inclusive[order[k]];
            }
        } else {
            costs = new long[n * width];
            for (int k = 0; k < n; k++) {
                System.arraycopy(inclusive, order[k] * width, costs, k * width, width);
            }
        }
        return new CallTable(width, n, ints[0], ints[1], ints[2], ints[3], counts, costs);
    }

    /** The calls as a table: the list itself if it is one, else a table of its calls in their order. */
    public static CallTable of(List<Call> calls) {
        if (calls instanceof CallTable table) {
            return table;
        }
        int n = calls.size();
        int width = n == 0 ? 0 : calls.get(0).inclusive().length;
        int[] caller = new int[n];
        int[] callerLine = new int[n];
        int[] callee = new int[n];
        int[] calleeLine = new int[n];
        long[] count = new long[n];
        long[] inclusive = new long[n * width];
        for (int i = 0; i < n; i++) {
            Call c = calls.get(i);
            if (c.inclusive().length != width) {
                throw new IllegalArgumentException("call " + i + " has " + c.inclusive().length + " costs, not " + width);
            }
            caller[i] = c.caller();
            callerLine[i] = c.callerLine();
            callee[i] = c.callee();
            calleeLine[i] = c.calleeLine();
            count[i] = c.count();
            System.arraycopy(c.inclusive(), 0, inclusive, i * width, width);
        }
        return new CallTable(width, n, caller, callerLine, callee, calleeLine, count, inclusive);
    }

    /** The number of cost types of each call. */
    public int width() {
        return width;
    }

    public int caller(int i) {
        return caller[i];
    }

    public int callerLine(int i) {
        return callerLine[i];
    }

    public int callee(int i) {
        return callee[i];
    }

    public int calleeLine(int i) {
        return calleeLine[i];
    }

    public long count(int i) {
        return count[i];
    }

    /** Copies call {@code i}'s inclusive costs, one per cost type, into {@code into}. */
    public void inclusive(int i, long[] into) {
        System.arraycopy(inclusive, i * width, into, 0, width);
    }

    /** The inclusive cost of call {@code i} of cost type {@code type}. */
    public long inclusive(int i, int type) {
        return inclusive[i * width + type];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Call get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("call " + i + " of " + size);
        }
        return new Call(caller[i], callerLine[i], callee[i], calleeLine[i], count[i],
                Arrays.copyOfRange(inclusive, i * width, (i + 1) * width));
    }
}
