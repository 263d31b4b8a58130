package prof2calltree.read.jfr.parse;

/**
 * How values are stored, by their metadata: skipping any value, reading whole numbers and
 * strings. Mirrors the JDK's parsers: int, long, short and char are variable-length integers;
 * boolean and byte one raw byte; float and double raw big-endian; a string is an encoding byte
 * (0 null, 1 empty, 2 constant pool key, 3 UTF-8, 4 char array, 5 Latin-1) and its data; a
 * simple type's value is its first field's; an array is a length and its elements.
 */
final class Values {
    /** Deeper nesting than this is corrupt (or a type that contains itself). */
    static final int MAX_DEPTH = 64;

    static final byte STRING_NULL = 0;
    static final byte STRING_EMPTY = 1;
    static final byte STRING_POOL = 2;
    static final byte STRING_UTF8 = 3;
    static final byte STRING_CHARS = 4;
    static final byte STRING_LATIN1 = 5;

    /** Operations of a {@link TypeDef#skipPlan}. */
    private static final int RAW = 0;
    private static final int VARLONGS = 1;
    private static final int FLAT_ARRAY = 2;
    private static final int STRING = 3;
    private static final int FIELD = 4;
    private static final int UNREADABLE = 5;

    private Values() {}

    /** Works out how to skip values of {@code t}: runs of raw bytes and integers merged, the rest by field. */
    static int[] skipPlan(TypeDef t) {
        PlanBuilder plan = new PlanBuilder();
        switch (t.primitive) {
            case BOOLEAN, BYTE -> plan.add(RAW, 1);
            case CHAR, SHORT, INT, LONG -> plan.add(VARLONGS, 1);
            case FLOAT -> plan.add(RAW, 4);
            case DOUBLE -> plan.add(RAW, 8);
            case STRING -> plan.add(STRING, 0);
            default -> {
                if (t.fields.length == 0) {
                    plan.add(UNREADABLE, 0);
                }
                int n = t.reducesToFirstField() ? Math.min(1, t.fields.length) : t.fields.length;
                for (int i = 0; i < n; i++) {
                    FieldDef f = t.fields[i];
                    int flat = f.constantPool() ? 1 : f.type().varLongs;
                    if (f.array()) {
                        plan.add(flat > 0 ? FLAT_ARRAY : FIELD, flat > 0 ? flat : i);
                    } else if (flat > 0) {
                        plan.add(VARLONGS, flat);
                    } else if (f.type().primitive != TypeDef.Primitive.NONE) {
                        int[] inner = skipPlan(f.type());
                        plan.add(inner[0], inner[1]);
                    } else {
                        plan.add(FIELD, i);
                    }
                }
            }
        }
        return plan.toArray();
    }

    /** Collects plan steps, merging runs of raw bytes and of integers. */
    private static final class PlanBuilder {
        private int[] steps = new int[8];
        private int size;

        void add(int op, int arg) {
            if (size > 0 && (op == RAW || op == VARLONGS) && steps[size - 2] == op) {
                steps[size - 1] += arg;
                return;
            }
            if (size == steps.length) {
                steps = java.util.Arrays.copyOf(steps, size * 2);
            }
            steps[size++] = op;
            steps[size++] = arg;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(steps, size);
        }
    }

    /** Skips one value of field {@code f} (an array: all of it). */
    static void skipField(ChunkBytes in, FieldDef f, int depth) {
        if (f.array()) {
            int n = in.readVarInt();
            in.require(n, "an array length of");
            if (f.constantPool()) {
                in.skipVarLongs(n);
            } else if (f.type().varLongs >= 0) {
                in.skipVarLongs((long) n * f.type().varLongs);
            } else {
                for (int i = 0; i < n; i++) {
                    skipValue(in, f.type(), depth + 1);
                }
            }
        } else if (f.constantPool()) {
            in.readVarLong();
        } else {
            skipValue(in, f.type(), depth + 1);
        }
    }

    /** Skips one value of type {@code t}, as written inline or in a constant pool. */
    static void skipValue(ChunkBytes in, TypeDef t, int depth) {
        if (depth > MAX_DEPTH) {
            throw in.corrupt(in.pos, "values of " + t.name + " are nested more than " + MAX_DEPTH + " levels deep");
        }
        int[] plan = t.skipPlan;
        for (int i = 0; i < plan.length; i += 2) {
            int arg = plan[i + 1];
            switch (plan[i]) {
                case RAW -> in.skip(arg);
                case VARLONGS -> in.skipVarLongs(arg);
                case FLAT_ARRAY -> {
                    int n = in.readVarInt();
                    in.require(n, "an array length of");
                    in.skipVarLongs((long) n * arg);
                }
                case STRING -> skipString(in);
                case FIELD -> skipField(in, t.fields[arg], depth);
                default -> throw in.corrupt(in.pos, "type " + t.name + " has no fields and is not a primitive type");
            }
        }
    }

    static void skipString(ChunkBytes in) {
        int at = in.pos;
        byte encoding = in.readByte();
        switch (encoding) {
            case STRING_NULL, STRING_EMPTY -> { }
            case STRING_POOL -> in.readVarLong();
            case STRING_UTF8, STRING_LATIN1 -> in.skip(in.readVarInt());
            case STRING_CHARS -> {
                int n = in.readVarInt();
                in.require(n, "a string length of");
                in.skipVarLongs(n);
            }
            default -> throw in.corrupt(at, "unknown string encoding " + encoding);
        }
    }

    /** Reads a string that cannot refer to a constant pool (the metadata's own). */
    static String readPlainString(ChunkBytes in) {
        int at = in.pos;
        byte encoding = in.readByte();
        if (encoding == STRING_POOL) {
            throw in.corrupt(at, "a metadata string refers to a constant pool");
        }
        return readInlineString(in, at, encoding);
    }

    /** Reads the data of a string whose encoding byte, at {@code at}, was not {@link #STRING_POOL}. */
    static String readInlineString(ChunkBytes in, int at, byte encoding) {
        switch (encoding) {
            case STRING_NULL:
                return null;
            case STRING_EMPTY:
                return "";
            case STRING_UTF8:
            case STRING_LATIN1:
                return in.readString(in.readVarInt(), encoding == STRING_LATIN1);
            case STRING_CHARS:
                int n = in.readVarInt();
                in.require(n, "a string length of");
                char[] chars = new char[n];
                for (int i = 0; i < n; i++) {
                    chars[i] = (char) in.readVarLong();
                }
                return new String(chars);
            default:
                throw in.corrupt(at, "unknown string encoding " + encoding);
        }
    }

    /**
     * Reads a whole number of field {@code f} as the JDK's {@code getLong} gives it: narrower
     * types widened, as unsigned when annotated so.
     */
    static long readIntegral(ChunkBytes in, FieldDef f) {
        boolean unsigned = f.unsigned();
        switch (f.type().primitive) {
            case LONG:
                return in.readVarLong();
            case INT:
                int i = in.readVarInt();
                return unsigned ? i & 0xffffffffL : i;
            case SHORT:
                short s = (short) in.readVarLong();
                return unsigned ? s & 0xffffL : s;
            case CHAR:
                return (char) in.readVarLong();
            case BYTE:
                byte b = in.readByte();
                return unsigned ? b & 0xffL : b;
            default:
                throw new IllegalArgumentException("not a whole number: " + f);
        }
    }

    /** Whether {@link #readIntegral} can read field {@code f}. */
    static boolean isIntegral(FieldDef f) {
        return !f.array() && !f.constantPool() && f.type().isIntegral();
    }
}
