package prof2calltree.read.pstats;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import prof2calltree.read.BadInputException;
import prof2calltree.read.pstats.PyValues.Bytes;
import prof2calltree.read.pstats.PyValues.Code;
import prof2calltree.read.pstats.PyValues.Dict;
import prof2calltree.read.pstats.PyValues.Other;

/**
 * Decodes Python's {@code marshal} format, as written by Python 2.7 and 3.x, into {@link PyValues}.
 * It only builds values; nothing decoded is ever run. Sizes are checked against the bytes left
 * before anything is allocated, and nesting is limited as CPython limits it, so hostile input
 * ends in a {@link BadInputException} naming the offset, never in an exhausted heap or stack.
 */
final class MarshalReader {
    /**
     * How deep values may nest. CPython allows 2000, but pstats dumps nest a handful of levels
     * (code objects inside code objects a few more); 500 keeps well inside a small thread stack.
     */
    static final int MAX_DEPTH = 500;

    private static final Object NULL = new Other("NULL");
    private static final Object PENDING = new Other("incomplete object");

    private final byte[] data;
    private int pos;
    private int depth;
    /** Objects flagged with FLAG_REF (Python 3.4+), for {@code r} back references. */
    private final List<Object> refs = new ArrayList<>();
    /** Python 2 interned strings, for {@code R} back references. */
    private final List<Object> interned = new ArrayList<>();
    /** The code-object layout that worked last; dumps use one Python version throughout. */
    private CodeLayout preferredLayout = CodeLayout.PY311;
    /** Set once a code object decoded: from then on only {@link #preferredLayout} is tried. */
    private boolean layoutKnown;
    /**
     * Layout attempts that failed. Nested code objects retried under each outer attempt could
     * take exponential time on hostile input; past this budget decoding stops.
     */
    private int failedLayouts;
    private static final int LAYOUT_BUDGET = 64;

    MarshalReader(byte[] data) {
        this.data = data;
    }

    /** Offset of the next unread byte. */
    int position() {
        return pos;
    }

    int length() {
        return data.length;
    }

    /** Reads one complete value. */
    Object readValue() throws BadInputException {
        int at = pos;
        Object value;
        try {
            value = read();
        } catch (StackOverflowError e) {
            // Only reachable on a thread with a tiny stack; the depth limit is the real guard.
            throw error(at, "values nested too deep for this thread's stack");
        }
        if (value == NULL) {
            throw error(at, "a NULL marker where a value belongs");
        }
        return value;
    }

    private Object read() throws BadInputException {
        int at = pos;
        if (++depth > MAX_DEPTH) {
            throw error(at, "values nested more than " + MAX_DEPTH + " deep");
        }
        int code = u8();
        boolean flagRef = (code & 0x80) != 0;
        int refIndex = -1;
        if (flagRef) {
            refIndex = refs.size();
            refs.add(PENDING);
        }
        Object value = switch (code & 0x7f) {
            case '0' -> NULL;
            case 'N' -> PyValues.NONE;
            case 'F' -> Boolean.FALSE;
            case 'T' -> Boolean.TRUE;
            case 'S' -> new Other("StopIteration");
            case '.' -> new Other("Ellipsis");
            case 'i' -> (long) i32();
            case 'I' -> i64();
            case 'l' -> readLong(at);
            case 'g' -> Double.longBitsToDouble(i64());
            case 'f' -> parseFloat(at, ascii(u8()));
            case 'y' -> complex(16);
            case 'x' -> {
                ascii(u8());
                ascii(u8());
                yield new Other("complex");
            }
            case 's' -> new Bytes(bytes(size(at)));
            case 't' -> {
                // Python 2: an interned str, remembered for 'R'; Python 3: an interned str in UTF-8.
                String s = utf8(bytes(size(at)));
                interned.add(s);
                yield s;
            }
            case 'R' -> {
                int index = i32();
                if (index < 0 || index >= interned.size()) {
                    throw error(at, "string reference " + index + " to a string not yet seen");
                }
                yield interned.get(index);
            }
            case 'u' -> utf8(bytes(size(at)));
            case 'a', 'A' -> ascii(size(at));
            case 'z', 'Z' -> ascii(u8());
            case '(' -> sequence(size(at));
            case ')' -> sequence(u8());
            case '[', '<', '>' -> sequence(size(at));
            case '{' -> readDict();
            case 'r' -> {
                int index = i32();
                if (index < 0 || index >= refs.size()) {
                    throw error(at, "back reference " + index + " to an object not yet seen");
                }
                Object target = refs.get(index);
                if (target == PENDING) {
                    throw error(at, "back reference " + index + " to an object that is not complete");
                }
                yield target;
            }
            case 'c' -> readCode(at);
            case ':' -> {
                // Python 3.14 (marshal version 5): a slice constant, inside code objects.
                readValue();
                readValue();
                readValue();
                yield new Other("slice");
            }
            default -> throw error(at, String.format(Locale.ROOT, "unknown marshal type 0x%02x", code));
        };
        if (flagRef) {
            if (value == NULL) {
                throw error(at, "a NULL marker flagged for reference");
            }
            refs.set(refIndex, value);
        }
        depth--;
        return value;
    }

    private List<Object> sequence(int n) throws BadInputException {
        Object[] items = new Object[n];
        for (int i = 0; i < n; i++) {
            items[i] = readValue();
        }
        return Collections.unmodifiableList(Arrays.asList(items));
    }

    private Dict readDict() throws BadInputException {
        List<Object> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        while (true) {
            Object key = read();
            if (key == NULL) {
                return new Dict(keys, values);
            }
            keys.add(key);
            values.add(readValue());
        }
    }

    private Object readLong(int at) throws BadInputException {
        int n = i32();
        if (n == Integer.MIN_VALUE) {
            throw error(at, "bad int size");
        }
        int digits = Math.abs(n);
        need(at, 2L * digits);
        BigInteger value = BigInteger.ZERO;
        int[] d = new int[digits];
        for (int i = 0; i < digits; i++) {
            d[i] = u16();
            if (d[i] >= 1 << 15) {
                throw error(at, "bad int digit");
            }
        }
        for (int i = digits - 1; i >= 0; i--) {
            value = value.shiftLeft(15).or(BigInteger.valueOf(d[i]));
        }
        if (n < 0) {
            value = value.negate();
        }
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private Object complex(int n) throws BadInputException {
        bytes(n);
        return new Other("complex");
    }

    private static Object parseFloat(int at, String text) throws BadInputException {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new BadInputException(String.format(Locale.ROOT, "offset %d: bad float '%s'", at, text));
        }
    }

    /** Decodes a code object, trying each Python version's layout until one fits. */
    private Code readCode(int at) throws BadInputException {
        int start = pos;
        int refCount = refs.size();
        int internedCount = interned.size();
        int savedDepth = depth;
        BadInputException first = null;
        List<CodeLayout> order = new ArrayList<>(List.of(CodeLayout.values()));
        order.remove(preferredLayout);
        order.add(0, preferredLayout);
        if (layoutKnown) {
            order = List.of(preferredLayout);
        }
        for (CodeLayout layout : order) {
            try {
                Code code = layout.read(this);
                preferredLayout = layout;
                layoutKnown = true;
                return code;
            } catch (BadInputException e) {
                if (++failedLayouts > LAYOUT_BUDGET) {
                    throw failedLayouts == LAYOUT_BUDGET + 1
                            ? error(at, "code objects that fit no known layout (gave up after " + LAYOUT_BUDGET
                                    + " tries): " + e.getMessage())
                            : e;
                }
                if (first == null) {
                    first = e;
                }
                pos = start;
                depth = savedDepth;
                refs.subList(refCount, refs.size()).clear();
                interned.subList(internedCount, interned.size()).clear();
            }
        }
        throw error(at, "a code object in no known layout (Python 2.7, 3.0-3.7, 3.8-3.10, 3.11+): "
                + first.getMessage());
    }

    /** Reads a value that must be of the given kind, as code-object layouts require. */
    <T> T expect(Class<T> type, String what) throws BadInputException {
        int at = pos;
        Object value = readValue();
        if (!type.isInstance(value)) {
            throw error(at, what + " is a " + PyValues.typeName(value));
        }
        return type.cast(value);
    }

    /** Reads a byte string; Python 2 may also write one as an interned str ({@code t}). */
    void expectBytes(String what, boolean python2) throws BadInputException {
        int at = pos;
        Object value = readValue();
        if (!(value instanceof Bytes || python2 && value instanceof String)) {
            throw error(at, what + " is a " + PyValues.typeName(value));
        }
    }

    /** Reads a str (or a Python 2 byte string) as text. */
    String expectText(String what) throws BadInputException {
        int at = pos;
        Object value = readValue();
        String text = PyValues.text(value);
        if (text == null) {
            throw error(at, what + " is a " + PyValues.typeName(value));
        }
        return text;
    }

    private int size(int at) throws BadInputException {
        int n = i32();
        if (n < 0) {
            throw error(at, "negative size " + n);
        }
        need(at, n);
        return n;
    }

    private void need(int at, long n) throws BadInputException {
        if (n > data.length - pos) {
            throw error(at, "declares " + n + " items or bytes but only " + (data.length - pos)
                    + " bytes are left (the file is truncated or corrupted)");
        }
    }

    int u8() throws BadInputException {
        if (pos >= data.length) {
            throw error(pos, "unexpected end of data (the file is truncated)");
        }
        return data[pos++] & 0xff;
    }

    private int u16() throws BadInputException {
        return u8() | u8() << 8;
    }

    int i32() throws BadInputException {
        if (data.length - pos < 4) {
            throw error(pos, "unexpected end of data (the file is truncated)");
        }
        int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8 | (data[pos + 2] & 0xff) << 16
                | (data[pos + 3] & 0xff) << 24;
        pos += 4;
        return v;
    }

    private long i64() throws BadInputException {
        long low = i32() & 0xffffffffL;
        long high = i32();
        return high << 32 | low;
    }

    private byte[] bytes(int n) throws BadInputException {
        if (n > data.length - pos) {
            throw error(pos, "unexpected end of data (the file is truncated)");
        }
        byte[] b = Arrays.copyOfRange(data, pos, pos + n);
        pos += n;
        return b;
    }

    private String ascii(int n) throws BadInputException {
        if (n > data.length - pos) {
            throw error(pos, "unexpected end of data (the file is truncated)");
        }
        String s = new String(data, pos, n, StandardCharsets.ISO_8859_1);
        pos += n;
        return s;
    }

    private static String utf8(byte[] b) {
        return new Bytes(b).text();
    }

    static BadInputException error(int offset, String message) {
        return new BadInputException("offset " + offset + ": " + message);
    }
}
