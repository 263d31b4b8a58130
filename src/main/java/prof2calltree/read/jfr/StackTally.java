package prof2calltree.read.jfr;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * Sums the events of one chunk by (kind, stack trace, thread), then resolves each distinct stack
 * once. Within a chunk the JDK's reader hands out one {@link RecordedStackTrace} object per stack
 * trace id of the constant pool (and one {@link RecordedMethod} per method), so identity is a
 * cheap and exact key: memory follows distinct stacks, not events.
 */
final class StackTally {
    /** The events of one kind on one stack and thread; further threads of the same stack are chained. */
    private static final class Entry {
        final EventKind kind;
        final RecordedStackTrace stack;
        final String thread;
        long events;
        long weight;
        Entry nextThread;

        Entry(EventKind kind, RecordedStackTrace stack, String thread) {
            this.kind = kind;
            this.stack = stack;
            this.thread = thread;
        }
    }

    private final Map<EventKind, Map<RecordedStackTrace, Entry>> byKind = new EnumMap<>(EventKind.class);
    /** The first entry of each (kind, stack) in the order first seen, so ids do not follow identity hash codes. */
    private final List<Entry> order = new ArrayList<>();

    /** Counts one event of {@code kind} with this stack, thread name ("" if unknown) and weight. */
    void add(EventKind kind, RecordedStackTrace stack, String thread, long weight) {
        Map<RecordedStackTrace, Entry> map = byKind.computeIfAbsent(kind, k -> new IdentityHashMap<>());
        Entry entry = map.get(stack);
        if (entry == null) {
            entry = new Entry(kind, stack, thread);
            map.put(stack, entry);
            order.add(entry);
        } else {
            while (!entry.thread.equals(thread)) {
                if (entry.nextThread == null) {
                    entry.nextThread = new Entry(kind, stack, thread);
                }
                entry = entry.nextThread;
            }
        }
        entry.events++;
        entry.weight += weight;
    }

    /**
     * Resolves every distinct stack into {@code store}, root first, under a {@link FrameNames#TRUNCATED}
     * root if it was cut, and counts truncated stacks in {@code stats}. A stack without frames (the
     * JVM's own allocations, say) becomes the single function {@link FrameNames#EMPTY}.
     */
    void resolveInto(StackStore store, ReadStats stats) {
        Map<RecordedMethod, Integer> functions = new IdentityHashMap<>();
        for (Entry first : order) {
            List<RecordedFrame> frames = first.stack == null ? List.of() : first.stack.getFrames();
            int k = first.kind.ordinal();
            long events = 0;
            for (Entry e = first; e != null; e = e.nextThread) {
                events += e.events;
            }
            if (frames.isEmpty()) {
                int[] empty = {store.function(FrameNames.EMPTY)};
                for (Entry e = first; e != null; e = e.nextThread) {
                    store.add(empty, new int[1], e.thread, e.kind, e.events, e.weight);
                }
                continue;
            }
            boolean truncated = first.stack.isTruncated(); // not null: a null stack has no frames
            if (truncated) {
                stats.truncated[k] += events;
            }
            int depth = frames.size() + (truncated ? 1 : 0);
            int[] ids = new int[depth];
            int[] lines = new int[depth];
            if (truncated) {
                ids[0] = store.function(FrameNames.TRUNCATED);
            }
            for (int i = 0; i < frames.size(); i++) {
                RecordedFrame frame = frames.get(i);
                // getValue and getInt look the field up once; getMethod and getLineNumber twice.
                RecordedMethod method = frame.getValue("method");
                Integer id = functions.get(method);
                if (id == null) {
                    id = store.function(method == null ? FrameNames.UNKNOWN : FrameNames.of(method, frame.getType()));
                    functions.put(method, id);
                }
                ids[depth - 1 - i] = id;
                lines[depth - 1 - i] = Math.max(0, frame.getInt("lineNumber"));
            }
            for (Entry e = first; e != null; e = e.nextThread) {
                store.add(ids, lines, e.thread, e.kind, e.events, e.weight);
            }
        }
        order.clear();
        byKind.clear();
    }
}
