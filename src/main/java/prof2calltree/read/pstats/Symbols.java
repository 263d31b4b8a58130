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
    /** Marks an empty slot and a string that is not ASCII; no real hash takes this value. */
    private static final int NONE = 0;
    /** Set in a slot's symbol id for bytes, as opposed to str. */
    private static final int BYTES = Integer.MIN_VALUE;

    private final StatsTable table;
    /** Open addressing over ASCII strings, two ints a slot: the hash, and the symbol id (| BYTES). */
    private int[] slots = new int[2 * 4096];
    private int count;
    /** Strs that are not ASCII, by decoded text: other bytes may decode to the same text. */
    private final Map<String, Integer> otherStrs = new HashMap<>();
    /** Bytes that are not ASCII, by the bytes read as Latin-1 (one char a byte). */
    private final Map<String, Integer> otherBytes = new HashMap<>();

    Symbols(StatsTable table) {
        this.table = table;
    }

    /** A str written as ASCII ({@code a z}) or Latin-1, which marshal decodes byte by byte. */
    int latin1(byte[] b, int off, int n) {
        int h = hash(b, off, n, 1);
        if (h != NONE) {
            return lookup(b, off, n, h, 0);
        }
        return other(otherStrs, new String(b, off, n, StandardCharsets.ISO_8859_1), null);
    }

    /** A str in UTF-8 ({@code u t}); not valid UTF-8 is read as Latin-1, as marshal's decoder here does. */
    int utf8(byte[] b, int off, int n) {
        int h = hash(b, off, n, 1);
        if (h != NONE) {
            return lookup(b, off, n, h, 0);
        }
        return other(otherStrs, new Bytes(Arrays.copyOfRange(b, off, off + n)).text(), null);
    }

    /** A byte string (Python 2's str), shown as {@link Bytes#text} but equal only to the same bytes. */
    int bytes(byte[] b, int off, int n) {
        table.bytesSeen();
        int h = hash(b, off, n, 2);
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
            id = table.symbol(raw == null ? key : new Bytes(raw.getBytes(StandardCharsets.ISO_8859_1)).text());
            symbols.put(key, id);
        }
        return id;
    }

    /** A hash of the bytes and the kind (1 str, 2 bytes), never {@link #NONE}; or that if a byte is not ASCII. */
    private static int hash(byte[] b, int off, int n, int kind) {
        int h = kind;
        int any = 0;
        for (int i = off; i < off + n; i++) {
            h = 31 * h + b[i];
            any |= b[i];
        }
        if (any < 0) {
            return NONE;
        }
        h *= 0x9E3779B1;
        h ^= h >>> 16;
        return h == NONE ? 1 : h;
    }

    /** The symbol of these ASCII bytes of this kind ({@link #BYTES} or 0), added if new. */
    private int lookup(byte[] b, int off, int n, int h, int kind) {
        int[] t = slots;
        int mask = t.length / 2 - 1;
        int i = h & mask;
        while (true) {
            int slotHash = t[2 * i];
            if (slotHash == NONE) {
                break;
            }
            int slotId = t[2 * i + 1];
            if (slotHash == h && (slotId & BYTES) == kind && same(table.text(slotId & ~BYTES), b, off, n)) {
                return slotId & ~BYTES;
            }
            i = (i + 1) & mask;
        }
        int id = table.symbol(new String(b, off, n, StandardCharsets.ISO_8859_1));
        t[2 * i] = h;
        t[2 * i + 1] = id | kind;
        if (++count * 2 > t.length / 2) {
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

    private void grow() {
        int[] old = slots;
        int[] t = new int[old.length * 2];
        int mask = t.length / 2 - 1;
        for (int from = 0; from < old.length; from += 2) {
            if (old[from] != NONE) {
                int i = old[from] & mask;
                while (t[2 * i] != NONE) {
                    i = (i + 1) & mask;
                }
                t[2 * i] = old[from];
                t[2 * i + 1] = old[from + 1];
            }
        }
        slots = t;
    }
}
