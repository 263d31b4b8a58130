package prof2calltree.write.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import prof2calltree.model.Profile;
import prof2calltree.model.transform.Golden;
import prof2calltree.model.transform.Samples;
import prof2calltree.read.Warnings;
import prof2calltree.testutil.CallgrindFile;
import prof2calltree.testutil.Fixtures;
import prof2calltree.write.OutputFormat;

/** The JSON shape: golden output, parsed back with Jackson, totals that match the callgrind file's. */
class JsonWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static String write(Profile p, String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputFormat.JSON.newWriter().write(p, command, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static Stream<Path> dumps() {
        return Stream.concat(Fixtures.list("pstats", ".prof").stream(), Fixtures.list("jfr", ".jfr").stream());
    }

    @Test
    void matchesGoldenFiles() throws Exception {
        Golden.check("prof2calltree/write/json/stacks.json", () -> write(Samples.stacks(), "stacks"));
        Golden.check("prof2calltree/write/json/call-graph.json", () -> write(Samples.callGraph(), "call-graph"));
        Path dump = Fixtures.ROOT.resolve("pstats/py312-cprofile-threads.prof");
        Golden.check("prof2calltree/write/json/py312-cprofile-threads.prof.json",
                () -> write(Fixtures.read(dump, Warnings.IGNORE), "py312-cprofile-threads.prof"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void parsesAndItsTotalsMatchTheCallgrindFile(Path dump) throws Exception {
        Profile p = Fixtures.read(dump, Warnings.IGNORE);
        JsonNode root = MAPPER.readTree(write(p, dump.getFileName().toString()));
        checkShape(root, p);
        CallgrindFile cg = CallgrindFile.parse(Fixtures.callgrind(p, "x"));
        assertArrayEquals(cg.totals, longs(root.get("totals")));
    }

    @Test
    void namesAreUtf8NotEscaped() throws Exception {
        Profile p = Fixtures.read(Fixtures.ROOT.resolve("pstats/py312-cprofile.prof"), Warnings.IGNORE);
        String text = write(p, "py312-cprofile.prof");
        assertTrue(text.contains("/src/app/\u00fcn\u00efc\u00f6d\u00e9_dir/"), "non-ASCII written as UTF-8");
        assertTrue(MAPPER.readTree(text).get("functions").toString().contains("\u00fcn\u00efc\u00f6d\u00e9_dir"));
    }

    @Test
    void stacksAreWrittenWithNewIds() throws Exception {
        Profile p = Samples.stacks();
        JsonNode root = MAPPER.readTree(write(p, "stacks"));
        checkShape(root, p);
        assertEquals(p.stacks().size(), root.get("stacks").size());
        long[] sum = new long[2];
        for (JsonNode s : root.get("stacks")) {
            long[] costs = longs(s.get("costs"));
            sum[0] += costs[0];
            sum[1] += costs[1];
            JsonNode frames = s.get("functions");
            JsonNode leaf = root.get("functions").get(frames.get(frames.size() - 1).asInt());
            assertTrue(leaf.get("selfByLine").size() > 0, "a leaf has self cost: " + leaf);
        }
        assertArrayEquals(p.totals(), sum);
    }

    /** Totals equal the summed self costs, ids run 0.. in the documented order, calls point at functions. */
    static void checkShape(JsonNode root, Profile p) {
        assertEquals("prof2calltree-profile", root.get("format").asText());
        assertEquals(1, root.get("version").asInt());
        assertEquals(p.costTypes().size(), root.get("costTypes").size());
        long[] totals = longs(root.get("totals"));
        assertArrayEquals(p.totals(), totals);
        long[] sum = new long[totals.length];
        long[] byLine = new long[totals.length];
        JsonNode functions = root.get("functions");
        assertEquals(p.functions().size(), functions.size());
        String previous = null;
        for (int i = 0; i < functions.size(); i++) {
            JsonNode f = functions.get(i);
            assertEquals(i, f.get("id").asInt());
            String order = f.get("file").asText() + "\u0000" + String.format("%010d", f.get("line").asInt());
            assertTrue(previous == null || previous.compareTo(order) <= 0, "sorted by file, line");
            previous = order;
            long[] self = longs(f.get("self"));
            for (int k = 0; k < totals.length; k++) {
                sum[k] += self[k];
            }
            for (JsonNode line : f.get("selfByLine")) {
                long[] c = longs(line.get("costs"));
                for (int k = 0; k < totals.length; k++) {
                    byLine[k] += c[k];
                }
            }
        }
        assertArrayEquals(totals, sum);
        assertArrayEquals(totals, byLine);
        assertEquals(p.calls().size(), root.get("calls").size());
        for (JsonNode c : root.get("calls")) {
            assertTrue(c.get("caller").asInt() < functions.size() && c.get("callee").asInt() < functions.size());
            assertTrue(c.get("count").isIntegralNumber());
            assertEquals(totals.length, c.get("inclusive").size());
        }
    }

    static long[] longs(JsonNode array) {
        long[] v = new long[array.size()];
        for (int i = 0; i < v.length; i++) {
            assertTrue(array.get(i).isIntegralNumber(), "an integer: " + array.get(i));
            v[i] = array.get(i).asLong();
        }
        return v;
    }
}
