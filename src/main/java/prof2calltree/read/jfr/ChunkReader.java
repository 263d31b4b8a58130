package prof2calltree.read.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import jdk.jfr.EventType;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads the events of one chunk, held in a file of its own, with the JDK's {@link RecordingFile}:
 * keeps the supported kinds that pass the {@link JfrOptions} filters, sums them by stack, and
 * resolves the distinct stacks into a {@link StackStore}.
 */
final class ChunkReader {
    /** What is known about one event type of the chunk, looked up once per type. */
    private static final class TypeInfo {
        final String name;
        final EventKind kind;
        final String weightField;
        final String threadField;
        long count;

        TypeInfo(EventType type, EventKind kind) {
            this.name = type.getName();
            this.kind = kind;
            boolean weighed = kind != null && kind.weightField != null && type.getField(kind.weightField) != null;
            this.weightField = weighed ? kind.weightField : null;
            this.threadField = kind == null ? null
                    : type.getField(kind.threadField) != null ? kind.threadField
                    : type.getField("eventThread") != null ? "eventThread"
                    : type.getField("sampledThread") != null ? "sampledThread" : null;
        }
    }

    private static final String LOST_CPU_SAMPLES = "jdk.CPUTimeSamplesLost";

    private final JfrOptions options;
    /** Nanoseconds since the epoch of the window's ends; Long.MIN_VALUE/MAX_VALUE when open. */
    private final long fromNanos;
    private final long toNanos;
    private final Map<EventType, TypeInfo> types = new IdentityHashMap<>();
    private final Map<String, Boolean> threadMatches = new HashMap<>();
    private final StackTally tally = new StackTally();
    private final ReadStats stats = new ReadStats();

    /** A reader for one chunk; {@code recordingStartNanos} is the start of the recording's first chunk. */
    ChunkReader(JfrOptions options, long recordingStartNanos) {
        this.options = options;
        this.fromNanos = options.from() == null ? Long.MIN_VALUE : recordingStartNanos + options.from().toNanos();
        this.toNanos = options.to() == null ? Long.MAX_VALUE : recordingStartNanos + options.to().toNanos();
    }

    /**
     * Reads the chunk in {@code file}, its stacks into {@code store}, which must be empty, and
     * returns its counts.
     *
     * @throws IOException if the JDK cannot read it; the parser's other failures (it throws
     *     runtime exceptions on some corrupt data) become IOExceptions too
     */
    ReadStats read(Path file, StackStore store) throws IOException {
        try (RecordingFile recording = open(file)) {
            for (RecordedEvent event = next(recording); event != null; event = next(recording)) {
                accept(event);
            }
        }
        for (TypeInfo info : types.values()) {
            stats.types.merge(info.name, info.count, Long::sum);
            if (info.kind != null && info.kind.weightField != null && info.weightField == null) {
                stats.missingWeight.add(info.name);
            }
        }
        tally.resolveInto(store, stats);
        return stats;
    }

    private static RecordingFile open(Path file) throws IOException {
        try {
            return new RecordingFile(file);
        } catch (RuntimeException e) {
            throw new IOException(message(e), e);
        }
    }

    /** The next event, or null at the end; the parser's own failures become IOExceptions. */
    private static RecordedEvent next(RecordingFile recording) throws IOException {
        try {
            return recording.hasMoreEvents() ? recording.readEvent() : null;
        } catch (RuntimeException e) {
            throw new IOException(message(e), e);
        }
    }

    /** What went wrong, for a message: the JDK's own words, or the exception's name when it has none. */
    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private void accept(RecordedEvent event) {
        EventType type = event.getEventType();
        TypeInfo info = types.get(type);
        if (info == null) {
            EventKind kind = EventKind.byEventName(type.getName());
            info = new TypeInfo(type, kind != null && options.selects(kind) ? kind : null);
            types.put(type, info);
        }
        info.count++;
        EventKind kind = info.kind;
        if (kind == null) {
            if (type.getName().equals(LOST_CPU_SAMPLES) && type.getField("lostSamples") != null) {
                stats.lostCpuTimeSamples += event.getLong("lostSamples");
            }
            return;
        }
        RecordedStackTrace stack = event.getStackTrace();
        int k = kind.ordinal();
        if (stack != null) {
            stats.present[k]++;
        }
        String thread = threadName(event, info);
        if (options.threads() != null && (thread.isEmpty() || !threadMatches(thread))) {
            return;
        }
        if (fromNanos != Long.MIN_VALUE || toNanos != Long.MAX_VALUE) {
            Instant start = event.getStartTime();
            long nanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
            if (nanos < fromNanos || nanos >= toNanos) {
                return;
            }
        }
        if (stack == null) {
            // Counted and reported, and kept: its cost goes under FrameNames.EMPTY, so that each
            // column's total is the recording's.
            stats.noStack[k]++;
            stats.present[k]++;
        } else {
            stats.converted[k]++;
        }
        tally.add(kind, stack, thread, weight(event, info));
    }

    /** The name of the thread an event is about: its Java name, else its OS name, else "". */
    private static String threadName(RecordedEvent event, TypeInfo info) {
        RecordedThread thread = info.threadField == null ? null : event.getThread(info.threadField);
        if (thread == null) {
            return "";
        }
        String name = thread.getJavaName();
        if (name == null) {
            name = thread.getOSName();
        }
        return name == null ? "" : name;
    }

    private boolean threadMatches(String thread) {
        return threadMatches.computeIfAbsent(thread, n -> options.threads().matcher(n).matches());
    }

    private static long weight(RecordedEvent event, TypeInfo info) {
        if (info.kind.weightField == null) {
            return 1;
        }
        if (info.weightField == null) {
            return 0;
        }
        long weight = info.weightField.equals(EventKind.DURATION)
                ? event.getDuration(EventKind.DURATION).toNanos()
                : event.getLong(info.weightField);
        return Math.max(0, weight);
    }
}
