package prof2calltree.read.jfr.parse;

/**
 * The pass over a chunk's events: counts every event by type, and for the wanted types reads
 * the stack trace key, thread and weight, applies the thread and time filters, and sums what
 * remains in a {@link Tally}. An event is read only as far as its last needed field, then
 * skipped by its size; nothing is allocated per event.
 */
final class EventScan {
    private final ChunkBytes in;
    private final ChunkQuery query;
    private final ConstantPools pools;
    private final ThreadTable threads;
    /** The chunk's stack trace type, or null if events name none. */
    private final TypeDef trace;
    private final long startNanos;
    private final long startTicks;
    /** Ticks per nanosecond, as a double: the JDK's TimeConverter divides by it. */
    private final double divisor;

    /** The workspace's tally, emptied for this chunk. */
    final Tally tally;
    /** Events per type index. */
    final long[] counts;
    /** Per {@link ChunkQuery#stacks()} entry: events with a stack before the filters, and after them with and without. */
    final long[] withStack;
    final long[] converted;
    final long[] withoutStack;
    /** Per {@link ChunkQuery#totals()} entry. */
    final long[] totals;

    EventScan(ChunkBytes in, ChunkQuery query, ConstantPools pools, ThreadTable threads, TypeDef trace, int types,
            long startNanos, long startTicks, long ticksPerSecond, Tally tally) {
        this.in = in;
        this.tally = tally;
        tally.clear();
        this.query = query;
        this.pools = pools;
        this.threads = threads;
        this.trace = trace;
        this.startNanos = startNanos;
        this.startTicks = startTicks;
        this.divisor = (double) ticksPerSecond / 1_000_000_000L;
        this.counts = new long[types];
        this.withStack = new long[query.stacks().size()];
        this.converted = new long[query.stacks().size()];
        this.withoutStack = new long[query.stacks().size()];
        this.totals = new long[query.totals().size()];
    }

    /**
     * Reads the events from {@code from} to the chunk's end; {@code types} gives the type index
     * of each event type id, {@code programs} the program of each type index (null: count only).
     */
    void run(int from, TypeIndex types, EventProgram[] programs) {
        int end = in.size();
        in.seek(from);
        while (in.pos < end) {
            int start = in.pos;
            long size = in.readVarLong();
            if (size <= 0 || size > end - start) {
                throw in.corrupt(start, "an event of " + size + " bytes, with " + (end - start) + " left in the chunk");
            }
            int t = types.of(in.readVarLong());
            if (t >= 0) {
                counts[t]++;
                EventProgram p = programs[t];
                if (p != null) {
                    read(p);
                }
            }
            in.pos = start + (int) size;
        }
    }

    private void read(EventProgram p) {
        long start = in.readVarLong();
        long duration = p.firstTyped == 2 ? in.readVarLong() : 0;
        long stack = 0;
        long threadKey = 0;
        long value = p.valueField == 0 ? start : p.valueField == 1 && p.firstTyped == 2 ? duration : 0;
        FieldDef[] fields = p.fields;
        for (int i = p.firstTyped; i <= p.last; i++) {
            if (i == p.stackField) {
                stack = in.readVarLong();
            } else if (i == p.threadField) {
                threadKey = in.readVarLong();
            } else if (i == p.valueField) {
                value = Values.readIntegral(in, fields[i]);
            } else {
                Values.skipField(in, fields[i], 0);
            }
        }
        if (!p.stacks) {
            totals[p.target] += value;
            return;
        }
        int s = p.target;
        boolean found = p.stackField != EventProgram.NONE && pools.contains(trace, stack);
        if (found) {
            withStack[s]++;
        }
        int thread = p.threadField == EventProgram.NONE ? ThreadTable.NONE : threads.number(p.threadType, threadKey);
        if (query.threads() != null && !threads.kept(thread, query.threads())) {
            return;
        }
        if (query.windowed()) {
            long nanos = startNanos + (long) ((start - startTicks) / divisor);
            if (nanos < query.fromNanos() || nanos >= query.toNanos()) {
                return;
            }
        }
        long weight = !p.weighed ? 1 : p.valueField == EventProgram.NONE ? 0
                : p.duration ? nanos(value, fields[p.valueField]) : value;
        if (!found) {
            // Counted and reported, and kept under a stack of no frames, as the JDK reader does.
            withoutStack[s]++;
            tally.add(s, Tally.NO_STACK, thread, Math.max(0, weight));
            return;
        }
        converted[s]++;
        tally.add(s, stack, thread, Math.max(0, weight));
    }

    /** A time span in nanoseconds, by the field's {@code @Timespan} unit (ticks when it has none). */
    private long nanos(long span, FieldDef field) {
        String unit = field.timespan() == null ? "TICKS" : field.timespan();
        return switch (unit) {
            case "NANOSECONDS" -> span;
            case "MICROSECONDS" -> 1000 * span;
            case "MILLISECONDS" -> saturatedTimes(span, 1_000_000L);
            case "SECONDS" -> saturatedTimes(span, 1_000_000_000L);
            default -> (long) (span / divisor);
        };
    }

    private static long saturatedTimes(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return low;
        }
        return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
}
