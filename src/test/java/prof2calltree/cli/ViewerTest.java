package prof2calltree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer: which program {@link Viewer#find} picks from a fake PATH, the private output place,
 * and {@link Viewer#open} on stub viewers that record what they were given.
 */
class ViewerTest {
    @TempDir
    Path dir;

    /** Stub viewers started by a test, stopped afterwards. */
    private final List<Long> started = new java.util.ArrayList<>();

    @AfterEach
    void stopStubs() {
        for (long pid : started) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private Path executable(Path parent, String name, String script) throws IOException {
        Files.createDirectories(parent);
        Path p = parent.resolve(name);
        Files.writeString(p, script, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private Path stub(Path parent, String name) throws IOException {
        return executable(parent, name, "#!/bin/sh\nexit 0\n");
    }

    private static Map<String, String> env(Path... pathDirs) {
        StringBuilder path = new StringBuilder();
        for (Path p : pathDirs) {
            path.append(path.length() == 0 ? "" : File.pathSeparator).append(p);
        }
        return Map.of("PATH", path.toString());
    }

    @Test
    void prefersKcachegrindThenQcachegrind() throws IOException {
        Path bin = dir.resolve("bin");
        Path other = dir.resolve("other");
        Path q = stub(bin, "qcachegrind");
        Path k = stub(other, "kcachegrind");
        assertEquals(Optional.of(k), Viewer.find(null, env(bin, other)));
        Files.delete(k);
        assertEquals(Optional.of(q), Viewer.find(null, env(bin, other)));
        Files.delete(q);
        assertEquals(Optional.empty(), Viewer.find(null, env(bin, other)));
        assertEquals(Optional.empty(), Viewer.find(null, Map.of()));
    }

    @Test
    void firstPathEntryWinsAndNonExecutablesAreSkipped() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.createDirectories(a);
        Files.writeString(a.resolve("kcachegrind"), "not executable");
        Files.createDirectories(a.resolve("qcachegrind")); // a directory, not a program
        Path k = stub(b, "kcachegrind");
        assertEquals(Optional.of(k), Viewer.find(null, env(a, b)));
        Map<String, String> withEmptyEntry = Map.of("PATH", File.pathSeparator + b);
        assertEquals(Optional.of(k), Viewer.find(null, withEmptyEntry));
    }

    @Test
    void theOptionComesFirstThenTheEnvironment() throws IOException {
        Path bin = dir.resolve("bin");
        Path k = stub(bin, "kcachegrind");
        Path mine = stub(bin, "myviewer");
        Path envChoice = stub(bin, "envviewer");
        Path elsewhere = stub(dir.resolve("elsewhere"), "special viewer");
        Map<String, String> env = Map.of("PATH", bin.toString(), Viewer.ENV, "envviewer");

        assertEquals(Optional.of(mine), Viewer.find("myviewer", env));
        assertEquals(Optional.of(elsewhere), Viewer.find(elsewhere.toString(), env));
        assertEquals(Optional.of(envChoice), Viewer.find(null, env));
        assertEquals(Optional.of(envChoice), Viewer.find("", env));
        assertEquals(Optional.of(k), Viewer.find(null, Map.of("PATH", bin.toString(), Viewer.ENV, "")));
    }

    @Test
    void anExplicitChoiceThatIsMissingDoesNotFallBack() throws IOException {
        Path bin = dir.resolve("bin");
        stub(bin, "kcachegrind");
        Map<String, String> env = Map.of("PATH", bin.toString(), Viewer.ENV, "nosuchviewer");
        assertEquals(Optional.empty(), Viewer.find("nosuchviewer", Map.of("PATH", bin.toString())));
        assertEquals(Optional.empty(), Viewer.find(null, env));
        assertEquals(Optional.empty(), Viewer.find(dir.resolve("nope/viewer").toString(), env));

        assertEquals("viewer 'nosuchviewer' (from --viewer) is not on the PATH",
                Viewer.notFoundMessage("nosuchviewer", Map.of()));
        assertEquals("viewer 'nosuchviewer' (from PROF2CALLTREE_VIEWER) is not on the PATH",
                Viewer.notFoundMessage(null, env));
        assertEquals("viewer '/x/v' (from --viewer) does not exist or is not executable",
                Viewer.notFoundMessage("/x/v", env));
        assertEquals(Viewer.notFoundMessage(), Viewer.notFoundMessage(null, Map.of()));
    }

    @Test
    void notFoundMessageNamesBothViewersAndHowToGetOne() {
        String m = Viewer.notFoundMessage();
        assertFalse(m.contains("\n"), m);
        assertTrue(Character.isLowerCase(m.charAt(0)), m);
        for (String part : List.of("kcachegrind", "qcachegrind", "apt-get install kcachegrind",
                "dnf install kcachegrind", "brew install qcachegrind", "--viewer")) {
            assertTrue(m.contains(part), () -> "missing '" + part + "' in: " + m);
        }
    }

    @Test
    void noDisplayMeansNeitherXNorWayland() {
        assumeTrue(System.getProperty("os.name").equals("Linux"));
        assertTrue(Viewer.noDisplay(Map.of()));
        assertTrue(Viewer.noDisplay(Map.of("DISPLAY", "")));
        assertFalse(Viewer.noDisplay(Map.of("DISPLAY", ":0")));
        assertFalse(Viewer.noDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0")));
    }

    @Test
    void privateOutputIsAFreshOwnerOnlyDirectory() throws IOException {
        Path a = Viewer.privateOutput("app.prof");
        Path b = Viewer.privateOutput("some/dir/app.prof");
        try {
            assertEquals("callgrind.out.app.prof", a.getFileName().toString());
            assertEquals("callgrind.out.app.prof", b.getFileName().toString());
            assertNotEquals(a.getParent(), b.getParent());
            assertFalse(Files.exists(a));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(a.getParent())));
            assertTrue(a.getParent().getFileName().toString().startsWith("prof2calltree-"));

            Files.writeString(a, "# callgrind format\n");
            Viewer.makePrivate(a);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(a)));
        } finally {
            for (Path p : List.of(a, b)) {
                Files.deleteIfExists(p);
                Files.deleteIfExists(p.getParent());
            }
        }
    }

    /** A viewer that writes its arguments, pid and standard input into {@code record}, then waits. */
    private Path recordingViewer(Path record) throws IOException {
        return executable(dir.resolve("bin"), "viewer", "#!/bin/sh\n"
                + "{ echo \"pid=$$\"; echo \"stdin=$(readlink /proc/$$/fd/0)\"; echo \"argc=$#\";\n"
                + "  for a in \"$@\"; do echo \"arg=$a\"; done; } > '" + record + ".tmp'\n"
                + "mv '" + record + ".tmp' '" + record + "'\n"
                + "exec sleep 30\n");
    }

    private static List<String> awaitLines(Path file, long timeoutMillis) throws Exception {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!Files.exists(file)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the stub viewer did not write " + file);
            }
            Thread.sleep(20);
        }
        return Files.readAllLines(file);
    }

    private static String value(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("no " + key + " in " + lines));
    }

    @Test
    void openStartsTheViewerWithTheFileAndReturnsAtOnce() throws Exception {
        Path record = dir.resolve("record.txt");
        Path viewer = recordingViewer(record);
        Path file = dir.resolve("out dir/callgrind.out.app.prof");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# callgrind format\n");
        Viewer.makePrivate(file);

        long t0 = System.nanoTime();
        Viewer.open(viewer, file);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        // Without a display (CI), open() watches the viewer longer, to catch Qt's abort.
        long bound = (Viewer.noDisplay(System.getenv()) ? 1500 : 150) + 2000;
        assertTrue(millis < bound, "open() took " + millis + " ms");

        List<String> lines = awaitLines(record, 10_000);
        long pid = Long.parseLong(value(lines, "pid"));
        started.add(pid);
        assertEquals("1", value(lines, "argc"), lines::toString);
        assertEquals(file.toAbsolutePath().toString(), value(lines, "arg"));
        assertEquals("/dev/null", value(lines, "stdin"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the viewer should still run");
    }

    @Test
    void withSetsidTheViewerHasASessionOfItsOwn() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "needs Linux /proc");
        assumeTrue(Viewer.onPath("setsid", System.getenv("PATH")).isPresent(), "needs setsid (util-linux)");
        Path record = dir.resolve("record.txt");
        Viewer.open(recordingViewer(record), dir.resolve("callgrind.out.x"));
        long pid = Long.parseLong(value(awaitLines(record, 10_000), "pid"));
        started.add(pid);
        // A new session: closing the terminal (SIGHUP to its session) leaves the viewer running.
        assertEquals(pid, session(pid), "the viewer leads its own session");
        assertNotEquals(session(ProcessHandle.current().pid()), session(pid));
    }

    /** Field 6 of /proc/PID/stat, counted after the parenthesised command name. */
    private static long session(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[3]);
    }

    @Test
    void theViewerOutlivesTheJvmThatStartedIt() throws Exception {
        Path record = dir.resolve("record.txt");
        Path viewer = executable(dir.resolve("bin"), "slowviewer", "#!/bin/sh\n"
                + "sleep 2\n"
                + "echo \"pid=$$\" > '" + record + ".tmp'\n"
                + "mv '" + record + ".tmp' '" + record + "'\n");
        Process probe = new ProcessBuilder(ProgramRunner.defaultJava().toString(), "-cp", testClassPath(),
                OpenProbe.class.getName(), viewer.toString(), dir.resolve("callgrind.out.x").toString())
                .redirectErrorStream(true).start();
        assertTrue(probe.waitFor(30, TimeUnit.SECONDS), "the probe JVM should exit at once");
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, probe.exitValue(), output);
        assertFalse(Files.exists(record), "the stub should still be sleeping when the JVM has gone");
        awaitLines(record, 10_000); // written a second later, by a viewer whose parent JVM has exited
    }

    @Test
    void aViewerThatCannotRunIsAnIoError() throws IOException {
        Path notExecutable = dir.resolve("viewer");
        Files.writeString(notExecutable, "#!/bin/sh\n");
        IOException e = assertThrows(IOException.class, () -> Viewer.open(notExecutable, dir.resolve("f")));
        assertEquals("not an executable file", e.getMessage());

        Path badInterpreter = executable(dir.resolve("bin"), "broken", "#!/nonexistent/interpreter\n");
        e = assertThrows(IOException.class, () -> Viewer.open(badInterpreter, dir.resolve("f"), 5000));
        // setsid reports the failed exec with status 127; without setsid, the start itself fails
        assertTrue(e.getMessage().equals("exited at once with status 127")
                || e.getMessage().equals("cannot start: no such file or directory"), e.getMessage());

        Path failing = executable(dir.resolve("bin"), "failing", "#!/bin/sh\nexit 4\n");
        e = assertThrows(IOException.class, () -> Viewer.open(failing, dir.resolve("f"), 5000));
        assertEquals("exited at once with status 4" + (Viewer.noDisplay(System.getenv())
                ? "; there is no display to show it on (DISPLAY is not set; over ssh, log in with ssh -X)" : ""),
                e.getMessage());
    }

    static String testClassPath() {
        return Path.of("target/classes").toAbsolutePath() + File.pathSeparator
                + Path.of("target/test-classes").toAbsolutePath();
    }

    /** Run in a JVM of its own: opens a viewer and exits at once. */
    static final class OpenProbe {
        public static void main(String[] args) throws IOException {
            Viewer.open(Path.of(args[0]), Path.of(args[1]), 150);
            System.exit(0);
        }
    }
}
