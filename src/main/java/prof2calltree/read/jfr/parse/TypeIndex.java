package prof2calltree.read.jfr.parse;

import java.util.Arrays;
import java.util.List;

/**
 * Maps the type id of each event to its type's index, for the event types of a chunk (other ids,
 * such as the metadata's 0 and the checkpoints' 1, map to -1). Looked up once per event, so small
 * ids, which both the JDK and async-profiler use, go through an array.
 */
final class TypeIndex {
    private static final int DIRECT = 1 << 16;

    private final int[] direct;
    private final LongIntMap others = new LongIntMap();

    TypeIndex(List<TypeDef> types) {
        long max = -1;
        for (TypeDef t : types) {
            if (t.isEvent() && t.id >= 0 && t.id < DIRECT) {
                max = Math.max(max, t.id);
            }
        }
        direct = new int[(int) max + 1];
        Arrays.fill(direct, -1);
        for (TypeDef t : types) {
            if (!t.isEvent()) {
                continue;
            }
            if (t.id >= 0 && t.id < DIRECT) {
                direct[(int) t.id] = t.index;
            } else {
                others.put(t.id, t.index);
            }
        }
    }

    /** The index of the event type with id {@code id}, or -1 if it is no event type. */
    int of(long id) {
        if (id >= 0 && id < direct.length) {
            return direct[(int) id];
        }
        return others.size() == 0 ? -1 : others.get(id);
    }
}
