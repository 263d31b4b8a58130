package prof2calltree;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/** Private temporary directories: made with mode 0700 (where POSIX modes exist), removed with what they hold. */
public final class TempDirs {
    private TempDirs() {}

    /** Makes a fresh directory only this user can enter, in the system's temporary directory. */
    public static Path create(String prefix) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempDirectory(prefix,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createTempDirectory(prefix);
    }

    /**
     * Deletes a directory and everything in it, as far as it can: a leftover temporary file is not
     * worth failing for, and this also runs from shutdown hooks.
     */
    public static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Best effort; the rest is still removed.
                }
            }
        } catch (IOException ignored) {
            // Already gone, or unreadable: left for the system's temporary file cleaner.
        }
    }
}
