package prof2calltree.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import prof2calltree.model.Profile;
import prof2calltree.read.BadInputException;
import prof2calltree.read.InputFormat;
import prof2calltree.read.ProfileReader;
import prof2calltree.read.Warnings;
import prof2calltree.read.jfr.JfrOptions;

/**
 * Turns inputs into profiles as the options ask: opens them ({@link InputFile}), recognises
 * their format, reads them with the reader's options, and applies the filters. Safe to use from
 * several threads (a batch).
 */
final class Loader {
    private final Options options;
    private final Path workingDir;
    private final InputStream stdin;
    private final PrintStream err;
    private final Workspace workspace;
    private final JfrOptions jfrOptions;

    Loader(Options options, Path workingDir, InputStream stdin, PrintStream err, Workspace workspace)
            throws UsageException {
        this.options = options;
        this.workingDir = workingDir;
        this.stdin = stdin;
        this.err = err;
        this.workspace = workspace;
        try {
            int parallelism = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
            if (options.batch()) {
                parallelism = 1;
            }
            this.jfrOptions = new JfrOptions(new LinkedHashSet<>(options.events()), options.threads(), options.from(),
                    options.to(), parallelism);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    Path workingDir() {
        return workingDir;
    }

    InputFile open(String given) throws Failure {
        return InputFile.open(given, workingDir, stdin, workspace);
    }

    /** Reads one input and applies the filters. */
    Profile load(InputFile input) throws Failure, UsageException {
        return Transforms.apply(read(input), options, input.name(), warnings(input.name()));
    }

    /** Reads several inputs and sums them into one profile, then applies the filters. */
    Profile merge(List<InputFile> inputs) throws Failure, UsageException {
        List<Profile> parts = new ArrayList<>();
        for (InputFile input : inputs) {
            parts.add(read(input));
        }
        String name = inputs.get(0).name();
        Profile merged = parts.size() == 1 ? parts.get(0) : Transforms.merge(parts, name);
        return Transforms.apply(merged, options, name, warnings(name));
    }

    private Profile read(InputFile input) throws Failure {
        Warnings warnings = warnings(input.name());
        try {
            InputFormat format = InputFormat.detect(input.path());
            if (format != InputFormat.JFR && (!options.events().isEmpty() || options.threads() != null
                    || options.from() != null || options.to() != null)) {
                warnings.warn("--events, --threads, --from and --to apply to JFR recordings only; ignored for "
                        + "this " + format.description());
            }
            ProfileReader reader = format.newReader(jfrOptions);
            if (!showProgress()) {
                return reader.read(input.path(), warnings, prof2calltree.read.Progress.NONE);
            }
            try (ProgressMeter meter = new ProgressMeter(err, input.name(), java.nio.file.Files.size(input.path()))) {
                return reader.read(input.path(), warnings, meter);
            }
        } catch (BadInputException e) {
            throw new Failure(input.name(), e.getMessage());
        } catch (IOException e) {
            throw new Failure(input.name(), "cannot read: " + Main.describe(e));
        }
    }

    /** Progress shows when asked for, or by default when the terminal is there to see it (not in batches). */
    private boolean showProgress() {
        if (options.progress() != null) {
            return options.progress();
        }
        return !options.batch() && System.console() != null;
    }

    Warnings warnings(String name) {
        return new StderrWarnings(err, name);
    }

    /** Prints warnings on stderr, named after their input. A class, not a lambda: lambdas cost start-up time. */
    private static final class StderrWarnings implements Warnings {
        private final PrintStream err;
        private final String name;

        StderrWarnings(PrintStream err, String name) {
            this.err = err;
            this.name = name;
        }

        @Override
        public void warn(String message) {
            synchronized (err) {
                err.println(Main.TOOL + ": warning: " + name + ": " + message);
            }
        }
    }
}
