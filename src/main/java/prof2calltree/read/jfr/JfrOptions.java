package prof2calltree.read.jfr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What part of a recording {@link JfrReader} converts, and how many threads it reads with.
 * Checked when made: a bad value throws {@link IllegalArgumentException} with a lower-case
 * message fit for a usage error.
 *
 * @param events the event types to convert, by JFR name ({@code jdk.ExecutionSample}) or column
 *     name ({@code ExecutionSample}), in any case; empty for every supported type
 * @param threads the threads whose events to convert, matched (whole) against the thread's Java
 *     name, or its OS name when it has none; events without a thread are then left out; null for all
 * @param from the start of the time window, relative to the start of the recording's first chunk;
 *     events that start earlier are left out; null for an open start
 * @param to the end of the time window (exclusive), likewise; null for an open end
 * @param parallelism how many chunks to read at once, at least 1
 */
public record JfrOptions(Set<String> events, Pattern threads, Duration from, Duration to, int parallelism) {

    public JfrOptions {
        events = events == null ? Set.of() : Set.copyOf(events);
        List<String> unknown = new ArrayList<>();
        for (String name : events) {
            if (EventKind.byName(name) == null) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            unknown.sort(null);
            throw new IllegalArgumentException("unknown JFR event type " + String.join(", ", unknown)
                    + " (supported: " + supported() + ")");
        }
        if (from != null && from.isNegative()) {
            throw new IllegalArgumentException("the time window cannot start before the recording: " + from);
        }
        if (from != null && to != null && to.compareTo(from) <= 0) {
            throw new IllegalArgumentException("the time window ends (" + to + ") before it starts (" + from + ")");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
    }

    /** Everything, read with up to 4 threads (each holds one chunk's constants in memory). */
    public static JfrOptions defaults() {
        return new JfrOptions(Set.of(), null, null, null, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** The JFR names of the supported event types, in column order, comma separated. */
    public static String supported() {
        StringBuilder sb = new StringBuilder();
        for (EventKind kind : EventKind.values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(kind.eventName);
        }
        return sb.toString();
    }

    /** Whether events of this kind are to be converted. */
    boolean selects(EventKind kind) {
        if (events.isEmpty()) {
            return true;
        }
        for (String name : events) {
            if (EventKind.byName(name) == kind) {
                return true;
            }
        }
        return false;
    }
}
