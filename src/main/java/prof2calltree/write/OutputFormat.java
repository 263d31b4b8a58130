package prof2calltree.write;

import java.util.function.Supplier;
import prof2calltree.write.callgrind.CallgrindWriter;
import prof2calltree.write.collapsed.CollapsedWriter;
import prof2calltree.write.json.JsonWriter;

/** The output formats prof2calltree writes. */
public enum OutputFormat {
    /** The callgrind format read by KCacheGrind, qcachegrind, callgrind_annotate and gprof2dot. */
    CALLGRIND("callgrind", CallgrindWriter::new),
    /**
     * Folded stacks ({@code root;caller;leaf value}) for flamegraph.pl, inferno and speedscope; the
     * first cost column, no thread frames (construct {@link CollapsedWriter} for others). Needs stacks.
     */
    COLLAPSED("collapsed", CollapsedWriter::new),
    /** The model as JSON for scripts, in the shape documented in {@code docs/json-format.md}. */
    JSON("json", () -> new JsonWriter());
    // A lambda, not JsonWriter::new: linking a constructor reference loads the class, and with
    // it Jackson, at start-up of every run; the lambda loads it only when JSON is written.

    private final String id;
    private final Supplier<ProfileWriter> factory;

    OutputFormat(String id, Supplier<ProfileWriter> factory) {
        this.id = id;
        this.factory = factory;
    }

    /** The name users give on the command line. */
    public String id() {
        return id;
    }

    public ProfileWriter newWriter() {
        return factory.get();
    }
}
