package prof2calltree.model;

import java.util.Arrays;

/**
 * The builder's functions by id, in columns, and by identity (name, file, object, line,
 * qualifier): an open-addressing table of ids + 1 (0 for free slots) with each function's hash
 * by id, so no object or boxed id per function (a big pstats dump has a hundred thousand).
 * Functions added with {@link #addOnce} skip the table; it is made, or brought up to date, by
 * the next {@link #find}. The columns become the profile's {@link FunctionList}.
 */
final class FunctionTable {
    private String[] names;
    private String[] files;
    /** Null while every object is empty (as in a pstats dump), and likewise the qualifiers. */
    private String[] objects;
    private int[] lines;
    private String[] qualifiers;
    private int count;
    /** Null until the first {@link #find}; then it holds functions {@code 0..hashed-1}. */
    private int[] table;
    private int[] hashes;
    private int hashed;
    /** The number of functions the table is first made for. */
    private final int expected;

    /** A table sized for about {@code expected} functions (more are taken). */
    FunctionTable(int expected) {
        this.expected = Math.max(expected, 16);
        this.names = new String[this.expected];
        this.files = new String[this.expected];
        this.lines = new int[this.expected];
    }

    int size() {
        return count;
    }

    /** The name of function {@code id}. */
    String name(int id) {
        return names[id];
    }

    int line(int id) {
        return lines[id];
    }

    /** The functions as the profile's list; the table must not change afterwards. */
    FunctionList list() {
        return new FunctionList(names, files, objects, lines, qualifiers, count);
    }

    /** The id of the function with exactly these properties, added if it is new. */
    int find(String name, String file, String object, int line, String qualifier) {
        hashAdded();
        int hash = hash(name, file, object, line, qualifier);
        int mask = table.length - 1;
        int slot = hash & mask;
        for (int known; (known = table[slot] - 1) >= 0; slot = (slot + 1) & mask) {
            if (hashes[known] == hash && lines[known] == line && names[known].equals(name) && files[known].equals(file)
                    && object(known).equals(object) && qualifier(known).equals(qualifier)) {
                return known;
            }
        }
        int id = addOnce(name, file, object, line, qualifier);
        put(id, hash, slot);
        return id;
    }

    /**
     * Adds a function without looking it up, and returns its id. If an equal one is there
     * already, the profile gets two equal functions: the caller must know its keys are distinct.
     */
    int addOnce(String name, String file, String object, int line, String qualifier) {
        int id = count++;
        if (id == names.length) {
            names = Arrays.copyOf(names, id * 2);
            files = Arrays.copyOf(files, id * 2);
            lines = Arrays.copyOf(lines, id * 2);
            objects = objects == null ? null : Arrays.copyOf(objects, id * 2);
            qualifiers = qualifiers == null ? null : Arrays.copyOf(qualifiers, id * 2);
        }
        names[id] = name;
        files[id] = file;
        lines[id] = line;
        if (objects != null || !object.isEmpty()) {
            objects = column(objects, id);
            objects[id] = object;
        }
        if (qualifiers != null || !qualifier.isEmpty()) {
            qualifiers = column(qualifiers, id);
            qualifiers[id] = qualifier;
        }
        return id;
    }

    /** A column of strings, made on its first non-empty one with "" for the functions before it. */
    private String[] column(String[] column, int id) {
        if (column != null) {
            return column;
        }
        String[] made = new String[names.length];
        for (int i = 0; i < id; i++) {
            made[i] = "";
        }
        return made;
    }

    private String object(int id) {
        return objects == null ? "" : objects[id];
    }

    private String qualifier(int id) {
        return qualifiers == null ? "" : qualifiers[id];
    }

    private static int hash(String name, String file, String object, int line, String qualifier) {
        int hash = (((name.hashCode() * 31 + file.hashCode()) * 31 + object.hashCode()) * 31 + line) * 31
                + qualifier.hashCode();
        return hash ^ hash >>> 16;
    }

    /** Makes the table if there is none, and puts in it the functions added once since. */
    private void hashAdded() {
        if (table == null) {
            int size = Math.max(expected, count + 1);
            hashes = new int[size];
            table = new int[OpenAddressing.capacity(size)];
        }
        for (int id = hashed; id < count; id++) {
            int hash = hash(names[id], files[id], object(id), lines[id], qualifier(id));
            int mask = table.length - 1;
            int slot = hash & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            put(id, hash, slot);
        }
    }

    /** Puts function {@code id}, the next unhashed one, in the table at its free {@code slot}. */
    private void put(int id, int hash, int slot) {
        if (id == hashes.length) {
            hashes = Arrays.copyOf(hashes, id * 2);
        }
        hashes[id] = hash;
        table[slot] = id + 1;
        hashed = id + 1;
        if (2 * hashed > table.length) {
            table = OpenAddressing.doubled(table, hashes, hashed);
        }
    }
}
