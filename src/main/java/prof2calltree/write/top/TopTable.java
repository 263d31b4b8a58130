package prof2calltree.write.top;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import prof2calltree.model.Call;
import prof2calltree.model.CostType;
import prof2calltree.model.Function;
import prof2calltree.model.Profile;
import prof2calltree.model.SelfCost;

/**
 * Renders the N costliest functions of one cost column as a plain-text table for a terminal:
 * self cost, its share of the total, inclusive cost (see {@link InclusiveCosts}), its share,
 * calls into the function, and the function with its file and line. Times and sizes are
 * scaled for reading ({@code 12.34 ms}, {@code 1.5 MiB}); the header gives the exact total.
 * Rows are ordered by the chosen cost, descending, ties by name, file, line; functions whose
 * cost in that order is 0 are left out. {@link Locale#ROOT} formatting, {@code \n} line ends.
 */
public final class TopTable {
    private static final String ROW = "%10s %6s %12s %6s %10s  %s\n";

    private TopTable() {}

    /** The table ordered by self cost. */
    public static String render(Profile profile, int n, int eventIndex) {
        return render(profile, n, eventIndex, false);
    }

    /**
     * @param n how many functions at most
     * @param eventIndex the cost column, an index into {@link Profile#costTypes()}
     * @param byInclusive order by inclusive rather than self cost
     */
    public static String render(Profile profile, int n, int eventIndex, boolean byInclusive) {
        if (eventIndex < 0 || eventIndex >= profile.costTypes().size()) {
            throw new IllegalArgumentException("event index " + eventIndex + " out of range: the profile has "
                    + profile.costTypes().size() + " cost types");
        }
        if (n < 1) {
            throw new IllegalArgumentException("a table of " + n + " rows");
        }
        List<Function> functions = profile.functions();
        long[] self = new long[functions.size()];
        for (SelfCost c : profile.selfCosts()) {
            self[c.function()] += c.costs()[eventIndex];
        }
        long[] calls = new long[functions.size()];
        boolean[] called = new boolean[functions.size()];
        for (Call c : profile.calls()) {
            calls[c.callee()] += c.count();
            called[c.callee()] = true;
        }
        InclusiveCosts inclusive = InclusiveCosts.of(profile, eventIndex, self);
        long[] key = byInclusive ? inclusive.values() : self;
        List<Function> rows = new ArrayList<>();
        for (Function f : functions) {
            if (key[f.id()] > 0) {
                rows.add(f);
            }
        }
        rows.sort(Comparator.comparingLong((Function f) -> -key[f.id()])
                .thenComparing(Function::name)
                .thenComparing(Function::file)
                .thenComparingInt(Function::line)
                .thenComparingInt(Function::id));

        CostType type = profile.costTypes().get(eventIndex);
        long total = profile.totals()[eventIndex];
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: total %s (%d %s) in %d functions; top %d by %s\n",
                type.description(), Units.human(total, type.unit()), total, type.unit(), functions.size(),
                Math.min(n, rows.size()), byInclusive ? "inclusive cost" : "self cost"));
        sb.append(String.format(Locale.ROOT, ROW, "self", "self%", "inclusive", "incl%", "calls", "function"));
        boolean anyBound = false;
        for (Function f : rows.subList(0, Math.min(n, rows.size()))) {
            int id = f.id();
            boolean bound = inclusive.lowerBound()[id];
            anyBound |= bound;
            long incl = inclusive.values()[id];
            sb.append(String.format(Locale.ROOT, ROW, Units.human(self[id], type.unit()), Units.percent(self[id], total),
                    (bound ? ">=" : "") + Units.human(incl, type.unit()), Units.percent(incl, total),
                    called[id] ? Long.toString(calls[id]) : "-", describe(f)));
        }
        if (anyBound) {
            sb.append("\n>= marks a lower bound: the function is recursive through other functions, and a call\n"
                    + "   graph without stacks cannot tell its inclusive cost exactly\n");
        }
        return sb.toString();
    }

    /** Name and qualifier, then file and line where known. */
    static String describe(Function f) {
        String where = f.file().isEmpty() ? "" : f.line() > 0 ? f.file() + ":" + f.line() : f.file();
        String name = (f.name() + f.qualifier()).replace('\n', ' ').replace('\r', ' ');
        return where.isEmpty() ? name : name + "  " + where.replace('\n', ' ').replace('\r', ' ');
    }
}
