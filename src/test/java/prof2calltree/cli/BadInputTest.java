package prof2calltree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import prof2calltree.testutil.Fixtures;

/**
 * The table of bad inputs and command lines: each gives its exit code and one line on stderr
 * naming the file and the problem, never a stack trace, and leaves an existing output untouched
 * and no temporary file behind.
 */
class BadInputTest {
    @TempDir
    Path dir;

    private static final byte[] GOOD = read("pstats/py312-cprofile.prof");
    private static final byte[] JFR = read("jfr/jdk17-lock.jfr");

    /** A 200-byte chunk: a JFR header with the given size and pool and metadata offsets, then zeros. */
    private static byte[] jfrHeader(long size, long constantPools, long metadata) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(200);
        b.put(new byte[] {'F', 'L', 'R', 0}).putShort((short) 2).putShort((short) 0);
        b.putLong(size).putLong(constantPools).putLong(metadata);
        return b.array();
    }

    private static byte[] read(String fixture) {
        try {
            return Files.readAllBytes(Fixtures.ROOT.resolve(fixture));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    private static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                gz.write(data);
            }
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] nested(int depth) {
        byte[] b = new byte[depth * 2 + 1];
        b[0] = '{';
        for (int i = 1; i < b.length; i++) {
            b[i] = ')';
            b[++i] = 1;
        }
        return Arrays.copyOf(b, b.length);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of("empty file", new byte[0], "the file is empty"),
                Arguments.of("text", "hello world\n".getBytes(StandardCharsets.US_ASCII), "not a pstats dump or JFR recording"),
                Arguments.of("gzipped text", gzip("hello\n".getBytes(StandardCharsets.US_ASCII)), "not a pstats dump"),
                Arguments.of("truncated gzip", Arrays.copyOf(gzip(GOOD), 100), "gzip stream is corrupted or truncated"),
                Arguments.of("truncated in half", Arrays.copyOf(GOOD, GOOD.length / 2), "truncated"),
                Arguments.of("truncated after the dict marker", Arrays.copyOf(GOOD, 1), "offset 1: unexpected end of data"),
                Arguments.of("unknown type code", bytes('{', 0x3f), "offset 1: unknown marshal type 0x3f"),
                Arguments.of("a dict of ints", bytes('{', 'i', 1, 0, 0, 0, 'i', 2, 0, 0, 0, '0'), "entry 0: key is a int"),
                Arguments.of("wrong value shape", bytes('{', ')', 3, 'z', 1, 'a', 'i', 1, 0, 0, 0, 'z', 1, 'f', 'N', '0'),
                        "expected a (cc, nc, tt, ct, callers) tuple"),
                Arguments.of("2^31 elements declared", bytes('{', '(', 0xff, 0xff, 0xff, 0x7f), "declares 2147483647 items"),
                Arguments.of("negative size", bytes('{', 's', 0xff, 0xff, 0xff, 0xff), "negative size"),
                Arguments.of("dangling back reference", bytes('{', 'r', 5, 0, 0, 0), "back reference 5"),
                Arguments.of("200,000 levels of nesting", nested(200_000), "nested more than 500 deep"),
                Arguments.of("JFR magic, then garbage", "FLR\0garbage".getBytes(StandardCharsets.ISO_8859_1), "offset 0"),
                Arguments.of("JFR chunk claiming 2^63 bytes", jfrHeader(Long.MAX_VALUE, 68, 68), "offset 0"),
                Arguments.of("JFR chunk with absurd offsets", jfrHeader(200, Long.MAX_VALUE, -5), "offset 0"),
                Arguments.of("JFR recording cut inside its only chunk", Arrays.copyOf(JFR, JFR.length / 2), "offset 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputFailsCleanlyAndKeepsTheOldOutput(String what, byte[] content, String message) throws Exception {
        Path input = dir.resolve("in.prof");
        Files.write(input, content);
        Path output = dir.resolve("callgrind.out.keep");
        Files.writeString(output, "precious");
        CliRun r = CliRun.run(dir, "-i", "in.prof", "-o", "callgrind.out.keep");
        assertEquals(1, r.exit(), r.err());
        assertOneLine(r.err(), "in.prof: ");
        assertTrue(r.err().contains(message), () -> "'" + message + "' in: " + r.err());
        assertEquals("precious", Files.readString(output), "an existing output survives a failed run");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("callgrind.out.keep", "in.prof"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no stray files");
        }
    }

    static Stream<Arguments> badCommandLines() {
        return Stream.of(
                Arguments.of(new String[] {}, 2, "no input"),
                Arguments.of(new String[] {"--frobnicate"}, 2, "unrecognized option: --frobnicate"),
                Arguments.of(new String[] {"-i"}, 2, "missing argument for option: i"),
                Arguments.of(new String[] {"a.prof", "b.prof", "-o", "x"}, 2, "-o names one output"),
                Arguments.of(new String[] {"good.prof", "--format", "svg"}, 2, "unknown format 'svg'"),
                Arguments.of(new String[] {"good.prof", "--top", "zero"}, 2, "--top needs a number"),
                Arguments.of(new String[] {"a.prof", "b.prof", "--top", "5"}, 2, "--top prints one profile's table"),
                Arguments.of(new String[] {"good.prof", "--from", "soon"}, 2, "--from 'soon' is not a time"),
                Arguments.of(new String[] {"good.prof", "--include", "("}, 2, "is not a regular expression"),
                Arguments.of(new String[] {"good.prof", "--events", "jdk.Bogus"}, 2, "unknown JFR event type"),
                Arguments.of(new String[] {"-r"}, 2, "-r needs the program"),
                Arguments.of(new String[] {"good.prof", "--ru", "app.py"}, 2, "write -r PROGRAM or --run PROGRAM in full"),
                Arguments.of(new String[] {"-rapp.py"}, 2, "write -r PROGRAM or --run PROGRAM in full"),
                Arguments.of(new String[] {"good.prof", "--format", "collapsed", "-o", "-"}, 1, "--format collapsed"),
                Arguments.of(new String[] {"-i", "missing.prof"}, 1, "missing.prof: no such file or directory"),
                Arguments.of(new String[] {"-i", "."}, 1, ".: is a directory"),
                Arguments.of(new String[] {"-i", "good.prof", "-o", "no/such/dir/out"}, 1, "no/such/dir/out: cannot write"),
                Arguments.of(new String[] {"-i", "good.prof", "-o", "good.prof"}, 1, "good.prof: is the input file"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badCommandLines")
    void badCommandLine(String[] args, int exit, String message) throws Exception {
        Files.write(dir.resolve("good.prof"), GOOD);
        CliRun r = CliRun.run(dir, args);
        assertEquals(exit, r.exit(), r.err());
        assertTrue(r.err().startsWith("prof2calltree: "), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertTrue(r.err().lines().count() <= 2, r.err());
        assertTrue(Arrays.equals(GOOD, Files.readAllBytes(dir.resolve("good.prof"))), "input untouched");
    }

    @Test
    void successWritesDefaultNameAndNothingElse() throws Exception {
        Files.write(dir.resolve("app.prof"), GOOD);
        CliRun r = CliRun.run(dir, "-i", "app.prof");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertTrue(Files.readString(dir.resolve("callgrind.out.app.prof")).startsWith("# callgrind format\n"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "input and output only");
        }
    }

    @Test
    void helpTeaches() {
        CliRun r = CliRun.run(dir, "--help");
        assertEquals(0, r.exit());
        for (String s : List.of("-i,--input", "-o,--output", "callgrind.out.", "profile module", "Exit status")) {
            assertTrue(r.out().contains(s), () -> "help mentions " + s + ":\n" + r.out());
        }
    }

    private static void assertOneLine(String err, String fragment) {
        assertEquals(1, err.lines().count(), "one line on stderr: " + err);
        assertTrue(err.startsWith("prof2calltree: "), err);
        assertTrue(err.contains(fragment), () -> "'" + fragment + "' in: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    }
}
