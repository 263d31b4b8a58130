package prof2calltree.model.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import prof2calltree.model.Function;
import prof2calltree.model.Profile;
import prof2calltree.model.ProfileBuilder;
import prof2calltree.model.Stack;

/**
 * Keeps or drops functions by regular expression, folding dropped ones into their callers so
 * that the totals do not change.
 *
 * <p>A function is kept when it matches an include pattern (or there are none) and no exclude
 * pattern. A pattern matches when {@link java.util.regex.Matcher#find()} finds it in the
 * function's name or in its file: {@code json} matches every function of
 * {@code /usr/lib/python3.12/json/decoder.py}; anchor it ({@code ^main$}) for a whole name.
 *
 * <p>Profiles with stacks: dropped frames are taken out of every stack and the remaining frames
 * form the stack, so a dropped leaf's cost becomes self cost of the nearest kept caller, at the
 * line it called from, and a kept function's callees become the nearest kept frames below it.
 * A stack with no kept frame becomes the one-frame stack {@link #FILTERED}. Self costs and calls
 * are then derived from the stacks, exactly. Profiles without stacks (pstats) are folded as a
 * call graph by {@link CallGraphFolding}: exact totals, but proportional (estimated)
 * attribution, as in gprof. The same goes for a profile whose call graph holds more than its
 * stacks imply (no reader of ours makes one); its stacks are then dropped.
 */
public final class FunctionFilter {
    /** The name of the synthetic function that receives costs with no kept function to go to. */
    public static final String FILTERED = "[filtered]";
    /** Its file. */
    public static final String FILTERED_FILE = "<filtered>";

    private final List<Pattern> include;
    private final List<Pattern> exclude;

    /**
     * @param include patterns a kept function must match one of; empty to keep all but the excluded
     * @param exclude patterns no kept function matches
     */
    public FunctionFilter(List<Pattern> include, List<Pattern> exclude) {
        this.include = List.copyOf(include);
        this.exclude = List.copyOf(exclude);
    }

    /** Whether the filter keeps this function. */
    public boolean keeps(Function f) {
        return (include.isEmpty() || matchesAny(include, f)) && !matchesAny(exclude, f);
    }

    private static boolean matchesAny(List<Pattern> patterns, Function f) {
        for (Pattern p : patterns) {
            if (p.matcher(f.name()).find() || p.matcher(f.file()).find()) {
                return true;
            }
        }
        return false;
    }

    /** The profile without the functions this filter drops; the same profile if it drops none. */
    public Profile apply(Profile p) {
        if (p.functions().stream().allMatch(this::keeps)) {
            return p;
        }
        if (p.hasStacks() && Rebuild.residual(p).isEmpty()) {
            return foldStacks(p);
        }
        return CallGraphFolding.fold(p, this::keeps);
    }

    private Profile foldStacks(Profile p) {
        ProfileBuilder b = new ProfileBuilder(p.costTypes());
        int[] fn = new int[p.functions().size()];
        for (Function f : p.functions()) {
            fn[f.id()] = keeps(f) ? Rebuild.function(b, f) : -1;
        }
        int[] col = Rebuild.identity(p.costTypes().size());
        List<Integer> ids = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (Stack s : p.stacks()) {
            ids.clear();
            lines.clear();
            for (int i = 0; i < s.functions().length; i++) {
                int id = fn[s.functions()[i]];
                if (id >= 0) {
                    ids.add(id);
                    lines.add(s.lines()[i]);
                }
            }
            if (ids.isEmpty()) {
                ids.add(filtered(b));
                lines.add(0);
            }
            Rebuild.stack(b, toArray(ids), toArray(lines), s, col);
        }
        return b.build();
    }

    /** The id of the {@link #FILTERED} function in {@code b}, adding it if needed. */
    static int filtered(ProfileBuilder b) {
        return b.function(FILTERED, FILTERED_FILE, "", 0, "");
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
