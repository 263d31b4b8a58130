package prof2calltree.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import prof2calltree.testutil.CallgrindFile;
import prof2calltree.testutil.Fixtures;

/** Scripts' and CI jobs' ways of running the tool: pipes, batches, merges and other formats. */
class PipelinesTest {
    @TempDir
    Path dir;

    private Path copy(String fixture, String as) throws Exception {
        Path p = dir.resolve(as);
        Files.createDirectories(p.getParent());
        Files.copy(Fixtures.ROOT.resolve(fixture), p);
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"pstats/py312-cprofile.prof", "jfr/jdk17-cpu.jfr"})
    void stdinToStdoutEqualsFileToFile(String fixture) throws Exception {
        copy(fixture, "in");
        CliRun file = CliRun.run(dir, "-i", "in", "-o", "out");
        assertEquals(0, file.exit(), file.err());
        byte[] input = Files.readAllBytes(dir.resolve("in"));
        CliRun pipe = CliRun.runWithInput(dir, input, "-i", "-", "-o", "-");
        assertEquals(0, pipe.exit(), pipe.err());
        String viaFile = Files.readString(dir.resolve("out")).replace("cmd: in\n", "cmd: X\n");
        String viaPipe = pipe.out().replace("cmd: stdin\n", "cmd: X\n");
        assertEquals(viaFile, viaPipe);
        CliRun gz = CliRun.runWithInput(dir, gzip(input), "-i", "-", "-o", "-");
        assertEquals(0, gz.exit(), gz.err());
        assertEquals(viaPipe, gz.out().replace("cmd: stdin\n", "cmd: X\n"), "gzipped input reads the same");
    }

    /** The process's own directory is Path.of(""), which prints as nothing: the summary names it. */
    @Test
    void aBatchIntoTheCurrentDirectorySaysSo() {
        CliRun r = CliRun.run(Path.of(""), "no-such-input-1.prof", "no-such-input-2.prof");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().strip().endsWith("converted 0 of 2 inputs into the current directory; 2 failed"), r.err());
    }

    @Test
    void batchOfMixedInputsWritesOneFileEachAndSurvivesABadOne() throws Exception {
        copy("pstats/py27-cprofile.prof", "a/app.prof");
        copy("pstats/py313-profile.prof", "b/app.prof");
        copy("jfr/jdk17-lock.jfr", "lock.jfr");
        Files.writeString(dir.resolve("bad.prof"), "not a profile");
        CliRun r = CliRun.run(dir, "a/app.prof", "b/app.prof", "lock.jfr", "bad.prof", "-d", "out", "-j", "2");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("bad.prof: not a pstats dump or JFR recording"), r.err());
        assertTrue(r.err().strip().endsWith("converted 3 of 4 inputs into " + dir.resolve("out") + "; 1 failed"), r.err());
        try (Stream<Path> s = Files.list(dir.resolve("out"))) {
            assertEquals(List.of("callgrind.out.a_app.prof", "callgrind.out.b_app.prof", "callgrind.out.lock.jfr"),
                    s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        for (String f : List.of("callgrind.out.a_app.prof", "callgrind.out.b_app.prof", "callgrind.out.lock.jfr")) {
            CallgrindFile.parse(Files.readString(dir.resolve("out").resolve(f)));
        }
    }

    @Test
    void mergeSumsSelfCostsOfTheParts() throws Exception {
        copy("pstats/py312-cprofile.prof", "one.prof");
        copy("pstats/py312-cprofile-threads.prof", "two.prof");
        Map<String, Long> expected = new HashMap<>();
        for (String part : List.of("one.prof", "two.prof")) {
            CliRun r = CliRun.run(dir, part, "-o", "-");
            assertEquals(0, r.exit(), r.err());
            CallgrindFile cg = CallgrindFile.parse(r.out());
            cg.functions.values().forEach(f -> expected.merge(identity(f), f.selfTotal(0), Long::sum));
        }
        CliRun merged = CliRun.run(dir, "--merge", "one.prof", "two.prof", "-o", "-");
        assertEquals(0, merged.exit(), merged.err());
        CallgrindFile cg = CallgrindFile.parse(merged.out());
        Map<String, Long> actual = new HashMap<>();
        cg.functions.values().forEach(f -> actual.merge(identity(f), f.selfTotal(0), Long::sum));
        assertEquals(expected, actual);
    }

    /** A function's identity across outputs whose tags may differ: file, def line and plain name. */
    private static String identity(CallgrindFile.Fn f) {
        String name = f.key.name().replaceFirst(" \\[.*\\]$", "");
        return f.key.file() + ":" + (f.self.isEmpty() ? -1 : f.self.firstKey()) + ":" + name;
    }

    @Test
    void collapsedOutputIsFramesAndACount() throws Exception {
        copy("jfr/jdk17-cpu.jfr", "cpu.jfr");
        CliRun r = CliRun.run(dir, "cpu.jfr", "--format", "collapsed", "-o", "-");
        assertEquals(0, r.exit(), r.err());
        long sum = 0;
        for (String line : r.out().split("\n")) {
            assertTrue(line.matches("[^ ].* [0-9]+"), line);
            sum += Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
        }
        CallgrindFile cg = CallgrindFile.parse(CliRun.run(dir, "cpu.jfr", "-o", "-").out());
        assertEquals(cg.totals[0], sum, "folded counts add up to the first column's total");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pstats/py312-cprofile.prof", "jfr/jdk25-cpu.jfr"})
    void jsonTotalsMatchTheCallgrindTotals(String fixture) throws Exception {
        copy(fixture, "in");
        CliRun json = CliRun.run(dir, "in", "--format", "json", "-o", "-");
        assertEquals(0, json.exit(), json.err());
        JsonNode root = new ObjectMapper().readTree(json.out());
        CallgrindFile cg = CallgrindFile.parse(CliRun.run(dir, "in", "-o", "-").out());
        long[] totals = new long[root.get("totals").size()];
        for (int i = 0; i < totals.length; i++) {
            totals[i] = root.get("totals").get(i).asLong();
        }
        assertArrayEquals(cg.totals, totals);
        assertEquals(cg.functions.size(), root.get("functions").size());
    }

    @Test
    void topPrintsATableAndWritesNoFile() throws Exception {
        copy("pstats/py312-cprofile.prof", "app.prof");
        CliRun r = CliRun.run(dir, "--top", "5", "app.prof");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("top 5 by self cost"), r.out());
        List<String> lines = r.out().lines().toList();
        int rows = lines.subList(2, lines.size()).indexOf("");
        assertEquals(5, rows < 0 ? lines.size() - 2 : rows, "a title, a header and five rows:\n" + r.out());
        CallgrindFile cg = CallgrindFile.parse(CliRun.run(dir, "app.prof", "-o", "-").out());
        CallgrindFile.Fn costliest = cg.functions.values().stream()
                .max(java.util.Comparator.comparingLong(f -> f.selfTotal(0))).orElseThrow();
        String name = costliest.key.name().replaceFirst(" \\[.*\\]$", "");
        assertTrue(lines.get(2).contains(name), "the first row is " + name + ":\n" + r.out());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(1, s.count(), "no output file");
        }
    }

    @Test
    void defaultOutputNamesFollowTheFormat() throws Exception {
        copy("pstats/py312-cprofile.prof", "app.prof");
        assertEquals(0, CliRun.run(dir, "app.prof", "--format", "json").exit());
        assertTrue(Files.exists(dir.resolve("app.prof.json")));
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
