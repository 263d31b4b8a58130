package prof2calltree.testutil;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import prof2calltree.model.Profile;
import prof2calltree.read.InputFormat;
import prof2calltree.read.Warnings;
import prof2calltree.write.OutputFormat;

/** Finds the committed fixtures and converts them the way the tool does. */
public final class Fixtures {
    public static final Path ROOT = Path.of("src/test/resources/fixtures");

    private Fixtures() {}

    /** Every fixture in a subdirectory whose name ends with {@code suffix}, sorted. */
    public static List<Path> list(String dir, String suffix) {
        try (Stream<Path> s = Files.list(ROOT.resolve(dir))) {
            List<Path> files = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList());
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Profile read(Path file, Warnings warnings) throws Exception {
        return InputFormat.detect(file).newReader().read(file, warnings);
    }

    /** The callgrind text the tool writes for a file, named after the file as the CLI names it. */
    public static String callgrind(Path file) throws Exception {
        return callgrind(read(file, Warnings.IGNORE), file.getFileName().toString());
    }

    public static String callgrind(Profile profile, String command) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputFormat.CALLGRIND.newWriter().write(profile, command, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** True when a program is on the PATH. */
    public static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
