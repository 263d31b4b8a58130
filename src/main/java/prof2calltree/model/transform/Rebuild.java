package prof2calltree.model.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import prof2calltree.model.Call;
import prof2calltree.model.Function;
import prof2calltree.model.Profile;
import prof2calltree.model.ProfileBuilder;
import prof2calltree.model.SelfCost;
import prof2calltree.model.Stack;

/**
 * Copies parts of a profile into a {@link ProfileBuilder}, renumbering functions and cost
 * columns, and finds what a profile's call graph holds beyond what its stacks imply.
 */
final class Rebuild {
    /** What a call graph holds beyond its stacks: nothing, for every reader we have. */
    record Residual(List<SelfCost> self, List<Call> calls) {
        boolean isEmpty() {
            return self.isEmpty() && calls.isEmpty();
        }
    }

    private record CallKey(int caller, int callerLine, int callee, int calleeLine) {}

    private Rebuild() {}

    /** Adds {@code f} to the builder (or finds it there) and returns its id in the builder. */
    static int function(ProfileBuilder b, Function f) {
        return b.function(f.name(), f.file(), f.object(), f.line(), f.qualifier());
    }

    /** Adds every function in id order; returns each one's id in the builder. */
    static int[] functions(ProfileBuilder b, List<Function> functions) {
        int[] map = new int[functions.size()];
        for (Function f : functions) {
            map[f.id()] = function(b, f);
        }
        return map;
    }

    static int[] identity(int n) {
        int[] map = new int[n];
        for (int i = 0; i < n; i++) {
            map[i] = i;
        }
        return map;
    }

    static void self(ProfileBuilder b, SelfCost c, int[] fn, int[] col) {
        for (int k = 0; k < col.length; k++) {
            b.addSelf(fn[c.function()], c.line(), col[k], c.costs()[k]);
        }
    }

    /** Adds a call; its count goes with the first column so that it is counted once. */
    static void call(ProfileBuilder b, Call c, int[] fn, int[] col) {
        for (int k = 0; k < col.length; k++) {
            b.addCall(fn[c.caller()], c.callerLine(), fn[c.callee()], c.calleeLine(), k == 0 ? c.count() : 0, col[k],
                    c.inclusive()[k]);
        }
    }

    static void stack(ProfileBuilder b, int[] functions, int[] lines, Stack s, int[] col) {
        long[] costs = new long[b.costTypes().size()];
        for (int k = 0; k < col.length; k++) {
            costs[col[k]] = s.costs()[k];
        }
        b.addStack(functions, lines, s.thread(), s.events(), costs);
    }

    /** Function ids of a stack through a map. */
    static int[] map(int[] ids, int[] fn) {
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = fn[ids[i]];
        }
        return out;
    }

    /** The profile's self costs and calls minus what {@link ProfileBuilder#addStack} derives from its stacks. */
    static Residual residual(Profile p) {
        int width = p.costTypes().size();
        ProfileBuilder b = new ProfileBuilder(p.costTypes());
        int[] fn = functions(b, p.functions());
        int[] col = identity(width);
        for (Stack s : p.stacks()) {
            stack(b, map(s.functions(), fn), s.lines(), s, col);
        }
        Profile implied = b.build();
        Map<Long, long[]> self = new HashMap<>();
        for (SelfCost c : p.selfCosts()) {
            add(self.computeIfAbsent(key(c), k -> new long[width]), c.costs(), 1);
        }
        for (SelfCost c : implied.selfCosts()) {
            add(self.computeIfAbsent(key(c), k -> new long[width]), c.costs(), -1);
        }
        Map<CallKey, long[]> calls = new HashMap<>();
        for (Call c : p.calls()) {
            long[] t = calls.computeIfAbsent(key(c), k -> new long[width + 1]);
            t[width] += c.count();
            add(t, c.inclusive(), 1);
        }
        for (Call c : implied.calls()) {
            long[] t = calls.computeIfAbsent(key(c), k -> new long[width + 1]);
            t[width] -= c.count();
            add(t, c.inclusive(), -1);
        }
        List<SelfCost> selfLeft = new ArrayList<>();
        self.forEach((k, v) -> {
            if (nonZero(v)) {
                selfLeft.add(new SelfCost((int) (k >>> 32), (int) (long) k, v));
            }
        });
        List<Call> callsLeft = new ArrayList<>();
        calls.forEach((k, v) -> {
            if (nonZero(v)) {
                callsLeft.add(new Call(k.caller, k.callerLine, k.callee, k.calleeLine, v[width],
                        Arrays.copyOf(v, width)));
            }
        });
        return new Residual(selfLeft, callsLeft);
    }

    private static long key(SelfCost c) {
        return ((long) c.function() << 32) | (c.line() & 0xffffffffL);
    }

    private static CallKey key(Call c) {
        return new CallKey(c.caller(), c.callerLine(), c.callee(), c.calleeLine());
    }

    private static void add(long[] into, long[] values, int sign) {
        for (int i = 0; i < values.length; i++) {
            into[i] += sign * values[i];
        }
    }

    private static boolean nonZero(long[] v) {
        for (long x : v) {
            if (x != 0) {
                return true;
            }
        }
        return false;
    }
}
