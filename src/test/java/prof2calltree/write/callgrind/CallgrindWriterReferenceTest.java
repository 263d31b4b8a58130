package prof2calltree.write.callgrind;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import prof2calltree.model.Call;
import prof2calltree.model.CostType;
import prof2calltree.model.Function;
import prof2calltree.model.Profile;
import prof2calltree.model.SelfCost;

/**
 * The writer's bytes are those of the reference writer on random profiles: several cost
 * columns with trailing zeros, numbers near the ends of long, lines of every sign, names and
 * paths with newlines and non-ASCII characters, whole profiles and thread parts.
 */
class CallgrindWriterReferenceTest {
    private static final String[] NAMES = {"f", "g", "<module>", "w [x.py:1]", "caf\u00e9", "a\nb", "\u65e5\u672c",
        "emoji \ud83d\ude00", "lone \ud83d", "x".repeat(200)};
    private static final String[] PATHS = {"x.py", "/a/x.py", "/b/x.py", "c\\x.py", "", "~", "/p/\u00e9.py", "x\ny.py",
        "<built-in>"};
    private static final long[] NUMBERS = {0, 1, 9, 10, 99, 100, 12345, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L,
        999_999_999_999L, 1_000_000_000_000_000_000L, Long.MAX_VALUE, -1, Long.MIN_VALUE};

    private static Profile randomProfile(Random random) {
        int columns = random.nextInt(4);
        List<CostType> types = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            types.add(new CostType("E" + c, "ns", c == 1 ? "with\nnewline \u00e9" : "Event " + c));
        }
        int n = random.nextInt(60);
        List<Function> functions = new ArrayList<>();
        for (int id = 0; id < n; id++) {
            functions.add(new Function(id, pick(random, NAMES) + (random.nextBoolean() ? "" : id),
                    pick(random, PATHS), random.nextInt(3) == 0 ? "lib.so" : "", random.nextInt(9) - 1,
                    random.nextInt(4) == 0 ? "(int)" : ""));
        }
        List<SelfCost> selfCosts = new ArrayList<>();
        List<Call> calls = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            int line = random.nextInt(3) - 1;
            for (int k = random.nextInt(3); k > 0; k--) {
                selfCosts.add(new SelfCost(f, line, costs(random, columns)));
                line += 1 + random.nextInt(1000);
            }
            int callerLine = random.nextInt(3);
            for (int k = random.nextInt(4); k > 0; k--) {
                calls.add(new Call(f, callerLine, random.nextInt(n), random.nextInt(5) - 1,
                        NUMBERS[random.nextInt(NUMBERS.length)], costs(random, columns)));
                callerLine += random.nextInt(2);
            }
        }
        return new Profile(types, functions, selfCosts, calls, List.of());
    }

    private static long[] costs(Random random, int columns) {
        long[] values = new long[columns];
        for (int c = 0; c < columns; c++) {
            values[c] = random.nextInt(3) == 0 ? 0 : NUMBERS[random.nextInt(NUMBERS.length)];
        }
        return values;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    @Test
    void bytesAreThoseOfTheReferenceWriter() throws IOException {
        Random random = new Random(6);
        for (int round = 0; round < 500; round++) {
            Profile profile = randomProfile(random);
            CallgrindWriter.Part part = round % 4 == 0 ? new CallgrindWriter.Part(round, "main \u00e9\nthread") : null;
            String command = round % 3 == 0 ? "app\n\u00e9.prof" : "app.prof";
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            new ReferenceCallgrindWriter(part).write(profile, command, expected);
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            new CallgrindWriter(part).write(profile, command, actual);
            if (!java.util.Arrays.equals(expected.toByteArray(), actual.toByteArray())) {
                assertEquals(expected.toString(java.nio.charset.StandardCharsets.UTF_8),
                        actual.toString(java.nio.charset.StandardCharsets.UTF_8), "round " + round);
            }
            assertArrayEquals(expected.toByteArray(), actual.toByteArray(), "round " + round);
        }
    }

    /** A hand-made profile whose costs have more columns than cost types is refused, not misread. */
    @Test
    void costsOfAnotherWidthThanTheCostTypesAreRefused() {
        List<CostType> one = List.of(new CostType("Time", "ns", "Time"));
        List<Function> f = List.of(new Function(0, "f", "x.py", "", 1, ""));
        Profile wideSelf = new Profile(one, f, List.of(new SelfCost(0, 1, new long[] {1, 2})), List.of(), List.of());
        Profile wideCall = new Profile(one, f, List.of(new SelfCost(0, 1, new long[] {1})),
                List.of(new Call(0, 1, 0, 1, 1, new long[] {1, 2})), List.of());
        for (Profile p : List.of(wideSelf, wideCall)) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new CallgrindWriter().write(p, "x", new ByteArrayOutputStream()));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("for 1 cost types"), e.getMessage());
        }
    }
}
