package prof2calltree.write.callgrind;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import prof2calltree.model.Function;

/**
 * The distinct source files of a profile's functions, sorted, and which one each function is in.
 * Both the writing order and the name table work on these small numbers rather than on paths.
 */
final class FileTable {
    /** The distinct file paths, sorted. */
    final String[] paths;
    /** For each function id, the index of its file in {@link #paths}. */
    final int[] fileOf;

    private final Map<String, Integer> index = new HashMap<>();
    private String last;
    private int lastIndex = -1;

    FileTable(List<Function> functions) {
        int n = functions.size();
        int[] firstSeen = new int[n];
        for (int id = 0; id < n; id++) {
            firstSeen[id] = indexOf(functions.get(id).file());
        }
        paths = index.keySet().toArray(new String[0]);
        Arrays.sort(paths);
        int[] rank = new int[paths.length];
        for (int r = 0; r < paths.length; r++) {
            rank[index.get(paths[r])] = r;
        }
        fileOf = firstSeen;
        for (int id = 0; id < n; id++) {
            fileOf[id] = rank[fileOf[id]];
        }
    }

    /**
     * The number of a file in the order first seen. A method of its own, called per function,
     * because a small method is compiled long before a long loop would be.
     */
    private int indexOf(String file) {
        if (file != last) { // the same String again, as readers often share them: no lookup
            Integer i = index.get(file);
            if (i == null) {
                i = index.size();
                index.put(file, i);
            }
            last = file;
            lastIndex = i;
        }
        return lastIndex;
    }
}
