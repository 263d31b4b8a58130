package prof2calltree.read.jfr.parse;

/**
 * Reads fields of constants found through {@link ConstantPools}: where a field starts, and the
 * string a field stands for, following pool keys as the JDK resolves them (a method's name is a
 * key of the symbol pool, whose simple type holds a string, which may itself be a key of the
 * string pool). Moves the read position of the chunk freely.
 */
final class ConstantReader {
    /** Longer chains of references are taken for a loop, which the JDK resolves to null too. */
    private static final int MAX_CHAIN = 16;

    private final ChunkBytes in;
    private final ConstantPools pools;

    ConstantReader(ChunkBytes in, ConstantPools pools) {
        this.in = in;
        this.pools = pools;
    }

    ConstantPools pools() {
        return pools;
    }

    /** The position of the constant {@code key} of {@code type}, or {@link LongIntMap#MISSING}. */
    int position(TypeDef type, long key) {
        return pools.position(type, key);
    }

    /** Where field {@code index} starts in a value of {@code type} (not reduced to its first field) at {@code at}. */
    int fieldPosition(TypeDef type, int at, int index) {
        in.seek(at);
        for (int i = 0; i < index; i++) {
            Values.skipField(in, type.fields[i], 0);
        }
        return in.pos;
    }

    /** The constant pool key at {@code at}. */
    long key(int at) {
        in.seek(at);
        return in.readVarLong();
    }

    /**
     * The string that field {@code f}'s value at {@code at} stands for; null if it is null, its
     * constant is missing, or it is no string at all (the JDK's {@code getTyped(name, String.class, null)}).
     */
    String string(FieldDef f, int at) {
        return fieldString(f, at, 0);
    }

    private String fieldString(FieldDef f, int at, int depth) {
        if (f.array() || depth > MAX_CHAIN) {
            return null;
        }
        if (f.constantPool()) {
            return poolString(f.type(), key(at), depth);
        }
        return valueString(f.type(), at, depth);
    }

    private String poolString(TypeDef type, long key, int depth) {
        int at = pools.position(type, key);
        return at == LongIntMap.MISSING ? null : valueString(type, at, depth + 1);
    }

    private String valueString(TypeDef type, int at, int depth) {
        if (type.primitive == TypeDef.Primitive.STRING) {
            in.seek(at);
            byte encoding = in.readByte();
            if (encoding == Values.STRING_POOL) {
                return depth > MAX_CHAIN ? null : poolString(type, in.readVarLong(), depth);
            }
            return Values.readInlineString(in, at, encoding);
        }
        if (type.reducesToFirstField()) {
            return fieldString(type.fields[0], at, depth + 1);
        }
        return null;
    }

    /** The field of {@code type} named {@code name} if it is a string-like field; -1 if there is none. */
    static int stringField(TypeDef type, String name) {
        int i = type.field(name);
        return i >= 0 && !type.fields[i].array() ? i : -1;
    }

    /**
     * The field of {@code type} named {@code name} if it refers to a pool of a type named
     * {@code typeName} holding whole structs (as the JDK's typed objects: classes, methods, threads);
     * -1 if there is none.
     */
    static int structField(TypeDef type, String name, String typeName) {
        int i = type.field(name);
        if (i < 0) {
            return -1;
        }
        FieldDef f = type.fields[i];
        boolean ok = f.constantPool() && !f.array() && f.type().named(typeName) && !f.type().reducesToFirstField();
        return ok ? i : -1;
    }
}
