package prof2calltree.model;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Collects functions, self costs and calls as a reader streams them in, summing repeats, and
 * checks the model's rules when {@link #build() building}: edges between known functions and
 * no negative cost. Memory follows distinct functions, lines and call sites, never the number
 * of additions.
 */
public final class ProfileBuilder {
    private final List<CostType> costTypes;
    /** Functions by id and by identity; they become the profile's list. */
    private final FunctionTable functions;
    /**
     * Self costs by (function, line), found through their key packed in a long: the key's index
     * into {@code selfFunction} and {@code selfLine} and, times the number of cost types, into
     * {@code selfCosts}. Two int columns rather than the packed keys, so that self costs added in
     * order become the profile's table as they are.
     */
    private LongIndex selfIndex;
    private int selfCount;
    private int[] selfFunction;
    private int[] selfLine;
    private long[] selfCosts;
    /**
     * Calls, in arrays indexed by call number, found by caller and callee packed in a long: the
     * index gives the latest call of the pair, {@code callNext} the pair's others (other lines).
     */
    private LongIndex callIndex;
    /** The sizes the two indexes are made with, on first use ({@link #addSelfOnce} and {@link #addCallOnce} need none). */
    private final int expectedSelfCosts;
    private final int expectedCalls;
    private int callCount;
    private int[] callCaller;
    private int[] callCallerLine;
    private int[] callCallee;
    private int[] callCalleeLine;
    /** The next call of the same (caller, callee) pair, or -1; made with the index. */
    private int[] callNext;
    private long[] callCounts;
    private long[] callInclusive;
    private final StackTable.Filler stacks;
    /**
     * Set by {@link #build}, which hands its arrays to the profile: adding to them afterwards
     * would change a profile that is meant to be immutable. Set even if the build fails, which
     * may leave the arrays half moved.
     */
    private boolean built;

    public ProfileBuilder(List<CostType> costTypes) {
        this(costTypes, 256, 256, 256);
    }

    /**
     * A builder sized for a profile of about this many functions, (function, line) self costs
     * and calls: a reader that knows them up front (a pstats dump) saves the builder growing its
     * tables, which in a big conversion would allocate more than the profile holds. More are
     * still accepted.
     */
    public ProfileBuilder(List<CostType> costTypes, int functions, int selfCosts, int calls) {
        this.costTypes = List.copyOf(costTypes);
        this.stacks = new StackTable.Filler(this.costTypes.size());
        int f = Math.max(functions, 16);
        int s = Math.max(selfCosts, 16);
        int c = Math.max(calls, 16);
        this.functions = new FunctionTable(f);
        this.expectedSelfCosts = s;
        this.selfFunction = new int[s];
        this.selfLine = new int[s];
        this.selfCosts = new long[s * this.costTypes.size()];
        this.expectedCalls = c;
        this.callCaller = new int[c];
        this.callCallerLine = new int[c];
        this.callCallee = new int[c];
        this.callCalleeLine = new int[c];
        this.callCounts = new long[c];
        this.callInclusive = new long[c * this.costTypes.size()];
        // No streams or lambdas here or below: the first one sets up the JVM's lambda machinery,
        // which costs a small conversion several milliseconds (the launcher's start-up target).
        Set<String> names = new HashSet<>();
        for (CostType type : costTypes) {
            names.add(type.name());
        }
        if (names.size() != costTypes.size()) {
            throw new IllegalArgumentException("cost type names repeat: " + costTypes);
        }
    }

    public List<CostType> costTypes() {
        return costTypes;
    }

    /** How many functions have been added. */
    public int functionCount() {
        return functions.size();
    }

    /** Returns the id of the function with exactly these properties, adding it if it is new. */
    public int function(String name, String file, String object, int line, String qualifier) {
        checkFunctionFields(name, file, object, qualifier);
        return functions.find(name, file, object, line, qualifier);
    }

    /**
     * Adds a function the caller knows is not in the builder yet, and returns its id: no lookup,
     * for a reader whose keys are already distinct (a pstats dump's, where no two key tuples
     * name the same function). A later {@link #function} call finds it. Given a function that
     * is there already, the profile would have two equal ones.
     */
    public int addFunctionOnce(String name, String file, String object, int line, String qualifier) {
        checkFunctionFields(name, file, object, qualifier);
        return functions.addOnce(name, file, object, line, qualifier);
    }

    private void checkFunctionFields(String name, String file, String object, String qualifier) {
        checkOpen();
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(qualifier, "qualifier");
    }

    /** Adds self cost of one type to a function at a line; a value of 0 still records the line. */
    public void addSelf(int function, int line, int costType, long value) {
        checkFunction(function);
        int self = self(selfKey(function, line)); // first: it may grow selfCosts
        selfCosts[self * costTypes.size() + costType] += value;
    }

    /**
     * Adds self costs, one value per cost type, of a (function, line) the caller adds no other
     * self cost for (a pstats entry): no lookup, so no index to build. Repeats are still summed,
     * when the profile is built.
     */
    public void addSelfOnce(int function, int line, long[] costs) {
        checkFunction(function);
        checkWidth(costs);
        int self = newSelf(function, line) * costs.length;
        System.arraycopy(costs, 0, selfCosts, self, costs.length);
    }

    /**
     * Adds calls from a call site to a function, with their inclusive costs (one value per cost
     * type), for a call the caller adds no other time (a pstats edge): no lookup, so no index to
     * build. Repeats are still summed, when the profile is built.
     */
    public void addCallOnce(int caller, int callerLine, int callee, int calleeLine, long count, long[] inclusive) {
        checkFunction(caller);
        checkFunction(callee);
        checkWidth(inclusive);
        int c = newCall(caller, callerLine, callee, calleeLine);
        callCounts[c] = count;
        System.arraycopy(inclusive, 0, callInclusive, c * inclusive.length, inclusive.length);
    }

    /**
     * Adds {@code n} calls given as columns, call {@code i} at index {@code i} of each ({@code
     * inclusive}: one value per cost type, call after call), each added no other time, as
     * {@link #addCallOnce} adds one. A builder with no calls yet takes the arrays as they are when
     * each holds exactly the {@code n} calls ({@code inclusive} exactly {@code n} times the cost
     * types) and no two are the same array, so a reader that made them to size saves a copy;
     * calls in the profile's order (by caller, caller line, callee, callee line) then need no sort
     * either. Otherwise the calls are copied. Either way the caller must no longer change the
     * arrays.
     */
    public void addCallsOnce(int n, int[] caller, int[] callerLine, int[] callee, int[] calleeLine, long[] count,
            long[] inclusive) {
        checkOpen();
        int width = costTypes.size();
        if (n < 0 || caller.length < n || callerLine.length < n || callee.length < n || calleeLine.length < n
                || count.length < n || inclusive.length < (long) n * width) {
            throw new IllegalArgumentException("columns shorter than " + n + " calls");
        }
        int functionCount = functions.size();
        for (int i = 0; i < n; i++) {
            if (caller[i] < 0 || caller[i] >= functionCount || callee[i] < 0 || callee[i] >= functionCount) {
                throw new IllegalArgumentException("unknown function id " + (caller[i] < 0 || caller[i] >= functionCount
                        ? caller[i] : callee[i]));
            }
        }
        if (n == 0) {
            return;
        }
        boolean exact = caller.length == n && callerLine.length == n && callee.length == n && calleeLine.length == n
                && count.length == n && inclusive.length == (long) n * width && caller != callerLine && caller != callee
                && caller != calleeLine && callerLine != callee && callerLine != calleeLine && callee != calleeLine
                && count != inclusive;
        if (callCount > 0 || callIndex != null || !exact) {
            long[] costs = new long[width];
            for (int i = 0; i < n; i++) {
                System.arraycopy(inclusive, i * width, costs, 0, width);
                addCallOnce(caller[i], callerLine[i], callee[i], calleeLine[i], count[i], costs);
            }
            return;
        }
        callCaller = caller;
        callCallerLine = callerLine;
        callCallee = callee;
        callCalleeLine = calleeLine;
        callCounts = count;
        callInclusive = inclusive;
        callCount = n;
    }

    /** Adds calls from a call site to a function, and the inclusive cost of one type of those calls. */
    public void addCall(int caller, int callerLine, int callee, int calleeLine, long count, int costType,
            long inclusive) {
        checkFunction(caller);
        checkFunction(callee);
        int c = call(caller, callerLine, callee, calleeLine);
        callCounts[c] += count;
        callInclusive[c * costTypes.size() + costType] += inclusive;
    }

    /** A (function, line) pair as a self cost key: the function in the high half, the line in the low. */
    private static long selfKey(int function, int line) {
        return ((long) function << 32) | (line & 0xffffffffL);
    }

    /** The index of a (function, line) key's self costs, made on first use. */
    private int self(long key) {
        if (selfIndex == null) {
            selfIndex = new LongIndex(Math.max(expectedSelfCosts, selfCount));
            for (int i = 0; i < selfCount; i++) {
                long known = selfKey(selfFunction[i], selfLine[i]);
                if (selfIndex.get(known) < 0) {
                    selfIndex.putNew(known, i);
                }
            }
        }
        int index = selfIndex.get(key);
        if (index >= 0) {
            return index;
        }
        index = newSelf((int) (key >>> 32), (int) key);
        selfIndex.putNew(key, index);
        return index;
    }

    /** A new self cost entry for (function, line), its costs 0; not in the index. */
    private int newSelf(int function, int line) {
        int index = selfCount++;
        if (index == selfFunction.length) {
            selfFunction = Arrays.copyOf(selfFunction, index * 2);
            selfLine = Arrays.copyOf(selfLine, index * 2);
            selfCosts = Arrays.copyOf(selfCosts, index * 2 * costTypes.size());
        }
        selfFunction[index] = function;
        selfLine[index] = line;
        return index;
    }

    /** The number of a call, made on first use. */
    private int call(int caller, int callerLine, int callee, int calleeLine) {
        if (callIndex == null) {
            callIndex = new LongIndex(Math.max(expectedCalls, callCount));
            callNext = new int[callCaller.length];
            for (int c = 0; c < callCount; c++) {
                index(c);
            }
        }
        long pair = ((long) caller << 32) | (callee & 0xffffffffL);
        for (int c = callIndex.get(pair); c >= 0; c = callNext[c]) {
            if (callCallerLine[c] == callerLine && callCalleeLine[c] == calleeLine) {
                return c;
            }
        }
        int c = newCall(caller, callerLine, callee, calleeLine);
        index(c);
        return c;
    }

    /** Puts call {@code c} first in its (caller, callee) pair's chain. */
    private void index(int c) {
        long pair = ((long) callCaller[c] << 32) | (callCallee[c] & 0xffffffffL);
        int first = callIndex.get(pair);
        callNext[c] = first;
        if (first < 0) {
            callIndex.putNew(pair, c);
        } else {
            callIndex.replace(pair, c);
        }
    }

    /** A new call, its count and costs 0; not in the index. */
    private int newCall(int caller, int callerLine, int callee, int calleeLine) {
        int c = callCount++;
        if (c == callCaller.length) {
            int n = c * 2;
            callCaller = Arrays.copyOf(callCaller, n);
            callCallerLine = Arrays.copyOf(callCallerLine, n);
            callCallee = Arrays.copyOf(callCallee, n);
            callCalleeLine = Arrays.copyOf(callCalleeLine, n);
            if (callNext != null) {
                callNext = Arrays.copyOf(callNext, n);
            }
            callCounts = Arrays.copyOf(callCounts, n);
            callInclusive = Arrays.copyOf(callInclusive, n * costTypes.size());
        }
        callCaller[c] = caller;
        callCallerLine[c] = callerLine;
        callCallee[c] = callee;
        callCalleeLine[c] = calleeLine;
        return c;
    }

    /**
     * Adds events seen on one stack, and the call graph they imply: their cost is self cost of
     * the leaf at its line, and inclusive cost of every call along the stack, charged once per
     * distinct (caller, line, callee) however often recursion repeats it.
     *
     * @param functions function ids from the root to the leaf
     * @param lines the line of each frame (call sites for callers)
     * @param thread the thread the events ran on, or "" if unknown
     * @param events how many events these are (added to each call's count)
     * @param costs the events' summed costs, one value per cost type
     */
    public void addStack(int[] functions, int[] lines, String thread, long events, long[] costs) {
        if (functions.length == 0 || functions.length != lines.length || costs.length != costTypes.size()) {
            throw new IllegalArgumentException("bad stack: " + functions.length + " frames, " + lines.length
                    + " lines, " + costs.length + " costs");
        }
        for (int f : functions) {
            checkFunction(f);
        }
        stacks.add(functions, lines, Objects.requireNonNull(thread, "thread"), events, costs);
        int leaf = functions.length - 1;
        // Before reading selfCosts: it may grow them.
        int self = self(selfKey(functions[leaf], lines[leaf])) * costs.length;
        for (int k = 0; k < costs.length; k++) {
            selfCosts[self + k] += costs[k];
        }
        // Recursion repeats a call within one stack; it is charged once: each call number met is
        // stamped with this stack's stamp, and a call already stamped is skipped.
        int seen = nextCallStamp();
        for (int i = 0; i < leaf; i++) {
            int caller = functions[i];
            int callee = functions[i + 1];
            int calleeLine = this.functions.line(callee);
            int c = call(caller, lines[i], callee, calleeLine);
            if (c >= callStamps.length) {
                callStamps = Arrays.copyOf(callStamps, Math.max(callCaller.length, c + 1));
            }
            if (callStamps[c] == seen) {
                continue;
            }
            callStamps[c] = seen;
            callCounts[c] += events;
            int at = c * costs.length;
            for (int k = 0; k < costs.length; k++) {
                callInclusive[at + k] += costs[k];
            }
        }
    }

    /** Per call number, the stamp of the last stack that charged it, for {@link #addStack}. */
    private int[] callStamps = new int[0];
    private int callStamp;

    private int nextCallStamp() {
        if (++callStamp == 0) {
            Arrays.fill(callStamps, 0);
            callStamp = 1;
        }
        return callStamp;
    }

    private void checkWidth(long[] costs) {
        if (costs.length != costTypes.size()) {
            throw new IllegalArgumentException(costs.length + " costs for " + costTypes.size() + " cost types");
        }
    }

    private void checkOpen() {
        if (built) {
            throw new IllegalStateException("the profile is already built");
        }
    }

    /** Checks that the builder is still open and the function id is known. */
    private void checkFunction(int id) {
        checkOpen();
        if (id < 0 || id >= functions.size()) {
            throw new IllegalArgumentException("unknown function id " + id);
        }
    }

    /**
     * Checks the rules and returns the profile, its entries sorted so that output is deterministic
     * and its stacks in the order first added. The stacks move into the profile: call this once.
     */
    public Profile build() {
        checkOpen();
        // Whether it succeeds or not: building moves the arrays into the profile's tables.
        built = true;
        SelfTable self = sortedSelfCosts();
        CallTable edges = sortedCalls();
        long negative = stacks.firstNegativeCost();
        if (negative < 0) {
            throw new IllegalStateException("negative stack cost: " + negative);
        }
        return new Profile(costTypes, functions.list(), self, edges, stacks.build());
    }

    /**
     * Checks the self costs and returns them sorted by function and line: grouped by function
     * with a counting sort, then each function's lines sorted, repeats summed. Self costs added
     * in that order already, each key once (a pstats dump's entries), skip the sort, and their
     * arrays become the table's.
     */
    private SelfTable sortedSelfCosts() {
        int n = selfCount;
        int width = costTypes.size();
        int[] owner = selfFunction;
        int[] lines = selfLine;
        int[] order = null; // null: in order already
        if (!inOrder(owner, lines, n)) {
            order = IndexSort.groupedSorted(owner, n, functions.size(), new IndexSort.Order() {
                @Override
                public int compare(int a, int b) {
                    return Integer.compare(lines[a], lines[b]);
                }
            });
            // Repeats of a key (from addSelfOnce) are next to each other now: summed into the first.
            int kept = 0;
            for (int k = 0; k < n; k++) {
                int i = order[k];
                int last = kept > 0 ? order[kept - 1] : -1;
                if (last >= 0 && owner[last] == owner[i] && lines[last] == lines[i]) {
                    for (int t = 0; t < width; t++) {
                        selfCosts[last * width + t] += selfCosts[i * width + t];
                    }
                } else {
                    order[kept++] = i;
                }
            }
            order = kept == n ? order : Arrays.copyOf(order, kept);
        }
        int count = order == null ? n : order.length;
        for (int k = 0; k < count; k++) {
            int i = order == null ? k : order[k];
            for (int t = 0; t < width; t++) {
                if (selfCosts[i * width + t] < 0) {
                    throw new IllegalStateException("negative self cost of " + functions.name(owner[i]) + ": "
                            + selfCosts[i * width + t]);
                }
            }
        }
        return order == null ? SelfTable.adopt(width, n, owner, lines, selfCosts)
                : new SelfTable(width, order, owner, lines, selfCosts);
    }

    /** Whether each call is after the one before in the sort's order: by caller, caller line, callee, callee line. */
    private boolean callsInOrder() {
        for (int c = 1; c < callCount; c++) {
            int d = Integer.compare(callCaller[c], callCaller[c - 1]);
            if (d == 0) {
                d = Integer.compare(callCallerLine[c], callCallerLine[c - 1]);
            }
            if (d == 0) {
                d = Integer.compare(callCallee[c], callCallee[c - 1]);
            }
            if (d == 0) {
                d = Integer.compare(callCalleeLine[c], callCalleeLine[c - 1]);
            }
            if (d <= 0) {
                return false;
            }
        }
        return true;
    }

    /** Checks that call {@code c}'s count and inclusive costs are not negative. */
    private void checkCall(int c, int width) {
        if (callCounts[c] < 0) {
            throw new IllegalStateException("negative call count into " + functions.name(callCallee[c]));
        }
        for (int t = 0; t < width; t++) {
            if (callInclusive[c * width + t] < 0) {
                throw new IllegalStateException("negative inclusive cost of a call to "
                        + functions.name(callCallee[c]) + ": " + callInclusive[c * width + t]);
            }
        }
    }

    /** Whether the first {@code n} (function, line) pairs are each after the one before, in the sort's order. */
    private static boolean inOrder(int[] function, int[] line, int n) {
        for (int i = 1; i < n; i++) {
            if (function[i] < function[i - 1] || function[i] == function[i - 1] && line[i] <= line[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks the calls and returns them sorted by caller, caller line, callee and callee line:
     * grouped by caller with a counting sort, then each caller's calls sorted.
     */
    private CallTable sortedCalls() {
        int width = costTypes.size();
        if (callsInOrder()) {
            // Added in the sort's order, each key once (a pstats dump's calls, grouped by caller):
            // no sort, nothing to sum, and the arrays become the table's.
            for (int c = 0; c < callCount; c++) {
                checkCall(c, width);
            }
            return CallTable.adopt(width, callCount, callCaller, callCallerLine, callCallee, callCalleeLine,
                    callCounts, callInclusive);
        }
        int[] callerLine = callCallerLine;
        int[] callee = callCallee;
        int[] calleeLine = callCalleeLine;
        IndexSort.Order byLines = new IndexSort.Order() {
            @Override
            public int compare(int a, int b) {
                int d = Integer.compare(callerLine[a], callerLine[b]);
                if (d == 0) {
                    d = Integer.compare(callee[a], callee[b]);
                }
                return d != 0 ? d : Integer.compare(calleeLine[a], calleeLine[b]);
            }
        };
        int[] order = IndexSort.groupedSorted(callCaller, callCount, functions.size(), byLines);
        // Repeats of a call (from addCallOnce) are next to each other now: summed into the first.
        int kept = 0;
        for (int k = 0; k < callCount; k++) {
            int c = order[k];
            int into = kept > 0 ? order[kept - 1] : -1;
            if (into >= 0 && callCaller[into] == callCaller[c] && byLines.compare(into, c) == 0) {
                callCounts[into] += callCounts[c];
                for (int t = 0; t < width; t++) {
                    callInclusive[into * width + t] += callInclusive[c * width + t];
                }
            } else {
                order[kept++] = c;
            }
        }
        order = kept == callCount ? order : Arrays.copyOf(order, kept);
        for (int c : order) {
            checkCall(c, width);
        }
        // Gathered column by column into the sort's order (one spare array of each type): a
        // million calls put in order in place, following the permutation's cycles across seven
        // arrays, took 0.14-0.2 s (big-edges.prof's build 226-330 -> 100-106 ms, its write
        // 117-146 -> 89-99 ms; big-functions.prof's build 51-59 -> 46-51 ms, first runs). Read
        // through the order without moving, the writer's reads were scattered instead (write
        // 117-123 and 81-94 ms).
        return CallTable.gathered(width, order, callCaller, callCallerLine, callCallee, callCalleeLine, callCounts,
                callInclusive);
    }
}
