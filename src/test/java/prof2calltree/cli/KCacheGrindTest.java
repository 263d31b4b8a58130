package prof2calltree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import prof2calltree.testutil.CallgrindFile;
import prof2calltree.testutil.Fixtures;

/**
 * The real viewer: converted fixtures opened in KCacheGrind on a virtual X server. Asserts that the
 * window names the file, that the loader reported no problem on stderr, and that the status bar
 * shows the total the file declares: the status bar label is read through the accessibility bus
 * (AT-SPI over D-Bus), the only place KCacheGrind exposes it as text.
 *
 * <p>Every process runs from an argument list, with a private environment: Xvfb on a free display
 * ({@code -displayfd}), a private session bus, KCacheGrind with fresh XDG directories (no tip of the
 * day, no state from earlier runs) and, once its window is up, the accessibility bus (Qt 5 enables
 * accessibility reliably only when the bus appears after the application has started: earlier,
 * its registration races the connection and loses about half the time). Everything is stopped
 * afterwards, children included, within seconds.
 *
 * <p>Skipped when the programs are missing, except under CI=true, where that fails: see
 * {@link #PACKAGES}.
 */
class KCacheGrindTest {
    /** The Debian packages this test needs. */
    static final String PACKAGES = "kcachegrind xvfb xdotool dbus-daemon dbus-bin at-spi2-core";

    static final List<String> PROGRAMS = List.of("kcachegrind", "Xvfb", "xdotool", "dbus-daemon", "dbus-send");

    /** Makes the accessibility bus activatable on a session bus (at-spi2-core). */
    static final Path A11Y_SERVICE = Path.of("/usr/share/dbus-1/services/org.a11y.Bus.service");

    static final long WINDOW_TIMEOUT_SECONDS = 60;
    static final long STATUS_TIMEOUT_SECONDS = 30;

    @TempDir
    Path dir;

    static void needViewer() {
        List<String> missing = new ArrayList<>(PROGRAMS.stream().filter(p -> !Fixtures.onPath(p)).toList());
        if (!Files.exists(A11Y_SERVICE)) {
            missing.add(A11Y_SERVICE.toString());
        }
        if (!missing.isEmpty() && "true".equals(System.getenv("CI"))) {
            fail("CI must run the real-viewer test: missing " + missing + "; apt-get install -y " + PACKAGES);
        }
        assumeTrue(missing.isEmpty(), () -> "missing " + missing + " (apt-get install " + PACKAGES + ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pstats/py312-cprofile.prof", "jfr/jdk17-cpu.jfr"})
    void showsTheConvertedFileWithItsTotal(String fixture) throws Exception {
        needViewer();
        Path input = Fixtures.ROOT.resolve(fixture);
        String text = Fixtures.callgrind(input);
        CallgrindFile expected = CallgrindFile.parse(text);
        Path file = dir.resolve("data").resolve("callgrind.out." + input.getFileName());
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);

        try (Session viewer = Session.start(dir.resolve("session"))) {
            String title = viewer.open(file);
            assertTrue(title.startsWith(file.toAbsolutePath() + " [" + input.getFileName() + "]"), title);
            assertTrue(title.contains("KCachegrind"), title);

            // Every event type in turn, as the user picks them from the toolbar: the status bar
            // shows the total of the one selected.
            for (int i = 0; i < expected.events.size(); i++) {
                String event = expected.events.get(i);
                String longName = expected.eventDescriptions.getOrDefault(event, event);
                if (i > 0) {
                    viewer.selectEventType(event);
                }
                String status = viewer.statusBar(longName);
                Matcher m = Pattern.compile("(.+) \\[1] - Total (.+) Cost: ([0-9][0-9 \u00a0\u202f]*)").matcher(status);
                assertTrue(m.matches(), () -> "status bar: '" + status + "'");
                assertEquals(file.getFileName().toString(), m.group(1));
                assertEquals(longName, m.group(2));
                long shown = Long.parseLong(m.group(3).replaceAll("[^0-9]", ""));
                assertEquals(expected.totals[i], shown, () -> "status bar: '" + status + "'");
            }
            assertTrue(expected.totals[0] > 0);

            String stderr = viewer.stderr();
            assertFalse(stderr.contains("Loading \""), () -> "the loader complained:\n" + stderr);
        }
    }

    /** The harness itself: a file KCacheGrind cannot read fully is noticed on its stderr. */
    @Test
    void loaderProblemsShowOnStderr() throws Exception {
        needViewer();
        Path file = dir.resolve("data").resolve("callgrind.out.broken");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", "# callgrind format", "version: 1", "creator: test", "cmd: broken",
                "positions: line", "events: Time", "fl=a.py", "fn=f", "1 1.5", "totals: 1", ""));
        try (Session viewer = Session.start(dir.resolve("session"))) {
            viewer.open(file);
            String stderr = viewer.awaitStderr("Loading \"", 10);
            assertTrue(stderr.contains("Loading \"" + file.toAbsolutePath() + "\""), stderr);
            assertTrue(stderr.contains("Garbage at end of cost line"), stderr);
        }
    }

    /** Xvfb, a session bus and KCacheGrind, with their own environment; closing stops them all. */
    static final class Session implements AutoCloseable {
        private final Path dir;
        private final Map<String, String> env;
        private final List<Process> processes = new ArrayList<>();
        private Process viewer;
        private AtSpi atspi;

        private Session(Path dir, Map<String, String> env) {
            this.dir = dir;
            this.env = env;
        }

        static Session start(Path dir) throws Exception {
            Files.createDirectories(dir);
            Map<String, String> env = new HashMap<>(System.getenv());
            for (String inherited : List.of("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS",
                    "AT_SPI_BUS_ADDRESS", "XAUTHORITY", "SESSION_MANAGER", "XDG_SESSION_TYPE")) {
                env.remove(inherited);
            }
            env.put("XDG_RUNTIME_DIR", privateDir(dir.resolve("runtime")).toString());
            env.put("XDG_CONFIG_HOME", privateDir(dir.resolve("config")).toString());
            env.put("XDG_DATA_HOME", privateDir(dir.resolve("share")).toString());
            env.put("XDG_CACHE_HOME", privateDir(dir.resolve("cache")).toString());
            env.put("LC_ALL", "C.UTF-8");
            env.put("LANGUAGE", "en");
            Files.writeString(dir.resolve("config/kcachegrindrc"), "[TipOfDay]\nRunOnStart=false\n");
            Session s = new Session(dir, env);
            try {
                Process xvfb = s.spawn("xvfb", "Xvfb", "-displayfd", "1", "-screen", "0", "1400x900x24", "-nolisten", "tcp");
                env.put("DISPLAY", ":" + firstLine(xvfb, "Xvfb", s.log("xvfb")));
                Process bus = s.spawn("bus", "dbus-daemon", "--session", "--nofork", "--print-address=1");
                env.put("DBUS_SESSION_BUS_ADDRESS", firstLine(bus, "dbus-daemon", s.log("bus")));
                return s;
            } catch (Exception | AssertionError e) {
                s.close();
                throw e;
            }
        }

        /** Starts KCacheGrind on a file and waits for its window to name it; returns the title. */
        String open(Path file) throws Exception {
            Map<String, String> viewerEnv = new HashMap<>(env);
            viewerEnv.put("QT_LINUX_ACCESSIBILITY_ALWAYS_ON", "1");
            viewer = spawn("kcachegrind", viewerEnv, "kcachegrind", file.toAbsolutePath().toString());
            String path = file.toAbsolutePath().toString();
            long end = deadline(WINDOW_TIMEOUT_SECONDS);
            while (true) {
                for (String id : lines(call(List.of("xdotool", "search", "--class", "kcachegrind")).output())) {
                    Call name = call(List.of("xdotool", "getwindowname", id));
                    if (name.exit() == 0 && name.output().contains(path)) {
                        return name.output().strip();
                    }
                }
                if (!viewer.isAlive()) {
                    fail("kcachegrind exited with status " + viewer.exitValue() + ":\n" + stderr());
                }
                if (System.nanoTime() > end) {
                    fail("no kcachegrind window named " + path + " within " + WINDOW_TIMEOUT_SECONDS + " s:\n" + stderr());
                }
                Thread.sleep(200);
            }
        }

        /** The status bar text once it names this event type, read through the accessibility bus. */
        String statusBar(String eventLongName) throws Exception {
            if (atspi == null) {
                Call address = call(List.of("dbus-send", "--session", "--print-reply=literal", "--reply-timeout=10000",
                        "--dest=org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus.GetAddress"));
                assertEquals(0, address.exit(), () -> "no accessibility bus: " + address.output());
                atspi = new AtSpi(address.output().strip());
            }
            Pattern wanted = Pattern.compile(".* - Total " + Pattern.quote(eventLongName) + " Cost: .*");
            long end = deadline(STATUS_TIMEOUT_SECONDS);
            while (true) {
                Optional<String> text = atspi.findLabel(wanted);
                if (text.isPresent()) {
                    return text.get();
                }
                if (System.nanoTime() > end) {
                    fail("no status bar naming '" + eventLongName + "' through AT-SPI within " + STATUS_TIMEOUT_SECONDS
                            + " s; labels seen: " + atspi.findLabels());
                }
                Thread.sleep(250);
            }
        }

        /** Selects an event type (by its short name) through KCacheGrind's own D-Bus interface. */
        void selectEventType(String event) throws Exception {
            Call reply = call(List.of("dbus-send", "--session", "--print-reply", "--reply-timeout=10000",
                    "--dest=org.kde.kcachegrind-" + viewer.pid(), "/kcachegrind/MainWindow_1",
                    "org.kde.kcachegrind.setEventType", "string:" + event));
            assertTrue(reply.exit() == 0 && reply.output().contains("boolean true"),
                    () -> "setEventType(" + event + "): " + reply.output());
        }

        String stderr() throws IOException {
            Path log = log("kcachegrind");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        }

        /** Waits for a text to appear on KCacheGrind's stderr, and returns all of it. */
        String awaitStderr(String text, long seconds) throws Exception {
            long end = deadline(seconds);
            while (!stderr().contains(text) && System.nanoTime() < end) {
                Thread.sleep(100);
            }
            return stderr();
        }

        private Path log(String name) {
            return dir.resolve(name + ".log");
        }

        private Process spawn(String name, String... command) throws IOException {
            return spawn(name, env, command);
        }

        private Process spawn(String name, Map<String, String> environment, String... command) throws IOException {
            ProcessBuilder b = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectError(log(name).toFile());
            if (!name.equals("xvfb") && !name.equals("bus")) {
                b.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            }
            b.environment().clear();
            b.environment().putAll(environment);
            Process p = b.start();
            processes.add(p);
            return p;
        }

        /** A short command's output and status, killed if it hangs. */
        Call call(List<String> command) throws Exception {
            ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            b.environment().clear();
            b.environment().putAll(env);
            Process p = b.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            });
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                fail("timed out: " + command);
            }
            return new Call(p.exitValue(), out.get(5, TimeUnit.SECONDS));
        }

        /** Stops everything started, newest first, then anything they started (at-spi daemons). */
        @Override
        public void close() {
            List<ProcessHandle> children = new ArrayList<>();
            for (Process p : processes) {
                p.descendants().forEach(children::add);
            }
            for (int i = processes.size() - 1; i >= 0; i--) {
                stop(processes.get(i).toHandle());
            }
            children.forEach(KCacheGrindTest::stop);
        }
    }

    /** The part of the AT-SPI protocol needed to find a label, spoken with dbus-send. */
    static final class AtSpi {
        private static final String ROOT = "/org/a11y/atspi/accessible/root";
        private static final Set<String> CONTAINERS = Set.of("application", "desktop frame", "frame", "status bar");
        private static final Pattern REF = Pattern.compile("string \"([^\"]*)\"\\s+object path \"([^\"]*)\"");
        private static final Pattern STRING = Pattern.compile("string \"(.*)\"\\s*$", Pattern.MULTILINE);
        private static final Pattern UNIQUE_NAME = Pattern.compile("string \"(:[0-9.]+)\"");

        private final String bus;

        AtSpi(String bus) {
            this.bus = bus;
        }

        /** A reference to an accessible object: its owner on the bus and its path. */
        record Ref(String name, String path) {}

        /** The text of the first label that matches, looking through windows and status bars. */
        Optional<String> findLabel(Pattern wanted) throws Exception {
            return findLabel(wanted, null);
        }

        private Optional<String> findLabel(Pattern wanted, List<String> collect) throws Exception {
            Deque<Ref> queue = new ArrayDeque<>();
            for (String name : matches(UNIQUE_NAME, send("org.freedesktop.DBus", "/", "org.freedesktop.DBus.ListNames"))) {
                queue.add(new Ref(name, ROOT));
            }
            Set<Ref> seen = new HashSet<>();
            while (!queue.isEmpty() && seen.size() < 400) {
                Ref ref = queue.poll();
                if (!seen.add(ref)) {
                    continue;
                }
                Optional<String> role = first(STRING, send(ref.name(), ref.path(), "org.a11y.atspi.Accessible.GetRoleName"));
                if (role.isEmpty()) {
                    continue; // not an accessible object: the bus daemon, this client, a registry mid-start
                }
                if (role.get().equals("label")) {
                    Optional<String> text = first(STRING, send(ref.name(), ref.path(),
                            "org.freedesktop.DBus.Properties.Get", "string:org.a11y.atspi.Accessible", "string:Name"));
                    if (text.isPresent() && collect != null) {
                        collect.add(text.get());
                    } else if (text.isPresent() && wanted.matcher(text.get()).matches()) {
                        return text;
                    }
                } else if (CONTAINERS.contains(role.get())) {
                    Matcher m = REF.matcher(send(ref.name(), ref.path(), "org.a11y.atspi.Accessible.GetChildren"));
                    while (m.find()) {
                        queue.add(new Ref(m.group(1), m.group(2)));
                    }
                }
            }
            return Optional.empty();
        }

        /** Every label's text in windows and status bars, for a failure message. */
        List<String> findLabels() throws Exception {
            List<String> all = new ArrayList<>();
            findLabel(Pattern.compile("(?s).*"), all);
            return all;
        }

        private String send(String dest, String path, String method, String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of("dbus-send", "--bus=" + bus, "--print-reply",
                    "--reply-timeout=5000", "--dest=" + dest, path, method));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return p.exitValue() == 0 ? out : "";
        }

        private static List<String> matches(Pattern p, String text) {
            List<String> out = new ArrayList<>();
            Matcher m = p.matcher(text);
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        }

        private static Optional<String> first(Pattern p, String text) {
            Matcher m = p.matcher(text);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }
    }

    /** A finished short command. */
    record Call(int exit, String output) {}

    private static Path privateDir(Path p) throws IOException {
        Files.createDirectories(p);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    private static long deadline(long seconds) {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    /** The first line a daemon prints (a display number, a bus address), or a failure with its log. */
    private static String firstLine(Process p, String what, Path log) throws Exception {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String value;
        try {
            value = line.get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            value = null;
        }
        if (value == null || value.isBlank()) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            fail(what + " did not start:\n" + text);
        }
        return value.strip();
    }

    /** Asks a process to stop, then forces it, waiting a few seconds at most for each. */
    static void stop(ProcessHandle p) {
        if (!p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            p.onExit().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // Left to the system; the test has done what it can.
            }
        }
    }

}
