package prof2calltree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import prof2calltree.testutil.CallgrindFile;
import prof2calltree.testutil.Fixtures;

/** -k, -r and --per-thread as a user runs them, with a stub viewer that records what it was given. */
class ViewAndRunCliTest {
    @TempDir
    Path dir;

    /** A viewer that writes the file it was asked to open, and a copy of it, beside itself. */
    private Path stubViewer() throws Exception {
        Path stub = dir.resolve("stub-viewer");
        Files.writeString(stub, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"" + dir.resolve("viewer-args") + "\"\n"
                + "cp \"$1\" \"" + dir.resolve("viewer-saw") + "\"\n");
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwx------"));
        return stub;
    }

    private String waitFor(Path file) throws Exception {
        for (int i = 0; i < 100 && !Files.exists(file); i++) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertTrue(Files.exists(file), file + " appeared");
        TimeUnit.MILLISECONDS.sleep(100);
        return Files.readString(file);
    }

    @Test
    void kWritesAPrivateCallgrindFileAndHandsItToTheViewer() throws Exception {
        Path stub = stubViewer();
        Files.copy(Fixtures.ROOT.resolve("pstats/py312-cprofile.prof"), dir.resolve("app.prof"));
        CliRun r = CliRun.run(dir, "-k", "--viewer", stub.toString(), "-i", "app.prof");
        assertEquals(0, r.exit(), r.err());
        Path opened = Path.of(waitFor(dir.resolve("viewer-args")).strip());
        assertEquals("callgrind.out.app.prof", opened.getFileName().toString());
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(opened), "mode 0600");
        assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(opened.getParent()));
        CallgrindFile cg = CallgrindFile.parse(waitFor(dir.resolve("viewer-saw")));
        assertTrue(cg.functions.keySet().stream().anyMatch(k -> k.name().equals("fib")));
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("callgrind.out")),
                    "nothing written in the working directory");
        }
    }

    @Test
    void aMissingViewerFailsButKeepsTheRequestedFile() throws Exception {
        Files.copy(Fixtures.ROOT.resolve("pstats/py312-cprofile.prof"), dir.resolve("app.prof"));
        CliRun r = CliRun.run(dir, "-k", "--viewer", dir.resolve("no-such-viewer").toString(), "app.prof",
                "-o", "callgrind.out.kept");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("no-such-viewer"), r.err());
        assertTrue(Files.size(dir.resolve("callgrind.out.kept")) > 0, "the -o file is still written");
    }

    @Test
    void rRunsAPythonScriptWithItsArgumentsAndConvertsItsProfile() throws Exception {
        assumeTrue(Fixtures.onPath("python3") || System.getenv("CI") != null, "python3 not installed");
        Path script = Path.of("scripts/fixture-programs/run/hello.py").toAbsolutePath();
        CliRun r = CliRun.run(dir, "-r", script.toString(), "one", "two words", "--exit", "3");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("exited with status 3"), r.err());
        assertTrue(Files.readString(dir.resolve("hello-run.json")).contains("\"args\": [\"one\", \"two words\", \"--exit\", \"3\"]"),
                Files.readString(dir.resolve("hello-run.json")));
        CallgrindFile cg = CallgrindFile.parse(Files.readString(dir.resolve("callgrind.out.hello.py")));
        for (String f : List.of("fib", "greet", "record", "main")) {
            assertTrue(cg.functions.keySet().stream().anyMatch(k -> k.name().equals(f) && k.file().endsWith("hello.py")),
                    "the program's own " + f + " is in the output");
        }
    }

    @Test
    void rRunsAJavaSourceFileUnderFlightRecorder() throws Exception {
        Path source = Path.of("scripts/fixture-programs/run/Hello.java").toAbsolutePath();
        CliRun r = CliRun.run(dir, "-o", "callgrind.out.hello", "-r", source.toString(), "alpha", "beta");
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.readString(dir.resolve("hello-run.txt")).startsWith("alpha\u0000beta"));
        CallgrindFile cg = CallgrindFile.parse(Files.readString(dir.resolve("callgrind.out.hello")));
        assertTrue(cg.functions.keySet().stream().anyMatch(k -> k.name().startsWith("Hello::")),
                "Hello's own methods are in the output: " + cg.functions.keySet());
    }

    @Test
    void perThreadWritesOnePartPerThreadThatAddUpToTheWhole() throws Exception {
        Files.copy(Fixtures.ROOT.resolve("jfr/jdk17-lock.jfr"), dir.resolve("lock.jfr"));
        CliRun whole = CliRun.run(dir, "lock.jfr", "-o", "-");
        assertEquals(0, whole.exit(), whole.err());
        long[] total = CallgrindFile.parse(whole.out()).totals;
        CliRun parts = CliRun.run(dir, "lock.jfr", "--per-thread", "-o", "callgrind.out.lock");
        assertEquals(0, parts.exit(), parts.err());
        long[] sum = new long[total.length];
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().startsWith("callgrind.out.lock-")).sorted().toList();
        }
        assertTrue(files.size() > 1, "several threads: " + files);
        for (Path f : files) {
            CallgrindFile cg = CallgrindFile.parse(Files.readString(f));
            assertTrue(cg.header.containsKey("thread"), "thread: header in " + f);
            assertEquals(cg.events.size(), total.length);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += cg.totals[i];
            }
        }
        assertEquals(java.util.Arrays.toString(total), java.util.Arrays.toString(sum));
    }
}
