package prof2calltree.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import prof2calltree.model.Profile;

/**
 * The {@code -k} path: write the callgrind file (to -o, or privately to a fresh temporary
 * directory with mode 0600) and start the viewer on it without waiting for it.
 */
final class Viewing {
    private Viewing() {}

    static int convertAndOpen(Options options, Output output, Profile profile, String name, Path workingDir,
            PrintStream err) throws Failure {
        boolean isPrivate = options.output() == null;
        Path target;
        try {
            target = isPrivate ? Viewer.privateOutput(name) : workingDir.resolve(options.output());
        } catch (IOException e) {
            throw new Failure("temporary directory", "cannot create: " + Main.describe(e));
        }
        List<Path> files = output.writeFile(profile, name, target, null);
        if (isPrivate) {
            try {
                for (Path f : files) {
                    Viewer.makePrivate(f);
                }
            } catch (IOException e) {
                throw new Failure(target.toString(), "cannot make it private: " + Main.describe(e));
            }
        }
        Optional<Path> viewer = Viewer.find(options.viewer(), System.getenv());
        if (viewer.isEmpty()) {
            err.println(Main.TOOL + ": " + Viewer.notFoundMessage(options.viewer(), System.getenv()));
            err.println(Main.TOOL + ": the converted profile is in " + target);
            return Main.FAILED;
        }
        try {
            Viewer.open(viewer.get(), target);
        } catch (IOException e) {
            err.println(Main.TOOL + ": the converted profile is in " + target);
            throw new Failure(viewer.get().toString(), Main.describe(e));
        }
        err.println(Main.TOOL + ": opened " + target + " in " + viewer.get().getFileName());
        return Main.OK;
    }
}
