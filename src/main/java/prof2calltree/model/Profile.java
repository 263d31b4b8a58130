package prof2calltree.model;

import java.util.List;

/**
 * A whole call graph: the neutral model every reader produces and every writer renders.
 * Built and checked by {@link ProfileBuilder}; immutable afterwards.
 *
 * @param costTypes the costs measured, in column order
 * @param functions every function, its id equal to its index
 * @param selfCosts self costs, sorted by function then line; one entry per (function, line)
 * @param calls calls, sorted by caller, caller line, callee, callee line; one entry per such key
 * @param stacks the distinct stacks the graph was built from, for inputs that record stacks
 *     (sampled profiles); empty for inputs that record only a call graph. Order is unspecified.
 */
public record Profile(
        List<CostType> costTypes, List<Function> functions, List<SelfCost> selfCosts, List<Call> calls,
        List<Stack> stacks) {

    public Profile {
        costTypes = List.copyOf(costTypes);
        // A builder's list is immutable already; copying a big dump's would cost a pass over it.
        functions = functions instanceof FunctionList ? functions : List.copyOf(functions);
        selfCosts = selfCosts instanceof SelfTable ? selfCosts : List.copyOf(selfCosts);
        calls = calls instanceof CallTable ? calls : List.copyOf(calls);
        // A builder's table is immutable already, and copying it would materialise every stack.
        stacks = stacks instanceof StackTable ? stacks : List.copyOf(stacks);
    }

    /** True if the profile knows its stacks, not only its call graph. */
    public boolean hasStacks() {
        return !stacks.isEmpty();
    }

    /** The sum of all self costs, one value per cost type: what the profile measured in total. */
    public long[] totals() {
        long[] totals = new long[costTypes.size()];
        if (selfCosts instanceof SelfTable table) {
            // By column: no SelfCost made for each of a big dump's entries.
            for (int i = 0; i < table.size(); i++) {
                for (int t = 0; t < totals.length; t++) {
                    totals[t] += table.cost(i, t);
                }
            }
            return totals;
        }
        for (SelfCost cost : selfCosts) {
            for (int i = 0; i < totals.length; i++) {
                totals[i] += cost.costs()[i];
            }
        }
        return totals;
    }
}
