package prof2calltree.model.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import prof2calltree.model.CostType;
import prof2calltree.model.Profile;
import prof2calltree.model.ProfileBuilder;
import prof2calltree.model.transform.Profiles.CallKey;
import prof2calltree.model.transform.Profiles.Key;
import prof2calltree.read.Warnings;
import prof2calltree.testutil.Fixtures;

/** Merged profiles cost the sums of their parts: per function, per call, and in total. */
class ProfileMergerTest {
    static Profile dump(String name) throws Exception {
        return Fixtures.read(Fixtures.ROOT.resolve(Path.of("pstats", name)), Warnings.IGNORE);
    }

    @Test
    void twoDumpsGiveSelfCostsThatSumThoseOfTheParts() throws Exception {
        Profile a = dump("py312-cprofile.prof");
        Profile b = dump("py312-cprofile-threads.prof");
        Profile merged = ProfileMerger.merge(List.of(a, b));
        Map<Key, long[]> sa = Profiles.self(a);
        Map<Key, long[]> sb = Profiles.self(b);
        Map<Key, long[]> sm = Profiles.self(merged);
        assertEquals(merged.functions().size(), sm.size(), "one function per identity");
        assertTrue(sm.size() < sa.size() + sb.size(), "shared functions are one function");
        for (Map.Entry<Key, long[]> e : sm.entrySet()) {
            long expected = sa.getOrDefault(e.getKey(), new long[1])[0] + sb.getOrDefault(e.getKey(), new long[1])[0];
            assertEquals(expected, e.getValue()[0], e.getKey().toString());
        }
        Map<CallKey, long[]> ca = Profiles.calls(a);
        Map<CallKey, long[]> cb = Profiles.calls(b);
        Profiles.calls(merged).forEach((k, v) -> {
            long[] x = ca.getOrDefault(k, new long[2]);
            long[] y = cb.getOrDefault(k, new long[2]);
            assertArrayEquals(new long[] {x[0] + y[0], x[1] + y[1]}, v, k.toString());
        });
        assertEquals(a.totals()[0] + b.totals()[0], merged.totals()[0]);
        assertFalse(merged.hasStacks());
    }

    @Test
    void mergingAProfileWithItselfDoublesEverything() throws Exception {
        for (Profile p : List.of(dump("py312-cprofile.prof"), Samples.callGraph(), Samples.stacks())) {
            Profile twice = ProfileMerger.merge(List.of(p, p));
            assertEquals(p.functions(), twice.functions(), "same functions, same ids");
            assertEquals(p.selfCosts().size(), twice.selfCosts().size());
            for (int i = 0; i < p.selfCosts().size(); i++) {
                assertArrayEquals(times(2, p.selfCosts().get(i).costs()), twice.selfCosts().get(i).costs());
            }
            assertEquals(p.calls().size(), twice.calls().size());
            for (int i = 0; i < p.calls().size(); i++) {
                assertEquals(2 * p.calls().get(i).count(), twice.calls().get(i).count());
                assertArrayEquals(times(2, p.calls().get(i).inclusive()), twice.calls().get(i).inclusive());
            }
            assertArrayEquals(times(2, p.totals()), twice.totals());
            assertEquals(p.stacks().size(), twice.stacks().size(), "identical stacks summed");
            assertEquals(2 * p.stacks().stream().mapToLong(s -> s.events()).sum(),
                    twice.stacks().stream().mapToLong(s -> s.events()).sum());
        }
    }

    @Test
    void costTypesAreUnitedByNameAndStacksKeptOnlyWhenAllHaveThem() {
        Profile merged = ProfileMerger.merge(List.of(Samples.stacks(), Samples.callGraph()));
        assertEquals(List.of(Samples.CPU, Samples.ALLOC, Samples.TIME), merged.costTypes());
        assertArrayEquals(new long[] {15, 5632, 4675}, merged.totals());
        assertFalse(merged.hasStacks());
        Profile stacks = ProfileMerger.merge(List.of(Samples.stacks(), new ProfileBuilder(List.of()).build()));
        assertTrue(stacks.hasStacks(), "an empty part does not cost the stacks");
        assertTrue(Rebuild.residual(stacks).isEmpty());
    }

    @Test
    void costsBeyondTheStacksAreKept() {
        ProfileBuilder b = new ProfileBuilder(List.of(Samples.CPU));
        int f = b.function("f", "F.java", "", 0, "");
        int g = b.function("g", "F.java", "", 0, "");
        b.addStack(new int[] {f, g}, new int[] {1, 2}, "main", 3, new long[] {3});
        b.addSelf(f, 7, 0, 5);
        Profile p = b.build();
        assertFalse(Rebuild.residual(p).isEmpty());
        Profile twice = ProfileMerger.merge(List.of(p, p));
        assertArrayEquals(new long[] {16}, twice.totals());
        assertEquals(10, Profiles.selfAt(twice, twice.functions().get(f), 7, 0));
        assertEquals(6, twice.calls().get(0).count());
    }

    @Test
    void refusesWhatItCannotMerge() {
        Profile ns = new ProfileBuilder(List.of(new CostType("Time", "ns", "Time (ns)"))).build();
        Profile us = new ProfileBuilder(List.of(new CostType("Time", "us", "Time (us)"))).build();
        UnsupportedTransformException e = assertThrows(UnsupportedTransformException.class,
                () -> ProfileMerger.merge(List.of(ns, us)));
        assertEquals("cannot merge cost Time: it is counted in ns in one profile and in us in another", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProfileMerger.merge(List.of()));
    }

    static long[] times(long k, long[] v) {
        long[] r = v.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] *= k;
        }
        return r;
    }
}
