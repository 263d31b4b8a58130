package prof2calltree.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import prof2calltree.read.BadInputException;
import prof2calltree.read.Warnings;
import prof2calltree.read.jfr.JfrReader;
import prof2calltree.testutil.Fixtures;

/**
 * Damaged recordings through the JFR reader: a profile (everything before the damage) or a
 * clean {@link BadInputException}, within seconds each; never another exception or a hang.
 */
class JfrFuzzTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"asprof-cpu.jfr", "jdk17-lock.jfr"})
    void damagedRecordingsGiveAProfileOrACleanError(String fixture) throws Exception {
        byte[] original = Files.readAllBytes(Fixtures.ROOT.resolve("jfr").resolve(fixture));
        var cases = Mutations.of(original, fixture.hashCode(), 12, 30, 10, 5, new byte[] {'F', 'L', 'R', 0});
        Path file = dir.resolve("damaged.jfr");
        for (Mutations.Case c : cases) {
            Files.write(file, c.bytes());
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                try {
                    new JfrReader().read(file, Warnings.IGNORE);
                } catch (BadInputException expected) {
                    // A clean error.
                } catch (RuntimeException | Error e) {
                    fail(fixture + ", " + c.how() + ": " + e, e);
                }
            }, () -> fixture + ", " + c.how() + ": took too long");
        }
    }
}
