package prof2calltree.write.callgrind;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Numbers as Long.toString writes them and text as OutputStreamWriter encodes it, across buffer ends. */
class ByteOutputTest {
    private static String written(int size, Appender a) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteOutput o = new ByteOutput(bytes, size);
        a.append(o);
        o.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private interface Appender {
        void append(ByteOutput o) throws IOException;
    }

    private static List<Long> edgeNumbers() {
        List<Long> values = new ArrayList<>(List.of(0L, 1L, -1L, 9L, 10L, 99L, 100L, 101L, Long.MAX_VALUE, Long.MIN_VALUE,
                Long.MAX_VALUE - 1, Long.MIN_VALUE + 1, (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE,
                Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L, 999_999_999L, 1_000_000_000L, 1_000_000_001L,
                999_999_999_999_999_999L, 1_000_000_000_000_000_000L, -1_000_000_000_000_000_000L));
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10; p *= 10) {
            for (long v : new long[] {p - 1, p, p + 1, 10 * p - 1}) {
                values.add(v);
                values.add(-v);
            }
        }
        return values;
    }

    @Test
    void numbersAtTheEdgesAreWrittenAsLongToStringDoes() throws IOException {
        for (long v : edgeNumbers()) {
            assertEquals(Long.toString(v), written(80, o -> o.number(v)), "number " + v);
            byte[] b = new byte[ByteOutput.MAX_NUMBER];
            int end = ByteOutput.putLong(b, 0, v);
            assertEquals(Long.toString(v), new String(b, 0, end, StandardCharsets.US_ASCII), "putLong " + v);
            if (v == (int) v) {
                end = ByteOutput.putInt(b, 0, (int) v);
                assertEquals(Integer.toString((int) v), new String(b, 0, end, StandardCharsets.US_ASCII), "putInt " + v);
            }
        }
    }

    @Test
    void randomNumbersAreWrittenAsLongToStringDoes() throws IOException {
        Random random = new Random(6);
        StringBuilder expected = new StringBuilder();
        long[] values = new long[20_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextLong() >> random.nextInt(64);
            expected.append(values[i]).append(' ');
        }
        // A small buffer: numbers keep meeting its end.
        assertEquals(expected.toString(), written(97, o -> {
            for (long v : values) {
                o.number(v).ascii(' ');
            }
        }));
    }

    @Test
    void textIsEncodedAsOutputStreamWriterDoes() throws IOException {
        List<String> texts = List.of("", "fib", "caf\u00e9", "\u00ff\u0100", "\u0141\u00f3d\u017a", "\u65e5\u672c\u8a9e",
                "emoji \ud83d\ude00 end", "lone high \ud83d", "lone low \ude00 x", "\ud83d", "a\ud83d\ude00", "\u007f\u0080",
                "x".repeat(300) + "\u00e9" + "y".repeat(300));
        for (int size : new int[] {80, 81, 83, 1 << 16}) {
            for (String text : texts) {
                ByteArrayOutputStream reference = new ByteArrayOutputStream();
                try (Writer w = new OutputStreamWriter(reference, StandardCharsets.UTF_8)) {
                    w.write("<" + text + ">\n");
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ByteOutput o = new ByteOutput(bytes, size);
                for (int pad = 0; pad < 79; pad++) {
                    o.ascii('.'); // the text starts at every position of a small buffer in turn
                }
                o.ascii('<').text(text).ascii('>').ascii('\n');
                o.flush();
                byte[] b = bytes.toByteArray();
                byte[] tail = java.util.Arrays.copyOfRange(b, 79, b.length);
                assertArrayEquals(reference.toByteArray(), tail, "text " + text + " with buffer " + size);
            }
        }
    }

    @Test
    void putAsciiRefusesOtherCharacters() {
        byte[] b = new byte[16];
        assertEquals(5, ByteOutput.putAscii(b, 2, "abc"));
        assertEquals("abc", new String(b, 2, 3, StandardCharsets.US_ASCII));
        assertEquals(-1, ByteOutput.putAscii(b, 0, "ab\u00e9"));
        assertEquals(-1, ByteOutput.putAscii(b, 0, "\u0141"));
    }

    @Test
    void reserveBeyondTheBufferGrowsIt() throws IOException {
        String big = "z".repeat(1000);
        assertEquals("a" + big + "\n", written(80, o -> {
            o.ascii('a');
            int p = o.reserve(1001);
            byte[] b = o.buffer();
            p = ByteOutput.putAscii(b, p, big);
            b[p] = '\n';
            o.commit(p + 1);
        }));
    }
}
