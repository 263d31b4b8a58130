package prof2calltree.read.jfr;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import prof2calltree.model.Profile;
import prof2calltree.read.BadInputException;
import prof2calltree.read.ProfileReader;
import prof2calltree.read.Progress;
import prof2calltree.read.Warnings;

/**
 * Reads a JDK Flight Recorder recording (the JDK's own or async-profiler's) into a call graph
 * built from the stack traces of its sampling, allocation and blocking events.
 *
 * <p>Each supported event type present becomes one cost column, in the order of {@link EventKind}:
 * ExecutionSample, NativeMethodSample, CPUTimeSample (samples); ObjectAllocationSample,
 * ObjectAllocationInNewTLAB, ObjectAllocationOutsideTLAB (bytes); JavaMonitorEnter,
 * JavaMonitorWait, ThreadPark, FileRead, FileWrite, SocketRead, SocketWrite (nanoseconds).
 * An event's weight is self cost of its top frame's method, at that frame's line. Each pair of
 * adjacent frames is a call from the caller's method, at the caller frame's line, to the callee;
 * the call gets the event's weight as inclusive cost, once per event however often recursion
 * repeats the same call in one stack. So a call's {@code calls=} count is the number of events
 * (samples, of every column) whose stack passed through it, <em>not</em> how often the program
 * made the call: JFR cannot know that.
 *
 * <p>A column exists for every supported type that has at least one event with a stack in the
 * file, even when the thread and time filters leave it empty, so that windows of one recording
 * compare column by column. With no such type at all, the profile has one empty ExecutionSample
 * column and a warning says which event types the recording holds instead.
 *
 * <p>Functions are {@code package.Class::method} in {@code package/Class.java}, with the
 * parameter list as qualifier so that overloads stay apart. Stacks cut at the recording's stack
 * depth hang under a {@code [truncated stack]} root; the user is told how many. Events whose
 * stack holds no frame (the JVM's own allocations) or that have no stack trace at all go to a
 * {@code [no stack trace]} function, so that each column's total is the recording's; a warning
 * counts the latter. Each stack keeps the name of its
 * thread ({@link prof2calltree.model.Stack#thread()}).
 *
 * <p>The file is read one chunk at a time (the JDK's reader misreads files that join several
 * recordings); chunks may be read in parallel, and are merged in file order, so the output does
 * not depend on timing. Memory follows the distinct stacks and methods of a chunk, never the
 * number of events. The project's own streaming parser ({@link prof2calltree.read.jfr.parse})
 * reads the chunks; the JDK's {@code RecordingFile}, much slower, remains as the reference that
 * it must match exactly: the system property {@value #PARSER_PROPERTY}{@code =jdk} selects it.
 */
public final class JfrReader implements ProfileReader {
    /** The system property that selects the chunk parser: {@code own} (the default) or {@code jdk}. */
    public static final String PARSER_PROPERTY = "prof2calltree.jfr.parser";

    /** Which parser reads the chunks. */
    enum Parser {
        /** The project's own: {@link OwnChunkReader}. */
        OWN,
        /** The JDK's {@code RecordingFile}, on a copy of each chunk: {@link ChunkReader}. */
        JDK;

        /** The parser {@link #PARSER_PROPERTY} names; the own one if it is not set. */
        static Parser fromSystemProperty() {
            String value = System.getProperty(PARSER_PROPERTY, "own");
            return switch (value) {
                case "own" -> OWN;
                case "jdk" -> JDK;
                default -> throw new IllegalArgumentException(
                        "unknown JFR parser " + value + " in -D" + PARSER_PROPERTY + " (use own or jdk)");
            };
        }
    }

    private final JfrOptions options;
    private final Parser parser;

    /** A reader with {@link JfrOptions#defaults()}. */
    public JfrReader() {
        this(JfrOptions.defaults());
    }

    public JfrReader(JfrOptions options) {
        this(options, Parser.fromSystemProperty());
    }

    JfrReader(JfrOptions options, Parser parser) {
        this.options = Objects.requireNonNull(options, "options");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    @Override
    public Profile read(Path file, Warnings warnings) throws IOException, BadInputException {
        return read(file, warnings, Progress.NONE);
    }

    /** Reads the recording, reporting each chunk's bytes as it is merged. */
    @Override
    public Profile read(Path file, Warnings warnings, Progress progress) throws IOException, BadInputException {
        ChunkScanner.Chunks chunks;
        ReadStats stats;
        StackStore store;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            chunks = ChunkScanner.scan(channel);
            List<ChunkHeader> complete = chunks.complete();
            if (complete.isEmpty()) {
                throw new BadInputException("offset 0: no complete chunk (" + chunks.incompleteReason()
                        + "): the recording was cut short or is still being written; stop it, or dump it"
                        + " with jcmd PID JFR.dump");
            }
            if (chunks.incompleteOffset() >= 0) {
                int n = complete.size();
                warnings.warn("the last chunk (at offset " + chunks.incompleteOffset() + ") is incomplete, probably"
                        + " cut short; converted the " + n + (n == 1 ? " chunk" : " chunks") + " before it");
            }
            ChunkPool.Merged merged = new ChunkPool(options, parser, channel, complete, progress).readAll();
            stats = merged.stats();
            store = merged.store();
        }
        return finish(store, stats, warnings);
    }

    private Profile finish(StackStore store, ReadStats stats, Warnings warnings) {
        stats.warn(warnings);
        List<EventKind> columns = stats.presentKinds();
        if (columns.isEmpty()) {
            String wanted = options.events().isEmpty() ? "of the supported types (" + JfrOptions.supported() + ")"
                    : "of the selected types";
            warnings.warn("no events with stack traces " + wanted + "; the recording holds "
                    + stats.describeTypes(10) + "; wrote an empty ExecutionSample column");
            columns = List.of(EventKind.EXECUTION_SAMPLE);
        } else if (options.threads() != null || options.from() != null || options.to() != null) {
            long converted = 0;
            for (long n : stats.converted) {
                converted += n;
            }
            if (converted == 0) {
                warnings.warn("no events matched the thread and time filters");
            }
        }
        return store.build(columns);
    }
}
