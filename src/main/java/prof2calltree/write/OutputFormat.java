package prof2calltree.write;

import java.util.function.Supplier;
import prof2calltree.write.callgrind.CallgrindWriter;

/** The output formats prof2calltree writes. */
public enum OutputFormat {
    /** The callgrind format read by KCacheGrind, qcachegrind, callgrind_annotate and gprof2dot. */
    CALLGRIND("callgrind", CallgrindWriter::new);

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
