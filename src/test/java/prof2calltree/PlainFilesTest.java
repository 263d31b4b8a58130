package prof2calltree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** java.io's streams where they work, and Files' exceptions, worded as the tool words them, where they do not. */
class PlainFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsWritesAndAppendsWhatFilesWould() throws Exception {
        Path file = dir.resolve("new.txt");
        try (OutputStream out = PlainFiles.newFile(file)) {
            out.write("one".getBytes(StandardCharsets.UTF_8));
        }
        try (OutputStream out = PlainFiles.append(file)) {
            out.write(" two".getBytes(StandardCharsets.UTF_8));
        }
        try (InputStream in = PlainFiles.newInputStream(file)) {
            assertArrayEquals("one two".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
        }
    }

    @Test
    void failuresAreFilesExceptions() throws Exception {
        Path existing = Files.writeString(dir.resolve("there.txt"), "keep");
        assertThrows(FileAlreadyExistsException.class, () -> PlainFiles.newFile(existing));
        assertArrayEquals("keep".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(existing), "not clobbered");
        assertThrows(NoSuchFileException.class, () -> PlainFiles.newFile(dir.resolve("no/such/dir/out")));
        assertThrows(NoSuchFileException.class, () -> PlainFiles.newInputStream(dir.resolve("missing.prof")));
        assertThrows(NoSuchFileException.class, () -> PlainFiles.append(dir.resolve("no/such/dir/device")));
    }
}
