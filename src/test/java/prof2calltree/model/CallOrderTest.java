package prof2calltree.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The builder's sorted calls and self costs, against a plain sort of what was added. */
class CallOrderTest {
    private static final CostType TIME = new CostType("Time", "ns", "Time (ns)");

    @Test
    void callsAndSelfCostsComeOutSummedAndSortedWhateverTheOrderTheyCameIn() {
        checkSummedAndSorted(new ProfileBuilder(List.of(TIME)), 0);
    }

    /**
     * addCallOnce and addSelfOnce skip the lookup, but a key given twice is still summed, whether
     * all come "once" or they are mixed with plain adds before and after (the index is then made
     * from what is there).
     */
    @Test
    void keysAddedOnceThatRepeatAreSummedAllTheSame() {
        checkSummedAndSorted(new ProfileBuilder(List.of(TIME)), 100);
        checkSummedAndSorted(new ProfileBuilder(List.of(TIME), 300, 20_000, 20_000), 50);
        checkSummedAndSorted(new ProfileBuilder(List.of(TIME)), 95);
    }

    /** A reader's size hints are only hints: too small, about right or too big, the result is the same. */
    @Test
    void aSizedBuilderGivesTheSameWhateverTheSizeItWasGiven() {
        checkSummedAndSorted(new ProfileBuilder(List.of(TIME), 0, 0, 0), 0);
        checkSummedAndSorted(new ProfileBuilder(List.of(TIME), 300, 12_000, 18_000), 0);
        checkSummedAndSorted(new ProfileBuilder(List.of(TIME), 100_000, 100_000, 100_000), 0);
    }

    @Test
    void onceAddsRefuseCostsOfTheWrongWidth() {
        ProfileBuilder b = new ProfileBuilder(List.of(TIME));
        int f = b.function("f", "m.py", "", 1, "");
        assertThrows(IllegalArgumentException.class, () -> b.addSelfOnce(f, 1, new long[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> b.addCallOnce(f, 1, f, 1, 1, new long[0]));
    }

    @Test
    void aSizedTableHoldsWhatItWasSizedForWithoutGrowing() {
        for (int expected : new int[] {0, 1, 7, 8, 100, 511, 512, 1000, 110_711, 1 << 20}) {
            int capacity = OpenAddressing.capacity(expected);
            assertEquals(0, capacity & (capacity - 1), "a power of two for " + expected);
            assertTrue(capacity >= 2 * (expected + 1), capacity + " for " + expected);
            assertTrue(capacity <= Math.max(16, 4 * (expected + 1)), "no more than twice that for " + expected);
        }
    }

    /** Adds random calls and self costs, {@code oncePercent} of them with the "once" methods, and checks the sums. */
    private static void checkSummedAndSorted(ProfileBuilder b, int oncePercent) {
        Random random = new Random(5);
        int n = 300;
        for (int i = 0; i < n; i++) {
            b.function("f" + i, "m.py", "", i, "");
        }
        // (caller, callerLine, callee, calleeLine) -> {count, inclusive}, summed the slow way
        TreeMap<List<Integer>, long[]> expected = new TreeMap<>(CallOrderTest::compareKeys);
        TreeMap<List<Integer>, Long> expectedSelf = new TreeMap<>(CallOrderTest::compareKeys);
        for (int k = 0; k < 20_000; k++) {
            int caller = random.nextInt(n);
            int callee = random.nextInt(n);
            int callerLine = random.nextInt(6) - 1; // -1 too: lines sort as signed ints
            int calleeLine = random.nextInt(3);
            long count = random.nextInt(4);
            long inclusive = random.nextInt(1000);
            boolean once = random.nextInt(100) < oncePercent;
            if (once) {
                b.addCallOnce(caller, callerLine, callee, calleeLine, count, new long[] {inclusive});
            } else {
                b.addCall(caller, callerLine, callee, calleeLine, count, 0, inclusive);
            }
            long[] sum = expected.computeIfAbsent(List.of(caller, callerLine, callee, calleeLine), x -> new long[2]);
            sum[0] += count;
            sum[1] += inclusive;
            int line = random.nextInt(40) - 2;
            if (once) {
                b.addSelfOnce(callee, line, new long[] {inclusive});
            } else {
                b.addSelf(callee, line, 0, inclusive);
            }
            expectedSelf.merge(List.of(callee, line), inclusive, Long::sum);
        }
        Profile p = b.build();
        assertCalls(expected, p);
        List<List<Integer>> selfKeys = new ArrayList<>(expectedSelf.keySet());
        assertEquals(selfKeys.size(), p.selfCosts().size());
        for (int i = 0; i < selfKeys.size(); i++) {
            SelfCost s = p.selfCosts().get(i);
            assertEquals(selfKeys.get(i), List.of(s.function(), s.line()), "self cost " + i);
            assertEquals(expectedSelf.get(selfKeys.get(i)), s.costs()[0]);
        }
    }

    @Test
    void indexSortAgreesWithTheLibrarySortAndIsStable() {
        Random random = new Random(9);
        for (int size : new int[] {0, 1, 2, 11, 12, 13, 100, 1000}) {
            int[] values = new int[size];
            for (int i = 0; i < size; i++) {
                values[i] = random.nextInt(50);
            }
            int[] index = new int[size];
            for (int i = 0; i < size; i++) {
                index[i] = i;
            }
            IndexSort.sort(index, 0, size, (a, c) -> Integer.compare(values[a], values[c]));
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                expected.add(i);
            }
            expected.sort(Comparator.comparingInt(i -> values[i])); // stable too
            for (int i = 0; i < size; i++) {
                assertEquals((int) expected.get(i), index[i], "size " + size + ", position " + i);
            }
        }
    }

    /** Calls of two cost types come out in order with both columns beside their keys, repeats summed. */
    @Test
    void callsOfSeveralCostTypesKeepTheirColumnsTogether() {
        ProfileBuilder b = new ProfileBuilder(List.of(TIME, new CostType("Calls", "", "")));
        for (int i = 0; i < 50; i++) {
            b.function("f" + i, "m.py", "", i, "");
        }
        Random random = new Random(3);
        TreeMap<List<Integer>, long[]> expected = new TreeMap<>(CallOrderTest::compareKeys);
        for (int k = 0; k < 2000; k++) {
            int caller = random.nextInt(50);
            int callee = random.nextInt(50);
            int line = random.nextInt(4);
            long count = random.nextInt(3);
            long[] costs = {random.nextInt(100), random.nextInt(100)};
            b.addCallOnce(caller, line, callee, callee, count, costs);
            long[] sum = expected.computeIfAbsent(List.of(caller, line, callee, callee), x -> new long[3]);
            sum[0] += count;
            sum[1] += costs[0];
            sum[2] += costs[1];
        }
        assertCalls(expected, b.build());
    }

    /** The profile's calls are the expected keys in order, each with its {count, inclusive costs...}. */
    private static void assertCalls(TreeMap<List<Integer>, long[]> expected, Profile p) {
        List<List<Integer>> keys = new ArrayList<>(expected.keySet());
        assertEquals(keys.size(), p.calls().size());
        for (int i = 0; i < keys.size(); i++) {
            Call c = p.calls().get(i);
            assertEquals(keys.get(i), List.of(c.caller(), c.callerLine(), c.callee(), c.calleeLine()), "call " + i);
            long[] row = new long[1 + c.inclusive().length];
            row[0] = c.count();
            System.arraycopy(c.inclusive(), 0, row, 1, c.inclusive().length);
            assertArrayEquals(expected.get(keys.get(i)), row, "call " + i);
        }
    }

    /** Functions added once are found by a later lookup, however many came before the table was made. */
    @Test
    void functionsAddedOnceAreFoundByALaterLookup() {
        for (int expected : new int[] {0, 10, 5000}) {
            ProfileBuilder b = new ProfileBuilder(List.of(TIME), expected, 0, 0);
            for (int i = 0; i < 1000; i++) {
                assertEquals(i, b.addFunctionOnce("f" + i, "m.py", "", i, ""));
            }
            assertEquals(7, b.function("f7", "m.py", "", 7, ""));
            assertEquals(1000, b.function("g", "m.py", "", 1, ""));
            for (int i = 1001; i < 3000; i++) {
                assertEquals(i, b.addFunctionOnce("f" + i, "m.py", "", i, ""));
            }
            for (int i = 0; i < 3000; i++) {
                assertEquals(i, i == 1000 ? b.function("g", "m.py", "", 1, "") : b.function("f" + i, "m.py", "", i, ""));
            }
            assertEquals(3000, b.function("f1", "m.py", "", 2, ""), "another line is another function");
            assertEquals(3001, b.build().functions().size());
        }
    }

    /**
     * Self costs that come in order, each key once (a pstats dump's entries), skip the sort; a
     * key out of place, a repeat or a negative line before a positive one must still be sorted.
     */
    @Test
    void selfCostsAlreadyInOrderComeOutAsTheSortWouldGiveThem() {
        int[][] cases = {
            {0, 1, 1, 5, 2, 3}, // in order: functions ascending, each once
            {0, 5, 0, 7, 2, 1}, // in order: two lines of one function
            {1, 5, 0, 7, 2, 1}, // function 1 before 0
            {0, 7, 0, 5, 2, 1}, // lines descending within a function
            {0, 5, 0, 5, 2, 1}, // a repeat: summed
            {0, 3, 0, -1, 2, 1}, // -1 sorts before 3, as a signed line
        };
        for (int[] keys : cases) {
            ProfileBuilder b = new ProfileBuilder(List.of(TIME, new CostType("Calls", "", "")));
            for (int i = 0; i < 3; i++) {
                b.function("f" + i, "m.py", "", i, "");
            }
            TreeMap<List<Integer>, Long> expected = new TreeMap<>(CallOrderTest::compareKeys);
            for (int k = 0; k < keys.length; k += 2) {
                b.addSelfOnce(keys[k], keys[k + 1], new long[] {10 + k, 1});
                expected.merge(List.of(keys[k], keys[k + 1]), 10L + k, Long::sum);
            }
            Profile p = b.build();
            List<List<Integer>> order = new ArrayList<>(expected.keySet());
            assertEquals(order.size(), p.selfCosts().size(), java.util.Arrays.toString(keys));
            for (int i = 0; i < order.size(); i++) {
                SelfCost s = p.selfCosts().get(i);
                assertEquals(order.get(i), List.of(s.function(), s.line()), java.util.Arrays.toString(keys));
                assertEquals(expected.get(order.get(i)), s.costs()[0], java.util.Arrays.toString(keys));
            }
            assertArrayEquals(new long[] {expected.values().stream().mapToLong(Long::longValue).sum(), keys.length / 2},
                    p.totals());
        }
    }

    /**
     * Calls that come in the sort's order, each key once (a pstats dump's, grouped by caller),
     * skip the sort; a call out of place in any of the four key columns, or a repeat, must still
     * be sorted (and summed).
     */
    @Test
    void callsAlreadyInOrderComeOutAsTheSortWouldGiveThem() {
        int[][] cases = {
            {0, 1, 1, 5, 0, 1, 2, 3, 1, 1, 0, 3}, // in order: callers ascending, then callees
            {0, 1, 1, 5, 0, 2, 1, 5, 2, 1, 0, 3}, // in order: a caller's two lines
            {0, 1, 1, 5, 0, 1, 1, 7, 2, 1, 0, 3}, // in order: two lines of one callee
            {1, 1, 0, 5, 0, 1, 2, 3, 2, 1, 0, 3}, // caller 1 before 0
            {0, 2, 1, 5, 0, 1, 2, 3, 2, 1, 0, 3}, // caller lines descending
            {0, 1, 2, 5, 0, 1, 1, 3, 2, 1, 0, 3}, // callees descending
            {0, 1, 1, 7, 0, 1, 1, 5, 2, 1, 0, 3}, // callee lines descending
            {0, 1, 1, 5, 0, 1, 1, 5, 2, 1, 0, 3}, // a repeat: summed
            {0, 3, 1, 5, 0, -1, 1, 5, 2, 1, 0, 3}, // -1 sorts before 3, as a signed line
        };
        for (int[] keys : cases) {
            ProfileBuilder b = new ProfileBuilder(List.of(TIME, new CostType("Calls", "", "")));
            for (int i = 0; i < 3; i++) {
                b.function("f" + i, "m.py", "", i, "");
            }
            TreeMap<List<Integer>, long[]> expected = new TreeMap<>(CallOrderTest::compareKeys);
            for (int k = 0; k < keys.length; k += 4) {
                b.addCallOnce(keys[k], keys[k + 1], keys[k + 2], keys[k + 3], 1 + k, new long[] {10 + k, k});
                long[] sum = expected.computeIfAbsent(List.of(keys[k], keys[k + 1], keys[k + 2], keys[k + 3]),
                        key -> new long[3]);
                sum[0] += 1 + k;
                sum[1] += 10 + k;
                sum[2] += k;
            }
            Profile p = b.build();
            String what = java.util.Arrays.toString(keys);
            List<List<Integer>> order = new ArrayList<>(expected.keySet());
            assertEquals(order.size(), p.calls().size(), what);
            for (int i = 0; i < order.size(); i++) {
                Call c = p.calls().get(i);
                assertEquals(order.get(i), List.of(c.caller(), c.callerLine(), c.callee(), c.calleeLine()), what);
                long[] sum = expected.get(order.get(i));
                assertEquals(sum[0], c.count(), what);
                assertArrayEquals(new long[] {sum[1], sum[2]}, c.inclusive(), what);
            }
        }
    }

    /**
     * Calls given as columns come out as the same calls added one by one would: in order or not,
     * with repeats, into a fresh builder (which takes the arrays) or one that has calls already.
     */
    @Test
    void callsAddedAsColumnsComeOutAsCallsAddedOneByOne() {
        Random rnd = new Random(7);
        for (int round = 0; round < 40; round++) {
            int n = rnd.nextInt(30);
            int[] caller = new int[n];
            int[] callerLine = new int[n];
            int[] callee = new int[n];
            int[] calleeLine = new int[n];
            long[] count = new long[n];
            long[] inclusive = new long[2 * n];
            for (int i = 0; i < n; i++) {
                caller[i] = rnd.nextInt(4);
                callerLine[i] = rnd.nextInt(3);
                callee[i] = rnd.nextInt(4);
                calleeLine[i] = rnd.nextInt(2);
                count[i] = rnd.nextInt(5);
                inclusive[2 * i] = rnd.nextInt(100);
                inclusive[2 * i + 1] = rnd.nextInt(100);
            }
            if (round % 2 == 0) { // in the profile's order, each key once: the path that takes the arrays
                TreeMap<List<Integer>, Integer> keys = new TreeMap<>(CallOrderTest::compareKeys);
                for (int i = 0; i < n; i++) {
                    keys.put(List.of(caller[i], callerLine[i], callee[i], calleeLine[i]), i);
                }
                n = keys.size();
                int k = 0;
                for (List<Integer> key : keys.keySet()) {
                    caller[k] = key.get(0);
                    callerLine[k] = key.get(1);
                    callee[k] = key.get(2);
                    calleeLine[k] = key.get(3);
                    k++;
                }
            }
            ProfileBuilder one = builder();
            ProfileBuilder columns = builder();
            ProfileBuilder after = builder();
            after.addCallOnce(3, 9, 0, 0, 1, new long[] {5, 6});
            one.addCallOnce(3, 9, 0, 0, 1, new long[] {5, 6});
            for (int i = 0; i < n; i++) {
                one.addCallOnce(caller[i], callerLine[i], callee[i], calleeLine[i], count[i],
                        new long[] {inclusive[2 * i], inclusive[2 * i + 1]});
            }
            columns.addCallsOnce(n, caller.clone(), callerLine.clone(), callee.clone(), calleeLine.clone(), count.clone(),
                    inclusive.clone());
            columns.addCallOnce(3, 9, 0, 0, 1, new long[] {5, 6});
            after.addCallsOnce(n, caller, callerLine, callee, calleeLine, count, inclusive);
            List<Call> expected = one.build().calls();
            assertCallsEqual(expected, columns.build().calls(), "round " + round);
            assertCallsEqual(expected, after.build().calls(), "round " + round);
        }
    }

    /**
     * Columns the builder cannot take as they are (longer than the calls, with values past them;
     * of different lengths; one array for two columns) are copied, so calls added afterwards,
     * found by lookup, sum with the right ones.
     */
    @Test
    void columnsThatCannotBeTakenAreCopied() {
        for (int shape = 0; shape < 4; shape++) {
            ProfileBuilder b = builder();
            long[] count = {1, 100, 100};
            long[] inclusive = {10, 20, 100, 100, 100, 100};
            int[] lines = {1, 7, 7};
            switch (shape) {
                case 0 -> b.addCallsOnce(1, new int[] {0, 2, 2}, new int[] {1, 7, 7}, new int[] {1, 3, 3},
                        new int[] {1, 7, 7}, count, inclusive); // longer, with values past the one call
                case 1 -> b.addCallsOnce(1, new int[] {0, 2, 2}, new int[] {1}, new int[] {1}, new int[] {1},
                        new long[] {1}, new long[] {10, 20}); // of different lengths
                case 2 -> b.addCallsOnce(1, new int[] {0}, lines, new int[] {1}, lines, new long[] {1},
                        new long[] {10, 20}); // one array for both lines (and longer)
                default -> b.addCallsOnce(1, new int[] {0}, new int[] {1}, new int[] {1}, new int[] {1},
                        new long[] {1}, new long[] {10, 20}); // taken as they are
            }
            lines[0] = 5; // changing an array afterwards must not matter when it was copied
            b.addCall(0, 1, 1, 1, 2, 0, 5); // the same call: summed
            b.addCall(2, 7, 3, 7, 1, 1, 4); // a new one: from zero
            Profile p = b.build();
            String what = "shape " + shape;
            assertEquals(2, p.calls().size(), what);
            Call first = p.calls().get(0);
            assertEquals(List.of(0, 1, 1, 1, 3L), List.of(first.caller(), first.callerLine(), first.callee(),
                    first.calleeLine(), first.count()), what);
            assertArrayEquals(new long[] {15, 20}, first.inclusive(), what);
            Call second = p.calls().get(1);
            assertEquals(List.of(2, 7, 3, 7, 1L), List.of(second.caller(), second.callerLine(), second.callee(),
                    second.calleeLine(), second.count()), what);
            assertArrayEquals(new long[] {0, 4}, second.inclusive(), what);
        }
    }

    @Test
    void callsAsColumnsAreChecked() {
        ProfileBuilder b = builder();
        int[] one = {0};
        int[] bad = {4};
        long[] count = {1};
        long[] costs = {1, 1};
        assertEquals("unknown function id 4", assertThrows(IllegalArgumentException.class,
                () -> b.addCallsOnce(1, one, one, bad, one, count, costs)).getMessage());
        assertEquals("unknown function id -1", assertThrows(IllegalArgumentException.class,
                () -> b.addCallsOnce(1, new int[] {-1}, one, one, one, count, costs)).getMessage());
        assertEquals("columns shorter than 1 calls", assertThrows(IllegalArgumentException.class,
                () -> b.addCallsOnce(1, one, one, one, one, count, new long[] {1})).getMessage());
        assertEquals("columns shorter than 2 calls", assertThrows(IllegalArgumentException.class,
                () -> b.addCallsOnce(2, one, one, one, one, count, costs)).getMessage());
        b.addCallsOnce(1, one, one, one, one, new long[] {-1}, costs);
        assertEquals("negative call count into f0", assertThrows(IllegalStateException.class, b::build).getMessage());
        assertThrows(IllegalStateException.class, () -> b.addCallsOnce(1, one, one, one, one, count, costs));
    }

    private static ProfileBuilder builder() {
        ProfileBuilder b = new ProfileBuilder(List.of(TIME, new CostType("Calls", "", "")), 4, 4, 0);
        for (int i = 0; i < 4; i++) {
            assertEquals(i, b.functionCount());
            b.function("f" + i, "m.py", "", i, "");
        }
        assertEquals(4, b.functionCount());
        return b;
    }

    private static void assertCallsEqual(List<Call> expected, List<Call> actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            Call e = expected.get(i);
            Call a = actual.get(i);
            assertEquals(List.of(e.caller(), e.callerLine(), e.callee(), e.calleeLine(), e.count()),
                    List.of(a.caller(), a.callerLine(), a.callee(), a.calleeLine(), a.count()), what);
            assertArrayEquals(e.inclusive(), a.inclusive(), what);
        }
    }

    /** In the in-order path too, a negative call count or inclusive cost is refused with the callee's name. */
    @Test
    void aNegativeCallInOrderIsRefusedWithTheCalleesName() {
        for (int bad = 0; bad < 2; bad++) {
            ProfileBuilder b = new ProfileBuilder(List.of(TIME, new CostType("Calls", "", "")));
            for (int i = 0; i < 3; i++) {
                b.function("f" + i, "m.py", "", i, "");
            }
            b.addCallOnce(0, 1, 1, 1, 1, new long[] {1, 1});
            b.addCallOnce(0, 1, 2, 2, bad == 0 ? -1 : 1, new long[] {2, bad == 1 ? -4 : 1});
            b.addCallOnce(1, 1, 2, 2, 1, new long[] {3, 1});
            IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
            assertEquals(bad == 0 ? "negative call count into f2" : "negative inclusive cost of a call to f2: -4",
                    e.getMessage());
        }
    }

    /** In the in-order path too, a negative self cost is refused with its own function's name, in any column. */
    @Test
    void aNegativeSelfCostInOrderIsRefusedWithItsFunctionsName() {
        ProfileBuilder b = new ProfileBuilder(List.of(TIME, new CostType("Calls", "", "")));
        for (int i = 0; i < 3; i++) {
            b.function("f" + i, "m.py", "", i, "");
        }
        b.addSelfOnce(0, 1, new long[] {1, 1});
        b.addSelfOnce(1, 1, new long[] {2, -4});
        b.addSelfOnce(2, 1, new long[] {3, 1});
        IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
        assertEquals("negative self cost of f1: -4", e.getMessage());
    }

    /** The built profile holds the builder's arrays, so the builder takes nothing more that would change them. */
    @Test
    void aBuiltBuilderRefusesEveryAdd() {
        ProfileBuilder b = new ProfileBuilder(List.of(TIME));
        int f = b.addFunctionOnce("f", "m.py", "", 1, "");
        b.addSelfOnce(f, 1, new long[] {5});
        b.addCallOnce(f, 2, f, 1, 1, new long[] {5});
        Profile p = b.build();
        assertThrows(IllegalStateException.class, () -> b.addSelfOnce(f, 2, new long[] {7}));
        assertThrows(IllegalStateException.class, () -> b.addSelf(f, 1, 0, 7));
        assertThrows(IllegalStateException.class, () -> b.addCallOnce(f, 3, f, 1, 1, new long[] {7}));
        assertThrows(IllegalStateException.class, () -> b.addCall(f, 2, f, 1, 1, 0, 7));
        assertThrows(IllegalStateException.class, () -> b.function("g", "m.py", "", 2, ""));
        assertThrows(IllegalStateException.class, () -> b.addFunctionOnce("g", "m.py", "", 2, ""));
        assertThrows(IllegalStateException.class, b::build);
        assertEquals(1, p.functions().size());
        assertArrayEquals(new long[] {5}, p.selfCosts().get(0).costs());
        assertEquals(1, p.calls().get(0).count());
    }

    @Test
    void aNegativeCallCountIsRefusedWithTheCalleesName() {
        ProfileBuilder b = new ProfileBuilder(List.of(TIME));
        int f = b.function("f", "a.py", "", 1, "");
        int g = b.function("g", "a.py", "", 9, "");
        b.addCall(f, 2, g, 9, -1, 0, 5);
        IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
        assertEquals("negative call count into g", e.getMessage());
    }

    private static int compareKeys(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < a.size(); i++) {
            int d = Integer.compare(a.get(i), b.get(i));
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }
}
