package prof2calltree.model.transform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import prof2calltree.model.Call;
import prof2calltree.model.CostType;
import prof2calltree.model.Profile;
import prof2calltree.model.ProfileBuilder;
import prof2calltree.model.SelfCost;
import prof2calltree.model.Stack;

/**
 * Merges profiles (several dumps of one program, several recordings) into one whose costs are
 * the sums of the parts.
 *
 * <p>Cost types are unified by name, in first-seen order; a part without a type contributes 0
 * to it. Functions are one function when name, file, object, line and qualifier are equal.
 * Self costs, call counts and inclusive costs are summed exactly.
 *
 * <p>Stacks: when every part that has functions has stacks, the merged profile keeps them
 * (identical stacks of one thread summed). They are re-added with
 * {@link ProfileBuilder#addStack}, which derives self costs and calls, counting each call
 * once per stack's {@link Stack#events()}, exactly as the readers built the parts; whatever a
 * part's call graph holds beyond what its stacks imply (nothing, for the readers we have) is
 * added on top, so the sums stay exact either way. When some part has no stacks (a pstats
 * dump), the merged profile has none: a flame graph of only some of the parts would mislead.
 */
public final class ProfileMerger {
    private ProfileMerger() {}

    /**
     * @throws IllegalArgumentException if {@code parts} is empty
     * @throws UnsupportedTransformException if two cost types share a name but not a unit
     */
    public static Profile merge(List<Profile> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        Map<String, CostType> types = new LinkedHashMap<>();
        for (Profile p : parts) {
            for (CostType t : p.costTypes()) {
                CostType seen = types.putIfAbsent(t.name(), t);
                if (seen != null && !seen.unit().equals(t.unit())) {
                    throw new UnsupportedTransformException("cannot merge cost " + t.name() + ": it is counted in "
                            + seen.unit() + " in one profile and in " + t.unit() + " in another");
                }
            }
        }
        List<String> names = new ArrayList<>(types.keySet());
        ProfileBuilder b = new ProfileBuilder(new ArrayList<>(types.values()));
        boolean stacks = parts.stream().allMatch(p -> p.hasStacks() || p.functions().isEmpty());
        for (Profile p : parts) {
            int[] fn = Rebuild.functions(b, p.functions());
            int[] col = new int[p.costTypes().size()];
            for (int k = 0; k < col.length; k++) {
                col[k] = names.indexOf(p.costTypes().get(k).name());
            }
            List<SelfCost> self = p.selfCosts();
            List<Call> calls = p.calls();
            if (stacks) {
                for (Stack s : p.stacks()) {
                    Rebuild.stack(b, Rebuild.map(s.functions(), fn), s.lines(), s, col);
                }
                Rebuild.Residual rest = Rebuild.residual(p);
                self = rest.self();
                calls = rest.calls();
            }
            for (SelfCost c : self) {
                Rebuild.self(b, c, fn, col);
            }
            for (Call c : calls) {
                Rebuild.call(b, c, fn, col);
            }
        }
        return b.build();
    }
}
