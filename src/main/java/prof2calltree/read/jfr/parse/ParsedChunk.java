package prof2calltree.read.jfr.parse;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import prof2calltree.read.BadInputException;

/**
 * What {@link JfrChunkParser} found in one chunk: event counts by type, the counters the query
 * asked for, and the summed events by stack and thread, to visit once. Valid until its
 * {@link Workspace} parses another chunk: its stacks are decoded from the chunk's bytes held there.
 */
public final class ParsedChunk {
    private final Map<String, Long> counts = new TreeMap<>();
    private final boolean[] weightMissing;
    private final EventScan scan;
    private final ThreadTable threads;
    private final ConstantPools pools;
    private final TypeDef trace;
    private final StackView view;

    ParsedChunk(ChunkBytes in, Metadata metadata, EventProgram[] programs, EventScan scan, ConstantReader reader,
            ThreadTable threads, TypeDef trace) {
        this.scan = scan;
        this.threads = threads;
        this.pools = reader.pools();
        this.trace = trace;
        this.weightMissing = new boolean[scan.withStack.length];
        for (TypeDef t : metadata.types()) {
            long n = scan.counts[t.index];
            if (n > 0) {
                counts.merge(t.name, n, Long::sum);
                EventProgram p = programs[t.index];
                if (p != null && p.stacks && p.weightMissing) {
                    weightMissing[p.target] = true;
                }
            }
        }
        if (trace == null) {
            // No stack trace type: only events without a stack can be shown.
            this.view = new StackView(null, null, null);
        } else {
            StackDecoder decoder = new StackDecoder(in, trace);
            this.view = new StackView(decoder, new MethodTable(reader, decoder.methodType()), reader);
        }
    }

    /** How many events of each type the chunk holds, by type name; types without events left out. */
    public Map<String, Long> eventCounts() {
        return Collections.unmodifiableMap(counts);
    }

    /** Whether events of {@code stacks} (an index of {@link ChunkQuery#stacks()}) lack the weight field asked for. */
    public boolean weightMissing(int stacks) {
        return weightMissing[stacks];
    }

    /** Events of {@code stacks} whose stack trace the chunk holds, before the thread and time filters. */
    public long withStack(int stacks) {
        return scan.withStack[stacks];
    }

    /** Events of {@code stacks} that passed the filters and have a stack trace: the ones visited. */
    public long converted(int stacks) {
        return scan.converted[stacks];
    }

    /** Events of {@code stacks} that passed the filters but have no stack trace (or one the chunk lacks). */
    public long withoutStack(int stacks) {
        return scan.withoutStack[stacks];
    }

    /** The sum of {@link ChunkQuery#totals()} entry {@code total}. */
    public long total(int total) {
        return scan.totals[total];
    }

    /**
     * Hands each distinct (event type, stack trace) to {@code visitor} in the order first seen,
     * decoding each trace once, each followed by its events per thread. A thread name may come
     * more than once for one stack, when several threads share it.
     *
     * @throws BadInputException if a stack trace, method or thread constant is corrupt
     */
    public void visitStacks(StackVisitor visitor) throws BadInputException {
        Tally tally = scan.tally;
        try {
            for (int g = 0; g < tally.groups(); g++) {
                int head = tally.head(g);
                long stack = tally.stack(head);
                if (stack == Tally.NO_STACK) {
                    view.loadNone();
                } else {
                    view.load(pools.position(trace, stack));
                }
                visitor.stack(tally.type(head), view);
                for (int e = head; e >= 0; e = tally.next(e)) {
                    visitor.thread(threads.name(tally.thread(e)), tally.events(e), tally.weight(e));
                }
            }
        } catch (CorruptChunkException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }
}
