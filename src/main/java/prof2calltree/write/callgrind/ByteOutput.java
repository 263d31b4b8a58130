package prof2calltree.write.callgrind;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A byte buffer in front of an output stream that writes text as UTF-8 and numbers as decimal
 * digits without building a String for either. The callgrind writer spends most of its time on
 * short ASCII pieces and numbers, which a Writer would copy twice and encode once more; here an
 * ASCII character is one store, and only a name with other characters goes through the encoder.
 * The bytes are those of {@link java.io.OutputStreamWriter} in UTF-8 (a lone surrogate becomes
 * {@code ?}) and of {@link Long#toString(long)}.
 */
final class ByteOutput {
    /** Room for the longest number, {@code -9223372036854775808}, and a few bytes around it. */
    private static final int NUMBER_ROOM = 24;

    private final OutputStream out;
    private final byte[] buf;
    private int pos;

    ByteOutput(OutputStream out, int size) {
        this.out = out;
        this.buf = new byte[Math.max(size, 2 * NUMBER_ROOM)];
    }

    /** Writes one ASCII character. */
    ByteOutput ascii(char c) throws IOException {
        if (pos == buf.length) {
            flushBuffer();
        }
        buf[pos++] = (byte) c;
        return this;
    }

    /** Writes {@code s} as UTF-8: one byte per ASCII character, the encoder from the first other one on. */
    ByteOutput text(String s) throws IOException {
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (pos == buf.length) {
                flushBuffer();
            }
            int end = Math.min(n, i + buf.length - pos);
            byte[] b = buf;
            int p = pos;
            for (; i < end; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    pos = p;
                    bytes(s.substring(i).getBytes(StandardCharsets.UTF_8));
                    return this;
                }
                b[p++] = (byte) c;
            }
            pos = p;
        }
        return this;
    }

    /** Writes bytes as they are. */
    ByteOutput bytes(byte[] b) throws IOException {
        if (b.length > buf.length - pos) {
            flushBuffer();
            if (b.length > buf.length) {
                out.write(b);
                return this;
            }
        }
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    /** Writes {@code v} in decimal, as {@link Long#toString(long)} does. */
    ByteOutput number(long v) throws IOException {
        if (buf.length - pos < NUMBER_ROOM) {
            flushBuffer();
        }
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return text("-9223372036854775808");
            }
            buf[pos++] = '-';
            v = -v;
        }
        int p = pos;
        if (v <= Integer.MAX_VALUE) {
            p = digits((int) v, buf, p);
        } else if (v < 1_000_000_000_000_000_000L) {
            // Ten to eighteen digits: the high ones and then the low nine, each in (faster) int arithmetic.
            long high = v / 1_000_000_000L;
            p = nineDigits((int) (v - high * 1_000_000_000L), buf, digits((int) high, buf, p));
        } else {
            long high = v / 1_000_000_000L;
            long top = high / 1_000_000_000L;
            buf[p++] = (byte) ('0' + top);
            p = nineDigits((int) (high - top * 1_000_000_000L), buf, p);
            p = nineDigits((int) (v - high * 1_000_000_000L), buf, p);
        }
        pos = p;
        return this;
    }

    /** Writes the digits of {@code v}, at least 0, at {@code p}; returns the position after them. */
    private static int digits(int v, byte[] b, int p) {
        int end = p + length(v);
        int k = end;
        do {
            int q = v / 10;
            b[--k] = (byte) ('0' + v - q * 10);
            v = q;
        } while (v != 0);
        return end;
    }

    /** Writes {@code v}, from 0 to 999,999,999, as nine digits with leading zeros. */
    private static int nineDigits(int v, byte[] b, int p) {
        for (int k = p + 8; k >= p; k--) {
            int q = v / 10;
            b[k] = (byte) ('0' + v - q * 10);
            v = q;
        }
        return p + 9;
    }

    /** How many digits {@code v}, at least 0, has. */
    private static int length(int v) {
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
