package prof2calltree.read.jfr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import prof2calltree.model.CostType;
import prof2calltree.model.Profile;
import prof2calltree.model.Stack;
import prof2calltree.read.BadInputException;

/** Options, filters, corrupt chunks and recordings without supported events. */
class JfrReaderTest {
    @TempDir
    Path dir;

    private static JfrOptions options(Pattern threads, Duration from, Duration to) {
        return new JfrOptions(Set.of(), threads, from, to, 2);
    }

    @Test
    void optionsRejectWhatCannotWork() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new JfrOptions(Set.of("jdk.GCPhasePause"), null, null, null, 1));
        assertTrue(e.getMessage().startsWith("unknown JFR event type jdk.GCPhasePause (supported: jdk.ExecutionSample,"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new JfrOptions(Set.of(), null, null, null, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new JfrOptions(Set.of(), null, Duration.ofSeconds(2), Duration.ofSeconds(1), 1));
        JfrOptions names = new JfrOptions(Set.of("ExecutionSample", "jdk.ThreadPark", "objectallocationsample"),
                null, null, null, 1);
        assertTrue(names.selects(EventKind.EXECUTION_SAMPLE) && names.selects(EventKind.THREAD_PARK)
                && names.selects(EventKind.OBJECT_ALLOCATION_SAMPLE) && !names.selects(EventKind.FILE_READ));
    }

    @Test
    void theEventFilterKeepsOnlyTheNamedColumns() throws Exception {
        JfrFixture f = JfrFixture.named("jdk17-cpu.jfr");
        Profile p = f.read(new JfrOptions(Set.of("NativeMethodSample", "jdk.ExecutionSample"), null, null, null, 1),
                new ArrayList<>());
        assertEquals(List.of("ExecutionSample", "NativeMethodSample"), p.costTypes().stream().map(CostType::name).toList());
    }

    @Test
    void theThreadFilterSplitsTheEvents() throws Exception {
        JfrFixture f = JfrFixture.named("jdk17-cpu.jfr");
        Profile whole = f.read(options(null, null, null), new ArrayList<>());
        long[] all = whole.totals();
        long[] threadless = new long[all.length];
        for (Stack s : whole.stacks()) {
            for (int c = 0; c < all.length; c++) {
                threadless[c] += s.thread().isEmpty() ? s.costs()[c] : 0;
            }
        }
        Profile recursion = f.read(options(Pattern.compile("cpu-recursion"), null, null), new ArrayList<>());
        Profile others = f.read(options(Pattern.compile("(?!cpu-recursion$).*"), null, null), new ArrayList<>());
        for (Stack s : recursion.stacks()) {
            assertEquals("cpu-recursion", s.thread());
        }
        assertTrue(recursion.totals()[0] > 0 && others.totals()[0] > 0);
        for (int c = 0; c < all.length; c++) {
            assertEquals(all[c] - threadless[c], recursion.totals()[c] + others.totals()[c],
                    recursion.costTypes().get(c).name() + ": a thread filter drops events without a thread");
        }
        List<String> warnings = new ArrayList<>();
        Profile none = f.read(options(Pattern.compile("no such thread"), null, null), warnings);
        assertArrayEquals(new long[all.length], none.totals());
        assertTrue(warnings.contains("no events matched the thread and time filters"), warnings.toString());
    }

    @Test
    void theTimeWindowSplitsTheEvents() throws Exception {
        JfrFixture f = JfrFixture.named("jdk17-multichunk.jfr");
        long[] all = f.read(options(null, null, null), new ArrayList<>()).totals();
        Duration middle = Duration.ofMillis(2500);
        long[] before = f.read(options(null, null, middle), new ArrayList<>()).totals();
        long[] after = f.read(options(null, middle, null), new ArrayList<>()).totals();
        assertTrue(before[0] > 0 && after[0] > 0, "both halves hold samples");
        for (int c = 0; c < all.length; c++) {
            assertEquals(all[c], before[c] + after[c]);
        }
    }

    @Test
    void aRecordingWithoutSupportedEventsGivesAnEmptyColumnAndSaysWhatItHolds() throws Exception {
        Path file = dir.resolve("cpuload.jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(10));
            r.start();
            Thread.sleep(100);
            r.stop();
            r.dump(file);
        }
        List<String> warnings = new ArrayList<>();
        Profile p = new JfrReader().read(file, warnings::add);
        assertEquals(List.of(EventKind.EXECUTION_SAMPLE.costType), p.costTypes());
        assertEquals(0, p.totals()[0]);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("no events with stack traces of the supported types (jdk.ExecutionSample,"),
                warnings.get(0));
        assertTrue(warnings.get(0).contains("the recording holds jdk.CPULoad ("), warnings.get(0));
    }

    @Test
    void aCorruptChunkIsBadInputNamingItsOffsetAndLeavesNoTemporaryFiles() throws Exception {
        JfrFixture joined = JfrFixture.named("joined-17-17.jfr");
        byte[] bytes = Files.readAllBytes(joined.file);
        long second = joined.oracle.get("chunk_list").get(1).get("offset").asLong();
        long metadata = ByteBuffer.wrap(bytes).getLong((int) second + 24);
        for (int i = 0; i < 64; i++) {
            bytes[(int) (second + metadata) + 10 + i] = (byte) 0xff;
        }
        Path file = dir.resolve("corrupt.jfr");
        Files.write(file, bytes);
        long before = temporaryDirectories();
        BadInputException e = assertThrows(BadInputException.class,
                () -> new JfrReader(options(null, null, null)).read(file, w -> { }));
        assertTrue(e.getMessage().startsWith("offset " + second + ": cannot read this chunk (format 2.1): "),
                e.getMessage());
        assertEquals(before, temporaryDirectories(), "the chunk copies are gone");
    }

    private static long temporaryDirectories() throws Exception {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("prof2calltree-jfr-")).count();
        }
    }
}
