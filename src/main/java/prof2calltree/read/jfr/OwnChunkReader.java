package prof2calltree.read.jfr;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import prof2calltree.read.BadInputException;
import prof2calltree.read.jfr.parse.ChunkQuery;
import prof2calltree.read.jfr.parse.JfrChunkParser;
import prof2calltree.read.jfr.parse.ParsedChunk;
import prof2calltree.read.jfr.parse.StackView;
import prof2calltree.read.jfr.parse.StackVisitor;
import prof2calltree.read.jfr.parse.Workspace;

/**
 * Reads one chunk in place with the project's own {@link JfrChunkParser}, giving exactly what
 * {@link ChunkReader} gives with the JDK's reader: the same counts, filters and warnings, and the
 * distinct stacks resolved as {@link StackTally} resolves them, in the same order.
 */
final class OwnChunkReader {
    private static final String LOST_CPU_SAMPLES = "jdk.CPUTimeSamplesLost";

    /** The kind of each entry of the query's stack event list. */
    private final List<EventKind> kinds = new ArrayList<>();
    private final JfrChunkParser parser;

    /** A reader for one chunk; {@code recordingStartNanos} is the start of the recording's first chunk. */
    OwnChunkReader(JfrOptions options, long recordingStartNanos) {
        List<ChunkQuery.StackEvents> stacks = new ArrayList<>();
        for (EventKind kind : EventKind.values()) {
            if (options.selects(kind)) {
                kinds.add(kind);
                boolean duration = EventKind.DURATION.equals(kind.weightField);
                stacks.add(new ChunkQuery.StackEvents(kind.eventName, kind.weightField, duration,
                        List.of(kind.threadField, "eventThread", "sampledThread")));
            }
        }
        Predicate<String> threads = options.threads() == null ? null : n -> options.threads().matcher(n).matches();
        long from = options.from() == null ? Long.MIN_VALUE : recordingStartNanos + options.from().toNanos();
        long to = options.to() == null ? Long.MAX_VALUE : recordingStartNanos + options.to().toNanos();
        List<ChunkQuery.FieldTotal> totals = List.of(new ChunkQuery.FieldTotal(LOST_CPU_SAMPLES, "lostSamples"));
        this.parser = new JfrChunkParser(new ChunkQuery(stacks, totals, threads, from, to));
    }

    /**
     * Reads the chunk {@code header} describes from {@code file}, in {@code space}, and its stacks
     * into {@code store}, which must be empty; returns its counts.
     */
    ReadStats read(FileChannel file, ChunkHeader header, Workspace space, StackStore store)
            throws IOException, BadInputException {
        ParsedChunk chunk = parser.parse(file, header.offset(), header.size(), space);
        ReadStats stats = new ReadStats();
        chunk.eventCounts().forEach((name, n) -> stats.types.merge(name, n, Long::sum));
        for (int i = 0; i < kinds.size(); i++) {
            int k = kinds.get(i).ordinal();
            stats.present[k] += chunk.withStack(i);
            stats.converted[k] += chunk.converted(i);
            stats.noStack[k] += chunk.withoutStack(i);
            stats.present[k] += chunk.withoutStack(i);
            if (chunk.weightMissing(i)) {
                stats.missingWeight.add(kinds.get(i).eventName);
            }
        }
        stats.lostCpuTimeSamples += chunk.total(0);
        chunk.visitStacks(new Resolver(store, stats));
        return stats;
    }

    /** Turns each distinct stack into function ids and lines once, and adds its events per thread. */
    private final class Resolver implements StackVisitor {
        private final StackStore store;
        private final ReadStats stats;
        /** Function ids by method number, -1 where not yet named; a method is named after its first frame. */
        private int[] functions = new int[256];
        private int unknown = -1;
        private EventKind kind;
        private int[] ids;
        private int[] lines;
        private boolean truncated;
        /** Arrays of each length, reused: the store copies what it is given. */
        private int[][] idsByDepth = new int[1][];
        private int[][] linesByDepth = new int[1][];

        Resolver(StackStore store, ReadStats stats) {
            this.store = store;
            this.stats = stats;
            Arrays.fill(functions, -1);
        }

        @Override
        public void stack(int stacks, StackView stack) {
            kind = kinds.get(stacks);
            int depth = stack.depth();
            if (depth == 0) {
                reuse(1);
                ids[0] = store.function(FrameNames.EMPTY);
                lines[0] = 0;
                truncated = false;
                return;
            }
            truncated = stack.truncated();
            int d = depth + (truncated ? 1 : 0);
            reuse(d);
            if (truncated) {
                ids[0] = store.function(FrameNames.TRUNCATED);
            }
            for (int i = 0; i < depth; i++) {
                ids[d - 1 - i] = function(stack, i);
                lines[d - 1 - i] = Math.max(0, stack.line(i));
            }
        }

        private void reuse(int depth) {
            if (depth >= idsByDepth.length) {
                idsByDepth = Arrays.copyOf(idsByDepth, depth + 1);
                linesByDepth = Arrays.copyOf(linesByDepth, depth + 1);
            }
            if (idsByDepth[depth] == null) {
                idsByDepth[depth] = new int[depth];
                linesByDepth[depth] = new int[depth];
            }
            ids = idsByDepth[depth];
            lines = linesByDepth[depth];
        }

        private int function(StackView stack, int frame) {
            int m = stack.method(frame);
            if (m < 0) {
                if (unknown < 0) {
                    unknown = store.function(FrameNames.UNKNOWN);
                }
                return unknown;
            }
            if (m >= functions.length) {
                int old = functions.length;
                functions = Arrays.copyOf(functions, Math.max(m + 1, old * 2));
                Arrays.fill(functions, old, functions.length, -1);
            }
            if (functions[m] < 0) {
                functions[m] = store.function(FrameNames.of(stack.className(m), stack.methodName(m),
                        stack.descriptor(m), stack.frameType(frame)));
            }
            return functions[m];
        }

        @Override
        public void thread(String thread, long events, long weight) {
            if (truncated) {
                stats.truncated[kind.ordinal()] += events;
            }
            store.add(ids, lines, thread, kind, events, weight);
        }
    }
}
