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
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
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

    private static final ArgParser.Opt INPUT = opt("i", "input", "FILE", "a profile to convert: a cProfile or "
            + "profile dump, or a JFR recording, gzipped or not, recognised by content; '-' reads standard input. "
            + "Inputs may also be given without -i, several at once");
    private static final ArgParser.Opt OUTPUT = opt("o", "output", "FILE", "where to write; '-' for standard output "
            + "(default: callgrind.out.<input name> in the current directory, the names KCacheGrind's open dialog lists)");
    private static final ArgParser.Opt OUTPUT_DIR = opt("d", "output-dir", "DIR", "with several inputs: where their "
            + "outputs go (default: the current directory)");
    private static final ArgParser.Opt JOBS = opt("j", "jobs", "N", "with several inputs: how many to convert at once "
            + "(default: the number of cores)");
    private static final ArgParser.Opt MERGE = opt(null, "merge", null, "combine all inputs into one profile whose "
            + "costs are the sums of the parts (several dumps of one program, several recordings)");
    private static final ArgParser.Opt FORMAT = opt("f", "format", "FORMAT", "the output format: callgrind (default), "
            + "collapsed (folded stacks 'a;b;c count' for flame graphs and speedscope; JFR only), json");
    private static final ArgParser.Opt TOP = opt(null, "top", "N", "print the N costliest functions as a table on "
            + "standard output; writes no file unless -o is given");
    private static final ArgParser.Opt INCLUDE = opt(null, "include", "REGEX", "keep only functions whose name or file "
            + "matches (repeatable); the others fold into their callers, so totals stay");
    private static final ArgParser.Opt EXCLUDE = opt(null, "exclude", "REGEX", "fold functions whose name or file "
            + "matches into their callers (repeatable)");
    private static final ArgParser.Opt EVENTS = opt(null, "events", "LIST", "JFR: the event types to convert, comma "
            + "separated, such as ExecutionSample,jdk.ObjectAllocationSample (default: every supported type present)");
    private static final ArgParser.Opt THREADS = opt(null, "threads", "REGEX", "JFR: keep only events of threads "
            + "whose name matches (whole)");
    private static final ArgParser.Opt FROM = opt(null, "from", "TIME", "JFR: leave out events before this time from "
            + "the recording's start, such as 10s, 1m30s, 250ms");
    private static final ArgParser.Opt TO = opt(null, "to", "TIME", "JFR: leave out events from this time on");
    private static final ArgParser.Opt PER_THREAD = opt(null, "per-thread", null, "JFR: write one callgrind part per "
            + "thread, as <output>-01, -02, ... (KCacheGrind loads them together)");
    private static final ArgParser.Opt SOURCE_ROOT = opt(null, "source-root", "DIR", "a directory holding source files "
            + "(repeatable): paths found under it are written in full, so KCacheGrind shows the source");
    private static final ArgParser.Opt VIEW = opt("k", "kcachegrind", null, "open the result in KCacheGrind (or "
            + "qcachegrind); without -o it is written to a private temporary directory");
    private static final ArgParser.Opt VIEWER = opt(null, "viewer", "PROGRAM", "the viewer -k starts (default: "
            + "$PROF2CALLTREE_VIEWER, else kcachegrind, else qcachegrind)");
    private static final ArgParser.Opt RUN = opt("r", "run", "PROGRAM", "profile PROGRAM first, with every argument "
            + "after it: a .py script (cProfile), or a .java file, .jar or main class (Flight Recorder); then convert");
    private static final ArgParser.Opt PYTHON = opt(null, "python", "PROGRAM", "the Python interpreter for -r "
            + "(default: python3)");
    private static final ArgParser.Opt JAVA = opt(null, "java", "PROGRAM", "the java launcher for -r (default: the "
            + "one running this tool)");
    private static final ArgParser.Opt PROGRESS = opt(null, "progress", null, "show progress on stderr even when it "
            + "is not a terminal");
    private static final ArgParser.Opt NO_PROGRESS = opt(null, "no-progress", null, "never show progress");
    private static final ArgParser.Opt HELP = opt("h", "help", null, "show this help and exit");
    private static final ArgParser.Opt VERSION = opt(null, "version", null, "show the version and exit");

    /** Every option, in the order --help lists them (and ambiguity messages name them). */
    static final List<ArgParser.Opt> TABLE = List.of(INPUT, OUTPUT, OUTPUT_DIR, JOBS, MERGE, FORMAT, TOP,
            INCLUDE, EXCLUDE, EVENTS, THREADS, FROM, TO, PER_THREAD, SOURCE_ROOT, VIEW, VIEWER, RUN, PYTHON, JAVA,
            PROGRESS, NO_PROGRESS, HELP, VERSION);

    private static ArgParser.Opt opt(String shortName, String longName, String arg, String desc) {
        return new ArgParser.Opt(shortName, longName, arg, desc);
    }

    /** The table as Commons CLI options, for rendering the help only. */
    private static org.apache.commons.cli.Options spec() {
        org.apache.commons.cli.Options o = new org.apache.commons.cli.Options();
        for (ArgParser.Opt opt : TABLE) {
            Option.Builder b = Option.builder(opt.shortName).longOpt(opt.longName).desc(opt.description);
            if (opt.hasArg()) {
                b.hasArg().argName(opt.argName);
            }
            o.addOption(b.get());
        }
        return o;
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
        ArgParser.Parsed cl = ArgParser.parse(TABLE, own);
        if (cl.has(RUN)) {
            // An abbreviation (--ru) or a glued form (-rapp.py) reached the parser: the loop above
            // takes only -r, --run and --run=, which split off the program's own arguments.
            throw new UsageException("write -r PROGRAM or --run PROGRAM in full, as the last option:"
                    + " everything after PROGRAM is the program's");
        }
        boolean help = cl.has(HELP);
        boolean version = cl.has(VERSION);
        List<String> inputs = new ArrayList<>();
        if (cl.all(INPUT) != null) {
            inputs.addAll(Arrays.asList(cl.all(INPUT)));
        }
        inputs.addAll(cl.operands);
        if (run != null && !inputs.isEmpty()) {
            throw new UsageException("-r makes its own profile: give no input with it (got " + inputs.get(0) + ")");
        }
        if (inputs.isEmpty() && run == null && !help && !version) {
            throw new UsageException("no input: give the profile to convert, such as -i app.prof");
        }
        boolean merge = cl.has(MERGE);
        String output = cl.first(OUTPUT, null);
        String outputDir = cl.first(OUTPUT_DIR, null);
        if (inputs.size() > 1 && !merge && output != null) {
            throw new UsageException("-o names one output, but " + inputs.size() + " inputs were given: use -d DIR "
                    + "for their outputs, or --merge to combine them");
        }
        if (inputs.indexOf("-") != inputs.lastIndexOf("-")) {
            throw new UsageException("standard input can be read only once");
        }
        OutputFormat format = format(cl.first(FORMAT, "callgrind"));
        int top = intOption(cl, TOP, 0, 1);
        boolean view = cl.has(VIEW);
        if (view && format != OutputFormat.CALLGRIND) {
            throw new UsageException("-k opens a callgrind file: it cannot be combined with --format " + format.id());
        }
        if (view && "-".equals(output)) {
            throw new UsageException("-k opens a file: it cannot be combined with -o -");
        }
        if (view && inputs.size() > 1 && !merge) {
            throw new UsageException("-k opens one profile: give one input, or --merge several");
        }
        if (top > 0 && inputs.size() > 1 && !merge) {
            // A batch writes a file per input; the table is of one profile.
            throw new UsageException("--top prints one profile's table: give one input, or --merge several");
        }
        if (cl.has(PROGRESS) && cl.has(NO_PROGRESS)) {
            throw new UsageException("--progress and --no-progress contradict each other");
        }
        Boolean progress = cl.has(PROGRESS) ? Boolean.TRUE : cl.has(NO_PROGRESS) ? Boolean.FALSE : null;
        Duration from = duration(cl.first(FROM, null), "--from");
        Duration to = duration(cl.first(TO, null), "--to");
        if (from != null && to != null && to.compareTo(from) <= 0) {
            throw new UsageException("--to " + cl.first(TO, null) + " is not after --from " + cl.first(FROM, null));
        }
        List<String> events = new ArrayList<>();
        if (cl.all(EVENTS) != null) {
            for (String v : cl.all(EVENTS)) {
                for (String e : v.split(",")) {
                    if (!e.isBlank()) {
                        events.add(e.trim());
                    }
                }
            }
        }
        return new Options(List.copyOf(inputs), output, outputDir,
                intOption(cl, JOBS, Runtime.getRuntime().availableProcessors(), 1), merge, format, top,
                patterns(cl.all(INCLUDE), "--include"), patterns(cl.all(EXCLUDE), "--exclude"),
                List.copyOf(events), pattern(cl.first(THREADS, null), "--threads"), from, to,
                cl.has(PER_THREAD), list(cl.all(SOURCE_ROOT)), view, cl.first(VIEWER, null),
                run, runArgs, cl.first(PYTHON, "python3"), cl.first(JAVA, null), progress, help, version);
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

    private static int intOption(ArgParser.Parsed cl, ArgParser.Opt opt, int dflt, int min) throws UsageException {
        String v = cl.first(opt, null);
        String name = opt.key();
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

    /** Compiled on first use: most runs give no time, and a regex costs a small conversion its start-up. */
    private static final class DurationPart {
        static final Pattern PATTERN = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|ns|s|m|h)");
    }

    /** Parses 10s, 1m30s, 250ms, 1.5s, or a plain number of seconds. */
    static Duration duration(String text, String option) throws UsageException {
        if (text == null) {
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.matches("\\d+(\\.\\d+)?")) {
            t = t + "s";
        }
        Matcher m = DurationPart.PATTERN.matcher(t);
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
}
