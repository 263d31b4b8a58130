package prof2calltree.write.top;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import prof2calltree.model.Call;
import prof2calltree.model.Profile;
import prof2calltree.model.Stack;

/**
 * The inclusive cost of every function in one cost column: the cost of the function and of
 * everything it called, each event counted once however deep recursion goes.
 *
 * <p>With stacks it is exact: the cost of every stack the function is on, once per stack.
 * With only a call graph (pstats) it is the sum over calls into the function from outside its
 * recursion cycle (calls from functions it does not itself reach), which counts no activation
 * twice and is exact unless the function is in a cycle with other functions; then some
 * outermost activations may come from inside the cycle, and the value is a lower bound (at
 * least the costliest single incoming call and the self cost). A function no other function
 * calls gets its self cost plus the inclusive cost of its calls to others.
 *
 * @param values inclusive cost per function id
 * @param lowerBound per function id, whether the value is only a lower bound
 */
record InclusiveCosts(long[] values, boolean[] lowerBound) {

    static InclusiveCosts of(Profile profile, int column, long[] self) {
        int n = profile.functions().size();
        return profile.hasStacks() ? fromStacks(profile.stacks(), n, column)
                : fromCalls(profile.calls(), n, column, self);
    }

    private static InclusiveCosts fromStacks(List<Stack> stacks, int n, int column) {
        long[] values = new long[n];
        int[] seenOnStack = new int[n];
        Arrays.fill(seenOnStack, -1);
        for (int s = 0; s < stacks.size(); s++) {
            Stack stack = stacks.get(s);
            for (int f : stack.functions()) {
                if (seenOnStack[f] != s) {
                    seenOnStack[f] = s;
                    values[f] += stack.costs()[column];
                }
            }
        }
        return new InclusiveCosts(values, new boolean[n]);
    }

    private static InclusiveCosts fromCalls(List<Call> calls, int n, int column, long[] self) {
        int[] component = components(calls, n);
        int[] size = new int[n];
        for (int c : component) {
            size[c]++;
        }
        long[] fromOutside = new long[n];
        long[] maxIn = new long[n];
        long[] out = new long[n];
        boolean[] called = new boolean[n];
        for (Call c : calls) {
            long v = c.inclusive()[column];
            maxIn[c.callee()] = Math.max(maxIn[c.callee()], v);
            if (component[c.caller()] != component[c.callee()]) {
                fromOutside[c.callee()] += v;
            }
            if (c.caller() != c.callee()) {
                out[c.caller()] += v;
                called[c.callee()] = true;
            }
        }
        long[] values = new long[n];
        boolean[] lowerBound = new boolean[n];
        for (int f = 0; f < n; f++) {
            if (!called[f]) {
                values[f] = self[f] + out[f];
            } else if (size[component[f]] > 1) {
                values[f] = Math.max(fromOutside[f], Math.max(maxIn[f], self[f]));
                lowerBound[f] = true;
            } else {
                values[f] = fromOutside[f];
            }
        }
        return new InclusiveCosts(values, lowerBound);
    }

    /** Strongly connected components of the call graph (Tarjan's, without recursion): a component id per function. */
    static int[] components(List<Call> calls, int n) {
        int[] start = new int[n + 1];
        for (Call c : calls) {
            start[c.caller() + 1]++;
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] targets = new int[calls.size()];
        int[] fill = Arrays.copyOf(start, n);
        for (Call c : calls) {
            targets[fill[c.caller()]++] = c.callee();
        }
        int[] index = new int[n];
        int[] low = new int[n];
        int[] component = new int[n];
        int[] next = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        ArrayDeque<Integer> stack = new ArrayDeque<>();
        ArrayDeque<Integer> path = new ArrayDeque<>();
        int counter = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            path.push(root);
            index[root] = low[root] = counter++;
            next[root] = start[root];
            stack.push(root);
            onStack[root] = true;
            while (!path.isEmpty()) {
                int v = path.peek();
                if (next[v] < start[v + 1]) {
                    int w = targets[next[v]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        next[w] = start[w];
                        stack.push(w);
                        onStack[w] = true;
                        path.push(w);
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                path.pop();
                if (!path.isEmpty()) {
                    low[path.peek()] = Math.min(low[path.peek()], low[v]);
                }
                if (low[v] == index[v]) {
                    int w;
                    do {
                        w = stack.pop();
                        onStack[w] = false;
                        component[w] = v;
                    } while (w != v);
                }
            }
        }
        return component;
    }
}
