package prof2calltree.model;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A built profile's functions: the builder's array, as an immutable list that {@link Profile}
 * keeps as it is rather than copying (a big pstats dump has a hundred thousand functions).
 */
final class FunctionList extends AbstractList<Function> implements RandomAccess {
    private final Function[] functions;
    private final int size;

    /** The first {@code size} functions of the array, which its maker must no longer change. */
    FunctionList(Function[] functions, int size) {
        this.functions = functions;
        this.size = size;
    }

    @Override
    public Function get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("function " + index + " of " + size);
        }
        return functions[index];
    }

    @Override
    public int size() {
        return size;
    }
}
