package prof2calltree.model.transform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import prof2calltree.model.Call;
import prof2calltree.model.Function;
import prof2calltree.model.Profile;
import prof2calltree.model.SelfCost;

/** Views of a profile keyed by function identity rather than id, so that profiles can be compared. */
final class Profiles {
    record Key(String name, String file, String object, int line, String qualifier) {
        static Key of(Function f) {
            return new Key(f.name(), f.file(), f.object(), f.line(), f.qualifier());
        }
    }

    record CallKey(Key caller, int callerLine, Key callee, int calleeLine) {}

    private Profiles() {}

    /** Self cost summed over lines, per function. */
    static Map<Key, long[]> self(Profile p) {
        Map<Key, long[]> m = new HashMap<>();
        for (Function f : p.functions()) {
            m.put(Key.of(f), new long[p.costTypes().size()]);
        }
        for (SelfCost c : p.selfCosts()) {
            add(m.get(Key.of(p.functions().get(c.function()))), c.costs());
        }
        return m;
    }

    /** Count, then inclusive cost per column, per call. */
    static Map<CallKey, long[]> calls(Profile p) {
        Map<CallKey, long[]> m = new HashMap<>();
        List<Function> fs = p.functions();
        for (Call c : p.calls()) {
            long[] v = new long[1 + p.costTypes().size()];
            v[0] = c.count();
            System.arraycopy(c.inclusive(), 0, v, 1, c.inclusive().length);
            m.put(new CallKey(Key.of(fs.get(c.caller())), c.callerLine(), Key.of(fs.get(c.callee())), c.calleeLine()), v);
        }
        return m;
    }

    static Function named(Profile p, String name) {
        return p.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    static long selfAt(Profile p, Function f, int line, int column) {
        return p.selfCosts().stream().filter(c -> c.function() == f.id() && c.line() == line)
                .mapToLong(c -> c.costs()[column]).sum();
    }

    private static void add(long[] into, long[] v) {
        for (int i = 0; i < into.length; i++) {
            into[i] += v[i];
        }
    }
}
