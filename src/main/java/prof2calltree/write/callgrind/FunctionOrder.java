package prof2calltree.write.callgrind;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import prof2calltree.model.Function;
import prof2calltree.model.FunctionList;

/**
 * The order functions are written in: by file, then line, then display name, then id (so equal
 * keys keep the profile's order). With files numbered in sorted order, functions are grouped by
 * file with a counting sort, then each file's (line, id) pairs, packed into longs, are sorted as
 * primitives; only functions that share a file and a line, which are few, are then compared by
 * name.
 */
final class FunctionOrder {
    private FunctionOrder() {}

    /** Function ids in writing order. */
    static int[] of(List<Function> functions, FileTable files, NameTable names) {
        return of(functions, files, names, false);
    }

    /** With {@code general}, always uses the comparator sort that packed keys stand in for (for tests). */
    static int[] of(List<Function> functions, FileTable files, NameTable names, boolean general) {
        FunctionList columns = FunctionList.of(functions);
        return general ? sortGeneral(columns.size(), files.fileOf, columns, names)
                : sortPacked(columns.size(), files, columns, names);
    }

    private static void lowestLine(FunctionList functions, int from, int to, int[] lowest) {
        for (int id = from; id < to; id++) {
            lowest[0] = Math.min(lowest[0], functions.line(id));
        }
    }

    /**
     * Grouped by file with a counting sort (ids ascending within a file), then each file's
     * functions sorted by (line, id) packed into a long. Only a file's worth of keys is held at a
     * time (a whole profile's, with their sort's spare array, were 1.8 MB for 110,711 functions).
     */
    private static int[] sortPacked(int n, FileTable files, FunctionList functions, NameTable names) {
        int[] lowest = {n == 0 ? 0 : functions.line(0)};
        for (int from = 0; from < n; from += FileTable.CHUNK) { // in chunks, for the JIT: see FileTable.CHUNK
            lowestLine(functions, from, Math.min(n, from + FileTable.CHUNK), lowest);
        }
        int minLine = lowest[0];
        // A line's offset from the lowest takes at most 32 bits and an id at most 31: they pack.
        int idBits = bits(Math.max(n - 1, 0));
        int[] fileOf = files.fileOf;
        int fileCount = files.paths.length;
        int[] starts = new int[fileCount + 1];
        for (int id = 0; id < n; id++) {
            starts[fileOf[id] + 1]++;
        }
        int largest = 0;
        for (int f = 0; f < fileCount; f++) {
            largest = Math.max(largest, starts[f + 1]);
            starts[f + 1] += starts[f];
        }
        int[] order = new int[n];
        int[] next = Arrays.copyOf(starts, fileCount);
        for (int id = 0; id < n; id++) {
            order[next[fileOf[id]]++] = id;
        }
        long[] keys = new long[largest];
        long[] spare = new long[largest];
        for (int f = 0; f < fileCount; f++) {
            if (starts[f + 1] - starts[f] > 1) {
                sortFile(order, starts[f], starts[f + 1], functions, minLine, idBits, keys, spare, names);
            }
        }
        return order;
    }

    /** Sorts one file's functions, {@code order[from..to)}, by line, then display name, then id. */
    private static void sortFile(int[] order, int from, int to, FunctionList functions, int minLine, int idBits,
            long[] keys, long[] spare, NameTable names) {
        int m = to - from;
        boolean sorted = true;
        for (int k = 0; k < m; k++) {
            int id = order[from + k];
            keys[k] = (functions.line(id) - (long) minLine) << idBits | id;
            sorted &= k == 0 || keys[k] > keys[k - 1];
        }
        long[] inOrder = sorted ? keys : mergeSorted(keys, m, spare);
        long idMask = (1L << idBits) - 1;
        // Runs with the same line: sort by name, stably (they are in id order now).
        int runStart = 0;
        for (int k = 0; k <= m; k++) {
            if (k == m || inOrder[k] >>> idBits != inOrder[runStart] >>> idBits) {
                if (k - runStart > 1) {
                    sortRun(order, from + runStart, from + k, names);
                }
                runStart = k;
            }
            if (k < m) {
                order[from + k] = (int) (inOrder[k] & idMask);
            }
        }
    }

    /**
     * The first {@code n} keys in ascending order, in {@code keys} or in {@code spare} (which has
     * room for them): a bottom-up merge sort in our own code, which the launcher has compiled
     * early; the JDK's sorts run mostly interpreted in a conversion, being called too few times
     * (110,711 keys through {@code Arrays.sort(long[])} took 15 ms, against 5 ms for the radix
     * sort of our own that sorted them all at once before the keys were sorted a file at a time).
     */
    static long[] mergeSorted(long[] keys, int n, long[] spare) {
        long[] from = keys;
        long[] to = spare;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                merge(from, to, lo, Math.min(lo + width, n), Math.min(lo + 2 * width, n));
            }
            long[] swap = from;
            from = to;
            to = swap;
        }
        return from;
    }

    /** Merges the sorted runs {@code from[lo..mid)} and {@code from[mid..hi)} into {@code to[lo..hi)}. */
    private static void merge(long[] from, long[] to, int lo, int mid, int hi) {
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            to[k] = j >= hi || i < mid && from[i] <= from[j] ? from[i++] : from[j++];
        }
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
