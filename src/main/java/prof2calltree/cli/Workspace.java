package prof2calltree.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private temporary directory (mode 0700) for one run: standard input and decompressed inputs
 * are spooled there. Created on first use, removed when closed and, if the JVM is stopped
 * (Ctrl-C), by a shutdown hook.
 */
final class Workspace implements AutoCloseable {
    private Path dir;
    private Thread hook;

    /** The directory, created on first use. */
    synchronized Path dir() throws IOException {
        if (dir == null) {
            dir = createPrivateDirectory("prof2calltree-");
            Path d = dir;
            hook = new Thread(() -> delete(d), "prof2calltree-workspace-cleanup");
            Runtime.getRuntime().addShutdownHook(hook);
        }
        return dir;
    }

    /** Makes a fresh directory only this user can enter, in the system's temporary directory. */
    static Path createPrivateDirectory(String prefix) throws IOException {
        try {
            return Files.createTempDirectory(prefix, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempDirectory(prefix);
        }
    }

    @Override
    public synchronized void close() {
        if (dir != null) {
            delete(dir);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook runs anyway.
            }
            dir = null;
        }
    }

    static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Best effort: a temporary file left behind is not worth failing for.
                }
            });
        } catch (IOException ignored) {
            // Already gone.
        }
    }
}
