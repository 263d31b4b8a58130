package prof2calltree.write.collapsed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import prof2calltree.model.Profile;
import prof2calltree.model.ProfileBuilder;
import prof2calltree.model.transform.Golden;
import prof2calltree.model.transform.Samples;
import prof2calltree.read.Warnings;
import prof2calltree.testutil.Fixtures;
import prof2calltree.write.OutputFormat;
import prof2calltree.write.UnsupportedOutputException;

/** Folded stacks: golden output, {@code frames value} lines that sum to the column, a clear error without stacks. */
class CollapsedWriterTest {
    private static final Pattern LINE = Pattern.compile("^.+ [0-9]+$");

    static String write(Profile p, int event, boolean threads) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CollapsedWriter(event, threads).write(p, "test", out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void matchesGoldenFiles() throws Exception {
        Golden.check("prof2calltree/write/collapsed/stacks.collapsed", () -> write(Samples.stacks(), 0, false));
        Golden.check("prof2calltree/write/collapsed/stacks-alloc-threads.collapsed",
                () -> write(Samples.stacks(), 1, true));
    }

    @Test
    void linesAreFramesAndAValueAndSumToTheColumnTotal() throws Exception {
        Profile p = Samples.stacks();
        for (int event = 0; event < 2; event++) {
            for (boolean threads : new boolean[] {false, true}) {
                String text = write(p, event, threads);
                assertTrue(text.endsWith("\n"));
                long sum = 0;
                List<String> lines = text.lines().toList();
                for (String line : lines) {
                    assertTrue(LINE.matcher(line).matches(), line);
                    assertTrue(!line.endsWith(" 0"), "zero values are left out: " + line);
                    sum += Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
                }
                assertEquals(p.totals()[event], sum, "column " + event);
                assertEquals(lines.stream().sorted().toList(), lines, "sorted");
                assertEquals(lines.stream().distinct().count(), lines.size(), "same stacks summed");
            }
        }
    }

    static Stream<Path> recordings() {
        return Fixtures.list("jfr", ".jfr").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void recordingsGiveLinesThatSumToEveryColumn(Path recording) throws Exception {
        Profile p = Fixtures.read(recording, Warnings.IGNORE);
        for (int event = 0; event < p.costTypes().size(); event++) {
            long sum = 0;
            for (String line : write(p, event, event % 2 == 0).lines().toList()) {
                assertTrue(LINE.matcher(line).matches(), line);
                sum += Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
            }
            assertEquals(p.totals()[event], sum, p.costTypes().get(event).name());
        }
    }

    @Test
    void namesAreCleanedAndThreadsPrefixed() throws Exception {
        String text = write(Samples.stacks(), 0, true);
        assertTrue(text.contains("[unknown thread];java.lang.Thread::run;weird,name x 1\n"), text);
        assertTrue(text.contains("main;app.Main::main;app.Main::fib;app.Main::fib;app.Main::fib 2\n"), text);
        // The two overloads of work() share a frame, so their stacks add up.
        assertTrue(write(Samples.stacks(), 1, false).contains("app.Main::main;app.Main::work 4608\n"));
    }

    @Test
    void pstatsDumpGivesTheClearError() throws Exception {
        Profile p = Fixtures.read(Fixtures.ROOT.resolve("pstats/py312-cprofile.prof"), Warnings.IGNORE);
        UnsupportedOutputException e = assertThrows(UnsupportedOutputException.class,
                () -> OutputFormat.COLLAPSED.newWriter().write(p, "py312-cprofile.prof", new ByteArrayOutputStream()));
        assertEquals("pstats dumps record a call graph, not stacks: --format collapsed needs a sampled profile (JFR)",
                e.getMessage());
        assertThrows(UnsupportedOutputException.class, () -> write(Samples.callGraph(), 0, false));
    }

    @Test
    void emptyProfileGivesEmptyOutput() throws Exception {
        assertEquals("", write(new ProfileBuilder(List.of(Samples.CPU)).build(), 0, false));
        Profile empty = Fixtures.read(Path.of(Fixtures.ROOT + "/pstats/py312-empty.prof"), Warnings.IGNORE);
        assertEquals("", write(empty, 0, false));
    }

    @Test
    void eventIndexMustExist() {
        assertThrows(IllegalArgumentException.class, () -> write(Samples.stacks(), 2, false));
        assertThrows(IllegalArgumentException.class, () -> new CollapsedWriter(-1, false));
    }
}
