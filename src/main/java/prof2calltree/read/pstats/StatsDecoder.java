package prof2calltree.read.pstats;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import prof2calltree.read.Progress;
import prof2calltree.read.pstats.PyValues.Bytes;

/**
 * Decodes a pstats dump of the usual shape straight into a {@link StatsTable}, without building
 * Python values: keys are {@code (file, line, name)} tuples of strings and an int, values are
 * {@code (cc, nc, tt, ct, callers)} tuples of numbers and a dict, callers map key tuples to
 * {@code (nc, cc, tt, ct)} tuples or to plain ints. Back references ({@code r}, Python 3) and
 * interned strings ({@code R}, Python 2) are resolved through arrays, so each distinct string is
 * decoded once and a key tuple met again costs an array read.
 *
 * <p>It accepts only dumps the generic path ({@link MarshalReader} then the conversion in
 * {@link PstatsReader}) would convert to exactly the same profile. Anything else, including any
 * error, makes {@link #decode} return null, and the caller runs the generic path, which converts
 * odd dumps and words errors as it always has. Nothing is allocated from a size in the data
 * before the size is checked against the bytes left, and values nest a fixed few levels deep.
 */
final class StatsDecoder {
    /** The dump is not of the usual shape; thrown without a stack trace, caught in {@link #decode}. */
    private static final class Unusual extends Exception {
        private static final long serialVersionUID = 1L;

        Unusual() {
            super(null, null, false, false);
        }
    }

    private static final Unusual UNUSUAL = new Unusual();

    /** Kinds of remembered objects, for back references. */
    private static final byte PENDING = 0;
    private static final byte OTHER = 1;
    private static final byte INT = 2;
    private static final byte FLOAT = 3;
    private static final byte TEXT = 4;
    private static final byte KEY = 5;

    private static final int PROGRESS_STEP = 1 << 20;

    private final byte[] data;
    private final Progress progress;
    private int pos;
    private long reported;
    private final StatsTable table = new StatsTable();

    /** Objects flagged with FLAG_REF, in stream order: kind, and the value or symbol or tuple index. */
    private byte[] refKinds = new byte[1024];
    private long[] refValues = new long[1024];
    private int refCount;
    /** Symbols of the strings Python 2 interned ({@code t}), for {@code R} references. */
    private int[] interned = new int[256];
    private int internedCount;
    /** Symbol ids by text for str, and by the bytes (as Latin-1) for bytes: equal only within a kind. */
    private final Map<String, Integer> strSymbols = new HashMap<>();
    private final Map<String, Integer> bytesSymbols = new HashMap<>();

    /** Set by {@link #read}: the kind and value of what it read. */
    private byte kind;
    private long value;

    StatsDecoder(byte[] data, Progress progress) {
        this.data = data;
        this.progress = progress;
    }

    /** Offset just after the dict, once {@link #decode} succeeded. */
    int position() {
        return pos;
    }

    /** Bytes reported to the progress receiver so far. */
    long reported() {
        return reported;
    }

    /** The decoded dump, or null if it is not of the usual shape. */
    StatsTable decode() {
        try {
            int code = u8();
            if ((code & 0x7f) != '{') {
                return null;
            }
            if ((code & 0x80) != 0) {
                reserve(); // The dict itself: left pending, as nothing may refer to it.
            }
            while (true) {
                if (data.length > pos && data[pos] == '0') {
                    pos++;
                    break;
                }
                int key = key();
                entry(key);
                if (pos - reported >= PROGRESS_STEP) {
                    progress.advance(pos - reported);
                    reported = pos;
                }
            }
            progress.advance(pos - reported);
            reported = pos;
            return table;
        } catch (Unusual e) {
            return null;
        }
    }

    /** Reads a key tuple and returns its tuple index. */
    private int key() throws Unusual {
        int code = u8();
        int slot = (code & 0x80) != 0 ? reserve() : -1;
        int t;
        switch (code & 0x7f) {
            case ')' -> t = keyTuple(u8());
            case '(' -> t = keyTuple(i32());
            case 'r' -> t = (int) ref(KEY);
            default -> throw UNUSUAL;
        }
        if (slot >= 0) {
            remember(slot, KEY, t);
        }
        return t;
    }

    private int keyTuple(int size) throws Unusual {
        if (size != 3) {
            throw UNUSUAL;
        }
        int file = text();
        long line = integer();
        if (line < 0 || line > Integer.MAX_VALUE) {
            throw UNUSUAL;
        }
        int name = text();
        return table.tuple(file, (int) line, name);
    }

    /** Reads an entry's value, {@code (cc, nc, tt, ct, callers)}, and its callers. */
    private void entry(int key) throws Unusual {
        int code = u8();
        int slot = (code & 0x80) != 0 ? reserve() : -1;
        int size = switch (code & 0x7f) {
            case ')' -> u8();
            case '(' -> i32();
            default -> throw UNUSUAL;
        };
        if (size != 5) {
            throw UNUSUAL;
        }
        number(); // cc and nc: the conversion does not use them.
        number();
        double tt = finite(number());
        double ct = finite(number());
        table.entry(key, tt, ct);
        callers();
        if (slot >= 0) {
            remember(slot, OTHER, 0);
        }
    }

    private void callers() throws Unusual {
        int code = u8();
        if ((code & 0x7f) != '{') {
            throw UNUSUAL;
        }
        int slot = (code & 0x80) != 0 ? reserve() : -1;
        while (true) {
            if (data.length > pos && data[pos] == '0') {
                pos++;
                break;
            }
            int caller = key();
            stat(caller);
        }
        if (slot >= 0) {
            remember(slot, OTHER, 0);
        }
    }

    /** Reads one caller's statistics: {@code (nc, cc, tt, ct)} from cProfile, a call count from profile. */
    private void stat(int caller) throws Unusual {
        int code = u8();
        int slot = (code & 0x80) != 0 ? reserve() : -1;
        int type = code & 0x7f;
        if (type != ')' && type != '(') {
            // A plain call count; anything but an int is left to the generic path.
            scalar(type);
            if (kind != INT || value < 0) {
                throw UNUSUAL;
            }
            if (slot >= 0) {
                remember(slot, kind, value);
            }
            table.edge(caller, value, Double.NaN);
            return;
        }
        int size = type == ')' ? u8() : i32();
        if (size != 4) {
            throw UNUSUAL;
        }
        long calls = integer();
        if (calls < 0) {
            throw UNUSUAL;
        }
        number(); // cc and tt: the conversion does not use them.
        number();
        double ct = finite(number());
        table.edge(caller, calls, ct);
        if (slot >= 0) {
            remember(slot, OTHER, 0);
        }
    }

    private static double finite(double seconds) throws Unusual {
        if (!Double.isFinite(seconds)) {
            throw UNUSUAL;
        }
        return seconds;
    }

    /** Reads an int, or a back reference to one. */
    private long integer() throws Unusual {
        if (read() != INT) {
            throw UNUSUAL;
        }
        return value;
    }

    /** Reads an int or a float as a double, as the conversion takes seconds. */
    private double number() throws Unusual {
        byte k = read();
        if (k == FLOAT) {
            return Double.longBitsToDouble(value);
        }
        if (k == INT) {
            return value;
        }
        throw UNUSUAL;
    }

    /** Reads a str or bytes (or a reference to one) and returns its symbol id. */
    private int text() throws Unusual {
        if (read() != TEXT) {
            throw UNUSUAL;
        }
        return (int) value;
    }

    /** Reads one scalar (int, float or string), setting {@link #kind} and {@link #value}. */
    private byte read() throws Unusual {
        int code = u8();
        if ((code & 0x80) == 0) {
            scalar(code);
        } else {
            int slot = reserve();
            scalar(code & 0x7f);
            remember(slot, kind, value);
        }
        return kind;
    }

    private void scalar(int code) throws Unusual {
        switch (code) {
            case 'i' -> set(INT, i32());
            case 'I' -> set(INT, i64());
            case 'g' -> set(FLOAT, i64());
            case 'r' -> {
                int index = i32();
                if (index < 0 || index >= refCount || refKinds[index] < INT) {
                    throw UNUSUAL;
                }
                set(refKinds[index], refValues[index]);
            }
            case 'z', 'Z' -> set(TEXT, latin1(shortSize()));
            case 'a', 'A' -> set(TEXT, latin1(size()));
            case 'u' -> set(TEXT, utf8(size()));
            case 't' -> {
                int symbol = utf8(size());
                if (internedCount == interned.length) {
                    interned = Arrays.copyOf(interned, internedCount * 2);
                }
                interned[internedCount++] = symbol;
                set(TEXT, symbol);
            }
            case 'R' -> {
                int index = i32();
                if (index < 0 || index >= internedCount) {
                    throw UNUSUAL;
                }
                set(TEXT, interned[index]);
            }
            case 's' -> set(TEXT, bytes(size()));
            default -> throw UNUSUAL;
        }
    }

    private void set(byte k, long v) {
        kind = k;
        value = v;
    }

    /** The value a back reference points at, which must be of the given kind. */
    private long ref(byte expected) throws Unusual {
        int index = i32();
        if (index < 0 || index >= refCount || refKinds[index] != expected) {
            throw UNUSUAL;
        }
        return refValues[index];
    }

    private int reserve() {
        if (refCount == refKinds.length) {
            refKinds = Arrays.copyOf(refKinds, refCount * 2);
            refValues = Arrays.copyOf(refValues, refCount * 2);
        }
        refKinds[refCount] = PENDING;
        return refCount++;
    }

    private void remember(int slot, byte k, long v) {
        refKinds[slot] = k;
        refValues[slot] = v;
    }

    /** A str decoded as Latin-1, as marshal's ASCII types are. */
    private int latin1(int n) {
        String s = new String(data, pos, n, StandardCharsets.ISO_8859_1);
        pos += n;
        return symbol(strSymbols, s, s);
    }

    /** A str in UTF-8, decoded as {@link MarshalReader} does (Latin-1 if it is not valid UTF-8). */
    private int utf8(int n) {
        String s = ascii(pos, n)
                ? new String(data, pos, n, StandardCharsets.ISO_8859_1)
                : new Bytes(Arrays.copyOfRange(data, pos, pos + n)).text();
        pos += n;
        return symbol(strSymbols, s, s);
    }

    /** A byte string (Python 2's str): equal only to the same bytes, shown as {@link Bytes#text}. */
    private int bytes(int n) {
        String raw = new String(data, pos, n, StandardCharsets.ISO_8859_1);
        Integer known = bytesSymbols.get(raw);
        if (known != null) {
            pos += n;
            return known;
        }
        String text = ascii(pos, n) ? raw : new Bytes(Arrays.copyOfRange(data, pos, pos + n)).text();
        pos += n;
        return symbol(bytesSymbols, raw, text);
    }

    private boolean ascii(int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (data[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private int symbol(Map<String, Integer> symbols, String key, String text) {
        Integer known = symbols.get(key);
        if (known != null) {
            return known;
        }
        int id = table.symbol(text);
        symbols.put(key, id);
        return id;
    }

    /** A size from the data, checked against the bytes left. */
    private int size() throws Unusual {
        int n = i32();
        if (n < 0 || n > data.length - pos) {
            throw UNUSUAL;
        }
        return n;
    }

    /** A one-byte size, checked against the bytes left. */
    private int shortSize() throws Unusual {
        int n = u8();
        if (n > data.length - pos) {
            throw UNUSUAL;
        }
        return n;
    }

    private int u8() throws Unusual {
        if (pos >= data.length) {
            throw UNUSUAL;
        }
        return data[pos++] & 0xff;
    }

    private int i32() throws Unusual {
        int p = pos;
        if (data.length - p < 4) {
            throw UNUSUAL;
        }
        pos = p + 4;
        return (data[p] & 0xff) | (data[p + 1] & 0xff) << 8 | (data[p + 2] & 0xff) << 16 | data[p + 3] << 24;
    }

    private long i64() throws Unusual {
        long low = i32() & 0xffffffffL;
        return (long) i32() << 32 | low;
    }
}
