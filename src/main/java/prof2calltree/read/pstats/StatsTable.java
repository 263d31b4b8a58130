package prof2calltree.read.pstats;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import prof2calltree.model.Profile;
import prof2calltree.model.ProfileBuilder;
import prof2calltree.read.Warnings;

/**
 * A pstats dump of the usual shape, decoded into flat arrays by {@link StatsDecoder}: the
 * distinct key tuples, the entries in dict order and each entry's callers. Everything in it has
 * already been checked, so {@link #toProfile} cannot fail; it adds the same functions (in the
 * same order, so with the same ids), self costs and calls as the generic conversion in
 * {@link PstatsReader} would for the same dump, with the builder's "once" methods where the dump
 * guarantees no repeats, and the calls as columns grouped by caller.
 */
final class StatsTable {
    /** Texts of the distinct strings, by symbol id; a str and an equal bytes get different ids. */
    private String[] texts = new String[1024];
    private int textCount;
    /** Whether any symbol is bytes (Python 2's str): then a bytes and a str may show the same text. */
    private boolean bytesSeen;

    /** Distinct key tuples by equality, three ints each: file symbol, line, name symbol. */
    private final IntBlocks tuples = new IntBlocks();
    private int tupleCount;
    /** The tuples by hash, as {@link TaggedSlots}: a tuple's hash is made again from its three ints. */
    private int[] tupleSlots = new int[4096];

    /**
     * Three longs an entry: its tuple (high half) and the index of its first edge (low half),
     * then its self and cumulative seconds (as double bits).
     */
    private final LongBlocks entries = new LongBlocks();
    /**
     * Two longs an edge: the caller's tuple (high half) and the call count (low half, unsigned;
     * {@link #BIG} if it needs more bits: then it is in {@link #bigCounts}), then the cumulative
     * seconds (as double bits; NaN for the profile module's plain call counts).
     */
    private final LongBlocks edges = new LongBlocks();
    private static final long BIG = 0xffffffffL;
    private final Map<Integer, Long> bigCounts = new HashMap<>();

    String text(int symbol) {
        return texts[symbol];
    }

    /** Notes that the dump has a byte string. */
    void bytesSeen() {
        bytesSeen = true;
    }

    /** Adds the text of a new distinct string and returns its symbol id. */
    int symbol(String text) {
        if (textCount == texts.length) {
            texts = Arrays.copyOf(texts, textCount * 2);
        }
        texts[textCount] = text;
        return textCount++;
    }

    /** The index of the tuple equal to (file, line, name), adding it if it is new. */
    int tuple(int file, int line, int name) {
        int[] t = tupleSlots;
        int mask = t.length - 1;
        int h = mix(file, line, name);
        int tag = h & ~mask;
        int i = h & mask;
        for (int v; (v = t[i]) != 0; i = (i + 1) & mask) {
            if ((v & ~mask) == tag) {
                int index = (v & mask) - 1;
                int at = 3 * index;
                if (tuples.get(at) == file && tuples.get(at + 1) == line && tuples.get(at + 2) == name) {
                    return index;
                }
            }
        }
        int tuple = tupleCount++;
        tuples.add(file);
        tuples.add(line);
        tuples.add(name);
        t[i] = tag | (tuple + 1);
        if (tupleCount * 2 > t.length) {
            growTuples();
        }
        return tuple;
    }

    private static int mix(int file, int line, int name) {
        int h = (file * 31 + line) * 0x9E3779B1 + name;
        h *= 0x85EBCA6B;
        return h ^ (h >>> 15);
    }

    /** Doubles the tuple table. */
    private void growTuples() {
        int[] t = new int[tupleSlots.length * 2];
        for (int tuple = 0; tuple < tupleCount; tuple++) {
            TaggedSlots.place(t, mix(tuples.get(3 * tuple), tuples.get(3 * tuple + 1), tuples.get(3 * tuple + 2)), tuple);
        }
        tupleSlots = t;
    }

    /** Starts an entry; the edges added next are its callers. */
    void entry(int tuple, double tt, double ct) {
        entries.add((long) tuple << 32 | edges.size() / 2);
        entries.add(Double.doubleToRawLongBits(tt));
        entries.add(Double.doubleToRawLongBits(ct));
    }

    /** Adds a caller of the current entry: {@code calls} is at least 0, {@code ct} NaN for a plain call count. */
    void edge(int callerTuple, long calls, double ct) {
        if (calls >= BIG) {
            bigCounts.put(edges.size() / 2, calls);
        }
        edges.add((long) callerTuple << 32 | Math.min(calls, BIG));
        edges.add(Double.doubleToRawLongBits(ct));
    }

    private long calls(int edge) {
        long calls = edges.get(2 * edge) & BIG;
        return calls == BIG ? bigCounts.get(edge) : calls;
    }

    /**
     * Feeds the builder the functions, self costs and calls the generic conversion would: every
     * entry key first, in dict order, then the callers without an entry of their own in the
     * order the entries' callers name them. The calls go in grouped by caller, each caller's in
     * entry order: with distinct functions that is the builder's own order, so it need not sort
     * them.
     */
    Profile toProfile(Warnings warnings) {
        int entryCount = entries.size() / 3;
        int edgeCount = edges.size() / 2;
        // Sized for no calls: they go in as columns made here, which the builder takes.
        Feed feed = new Feed(new ProfileBuilder(List.of(PstatsReader.TIME), tupleCount, entryCount, 0),
                distinctFunctions());
        for (int from = 0; from < entryCount; from += CHUNK) {
            feed.entryFunctions(from, Math.min(entryCount, from + CHUNK));
        }
        for (int from = 0; from < edgeCount; from += CHUNK) {
            feed.callerFunctions(from, Math.min(edgeCount, from + CHUNK));
        }
        // Where each caller's calls start among all calls grouped by caller (a counting sort).
        int functionCount = feed.builder.functionCount();
        int[] next = feed.next;
        for (int f = 1; f <= functionCount; f++) {
            next[f] += next[f - 1];
        }
        feed.callColumns(edgeCount);
        for (int from = 0; from < entryCount; from += CHUNK) {
            feed.selfCostsAndCalls(from, Math.min(entryCount, from + CHUNK), entryCount, edgeCount);
        }
        feed.builder.addCallsOnce(edgeCount, feed.caller, feed.callerLine, feed.callee, feed.calleeLine, feed.count,
                feed.inclusive);
        PstatsReader.warnTotals(warnings, feed.nanos.negative, feed.unknownCallers);
        return feed.builder.build();
    }

    /**
     * How many entries or edges a method of {@link Feed} takes per call. Each pass runs once, and
     * a loop in a method called once is compiled only on the stack (on-stack replacement) after
     * many turns, one compilation a loop, while a small method called again and again is compiled
     * after some ten calls. As the callgrind writer's FileTable.CHUNK, for the same reason.
     */
    private static final int CHUNK = 16;

    /** The state of {@link #toProfile}'s passes, each over a range of entries or edges at a time. */
    private final class Feed {
        final ProfileBuilder builder;
        final boolean distinct;
        /** Each tuple's function id + 1, 0 until it has one (no fill: the JDK's fill runs interpreted). */
        final int[] ids = new int[tupleCount];
        int unknownCallers;
        /**
         * By caller, where its next call goes among the calls grouped by caller; first each
         * caller's count of calls, one place after the caller's (no more functions than tuples).
         */
        final int[] next = new int[tupleCount + 1];
        /** The calls, grouped by caller, as the builder's columns. */
        int[] caller;
        int[] callerLine;
        int[] callee;
        int[] calleeLine;
        long[] count;
        long[] inclusive;
        final PstatsReader.Nanos nanos = new PstatsReader.Nanos();
        final long[] cost = new long[1];

        Feed(ProfileBuilder builder, boolean distinct) {
            this.builder = builder;
            this.distinct = distinct;
        }

        /** The entries' functions, in dict order. */
        void entryFunctions(int from, int to) {
            for (int e = from; e < to; e++) {
                int t = (int) (entries.get(3 * e) >>> 32);
                if (ids[t] == 0) {
                    ids[t] = function(builder, t, distinct) + 1;
                }
            }
        }

        /**
         * The functions of callers without an entry, in the order the entries name them, and
         * each caller's count of calls.
         */
        void callerFunctions(int from, int to) {
            for (int k = from; k < to; k++) {
                int c = (int) (edges.get(2 * k) >>> 32);
                if (ids[c] == 0) {
                    ids[c] = function(builder, c, distinct) + 1;
                    unknownCallers++;
                }
                next[ids[c]]++; // ids are function ids + 1
            }
        }

        /** Makes the columns for {@code n} calls, the builder's to take. */
        void callColumns(int n) {
            caller = new int[n];
            callerLine = new int[n];
            callee = new int[n];
            calleeLine = new int[n];
            count = new long[n];
            inclusive = new long[n];
        }

        /**
         * Self costs in entry order, and each entry's calls, each put in its place among the calls
         * grouped by caller: read in order, written where they go. A dict has each key once, and
         * each entry each caller once, so the builder need not look them up (where two keys name
         * one function, it sums them when it builds).
         */
        void selfCostsAndCalls(int fromEntry, int toEntry, int entryCount, int edgeCount) {
            for (int e = fromEntry; e < toEntry; e++) {
                long head = entries.get(3 * e);
                int t = (int) (head >>> 32);
                int from = (int) head;
                int to = e + 1 < entryCount ? (int) entries.get(3 * e + 3) : edgeCount;
                double ct = Double.longBitsToDouble(entries.get(3 * e + 2));
                cost[0] = nanos.of(Double.longBitsToDouble(entries.get(3 * e + 1)));
                int function = ids[t] - 1;
                int line = tuples.get(3 * t + 1);
                builder.addSelfOnce(function, line, cost);
                long profileCalls = 0;
                for (int k = from; k < to; k++) {
                    if (Double.isNaN(Double.longBitsToDouble(edges.get(2 * k + 1)))) {
                        profileCalls += calls(k);
                    }
                }
                for (int k = from; k < to; k++) {
                    double edgeCt = Double.longBitsToDouble(edges.get(2 * k + 1));
                    long calls = calls(k);
                    int c = (int) (edges.get(2 * k) >>> 32);
                    int at = next[ids[c] - 1]++;
                    caller[at] = ids[c] - 1;
                    callerLine[at] = tuples.get(3 * c + 1);
                    callee[at] = function;
                    calleeLine[at] = line;
                    count[at] = calls;
                    inclusive[at] = Double.isNaN(edgeCt) ? nanos.share(ct, calls, profileCalls) : nanos.of(edgeCt);
                }
            }
        }
    }

    /**
     * The function of tuple {@code t}, added without a lookup where tuples are known to be
     * {@link #distinctFunctions distinct functions}.
     */
    private int function(ProfileBuilder builder, int t, boolean distinct) {
        String name = texts[tuples.get(3 * t + 2)];
        String file = PstatsReader.fileName(texts[tuples.get(3 * t)]);
        int line = tuples.get(3 * t + 1);
        return distinct ? builder.addFunctionOnce(name, file, "", line, "") : builder.function(name, file, "", line, "");
    }

    /**
     * Whether no two key tuples name the same function, so that the builder need not look each
     * up: tuples are distinct by symbols, and symbols by text unless the dump has byte strings
     * (a bytes and a str of the same text are two symbols). The one other way two tuples meet
     * is the file names pstats gives built-ins, "~" and "", which the conversion shows as one.
     */
    private boolean distinctFunctions() {
        if (bytesSeen) {
            return false;
        }
        byte[] builtin = new byte[textCount]; // by symbol: 0 not looked at, 1 a built-in's file, 2 not
        int builtinFile = -1;
        for (int t = 0; t < tupleCount; t++) {
            int file = tuples.get(3 * t);
            if (builtin[file] == 0) {
                builtin[file] = PstatsReader.fileName(texts[file]).equals(PstatsReader.BUILTIN_FILE) ? (byte) 1 : 2;
            }
            if (builtin[file] == 1) {
                if (builtinFile >= 0 && builtinFile != file) {
                    return false;
                }
                builtinFile = file;
            }
        }
        return true;
    }
}
