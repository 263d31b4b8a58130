package prof2calltree.model;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A built profile's functions, kept column by column: an immutable {@code List<Function>} that
 * makes each {@link Function} when asked for, as {@link CallTable} does for calls. A big pstats
 * dump has a hundred thousand functions; as records they were 4.3 MB of objects that a
 * conversion allocates (and touches) for nothing, where the columns are 1.3 MB (objects and
 * qualifiers, empty in a dump, take no column until one is not). Writers read
 * the columns by id ({@link #of}). {@link Profile} keeps the builder's list as it is.
 */
public final class FunctionList extends AbstractList<Function> implements RandomAccess {
    private final String[] names;
    private final String[] files;
    /** Null when every object is empty, and likewise the qualifiers. */
    private final String[] objects;
    private final int[] lines;
    private final String[] qualifiers;
    private final int size;

    /** The first {@code size} functions of the columns, which their maker must no longer change. */
    FunctionList(String[] names, String[] files, String[] objects, int[] lines, String[] qualifiers, int size) {
        this.names = names;
        this.files = files;
        this.objects = objects;
        this.lines = lines;
        this.qualifiers = qualifiers;
        this.size = size;
    }

    /**
     * The functions as columns: the list itself if it is one, else columns of its functions, whose
     * ids must be their indexes (a null object or qualifier, which a hand-made {@link Function}
     * may have, is taken as empty).
     */
    public static FunctionList of(List<Function> functions) {
        if (functions instanceof FunctionList list) {
            return list;
        }
        int n = functions.size();
        FunctionTable table = new FunctionTable(n);
        for (int i = 0; i < n; i++) {
            Function f = functions.get(i);
            if (f.id() != i) {
                throw new IllegalArgumentException("function " + i + " has id " + f.id());
            }
            table.addOnce(f.name(), f.file(), f.object() == null ? "" : f.object(), f.line(),
                    f.qualifier() == null ? "" : f.qualifier());
        }
        return table.list();
    }

    @Override
    public Function get(int index) {
        check(index);
        return new Function(index, names[index], files[index], objects == null ? "" : objects[index], lines[index],
                qualifiers == null ? "" : qualifiers[index]);
    }

    @Override
    public int size() {
        return size;
    }

    /** The name of function {@code id}. */
    public String name(int id) {
        check(id);
        return names[id];
    }

    /** The file of function {@code id}. */
    public String file(int id) {
        check(id);
        return files[id];
    }

    /** The object (binary, module) of function {@code id}; empty if none. */
    public String object(int id) {
        check(id);
        return objects == null ? "" : objects[id];
    }

    /** The line of function {@code id}. */
    public int line(int id) {
        check(id);
        return lines[id];
    }

    /** The qualifier of function {@code id}; empty if none. */
    public String qualifier(int id) {
        check(id);
        return qualifiers == null ? "" : qualifiers[id];
    }

    private void check(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("function " + index + " of " + size);
        }
    }
}
