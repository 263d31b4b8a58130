package prof2calltree.read.jfr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import prof2calltree.model.Profile;
import prof2calltree.model.Stack;
import prof2calltree.read.jfr.parse.Workspace;
import prof2calltree.testutil.Fixtures;

/**
 * The project's own chunk parser gives exactly what the JDK's {@code RecordingFile} gives, on
 * every fixture and under every kind of filter: the same callgrind text, warnings, functions and
 * stacks, and chunk by chunk the same counts.
 */
class ParserDifferentialTest {
    @TempDir
    Path dir;

    private static final Map<String, JfrOptions> OPTIONS = Map.of(
            "defaults", new JfrOptions(Set.of(), null, null, null, 2),
            "sequential", new JfrOptions(Set.of(), null, null, null, 1),
            "cpu events", new JfrOptions(Set.of("ExecutionSample", "NativeMethodSample", "CPUTimeSample"),
                    null, null, null, 2),
            "other events", new JfrOptions(Set.of("ObjectAllocationSample", "ObjectAllocationInNewTLAB",
                    "ObjectAllocationOutsideTLAB", "JavaMonitorEnter", "JavaMonitorWait", "ThreadPark", "FileRead",
                    "FileWrite", "SocketRead", "SocketWrite"), null, null, null, 2),
            "thread main", new JfrOptions(Set.of(), Pattern.compile("main"), null, null, 2),
            "threads but main", new JfrOptions(Set.of(), Pattern.compile("(?!main$).*"), null, null, 2),
            "from 1s", new JfrOptions(Set.of(), null, Duration.ofSeconds(1), null, 2),
            "to 1s", new JfrOptions(Set.of(), null, null, Duration.ofSeconds(1), 2),
            "0.5s to 2.5s on cpu-*", new JfrOptions(Set.of(), Pattern.compile("cpu-.*"), Duration.ofMillis(500),
                    Duration.ofMillis(2500), 2));

    static Stream<Arguments> cases() throws Exception {
        List<Arguments> cases = new ArrayList<>();
        for (String fixture : JfrFixture.all()) {
            for (String option : new java.util.TreeSet<>(OPTIONS.keySet())) {
                cases.add(Arguments.of(fixture, option));
            }
        }
        return cases.stream();
    }

    static List<String> fixtures() throws Exception {
        return JfrFixture.all();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void theOwnParserGivesWhatTheJdkGives(String fixture, String option) throws Exception {
        JfrFixture f = JfrFixture.named(fixture);
        JfrOptions options = OPTIONS.get(option);
        List<String> jdkWarnings = new ArrayList<>();
        List<String> ownWarnings = new ArrayList<>();
        Profile jdk = new JfrReader(options, JfrReader.Parser.JDK).read(f.file, jdkWarnings::add);
        Profile own = new JfrReader(options, JfrReader.Parser.OWN).read(f.file, ownWarnings::add);
        assertEquals(jdkWarnings, ownWarnings, "warnings");
        assertEquals(jdk.costTypes(), own.costTypes(), "cost types");
        assertEquals(jdk.functions(), own.functions(), "functions, with the same ids");
        assertEquals(describe(jdk.stacks()), describe(own.stacks()), "stacks");
        assertEquals(Fixtures.callgrind(jdk, fixture), Fixtures.callgrind(own, fixture), "callgrind text");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachChunkCountsAlike(String fixture) throws Exception {
        JfrFixture f = JfrFixture.named(fixture);
        JfrOptions options = JfrOptions.defaults();
        try (FileChannel channel = FileChannel.open(f.file, StandardOpenOption.READ)) {
            List<ChunkHeader> chunks = ChunkScanner.scan(channel).complete();
            long start = chunks.get(0).startNanos();
            // One store and workspace for every chunk, emptied between them, as ChunkPool does.
            StackStore reused = new StackStore();
            Workspace space = new Workspace();
            for (int i = 0; i < chunks.size(); i++) {
                ChunkHeader header = chunks.get(i);
                Path copy = dir.resolve("chunk-" + i + ".jfr");
                ChunkScanner.copy(channel, header, copy);
                ReadStats jdk = new ChunkReader(options, start).read(copy, new StackStore());
                reused.reset();
                ReadStats own = new OwnChunkReader(options, start).read(channel, header, space, reused);
                String where = fixture + " chunk " + i;
                assertEquals(jdk.types, own.types, where + ": events by type");
                assertArrayEquals(jdk.present, own.present, where + ": events with a stack");
                assertArrayEquals(jdk.converted, own.converted, where + ": converted");
                assertArrayEquals(jdk.truncated, own.truncated, where + ": truncated");
                assertArrayEquals(jdk.noStack, own.noStack, where + ": without a stack");
                assertEquals(jdk.missingWeight, own.missingWeight, where + ": missing weights");
                assertEquals(jdk.lostCpuTimeSamples, own.lostCpuTimeSamples, where + ": lost samples");
                Files.delete(copy);
            }
        }
    }

    private static List<String> describe(List<Stack> stacks) {
        List<String> out = new ArrayList<>();
        for (Stack s : stacks) {
            out.add(java.util.Arrays.toString(s.functions()) + java.util.Arrays.toString(s.lines()) + " "
                    + s.thread() + " " + s.events() + java.util.Arrays.toString(s.costs()));
        }
        return out;
    }
}
