package prof2calltree.read.jfr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import prof2calltree.read.Warnings;

/** Counts of what reading a recording met, kept to tell the user what the output leaves out. */
final class ReadStats {
    private static final int WIDTH = EventKind.values().length;

    /** Events per kind that have a stack, before the thread and time filters: these kinds become columns. */
    final long[] present = new long[WIDTH];
    /** Events per kind that passed the filters and have a stack: these are in the output. */
    final long[] converted = new long[WIDTH];
    /** Of those, the ones whose stack was truncated. */
    final long[] truncated = new long[WIDTH];
    /** Events per kind that passed the filters but have no stack: their cost is under [no stack trace]. */
    final long[] noStack = new long[WIDTH];
    /** Events of every type, by name: what the recording holds. */
    final Map<String, Long> types = new TreeMap<>();
    /** Supported event types whose weight field is missing (a profiler's own metadata): weighed 0. */
    final Set<String> missingWeight = new TreeSet<>();
    /** CPU time samples the JVM reported lost (jdk.CPUTimeSamplesLost.lostSamples). */
    long lostCpuTimeSamples;

    /** Adds the counts of {@code other}. */
    void merge(ReadStats other) {
        for (int k = 0; k < WIDTH; k++) {
            present[k] += other.present[k];
            converted[k] += other.converted[k];
            truncated[k] += other.truncated[k];
            noStack[k] += other.noStack[k];
        }
        other.types.forEach((name, n) -> types.merge(name, n, Long::sum));
        missingWeight.addAll(other.missingWeight);
        lostCpuTimeSamples += other.lostCpuTimeSamples;
    }

    /** The kinds present, in column order. */
    List<EventKind> presentKinds() {
        List<EventKind> kinds = new ArrayList<>();
        for (EventKind kind : EventKind.values()) {
            if (present[kind.ordinal()] > 0) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** Reports truncated stacks, events without stacks, and lost samples. */
    void warn(Warnings warnings) {
        long cut = sum(truncated);
        if (cut > 0) {
            warnings.warn(cut + " of " + sum(converted) + " stack traces were truncated at the recording's stack"
                    + " depth (64 by default); record with -XX:FlightRecorderOptions:stackdepth=256 to keep whole"
                    + " stacks");
        }
        for (EventKind kind : EventKind.values()) {
            if (noStack[kind.ordinal()] > 0) {
                warnings.warn(noStack[kind.ordinal()] + " " + kind.eventName
                        + " events had no stack trace; their cost is under [no stack trace]");
            }
        }
        for (String name : missingWeight) {
            EventKind kind = EventKind.byEventName(name);
            warnings.warn(name + " events have no " + kind.weightField + " field here; their column counts 0");
        }
        if (lostCpuTimeSamples > 0) {
            warnings.warn("the JVM lost " + lostCpuTimeSamples + " CPU time samples (jdk.CPUTimeSamplesLost)");
        }
    }

    /** The most frequent event types of the recording, for telling the user what it holds instead. */
    String describeTypes(int limit) {
        if (types.isEmpty()) {
            return "no events at all";
        }
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(types.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(limit, sorted.size()); i++) {
            Map.Entry<String, Long> e = sorted.get(i);
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s (%d)", e.getKey(), e.getValue()));
        }
        if (sorted.size() > limit) {
            sb.append(" and ").append(sorted.size() - limit).append(" other types");
        }
        return sb.toString();
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }
}
