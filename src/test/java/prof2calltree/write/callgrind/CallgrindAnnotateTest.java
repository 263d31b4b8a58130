package prof2calltree.write.callgrind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import prof2calltree.testutil.Fixtures;

/**
 * A real reader: valgrind's callgrind_annotate must read every output without a word on stderr.
 * Required in CI (which installs valgrind); skipped elsewhere when it is missing.
 */
class CallgrindAnnotateTest {
    @TempDir
    Path dir;

    static Stream<Path> inputs() {
        return Stream.concat(Fixtures.list("pstats", ".prof").stream(),
                Files.isDirectory(Fixtures.ROOT.resolve("jfr")) ? Fixtures.list("jfr", ".jfr").stream() : Stream.empty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void callgrindAnnotateReadsItSilently(Path input) throws Exception {
        boolean present = Fixtures.onPath("callgrind_annotate");
        if (System.getenv("CI") != null) {
            assertTrue(present, "callgrind_annotate (valgrind) must be installed in CI");
        }
        assumeTrue(present, "callgrind_annotate not installed");
        Path out = dir.resolve("callgrind.out.test");
        Files.writeString(out, Fixtures.callgrind(input), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("callgrind_annotate", "--inclusive=yes", out.toString())
                .redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile())
                .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "callgrind_annotate finished");
        String err = Files.readString(dir.resolve("stderr"));
        assertEquals("", err, "callgrind_annotate printed on stderr");
        assertEquals(0, p.exitValue());
        String report = Files.readString(dir.resolve("stdout"));
        assertTrue(report.contains("Events recorded:"), report);
    }
}
