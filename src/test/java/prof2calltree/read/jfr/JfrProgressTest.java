package prof2calltree.read.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import prof2calltree.read.Warnings;
import prof2calltree.testutil.Fixtures;

/** The progress a recording's reading reports: every complete chunk's bytes, once, as it is merged. */
class JfrProgressTest {
    private static long reported(String fixture) throws Exception {
        AtomicLong bytes = new AtomicLong();
        new JfrReader().read(Fixtures.ROOT.resolve("jfr").resolve(fixture), Warnings.IGNORE, bytes::addAndGet);
        return bytes.get();
    }

    @Test
    void aJoinedRecordingReportsItsWholeSize() throws Exception {
        Path joined = Fixtures.ROOT.resolve("jfr/joined-17-25.jfr");
        assertEquals(Files.size(joined), reported("joined-17-25.jfr"));
    }

    @Test
    void aCutRecordingReportsOnlyTheChunksItConverted() throws Exception {
        assertEquals(Files.size(Fixtures.ROOT.resolve("jfr/jdk17-cpu.jfr")), reported("cut-last-chunk.jfr"));
    }
}
