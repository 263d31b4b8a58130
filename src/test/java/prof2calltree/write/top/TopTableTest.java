package prof2calltree.write.top;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import prof2calltree.model.Profile;
import prof2calltree.model.transform.Golden;
import prof2calltree.model.transform.Samples;
import prof2calltree.read.Warnings;
import prof2calltree.testutil.Fixtures;

/** The terminal table: golden output, inclusive costs with and without stacks, human units. */
class TopTableTest {
    @Test
    void matchesGoldenFiles() throws Exception {
        Golden.check("prof2calltree/write/top/call-graph.txt", () -> TopTable.render(Samples.callGraph(), 10, 0));
        Golden.check("prof2calltree/write/top/stacks-alloc-inclusive.txt",
                () -> TopTable.render(Samples.stacks(), 10, 1, true));
        Profile dump = Fixtures.read(Fixtures.ROOT.resolve("pstats/py312-cprofile.prof"), Warnings.IGNORE);
        Golden.check("prof2calltree/write/top/py312-cprofile.prof.txt", () -> TopTable.render(dump, 15, 0));
    }

    @Test
    void inclusiveFromStacksCountsEachStackOnce() {
        Profile p = Samples.stacks();
        long[] self = new long[p.functions().size()];
        InclusiveCosts inc = InclusiveCosts.of(p, 0, self);
        assertEquals(10, inc.values()[1], "main: every main-thread stack");
        assertEquals(2, inc.values()[4], "fib: once, though three frames deep");
        assertEquals(15, inc.values()[1] + inc.values()[0], "main and run cover everything");
    }

    @Test
    void inclusiveFromACallGraph() {
        Profile p = Samples.callGraph();
        long[] self = {100, 250, 3000, 400, 300, 25, 600};
        InclusiveCosts inc = InclusiveCosts.of(p, 0, self);
        assertArrayEquals(new long[] {4675, 4575, 3000, 700, 650, 25, 625}, inc.values());
        assertArrayEquals(new boolean[] {false, false, false, true, true, false, false}, inc.lowerBound());
    }

    @Test
    void cyclesAreFound() {
        int[] c = InclusiveCosts.components(Samples.callGraph().calls(), 7);
        assertEquals(c[3], c[4]);
        assertFalse(c[2] == c[3] || c[1] == c[2] || c[0] == c[1]);
    }

    @Test
    void unitsReadWell() {
        assertEquals("999 ns", Units.human(999, "ns"));
        assertEquals("12.35 ms", Units.human(12_345_678, "ns"));
        assertEquals("2.50 s", Units.human(2_500_000_000L, "ns"));
        assertEquals("1.5 MiB", Units.human(1536 * 1024, "bytes"));
        assertEquals("1023 B", Units.human(1023, "bytes"));
        assertEquals("123456", Units.human(123456, "samples"));
        assertEquals("-", Units.percent(1, 0));
        assertEquals("33.3%", Units.percent(1, 3));
    }

    @Test
    void rowsAreOrderedAndBounded() {
        String table = TopTable.render(Samples.callGraph(), 3, 0);
        String[] lines = table.split("\n");
        assertEquals(8, lines.length, table);
        assertTrue(lines[2].contains("fib  /src/app/app.py:20"), table);
        assertTrue(lines[3].contains("helper  /src/app/util.py:5"), table);
        assertTrue(lines[4].contains(">=700 ns") && lines[4].contains("is_even"), table);
        assertTrue(lines[6].startsWith(">= marks a lower bound"), table);
        assertThrows(IllegalArgumentException.class, () -> TopTable.render(Samples.callGraph(), 3, 1));
        assertThrows(IllegalArgumentException.class, () -> TopTable.render(Samples.callGraph(), 0, 0));
    }
}
