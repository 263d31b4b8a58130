package prof2calltree.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects functions, self costs and calls as a reader streams them in, summing repeats, and
 * checks the model's rules when {@link #build() building}: edges between known functions and
 * no negative cost. Memory follows distinct functions, lines and call sites, never the number
 * of additions.
 */
public final class ProfileBuilder {
    private record FunctionKey(String name, String file, String object, int line, String qualifier) {}

    private record CallKey(int caller, int callerLine, int callee, int calleeLine) {}

    private record StackKey(int[] functions, int[] lines, String thread) {
        @Override
        public boolean equals(Object o) {
            return o instanceof StackKey k && Arrays.equals(functions, k.functions) && Arrays.equals(lines, k.lines)
                    && thread.equals(k.thread);
        }

        @Override
        public int hashCode() {
            return (Arrays.hashCode(functions) * 31 + Arrays.hashCode(lines)) * 31 + thread.hashCode();
        }
    }

    private static final class StackTotals {
        long events;
        final long[] costs;

        StackTotals(int width) {
            costs = new long[width];
        }
    }

    private static final class CallTotals {
        long count;
        final long[] inclusive;

        CallTotals(int width) {
            inclusive = new long[width];
        }
    }

    private final List<CostType> costTypes;
    private final List<Function> functions = new ArrayList<>();
    private final Map<FunctionKey, Integer> functionIds = new HashMap<>();
    private final Map<Long, long[]> selfCosts = new HashMap<>();
    private final Map<CallKey, CallTotals> calls = new HashMap<>();
    private final Map<StackKey, StackTotals> stacks = new HashMap<>();

    public ProfileBuilder(List<CostType> costTypes) {
        this.costTypes = List.copyOf(costTypes);
        long distinct = costTypes.stream().map(CostType::name).distinct().count();
        if (distinct != costTypes.size()) {
            throw new IllegalArgumentException("cost type names repeat: " + costTypes);
        }
    }

    public List<CostType> costTypes() {
        return costTypes;
    }

    /** Returns the id of the function with exactly these properties, adding it if it is new. */
    public int function(String name, String file, String object, int line, String qualifier) {
        FunctionKey key = new FunctionKey(
                Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(file, "file"),
                Objects.requireNonNull(object, "object"),
                line,
                Objects.requireNonNull(qualifier, "qualifier"));
        Integer id = functionIds.get(key);
        if (id == null) {
            id = functions.size();
            functions.add(new Function(id, name, file, object, line, qualifier));
            functionIds.put(key, id);
        }
        return id;
    }

    public int functionCount() {
        return functions.size();
    }

    /** Adds self cost of one type to a function at a line; a value of 0 still records the line. */
    public void addSelf(int function, int line, int costType, long value) {
        checkFunction(function);
        long key = ((long) function << 32) | (line & 0xffffffffL);
        long[] costs = selfCosts.computeIfAbsent(key, k -> new long[costTypes.size()]);
        costs[costType] += value;
    }

    /** Adds calls from a call site to a function, and the inclusive cost of one type of those calls. */
    public void addCall(int caller, int callerLine, int callee, int calleeLine, long count, int costType,
            long inclusive) {
        checkFunction(caller);
        checkFunction(callee);
        CallTotals totals = calls.computeIfAbsent(
                new CallKey(caller, callerLine, callee, calleeLine), k -> new CallTotals(costTypes.size()));
        totals.count += count;
        totals.inclusive[costType] += inclusive;
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
        StackTotals total = stacks.computeIfAbsent(
                new StackKey(functions.clone(), lines.clone(), Objects.requireNonNull(thread, "thread")),
                k -> new StackTotals(costTypes.size()));
        total.events += events;
        add(total.costs, costs);
        int leaf = functions.length - 1;
        long key = ((long) functions[leaf] << 32) | (lines[leaf] & 0xffffffffL);
        add(selfCosts.computeIfAbsent(key, k -> new long[costTypes.size()]), costs);
        java.util.Set<CallKey> seen = functions.length > 2 ? new java.util.HashSet<>() : null;
        for (int i = 0; i < leaf; i++) {
            int callee = functions[i + 1];
            CallKey call = new CallKey(functions[i], lines[i], callee, this.functions.get(callee).line());
            if (seen != null && !seen.add(call)) {
                continue;
            }
            CallTotals t = calls.computeIfAbsent(call, k -> new CallTotals(costTypes.size()));
            t.count += events;
            add(t.inclusive, costs);
        }
    }

    private static void add(long[] into, long[] values) {
        for (int i = 0; i < into.length; i++) {
            into[i] += values[i];
        }
    }

    private void checkFunction(int id) {
        if (id < 0 || id >= functions.size()) {
            throw new IllegalArgumentException("unknown function id " + id);
        }
    }

    /** Checks the rules and returns the profile, its entries sorted so that output is deterministic. */
    public Profile build() {
        List<SelfCost> self = new ArrayList<>(selfCosts.size());
        for (Map.Entry<Long, long[]> e : selfCosts.entrySet()) {
            long key = e.getKey();
            int function = (int) (key >>> 32);
            int line = (int) key;
            checkCosts(e.getValue(), "self cost of " + functions.get(function).name());
            self.add(new SelfCost(function, line, e.getValue()));
        }
        self.sort(Comparator.comparingInt(SelfCost::function).thenComparingInt(SelfCost::line));

        List<Call> edges = new ArrayList<>(calls.size());
        for (Map.Entry<CallKey, CallTotals> e : calls.entrySet()) {
            CallKey k = e.getKey();
            CallTotals t = e.getValue();
            if (t.count < 0) {
                throw new IllegalStateException("negative call count into " + functions.get(k.callee).name());
            }
            checkCosts(t.inclusive, "inclusive cost of a call to " + functions.get(k.callee).name());
            edges.add(new Call(k.caller, k.callerLine, k.callee, k.calleeLine, t.count, t.inclusive));
        }
        edges.sort(Comparator.comparingInt(Call::caller)
                .thenComparingInt(Call::callerLine)
                .thenComparingInt(Call::callee)
                .thenComparingInt(Call::calleeLine));
        List<Stack> stackList = new ArrayList<>(stacks.size());
        for (Map.Entry<StackKey, StackTotals> e : stacks.entrySet()) {
            checkCosts(e.getValue().costs, "stack cost");
            StackKey k = e.getKey();
            stackList.add(new Stack(k.functions, k.lines, k.thread, e.getValue().events, e.getValue().costs));
        }
        return new Profile(costTypes, functions, self, edges, stackList);
    }

    private static void checkCosts(long[] costs, String what) {
        for (long c : costs) {
            if (c < 0) {
                throw new IllegalStateException("negative " + what + ": " + c);
            }
        }
    }
}
