package prof2calltree.read.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import prof2calltree.model.CostType;
import prof2calltree.model.Function;
import prof2calltree.model.Profile;
import prof2calltree.model.Stack;

/**
 * Reads every committed JFR fixture and checks it against its sidecar, which a script wrote from
 * JDK 25's {@code jfr print} of each chunk on its own: one column per stack-bearing event type,
 * column totals, truncated stacks, the hottest leaves, and names KCacheGrind keeps apart.
 */
class JfrFixturesTest {
    static List<String> fixtures() throws Exception {
        List<String> all = JfrFixture.all();
        return all.isEmpty() ? List.of("jdk17-cpu.jfr") : all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void columnsAndTotalsMatchTheOracle(String name) throws Exception {
        JfrFixture fixture = JfrFixture.named(name);
        List<String> warnings = new ArrayList<>();
        Profile profile = fixture.read(JfrOptions.defaults(), warnings);

        List<EventKind> kinds = fixture.kindsWithStacks();
        assertEquals(kinds.stream().map(k -> k.costType).toList(), profile.costTypes(), "one column per event type");
        long[] totals = profile.totals();
        for (int c = 0; c < kinds.size(); c++) {
            JsonNode e = fixture.events(kinds.get(c).eventName);
            String what = kinds.get(c).eventName;
            if (kinds.get(c).weightField == null) {
                assertEquals(e.get("count").asLong(), totals[c], what + ": one per sample, with a stack or not");
            } else {
                assertEquals(e.get("weight").asLong(), totals[c], what + ": weight of all events");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachKindHasTheOraclesEventsLeavesAndTruncation(String name) throws Exception {
        JfrFixture fixture = JfrFixture.named(name);
        for (EventKind kind : fixture.kindsWithStacks()) {
            Profile profile = fixture.readKind(kind);
            JsonNode e = fixture.events(kind.eventName);
            long events = 0;
            long truncated = 0;
            for (Stack s : profile.stacks()) {
                events += s.events();
                Function root = profile.functions().get(s.functions()[0]);
                truncated += root.name().equals("[truncated stack]") ? s.events() : 0;
            }
            assertEquals(e.get("count").asLong(), events, kind.eventName + " events, with a stack or not");
            assertEquals(e.get("truncated").asLong(), truncated, kind.eventName + " truncated stacks");

            Map<String, Long> leaves = JfrFixture.leafEvents(profile);
            for (JsonNode top : fixture.oracle.get("top_leaf_methods").get(kind.eventName)) {
                String leaf = top.get(0).asText();
                assertEquals(top.get(1).asLong(), leaves.getOrDefault(leaf, 0L), kind.eventName + " leaf " + leaf);
            }
            if (kind.weightField == null) {
                Map<String, Long> self = JfrFixture.selfByName(profile, 0);
                for (JsonNode top : fixture.oracle.get("top_leaf_methods").get(kind.eventName)) {
                    assertEquals(top.get(1).asLong(), self.getOrDefault(top.get(0).asText(), 0L),
                            kind.eventName + " self samples of " + top.get(0).asText());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void warnsAboutWhatItLeavesOut(String name) throws Exception {
        JfrFixture fixture = JfrFixture.named(name);
        List<String> warnings = new ArrayList<>();
        fixture.read(JfrOptions.defaults(), warnings);
        long truncated = 0;
        for (EventKind kind : EventKind.values()) {
            JsonNode e = fixture.events(kind.eventName);
            if (e == null) {
                continue;
            }
            truncated += e.get("truncated").asLong();
            long noStack = e.get("count").asLong() - e.get("with_stack").asLong();
            String message = noStack + " " + kind.eventName + " events had no stack trace; their cost is under [no stack trace]";
            assertEquals(noStack > 0, warnings.contains(message), message + " in " + warnings);
        }
        String truncatedWarning = truncated + " of ";
        boolean warnedTruncated = warnings.stream().anyMatch(w -> w.startsWith(truncatedWarning)
                && w.contains("stack traces were truncated"));
        assertEquals(truncated > 0, warnedTruncated, warnings.toString());
        boolean incomplete = fixture.oracle.get("incomplete_chunks").asInt() > 0;
        assertEquals(incomplete, warnings.stream().anyMatch(w -> w.contains("is incomplete, probably cut short")),
                warnings.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void noTwoFunctionsLookTheSameToKCacheGrind(String name) throws Exception {
        Profile profile = JfrFixture.named(name).read(JfrOptions.defaults(), new ArrayList<>());
        Map<String, Function> seen = new HashMap<>();
        for (Function f : profile.functions()) {
            String base = f.file().substring(f.file().lastIndexOf('/') + 1);
            Function other = seen.put(f.name() + f.qualifier() + " @ " + base, f);
            assertEquals(null, other, "clash: " + f + " and " + other);
            assertFalse(f.name().isEmpty(), f.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void noCallCostsMoreThanItsColumn(String name) throws Exception {
        JfrFixture fixture = JfrFixture.named(name);
        assumeFalse(fixture.kindsWithStacks().isEmpty());
        Profile profile = fixture.read(JfrOptions.defaults(), new ArrayList<>());
        long[] totals = profile.totals();
        for (var call : profile.calls()) {
            for (int c = 0; c < totals.length; c++) {
                assertTrue(call.inclusive()[c] <= totals[c], call + " in " + CostType.class.getSimpleName()
                        + " " + profile.costTypes().get(c).name());
            }
        }
    }
}
