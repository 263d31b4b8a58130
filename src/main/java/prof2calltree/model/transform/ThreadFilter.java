package prof2calltree.model.transform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import prof2calltree.model.Function;
import prof2calltree.model.Profile;
import prof2calltree.model.ProfileBuilder;
import prof2calltree.model.Stack;

/**
 * Selects the threads of a profile with stacks, or splits it into one profile per thread (for
 * callgrind's {@code thread:} parts). Each result is rebuilt from its stacks, with only the
 * functions those stacks use, in the original order. Only stacks know their thread, so a
 * profile without stacks (pstats) cannot be split.
 */
public final class ThreadFilter {
    static final String NO_STACKS = "pstats dumps record a call graph, not threads: "
            + "selecting or splitting threads needs a sampled profile (JFR)";

    private ThreadFilter() {}

    /**
     * The profile of the threads whose name matches {@code threads} as a whole (as the JFR
     * reader's thread option does); the empty name stands for an unknown thread.
     *
     * @throws UnsupportedTransformException if the profile has functions but no stacks
     */
    public static Profile keepThreads(Profile p, Pattern threads) {
        check(p);
        List<Stack> kept = new ArrayList<>();
        for (Stack s : p.stacks()) {
            if (threads.matcher(s.thread()).matches()) {
                kept.add(s);
            }
        }
        return rebuild(p, kept);
    }

    /**
     * One profile per thread name, sorted by name; {@code ""} holds the stacks of unknown
     * threads. Empty for a profile with nothing in it.
     *
     * @throws UnsupportedTransformException if the profile has functions but no stacks
     */
    public static SortedMap<String, Profile> splitByThread(Profile p) {
        check(p);
        Map<String, List<Stack>> byThread = new TreeMap<>();
        for (Stack s : p.stacks()) {
            byThread.computeIfAbsent(s.thread(), t -> new ArrayList<>()).add(s);
        }
        SortedMap<String, Profile> parts = new TreeMap<>();
        byThread.forEach((thread, stacks) -> parts.put(thread, rebuild(p, stacks)));
        return parts;
    }

    private static void check(Profile p) {
        if (!p.hasStacks() && !p.functions().isEmpty()) {
            throw new UnsupportedTransformException(NO_STACKS);
        }
        if (p.hasStacks() && !Rebuild.residual(p).isEmpty()) {
            // No reader of ours makes such a profile: its extra costs belong to no thread.
            throw new UnsupportedTransformException("the profile holds costs outside its stacks, "
                    + "which belong to no thread: it cannot be split by thread");
        }
    }

    private static Profile rebuild(Profile p, List<Stack> stacks) {
        boolean[] used = new boolean[p.functions().size()];
        for (Stack s : stacks) {
            for (int f : s.functions()) {
                used[f] = true;
            }
        }
        ProfileBuilder b = new ProfileBuilder(p.costTypes());
        int[] fn = new int[used.length];
        for (Function f : p.functions()) {
            fn[f.id()] = used[f.id()] ? Rebuild.function(b, f) : -1;
        }
        int[] col = Rebuild.identity(p.costTypes().size());
        for (Stack s : stacks) {
            Rebuild.stack(b, Rebuild.map(s.functions(), fn), s.lines(), s, col);
        }
        return b.build();
    }
}
