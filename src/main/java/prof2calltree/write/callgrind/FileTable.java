package prof2calltree.write.callgrind;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import prof2calltree.model.Function;
import prof2calltree.model.FunctionList;

/**
 * The distinct source files of a profile's functions, sorted, and which one each function is in.
 * Both the writing order and the name table work on these small numbers rather than on paths.
 */
final class FileTable {
    /** The distinct file paths, sorted. */
    final String[] paths;
    /** For each function id, the index of its file in {@link #paths}. */
    final int[] fileOf;

    /**
     * How many elements a method of a long pass handles per call. The first run is what users
     * pay for, and the JIT compiles a method once it has been called a hundred times or so, but
     * a loop only after some 60,000 iterations, which the interpreter runs many times slower. So
     * a pass over 100,000 functions runs as 7,000 calls of a method of 16 iterations, compiled
     * after the first 2,000 functions.
     */
    static final int CHUNK = 16;

    private final Map<String, Integer> index = new HashMap<>();
    /** Each function's file, numbered in the order first seen, until sorted. */
    private final int[] firstSeen;
    private String last;
    private int lastIndex = -1;

    FileTable(List<Function> functions) {
        int n = functions.size();
        firstSeen = new int[n];
        FunctionList columns = FunctionList.of(functions);
        for (int from = 0; from < n; from += CHUNK) {
            number(columns, from, Math.min(n, from + CHUNK));
        }
        paths = index.keySet().toArray(new String[0]);
        Arrays.sort(paths);
        int[] rank = new int[paths.length];
        for (int r = 0; r < paths.length; r++) {
            rank[index.get(paths[r])] = r;
        }
        fileOf = firstSeen;
        for (int from = 0; from < n; from += CHUNK) {
            sort(rank, from, Math.min(n, from + CHUNK));
        }
    }

    private void number(FunctionList functions, int from, int to) {
        for (int id = from; id < to; id++) {
            String file = functions.file(id);
            if (file != last) { // the same String again, as readers often share them: no lookup
                Integer i = index.get(file);
                if (i == null) {
                    i = index.size();
                    index.put(file, i);
                }
                last = file;
                lastIndex = i;
            }
            firstSeen[id] = lastIndex;
        }
    }

    private void sort(int[] rank, int from, int to) {
        for (int id = from; id < to; id++) {
            fileOf[id] = rank[firstSeen[id]];
        }
    }
}
