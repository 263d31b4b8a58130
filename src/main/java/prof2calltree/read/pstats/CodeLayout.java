package prof2calltree.read.pstats;

import java.util.List;
import prof2calltree.read.BadInputException;
import prof2calltree.read.pstats.PyValues.Code;

/**
 * The field order of a marshalled code object, which changed with Python versions. Marshal
 * data does not say which version wrote it, so the reader tries each layout; the type checks
 * on every field make a wrong layout fail quickly.
 */
enum CodeLayout {
    /** Python 2.7: argcount, nlocals, stacksize, flags. */
    PY27(4, false),
    /** Python 3.0-3.7: argcount, kwonlyargcount, nlocals, stacksize, flags. */
    PY30(5, false),
    /** Python 3.8-3.10: argcount, posonlyargcount, kwonlyargcount, nlocals, stacksize, flags. */
    PY38(6, false),
    /** Python 3.11+: argcount, posonlyargcount, kwonlyargcount, stacksize, flags; locals-plus fields. */
    PY311(5, true);

    private final int leadingInts;
    private final boolean localsPlus;

    CodeLayout(int leadingInts, boolean localsPlus) {
        this.leadingInts = leadingInts;
        this.localsPlus = localsPlus;
    }

    Code read(MarshalReader in) throws BadInputException {
        for (int i = 0; i < leadingInts; i++) {
            in.i32();
        }
        in.expectBytes("co_code", this == PY27);
        in.expect(List.class, "co_consts");
        in.expect(List.class, "co_names");
        String name;
        String qualname;
        String filename;
        if (localsPlus) {
            in.expect(List.class, "co_localsplusnames");
            in.expectBytes("co_localspluskinds", false);
            filename = in.expectText("co_filename");
            name = in.expectText("co_name");
            qualname = in.expectText("co_qualname");
        } else {
            in.expect(List.class, "co_varnames");
            in.expect(List.class, "co_freevars");
            in.expect(List.class, "co_cellvars");
            filename = in.expectText("co_filename");
            name = in.expectText("co_name");
            qualname = name;
        }
        int firstLine = in.i32();
        if (firstLine < 0) {
            throw MarshalReader.error(in.position() - 4, "co_firstlineno is negative");
        }
        in.expectBytes("co_lnotab", this == PY27);
        if (localsPlus) {
            in.expectBytes("co_exceptiontable", false);
        }
        return new Code(name, qualname, filename, firstLine);
    }
}
