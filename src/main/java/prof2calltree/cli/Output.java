package prof2calltree.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import prof2calltree.model.CostType;
import prof2calltree.model.Profile;
import prof2calltree.model.transform.ThreadFilter;
import prof2calltree.model.transform.UnsupportedTransformException;
import prof2calltree.write.OutputFormat;
import prof2calltree.write.ProfileWriter;
import prof2calltree.write.UnsupportedOutputException;
import prof2calltree.write.callgrind.CallgrindWriter;
import prof2calltree.write.collapsed.CollapsedWriter;
import prof2calltree.write.top.TopTable;

/** Renders a profile as the options ask: to a file (atomically), to a stream, or as a table. */
final class Output {
    private final Options options;
    private final PrintStream err;

    Output(Options options, PrintStream err) {
        this.options = options;
        this.err = err;
    }

    /** The name an output gets when no -o names it. */
    static String defaultFileName(OutputFormat format, String inputName) {
        return switch (format) {
            case CALLGRIND -> "callgrind.out." + inputName;
            case COLLAPSED -> inputName + ".collapsed";
            case JSON -> inputName + ".json";
        };
    }

    /** Where outputs go when no -o names one: the -d directory (made if missing), else the working directory. */
    static Path directory(Options options, Path workingDir) throws Failure {
        if (options.outputDir() == null) {
            return workingDir;
        }
        Path dir = workingDir.resolve(options.outputDir());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new Failure(options.outputDir(), "cannot create the output directory: " + Main.describe(e));
        }
        return dir;
    }

    /**
     * The cost column the user chose with --events (its first entry), else the first. The JFR
     * reader has already refused unknown names; a chosen type the recording lacks has no column,
     * and then the first column is used.
     */
    static int eventIndex(Profile profile, Options options) {
        if (options.events().isEmpty()) {
            return 0;
        }
        String wanted = options.events().get(0).toLowerCase(Locale.ROOT).replaceFirst("^jdk\\.", "");
        List<CostType> types = profile.costTypes();
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return i;
            }
        }
        return 0;
    }

    static String topTable(Profile profile, Options options) {
        return TopTable.render(profile, options.top(), eventIndex(profile, options));
    }

    private ProfileWriter writer(Profile profile) {
        if (options.format() == OutputFormat.COLLAPSED) {
            return new CollapsedWriter(eventIndex(profile, options), false);
        }
        return options.format().newWriter();
    }

    /** Writes to a stream that stays open, such as standard output. */
    void writeTo(Profile profile, String name, OutputStream out) throws Failure {
        try {
            writer(profile).write(profile, name, Main.unclosable(out));
            out.flush();
        } catch (UnsupportedOutputException e) {
            throw new Failure(name, e.getMessage());
        } catch (IOException e) {
            throw new Failure("standard output", "cannot write: " + Main.describe(e));
        }
        if (out instanceof PrintStream ps && ps.checkError()) {
            throw new Failure("standard output", "closed before the whole output was written (a pipe reader that stopped early?)");
        }
    }

    /**
     * Writes the file {@code target} (or, with --per-thread, one file per thread beside it, named
     * {@code target-01}, {@code -02}, …), each through a temporary file.
     *
     * @param input the input's path, which may never be overwritten; null if there is none
     * @return the files written
     */
    List<Path> writeFile(Profile profile, String name, Path target, Path input) throws Failure {
        if (Files.isDirectory(target)) {
            throw new Failure(target.toString(), "is a directory; give a file name with -o, or use -d DIR");
        }
        if (options.perThread()) {
            return writeThreads(profile, name, target, input);
        }
        write(target, input, profile, name, writer(profile));
        return List.of(target);
    }

    private List<Path> writeThreads(Profile profile, String name, Path target, Path input) throws Failure {
        if (options.format() != OutputFormat.CALLGRIND) {
            throw new Failure(name, "--per-thread writes callgrind parts; it cannot be combined with --format "
                    + options.format().id());
        }
        SortedMap<String, Profile> threads;
        try {
            threads = ThreadFilter.splitByThread(profile);
        } catch (UnsupportedTransformException e) {
            throw new Failure(name, e.getMessage());
        }
        List<Path> written = new ArrayList<>();
        int number = 1;
        int width = Math.max(2, String.valueOf(threads.size()).length());
        for (Map.Entry<String, Profile> e : threads.entrySet()) {
            Path part = target.resolveSibling(target.getFileName() + "-" + String.format(Locale.ROOT, "%0" + width + "d", number));
            write(part, input, e.getValue(), name, new CallgrindWriter(new CallgrindWriter.Part(number, e.getKey())));
            written.add(part);
            number++;
        }
        err.println(Main.TOOL + ": wrote " + threads.size() + " thread parts, " + target.getFileName() + "-"
                + "0".repeat(width - 1) + "1 and on; KCacheGrind loads them together with: kcachegrind " + target);
        return written;
    }

    private static void write(Path target, Path input, Profile profile, String name, ProfileWriter writer)
            throws Failure {
        Main.checkNotInput(target, input, target.toString());
        try {
            // An anonymous class, not a lambda: lambdas cost a small conversion start-up time.
            AtomicOutput.write(target, new AtomicOutput.Content() {
                @Override
                public void writeTo(OutputStream out) throws IOException {
                    writer.write(profile, name, out);
                }
            });
        } catch (UnsupportedOutputException e) {
            throw new Failure(name, e.getMessage());
        } catch (IOException e) {
            throw new Failure(target.toString(), "cannot write: " + Main.describe(e));
        }
    }
}
