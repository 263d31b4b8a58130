package prof2calltree.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import prof2calltree.TempDirs;

/**
 * The callgrind viewer: finds KCacheGrind (or qcachegrind, or the program the user names),
 * prepares a private place for the file it will show, and starts it detached from this process.
 */
final class Viewer {
    /** The environment variable naming the viewer when no {@code --viewer} option is given. */
    static final String ENV = "PROF2CALLTREE_VIEWER";

    /** The viewers looked for on the PATH, in order. */
    static final List<String> DEFAULTS = List.of("kcachegrind", "qcachegrind");

    /** How long {@link #open} watches the viewer for an immediate failure, in milliseconds. */
    private static final long EARLY_EXIT_MILLIS = 150;

    /** The same, when there is no display and the viewer is all but certain to fail. */
    private static final long NO_DISPLAY_WATCH_MILLIS = 1500;

    private Viewer() {}

    /**
     * The viewer to use: {@code requested} (the {@code --viewer} option: a path, or a name looked
     * up on the PATH) if given, else the environment variable {@value #ENV} the same way, else
     * kcachegrind, else qcachegrind, both looked up on {@code env}'s PATH. An explicit choice
     * that cannot be found gives empty, never a fallback to another program.
     */
    static Optional<Path> find(String requested, Map<String, String> env) {
        String choice = explicitChoice(requested, env);
        if (choice != null) {
            return resolve(choice, env.get("PATH"));
        }
        for (String name : DEFAULTS) {
            Optional<Path> found = onPath(name, env.get("PATH"));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The one lower-case line to print when {@link #find} found nothing and nothing was named. */
    static String notFoundMessage() {
        return "no callgrind viewer found: neither kcachegrind nor qcachegrind is on the PATH; install one "
                + "(Debian/Ubuntu: apt-get install kcachegrind; Fedora: dnf install kcachegrind; "
                + "macOS: brew install qcachegrind) or name another with --viewer PROGRAM";
    }

    /**
     * The one lower-case line to print when {@link #find} with these arguments found nothing: it
     * names the program asked for and where the choice came from, if one was made.
     */
    static String notFoundMessage(String requested, Map<String, String> env) {
        if (requested != null && !requested.isEmpty()) {
            return "viewer '" + requested + "' (from --viewer) " + missing(requested);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return "viewer '" + fromEnv + "' (from " + ENV + ") " + missing(fromEnv);
        }
        return notFoundMessage();
    }

    /**
     * A fresh private directory (mode 0700) and, in it, the path {@code callgrind.out.<name>}
     * where name is the last element of {@code inputName}; the file is not created. Write it, then
     * call {@link #makePrivate}. A directory of its own matters: KCacheGrind also loads, as extra
     * parts, every file beside the one it is given whose name starts with that file's name.
     * Nothing here is deleted: the viewer may read the file after this process has exited.
     */
    static Path privateOutput(String inputName) throws IOException {
        Path dir = TempDirs.create("prof2calltree-");
        Path name = Path.of(inputName).getFileName();
        return dir.resolve("callgrind.out." + (name == null ? "profile" : name.toString()));
    }

    /** Makes a file readable and writable by its owner only (mode 0600), where POSIX modes exist. */
    static void makePrivate(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /**
     * Starts {@code viewer} on {@code file} and returns without waiting for it: after 150 ms, in
     * which a viewer that cannot run at all has failed (1.5 s when there is no display, the time
     * Qt takes to abort, so the user hears why nothing appeared). The viewer gets the file's
     * absolute path as its only argument (no shell), reads nothing (standard input is /dev/null),
     * and its output is discarded (Qt prints warnings nobody asked for). Where {@code setsid} exists
     * the viewer runs in a session of its own, so closing the terminal (SIGHUP) does not take it
     * down; it outlives this JVM either way.
     *
     * @throws IOException if the viewer cannot be started, or fails within a moment of starting;
     *     the message does not repeat the viewer's name (the caller prefixes it)
     */
    static void open(Path viewer, Path file) throws IOException {
        // Without a display, Qt aborts a fraction of a second after starting: watch long enough
        // to tell the user why, rather than claim the file was opened.
        open(viewer, file, noDisplay(System.getenv()) ? NO_DISPLAY_WATCH_MILLIS : EARLY_EXIT_MILLIS);
    }

    /**
     * True when this looks like a Linux or BSD session with no graphical display (no DISPLAY nor
     * WAYLAND_DISPLAY), such as an ssh login without -X, where KCacheGrind cannot start.
     */
    static boolean noDisplay(Map<String, String> env) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        boolean usesX = !os.contains("mac") && !os.contains("windows");
        return usesX && isEmpty(env.get("DISPLAY")) && isEmpty(env.get("WAYLAND_DISPLAY"));
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    /** {@link #open(Path, Path)}, watching for an early failure for {@code watchMillis}. */
    static void open(Path viewer, Path file, long watchMillis) throws IOException {
        if (!Files.isRegularFile(viewer) || !Files.isExecutable(viewer)) {
            throw new IOException("not an executable file");
        }
        List<String> command = new ArrayList<>();
        onPath("setsid", System.getenv("PATH")).ifPresent(setsid -> command.add(setsid.toString()));
        command.add(viewer.toString());
        command.add(file.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("cannot start: " + ProgramRunner.startFailure(e), e);
        }
        // A program that cannot run at all (a bad interpreter line, setsid unable to exec it)
        // fails within milliseconds; a working viewer is still starting up when this returns.
        try {
            if (process.waitFor(watchMillis, TimeUnit.MILLISECONDS) && process.exitValue() != 0) {
                int status = process.exitValue();
                boolean couldNotExec = status == 126 || status == 127; // setsid's codes for a failed exec
                throw new IOException("exited at once with status " + status
                        + (!couldNotExec && noDisplay(System.getenv()) ? "; there is no display to show it on "
                                + "(DISPLAY is not set; over ssh, log in with ssh -X)" : ""));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The name or path the user chose, from the option or the environment; null if none. */
    private static String explicitChoice(String requested, Map<String, String> env) {
        if (requested != null && !requested.isEmpty()) {
            return requested;
        }
        String fromEnv = env.get(ENV);
        return fromEnv == null || fromEnv.isEmpty() ? null : fromEnv;
    }

    /** A program given as a path (it contains a separator) or as a name to look up on the PATH. */
    private static Optional<Path> resolve(String program, String path) {
        if (program.contains(File.separator) || program.contains("/")) {
            try {
                Path p = Path.of(program).toAbsolutePath();
                return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
        return onPath(program, path);
    }

    /** The first executable file called {@code name} in the directories of a PATH value. */
    static Optional<Path> onPath(String name, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue; // an empty entry means the current directory: never look there implicitly
            }
            try {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toAbsolutePath());
                }
            } catch (InvalidPathException e) {
                // A PATH entry or a name that is no path here: not a program.
            }
        }
        return Optional.empty();
    }

    private static String missing(String program) {
        return program.contains("/") ? "does not exist or is not executable" : "is not on the PATH";
    }
}
