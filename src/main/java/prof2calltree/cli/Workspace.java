package prof2calltree.cli;

import java.io.IOException;
import java.nio.file.Path;
import prof2calltree.TempDirs;

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
            dir = TempDirs.create("prof2calltree-");
            Path d = dir;
            hook = new Thread(() -> TempDirs.delete(d), "prof2calltree-workspace-cleanup");
            Runtime.getRuntime().addShutdownHook(hook);
        }
        return dir;
    }

    @Override
    public synchronized void close() {
        if (dir != null) {
            TempDirs.delete(dir);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook runs anyway.
            }
            dir = null;
        }
    }
}
