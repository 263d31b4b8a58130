package prof2calltree.read.pstats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import prof2calltree.testutil.CallgrindFile;
import prof2calltree.testutil.CallgrindFile.CallRecord;
import prof2calltree.testutil.CallgrindFile.Fn;
import prof2calltree.testutil.CallgrindFile.Key;
import prof2calltree.testutil.Fixtures;

/**
 * Converts every pstats fixture and checks the callgrind file, re-read independently, against
 * the oracle the fixture script wrote with the Python that made the dump: one function per
 * entry, self time and per-caller inclusive time within 1 ns, call counts equal, and no two
 * functions that KCacheGrind would merge.
 */
class PstatsFixturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> dumps() {
        return Fixtures.list("pstats", ".prof").stream();
    }

    @Test
    void fixturesCoverEveryPythonAndBothProfilers() {
        Set<String> names = new HashSet<>();
        dumps().forEach(p -> names.add(p.getFileName().toString()));
        for (String v : List.of("27", "36", "37", "38", "39", "310", "311", "312", "313")) {
            assertTrue(names.contains("py" + v + "-cprofile.prof"), "missing cProfile fixture for " + v);
            assertTrue(names.contains("py" + v + "-profile.prof"), "missing profile fixture for " + v);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void matchesWhatPythonRead(Path dump) throws Exception {
        JsonNode oracle = JSON.readTree(Path.of(dump + ".json").toFile());
        CallgrindFile cg = CallgrindFile.parse(Fixtures.callgrind(dump));
        boolean cprofile = oracle.get("profiler").asText().equals("cProfile");

        JsonNode entries = oracle.get("entries");
        assertEquals(entries.size(), cg.functions.size(), "one callgrind function per pstats entry");
        assertEquals(List.of("Time"), cg.events);
        assertArrayEquals(cg.selfSum(), cg.summary, "summary: is the sum of self costs");
        assertArrayEquals(cg.selfSum(), cg.totals, "totals: is the sum of self costs");

        Map<String, Fn> byEntry = match(cg, entries);
        int edges = 0;
        for (JsonNode e : entries) {
            Fn fn = byEntry.get(entryKey(e));
            long expectedSelf = nanos(e.get("tt").asDouble());
            assertEquals(expectedSelf, fn.selfTotal(0), 1, () -> "self time of " + fn.key);
            assertEquals(1, fn.self.size(), () -> fn.key + " has its cost on one line");
            assertEquals(e.get("line").asInt(), fn.self.firstKey(), () -> fn.key + " cost sits on its def line");
            long callerCalls = 0;
            for (JsonNode c : e.get("callers")) {
                if (c.has("count")) {
                    callerCalls += c.get("count").asLong();
                }
            }
            for (JsonNode c : e.get("callers")) {
                edges++;
                Fn caller = byEntry.get(entryKey(c));
                assertNotNull(caller, () -> "caller " + entryKey(c) + " is a function");
                List<CallRecord> calls = caller.calls.stream().filter(r -> r.callee().equals(fn.key)).toList();
                assertEquals(1, calls.size(), () -> "one call from " + caller.key + " to " + fn.key);
                CallRecord call = calls.get(0);
                if (cprofile) {
                    assertEquals(c.get("nc").asLong(), call.count(), "call count is the edge's nc");
                    assertEquals(nanos(c.get("ct").asDouble()), call.inclusive()[0], 1, "inclusive time of the edge");
                } else {
                    long count = c.get("count").asLong();
                    assertEquals(count, call.count());
                    double share = callerCalls == 0 ? 0 : (double) count / callerCalls;
                    long expected = Math.max(0, Math.round(e.get("ct").asDouble() * 1e9 * share));
                    assertEquals(expected, call.inclusive()[0], 1, "the callee's time split by calls");
                }
                assertEquals(e.get("line").asInt(), call.calleeLine());
                assertEquals(c.get("line").asInt(), call.callerLine());
            }
        }
        int calls = cg.functions.values().stream().mapToInt(f -> f.calls.size()).sum();
        assertEquals(edges, calls, "one call per caller edge");

        Set<String> identities = new HashSet<>();
        for (Key key : cg.functions.keySet()) {
            assertTrue(identities.add(CallgrindFile.identity(key)), () -> "KCacheGrind would merge " + key);
        }
    }

    private static long nanos(double seconds) {
        return Math.max(0, Math.round(seconds * 1e9));
    }

    private static String file(JsonNode e) {
        String f = e.get("file").asText();
        return f.equals("~") || f.isEmpty() ? "<built-in>" : f;
    }

    private static String entryKey(JsonNode e) {
        String name = e.get("name").isNull() ? "code:" + e.get("code_name").asText() : e.get("name").asText();
        return e.get("file").asText() + "\u0000" + e.get("line").asInt() + "\u0000" + name;
    }

    /** Finds each entry's function by file, def line and name (possibly with a tag appended). */
    private static Map<String, Fn> match(CallgrindFile cg, JsonNode entries) {
        Map<String, List<Fn>> byFileLine = new HashMap<>();
        for (Fn fn : cg.functions.values()) {
            int line = fn.self.isEmpty() ? -1 : fn.self.firstKey();
            byFileLine.computeIfAbsent(fn.key.file() + "\u0000" + line, k -> new ArrayList<>()).add(fn);
        }
        Map<String, Fn> result = new HashMap<>();
        Set<Fn> used = new HashSet<>();
        for (JsonNode e : entries) {
            List<Fn> candidates = byFileLine.getOrDefault(file(e) + "\u0000" + e.get("line").asInt(), List.of());
            Fn found = null;
            for (Fn fn : candidates) {
                String n = fn.key.name();
                boolean matches = e.get("name").isNull()
                        ? n.startsWith("<profile: " + e.get("code_name").asText())
                        : n.equals(e.get("name").asText()) || n.startsWith(e.get("name").asText() + " [");
                if (matches && !used.contains(fn)) {
                    found = fn;
                    break;
                }
            }
            assertNotNull(found, () -> "no callgrind function for entry " + e);
            used.add(found);
            result.put(entryKey(e), found);
        }
        return result;
    }
}
