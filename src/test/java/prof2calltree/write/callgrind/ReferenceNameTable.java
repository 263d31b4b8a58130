package prof2calltree.write.callgrind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import prof2calltree.model.Function;

/**
 * The name table as it was first written (records as keys, a regex split), kept as the
 * reference the faster {@link NameTable} must agree with on every input.
 *
 * <p>The names functions get in a callgrind file, chosen so that no two merge in KCacheGrind.
 * KCacheGrind identifies a function by name + basename(file) + basename(object), so two
 * {@code <module>} functions of two {@code __init__.py} files would become one. A function keeps
 * its plain name unless another shares that identity; then it gets its qualifier (such as a
 * Java parameter list), or else the shortest tail of its path that tells it apart, with its
 * line when the files are the same: {@code <module> [a/pkg/__init__.py]}, {@code wrapper [app.py:12]}.
 */
final class ReferenceNameTable {
    private record Identity(String name, String file, String object) {}

    private final String[] names;

    ReferenceNameTable(List<Function> functions) {
        names = new String[functions.size()];
        Map<Identity, List<Function>> groups = new HashMap<>();
        for (Function f : functions) {
            groups.computeIfAbsent(identity(f.name(), f), k -> new ArrayList<>()).add(f);
        }
        for (List<Function> group : groups.values()) {
            if (group.size() == 1) {
                Function f = group.get(0);
                names[f.id()] = clean(f.name());
            } else {
                disambiguate(group);
            }
        }
        ensureUnique(functions);
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
        List<Function> sorted = new ArrayList<>(group);
        Map<Function, String[]> parts = new HashMap<>();
        for (Function f : group) {
            parts.put(f, reversedComponents(f.file()));
        }
        sorted.sort((a, b) -> compare(parts.get(a), parts.get(b)));
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j < sorted.size() && sorted.get(j).file().equals(sorted.get(i).file())) {
                j++;
            }
            String[] mine = parts.get(sorted.get(i));
            int shared = 0;
            if (i > 0) {
                shared = Math.max(shared, commonPrefix(mine, parts.get(sorted.get(i - 1))));
            }
            if (j < sorted.size()) {
                shared = Math.max(shared, commonPrefix(mine, parts.get(sorted.get(j))));
            }
            boolean sameFile = j - i > 1;
            for (int k = i; k < j; k++) {
                Function f = sorted.get(k);
                String tag = tail(f.file(), shared + 1) + (sameFile ? ":" + f.line() : "");
                names[f.id()] = clean(f.name() + f.qualifier() + " [" + tag + "]");
            }
            i = j;
        }
    }

    private static String[] reversedComponents(String path) {
        String[] p = path.split("[/\\\\]", -1);
        for (int a = 0, b = p.length - 1; a < b; a++, b--) {
            String t = p[a];
            p[a] = p[b];
            p[b] = t;
        }
        return p;
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
            String name = names[f.id()];
            for (int n = 2; !seen.add(identity(name, f)); n++) {
                name = names[f.id()] + " #" + n;
            }
            names[f.id()] = name;
        }
    }

    private static Identity identity(String name, Function f) {
        return new Identity(clean(name), basename(f.file()), basename(f.object()));
    }

    /** The last {@code depth} components of a path, or the whole path if it has fewer. */
    private static String tail(String path, int depth) {
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

    private static String basename(String path) {
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
    private static String clean(String s) {
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s : s.replace('\n', ' ').replace('\r', ' ');
    }
}
