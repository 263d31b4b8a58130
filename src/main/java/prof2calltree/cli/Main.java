package prof2calltree.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import prof2calltree.Version;
import prof2calltree.model.Profile;

/**
 * The command-line tool. {@link #run} takes its streams and working directory and returns the
 * exit code; only {@link #main} exits. It picks the mode (one input, a batch, a merge, a program
 * to run) and leaves reading to {@link Loader}, writing to {@link Output}.
 */
public final class Main {
    static final String TOOL = "prof2calltree";

    /** Exit codes. */
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int INTERNAL = 3;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Path workingDir;

    Main(InputStream in, PrintStream out, PrintStream err, Path workingDir) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.workingDir = workingDir;
    }

    public static void main(String[] args) {
        int code = new Main(System.in, System.out, System.err, Path.of("")).run(args);
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
            err.println("usage: prof2calltree [options] [-i] FILE... [-o FILE]   (prof2calltree --help explains)");
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
        try (Workspace workspace = new Workspace()) {
            Loader loader = new Loader(options, workingDir, in, err, workspace);
            if (options.run() != null) {
                return new RunMode(options, loader, this).run();
            }
            if (options.batch()) {
                return new Batch(options, loader, err).run();
            }
            return single(options, loader);
        } catch (UsageException e) {
            err.println(TOOL + ": " + e.getMessage());
            return USAGE;
        } catch (Failure e) {
            err.println(TOOL + ": " + e.getMessage());
            return FAILED;
        } catch (OutOfMemoryError e) {
            err.println(TOOL + ": out of memory; give Java more, for example JAVA_OPTS=-Xmx8g prof2calltree ...");
            return FAILED;
        } catch (RuntimeException | Error e) {
            err.println(TOOL + ": internal error (a bug: please report it with this trace)");
            e.printStackTrace(err);
            return INTERNAL;
        }
    }

    /** One input, or several merged: one profile, one output (or a table, or the viewer). */
    private int single(Options options, Loader loader) throws Failure, UsageException {
        List<InputFile> inputs = new ArrayList<>();
        for (String given : options.inputs()) {
            inputs.add(loader.open(given));
        }
        Profile profile = options.merge() ? loader.merge(inputs) : loader.load(inputs.get(0));
        String name = inputs.get(0).baseName() + (options.merge() && inputs.size() > 1 ? "+" + (inputs.size() - 1) : "");
        return deliver(options, profile, name, inputs.get(0));
    }

    /** Writes, prints or shows one converted profile as the options ask. */
    int deliver(Options options, Profile profile, String name, InputFile input) throws Failure, UsageException {
        if (options.top() > 0) {
            out.print(Output.topTable(profile, options));
            out.flush();
            if (options.output() == null && !options.view()) {
                return OK;
            }
        }
        Output output = new Output(options, err);
        if ("-".equals(options.output())) {
            output.writeTo(profile, name, out);
            return OK;
        }
        if (options.view()) {
            return Viewing.convertAndOpen(options, output, profile, name, workingDir, err);
        }
        Path target = options.output() != null ? workingDir.resolve(options.output())
                : Output.directory(options, workingDir).resolve(Output.defaultFileName(options.format(), name));
        output.writeFile(profile, name, target, input == null ? null : input.path());
        return OK;
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
            return fse.getReason().toLowerCase(Locale.ROOT);
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** Fails if writing {@code target} would replace {@code input}. */
    static void checkNotInput(Path target, Path input, String targetName) throws Failure {
        try {
            if (input != null && Files.exists(target) && Files.isSameFile(target, input)) {
                throw new Failure(targetName, "is the input file; choose another output with -o");
            }
        } catch (IOException e) {
            throw new Failure(targetName, describe(e));
        }
    }

    PrintStream err() {
        return err;
    }

    Path workingDir() {
        return workingDir;
    }

    /** For writers that need a stream that must not be closed. */
    static OutputStream unclosable(OutputStream s) {
        return new java.io.FilterOutputStream(s) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
