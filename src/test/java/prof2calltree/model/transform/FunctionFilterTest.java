package prof2calltree.model.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import prof2calltree.model.Call;
import prof2calltree.model.Function;
import prof2calltree.model.Profile;
import prof2calltree.model.ProfileBuilder;
import prof2calltree.read.Warnings;
import prof2calltree.testutil.Fixtures;

/** Dropped functions fold into their callers: totals stay, the dropped are gone, costs move to callers. */
class FunctionFilterTest {
    static FunctionFilter exclude(String... regex) {
        return new FunctionFilter(List.of(), Stream.of(regex).map(Pattern::compile).toList());
    }

    static FunctionFilter include(String... regex) {
        return new FunctionFilter(Stream.of(regex).map(Pattern::compile).toList(), List.of());
    }

    static Stream<Path> dumps() {
        return Fixtures.list("pstats", ".prof").stream();
    }

    @Test
    void stacksLoseTheirDroppedFramesAndKeepTheirCosts() {
        Profile p = Samples.stacks();
        Profile q = exclude("HashMap").apply(p);
        assertArrayEquals(p.totals(), q.totals());
        assertTrue(q.functions().stream().noneMatch(f -> f.name().contains("HashMap")));
        assertEquals(5, Profiles.selfAt(q, Profiles.named(q, "app.Main::work"), 20, 0), "getNode's samples at the call site");
        assertTrue(q.hasStacks());
        assertTrue(Rebuild.residual(q).isEmpty(), "calls derived from the stacks");
    }

    @Test
    void stacksWithNothingKeptGoUnderFiltered() {
        Profile p = Samples.stacks();
        Profile q = include("fib").apply(p);
        assertArrayEquals(p.totals(), q.totals());
        assertEquals(List.of("app.Main::fib", FunctionFilter.FILTERED), q.functions().stream().map(Function::name).toList());
        assertEquals(13, Profiles.selfAt(q, Profiles.named(q, FunctionFilter.FILTERED), 0, 0));
        assertEquals(1, q.calls().size(), "fib calling itself");
    }

    @Test
    void callGraphLeafFoldsIntoItsCaller() {
        Profile p = Samples.callGraph();
        Profile q = exclude("builtins\\.len").apply(p);
        assertArrayEquals(p.totals(), q.totals());
        assertEquals(25, Profiles.selfAt(q, Profiles.named(q, "helper"), 7, 0));
        assertEquals(6, q.functions().size());
        assertEquals(7, q.calls().size());
    }

    @Test
    void callGraphMiddleFunctionHandsItsCallsToItsCaller() {
        Profile p = Samples.callGraph();
        Profile q = exclude("^main$").apply(p);
        assertArrayEquals(p.totals(), q.totals());
        Function module = Profiles.named(q, "<module>");
        assertEquals(250, Profiles.selfAt(q, module, 2, 0));
        List<String> fromModule = new ArrayList<>();
        for (Call c : q.calls()) {
            if (c.caller() == module.id()) {
                assertEquals(2, c.callerLine());
                fromModule.add(q.functions().get(c.callee()).name() + " " + c.count() + " " + c.inclusive()[0]);
            }
        }
        assertEquals(List.of("fib 1 3000", "is_even 1 700", "helper 2 625"), fromModule);
    }

    @Test
    void callGraphSharesFollowTheIncomingCalls() {
        ProfileBuilder b = new ProfileBuilder(List.of(Samples.TIME));
        int a = b.function("a", "x.py", "", 1, "");
        int bb = b.function("b", "x.py", "", 10, "");
        int leaf = b.function("leaf", "x.py", "", 20, "");
        int m = b.function("m", "x.py", "", 30, "");
        b.addSelf(a, 2, 0, 0);
        b.addSelf(bb, 11, 0, 0);
        b.addSelf(leaf, 21, 0, 40);
        b.addSelf(m, 31, 0, 60);
        b.addCall(a, 3, leaf, 20, 1, 0, 75);
        b.addCall(bb, 12, leaf, 20, 3, 0, 25);
        b.addCall(leaf, 22, m, 30, 4, 0, 60);
        Profile q = exclude("^leaf$").apply(b.build());
        assertEquals(30, Profiles.selfAt(q, Profiles.named(q, "a"), 3, 0), "3/4 of the self cost, at the call site");
        assertEquals(10, Profiles.selfAt(q, Profiles.named(q, "b"), 12, 0));
        List<String> calls = q.calls().stream().map(c -> q.functions().get(c.caller()).name() + ":" + c.callerLine()
                + "->" + q.functions().get(c.callee()).name() + " " + c.count() + " " + c.inclusive()[0]).toList();
        assertEquals(List.of("a:3->m 1 45", "b:12->m 3 15"), calls, "costs by inclusive share, counts by call share");
    }

    @Test
    void sharesAreExactIntegers() {
        assertArrayEquals(new long[] {4, 3, 3}, Shares.split(10, new long[] {1, 1, 1}));
        assertArrayEquals(new long[] {3, 2}, Shares.split(5, new long[] {0, 0}));
        assertArrayEquals(new long[] {0, 1, 0}, Shares.split(1, new long[] {1, 2, 1}));
        long big = Long.MAX_VALUE / 2;
        assertArrayEquals(new long[] {big / 2 + 1, big / 2}, Shares.split(big, new long[] {big, big}));
    }

    @Test
    void callGraphRootGoesToFiltered() {
        Profile p = Samples.callGraph();
        Profile q = exclude("<module>").apply(p);
        assertArrayEquals(p.totals(), q.totals());
        Function filtered = Profiles.named(q, FunctionFilter.FILTERED);
        assertEquals(100, Profiles.selfAt(q, filtered, 0, 0));
        assertTrue(q.calls().stream().anyMatch(c -> c.caller() == filtered.id() && c.inclusive()[0] == 4575));
    }

    @Test
    void callGraphCyclesAndSharesAreExact() {
        Profile p = Samples.callGraph();
        for (String regex : List.of("^is_even$", "^is_", "^fib$", "app\\.py", ".")) {
            Profile q = exclude(regex).apply(p);
            assertArrayEquals(p.totals(), q.totals(), regex);
        }
        assertEquals(List.of(FunctionFilter.FILTERED),
                exclude(".").apply(p).functions().stream().map(Function::name).toList());
    }

    @Test
    void keepingEverythingChangesNothing() {
        Profile p = Samples.callGraph();
        assertSame(p, exclude("nothing matches this").apply(p));
        assertSame(p, include("app", "<built-in>").apply(p));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dumps")
    void realDumpsKeepTheirTotals(Path dump) throws Exception {
        Profile p = Fixtures.read(dump, Warnings.IGNORE);
        for (FunctionFilter filter : List.of(exclude("<built-in"), exclude("^fib$", "json"), exclude("importlib"),
                include("/src/app/"), include("^main$|^<module>$"))) {
            Profile q = filter.apply(p);
            assertArrayEquals(p.totals(), q.totals(), dump.toString());
            for (Function f : q.functions()) {
                assertTrue(filter.keeps(f) || f.name().equals(FunctionFilter.FILTERED), f.toString());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void recordingsKeepTheirTotalsAndStacks(Path recording) throws Exception {
        Profile p = Fixtures.read(recording, Warnings.IGNORE);
        for (FunctionFilter filter : List.of(exclude("^java\\."), exclude("Lambda", "::run$"), include("^CpuWork::"))) {
            Profile q = filter.apply(p);
            assertArrayEquals(p.totals(), q.totals(), recording.toString());
            assertTrue(q.hasStacks());
            assertTrue(Rebuild.residual(q).isEmpty());
            for (Function f : q.functions()) {
                assertTrue(filter.keeps(f) || f.name().equals(FunctionFilter.FILTERED), f.toString());
            }
        }
    }

    static Stream<Path> recordings() {
        return Fixtures.list("jfr", ".jfr").stream();
    }

    @Test
    void excludedLeafOfADumpMovesToItsCaller() throws Exception {
        Profile p = Fixtures.read(Fixtures.ROOT.resolve("pstats/py312-cprofile.prof"), Warnings.IGNORE);
        int checked = 0;
        for (Function leaf : p.functions()) {
            List<Call> in = p.calls().stream().filter(c -> c.callee() == leaf.id()).toList();
            boolean callsOut = p.calls().stream().anyMatch(c -> c.caller() == leaf.id());
            long sameName = p.functions().stream().filter(f -> f.name().equals(leaf.name())).count();
            if (in.size() != 1 || in.get(0).caller() == leaf.id() || callsOut || sameName > 1) {
                continue;
            }
            long self = Profiles.selfAt(p, leaf, leaf.line(), 0);
            if (self == 0) {
                continue;
            }
            Call call = in.get(0);
            Function caller = p.functions().get(call.caller());
            Profile q = exclude("^" + Pattern.quote(leaf.name()) + "$").apply(p);
            assertFalse(q.functions().stream().anyMatch(f -> f.name().equals(leaf.name())), leaf.name());
            Function after = q.functions().stream().filter(f -> Profiles.Key.of(f).equals(Profiles.Key.of(caller)))
                    .findFirst().orElseThrow();
            assertEquals(Profiles.selfAt(p, caller, call.callerLine(), 0) + self,
                    Profiles.selfAt(q, after, call.callerLine(), 0), leaf.name() + " into " + caller.name());
            assertArrayEquals(p.totals(), q.totals());
            checked++;
        }
        assertTrue(checked > 10, "leaves checked: " + checked);
    }
}
