package prof2calltree.read.pstats;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import prof2calltree.read.Progress;

/**
 * Decodes a pstats dump of the usual shape straight into a {@link StatsTable}, without building
 * Python values: keys are {@code (file, line, name)} tuples of strings and an int, values are
 * {@code (cc, nc, tt, ct, callers)} tuples of numbers and a dict, callers map key tuples to
 * {@code (nc, cc, tt, ct)} tuples or to plain ints. Back references ({@code r}, Python 3) and
 * interned strings ({@code R}, Python 2) are resolved through arrays, so each distinct string is
 * decoded once and a key tuple met again costs an array read. The bytes are read through a
 * small window refilled from the file: on a cold JVM, reading a whole big dump into one fresh
 * array costs more than decoding it (every page of the array and of the JDK's temporary buffer
 * is touched for the first time).
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
    /** Bytes asked of the file at a time, and the window's usual size. */
    private static final int CHUNK = 1 << 16;
    /**
     * Smaller reads at first, so that refills happen while the JIT is still profiling: code
     * compiled before any refill treats one as unexpected and is thrown away at the first one.
     */
    private static final int EARLY_CHUNK = 1 << 12;
    private static final int EARLY_BYTES = 1 << 18;

    /** Where more bytes come from; null when the whole dump is in {@link #buf}. */
    private final InputStream source;
    /** How many bytes the dump has: sizes in the data are checked against it. */
    private final long size;
    private final Progress progress;
    /** The window: bytes {@code [pos, limit)} are read and not yet decoded; buf[0] is at offset {@link #base}. */
    private byte[] buf;
    private int pos;
    private int limit;
    private long base;
    private long reported;
    /** An I/O error met while refilling, rethrown by {@link #decode}. */
    private IOException failure;
    private final StatsTable table = new StatsTable();
    private final Symbols symbols = new Symbols(table);

    /** Objects flagged with FLAG_REF, in stream order: kind, and the value or symbol or tuple index. */
    private byte[] refKinds = new byte[1024];
    private final LongBlocks refValues = new LongBlocks();
    private int refCount;
    /** Symbols of the strings Python 2 interned ({@code t}), for {@code R} references. */
    private int[] interned = new int[256];
    private int internedCount;

    /** Set by {@link #read}: the kind and value of what it read. */
    private byte kind;
    private long value;

    /** A decoder of a dump held in memory. */
    StatsDecoder(byte[] dump, Progress progress) {
        this.source = null;
        this.size = dump.length;
        this.progress = progress;
        this.buf = dump;
        this.limit = dump.length;
    }

    /** A decoder of the {@code size} bytes {@code source} will give; it does not close it. */
    StatsDecoder(InputStream source, long size, Progress progress) {
        this.source = source;
        this.size = size;
        this.progress = progress;
        this.buf = new byte[CHUNK];
    }

    /** Offset just after the dict, once {@link #decode} succeeded. */
    long position() {
        return base + pos;
    }

    /** How many bytes follow the dict, once {@link #decode} succeeded: reads the source to its end. */
    long trailing() throws IOException {
        long n = limit - pos;
        if (source != null) {
            int r;
            while ((r = source.read(buf, 0, Math.min(buf.length, CHUNK))) > 0) {
                n += r;
            }
        }
        return n;
    }

    /** Bytes reported to the progress receiver so far. */
    long reported() {
        return reported;
    }

    /** The decoded dump, or null if it is not of the usual shape. */
    StatsTable decode() throws IOException {
        try {
            int code = u8();
            if ((code & 0x7f) != '{') {
                return null;
            }
            if ((code & 0x80) != 0) {
                reserve(); // The dict itself: left pending, as nothing may refer to it.
            }
            while (!end()) {
                int key = key();
                entry(key);
                if (base + pos - reported >= PROGRESS_STEP) {
                    progress.advance(base + pos - reported);
                    reported = base + pos;
                }
            }
            progress.advance(base + pos - reported);
            reported = base + pos;
            return table;
        } catch (Unusual e) {
            if (failure != null) {
                throw failure;
            }
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
        while (!end()) {
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
                set(refKinds[index], refValues.get(index));
            }
            case 'z', 'Z' -> set(TEXT, latin1(u8()));
            case 'a', 'A' -> set(TEXT, latin1(i32()));
            case 'u' -> set(TEXT, utf8(i32()));
            case 't' -> {
                int symbol = utf8(i32());
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
            case 's' -> {
                int n = i32();
                need(n);
                set(TEXT, symbols.bytes(buf, pos, n));
                pos += n;
            }
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
        return refValues.get(index);
    }

    private int reserve() {
        if (refCount == refKinds.length) {
            refKinds = Arrays.copyOf(refKinds, refCount * 2);
        }
        refKinds[refCount] = PENDING;
        refValues.add(0);
        return refCount++;
    }

    private void remember(int slot, byte k, long v) {
        refKinds[slot] = k;
        refValues.set(slot, v);
    }

    /** A str decoded as Latin-1, as marshal's ASCII types are. */
    private int latin1(int n) throws Unusual {
        need(n);
        int symbol = symbols.latin1(buf, pos, n);
        pos += n;
        return symbol;
    }

    /** A str in UTF-8. */
    private int utf8(int n) throws Unusual {
        need(n);
        int symbol = symbols.utf8(buf, pos, n);
        pos += n;
        return symbol;
    }

    /** Whether the dict ends here (the NULL marker), consuming the marker if so. */
    private boolean end() throws Unusual {
        if (pos >= limit && !fill(1)) {
            throw UNUSUAL;
        }
        if (buf[pos] == '0') {
            pos++;
            return true;
        }
        return false;
    }

    /**
     * Makes the next {@code n} bytes of a string (a size from the data) readable, checking the
     * size against the dump's length before the window grows for it.
     */
    private void need(int n) throws Unusual {
        if (n < 0 || n > size - (base + pos)) {
            throw UNUSUAL;
        }
        if (limit - pos < n && !fill(n)) {
            throw UNUSUAL;
        }
    }

    /** Refills the window so that at least {@code n} bytes are readable; false at the end of the data. */
    private boolean fill(int n) throws Unusual {
        if (source == null) {
            return false;
        }
        int left = limit - pos;
        byte[] into = n > buf.length ? new byte[Math.max(n, buf.length * 2)] : buf;
        System.arraycopy(buf, pos, into, 0, left);
        buf = into;
        base += pos;
        pos = 0;
        limit = left;
        try {
            while (limit < n) {
                int chunk = base < EARLY_BYTES ? EARLY_CHUNK : CHUNK;
                int r = source.read(buf, limit, Math.min(buf.length - limit, Math.max(chunk, n - limit)));
                if (r < 0) {
                    return false;
                }
                limit += r;
            }
        } catch (IOException e) {
            failure = e;
            throw UNUSUAL;
        }
        return true;
    }

    private int u8() throws Unusual {
        if (pos >= limit && !fill(1)) {
            throw UNUSUAL;
        }
        return buf[pos++] & 0xff;
    }

    private int i32() throws Unusual {
        if (limit - pos < 4 && !fill(4)) {
            throw UNUSUAL;
        }
        byte[] b = buf;
        int p = pos;
        pos = p + 4;
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | b[p + 3] << 24;
    }

    private long i64() throws Unusual {
        long low = i32() & 0xffffffffL;
        return (long) i32() << 32 | low;
    }
}
