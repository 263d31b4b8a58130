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
 * already been checked, so {@link #toProfile} cannot fail; it adds the same functions, self
 * costs and calls, in the same order, as the generic conversion in {@link PstatsReader} would
 * for the same dump, with the builder's "once" methods where the dump guarantees no repeats.
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
    /**
     * Open addressing, one int a slot (0 for an empty one): the tuple's index + 1 in the bits
     * below the table's length, the top bits of its hash above them. A slot of another tuple is
     * passed over on those bits alone, nearly always, as it was with the whole hash in a second
     * int beside the index; the table is half the size (a 110,711-function dump: 2 MB, and as
     * much again for the tables it grew out of, instead of twice that).
     */
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
        t[i] = tag | (tuple + 1); // at most half the slots are used, so the index fits below the tag
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

    /** Doubles the tuple table: each tuple's hash made again from its three ints, as the slots hold only its top bits. */
    private void growTuples() {
        int[] t = new int[tupleSlots.length * 2];
        int mask = t.length - 1;
        for (int tuple = 0; tuple < tupleCount; tuple++) {
            int h = mix(tuples.get(3 * tuple), tuples.get(3 * tuple + 1), tuples.get(3 * tuple + 2));
            int i = h & mask;
            while (t[i] != 0) {
                i = (i + 1) & mask;
            }
            t[i] = (h & ~mask) | (tuple + 1);
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
     * them. It overwrites the entries and edges as it goes, so it can run only once.
     */
    Profile toProfile(Warnings warnings) {
        int entryCount = entries.size() / 3;
        int edgeCount = edges.size() / 2;
        ProfileBuilder builder = new ProfileBuilder(List.of(PstatsReader.TIME), tupleCount, entryCount, edgeCount);
        // Each tuple's function id + 1, 0 until it has one (no fill: a fill of a big dump's ids
        // runs in the JDK's code, interpreted for most of its one call).
        int[] ids = new int[tupleCount];
        boolean distinct = distinctFunctions();
        for (int e = 0; e < entryCount; e++) {
            int t = (int) (entries.get(3 * e) >>> 32);
            if (ids[t] == 0) {
                ids[t] = function(builder, t, distinct) + 1;
            }
        }
        int unknownCallers = 0;
        for (int k = 0; k < edgeCount; k++) {
            int c = (int) (edges.get(2 * k) >>> 32);
            if (ids[c] == 0) {
                ids[c] = function(builder, c, distinct) + 1;
                unknownCallers++;
            }
        }
        // Where each caller's calls start among all calls grouped by caller (a counting sort).
        int functionCount = builder.functionCount();
        int[] next = new int[functionCount + 1];
        for (int k = 0; k < edgeCount; k++) {
            next[ids[(int) (edges.get(2 * k) >>> 32)]]++; // ids are function ids + 1
        }
        for (int f = 1; f <= functionCount; f++) {
            next[f] += next[f - 1];
        }
        // Self costs in entry order, each call's inclusive nanoseconds (written over its seconds),
        // and the calls' places: the entry (high half) and edge (low half) of each, by caller.
        long[] byCaller = new long[edgeCount];
        PstatsReader.Nanos nanos = new PstatsReader.Nanos();
        long[] cost = new long[1];
        for (int e = 0; e < entryCount; e++) {
            long head = entries.get(3 * e);
            int t = (int) (head >>> 32);
            int from = (int) head;
            int to = e + 1 < entryCount ? (int) entries.get(3 * e + 3) : edgeCount;
            double ct = Double.longBitsToDouble(entries.get(3 * e + 2));
            cost[0] = nanos.of(Double.longBitsToDouble(entries.get(3 * e + 1)));
            builder.addSelfOnce(ids[t] - 1, tuples.get(3 * t + 1), cost);
            long profileCalls = 0;
            for (int k = from; k < to; k++) {
                if (Double.isNaN(Double.longBitsToDouble(edges.get(2 * k + 1)))) {
                    profileCalls += calls(k);
                }
            }
            for (int k = from; k < to; k++) {
                double edgeCt = Double.longBitsToDouble(edges.get(2 * k + 1));
                long inclusive = Double.isNaN(edgeCt) ? nanos.share(ct, calls(k), profileCalls) : nanos.of(edgeCt);
                edges.set(2 * k + 1, inclusive);
                int caller = ids[(int) (edges.get(2 * k) >>> 32)] - 1;
                byCaller[next[caller]++] = (long) e << 32 | k;
            }
        }
        // A dict has each key once, and each entry each caller once: the builder need not look
        // them up (where two keys name one function, it sums them when it builds).
        for (int i = 0; i < edgeCount; i++) {
            int e = (int) (byCaller[i] >>> 32);
            int k = (int) byCaller[i];
            int t = (int) (entries.get(3 * e) >>> 32);
            int c = (int) (edges.get(2 * k) >>> 32);
            cost[0] = edges.get(2 * k + 1);
            builder.addCallOnce(ids[c] - 1, tuples.get(3 * c + 1), ids[t] - 1, tuples.get(3 * t + 1), calls(k), cost);
        }
        PstatsReader.warnTotals(warnings, nanos.negative, unknownCallers);
        return builder.build();
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
