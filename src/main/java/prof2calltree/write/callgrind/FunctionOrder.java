package prof2calltree.write.callgrind;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import prof2calltree.model.Function;

/**
 * The order functions are written in: by file, then line, then display name, then id (so equal
 * keys keep the profile's order). Files are numbered by their sorted names and each function's
 * (file, line, id) is packed into one long, so the sort is a sort of primitives; only functions
 * that share a file and a line, which are few, are then compared by name.
 */
final class FunctionOrder {
    /** The distinct file paths, sorted. */
    final String[] files;
    /** For each function id, the index of its file in {@link #files}. */
    final int[] fileOf;
    /** Function ids in writing order. */
    final int[] order;

    FunctionOrder(List<Function> functions, NameTable names) {
        this(functions, names, false);
    }

    /** With {@code general}, always uses the comparator sort that packed keys stand in for (for tests). */
    FunctionOrder(List<Function> functions, NameTable names, boolean general) {
        int n = functions.size();
        Map<String, Integer> index = new HashMap<>();
        int[] first = new int[n];
        int[] lines = new int[n];
        int minLine = 0;
        int maxLine = 0;
        for (int id = 0; id < n; id++) {
            Function f = functions.get(id);
            Integer i = index.get(f.file());
            if (i == null) {
                i = index.size();
                index.put(f.file(), i);
            }
            first[id] = i;
            int line = f.line();
            lines[id] = line;
            minLine = id == 0 ? line : Math.min(minLine, line);
            maxLine = id == 0 ? line : Math.max(maxLine, line);
        }
        // Number the files in sorted order.
        files = index.keySet().toArray(new String[0]);
        Arrays.sort(files);
        int[] rank = new int[files.length];
        for (int r = 0; r < files.length; r++) {
            rank[index.get(files[r])] = r;
        }
        fileOf = new int[n];
        for (int id = 0; id < n; id++) {
            fileOf[id] = rank[first[id]];
        }
        int fileBits = bits(files.length - 1);
        int lineBits = bits((long) maxLine - minLine);
        int idBits = bits(n - 1);
        if (general || fileBits + lineBits + idBits > 63) {
            order = sortGeneral(n, fileOf, lines, names);
        } else {
            order = sortPacked(n, fileOf, lines, minLine, lineBits, idBits, names);
        }
    }

    private static int[] sortPacked(int n, int[] fileOf, int[] lines, int minLine, int lineBits, int idBits,
            NameTable names) {
        long[] keys = new long[n];
        for (int id = 0; id < n; id++) {
            keys[id] = (((long) fileOf[id] << lineBits | (lines[id] - (long) minLine)) << idBits) | id;
        }
        Arrays.sort(keys);
        long idMask = (1L << idBits) - 1;
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = (int) (keys[k] & idMask);
        }
        // Runs with the same file and line: sort by name, stably (they are in id order now).
        int i = 0;
        while (i < n) {
            long group = keys[i] >>> idBits;
            int j = i + 1;
            while (j < n && keys[j] >>> idBits == group) {
                j++;
            }
            if (j - i > 1) {
                Integer[] run = new Integer[j - i];
                for (int k = i; k < j; k++) {
                    run[k - i] = order[k];
                }
                Arrays.sort(run, new ByName(names));
                for (int k = i; k < j; k++) {
                    order[k] = run[k - i];
                }
            }
            i = j;
        }
        return order;
    }

    private static int[] sortGeneral(int n, int[] fileOf, int[] lines, NameTable names) {
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
