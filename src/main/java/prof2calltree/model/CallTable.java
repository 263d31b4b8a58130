package prof2calltree.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The calls of a built profile in primitive arrays, sorted by caller, caller line, callee and
 * callee line: an immutable {@code List<Call>} that makes each {@link Call} when asked for. A
 * pstats dump can have a million call sites; as records with their own cost arrays they would
 * be two million objects for the collector to trace for as long as the profile lives.
 */
final class CallTable extends AbstractList<Call> implements RandomAccess {
    private final int width;
    private final int size;
    private final int[] caller;
    private final int[] callerLine;
    private final int[] callee;
    private final int[] calleeLine;
    private final long[] count;
    private final long[] inclusive;

    /** The calls at {@code order}'s indexes of the given arrays, in that order. */
    CallTable(int width, int[] order, int[] caller, int[] callerLine, int[] callee, int[] calleeLine, long[] count,
            long[] inclusive) {
        this.width = width;
        this.size = order.length;
        this.caller = new int[size];
        this.callerLine = new int[size];
        this.callee = new int[size];
        this.calleeLine = new int[size];
        this.count = new long[size];
        this.inclusive = new long[size * width];
        for (int i = 0; i < size; i++) {
            int c = order[i];
            this.caller[i] = caller[c];
            this.callerLine[i] = callerLine[c];
            this.callee[i] = callee[c];
            this.calleeLine[i] = calleeLine[c];
            this.count[i] = count[c];
            System.arraycopy(inclusive, c * width, this.inclusive, i * width, width);
        }
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
