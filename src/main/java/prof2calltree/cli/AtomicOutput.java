package prof2calltree.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import prof2calltree.PlainFiles;

/**
 * Writes a file so that readers see either the old file or the whole new one: the content goes
 * to a temporary file beside the target, which is renamed into place only once complete. A
 * failed or interrupted run (Ctrl-C included) removes its temporary file and leaves any
 * existing target as it was.
 */
final class AtomicOutput {
    /** Temporary files being written, removed by the shutdown hook if the JVM is stopped. */
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(new Cleanup(), "prof2calltree-cleanup"));
    }

    /** Removes the temporary files still in progress. A class, not a lambda: lambdas cost start-up time. */
    private static final class Cleanup implements Runnable {
        @Override
        public void run() {
            for (Path p : IN_PROGRESS) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // Nothing more can be done while the JVM stops.
                }
            }
        }
    }

    /** Writes the content into one stream. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicOutput() {}

    static void write(Path target, Content content) throws IOException {
        if (Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target)) {
            // A device or a pipe (-o /dev/null, a named pipe): written in place, never replaced.
            try (OutputStream out = new BufferedOutputStream(PlainFiles.append(target), 1 << 16)) {
                content.writeTo(out);
            }
            return;
        }
        Path dir = target.toAbsolutePath().getParent();
        String name = "." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp";
        Path temp = dir.resolve(name);
        IN_PROGRESS.add(temp);
        try {
            try (OutputStream out = new BufferedOutputStream(PlainFiles.newFile(temp), 1 << 16)) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
            IN_PROGRESS.remove(temp);
        }
    }
}
