package prof2calltree.read.pstats;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import prof2calltree.read.pstats.PyValues.Bytes;

/**
 * The distinct strings of a dump, each with a symbol id, equal exactly when Python's tuple
 * comparison finds them equal: a str equals a str of the same text, bytes equal the same bytes,
 * and a str never equals bytes. ASCII strings, nearly all of them, are looked up by hashing their
 * bytes where they lie and comparing them with the symbol's text, so a string met again costs
 * no allocation and a new one only its Java string, made as {@link MarshalReader} would make it.
 */
final class Symbols {
    /** Marks a string that is not ASCII; no real hash takes this value. */
    private static final int NONE = 0;
    /** The kinds of string: str, and bytes (Python 2's str), which are never equal to a str. */
    private static final int STR = 1;
    private static final int BYTES = 2;

    private final StatsTable table;
    /**
     * The ASCII strings by hash, as {@link TaggedSlots}. The table has at least twice as many
     * slots as there are symbols of any kind, ASCII or not, so that every id fits below the
     * hash's bits.
     */
    private int[] slots = new int[4096];
    /** By symbol id, a set bit for bytes; empty until the dump has bytes. */
    private long[] bytesSymbols = new long[0];
    /**
     * By symbol id, the hash of an ASCII symbol (in the slots), {@link #NONE} for others: what
     * growing needs. Made again from the texts instead, growing cost a big dump's decoding 10 ms
     * more than before (each text is a String, a byte array and a slot of the texts apart).
     */
    private final IntBlocks hashes = new IntBlocks();
    /** Strs that are not ASCII, by decoded text: other bytes may decode to the same text. */
    private final Map<String, Integer> otherStrs = new HashMap<>();
    /** Bytes that are not ASCII, by the bytes read as Latin-1 (one char a byte). */
    private final Map<String, Integer> otherBytes = new HashMap<>();

    Symbols(StatsTable table) {
        this.table = table;
    }

    /** A str written as ASCII ({@code a z}) or Latin-1, which marshal decodes byte by byte. */
    int latin1(byte[] b, int off, int n) {
        int h = hash(b, off, n, STR);
        if (h != NONE) {
            return lookup(b, off, n, h, STR);
        }
        return other(otherStrs, new String(b, off, n, StandardCharsets.ISO_8859_1), null);
    }

    /** A str in UTF-8 ({@code u t}); not valid UTF-8 is read as Latin-1, as marshal's decoder here does. */
    int utf8(byte[] b, int off, int n) {
        int h = hash(b, off, n, STR);
        if (h != NONE) {
            return lookup(b, off, n, h, STR);
        }
        return other(otherStrs, new Bytes(Arrays.copyOfRange(b, off, off + n)).text(), null);
    }

    /** A byte string (Python 2's str), shown as {@link Bytes#text} but equal only to the same bytes. */
    int bytes(byte[] b, int off, int n) {
        table.bytesSeen();
        int h = hash(b, off, n, BYTES);
        if (h != NONE) {
            return lookup(b, off, n, h, BYTES);
        }
        String raw = new String(b, off, n, StandardCharsets.ISO_8859_1);
        return other(otherBytes, raw, raw);
    }

    /** A string that is not ASCII, by {@code key}: its text, or for bytes ({@code raw}) its bytes. */
    private int other(Map<String, Integer> symbols, String key, String raw) {
        Integer id = symbols.get(key);
        if (id == null) {
            id = newSymbol(raw == null ? key : new Bytes(raw.getBytes(StandardCharsets.ISO_8859_1)).text());
            symbols.put(key, id);
        }
        return id;
    }

    /** A new symbol of this text, in the table; the slots grow first if it would not fit below their hash bits. */
    private int newSymbol(String text) {
        int id = table.symbol(text);
        if ((id + 1) * 2 > slots.length) {
            grow();
        }
        return id;
    }

    /** A hash of the bytes and the kind ({@link #STR} or {@link #BYTES}), never {@link #NONE}; or that if a byte is not ASCII. */
    private static int hash(byte[] b, int off, int n, int kind) {
        int h = kind;
        int any = 0;
        for (int i = off; i < off + n; i++) {
            h = 31 * h + b[i];
            any |= b[i];
        }
        return any < 0 ? NONE : finish(h);
    }

    private static int finish(int h) {
        h *= 0x9E3779B1;
        h ^= h >>> 16;
        return h == NONE ? 1 : h;
    }

    private boolean isBytes(int id) {
        int word = id >>> 6;
        return word < bytesSymbols.length && (bytesSymbols[word] & 1L << id) != 0;
    }

    private int kind(int id) {
        return isBytes(id) ? BYTES : STR;
    }

    /** The symbol of these ASCII bytes of this kind ({@link #STR} or {@link #BYTES}), added if new. */
    private int lookup(byte[] b, int off, int n, int h, int kind) {
        int[] t = slots;
        int mask = t.length - 1;
        int tag = h & ~mask;
        int i = h & mask;
        for (int v; (v = t[i]) != 0; i = (i + 1) & mask) {
            if ((v & ~mask) == tag) {
                int id = (v & mask) - 1;
                if (same(table.text(id), b, off, n) && kind(id) == kind) {
                    return id;
                }
            }
        }
        int id = table.symbol(new String(b, off, n, StandardCharsets.ISO_8859_1));
        if (kind == BYTES) {
            if (id >>> 6 >= bytesSymbols.length) {
                bytesSymbols = Arrays.copyOf(bytesSymbols, Math.max((id >>> 6) + 1, 2 * bytesSymbols.length));
            }
            bytesSymbols[id >>> 6] |= 1L << id;
        }
        t[i] = tag | (id + 1);
        while (hashes.size() < id) {
            hashes.add(NONE); // symbols of strings that are not ASCII
        }
        hashes.add(h);
        if ((id + 1) * 2 > t.length) {
            grow();
        }
        return id;
    }

    private static boolean same(String text, byte[] b, int off, int n) {
        if (text.length() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) != b[off + i]) {
                return false;
            }
        }
        return true;
    }

    /** Doubles the table, from the symbols' hashes by id. */
    private void grow() {
        int[] t = new int[slots.length * 2];
        for (int id = 0; id < hashes.size(); id++) {
            int h = hashes.get(id);
            if (h != NONE) {
                TaggedSlots.place(t, h, id);
            }
        }
        slots = t;
    }
}
