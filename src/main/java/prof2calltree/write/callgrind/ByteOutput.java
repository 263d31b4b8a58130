package prof2calltree.write.callgrind;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A byte buffer in front of an output stream that writes text as UTF-8 and numbers as decimal
 * digits without building a String for either. The callgrind writer spends most of its time on
 * short ASCII pieces and numbers, which a Writer would copy twice and encode once more; here an
 * ASCII character is one store, and only text with other characters goes through the encoder.
 * The bytes are those of {@link java.io.OutputStreamWriter} in UTF-8 (a lone surrogate becomes
 * {@code ?}) and of {@link Long#toString(long)}.
 *
 * <p>Hot paths {@link #reserve} room for a whole line, write it with the static {@code put}
 * methods at a local position, and {@link #commit} that position: one bounds check per line.
 */
final class ByteOutput {
    /** The most bytes {@link #putLong} writes: {@code -9223372036854775808}. */
    static final int MAX_NUMBER = 20;

    /** "00", "01", … "99": two digits per division. */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private final OutputStream out;
    private byte[] buf;
    private int pos;

    ByteOutput(OutputStream out, int size) {
        this.out = out;
        this.buf = new byte[Math.max(size, 4 * MAX_NUMBER)];
    }

    /**
     * Makes room for {@code n} more bytes, writing out what the buffer holds if need be.
     *
     * @return the position to write them at, in {@link #buffer()}
     */
    int reserve(int n) throws IOException {
        if (n > buf.length - pos) {
            flushBuffer();
            if (n > buf.length) {
                buf = new byte[n];
            }
        }
        return pos;
    }

    /** The buffer, valid until the next call of another method. */
    byte[] buffer() {
        return buf;
    }

    /** Takes the bytes up to {@code end}, written after {@link #reserve}, as written. */
    void commit(int end) {
        pos = end;
    }

    /** Writes one ASCII character. */
    ByteOutput ascii(char c) throws IOException {
        int p = reserve(1);
        buf[p] = (byte) c;
        pos = p + 1;
        return this;
    }

    /** Writes {@code s} as UTF-8: one byte per ASCII character, the encoder from the first other one on. */
    ByteOutput text(String s) throws IOException {
        int n = s.length();
        int i = 0;
        while (i < n) {
            int p = reserve(1);
            byte[] b = buf;
            int end = Math.min(n, i + b.length - p);
            for (; i < end; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    pos = p;
                    return bytes(s.substring(i).getBytes(StandardCharsets.UTF_8));
                }
                b[p++] = (byte) c;
            }
            pos = p;
        }
        return this;
    }

    /** Writes bytes as they are. */
    ByteOutput bytes(byte[] b) throws IOException {
        int p = reserve(b.length);
        System.arraycopy(b, 0, buf, p, b.length);
        pos = p + b.length;
        return this;
    }

    /** Writes {@code v} in decimal, as {@link Long#toString(long)} does. */
    ByteOutput number(long v) throws IOException {
        pos = putLong(buf, reserve(MAX_NUMBER), v);
        return this;
    }

    /** Writes the bytes of {@code b} at {@code p}; returns the position after them. */
    static int put(byte[] buf, int p, byte[] b) {
        System.arraycopy(b, 0, buf, p, b.length);
        return p + b.length;
    }

    /**
     * Writes {@code s} at {@code p} if it is all ASCII, one byte per character.
     *
     * @return the position after it, or -1 if {@code s} has another character (then what was
     *     written is garbage beyond the caller's position, to be overwritten)
     */
    static int putAscii(byte[] b, int p, String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return -1;
            }
            b[p + i] = (byte) c;
        }
        return p + n;
    }

    /** Writes {@code v} in decimal at {@code p} (at most 11 bytes); returns the position after it. */
    static int putInt(byte[] b, int p, int v) {
        if (v < 0) {
            if (v == Integer.MIN_VALUE) {
                return putLong(b, p, v);
            }
            b[p++] = '-';
            v = -v;
        }
        int end = p + length(v);
        int k = end;
        while (v >= 100) {
            int q = v / 100;
            int r = (v - q * 100) << 1;
            b[--k] = PAIRS[r + 1];
            b[--k] = PAIRS[r];
            v = q;
        }
        if (v >= 10) {
            b[--k] = PAIRS[(v << 1) + 1];
            b[--k] = PAIRS[v << 1];
        } else {
            b[--k] = (byte) ('0' + v);
        }
        return end;
    }

    /** Writes {@code v} in decimal at {@code p} (at most {@link #MAX_NUMBER} bytes); returns the position after it. */
    static int putLong(byte[] b, int p, long v) {
        if (v >= 0 && v <= Integer.MAX_VALUE) {
            return putInt(b, p, (int) v);
        }
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                // Its magnitude is no long; it is the one number with 19 digits after a 9.
                b[p++] = '-';
                b[p++] = '9';
                return nineDigits(b, nineDigits(b, p, 223372036), 854775808);
            }
            b[p++] = '-';
            v = -v;
            if (v <= Integer.MAX_VALUE) {
                return putInt(b, p, (int) v);
            }
        }
        // Ten to nineteen digits: the high ones, then groups of nine, each in (faster) int arithmetic.
        long high = v / 1_000_000_000L;
        int low = (int) (v - high * 1_000_000_000L);
        if (high < 1_000_000_000L) {
            p = putInt(b, p, (int) high);
        } else {
            long top = high / 1_000_000_000L;
            p = nineDigits(b, putInt(b, p, (int) top), (int) (high - top * 1_000_000_000L));
        }
        return nineDigits(b, p, low);
    }

    /** Writes {@code v}, from 0 to 999,999,999, as nine digits with leading zeros. */
    private static int nineDigits(byte[] b, int p, int v) {
        for (int k = p + 7; k > p; k -= 2) {
            int q = v / 100;
            int r = (v - q * 100) << 1;
            b[k + 1] = PAIRS[r + 1];
            b[k] = PAIRS[r];
            v = q;
        }
        b[p] = (byte) ('0' + v);
        return p + 9;
    }

    /** How many digits {@code v}, at least 0, has. */
    /** The number of digits of {@code v}, at least 0. */
    static int length(int v) {
        int n = 1;
        for (int limit = 10; n < 10 && v >= limit; limit *= 10) {
            n++;
        }
        return n;
    }

    /** Writes the buffer out and flushes the stream. */
    void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    private void flushBuffer() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }
}
