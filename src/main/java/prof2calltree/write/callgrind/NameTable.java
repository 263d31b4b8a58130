package prof2calltree.write.callgrind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import prof2calltree.model.Function;
import prof2calltree.model.FunctionList;

/**
 * The names functions get in a callgrind file, chosen so that no two merge in KCacheGrind.
 * KCacheGrind identifies a function by name + basename(file) + basename(object), so two
 * {@code <module>} functions of two {@code __init__.py} files would become one. A function keeps
 * its plain name unless another shares that identity; then it gets its qualifier (such as a
 * Java parameter list), or else the shortest tail of its path that tells it apart, with its
 * line when the files are the same: {@code <module> [a/pkg/__init__.py]}, {@code wrapper [app.py:12]}.
 */
final class NameTable {
    /**
     * What KCacheGrind identifies a function by, with the two basenames as numbers. Used only
     * where names collide. A class rather than a record: a record's equals and hashCode are
     * bootstrapped through method handles, which costs more at start-up than the hashing.
     */
    private static final class Identity {
        private final String name;
        private final int file;
        private final int object;

        Identity(String name, int file, int object) {
            this.name = name;
            this.file = file;
            this.object = object;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && file == other.file && object == other.object && name.equals(other.name);
        }

        @Override
        public int hashCode() {
            return hash(name, file, object);
        }
    }

    private String[] names;

    // While grouping: each function's plain name and basenames (as numbers), and a table of ids.
    private final String[] plain;
    /** Each function's file, and the basename number of each file. */
    private final int[] fileOf;
    private final int[] fileBasename;
    /**
     * Each function's object's basename number; null while all functions so far have the first
     * function's object basename ({@link #firstObject}), as in a pstats dump, where all are empty.
     */
    private int[] baseObject;
    private int firstObject = -1;
    /** Basenames as numbers: equal numbers for equal basenames, of files and objects alike. */
    private final Map<String, Integer> basenames = new HashMap<>();
    private String lastObject;
    private int lastObjectBasename;
    /** An open-addressing hash table of function id + 1, 0 for an empty slot: no object per function. */
    private final int[] table;
    private final int bits;

    NameTable(List<Function> functions) {
        this(functions, new FileTable(functions));
    }

    /** The names of {@code functions}, whose ids are their indexes, in {@code files}. */
    NameTable(List<Function> functions, FileTable files) {
        int n = functions.size();
        plain = new String[n];
        fileOf = files.fileOf;
        bits = Math.min(30, Math.max(4, 33 - Integer.numberOfLeadingZeros(n))); // at most half full
        table = new int[1 << bits];
        fileBasename = new int[files.paths.length];
        for (int i = 0; i < fileBasename.length; i++) {
            fileBasename[i] = number(basename(files.paths[i]));
        }
        // Functions with the identity of an earlier one, each with the first function of that identity.
        List<int[]> sharers = new ArrayList<>();
        FunctionList columns = FunctionList.of(functions);
        for (int from = 0; from < n; from += FileTable.CHUNK) { // in chunks, for the JIT: see FileTable.CHUNK
            addAll(columns, from, Math.min(n, from + FileTable.CHUNK), sharers);
        }
        names = plain;
        if (sharers.isEmpty()) {
            return; // every identity is distinct already
        }
        names = plain.clone();
        Map<Integer, List<Function>> groups = new HashMap<>();
        for (int[] sharer : sharers) {
            int first = sharer[1];
            List<Function> group = groups.get(first);
            if (group == null) {
                group = new ArrayList<>();
                group.add(functions.get(first));
                groups.put(first, group);
            }
            group.add(functions.get(sharer[0]));
        }
        // A new name that meets no other identity, old or new, needs no last resort.
        Set<Identity> renamed = new HashSet<>();
        boolean unique = true;
        for (List<Function> group : groups.values()) {
            disambiguate(group);
            for (Function f : group) {
                int id = f.id();
                String name = clean(names[id]);
                unique &= find(name, baseFile(id), baseObject(id)) < 0
                        && renamed.add(new Identity(name, baseFile(id), baseObject(id)));
            }
        }
        if (!unique) {
            ensureUnique(functions);
        }
    }

    private void addAll(FunctionList functions, int from, int to, List<int[]> sharers) {
        for (int id = from; id < to; id++) {
            int first = add(id, functions.name(id), functions.object(id));
            if (first != id) {
                sharers.add(new int[] {id, first});
            }
        }
    }

    /** Adds function {@code id} to the table; returns the first function with its identity (itself if none before). */
    private int add(int id, String plainName, String objectName) {
        String name = clean(plainName);
        plain[id] = name;
        if (objectName != lastObject) {
            lastObject = objectName;
            lastObjectBasename = number(basename(lastObject));
        }
        int object = lastObjectBasename;
        if (firstObject < 0) {
            firstObject = object;
        }
        if (baseObject == null && object != firstObject) {
            baseObject = new int[plain.length];
            for (int i = 0; i < id; i++) {
                baseObject[i] = firstObject;
            }
        }
        if (baseObject != null) {
            baseObject[id] = object;
        }
        int other = find(name, baseFile(id), object);
        if (other < 0) {
            table[-other - 1] = id + 1;
            other = id;
        }
        return other;
    }

    private int baseFile(int id) {
        return fileBasename[fileOf[id]];
    }

    private int baseObject(int id) {
        return baseObject == null ? firstObject : baseObject[id];
    }

    /**
     * The function in the table with this identity, or if there is none, -1 - the empty slot
     * where it would go.
     */
    private int find(String name, int file, int object) {
        int mask = table.length - 1;
        int slot = (hash(name, file, object) * 0x9E3779B9) >>> (32 - bits);
        while (true) {
            int entry = table[slot];
            if (entry == 0) {
                return -1 - slot;
            }
            int id = entry - 1;
            if (baseFile(id) == file && baseObject(id) == object && plain[id].equals(name)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int hash(String name, int file, int object) {
        return (name.hashCode() * 31 + file) * 31 + object;
    }

    private int number(String basename) {
        Integer i = basenames.get(basename);
        if (i == null) {
            i = basenames.size();
            basenames.put(basename, i);
        }
        return i;
    }

    /** The display name of the function with this id. */
    String name(int id) {
        return names[id];
    }

    private void disambiguate(List<Function> group) {
        Set<String> qualifiers = new HashSet<>();
        boolean qualified = true;
        for (Function f : group) {
            qualified &= !f.qualifier().isEmpty() && qualifiers.add(f.qualifier());
        }
        if (qualified) {
            for (Function f : group) {
                names[f.id()] = clean(f.name() + f.qualifier());
            }
            return;
        }
        // Sorted by path read backwards, each file's nearest different files are its neighbours,
        // so the tail that tells it apart is one component longer than the longest shared tail.
        int m = group.size();
        String[][] parts = new String[m][];
        Integer[] byPath = new Integer[m];
        for (int k = 0; k < m; k++) {
            parts[k] = reversedComponents(group.get(k).file());
            byPath[k] = k;
        }
        Arrays.sort(byPath, new Comparator<Integer>() {
            @Override
            public int compare(Integer a, Integer b) {
                return NameTable.compare(parts[a], parts[b]);
            }
        });
        int i = 0;
        while (i < m) {
            String file = group.get(byPath[i]).file();
            int j = i;
            while (j < m && group.get(byPath[j]).file().equals(file)) {
                j++;
            }
            String[] mine = parts[byPath[i]];
            int shared = 0;
            if (i > 0) {
                shared = Math.max(shared, commonPrefix(mine, parts[byPath[i - 1]]));
            }
            if (j < m) {
                shared = Math.max(shared, commonPrefix(mine, parts[byPath[j]]));
            }
            boolean sameFile = j - i > 1;
            for (int k = i; k < j; k++) {
                Function f = group.get(byPath[k]);
                String tag = tail(f.file(), shared + 1) + (sameFile ? ":" + f.line() : "");
                names[f.id()] = clean(f.name() + f.qualifier() + " [" + tag + "]");
            }
            i = j;
        }
    }

    /** The components of a path split at {@code /} and {@code \\}, last first (empty ones kept). */
    private static String[] reversedComponents(String path) {
        List<String> p = new ArrayList<>();
        int end = path.length();
        for (int i = end - 1; i >= 0; i--) {
            char c = path.charAt(i);
            if (c == '/' || c == '\\') {
                p.add(path.substring(i + 1, end));
                end = i;
            }
        }
        p.add(path.substring(0, end));
        return p.toArray(new String[0]);
    }

    private static int compare(String[] a, String[] b) {
        int n = Math.min(a.length, b.length);
        for (int k = 0; k < n; k++) {
            int c = a[k].compareTo(b[k]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static int commonPrefix(String[] a, String[] b) {
        int n = Math.min(a.length, b.length);
        int k = 0;
        while (k < n && a[k].equals(b[k])) {
            k++;
        }
        return k;
    }

    /** A last resort for names that still collide (say, a function whose own name looks like a tag). */
    private void ensureUnique(List<Function> functions) {
        Set<Identity> seen = new HashSet<>();
        for (Function f : functions) {
            int id = f.id();
            String name = names[id];
            for (int n = 2; !seen.add(new Identity(clean(name), baseFile(id), baseObject(id))); n++) {
                name = names[id] + " #" + n;
            }
            names[id] = name;
        }
    }

    /** The last {@code depth} components of a path, or the whole path if it has fewer. */
    static String tail(String path, int depth) {
        int end = path.length();
        int cut = end;
        for (int i = 0; i < depth; i++) {
            cut = lastSeparator(path, cut - 1);
            if (cut < 0) {
                return path;
            }
        }
        return path.substring(cut + 1);
    }

    static String basename(String path) {
        return tail(path, 1);
    }

    private static int lastSeparator(String path, int from) {
        for (int i = from; i >= 0; i--) {
            char c = path.charAt(i);
            if (c == '/' || c == '\\') {
                return i;
            }
        }
        return -1;
    }

    /** Names and paths must stay on one line of the file. */
    static String clean(String s) {
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : s.replace('\n', ' ').replace('\r', ' ');
    }
}
