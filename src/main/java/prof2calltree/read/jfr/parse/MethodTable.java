package prof2calltree.read.jfr.parse;

import java.util.Arrays;

/**
 * The methods of a chunk's stack frames, numbered densely in the order first met, with their
 * class name, name and descriptor read from the pools once, when first asked for. As in the
 * JDK's {@code RecordedMethod} and {@code RecordedClass}: the class is the {@code type} field's
 * class constant, its name has '/' turned into '.'; a missing class or name reads as null.
 */
final class MethodTable {
    private final ConstantReader reader;
    private final TypeDef method;
    private final int classField;
    private final int nameField;
    private final int descriptorField;
    private final TypeDef type;
    private final int classNameField;
    private final LongIntMap numbers = new LongIntMap();
    private int count;
    /** Per number: where the method's value starts. */
    private int[] positions = new int[64];
    /** Per number: class name, name, descriptor; null until resolved. */
    private String[][] names = new String[64][];

    /** A table of the methods of pool type {@code method}, which may be null if frames name no methods. */
    MethodTable(ConstantReader reader, TypeDef method) {
        this.reader = reader;
        this.method = method;
        this.classField = method == null ? -1 : ConstantReader.structField(method, "type", "java.lang.Class");
        this.nameField = method == null ? -1 : ConstantReader.stringField(method, "name");
        this.descriptorField = method == null ? -1 : ConstantReader.stringField(method, "descriptor");
        this.type = classField < 0 ? null : method.fields[classField].type();
        this.classNameField = type == null ? -1 : ConstantReader.stringField(type, "name");
    }

    /** The number of the method with pool key {@code key}; -1 if the pool does not hold it. */
    int number(long key) {
        if (method == null || key == StackDecoder.NO_METHOD) {
            return -1;
        }
        int n = numbers.get(key);
        if (n != LongIntMap.MISSING) {
            return n;
        }
        int at = reader.position(method, key);
        if (at == LongIntMap.MISSING) {
            return -1;
        }
        n = count++;
        if (n == positions.length) {
            positions = Arrays.copyOf(positions, n * 2);
            names = Arrays.copyOf(names, n * 2);
        }
        positions[n] = at;
        numbers.put(key, n);
        return n;
    }

    /** The name of method {@code n}'s class (dots, not slashes), or null if it has none. */
    String className(int n) {
        return resolve(n)[0];
    }

    String name(int n) {
        return resolve(n)[1];
    }

    String descriptor(int n) {
        return resolve(n)[2];
    }

    private String[] resolve(int n) {
        String[] resolved = names[n];
        if (resolved == null) {
            int at = positions[n];
            resolved = new String[] {classNameOf(at), stringAt(at, nameField), stringAt(at, descriptorField)};
            names[n] = resolved;
        }
        return resolved;
    }

    private String stringAt(int at, int field) {
        return field < 0 ? null : reader.string(method.fields[field], reader.fieldPosition(method, at, field));
    }

    private String classNameOf(int at) {
        if (classField < 0 || classNameField < 0) {
            return null;
        }
        long key = reader.key(reader.fieldPosition(method, at, classField));
        int classAt = reader.position(type, key);
        if (classAt == LongIntMap.MISSING) {
            return null;
        }
        String name = reader.string(type.fields[classNameField], reader.fieldPosition(type, classAt, classNameField));
        return name == null ? null : name.replace('/', '.');
    }
}
