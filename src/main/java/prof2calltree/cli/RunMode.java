package prof2calltree.cli;

import java.io.IOException;
import java.nio.file.Path;
import prof2calltree.model.Profile;

/**
 * The {@code -r} path: profile a program (a Python script under cProfile, a Java program under
 * Flight Recorder), then convert what it recorded like any input, and open it with {@code -k}.
 * The program's arguments, working directory, streams and exit status are the user's.
 */
final class RunMode {
    private final Options options;
    private final Loader loader;
    private final Main main;

    RunMode(Options options, Loader loader, Main main) {
        this.options = options;
        this.loader = loader;
        this.main = main;
    }

    int run() throws Failure, UsageException {
        Path target = Path.of(options.run());
        ProgramRunner.Spec spec = new ProgramRunner.Spec(target, options.runArgs(), options.python(), options.java());
        ProgramRunner.Result result;
        try {
            result = ProgramRunner.run(spec, main.workingDir(), main.err());
        } catch (IOException e) {
            throw new Failure(options.run(), Main.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(options.run(), "interrupted");
        }
        try {
            if (result.exitCode() != 0) {
                main.err().println(Main.TOOL + ": warning: " + options.run() + " exited with status "
                        + result.exitCode() + "; converting what was recorded");
            }
            InputFile recorded = new InputFile(result.profile(), options.run(), baseName(target));
            Profile profile = loader.load(recorded);
            return main.deliver(options, profile, recorded.baseName(), null);
        } finally {
            ProgramRunner.cleanUp(result);
        }
    }

    private static String baseName(Path target) {
        Path name = target.getFileName();
        return name == null ? target.toString() : name.toString();
    }
}
