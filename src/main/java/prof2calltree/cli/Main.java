package prof2calltree.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import prof2calltree.Version;
import prof2calltree.model.Profile;
import prof2calltree.read.BadInputException;
import prof2calltree.read.InputFormat;
import prof2calltree.read.Warnings;
import prof2calltree.write.OutputFormat;

/**
 * The command-line tool: reads one profile, writes one callgrind file. {@link #run} takes its
 * streams and working directory and returns the exit code; only {@link #main} exits.
 */
public final class Main {
    static final String TOOL = "prof2calltree";

    /** Exit codes. */
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int INTERNAL = 3;

    private final PrintStream out;
    private final PrintStream err;
    private final Path workingDir;

    Main(PrintStream out, PrintStream err, Path workingDir) {
        this.out = out;
        this.err = err;
        this.workingDir = workingDir;
    }

    public static void main(String[] args) {
        int code = new Main(System.out, System.err, Path.of("")).run(args);
        System.out.flush();
        System.exit(code);
    }

    /** Runs the tool and returns its exit code. */
    int run(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (UsageException e) {
            err.println(TOOL + ": " + e.getMessage());
            err.println("usage: prof2calltree [-i] FILE [-o FILE]   (prof2calltree --help explains)");
            return USAGE;
        }
        if (options.help()) {
            out.print(Options.usage());
            return OK;
        }
        if (options.version()) {
            out.println(TOOL + " " + Version.VERSION);
            return OK;
        }
        try {
            return convert(options);
        } catch (OutOfMemoryError e) {
            err.println(TOOL + ": " + options.input() + ": out of memory; give Java more, for example "
                    + "JAVA_OPTS=-Xmx8g prof2calltree ...");
            return FAILED;
        } catch (RuntimeException | Error e) {
            err.println(TOOL + ": internal error while converting " + options.input()
                    + " (a bug: please report it with this trace)");
            e.printStackTrace(err);
            return INTERNAL;
        }
    }

    private int convert(Options options) {
        Path input = workingDir.resolve(options.input());
        String inputName = options.input();
        Profile profile;
        try {
            if (Files.isDirectory(input)) {
                return fail(inputName, "is a directory, not a profile");
            }
            InputFormat format = InputFormat.detect(input);
            Warnings warnings = message -> err.println(TOOL + ": warning: " + inputName + ": " + message);
            profile = format.newReader().read(input, warnings);
        } catch (BadInputException e) {
            return fail(inputName, e.getMessage());
        } catch (IOException e) {
            return fail(inputName, describe(e));
        }

        String command = input.getFileName() == null ? inputName : input.getFileName().toString();
        if ("-".equals(options.output())) {
            try {
                OutputFormat.CALLGRIND.newWriter().write(profile, command, out);
                out.flush();
                return out.checkError() ? fail("standard output", "write failed") : OK;
            } catch (IOException e) {
                return fail("standard output", describe(e));
            }
        }
        String outputName = options.output() != null ? options.output() : "callgrind.out." + command;
        Path output = workingDir.resolve(outputName);
        try {
            if (Files.exists(output) && Files.isSameFile(output, input)) {
                return fail(outputName, "is the input file; choose another output with -o");
            }
            if (Files.isDirectory(output)) {
                return fail(outputName, "is a directory; give a file name with -o");
            }
            AtomicOutput.write(output, stream -> OutputFormat.CALLGRIND.newWriter().write(profile, command, stream));
        } catch (IOException e) {
            return fail(outputName, "cannot write: " + describe(e));
        }
        return OK;
    }

    private int fail(String file, String message) {
        err.println(TOOL + ": " + file + ": " + message);
        return FAILED;
    }

    /** A short lower-case description of an I/O failure, without the file name. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

}
