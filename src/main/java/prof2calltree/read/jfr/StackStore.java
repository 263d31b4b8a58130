package prof2calltree.read.jfr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import prof2calltree.model.CostType;
import prof2calltree.model.Profile;
import prof2calltree.model.ProfileBuilder;

/**
 * Distinct resolved stacks (functions, lines, thread) with their events and a weight per
 * {@link EventKind}, for one chunk or, merged in chunk order, for the whole recording. The
 * columns are only known once every chunk is read, so stacks wait here before going into a
 * {@link ProfileBuilder}. Functions and stacks are kept in the order first seen, so the same
 * input gives the same ids and the same output.
 */
final class StackStore {
    private static final int WIDTH = EventKind.values().length;

    /** A stack's identity: function ids and lines from the root to the leaf, and its thread. */
    private record Key(int[] functions, int[] lines, String thread) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(functions, k.functions) && Arrays.equals(lines, k.lines)
                    && thread.equals(k.thread);
        }

        @Override
        public int hashCode() {
            return (Arrays.hashCode(functions) * 31 + Arrays.hashCode(lines)) * 31 + thread.hashCode();
        }
    }

    /** How many events a stack holds (all kinds together), and their weight per kind. */
    private static final class Totals {
        long events;
        final long[] weights = new long[WIDTH];
    }

    private final List<FrameNames.Key> functions = new ArrayList<>();
    private final Map<FrameNames.Key, Integer> ids = new HashMap<>();
    private final Map<Key, Totals> stacks = new LinkedHashMap<>();

    /** The id of a function, numbering it if it is new. */
    int function(FrameNames.Key key) {
        Integer id = ids.get(key);
        if (id == null) {
            id = functions.size();
            functions.add(key);
            ids.put(key, id);
        }
        return id;
    }

    /** How many distinct stacks this holds. */
    int size() {
        return stacks.size();
    }

    /**
     * Adds {@code events} events of one kind, weighing {@code weight} in all, on one stack.
     *
     * @param functions function ids from the root to the leaf; kept, not copied
     * @param lines the line of each frame, 0 if unknown; kept, not copied
     * @param thread the thread's name, "" if unknown
     */
    void add(int[] functions, int[] lines, String thread, EventKind kind, long events, long weight) {
        Totals totals = stacks.computeIfAbsent(new Key(functions, lines, thread), k -> new Totals());
        totals.events += events;
        totals.weights[kind.ordinal()] += weight;
    }

    /** Adds everything in {@code other}, renumbering its functions into this store's ids. */
    void merge(StackStore other) {
        int[] map = new int[other.functions.size()];
        for (int i = 0; i < map.length; i++) {
            map[i] = function(other.functions.get(i));
        }
        for (Map.Entry<Key, Totals> e : other.stacks.entrySet()) {
            int[] local = e.getKey().functions();
            int[] mapped = new int[local.length];
            for (int i = 0; i < local.length; i++) {
                mapped[i] = map[local[i]];
            }
            Totals totals = stacks.computeIfAbsent(new Key(mapped, e.getKey().lines(), e.getKey().thread()),
                    k -> new Totals());
            totals.events += e.getValue().events;
            for (int k = 0; k < WIDTH; k++) {
                totals.weights[k] += e.getValue().weights[k];
            }
        }
    }

    /**
     * The profile of these stacks with one cost column per kind in {@code columns}, in that order.
     * Empties this store as it goes, so that the stacks are not held twice.
     */
    Profile build(List<EventKind> columns) {
        List<CostType> types = new ArrayList<>();
        for (EventKind kind : columns) {
            types.add(kind.costType);
        }
        ProfileBuilder builder = new ProfileBuilder(types);
        for (FrameNames.Key f : functions) {
            builder.function(f.name(), f.file(), "", 0, f.qualifier());
        }
        Iterator<Map.Entry<Key, Totals>> it = stacks.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Key, Totals> e = it.next();
            long[] costs = new long[columns.size()];
            for (int c = 0; c < costs.length; c++) {
                costs[c] = e.getValue().weights[columns.get(c).ordinal()];
            }
            Key k = e.getKey();
            builder.addStack(k.functions(), k.lines(), k.thread(), e.getValue().events, costs);
            it.remove();
        }
        return builder.build();
    }
}
