package prof2calltree.model.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import prof2calltree.model.Call;
import prof2calltree.model.Function;
import prof2calltree.model.Profile;
import prof2calltree.model.ProfileBuilder;
import prof2calltree.model.SelfCost;

/**
 * Removes functions from a call graph without stacks, folding each into its callers the way
 * gprof attributes a child's time: in proportion to the inclusive cost of each incoming call
 * (per cost column; by call count, then equally, where those are all 0). A removed function's
 * self cost becomes self cost of each caller at its call site; each of its calls is
 * re-attached to every caller at that call site with the same proportion of its inclusive
 * cost, and of its count in proportion to the incoming call counts; a share of 0 makes no
 * call. Calls of a removed function to itself vanish (their cost is inside its callers').
 * A removed function no other function calls hands everything to {@link FunctionFilter#FILTERED}.
 * Integer shares are exact ({@link Shares}), so totals do not change; which caller got how
 * much of a shared callee, and how many calls, is an estimate, as it is in gprof. Functions
 * are removed cheapest first (fewest calls created, ties by id), the order that keeps calls
 * between removed functions from piling up; the result is deterministic.
 */
final class CallGraphFolding {
    private record Edge(int caller, int callerLine, int callee, int calleeLine) {}

    private static final Comparator<Edge> ORDER = Comparator.comparingInt(Edge::caller)
            .thenComparingInt(Edge::callerLine).thenComparingInt(Edge::callee).thenComparingInt(Edge::calleeLine);

    private static final Set<Edge> EMPTY = Set.of();

    private final int width;
    private final int filtered;
    /** Self cost per function, per line. */
    private final Map<Integer, TreeMap<Integer, long[]>> self = new HashMap<>();
    /** Per edge: count, then inclusive cost per column. */
    private final Map<Edge, long[]> edges = new HashMap<>();
    private final Map<Integer, Set<Edge>> in = new HashMap<>();
    private final Map<Integer, Set<Edge>> out = new HashMap<>();

    private CallGraphFolding(Profile p) {
        width = p.costTypes().size();
        filtered = p.functions().size();
        for (SelfCost c : p.selfCosts()) {
            addSelf(c.function(), c.line(), c.costs());
        }
        for (Call c : p.calls()) {
            long[] v = new long[width + 1];
            v[0] = c.count();
            System.arraycopy(c.inclusive(), 0, v, 1, width);
            addEdge(new Edge(c.caller(), c.callerLine(), c.callee(), c.calleeLine()), v);
        }
    }

    /** The call graph of {@code p} without the functions {@code keep} rejects. */
    static Profile fold(Profile p, Predicate<Function> keep) {
        CallGraphFolding g = new CallGraphFolding(p);
        boolean[] pending = new boolean[p.functions().size()];
        // Cheapest first (incoming times outgoing calls, ties by id), as in minimum-degree
        // elimination: removing in id order made calls between removed functions pile up.
        PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : Long.compare(a[1], b[1]));
        for (Function f : p.functions()) {
            if (!keep.test(f)) {
                pending[f.id()] = true;
                queue.add(new long[] {g.cost(f.id()), f.id()});
            }
        }
        while (!queue.isEmpty()) {
            long[] next = queue.poll();
            int d = (int) next[1];
            if (!pending[d] || next[0] != g.cost(d)) {
                continue;
            }
            pending[d] = false;
            for (int neighbour : g.remove(d)) {
                if (neighbour < pending.length && pending[neighbour]) {
                    queue.add(new long[] {g.cost(neighbour), neighbour});
                }
            }
        }
        ProfileBuilder b = new ProfileBuilder(p.costTypes());
        int[] fn = new int[p.functions().size() + 1];
        for (Function f : p.functions()) {
            fn[f.id()] = keep.test(f) ? Rebuild.function(b, f) : -1;
        }
        if (g.self.containsKey(g.filtered) || !g.out.getOrDefault(g.filtered, EMPTY).isEmpty()) {
            fn[g.filtered] = FunctionFilter.filtered(b);
        }
        int[] col = Rebuild.identity(g.width);
        g.self.forEach((f, lines) -> lines.forEach((line, costs) -> Rebuild.self(b, new SelfCost(f, line, costs), fn, col)));
        g.edges.forEach((e, v) -> Rebuild.call(b, new Call(e.caller, e.callerLine, e.callee, e.calleeLine, v[0],
                Arrays.copyOfRange(v, 1, v.length)), fn, col));
        return b.build();
    }

    /** How many calls removing {@code f} would create, about. */
    private long cost(int f) {
        return (long) in.getOrDefault(f, EMPTY).size() * out.getOrDefault(f, EMPTY).size();
    }

    /** Folds {@code d} into its callers; returns the functions whose calls changed. */
    private Set<Integer> remove(int d) {
        Set<Integer> touched = new HashSet<>();
        List<Edge> incoming = new ArrayList<>();
        List<Edge> outgoing = new ArrayList<>();
        for (Edge e : new ArrayList<>(in.getOrDefault(d, EMPTY))) {
            long[] v = removeEdge(e);
            touched.add(e.caller);
            if (e.caller != d) {
                incoming.add(e);
                edges.put(e, v);
            }
        }
        for (Edge e : new ArrayList<>(out.getOrDefault(d, EMPTY))) {
            touched.add(e.callee);
            outgoing.add(e);
            edges.put(e, removeEdge(e));
        }
        // Sorted, so that the integer shares do not depend on hash order.
        incoming.sort(ORDER);
        outgoing.sort(ORDER);
        long[] selfTotal = new long[width];
        TreeMap<Integer, long[]> lines = self.remove(d);
        if (lines != null) {
            lines.values().forEach(c -> add(selfTotal, 0, c));
        }
        if (incoming.isEmpty()) {
            long[] one = new long[width + 1];
            one[0] = 1;
            incoming.add(new Edge(filtered, 0, d, 0));
            edges.put(incoming.get(0), one);
        }
        int m = incoming.size();
        long[][] weights = new long[width + 1][];
        for (int k = 0; k <= width; k++) {
            weights[k] = weights(incoming, k);
        }
        long[][] shares = new long[m][width];
        for (int k = 0; k < width; k++) {
            long[] part = Shares.split(selfTotal[k], weights[k + 1]);
            for (int i = 0; i < m; i++) {
                shares[i][k] = part[i];
            }
        }
        for (int i = 0; i < m; i++) {
            if (nonZero(shares[i])) {
                addSelf(incoming.get(i).caller, incoming.get(i).callerLine, shares[i]);
            }
        }
        long[][] moved = new long[m][width + 1];
        for (Edge o : outgoing) {
            long[] v = edges.remove(o);
            for (int k = 0; k <= width; k++) {
                long[] part = Shares.split(v[k], weights[k]);
                for (int i = 0; i < m; i++) {
                    moved[i][k] = part[i];
                }
            }
            for (int i = 0; i < m; i++) {
                if (nonZero(moved[i])) {
                    addEdge(new Edge(incoming.get(i).caller, incoming.get(i).callerLine, o.callee, o.calleeLine), moved[i]);
                }
            }
        }
        incoming.forEach(edges::remove);
        in.remove(d);
        out.remove(d);
        return touched;
    }

    /** Weights of the incoming edges in slot {@code k} (0 count, then columns), falling back to counts. */
    private long[] weights(List<Edge> incoming, int k) {
        long[] w = new long[incoming.size()];
        long sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = edges.get(incoming.get(i))[k];
            sum += w[i];
        }
        return sum == 0 && k != 0 ? weights(incoming, 0) : w;
    }

    private void addSelf(int f, int line, long[] costs) {
        add(self.computeIfAbsent(f, x -> new TreeMap<>()).computeIfAbsent(line, x -> new long[width]), 0, costs);
    }

    private void addEdge(Edge e, long[] v) {
        long[] old = edges.get(e);
        if (old == null) {
            edges.put(e, v.clone());
            out.computeIfAbsent(e.caller, x -> new HashSet<>()).add(e);
            in.computeIfAbsent(e.callee, x -> new HashSet<>()).add(e);
        } else {
            add(old, 0, v);
        }
    }

    private long[] removeEdge(Edge e) {
        out.get(e.caller).remove(e);
        in.get(e.callee).remove(e);
        return edges.remove(e);
    }

    private static boolean nonZero(long[] v) {
        for (long x : v) {
            if (x != 0) {
                return true;
            }
        }
        return false;
    }

    private static void add(long[] into, int from, long[] values) {
        for (int i = 0; i < values.length; i++) {
            into[from + i] += values[i];
        }
    }
}
