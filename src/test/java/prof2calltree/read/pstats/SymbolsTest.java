package prof2calltree.read.pstats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The decoder's string symbols: equal exactly when Python finds the strings equal, however many
 * there are (the table grows many times over here, and each growth places every symbol again
 * from its stored hash).
 */
class SymbolsTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aStringMetAgainIsTheSameSymbolAndABytesOfItsTextIsAnother() {
        StatsTable table = new StatsTable();
        Symbols symbols = new Symbols(table);
        int n = 20_000;
        int[] str = new int[n];
        int[] bytes = new int[n];
        int[] other = new int[n];
        for (int i = 0; i < n; i++) {
            // Each kind in turn, with a string that is not ASCII among them (ids it takes are not in the table).
            byte[] text = ascii("f" + i);
            byte[] padded = ascii("[f" + i + "]");
            str[i] = symbols.latin1(padded, 1, text.length);
            bytes[i] = symbols.bytes(text, 0, text.length);
            other[i] = symbols.utf8(("g\u00e9" + i).getBytes(StandardCharsets.UTF_8), 0,
                    ("g\u00e9" + i).getBytes(StandardCharsets.UTF_8).length);
            assertEquals("f" + i, table.text(str[i]));
            assertEquals("f" + i, table.text(bytes[i]));
            assertNotEquals(str[i], bytes[i]);
        }
        assertEquals(3 * n, distinct(str, bytes, other));
        for (int i = n - 1; i >= 0; i--) {
            byte[] text = ascii("f" + i);
            assertEquals(str[i], symbols.latin1(text, 0, text.length), "str f" + i);
            assertEquals(str[i], symbols.utf8(text, 0, text.length), "str f" + i + " as UTF-8");
            assertEquals(bytes[i], symbols.bytes(text, 0, text.length), "bytes f" + i);
            byte[] utf8 = ("g\u00e9" + i).getBytes(StandardCharsets.UTF_8);
            assertEquals(other[i], symbols.utf8(utf8, 0, utf8.length), "str g\u00e9" + i);
        }
    }

    /** The same for key tuples: a tuple met again is the same one, one differing in any of its three parts another. */
    @Test
    void aTupleMetAgainIsTheSameTuple() {
        StatsTable table = new StatsTable();
        int n = 50_000;
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = table.tuple(i % 7, i, i / 3);
            assertEquals(i, index[i]);
        }
        for (int i = n - 1; i >= 0; i--) {
            assertEquals(index[i], table.tuple(i % 7, i, i / 3), "tuple " + i);
        }
        assertEquals(n, table.tuple(0, 0, 1));
        assertEquals(n + 1, table.tuple(1, 0, 0));
        assertEquals(n + 2, table.tuple(0, 1, 0));
    }

    private static int distinct(int[]... ids) {
        java.util.Set<Integer> all = new java.util.HashSet<>();
        for (int[] some : ids) {
            for (int id : some) {
                all.add(id);
            }
        }
        return all.size();
    }
}
