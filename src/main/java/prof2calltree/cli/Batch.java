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
        Path dir = Output.directory(options, loader.workingDir());
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
            err.println(Main.TOOL + ": converted " + (total - failed) + " of " + total + " inputs into "
                    + (dir.toString().isEmpty() ? "the current directory" : dir)
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
     * The output name of each input: {@code callgrind.out.<file name>}; where several inputs share a
     * file name, their paths without the directories they all share, joined by {@code _}
     * ({@code a/app.prof} and {@code b/app.prof} under one tree: {@code a_app.prof}, {@code b_app.prof}),
     * so that no output is written twice.
     */
    List<String> outputNames(List<String> inputs) {
        Map<String, List<Integer>> byBase = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            byBase.computeIfAbsent(baseName(inputs.get(i)), k -> new ArrayList<>()).add(i);
        }
        String[] bases = new String[inputs.size()];
        for (Map.Entry<String, List<Integer>> group : byBase.entrySet()) {
            List<Integer> members = group.getValue();
            if (members.size() == 1) {
                bases[members.get(0)] = group.getKey();
                continue;
            }
            List<String[]> parts = new ArrayList<>();
            for (int i : members) {
                parts.add(inputs.get(i).replaceAll("^[./\\\\]+", "").split("[/\\\\]+"));
            }
            int shared = 0;
            while (sharedAt(parts, shared)) {
                shared++;
            }
            for (int m = 0; m < members.size(); m++) {
                String[] p = parts.get(m);
                bases[members.get(m)] = String.join("_", java.util.Arrays.copyOfRange(p, Math.min(shared, p.length - 1), p.length))
                        .replaceFirst("\\.gz$", "");
            }
        }
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (String base : bases) {
            String name = Output.defaultFileName(options.format(), base);
            for (int n = 2; !used.add(name); n++) {
                name = Output.defaultFileName(options.format(), base + "_" + n);
            }
            names.add(name);
        }
        return names;
    }

    /** True when every path has a directory component {@code at} and they are all the same. */
    private static boolean sharedAt(List<String[]> parts, int at) {
        for (String[] p : parts) {
            if (at >= p.length - 1 || !p[at].equals(parts.get(0)[at])) {
                return false;
            }
        }
        return true;
    }

    private static String baseName(String given) {
        if (given.equals(InputFile.STDIN)) {
            return "stdin";
        }
        String name = Path.of(given).getFileName() == null ? given : Path.of(given).getFileName().toString();
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }
}
