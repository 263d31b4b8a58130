package prof2calltree.read.jfr.parse;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a {@link JfrChunkParser} takes out of a chunk besides the count of events of every type.
 *
 * @param stacks the event types to sum by stack trace and thread; at most one per name
 * @param totals the fields to sum over all events of their type
 * @param threads keeps only the events of threads whose name it accepts (events without a
 *     thread, or whose thread has no name, are then dropped); null keeps all
 * @param fromNanos the start of the time window in nanoseconds since the epoch: events that
 *     start earlier are dropped; {@link Long#MIN_VALUE} for none
 * @param toNanos the end of the time window (exclusive); {@link Long#MAX_VALUE} for none
 */
public record ChunkQuery(List<StackEvents> stacks, List<FieldTotal> totals, Predicate<String> threads,
        long fromNanos, long toNanos) {
    public ChunkQuery {
        stacks = List.copyOf(stacks);
        totals = List.copyOf(totals);
    }

    /**
     * An event type whose events are summed by stack trace and thread.
     *
     * @param eventName the event type's name, such as {@code jdk.ExecutionSample}
     * @param weightField the field holding each event's weight, read as the JDK's {@code getLong}
     *     reads it (or as a duration, see {@code duration}); null when every event weighs 1
     * @param duration whether the weight field is a time span to convert to nanoseconds, as the
     *     JDK's {@code getDuration} does (by its {@code @Timespan} unit; ticks by the chunk's clock)
     * @param threadFields the fields that may name the event's thread, in order of preference: the
     *     first the type has is used
     */
    public record StackEvents(String eventName, String weightField, boolean duration, List<String> threadFields) {
        public StackEvents {
            Objects.requireNonNull(eventName, "eventName");
            threadFields = List.copyOf(threadFields);
        }
    }

    /**
     * A whole-number field summed over every event of a type, whatever the filters (such as
     * {@code jdk.CPUTimeSamplesLost.lostSamples}).
     *
     * @param eventName the event type's name
     * @param field the field to sum, read as the JDK's {@code getLong} reads it
     */
    public record FieldTotal(String eventName, String field) {
        public FieldTotal {
            Objects.requireNonNull(eventName, "eventName");
            Objects.requireNonNull(field, "field");
        }
    }

    /** Whether a time window is set. */
    boolean windowed() {
        return fromNanos != Long.MIN_VALUE || toNanos != Long.MAX_VALUE;
    }
}
