package prof2calltree.read.jfr.parse;

/**
 * One class of a chunk's metadata: an event type, a constant pool type, a struct, or one of the
 * primitive types that have no fields. A value's layout in the chunk follows from its type's
 * fields alone, never from what the type is called, so that every producer's layout reads.
 */
final class TypeDef {
    /** How a value of a field-less type is stored. */
    enum Primitive { NONE, BOOLEAN, BYTE, CHAR, SHORT, INT, LONG, FLOAT, DOUBLE, STRING }

    /** The super type of event types. */
    static final String EVENT = "jdk.jfr.Event";

    final long id;
    final String name;
    final String superType;
    /** Whether the metadata marks it simple: its values are then its first field's value alone. */
    final boolean simple;
    /** How its values are stored when it has no fields; {@link Primitive#NONE} for every type with fields. */
    Primitive primitive;
    /** Its position in {@link Metadata#types()}, for arrays indexed by type. */
    final int index;
    /** Its fields, in the order their values are written; set once every type is declared. */
    FieldDef[] fields = new FieldDef[0];
    /**
     * How many variable-length integers a value of this type is, when it is nothing else (no
     * strings, arrays or raw bytes): such values are skipped without looking at their fields;
     * -1 when it is not so.
     */
    int varLongs = -1;
    /**
     * How to skip a value of this type, as pairs of an operation of {@link Values} and its
     * argument (a byte count, a count of integers, a field); set with {@link #varLongs}.
     */
    int[] skipPlan;

    TypeDef(long id, String name, String superType, boolean simple, int index) {
        this.id = id;
        this.name = name;
        this.superType = superType;
        this.simple = simple;
        this.index = index;
        this.primitive = primitiveOf(name);
    }

    private static Primitive primitiveOf(String name) {
        return switch (name) {
            case "boolean" -> Primitive.BOOLEAN;
            case "byte" -> Primitive.BYTE;
            case "char" -> Primitive.CHAR;
            case "short" -> Primitive.SHORT;
            case "int" -> Primitive.INT;
            case "long" -> Primitive.LONG;
            case "float" -> Primitive.FLOAT;
            case "double" -> Primitive.DOUBLE;
            case "java.lang.String" -> Primitive.STRING;
            default -> Primitive.NONE;
        };
    }

    boolean isEvent() {
        return EVENT.equals(superType);
    }

    /** Whether a value of this type is read as its first field's value (the JDK reduces simple types so). */
    boolean reducesToFirstField() {
        return simple && fields.length > 0;
    }

    /** Whether it is a whole-number primitive, read as the JDK's {@code getLong} reads it. */
    boolean isIntegral() {
        return switch (primitive) {
            case BYTE, CHAR, SHORT, INT, LONG -> true;
            default -> false;
        };
    }

    /** The index of the field named {@code fieldName}, or -1. */
    int field(String fieldName) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].name().equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether this type is {@code typeName} (a {@code jdk.types} name), or its JDK 9 and 10
     * spelling in {@code com.oracle.jfr.types}, which the JDK's reader also accepts.
     */
    boolean named(String typeName) {
        return name.equals(typeName) || name.equals(typeName.replace("jdk.types.", "com.oracle.jfr.types."));
    }

    @Override
    public String toString() {
        return name + "(" + id + ")";
    }
}
