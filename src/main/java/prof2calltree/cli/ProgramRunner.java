package prof2calltree.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import prof2calltree.TempDirs;

/**
 * Runs a program under a profiler, as the user would run it themselves: a Python script under
 * cProfile, a Java source file, jar or main class with a Flight Recorder recording. The program
 * keeps its arguments, working directory, standard streams and exit status; the profile lands in a
 * private temporary directory that {@link #cleanUp} removes (as does a shutdown hook, if the tool
 * is stopped first).
 */
final class ProgramRunner {
    /**
     * What to run.
     *
     * @param target a {@code .py} script, a {@code .java} source file, a {@code .jar}, or a main
     *     class name; a path is relative to the working directory
     * @param args the program's arguments
     * @param python the Python interpreter, a name on the PATH or a path; null for {@code python3}
     * @param java the {@code java} launcher; null for the one running this tool
     */
    record Spec(Path target, List<String> args, String python, String java) {
        Spec {
            args = List.copyOf(args);
        }
    }

    /**
     * A finished run.
     *
     * @param profile the profile written (a pstats dump or a JFR recording), non-empty
     * @param exitCode the program's exit status; 128 + the signal number if a signal ended it
     * @param tempDir the private directory holding the profile, for {@link #cleanUp}
     */
    record Result(Path profile, int exitCode, Path tempDir) {}

    /** How a target runs. */
    enum Kind {
        PYTHON("--python"),
        JAVA_SOURCE("--java"),
        JAR("--java"),
        MAIN_CLASS("--java");

        /** The option that picks another interpreter. */
        final String interpreterOption;

        Kind(String interpreterOption) {
            this.interpreterOption = interpreterOption;
        }
    }

    static final String DEFAULT_PYTHON = "python3";

    /**
     * Runs the script under cProfile the way {@code python -m cProfile -o OUT SCRIPT ARGS} does,
     * except that the script's exit status survives ({@code -m cProfile} swallows SystemExit and
     * exits 0). Python 2.7 and 3.x alike. The script runs in the real {@code __main__} namespace,
     * with {@code sys.argv} and {@code sys.path[0]} as {@code python SCRIPT} would set them.
     */
    static final String PYTHON_BOOTSTRAP = String.join("\n",
            "def _prof2calltree():",
            "    import os, sys, cProfile",
            "    out, target = sys.argv[1], sys.argv[2]",
            "    sys.argv[:] = sys.argv[2:]",
            "    if not getattr(sys.flags, 'safe_path', False):",
            "        sys.path[0] = os.path.dirname(os.path.abspath(target))",
            "    with open(target, 'rb') as f:",
            "        code = compile(f.read(), target, 'exec', 0, True)",
            "    namespace = sys.modules['__main__'].__dict__",
            "    builtins = namespace['__builtins__']",
            "    namespace.clear()",
            "    namespace.update({'__name__': '__main__', '__file__': target, '__builtins__': builtins,",
            "                      '__package__': None, '__doc__': None, '__spec__': None})",
            "    profiler = cProfile.Profile()",
            "    try:",
            "        profiler.runctx(code, namespace, None)",
            "    finally:",
            "        profiler.dump_stats(out)",
            "_prof2calltree()",
            "");

    /**
     * Flight Recorder events that describe the machine rather than the program (environment
     * variables, system properties, command lines, other processes): not recorded. JDK 17+ syntax.
     */
    static final List<String> PRIVATE_JFR_EVENTS = List.of(
            "jdk.InitialEnvironmentVariable", "jdk.InitialSystemProperty", "jdk.InitialSecurityProperty",
            "jdk.SystemProcess", "jdk.JVMInformation", "jdk.OSInformation", "jdk.NativeLibrary",
            "jdk.StringFlag", "jdk.ActiveRecording", "jdk.ActiveSetting");

    private static final Pattern CLASS_NAME =
            Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
                    + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

    /** Temporary directories not yet cleaned up, and programs still running, for the shutdown hook. */
    private static final Set<Path> TEMP_DIRS = ConcurrentHashMap.newKeySet();
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProgramRunner::stopAll, "prof2calltree-run-cleanup"));
    }

    private ProgramRunner() {}

    /**
     * Runs the program to its end and returns where its profile is. Prints one line on {@code err}
     * only if Ctrl-C stopped the program (the conversion goes on; a second Ctrl-C stops it).
     *
     * @throws IOException if the target does not exist or cannot be told apart, the interpreter
     *     cannot be started, or the program wrote no profile; the message does not repeat the
     *     target's name (the caller prefixes it)
     */
    static Result run(Spec spec, Path workDir, PrintStream err) throws IOException, InterruptedException {
        Kind kind = kind(spec.target(), workDir);
        Path tempDir = TempDirs.create("prof2calltree-run-");
        TEMP_DIRS.add(tempDir);
        boolean done = false;
        try {
            Path profile = tempDir.resolve(kind == Kind.PYTHON ? "profile.prof" : "recording.jfr");
            ProcessBuilder builder = new ProcessBuilder(command(kind, spec, profile))
                    .directory(workDir.toAbsolutePath().toFile())
                    .inheritIO();
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                String interpreter = builder.command().get(0);
                throw new IOException("cannot run " + interpreter + ": " + startFailure(e)
                        + "; choose another with " + kind.interpreterOption + " PROGRAM", e);
            }
            RUNNING.add(process);
            int exitCode;
            boolean interrupted;
            try (ProgramInterrupts interrupts = ProgramInterrupts.holdBack()) {
                exitCode = process.waitFor();
                interrupted = interrupts.interrupted();
            } finally {
                if (process.isAlive()) { // this thread was interrupted: do not leave the program behind
                    stop(process);
                }
                RUNNING.remove(process);
            }
            if (!Files.isRegularFile(profile) || Files.size(profile) == 0) {
                throw new IOException("left no " + (kind == Kind.PYTHON ? "profile" : "recording")
                        + " (exit status " + exitCode + "): it ended before the "
                        + (kind == Kind.PYTHON ? "profiler could write one (os._exit, or killed?)"
                                : "recording was dumped (killed, Runtime.halt, or a crash?)"));
            }
            if (interrupted) {
                err.println(Main.TOOL + ": interrupted; converting what was recorded (ctrl-c again stops)");
            }
            done = true;
            return new Result(profile, exitCode, tempDir);
        } finally {
            if (!done) {
                TempDirs.delete(tempDir);
                TEMP_DIRS.remove(tempDir);
            }
        }
    }

    /** Removes a run's temporary directory and everything in it. */
    static void cleanUp(Result result) {
        TempDirs.delete(result.tempDir());
        TEMP_DIRS.remove(result.tempDir());
    }

    /** How the target runs, from its name (and its first line, for a script without .py). */
    static Kind kind(Path target, Path workDir) throws IOException {
        String name = target.getFileName() == null ? "" : target.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        Path file = workDir.resolve(target);
        Kind byName = lower.endsWith(".py") ? Kind.PYTHON
                : lower.endsWith(".java") ? Kind.JAVA_SOURCE
                : lower.endsWith(".jar") ? Kind.JAR
                : null;
        if (byName != null) {
            if (!Files.exists(file)) {
                throw new IOException("no such file");
            }
            if (Files.isDirectory(file)) {
                throw new IOException("is a directory, not a program");
            }
            return byName;
        }
        if (Files.isRegularFile(file)) {
            if (isPythonScript(file)) {
                return Kind.PYTHON;
            }
            throw new IOException("cannot tell how to run it; give a .py script, a .java source file, a .jar "
                    + "or a main class name");
        }
        if (Files.exists(file)) {
            throw new IOException("is a directory, not a program");
        }
        if (CLASS_NAME.matcher(target.toString()).matches()) {
            return Kind.MAIN_CLASS;
        }
        throw new IOException("no such file");
    }

    /** The command line for a run writing its profile to {@code profile}. */
    static List<String> command(Kind kind, Spec spec, Path profile) {
        List<String> command = new ArrayList<>();
        String target = spec.target().toString();
        if (kind == Kind.PYTHON) {
            command.add(spec.python() != null ? spec.python() : DEFAULT_PYTHON);
            command.add("-c");
            command.add(PYTHON_BOOTSTRAP);
            command.add(profile.toString());
            command.add(target);
        } else {
            command.add(spec.java() != null ? spec.java() : defaultJava().toString());
            command.add("-XX:StartFlightRecording:" + jfrOptions(profile));
            // Keeps the recording's chunks in the private directory too, and the
            // "Started recording 1..." banner off the program's standard output.
            command.add("-XX:FlightRecorderOptions:repository=" + profile.resolveSibling("repository"));
            command.add("-Xlog:jfr+startup=error");
            switch (kind) {
                case JAR -> {
                    command.add("-jar");
                    command.add(target);
                }
                case JAVA_SOURCE, MAIN_CLASS -> command.add(target); // the class path: CLASSPATH, else "."
                default -> throw new IllegalStateException(kind.toString());
            }
        }
        command.addAll(spec.args());
        return command;
    }

    /** The {@code java} of the JVM running this tool. */
    static Path defaultJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static String jfrOptions(Path profile) {
        StringBuilder options = new StringBuilder("settings=profile,dumponexit=true,filename=").append(profile);
        for (String event : PRIVATE_JFR_EVENTS) {
            options.append(',').append(event).append("#enabled=false");
        }
        return options.toString();
    }

    private static boolean isPythonScript(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(128);
            String first = new String(head, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
            return first.startsWith("#!") && first.contains("python");
        } catch (IOException e) {
            return false;
        }
    }

    /** The reason in a ProcessBuilder failure ("error=2, No such file or directory"), lower case. */
    static String startFailure(IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int at = m.indexOf("error=");
        if (at >= 0) {
            int comma = m.indexOf(", ", at);
            String reason = comma >= 0 ? m.substring(comma + 2) : m.substring(at);
            return reason.toLowerCase(Locale.ROOT);
        }
        return m.isEmpty() ? "cannot start" : m.toLowerCase(Locale.ROOT);
    }

    /** Asks a program to stop, then forces it; waits for it, so nothing is left as a zombie. */
    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The shutdown hook: stops programs still running and removes every temporary directory. */
    private static void stopAll() {
        for (Process p : RUNNING) {
            if (p.isAlive()) {
                stop(p);
            }
        }
        for (Path dir : TEMP_DIRS) {
            TempDirs.delete(dir);
        }
    }

    /** For tests: the directories the shutdown hook would remove. */
    static Set<Path> pendingTempDirs() {
        return Set.copyOf(TEMP_DIRS);
    }

}
