package prof2calltree.read.pstats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import prof2calltree.read.BadInputException;
import prof2calltree.read.pstats.PyValues.Bytes;
import prof2calltree.read.pstats.PyValues.Dict;

/** The marshal decoder on hand-made byte strings, each the way a Python version writes it. */
class MarshalReaderTest {
    private static Object decode(int... b) throws BadInputException {
        byte[] data = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            data[i] = (byte) b[i];
        }
        return new MarshalReader(data).readValue();
    }

    @Test
    void smallValues() throws Exception {
        assertEquals(-1L, decode('i', 0xff, 0xff, 0xff, 0xff));
        assertEquals(1L << 40, decode('I', 0, 0, 0, 0, 0, 1, 0, 0));
        assertEquals(0.5, decode('g', 0, 0, 0, 0, 0, 0, 0xe0, 0x3f));
        assertEquals(2.5, decode('f', 3, '2', '.', '5'));
        assertSame(PyValues.NONE, decode('N'));
        assertEquals(Boolean.TRUE, decode('T'));
    }

    @Test
    void longsOfFifteenBitDigits() throws Exception {
        // 2**31 = digits [0, 0, 2] in base 2**15; Python 3 writes ints past 32 bits as 'l'.
        assertEquals(1L << 31, decode('l', 3, 0, 0, 0, 0, 0, 0, 0, 2, 0));
        assertEquals(-(1L << 31), decode('l', 0xfd, 0xff, 0xff, 0xff, 0, 0, 0, 0, 2, 0));
        Object big = decode('l', 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0);
        assertEquals(BigInteger.ONE.shiftLeft(60), BigInteger.valueOf((Long) big));
    }

    @Test
    void textKinds() throws Exception {
        assertEquals("ab", decode('z', 2, 'a', 'b'));
        assertEquals("ab", decode('a', 2, 0, 0, 0, 'a', 'b'));
        assertEquals("é", decode('u', 2, 0, 0, 0, 0xc3, 0xa9));
        assertEquals(new Bytes(new byte[] {1, 2}), decode('s', 2, 0, 0, 0, 1, 2));
        // Python 2 byte strings with non-UTF-8 bytes read as Latin-1 rather than failing.
        assertEquals("\u00e9", PyValues.text(decode('s', 1, 0, 0, 0, 0xe9)));
    }

    @Test
    void python3BackReferences() throws Exception {
        // (s, s) where the first str carries FLAG_REF and the second is 'r' 0.
        Object t = decode(')', 2, 'z' | 0x80, 1, 'x', 'r', 0, 0, 0, 0);
        assertEquals(List.of("x", "x"), t);
    }

    @Test
    void python2InternedStringReferences() throws Exception {
        Object t = decode('(', 2, 0, 0, 0, 't', 1, 0, 0, 0, 'y', 'R', 0, 0, 0, 0);
        assertEquals(List.of("y", "y"), t);
    }

    @Test
    void dictsKeepStreamOrder() throws Exception {
        Dict d = (Dict) decode('{', 'z', 1, 'b', 'i', 2, 0, 0, 0, 'z', 1, 'a', 'i', 1, 0, 0, 0, '0');
        assertEquals(List.of("b", "a"), d.keys());
        assertEquals(List.of(2L, 1L), d.values());
    }

    @Test
    void selfReferenceToAnIncompleteTupleIsRejected() {
        BadInputException e = assertThrows(BadInputException.class, () -> decode('(' | 0x80, 1, 0, 0, 0, 'r', 0, 0, 0, 0));
        assertTrue(e.getMessage().contains("not complete"), e.getMessage());
    }

    @Test
    void hugeDeclaredSizesFailBeforeAllocating() {
        BadInputException e = assertThrows(BadInputException.class, () -> decode('[', 0xff, 0xff, 0xff, 0x7f));
        assertTrue(e.getMessage().startsWith("offset 0: declares 2147483647"), e.getMessage());
        e = assertThrows(BadInputException.class, () -> decode('l', 0xff, 0xff, 0xff, 0x3f));
        assertTrue(e.getMessage().contains("declares"), e.getMessage());
    }

    @Test
    void nullMarkerOutsideADictIsAnError() {
        assertThrows(BadInputException.class, () -> decode('0'));
    }
}
