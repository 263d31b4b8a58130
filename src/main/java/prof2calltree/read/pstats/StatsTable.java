package prof2calltree.read.pstats;

import java.util.Arrays;
import java.util.List;
import prof2calltree.model.Profile;
import prof2calltree.model.ProfileBuilder;
import prof2calltree.read.Warnings;

/**
 * A pstats dump of the usual shape, decoded into flat arrays by {@link StatsDecoder}: the
 * distinct key tuples, the entries in dict order and each entry's callers. Everything in it has
 * already been checked, so {@link #toProfile} cannot fail; it makes the same builder calls, in
 * the same order, as the generic conversion in {@link PstatsReader} would for the same dump.
 */
final class StatsTable {
    /** Texts of the distinct strings, by symbol id; a str and an equal bytes get different ids. */
    private String[] texts = new String[1024];
    private int textCount;

    /** Distinct key tuples by equality: (file symbol, line, name symbol). */
    private int[] tupleFile = new int[1024];
    private int[] tupleLine = new int[1024];
    private int[] tupleName = new int[1024];
    private int tupleCount;
    /** Open addressing over tuple index + 1; 0 is an empty slot. */
    private int[] tupleSlots = new int[2048];

    private int[] entryTuple = new int[1024];
    /** Self and cumulative seconds of each entry. */
    private double[] entryTt = new double[1024];
    private double[] entryCt = new double[1024];
    /** Index of the first edge after each entry's callers. */
    private int[] entryEdgeEnd = new int[1024];
    private int entryCount;

    private int[] edgeCaller = new int[4096];
    private long[] edgeCalls = new long[4096];
    /** Cumulative seconds of each edge; NaN for the profile module's plain call counts. */
    private double[] edgeCt = new double[4096];
    private int edgeCount;

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
        int mask = tupleSlots.length - 1;
        int h = mix(file, line, name) & mask;
        while (true) {
            int slot = tupleSlots[h];
            if (slot == 0) {
                break;
            }
            int t = slot - 1;
            if (tupleFile[t] == file && tupleLine[t] == line && tupleName[t] == name) {
                return t;
            }
            h = (h + 1) & mask;
        }
        if (tupleCount == tupleFile.length) {
            int n = tupleCount * 2;
            tupleFile = Arrays.copyOf(tupleFile, n);
            tupleLine = Arrays.copyOf(tupleLine, n);
            tupleName = Arrays.copyOf(tupleName, n);
        }
        int t = tupleCount++;
        tupleFile[t] = file;
        tupleLine[t] = line;
        tupleName[t] = name;
        tupleSlots[h] = t + 1;
        if (tupleCount * 2 > tupleSlots.length) {
            rehash();
        }
        return t;
    }

    private static int mix(int file, int line, int name) {
        int h = (file * 31 + line) * 0x9E3779B1 + name;
        h *= 0x85EBCA6B;
        return h ^ (h >>> 15);
    }

    private void rehash() {
        int[] slots = new int[tupleSlots.length * 2];
        int mask = slots.length - 1;
        for (int t = 0; t < tupleCount; t++) {
            int h = mix(tupleFile[t], tupleLine[t], tupleName[t]) & mask;
            while (slots[h] != 0) {
                h = (h + 1) & mask;
            }
            slots[h] = t + 1;
        }
        tupleSlots = slots;
    }

    /** Starts an entry; the edges added next are its callers. */
    void entry(int tuple, double tt, double ct) {
        if (entryCount == entryTuple.length) {
            int n = entryCount * 2;
            entryTuple = Arrays.copyOf(entryTuple, n);
            entryTt = Arrays.copyOf(entryTt, n);
            entryCt = Arrays.copyOf(entryCt, n);
            entryEdgeEnd = Arrays.copyOf(entryEdgeEnd, n);
        }
        entryTuple[entryCount] = tuple;
        entryTt[entryCount] = tt;
        entryCt[entryCount] = ct;
        entryEdgeEnd[entryCount] = edgeCount;
        entryCount++;
    }

    /** Adds a caller of the current entry; {@code ct} is NaN for a plain call count. */
    void edge(int callerTuple, long calls, double ct) {
        if (edgeCount == edgeCaller.length) {
            int n = edgeCount * 2;
            edgeCaller = Arrays.copyOf(edgeCaller, n);
            edgeCalls = Arrays.copyOf(edgeCalls, n);
            edgeCt = Arrays.copyOf(edgeCt, n);
        }
        edgeCaller[edgeCount] = callerTuple;
        edgeCalls[edgeCount] = calls;
        edgeCt[edgeCount] = ct;
        edgeCount++;
        entryEdgeEnd[entryCount - 1] = edgeCount;
    }

    /**
     * Feeds the builder as the generic conversion does: every entry key first, in dict order,
     * then each entry's self time and calls, adding callers without an entry as they are met.
     */
    Profile toProfile(Warnings warnings) {
        ProfileBuilder builder = new ProfileBuilder(List.of(PstatsReader.TIME));
        int[] ids = new int[tupleCount];
        Arrays.fill(ids, -1);
        for (int e = 0; e < entryCount; e++) {
            int t = entryTuple[e];
            if (ids[t] < 0) {
                ids[t] = function(builder, t);
            }
        }
        PstatsReader.Nanos nanos = new PstatsReader.Nanos();
        int unknownCallers = 0;
        int from = 0;
        for (int e = 0; e < entryCount; e++) {
            int t = entryTuple[e];
            int callee = ids[t];
            int line = tupleLine[t];
            builder.addSelf(callee, line, 0, nanos.of(entryTt[e]));
            int to = entryEdgeEnd[e];
            long profileCalls = 0;
            for (int k = from; k < to; k++) {
                if (Double.isNaN(edgeCt[k])) {
                    profileCalls += Math.max(0, edgeCalls[k]);
                }
            }
            for (int k = from; k < to; k++) {
                int c = edgeCaller[k];
                int caller = ids[c];
                if (caller < 0) {
                    caller = function(builder, c);
                    ids[c] = caller;
                    unknownCallers++;
                }
                long inclusive;
                if (Double.isNaN(edgeCt[k])) {
                    double share = profileCalls == 0 ? 0 : (double) Math.max(0, edgeCalls[k]) / profileCalls;
                    inclusive = nanos.clamp(Math.round(entryCt[e] * PstatsReader.NANOS * share));
                } else {
                    inclusive = nanos.of(edgeCt[k]);
                }
                builder.addCall(caller, tupleLine[c], callee, line, edgeCalls[k], 0, inclusive);
            }
            from = to;
        }
        PstatsReader.warnTotals(warnings, nanos.negative, unknownCallers);
        return builder.build();
    }

    private int function(ProfileBuilder builder, int t) {
        return builder.function(texts[tupleName[t]], PstatsReader.fileName(texts[tupleFile[t]]), "",
                tupleLine[t], "");
    }
}
