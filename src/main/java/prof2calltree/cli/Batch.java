package prof2calltree.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import prof2calltree.model.Profile;

/**
 * Converts many inputs, each to its own output in the output directory, on several threads.
 * A file that fails is reported on its own line and the rest still convert; a last line sums
 * up, and the exit code is 1 if any failed.
 */
final class Batch {
    private final Options options;
    private final Loader loader;
    private final PrintStream err;

    Batch(Options options, Loader loader, PrintStream err) {
        this.options = options;
        this.loader = loader;
        this.err = err;
    }

    int run() throws Failure {
        Path dir = loader.outputDir();
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new Failure(options.outputDir() == null ? dir.toString() : options.outputDir(),
                    "cannot create the output directory: " + Main.describe(e));
        }
        List<String> names = outputNames(options.inputs());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.jobs(), options.inputs().size()), r -> {
            Thread t = new Thread(r, "prof2calltree-batch");
            t.setDaemon(true);
            return t;
        });
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < options.inputs().size(); i++) {
                String given = options.inputs().get(i);
                Path target = dir.resolve(names.get(i));
                results.add(pool.submit(() -> convert(given, target)));
            }
            int failed = 0;
            for (Future<String> f : results) {
                String failure;
                try {
                    failure = f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    failure = "internal error: " + cause;
                    synchronized (err) {
                        cause.printStackTrace(err);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Failure("batch", "interrupted");
                }
                if (failure != null) {
                    failed++;
                    synchronized (err) {
                        err.println(Main.TOOL + ": " + failure);
                    }
                }
            }
            int total = options.inputs().size();
            err.println(Main.TOOL + ": converted " + (total - failed) + " of " + total + " inputs into " + dir
                    + (failed > 0 ? "; " + failed + " failed" : ""));
            return failed > 0 ? Main.FAILED : Main.OK;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Converts one input; returns null on success, else the failure line. */
    private String convert(String given, Path target) {
        try {
            InputFile input = loader.open(given);
            Profile profile = loader.load(input);
            new Output(options, err).writeFile(profile, input.baseName(), target, input.path());
            return null;
        } catch (Failure e) {
            return e.getMessage();
        } catch (UsageException e) {
            return given + ": " + e.getMessage();
        } catch (OutOfMemoryError e) {
            return given + ": out of memory; give Java more, for example JAVA_OPTS=-Xmx8g, or use fewer -j";
        }
    }

    /**
     * The output name of each input: {@code callgrind.out.<file name>}, and where two inputs share a
     * file name, their directories joined in too, so that no output is written twice.
     */
    List<String> outputNames(List<String> inputs) {
        Map<String, Integer> count = new HashMap<>();
        List<String> bases = new ArrayList<>();
        for (String given : inputs) {
            String base = baseName(given);
            bases.add(base);
            count.merge(base, 1, Integer::sum);
        }
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            String base = bases.get(i);
            if (count.get(base) > 1) {
                base = inputs.get(i).replaceAll("^[./\\\\]+", "").replaceAll("[/\\\\]+", "_");
            }
            String name = Output.defaultFileName(options.format(), base);
            for (int n = 2; !used.add(name); n++) {
                name = Output.defaultFileName(options.format(), base + "_" + n);
            }
            names.add(name);
        }
        return names;
    }

    private static String baseName(String given) {
        if (given.equals(InputFile.STDIN)) {
            return "stdin";
        }
        String name = Path.of(given).getFileName() == null ? given : Path.of(given).getFileName().toString();
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }
}
