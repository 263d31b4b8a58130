package prof2calltree.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.ParseException;
import prof2calltree.write.OutputFormat;

/**
 * The command line, parsed and checked: an immutable value.
 *
 * @param inputs the profiles to convert ("-" for standard input); empty with {@link #run}
 * @param output where to write one output: a file, "-" for standard output, or null for the
 *     default {@code callgrind.out.<input name>} in {@link #outputDir}
 * @param outputDir where batch outputs go; null for the current directory
 * @param jobs how many inputs a batch converts at once
 * @param merge combine all inputs into one profile
 * @param format the output format
 * @param top print the N costliest functions as a table; 0 for no table
 * @param include regular expressions a function must match one of (name or file); empty for all
 * @param exclude regular expressions whose matching functions are folded into their callers
 * @param events JFR event types to convert; empty for all
 * @param threads JFR threads to keep; null for all
 * @param from start of the JFR time window from the recording's start; null for open
 * @param to end of the JFR time window; null for open
 * @param perThread write one callgrind part (file) per thread
 * @param sourceRoots directories where source files are looked up, so KCacheGrind finds them
 * @param view open the result in KCacheGrind
 * @param viewer the viewer program to use instead of kcachegrind/qcachegrind; null to search
 * @param run a program to profile first ({@code .py}, {@code .java}, {@code .jar} or a main class); null if none
 * @param runArgs the arguments for {@link #run}
 * @param python the interpreter for {@code .py} programs
 * @param java the java launcher for Java programs; null for the one running this tool
 * @param progress show progress on stderr: null to decide by whether stderr is a terminal
 * @param help print the usage and stop
 * @param version print the version and stop
 */
record Options(
        List<String> inputs, String output, String outputDir, int jobs, boolean merge, OutputFormat format,
        int top, List<Pattern> include, List<Pattern> exclude, List<String> events, Pattern threads,
        Duration from, Duration to, boolean perThread, List<String> sourceRoots, boolean view, String viewer,
        String run, List<String> runArgs, String python, String java, Boolean progress, boolean help,
        boolean version) {

    /** True when the inputs are converted one by one into separate outputs. */
    boolean batch() {
        return !merge && inputs.size() > 1;
    }

    private static org.apache.commons.cli.Options spec() {
        org.apache.commons.cli.Options o = new org.apache.commons.cli.Options();
        o.addOption(opt("i", "input", "FILE", "a profile to convert: a cProfile or profile dump, or a JFR recording, "
                + "gzipped or not, recognised by content; '-' reads standard input. Inputs may also be given "
                + "without -i, several at once"));
        o.addOption(opt("o", "output", "FILE", "where to write; '-' for standard output (default: "
                + "callgrind.out.<input name> in the current directory, the names KCacheGrind's open dialog lists)"));
        o.addOption(opt("d", "output-dir", "DIR", "with several inputs: where their outputs go (default: the "
                + "current directory)"));
        o.addOption(opt("j", "jobs", "N", "with several inputs: how many to convert at once (default: the number "
                + "of cores)"));
        o.addOption(Option.builder().longOpt("merge").desc("combine all inputs into one profile whose costs are "
                + "the sums of the parts (several dumps of one program, several recordings)").get());
        o.addOption(opt("f", "format", "FORMAT", "the output format: callgrind (default), collapsed (folded "
                + "stacks 'a;b;c count' for flame graphs and speedscope; JFR only), json"));
        o.addOption(opt(null, "top", "N", "print the N costliest functions as a table on standard output; "
                + "writes no file unless -o is given"));
        o.addOption(opt(null, "include", "REGEX", "keep only functions whose name or file matches (repeatable); "
                + "the others fold into their callers, so totals stay"));
        o.addOption(opt(null, "exclude", "REGEX", "fold functions whose name or file matches into their callers "
                + "(repeatable)"));
        o.addOption(opt(null, "events", "LIST", "JFR: the event types to convert, comma separated, such as "
                + "ExecutionSample,jdk.ObjectAllocationSample (default: every supported type present)"));
        o.addOption(opt(null, "threads", "REGEX", "JFR: keep only events of threads whose name matches (whole)"));
        o.addOption(opt(null, "from", "TIME", "JFR: leave out events before this time from the recording's start, "
                + "such as 10s, 1m30s, 250ms"));
        o.addOption(opt(null, "to", "TIME", "JFR: leave out events from this time on"));
        o.addOption(Option.builder().longOpt("per-thread").desc("JFR: write one callgrind part per thread, "
                + "as <output>-01, -02, ... (KCacheGrind loads them together)").get());
        o.addOption(opt(null, "source-root", "DIR", "a directory holding source files (repeatable): paths "
                + "found under it are written in full, so KCacheGrind shows the source"));
        o.addOption(Option.builder("k").longOpt("kcachegrind").desc("open the result in KCacheGrind (or "
                + "qcachegrind); without -o it is written to a private temporary directory").get());
        o.addOption(opt(null, "viewer", "PROGRAM", "the viewer -k starts (default: $PROF2CALLTREE_VIEWER, else "
                + "kcachegrind, else qcachegrind)"));
        o.addOption(opt("r", "run", "PROGRAM", "profile PROGRAM first, with every argument after it: a .py "
                + "script (cProfile), or a .java file, .jar or main class (Flight Recorder); then convert"));
        o.addOption(opt(null, "python", "PROGRAM", "the Python interpreter for -r (default: python3)"));
        o.addOption(opt(null, "java", "PROGRAM", "the java launcher for -r (default: the one running this tool)"));
        o.addOption(Option.builder().longOpt("progress").desc("show progress on stderr even when it is not a "
                + "terminal").get());
        o.addOption(Option.builder().longOpt("no-progress").desc("never show progress").get());
        o.addOption(Option.builder("h").longOpt("help").desc("show this help and exit").get());
        o.addOption(Option.builder().longOpt("version").desc("show the version and exit").get());
        return o;
    }

    private static Option opt(String shortName, String longName, String arg, String desc) {
        return Option.builder(shortName).longOpt(longName).hasArg().argName(arg).desc(desc).get();
    }

    static Options parse(String[] args) throws UsageException {
        // Everything after -r PROGRAM belongs to the program, options included.
        List<String> own = new ArrayList<>(Arrays.asList(args));
        String run = null;
        List<String> runArgs = List.of();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-r") || args[i].equals("--run")) {
                if (i + 1 >= args.length) {
                    throw new UsageException("-r needs the program to run, such as -r app.py");
                }
                run = args[i + 1];
                runArgs = List.of(Arrays.copyOfRange(args, i + 2, args.length));
                own = new ArrayList<>(Arrays.asList(args).subList(0, i));
                break;
            }
            if (args[i].startsWith("--run=")) {
                run = args[i].substring(6);
                runArgs = List.of(Arrays.copyOfRange(args, i + 1, args.length));
                own = new ArrayList<>(Arrays.asList(args).subList(0, i));
                break;
            }
            if (args[i].equals("--")) {
                break;
            }
        }
        CommandLine cl;
        try {
            cl = DefaultParser.builder().get().parse(spec(), own.toArray(String[]::new));
        } catch (ParseException e) {
            throw new UsageException(lowerFirst(e.getMessage()));
        }
        boolean help = cl.hasOption("h");
        boolean version = cl.hasOption("version");
        List<String> inputs = new ArrayList<>();
        if (cl.getOptionValues("i") != null) {
            inputs.addAll(Arrays.asList(cl.getOptionValues("i")));
        }
        inputs.addAll(cl.getArgList());
        if (run != null && !inputs.isEmpty()) {
            throw new UsageException("-r makes its own profile: give no input with it (got " + inputs.get(0) + ")");
        }
        if (inputs.isEmpty() && run == null && !help && !version) {
            throw new UsageException("no input: give the profile to convert, such as -i app.prof");
        }
        boolean merge = cl.hasOption("merge");
        String output = cl.getOptionValue("o");
        String outputDir = cl.getOptionValue("d");
        if (inputs.size() > 1 && !merge && output != null) {
            throw new UsageException("-o names one output, but " + inputs.size() + " inputs were given: use -d DIR "
                    + "for their outputs, or --merge to combine them");
        }
        if (inputs.stream().filter("-"::equals).count() > 1) {
            throw new UsageException("standard input can be read only once");
        }
        OutputFormat format = format(cl.getOptionValue("f", "callgrind"));
        int top = intOption(cl, "top", 0, 1);
        boolean view = cl.hasOption("k");
        if (view && format != OutputFormat.CALLGRIND) {
            throw new UsageException("-k opens a callgrind file: it cannot be combined with --format " + format.id());
        }
        if (view && "-".equals(output)) {
            throw new UsageException("-k opens a file: it cannot be combined with -o -");
        }
        if (view && inputs.size() > 1 && !merge) {
            throw new UsageException("-k opens one profile: give one input, or --merge several");
        }
        if (cl.hasOption("progress") && cl.hasOption("no-progress")) {
            throw new UsageException("--progress and --no-progress contradict each other");
        }
        Boolean progress = cl.hasOption("progress") ? Boolean.TRUE : cl.hasOption("no-progress") ? Boolean.FALSE : null;
        Duration from = duration(cl.getOptionValue("from"), "--from");
        Duration to = duration(cl.getOptionValue("to"), "--to");
        if (from != null && to != null && to.compareTo(from) <= 0) {
            throw new UsageException("--to " + cl.getOptionValue("to") + " is not after --from " + cl.getOptionValue("from"));
        }
        List<String> events = new ArrayList<>();
        if (cl.getOptionValues("events") != null) {
            for (String v : cl.getOptionValues("events")) {
                for (String e : v.split(",")) {
                    if (!e.isBlank()) {
                        events.add(e.trim());
                    }
                }
            }
        }
        return new Options(List.copyOf(inputs), output, outputDir,
                intOption(cl, "j", Runtime.getRuntime().availableProcessors(), 1), merge, format, top,
                patterns(cl.getOptionValues("include"), "--include"), patterns(cl.getOptionValues("exclude"), "--exclude"),
                List.copyOf(events), pattern(cl.getOptionValue("threads"), "--threads"), from, to,
                cl.hasOption("per-thread"), list(cl.getOptionValues("source-root")), view, cl.getOptionValue("viewer"),
                run, runArgs, cl.getOptionValue("python", "python3"), cl.getOptionValue("java"), progress, help, version);
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : List.of(values);
    }

    private static OutputFormat format(String id) throws UsageException {
        for (OutputFormat f : OutputFormat.values()) {
            if (f.id().equalsIgnoreCase(id)) {
                return f;
            }
        }
        List<String> ids = new ArrayList<>();
        for (OutputFormat f : OutputFormat.values()) {
            ids.add(f.id());
        }
        throw new UsageException("unknown format '" + id + "': choose one of " + String.join(", ", ids));
    }

    private static int intOption(CommandLine cl, String name, int dflt, int min) throws UsageException {
        String v = cl.getOptionValue(name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min) {
                throw new UsageException((name.length() == 1 ? "-" : "--") + name + " must be at least " + min + ", not " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException((name.length() == 1 ? "-" : "--") + name + " needs a number, not '" + v + "'");
        }
    }

    private static List<Pattern> patterns(String[] values, String option) throws UsageException {
        List<Pattern> out = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                out.add(pattern(v, option));
            }
        }
        return List.copyOf(out);
    }

    private static Pattern pattern(String value, String option) throws UsageException {
        if (value == null) {
            return null;
        }
        try {
            return Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new UsageException(option + " '" + value + "' is not a regular expression: " + e.getDescription());
        }
    }

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|ns|s|m|h)");

    /** Parses 10s, 1m30s, 250ms, 1.5s, or a plain number of seconds. */
    static Duration duration(String text, String option) throws UsageException {
        if (text == null) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.matches("\\d+(\\.\\d+)?")) {
            t = t + "s";
        }
        Matcher m = DURATION_PART.matcher(t);
        long nanos = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            double v = Double.parseDouble(m.group(1));
            long unit = switch (m.group(2)) {
                case "ns" -> 1L;
                case "us" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos += Math.round(v * unit);
            end = m.end();
        }
        if (end != t.length() || t.isEmpty()) {
            throw new UsageException(option + " '" + text + "' is not a time such as 10s, 1m30s or 250ms");
        }
        return Duration.ofNanos(nanos);
    }

    static String usage() {
        StringWriter text = new StringWriter();
        PrintWriter pw = new PrintWriter(text);
        HelpFormatter help = HelpFormatter.builder().get();
        help.printHelp(pw, 100, "prof2calltree [options] [-i] FILE... [-o FILE]\n"
                        + "       prof2calltree [options] [-k] -r PROGRAM [ARGS...]",
                "\nConverts profiles to callgrind files for KCacheGrind, qcachegrind, callgrind_annotate or "
                        + "gprof2dot.\n\n",
                spec(), 2, 2, FOOTER, false);
        pw.flush();
        return text.toString();
    }

    private static final String FOOTER = """

            Inputs, recognised by content (gzipped too):
              Python pstats dumps of cProfile or profile, from Python 2.7 and 3.x:
                python -m cProfile -o app.prof app.py
              Each function becomes one callgrind function; self cost is its own time (tt) and each
              caller becomes a call with that caller's count and cumulative time, in nanoseconds.
              The profile module records no time per caller: a function's cumulative time is split
              over its callers in proportion to their number of calls.
              JDK Flight Recorder recordings (JDK 11+, async-profiler):
                java -XX:StartFlightRecording:settings=profile,filename=app.jfr ...
              Each stack-bearing event type becomes one event column (samples, bytes or ns); costs
              sit on source lines; calls= counts the samples that passed through a call, not calls.
              Functions that KCacheGrind would merge (it tells functions apart by name and file
              base name only) get a tag: '<module> [json/__init__.py]', 'Foo::bar(int)'.

            Examples:
              prof2calltree -i app.prof                      writes callgrind.out.app.prof
              prof2calltree -k -i app.jfr                    converts and opens KCacheGrind
              prof2calltree -k -r app.py --verbose           profiles app.py --verbose, converts, opens
              prof2calltree *.prof -d out/                   converts each into out/
              prof2calltree --merge run1.prof run2.prof -o callgrind.out.all
              cat app.jfr.gz | prof2calltree -i - -o - --format collapsed > app.folded
              prof2calltree --top 20 app.prof                the 20 costliest functions, as a table

            Exit status: 0 converted; 1 bad input, or a file could not be read or written (outputs
            are written to a temporary file and renamed, so nothing half-written is left and an
            existing output is only replaced by a complete one); 2 bad command line; 3 internal
            error (a bug: please report it).
            """;

    private static String lowerFirst(String s) {
        if (s == null || s.isEmpty()) {
            return "bad command line";
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
