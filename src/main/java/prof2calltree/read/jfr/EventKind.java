package prof2calltree.read.jfr;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import prof2calltree.model.CostType;

/**
 * The stack-bearing JFR event types the reader turns into cost columns, in the fixed order of
 * those columns: CPU samples first, then allocation, then blocking. Samples weigh 1 each;
 * allocation events weigh their bytes; the others their duration in nanoseconds. async-profiler
 * writes the same event types (with its own metadata), so its recordings read alike.
 */
enum EventKind {
    EXECUTION_SAMPLE("jdk.ExecutionSample", "samples", "CPU samples", null, "sampledThread"),
    NATIVE_METHOD_SAMPLE("jdk.NativeMethodSample", "samples", "Native method samples", null, "sampledThread"),
    CPU_TIME_SAMPLE("jdk.CPUTimeSample", "samples", "CPU time samples", null, "eventThread"),
    OBJECT_ALLOCATION_SAMPLE("jdk.ObjectAllocationSample", "bytes", "Allocated bytes, sampled", "weight", "eventThread"),
    OBJECT_ALLOCATION_IN_NEW_TLAB(
            "jdk.ObjectAllocationInNewTLAB", "bytes", "Allocated bytes, whole new TLABs", "tlabSize", "eventThread"),
    OBJECT_ALLOCATION_OUTSIDE_TLAB(
            "jdk.ObjectAllocationOutsideTLAB", "bytes", "Allocated bytes outside TLABs", "allocationSize", "eventThread"),
    JAVA_MONITOR_ENTER("jdk.JavaMonitorEnter", "ns", "Monitor blocked time, ns", "duration", "eventThread"),
    JAVA_MONITOR_WAIT("jdk.JavaMonitorWait", "ns", "Monitor wait time, ns", "duration", "eventThread"),
    THREAD_PARK("jdk.ThreadPark", "ns", "Thread park time, ns", "duration", "eventThread"),
    FILE_READ("jdk.FileRead", "ns", "File read time, ns", "duration", "eventThread"),
    FILE_WRITE("jdk.FileWrite", "ns", "File write time, ns", "duration", "eventThread"),
    SOCKET_READ("jdk.SocketRead", "ns", "Socket read time, ns", "duration", "eventThread"),
    SOCKET_WRITE("jdk.SocketWrite", "ns", "Socket write time, ns", "duration", "eventThread");

    /** The pseudo weight field of events weighed by their duration. */
    static final String DURATION = "duration";

    private static final Map<String, EventKind> BY_NAME = new HashMap<>();
    private static final Map<String, EventKind> BY_EVENT_NAME = new HashMap<>();

    static {
        for (EventKind kind : values()) {
            BY_EVENT_NAME.put(kind.eventName, kind);
            BY_NAME.put(kind.eventName.toLowerCase(Locale.ROOT), kind);
            BY_NAME.put(kind.costType.name().toLowerCase(Locale.ROOT), kind);
        }
    }

    /** The JFR event type name, such as {@code jdk.ExecutionSample}. */
    final String eventName;
    /** The field holding each event's weight; {@link #DURATION} for its duration in ns; null: 1 per event. */
    final String weightField;
    /** The field holding the thread the event is about. */
    final String threadField;
    /** The column this kind of event fills. */
    final CostType costType;

    EventKind(String eventName, String unit, String what, String weightField, String threadField) {
        this.eventName = eventName;
        this.weightField = weightField;
        this.threadField = threadField;
        String source = weightField == null || weightField.equals(DURATION) ? eventName : eventName + "." + weightField;
        this.costType = new CostType(eventName.substring("jdk.".length()), unit, what + " (" + source + ")");
    }

    /**
     * The kind named {@code name}: a JFR event type name ({@code jdk.ExecutionSample}) or a column
     * name ({@code ExecutionSample}, in any case); null if it is not one this reader supports.
     */
    static EventKind byName(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    /** The kind whose JFR event type is exactly {@code eventName}; null if none. */
    static EventKind byEventName(String eventName) {
        return BY_EVENT_NAME.get(eventName);
    }
}
