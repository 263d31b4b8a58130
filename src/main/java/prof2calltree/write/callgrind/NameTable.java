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
     * What KCacheGrind identifies a function by. A class of its own rather than a record: a
     * record's equals and hashCode are bootstrapped through method handles, which costs a small
     * conversion more time at start-up than all its hashing.
     */
    private static final class Identity {
        final String name;
        final String file;
        final String object;
        private final int hash;
        /** How many functions have this identity before any is renamed. */
        int count = 1;

        Identity(String name, String file, String object) {
            this.name = name;
            this.file = file;
            this.object = object;
            this.hash = (name.hashCode() * 31 + file.hashCode()) * 31 + object.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && hash == other.hash && name.equals(other.name)
                    && file.equals(other.file) && object.equals(other.object);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final String[] names;

    NameTable(List<Function> functions) {
        int n = functions.size();
        names = new String[n];
        Identity[] identities = new Identity[n];
        Map<String, String> basenames = new HashMap<>();
        Map<Identity, Identity> known = new HashMap<>(Math.max(16, n + n / 2));
        boolean shared = false;
        for (Function f : functions) {
            String name = clean(f.name());
            Identity identity = new Identity(name, basename(f.file(), basenames), basename(f.object(), basenames));
            Identity first = known.putIfAbsent(identity, identity);
            if (first != null) {
                first.count++;
                identity = first;
                shared = true;
            }
            identities[f.id()] = identity;
            names[f.id()] = name;
        }
        if (!shared) {
            return; // every identity is distinct already
        }
        Map<Identity, List<Function>> groups = new HashMap<>();
        for (Function f : functions) {
            Identity identity = identities[f.id()];
            if (identity.count > 1) {
                List<Function> group = groups.get(identity);
                if (group == null) {
                    group = new ArrayList<>();
                    groups.put(identity, group);
                }
                group.add(f);
            }
        }
        Set<Identity> renamed = new HashSet<>();
        boolean unique = true;
        for (List<Function> group : groups.values()) {
            disambiguate(group);
            for (Function f : group) {
                Identity identity = identities[f.id()];
                Identity now = new Identity(clean(names[f.id()]), identity.file, identity.object);
                unique &= !known.containsKey(now) && renamed.add(now);
            }
        }
        // A new name that meets no other identity, old or new, needs no last resort.
        if (!unique) {
            ensureUnique(functions, identities);
        }
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
    private void ensureUnique(List<Function> functions, Identity[] identities) {
        Set<Identity> seen = new HashSet<>();
        for (Function f : functions) {
            Identity identity = identities[f.id()];
            String name = names[f.id()];
            for (int n = 2; !seen.add(new Identity(clean(name), identity.file, identity.object)); n++) {
                name = names[f.id()] + " #" + n;
            }
            names[f.id()] = name;
        }
    }

    private static String basename(String path, Map<String, String> known) {
        String name = known.get(path);
        if (name == null) {
            name = basename(path);
            known.put(path, name);
        }
        return name;
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
