package prof2calltree.read.pstats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import prof2calltree.model.Call;
import prof2calltree.model.Profile;
import prof2calltree.model.SelfCost;
import prof2calltree.read.BadInputException;
import prof2calltree.read.Progress;
import prof2calltree.testutil.Fixtures;

/**
 * The fast decoder against the generic path: on every fixture and on damaged copies of them,
 * it either declines (and the generic path runs) or gives exactly the profile and warnings the
 * generic path gives. It must not decline the usual dumps, or the fast path is never taken.
 */
class StatsDecoderTest {
    static Stream<Path> dumps() {
        return Fixtures.list("pstats", ".prof").stream();
    }

    /** A stream that gives a few bytes at a time, so that the decoder's window is refilled everywhere. */
    private static InputStream trickle(byte[] dump) {
        return new ByteArrayInputStream(dump) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
    }

    /** The fast path's outcome, decoding from memory and from a stream, which must agree; null if declined. */
    private static String fastOutcome(byte[] dump) throws IOException {
        String inMemory = fastOutcome(dump, new StatsDecoder(dump, Progress.NONE));
        String streamed = fastOutcome(dump, new StatsDecoder(trickle(dump), dump.length, Progress.NONE));
        assertEquals(inMemory, streamed, "decoded from memory and from a stream");
        return inMemory;
    }

    private static String fastOutcome(byte[] dump, StatsDecoder decoder) throws IOException {
        StatsTable table = decoder.decode();
        if (table == null) {
            return null;
        }
        List<String> warnings = new ArrayList<>();
        long trailing = decoder.trailing();
        if (trailing > 0) {
            warnings.add("ignored " + trailing + " bytes after the dump, from offset " + decoder.position());
        }
        return describe(table.toProfile(warnings::add), warnings);
    }

    /** The generic path's outcome: the profile and warnings as text, or the error message. */
    private static String genericOutcome(byte[] dump) {
        List<String> warnings = new ArrayList<>();
        try {
            return describe(PstatsReader.readGeneric(dump, warnings::add), warnings);
        } catch (BadInputException e) {
            return "error: " + e.getMessage();
        }
    }

    private static String describe(Profile profile, List<String> warnings) {
        StringBuilder b = new StringBuilder();
        profile.functions().forEach(f -> b.append(f).append('\n'));
        for (SelfCost s : profile.selfCosts()) {
            b.append("self ").append(s.function()).append(' ').append(s.line()).append(' ')
                    .append(Arrays.toString(s.costs())).append('\n');
        }
        for (Call c : profile.calls()) {
            b.append("call ").append(c.caller()).append(':').append(c.callerLine()).append(" -> ").append(c.callee())
                    .append(':').append(c.calleeLine()).append(" x").append(c.count()).append(' ')
                    .append(Arrays.toString(c.inclusive())).append('\n');
        }
        warnings.forEach(w -> b.append("warning ").append(w).append('\n'));
        return b.toString();
    }

    /** True if the fast path took the dump (and then gave what the generic path gives). */
    private static boolean assertSameOutcome(byte[] dump, String how) throws IOException {
        String fast = fastOutcome(dump);
        if (fast != null) {
            assertEquals(genericOutcome(dump), fast, how);
        }
        return fast != null;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void fixturesConvertAsTheGenericPathDoes(Path dump) throws Exception {
        byte[] bytes = Files.readAllBytes(dump);
        String name = dump.getFileName().toString();
        String fast = fastOutcome(bytes);
        // Only the profile module's -o dumps hold a code object, which is left to the generic path.
        if (!name.contains("-profile.")) {
            assertNotNull(fast, "the fast path declined " + name);
        }
        if (fast != null) {
            assertEquals(genericOutcome(bytes), fast);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void damagedFixturesConvertAsTheGenericPathDoes(Path dump) throws Exception {
        byte[] original = Files.readAllBytes(dump);
        // A dump the fast path declines whole (the profile module's) gives it nothing to compare.
        Assumptions.assumeTrue(fastOutcome(original) != null, "the fast path leaves this dump to the generic one");
        Random rnd = new Random(dump.getFileName().toString().hashCode());
        int taken = 0;
        byte[] codes = "()rRiIgzZaAutsl{0NTF[".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 300; i++) {
            byte[] b = original.clone();
            StringBuilder how = new StringBuilder();
            for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
                int at = rnd.nextInt(b.length);
                switch (rnd.nextInt(4)) {
                    case 0 -> b[at] ^= (byte) (1 << rnd.nextInt(8));
                    case 1 -> b[at] = codes[rnd.nextInt(codes.length)];
                    case 2 -> b[at] = (byte) (codes[rnd.nextInt(codes.length)] | 0x80);
                    default -> b[at] = (byte) rnd.nextInt(8);
                }
                how.append(' ').append(at);
            }
            if (assertSameOutcome(b, "changed at" + how)) {
                taken++;
            }
        }
        // Changes in costs and counts keep a dump well formed: some copies must be compared.
        assertTrue(taken > 0, "the fast path declined all 300 changed copies");
        for (int n = 0; n < original.length; n += Math.max(1, original.length / 97)) {
            // A dump cut short is never whole: the fast path must give up, not guess.
            assertNull(fastOutcome(Arrays.copyOf(original, n)), "first " + n + " bytes");
        }
        byte[] longer = Arrays.copyOf(original, original.length + 3);
        assertSameOutcome(longer, "three bytes added");
    }

    /** Builds marshal data by hand. */
    private static final class Dump {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Dump b(int... bytes) {
            for (int x : bytes) {
                out.write(x);
            }
            return this;
        }

        Dump i(int v) {
            return b('i', v & 0xff, v >>> 8 & 0xff, v >>> 16 & 0xff, v >>> 24);
        }

        Dump g(double v) {
            long bits = Double.doubleToLongBits(v);
            out.write('g');
            for (int k = 0; k < 8; k++) {
                out.write((int) (bits >>> (8 * k)) & 0xff);
            }
            return this;
        }

        Dump s(int code, String text) {
            byte[] t = text.getBytes(StandardCharsets.UTF_8);
            out.write(code);
            if ((code & 0x7f) == 'z' || (code & 0x7f) == 'Z') {
                out.write(t.length);
            } else {
                b(t.length & 0xff, t.length >>> 8 & 0xff, 0, 0);
            }
            out.write(t, 0, t.length);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    @Test
    void stringsOfEachKindAreEqualOnlyAsPythonSaysAndShownAsTheGenericPathShowsThem() throws Exception {
        // Python 2 style: an entry keyed by a byte string, called from a caller keyed by an equal str,
        // which is another tuple in Python, so another (unknown) caller that the builder merges.
        byte[] dump = new Dump().b('{')
                .b(')', 3).s('s', "caf\u00e9.py").i(1).s('t', "f")
                .b(')', 5).i(1).i(1).g(0.5).g(1.0)
                .b('{')
                .b(')', 3).s('u', "caf\u00e9.py").i(1).b('R', 0, 0, 0, 0)
                .b(')', 4).i(2).i(2).g(0.25).g(0.75)
                .b(')', 3).s('s', "caf\u00e9.py").i(1).s('a', "f")
                .b(')', 4).i(1).i(1).g(0.0).g(-0.5)
                .b('0')
                .b('0').bytes();
        String fast = fastOutcome(dump);
        assertNotNull(fast);
        assertEquals(genericOutcome(dump), fast);
    }

    /**
     * All strs (Python 3), so tuples are distinct functions and the builder skips its lookups,
     * except that pstats files built-ins under "~" or "", which both show as "<built-in>": two
     * such tuples of one name are one function, as the generic path makes them.
     */
    @Test
    void builtInsFiledUnderBothOfPstatsNamesAreOneFunction() throws Exception {
        for (String[] files : new String[][] {{"~", ""}, {"", "<built-in>"}, {"~", "~"}, {"~", "a.py"}}) {
            byte[] dump = new Dump().b('{')
                    .b(')', 3).s('z', files[0]).i(0).s('z', "<built-in method len>")
                    .b(')', 5).i(1).i(1).g(0.5).g(1.0)
                    .b('{')
                    .b(')', 3).s('z', files[1]).i(0).s('z', "<built-in method len>")
                    .b(')', 4).i(2).i(2).g(0.25).g(0.75)
                    .b('0')
                    .b(')', 3).s('z', "a.py").i(3).s('z', "main")
                    .b(')', 5).i(1).i(1).g(0.5).g(1.0)
                    .b('{').b('0')
                    .b('0').bytes();
            String fast = fastOutcome(dump);
            assertNotNull(fast);
            assertEquals(genericOutcome(dump), fast, String.join(" and ", files));
        }
    }

    @Test
    void backReferencesToKeysIntsAndStrings() throws Exception {
        // Python 3 style: the key tuple, its strings and an int flagged, then referred back to.
        byte[] dump = new Dump().b('{' | 0x80)
                .b(')' | 0x80, 3).s('Z' | 0x80, "a.py").b('i' | 0x80, 7, 0, 0, 0).s('z' | 0x80, "g")
                .b(')', 5).b('r', 3, 0, 0, 0).b('r', 3, 0, 0, 0).g(0.5).g(1.0)
                .b('{')
                .b('r', 1, 0, 0, 0).b(')', 4).b('r', 3, 0, 0, 0).i(1).g(0.25).g(0.75)
                .b(')', 3).b('r', 2, 0, 0, 0).i(9).b('r', 4, 0, 0, 0).i(3)
                .b('0')
                .b('0').bytes();
        String fast = fastOutcome(dump);
        assertNotNull(fast);
        assertEquals(genericOutcome(dump), fast);
    }

    @Test
    void declinesWhatOnlyTheGenericPathReads() throws Exception {
        byte[] code = new Dump().b('{').b(')', 3).s('z', "a.py").i(1).b('c').b('0').bytes();
        assertNull(new StatsDecoder(code, Progress.NONE).decode());
        byte[] toTheDict = new Dump().b('{' | 0x80).b('r', 0, 0, 0, 0).b('0').bytes();
        assertNull(new StatsDecoder(toTheDict, Progress.NONE).decode());
        byte[] nan = new Dump().b('{').b(')', 3).s('z', "a.py").i(1).s('z', "f")
                .b(')', 5).i(1).i(1).g(Double.NaN).g(1.0).b('{').b('0').b('0').bytes();
        assertNull(new StatsDecoder(nan, Progress.NONE).decode());
    }

    @Test
    void reportsProgressUpToTheWholeDump() throws Exception {
        byte[] dump = Files.readAllBytes(Fixtures.ROOT.resolve("pstats/py312-cprofile.prof"));
        long[] total = new long[1];
        new PstatsReader().read(writeTemp(dump), w -> { }, n -> total[0] += n);
        assertEquals(dump.length, total[0]);
        byte[] profile = Files.readAllBytes(Fixtures.ROOT.resolve("pstats/py312-profile.prof"));
        total[0] = 0;
        new PstatsReader().read(writeTemp(profile), w -> { }, n -> total[0] += n);
        assertEquals(profile.length, total[0]);
        byte[] longer = Arrays.copyOf(dump, dump.length + 5);
        total[0] = 0;
        List<String> warnings = new ArrayList<>();
        new PstatsReader().read(writeTemp(longer), warnings::add, n -> total[0] += n);
        assertEquals(longer.length, total[0]);
        assertEquals(List.of("ignored 5 bytes after the dump, from offset " + dump.length), warnings);
    }

    private static Path writeTemp(byte[] dump) throws Exception {
        Path p = Files.createTempFile("stats-decoder", ".prof");
        p.toFile().deleteOnExit();
        return Files.write(p, dump);
    }
}
