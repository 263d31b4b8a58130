package prof2calltree.read.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import prof2calltree.model.Call;
import prof2calltree.model.Function;
import prof2calltree.model.Profile;
import prof2calltree.model.SelfCost;
import prof2calltree.read.BadInputException;

/** Joined and cut recordings, recursion, and the same output whatever the parallelism. */
class JfrRecordingsTest {
    /** Self cost per "column function(qualifier):line", for comparing profiles whose ids differ. */
    private static Map<String, Long> selfCosts(Profile p) {
        Map<String, Long> out = new TreeMap<>();
        for (SelfCost c : p.selfCosts()) {
            Function f = p.functions().get(c.function());
            for (int i = 0; i < c.costs().length; i++) {
                out.merge(p.costTypes().get(i).name() + " " + f.name() + f.qualifier() + ":" + c.line(),
                        c.costs()[i], Long::sum);
            }
        }
        out.values().removeIf(v -> v == 0);
        return out;
    }

    private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new TreeMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }

    @ParameterizedTest(name = "{0} = {1} + {2}")
    @CsvSource({"joined-17-17.jfr, jdk17-cpu.jfr, jdk17-alloc.jfr", "joined-17-25.jfr, jdk17-cpu.jfr, jdk25-cpu.jfr"})
    void aJoinedFileIsTheSumOfItsParts(String joined, String first, String second) throws Exception {
        JfrFixture whole = JfrFixture.named(joined);
        JfrFixture a = JfrFixture.named(first);
        JfrFixture b = JfrFixture.named(second);
        JfrOptions options = JfrOptions.defaults();
        Map<String, Long> parts = sum(selfCosts(a.read(options, new ArrayList<>())),
                selfCosts(b.read(options, new ArrayList<>())));
        assertEquals(parts, selfCosts(whole.read(options, new ArrayList<>())), "every function and line");

        Iterator<Map.Entry<String, JsonNode>> it = whole.oracle.get("events").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            for (String key : List.of("count", "with_stack", "truncated", "weight")) {
                long expected = value(a, e.getKey(), key) + value(b, e.getKey(), key);
                assertEquals(expected, e.getValue().get(key).asLong(), "sidecar " + e.getKey() + "." + key);
            }
        }
    }

    private static long value(JfrFixture f, String event, String key) {
        JsonNode e = f.events(event);
        return e == null ? 0 : e.get(key).asLong();
    }

    @Test
    void aCutFileConvertsTheChunksBeforeTheCut() throws Exception {
        JfrFixture cut = JfrFixture.named("cut-last-chunk.jfr");
        JfrFixture first = JfrFixture.named("jdk17-cpu.jfr");
        List<String> warnings = new ArrayList<>();
        Profile profile = cut.read(JfrOptions.defaults(), warnings);
        long offset = cut.oracle.get("chunk_list").get(1).get("offset").asLong();
        assertTrue(warnings.contains("the last chunk (at offset " + offset
                + ") is incomplete, probably cut short; converted the 1 chunk before it"), warnings.toString());
        assertEquals(selfCosts(first.read(JfrOptions.defaults(), new ArrayList<>())), selfCosts(profile));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"jdk17-cpu.jfr", "jdk25-cpu.jfr", "asprof-cpu.jfr"})
    void recursionIsNotCountedTwice(String name) throws Exception {
        Profile p = JfrFixture.named(name).read(JfrOptions.defaults(), new ArrayList<>());
        long total = p.totals()[0];
        for (String recursive : List.of("CpuWork::fib", "CpuWork::deep")) {
            long inclusive = 0;
            boolean recursed = false;
            for (Call c : p.calls()) {
                String callee = p.functions().get(c.callee()).name();
                String caller = p.functions().get(c.caller()).name();
                if (callee.equals(recursive)) {
                    recursed |= caller.equals(recursive);
                    inclusive += caller.equals(recursive) ? 0 : c.inclusive()[0];
                }
            }
            assertTrue(inclusive <= total, recursive + " inclusive " + inclusive + " > total " + total);
            assertTrue(recursed, recursive + " never calls itself in " + name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"jdk17-multichunk.jfr", "joined-17-25.jfr"})
    void parallelReadingGivesTheSameProfile(String name) throws Exception {
        JfrFixture f = JfrFixture.named(name);
        Profile one = f.read(new JfrOptions(Set.of(), null, null, null, 1), new ArrayList<>());
        Profile four = f.read(new JfrOptions(Set.of(), null, null, null, 4), new ArrayList<>());
        assertEquals(one.functions(), four.functions(), "same functions with the same ids");
        assertEquals(describe(one), describe(four));
    }

    @Test
    void aCorruptChunkBetweenGoodOnesFailsWithItsOffsetWhateverTheParallelism(@TempDir Path dir) throws Exception {
        // jdk17-multichunk.jfr: chunks at offsets 0, 216293 and 411163. The middle one's first
        // event, after the 68-byte header, is given a size of 0. What this checks is the message
        // and that the read ends: the chunk after it, waiting for its turn, is also stopped by
        // the pool's shutdown; TurnsTest checks that a failed turn stops it by itself.
        byte[] bytes = Files.readAllBytes(JfrFixture.named("jdk17-multichunk.jfr").file);
        bytes[216293 + 68] = 0;
        Path file = dir.resolve("corrupt-middle.jfr");
        Files.write(file, bytes);
        for (int parallelism : new int[] {1, 4}) {
            JfrOptions options = new JfrOptions(Set.of(), null, null, null, parallelism);
            BadInputException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(BadInputException.class, () -> new JfrReader(options).read(file, w -> {})));
            assertTrue(e.getMessage().startsWith("offset 216293: cannot read this chunk"), e.getMessage());
        }
    }

    /** Everything in a profile except its stacks (whose order is unspecified), as text. */
    static String describe(Profile p) {
        StringBuilder sb = new StringBuilder(p.costTypes().toString()).append('\n');
        for (SelfCost c : p.selfCosts()) {
            sb.append(c.function()).append(':').append(c.line()).append(java.util.Arrays.toString(c.costs())).append('\n');
        }
        for (Call c : p.calls()) {
            sb.append(c.caller()).append(':').append(c.callerLine()).append(" -> ").append(c.callee())
                    .append(" x").append(c.count()).append(java.util.Arrays.toString(c.inclusive())).append('\n');
        }
        return sb.toString();
    }
}
