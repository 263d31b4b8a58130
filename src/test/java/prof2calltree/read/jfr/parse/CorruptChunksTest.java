package prof2calltree.read.jfr.parse;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import prof2calltree.read.BadInputException;

/**
 * Cut, bit-flipped and zeroed chunks: the parser gives a result or a {@link BadInputException}
 * naming an offset, never another exception, a hang or an allocation the bytes cannot justify.
 */
class CorruptChunksTest {
    private static final Path DIR = Path.of("src/test/resources/fixtures/jfr");
    private static final Pattern OFFSET = Pattern.compile("^offset \\d+: .+");

    /** Every kind of read the parser does: stacks with and without weights and durations, a total, filters. */
    static final ChunkQuery QUERY = new ChunkQuery(List.of(
            new ChunkQuery.StackEvents("jdk.ExecutionSample", null, false, List.of("sampledThread", "eventThread")),
            new ChunkQuery.StackEvents("jdk.NativeMethodSample", null, false, List.of("sampledThread")),
            new ChunkQuery.StackEvents("jdk.ObjectAllocationSample", "weight", false, List.of("eventThread")),
            new ChunkQuery.StackEvents("jdk.ObjectAllocationInNewTLAB", "tlabSize", false, List.of("eventThread")),
            new ChunkQuery.StackEvents("jdk.ThreadPark", "duration", true, List.of("eventThread")),
            new ChunkQuery.StackEvents("jdk.JavaMonitorEnter", "duration", true, List.of("eventThread"))),
            List.of(new ChunkQuery.FieldTotal("jdk.CPUTimeSamplesLost", "lostSamples")),
            name -> !name.startsWith("C2"), Long.MIN_VALUE + 1, Long.MAX_VALUE - 1);

    /** The first chunk of a fixture. */
    static byte[] firstChunk(String fixture) throws Exception {
        byte[] file = Files.readAllBytes(DIR.resolve(fixture));
        long size = ByteBuffer.wrap(file).getLong(8);
        return Arrays.copyOf(file, (int) size);
    }

    /** Parses and visits everything, asking for every name; fails on anything but BadInputException. */
    static void parseAll(byte[] chunk) {
        try {
            ParsedChunk parsed = new JfrChunkParser(QUERY).parse(chunk, 0);
            parsed.visitStacks(new StackVisitor() {
                @Override
                public void stack(int stacks, StackView stack) {
                    for (int i = 0; i < stack.depth(); i++) {
                        stack.line(i);
                        stack.frameType(i);
                        int m = stack.method(i);
                        if (m >= 0) {
                            stack.className(m);
                            stack.methodName(m);
                            stack.descriptor(m);
                        }
                    }
                }

                @Override
                public void thread(String thread, long events, long weight) {
                    assertTrue(events > 0 && weight >= 0);
                }
            });
        } catch (BadInputException e) {
            assertTrue(OFFSET.matcher(e.getMessage()).matches(), e.getMessage());
        }
    }

    private static void check(byte[] chunk, String what) {
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> parseAll(chunk), what);
        } catch (RuntimeException | Error e) {
            if (e instanceof AssertionError a) {
                throw a;
            }
            fail(what + ": " + e, e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"asprof-cpu.jfr", "jdk17-cpu.jfr", "jdk25-lock.jfr"})
    void everyPrefixAtTheCutPoints(String fixture) throws Exception {
        byte[] chunk = firstChunk(fixture);
        ByteBuffer header = ByteBuffer.wrap(chunk);
        long[] marks = {header.getLong(16), header.getLong(24)};
        for (long mark : marks) {
            for (long cut : new long[] {mark - 1, mark, mark + 1, mark + 7, mark + 100}) {
                if (cut > 0 && cut < chunk.length) {
                    check(Arrays.copyOf(chunk, (int) cut), fixture + " cut at " + cut);
                }
            }
        }
        for (int cut : new int[] {0, 4, 67, 68, 69, 100, 1000, chunk.length / 3, chunk.length / 2, chunk.length - 1}) {
            check(Arrays.copyOf(chunk, cut), fixture + " cut at " + cut);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"asprof-cpu.jfr", "jdk17-cpu.jfr", "jdk25-lock.jfr"})
    void randomBitFlips(String fixture) throws Exception {
        byte[] chunk = firstChunk(fixture);
        Random random = new Random(fixture.hashCode());
        for (int trial = 0; trial < 300; trial++) {
            byte[] copy = chunk.clone();
            int flips = 1 + random.nextInt(8);
            StringBuilder what = new StringBuilder(fixture + " flipped at");
            for (int i = 0; i < flips; i++) {
                int at = 16 + random.nextInt(copy.length - 16);
                copy[at] ^= (byte) (1 << random.nextInt(8));
                what.append(' ').append(at);
            }
            check(copy, what.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"asprof-cpu.jfr", "jdk17-cpu.jfr", "jdk25-lock.jfr"})
    void zeroedAndSaturatedRegions(String fixture) throws Exception {
        byte[] chunk = firstChunk(fixture);
        Random random = new Random(~fixture.hashCode());
        for (int trial = 0; trial < 150; trial++) {
            byte[] copy = chunk.clone();
            int length = 1 + random.nextInt(256);
            int at = 16 + random.nextInt(copy.length - 16 - length);
            byte fill = trial % 2 == 0 ? 0 : (byte) 0xff;
            Arrays.fill(copy, at, at + length, fill);
            check(copy, fixture + " filled with " + fill + " at " + at + " for " + length);
        }
    }
}
