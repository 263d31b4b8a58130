package prof2calltree.read.pstats;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The Python values a marshal stream decodes to, as plain Java objects: {@code None} is
 * {@link #NONE}, bools are {@link Boolean}, ints {@link Long} or {@link java.math.BigInteger},
 * floats {@link Double}, text {@link String}, byte strings {@link Bytes}, tuples, lists and sets
 * unmodifiable {@link List}s, dicts {@link Dict}, code objects {@link Code}, and the rest
 * (complex, Ellipsis, StopIteration) {@link Other}.
 */
final class PyValues {
    private PyValues() {}

    /** Python's None. */
    static final Object NONE = new Other("None");

    /** A Python byte string: Python 3 {@code bytes}, or a Python 2 {@code str}. */
    record Bytes(byte[] value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return text();
        }

        /** The bytes as text: UTF-8 when they are valid UTF-8 (Python 2 paths usually are), else Latin-1. */
        String text() {
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(value))
                        .toString();
            } catch (CharacterCodingException e) {
                return new String(value, StandardCharsets.ISO_8859_1);
            }
        }
    }

    /** A dict, as its keys and values in stream order (pstats never needs lookups in the raw dict). */
    record Dict(List<Object> keys, List<Object> values) {}

    /**
     * The parts of a code object that name it. Nothing in it is ever executed.
     *
     * @param qualname the qualified name (Python 3.11+), or the plain name before that
     * @param firstLine the first line of its source; 0 if unknown
     */
    record Code(String name, String qualname, String filename, int firstLine) {}

    /** A value pstats has no use for, kept only as its kind. */
    record Other(String kind) {}

    /** Text from a str or a Python 2 byte string, or null if {@code value} is neither. */
    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Bytes b) {
            return b.text();
        }
        return null;
    }

    /** A short name for a value's type, for error messages. */
    static String typeName(Object value) {
        if (value == null) {
            return "nothing";
        } else if (value instanceof Other o) {
            return o.kind();
        } else if (value instanceof Boolean) {
            return "bool";
        } else if (value instanceof Long || value instanceof java.math.BigInteger) {
            return "int";
        } else if (value instanceof Double) {
            return "float";
        } else if (value instanceof String) {
            return "str";
        } else if (value instanceof Bytes) {
            return "bytes";
        } else if (value instanceof List) {
            return "tuple";
        } else if (value instanceof Dict) {
            return "dict";
        } else if (value instanceof Code) {
            return "code object";
        }
        return value.getClass().getSimpleName();
    }
}
