package prof2calltree.write;

import prof2calltree.write.callgrind.CallgrindWriter;
import prof2calltree.write.collapsed.CollapsedWriter;
import prof2calltree.write.json.JsonWriter;

/** The output formats prof2calltree writes. */
public enum OutputFormat {
    /** The callgrind format read by KCacheGrind, qcachegrind, callgrind_annotate and gprof2dot. */
    CALLGRIND("callgrind"),
    /**
     * Folded stacks ({@code root;caller;leaf value}) for flamegraph.pl, inferno and speedscope; the
     * first cost column, no thread frames (construct {@link CollapsedWriter} for others). Needs stacks.
     */
    COLLAPSED("collapsed"),
    /** The model as JSON for scripts, in the shape documented in {@code docs/json-format.md}. */
    JSON("json");

    private final String id;

    OutputFormat(String id) {
        this.id = id;
    }

    /** The name users give on the command line. */
    public String id() {
        return id;
    }

    /**
     * A new writer for this format. A switch rather than a factory lambda per constant: linking
     * lambdas costs start-up time, and a constructor reference would load its class (for JSON,
     * Jackson) on every run; here a writer's classes load only when that format is written.
     */
    public ProfileWriter newWriter() {
        return switch (this) {
            case CALLGRIND -> new CallgrindWriter();
            case COLLAPSED -> new CollapsedWriter();
            case JSON -> new JsonWriter();
        };
    }
}
