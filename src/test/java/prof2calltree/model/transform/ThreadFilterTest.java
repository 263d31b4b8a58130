package prof2calltree.model.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SortedMap;
import java.util.regex.Pattern;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import prof2calltree.model.Function;
import prof2calltree.model.Profile;
import prof2calltree.model.ProfileBuilder;
import prof2calltree.read.Warnings;
import prof2calltree.testutil.Fixtures;

/** Thread selection and splitting: parts that add up to the whole, a clear error without stacks. */
class ThreadFilterTest {
    @Test
    void splitGivesOneProfilePerThreadThatAddUp() {
        Profile p = Samples.stacks();
        SortedMap<String, Profile> parts = ThreadFilter.splitByThread(p);
        assertEquals(List.of("", "main", "worker-1"), List.copyOf(parts.keySet()));
        assertArrayEquals(new long[] {10, 4608}, parts.get("main").totals());
        assertArrayEquals(new long[] {4, 1024}, parts.get("worker-1").totals());
        assertArrayEquals(new long[] {1, 0}, parts.get("").totals());
        assertEquals(List.of("java.lang.Thread::run", "weird;name\nx"),
                parts.get("").functions().stream().map(Function::name).toList(), "only the functions used");
        Profile back = ProfileMerger.merge(List.copyOf(parts.values()));
        assertArrayEquals(p.totals(), back.totals());
        assertEquals(p.calls().size(), back.calls().size());
    }

    static Stream<Path> recordings() {
        return Fixtures.list("jfr", ".jfr").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void recordingsSplitIntoThreadsThatMergeBack(Path recording) throws Exception {
        Profile p = Fixtures.read(recording, Warnings.IGNORE);
        assertTrue(Rebuild.residual(p).isEmpty(), "the reader builds everything from stacks");
        SortedMap<String, Profile> parts = ThreadFilter.splitByThread(p);
        assertTrue(parts.size() > 1, "threads: " + parts.keySet());
        Profile back = ProfileMerger.merge(List.copyOf(parts.values()));
        assertArrayEquals(p.totals(), back.totals());
        Profiles.calls(p).forEach((k, v) -> assertArrayEquals(v, Profiles.calls(back).get(k), k.toString()));
    }

    @Test
    void keepThreadsMatchesWholeNames() {
        Profile p = Samples.stacks();
        assertArrayEquals(new long[] {4, 1024}, ThreadFilter.keepThreads(p, Pattern.compile("worker-.*")).totals());
        assertArrayEquals(new long[] {0, 0}, ThreadFilter.keepThreads(p, Pattern.compile("work")).totals());
        assertArrayEquals(p.totals(), ThreadFilter.keepThreads(p, Pattern.compile(".*")).totals());
    }

    @Test
    void profilesWithoutStacksGiveAClearError() throws Exception {
        Profile dump = Fixtures.read(Fixtures.ROOT.resolve("pstats/py312-cprofile-threads.prof"), Warnings.IGNORE);
        UnsupportedTransformException e = assertThrows(UnsupportedTransformException.class,
                () -> ThreadFilter.splitByThread(dump));
        assertTrue(e.getMessage().startsWith("pstats dumps record a call graph, not threads"), e.getMessage());
        assertThrows(UnsupportedTransformException.class, () -> ThreadFilter.keepThreads(dump, Pattern.compile("a")));
        assertTrue(ThreadFilter.splitByThread(new ProfileBuilder(List.of(Samples.CPU)).build()).isEmpty());
    }
}
