package prof2calltree.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import prof2calltree.model.Function;
import prof2calltree.read.Warnings;
import prof2calltree.testutil.Fixtures;

/**
 * Running programs under a profiler: the command lines, real runs of the tiny programs in
 * {@code scripts/fixture-programs/run/} (arguments, working directory, exit status, a profile),
 * the errors, and Ctrl-C and SIGTERM in a JVM of its own.
 */
class ProgramRunnerTest {
    static final Path PROGRAMS = Path.of("scripts/fixture-programs/run").toAbsolutePath();
    static final boolean CI = "true".equals(System.getenv("CI"));

    @TempDir
    Path work;

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    static void needPython() {
        if (CI) {
            assertTrue(Fixtures.onPath("python3"), "CI needs python3 for the -r tests: apt-get install python3");
        }
        assumeTrue(Fixtures.onPath("python3"), "python3 is not installed");
    }

    private static ProgramRunner.Spec spec(Path target, String... args) {
        return new ProgramRunner.Spec(target, List.of(args), null, null);
    }

    // ---------------------------------------------------------------- command lines

    @Test
    void pythonRunsTheScriptUnderCProfileWithItsArguments() {
        Path profile = Path.of("/tmp/x/profile.prof");
        List<String> command = ProgramRunner.command(ProgramRunner.Kind.PYTHON, spec(Path.of("app.py"), "-v", "a b"), profile);
        assertEquals(List.of("python3", "-c", ProgramRunner.PYTHON_BOOTSTRAP, "/tmp/x/profile.prof", "app.py", "-v", "a b"),
                command);
        List<String> other = ProgramRunner.command(ProgramRunner.Kind.PYTHON,
                new ProgramRunner.Spec(Path.of("app.py"), List.of(), "/opt/py/bin/python2.7", null), profile);
        assertEquals("/opt/py/bin/python2.7", other.get(0));
    }

    @Test
    void javaRunsWithARecordingForEachKindOfTarget() {
        Path profile = Path.of("/tmp/x/recording.jfr");
        String java = ProgramRunner.defaultJava().toString();
        List<String> source = ProgramRunner.command(ProgramRunner.Kind.JAVA_SOURCE, spec(Path.of("Main.java"), "a"), profile);
        assertEquals(java, source.get(0));
        assertTrue(source.get(1).startsWith("-XX:StartFlightRecording:settings=profile,dumponexit=true,"
                + "filename=/tmp/x/recording.jfr,"), source.get(1));
        assertTrue(source.get(1).contains(",jdk.InitialEnvironmentVariable#enabled=false"), source.get(1));
        assertEquals("-XX:FlightRecorderOptions:repository=/tmp/x/repository", source.get(2));
        assertEquals(List.of("Main.java", "a"), source.subList(4, source.size()));

        List<String> jar = ProgramRunner.command(ProgramRunner.Kind.JAR,
                new ProgramRunner.Spec(Path.of("app.jar"), List.of("-x"), null, "/opt/jdk/bin/java"), profile);
        assertEquals("/opt/jdk/bin/java", jar.get(0));
        assertEquals(List.of("-jar", "app.jar", "-x"), jar.subList(4, jar.size()));

        List<String> main = ProgramRunner.command(ProgramRunner.Kind.MAIN_CLASS, spec(Path.of("com.example.Main")), profile);
        assertEquals(List.of("com.example.Main"), main.subList(4, main.size()));
    }

    @Test
    void theKindComesFromTheName() throws IOException {
        Files.writeString(work.resolve("app.py"), "");
        Files.writeString(work.resolve("App.java"), "");
        Files.writeString(work.resolve("app.jar"), "");
        Files.writeString(work.resolve("tool"), "#!/usr/bin/env python3\nprint(1)\n");
        assertEquals(ProgramRunner.Kind.PYTHON, ProgramRunner.kind(Path.of("app.py"), work));
        assertEquals(ProgramRunner.Kind.JAVA_SOURCE, ProgramRunner.kind(Path.of("App.java"), work));
        assertEquals(ProgramRunner.Kind.JAR, ProgramRunner.kind(Path.of("app.jar"), work));
        assertEquals(ProgramRunner.Kind.PYTHON, ProgramRunner.kind(Path.of("tool"), work));
        assertEquals(ProgramRunner.Kind.MAIN_CLASS, ProgramRunner.kind(Path.of("com.example.Main"), work));
        assertEquals(ProgramRunner.Kind.MAIN_CLASS, ProgramRunner.kind(Path.of("Main"), work));
    }

    @Test
    void badTargetsAreIoErrorsNamingThem() throws IOException {
        Files.writeString(work.resolve("notes.txt"), "hello");
        Files.createDirectories(work.resolve("dir.py"));
        Files.createDirectories(work.resolve("pkg"));
        assertMessage("no such file", Path.of("missing.py"));
        assertMessage("no such file", Path.of("Missing.java"));
        assertMessage("no such file", Path.of("sub/missing.jar"));
        assertMessage("is a directory, not a program", Path.of("dir.py"));
        assertMessage("is a directory, not a program", Path.of("pkg"));
        assertMessage("no such file", Path.of("not-a-class!"));
        assertMessage("cannot tell how to run it; give a .py script, a .java source file, a .jar or a main class "
                + "name", Path.of("notes.txt"));
        assertEquals(Set.of(), ProgramRunner.pendingTempDirs());
    }

    private void assertMessage(String expected, Path target) {
        IOException e = assertThrows(IOException.class, () -> ProgramRunner.run(spec(target), work, err));
        assertEquals(expected, e.getMessage());
    }

    @Test
    void anInterpreterThatCannotStartSaysHowToChooseAnother() throws IOException {
        Files.writeString(work.resolve("app.py"), "print(1)\n");
        IOException e = assertThrows(IOException.class, () -> ProgramRunner.run(
                new ProgramRunner.Spec(Path.of("app.py"), List.of(), "no-such-python", null), work, err));
        assertEquals("cannot run no-such-python: no such file or directory; choose another with --python PROGRAM",
                e.getMessage());
        Files.writeString(work.resolve("App.java"), "class App {}\n");
        e = assertThrows(IOException.class, () -> ProgramRunner.run(
                new ProgramRunner.Spec(Path.of("App.java"), List.of(), null, work.resolve("java").toString()), work, err));
        assertEquals("cannot run " + work.resolve("java") + ": no such file or directory; choose another with --java "
                + "PROGRAM", e.getMessage());
        assertEquals(Set.of(), ProgramRunner.pendingTempDirs());
    }

    // ---------------------------------------------------------------- Python, for real

    @Test
    void pythonScriptGetsItsArgumentsDirectoryAndStatus() throws Exception {
        needPython();
        Path script = PROGRAMS.resolve("hello.py");
        ProgramRunner.Result r = ProgramRunner.run(spec(script, "a", "b c", "--exit", "3"), work, err);
        try {
            assertEquals(3, r.exitCode());
            assertTrue(Files.size(r.profile()) > 0);
            assertEquals(r.tempDir(), r.profile().getParent());
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(r.tempDir())));
            JsonNode run = new ObjectMapper().readTree(work.resolve("hello-run.json").toFile());
            assertEquals(List.of("a", "b c", "--exit", "3"), strings(run.get("args")));
            assertEquals(work.toRealPath().toString(), Path.of(run.get("cwd").asText()).toRealPath().toString());
            assertEquals("", errBytes.toString(StandardCharsets.UTF_8));

            Set<String> names = Fixtures.read(r.profile(), Warnings.IGNORE).functions().stream()
                    .filter(f -> f.file().endsWith("hello.py")).map(Function::name).collect(Collectors.toSet());
            assertTrue(names.containsAll(Set.of("<module>", "main", "fib", "greet", "record")), names::toString);
        } finally {
            ProgramRunner.cleanUp(r);
        }
        assertFalse(Files.exists(r.tempDir()));
        assertEquals(Set.of(), ProgramRunner.pendingTempDirs());
    }

    @Test
    void aRelativeScriptIsFoundInTheWorkingDirectory() throws Exception {
        needPython();
        Files.copy(PROGRAMS.resolve("hello.py"), work.resolve("hello.py"));
        ProgramRunner.Result r = ProgramRunner.run(spec(Path.of("hello.py"), "x"), work, err);
        try {
            assertEquals(0, r.exitCode());
            assertEquals(List.of("x"), strings(new ObjectMapper().readTree(work.resolve("hello-run.json").toFile())
                    .get("args")));
        } finally {
            ProgramRunner.cleanUp(r);
        }
    }

    @Test
    void aProgramThatWritesNoProfileIsAnIoErrorAndLeavesNothing() throws Exception {
        needPython();
        Files.writeString(work.resolve("quit.py"), "import os\nos._exit(5)\n");
        IOException e = assertThrows(IOException.class, () -> ProgramRunner.run(spec(Path.of("quit.py")), work, err));
        assertEquals("left no profile (exit status 5): it ended before the profiler could write one "
                + "(os._exit, or killed?)", e.getMessage());
        assertEquals(Set.of(), ProgramRunner.pendingTempDirs());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    // ---------------------------------------------------------------- Java, for real

    static void needJavac() {
        assumeTrue(ToolProvider.getSystemJavaCompiler() != null,
                "the running JVM has no compiler (a JRE): the source launcher cannot run");
    }

    /** The recorded arguments (NUL-separated) and working directory of Hello. */
    private List<String> helloRun(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("hello-run.txt"), StandardCharsets.UTF_8);
    }

    private static void assertRecording(ProgramRunner.Result r) throws IOException {
        try (InputStream in = Files.newInputStream(r.profile())) {
            assertArrayEquals(new byte[] {'F', 'L', 'R', 0}, in.readNBytes(4), "a JFR file starts with FLR\\0");
        }
        assertTrue(Files.size(r.profile()) > 1000);
    }

    @Test
    void javaSourceFileGetsItsArgumentsDirectoryAndStatus() throws Exception {
        needJavac();
        Files.copy(PROGRAMS.resolve("Hello.java"), work.resolve("Hello.java"));
        ProgramRunner.Result r = ProgramRunner.run(spec(Path.of("Hello.java"), "a", "b c", "--exit", "3"), work, err);
        try {
            assertEquals(3, r.exitCode());
            assertRecording(r);
            List<String> run = helloRun(work);
            assertEquals(List.of("a", "b c", "--exit", "3"), List.of(run.get(0).split("\u0000")));
            assertEquals(work.toRealPath(), Path.of(run.get(1)).toRealPath());
        } finally {
            ProgramRunner.cleanUp(r);
        }
        assertFalse(Files.exists(r.tempDir()));
    }

    @Test
    void jarAndMainClassRunToo() throws Exception {
        needJavac();
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), PROGRAMS.resolve("Hello.java").toString()));

        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Hello");
        Path jar = work.resolve("hello.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> all = Files.list(classes)) {
            for (Path c : all.toList()) {
                out.putNextEntry(new JarEntry(c.getFileName().toString()));
                Files.copy(c, out);
                out.closeEntry();
            }
        }
        ProgramRunner.Result r = ProgramRunner.run(spec(Path.of("hello.jar"), "from-jar"), work, err);
        try {
            assertEquals(0, r.exitCode());
            assertRecording(r);
            assertEquals("from-jar", helloRun(work).get(0));
        } finally {
            ProgramRunner.cleanUp(r);
        }

        // A main class runs on the class path java uses by default: $CLASSPATH, else ".".
        assumeTrue(System.getenv("CLASSPATH") == null, "CLASSPATH is set in this environment");
        r = ProgramRunner.run(spec(Path.of("Hello"), "from-class", "--exit", "2"), classes, err);
        try {
            assertEquals(2, r.exitCode());
            assertRecording(r);
            assertEquals("from-class\u0000--exit\u00002", helloRun(classes).get(0));
        } finally {
            ProgramRunner.cleanUp(r);
        }
    }

    // ---------------------------------------------------------------- signals, in a JVM of its own

    /** A Python program that says it started (with its pid), then sleeps. */
    private Path sleeper() throws IOException {
        Path script = work.resolve("sleeper.py");
        Files.writeString(script, String.join("\n",
                "import os, time",
                "def nap():",
                "    time.sleep(60)",
                "with open('started.tmp', 'w') as f:",
                "    f.write(str(os.getpid()))",
                "os.rename('started.tmp', 'started')",
                "nap()",
                ""));
        return script;
    }

    private Process probe(Path tmp, String... args) throws IOException {
        Files.createDirectories(tmp);
        List<String> command = new ArrayList<>();
        // A session of its own, as an interactive shell gives a foreground job, so that SIGINT can
        // be sent to the whole process group as a terminal's Ctrl-C is.
        command.add("setsid");
        command.addAll(List.of(ProgramRunner.defaultJava().toString(), "-Djava.io.tmpdir=" + tmp, "-cp",
                ViewerTest.testClassPath(), RunProbe.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("probe.log").toFile()).start();
    }

    private long awaitStarted() throws Exception {
        Path started = work.resolve("started");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(started)) {
            assertTrue(System.nanoTime() < end, "the program did not start");
            Thread.sleep(50);
        }
        return Long.parseLong(Files.readString(started).trim());
    }

    /** Sends a signal with python3 (present for these tests), so no shell or procps is needed. */
    private static void signal(String target, String signal) throws Exception {
        Process p = new ProcessBuilder("python3", "-c",
                "import os, signal, sys; t = int(sys.argv[1]); s = getattr(signal, sys.argv[2]);"
                        + " os.killpg(-t, s) if t < 0 else os.kill(t, s)", target, signal)
                .inheritIO().start();
        assertEquals(0, p.waitFor());
    }

    private static void assertGone(long pid) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            assertTrue(System.nanoTime() < end, "process " + pid + " is still there");
            Thread.sleep(50);
        }
    }

    private static List<Path> contents(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void ctrlCStopsTheProgramAndTheToolConvertsWhatWasRecorded() throws Exception {
        needPython();
        assumeTrue(Fixtures.onPath("setsid"), "needs setsid (util-linux)");
        Path tmp = work.resolve("tmp");
        Process probe = probe(tmp, sleeper().toString());
        long child = awaitStarted();
        signal("-" + probe.pid(), "SIGINT"); // the whole process group, as the terminal does
        assertTrue(probe.waitFor(30, TimeUnit.SECONDS), "the tool should finish after ctrl-c");
        String log = Files.readString(work.resolve("probe.log"));
        assertEquals(0, probe.exitValue(), log);
        // The "interrupted; converting what was recorded" line is not asserted: our JVM's SIGINT
        // handler can run after the program has already exited, and then it has nothing to say.
        assertTrue(log.contains("KeyboardInterrupt"), log);
        assertTrue(log.contains("exit=130 profile-bytes="), log);
        assertFalse(log.contains("profile-bytes=0"), log);
        assertGone(child);
        assertEquals(List.of(), contents(tmp), "the temporary directory is removed");
    }

    @Test
    void terminatingTheToolStopsTheProgramAndRemovesItsFiles() throws Exception {
        needPython();
        assumeTrue(Fixtures.onPath("setsid"), "needs setsid (util-linux)");
        Path tmp = work.resolve("tmp");
        Process probe = probe(tmp, sleeper().toString());
        long child = awaitStarted();
        assertEquals(1, contents(tmp).size(), "the run's private directory");
        signal(Long.toString(probe.pid()), "SIGTERM"); // the tool only: the shutdown hook stops the program
        assertTrue(probe.waitFor(30, TimeUnit.SECONDS), "the tool should stop");
        assertGone(child);
        assertEquals(List.of(), contents(tmp), "the shutdown hook removes the temporary directory");
    }

    /** Run in a JVM of its own: runs a program, reports the result, cleans up. */
    static final class RunProbe {
        public static void main(String[] args) throws Exception {
            ProgramRunner.Result r = ProgramRunner.run(
                    new ProgramRunner.Spec(Path.of(args[0]), List.of(args).subList(1, args.length), null, null),
                    Path.of(""), System.err);
            System.out.println("exit=" + r.exitCode() + " profile-bytes=" + Files.size(r.profile()));
            ProgramRunner.cleanUp(r);
        }
    }
}
