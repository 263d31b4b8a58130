package prof2calltree.write.callgrind;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import prof2calltree.model.Function;
import prof2calltree.model.FunctionList;

/**
 * The order functions are written in: by file, then line, then display name, then id (so equal
 * keys keep the profile's order). With files numbered in sorted order, each function's (file,
 * line, id) is packed into one long, so the sort is a sort of primitives; only functions that
 * share a file and a line, which are few, are then compared by name.
 */
final class FunctionOrder {
    private FunctionOrder() {}

    /** Function ids in writing order. */
    static int[] of(List<Function> functions, FileTable files, NameTable names) {
        return of(functions, files, names, false);
    }

    /** With {@code general}, always uses the comparator sort that packed keys stand in for (for tests). */
    static int[] of(List<Function> functions, FileTable files, NameTable names, boolean general) {
        int n = functions.size();
        FunctionList columns = FunctionList.of(functions);
        int[] range = {n == 0 ? 0 : columns.line(0), n == 0 ? 0 : columns.line(0)}; // lowest and highest line
        for (int from = 0; from < n; from += FileTable.CHUNK) { // in chunks, for the JIT: see FileTable.CHUNK
            lineRange(columns, from, Math.min(n, from + FileTable.CHUNK), range);
        }
        int minLine = range[0];
        int fileBits = bits(files.paths.length - 1);
        int lineBits = bits((long) range[1] - minLine);
        int idBits = bits(n - 1);
        if (general || fileBits + lineBits + idBits > 63) {
            return sortGeneral(n, files.fileOf, columns, names);
        }
        return sortPacked(n, files.fileOf, columns, minLine, lineBits, idBits, names);
    }

    private static void lineRange(FunctionList functions, int from, int to, int[] range) {
        for (int id = from; id < to; id++) {
            int line = functions.line(id);
            range[0] = Math.min(range[0], line);
            range[1] = Math.max(range[1], line);
        }
    }

    private static int[] sortPacked(int n, int[] fileOf, FunctionList functions, int minLine, int lineBits,
            int idBits, NameTable names) {
        long[] keys = new long[n];
        for (int id = 0; id < n; id++) {
            keys[id] = (((long) fileOf[id] << lineBits | (functions.line(id) - (long) minLine)) << idBits) | id;
        }
        keys = radixSorted(keys);
        long idMask = (1L << idBits) - 1;
        int[] order = new int[n];
        // Runs with the same file and line: sort by name, stably (they are in id order now).
        int runStart = 0;
        for (int k = 0; k <= n; k++) {
            if (k == n || keys[k] >>> idBits != keys[runStart] >>> idBits) {
                if (k - runStart > 1) {
                    sortRun(order, runStart, k, names);
                }
                runStart = k;
            }
            if (k < n) {
                order[k] = (int) (keys[k] & idMask);
            }
        }
        return order;
    }

    private static final int DIGIT_BITS = 11;

    /**
     * The keys, all non-negative, in ascending order: a radix sort, 11 bits a pass and only as
     * many passes as the largest key has bits (four for a big dump's keys), in our own code,
     * which the launcher has compiled early; {@link Arrays#sort(long[])} runs mostly interpreted
     * in a conversion's one call (110,711 keys: 15 ms against 5 ms, first calls). May return
     * {@code keys} itself, sorted, or a new array.
     */
    static long[] radixSorted(long[] keys) {
        int n = keys.length;
        long all = 0;
        for (int i = 0; i < n; i++) {
            all |= keys[i];
        }
        int bits = 64 - Long.numberOfLeadingZeros(all);
        if (n < 2 || bits == 0) {
            return keys;
        }
        long[] from = keys;
        long[] to = new long[n];
        int[] starts = new int[(1 << DIGIT_BITS) + 1];
        int mask = (1 << DIGIT_BITS) - 1;
        for (int shift = 0; shift < bits; shift += DIGIT_BITS) {
            Arrays.fill(starts, 0);
            for (int i = 0; i < n; i++) {
                starts[(int) (from[i] >>> shift & mask) + 1]++;
            }
            for (int d = 0; d < mask + 1; d++) {
                starts[d + 1] += starts[d];
            }
            for (int i = 0; i < n; i++) {
                long key = from[i];
                to[starts[(int) (key >>> shift & mask)]++] = key;
            }
            long[] swap = from;
            from = to;
            to = swap;
        }
        return from;
    }

    private static void sortRun(int[] order, int from, int to, NameTable names) {
        Integer[] run = new Integer[to - from];
        for (int k = from; k < to; k++) {
            run[k - from] = order[k];
        }
        Arrays.sort(run, new ByName(names));
        for (int k = from; k < to; k++) {
            order[k] = run[k - from];
        }
    }

    private static int[] sortGeneral(int n, int[] fileOf, FunctionList functions, NameTable names) {
        int[] lines = new int[n];
        for (int id = 0; id < n; id++) {
            lines[id] = functions.line(id);
        }
        Integer[] ids = new Integer[n];
        for (int id = 0; id < n; id++) {
            ids[id] = id;
        }
        Arrays.sort(ids, new Comparator<Integer>() {
            @Override
            public int compare(Integer a, Integer b) {
                int c = Integer.compare(fileOf[a], fileOf[b]);
                if (c == 0) {
                    c = Integer.compare(lines[a], lines[b]);
                }
                return c != 0 ? c : names.name(a).compareTo(names.name(b));
            }
        });
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = ids[k];
        }
        return order;
    }

    /** Bits needed for values from 0 to {@code max}. */
    private static int bits(long max) {
        return 64 - Long.numberOfLeadingZeros(max);
    }

    /** Compares function ids by display name. */
    private static final class ByName implements Comparator<Integer> {
        private final NameTable names;

        ByName(NameTable names) {
            this.names = names;
        }

        @Override
        public int compare(Integer a, Integer b) {
            return names.name(a).compareTo(names.name(b));
        }
    }
}
