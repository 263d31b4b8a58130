package prof2calltree.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import prof2calltree.read.BadInputException;
import prof2calltree.read.Warnings;
import prof2calltree.read.pstats.PstatsReader;
import prof2calltree.testutil.Fixtures;

/**
 * Damaged and hostile pstats dumps: every outcome is a profile or a clean {@link BadInputException},
 * quickly; never another exception, a hang, or an exhausted heap or stack.
 */
class PstatsFuzzTest {
    @ParameterizedTest
    @ValueSource(strings = {"py27-profile.prof", "py313-profile.prof", "py312-cprofile-threads.prof", "py36-cprofile.prof"})
    void damagedDumpsGiveAProfileOrACleanError(String fixture) throws Exception {
        byte[] original = Files.readAllBytes(Fixtures.ROOT.resolve("pstats").resolve(fixture));
        var cases = Mutations.of(original, fixture.hashCode(), 200, 400, 100, 100, new byte[] {'{'});
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (Mutations.Case c : cases) {
                try {
                    new PstatsReader().read(c.bytes(), Warnings.IGNORE);
                } catch (BadInputException e) {
                    assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), c.how());
                } catch (RuntimeException | Error e) {
                    fail(fixture + ", " + c.how() + ": " + e, e);
                }
            }
        });
    }

    @Test
    void nestedCodeObjectsThatFitNoLayoutFailFast() {
        // Each level is a code object whose first field is the next code object: every layout
        // is tried at every level, which without a budget takes exponential time.
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write('{');
        b.write(')');
        b.write(3);
        for (int level = 0; level < 400; level++) {
            b.write('c');
            for (int i = 0; i < 16; i++) {
                b.write(i % 4 == 0 ? 1 : 0);
            }
        }
        byte[] hostile = b.toByteArray();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                new PstatsReader().read(hostile, Warnings.IGNORE);
                fail("decoded a hostile dump");
            } catch (BadInputException expected) {
                assertTrue(expected.getMessage().startsWith("offset "), expected.getMessage());
            }
        });
    }
}
