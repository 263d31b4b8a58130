package prof2calltree.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.ParseException;

/**
 * The command line, parsed: an immutable value.
 *
 * @param input the file to convert
 * @param output where to write; null for the default {@code callgrind.out.<input name>} in the
 *     current directory, "-" for standard output
 * @param help print the usage and stop
 * @param version print the version and stop
 */
record Options(String input, String output, boolean help, boolean version) {

    private static org.apache.commons.cli.Options spec() {
        org.apache.commons.cli.Options o = new org.apache.commons.cli.Options();
        o.addOption(Option.builder("i").longOpt("input").hasArg().argName("FILE")
                .desc("the profile to convert: a cProfile or profile dump, or a JFR recording "
                        + "(recognised by content, whatever its name); may also be given without -i")
                .get());
        o.addOption(Option.builder("o").longOpt("output").hasArg().argName("FILE")
                .desc("where to write the callgrind file; '-' for standard output "
                        + "(default: callgrind.out.<input name> in the current directory, "
                        + "the names KCacheGrind's open dialog lists)")
                .get());
        o.addOption(Option.builder("h").longOpt("help").desc("show this help and exit").get());
        o.addOption(Option.builder().longOpt("version").desc("show the version and exit").get());
        return o;
    }

    static Options parse(String[] args) throws UsageException {
        CommandLine cl;
        try {
            cl = DefaultParser.builder().get().parse(spec(), args);
        } catch (ParseException e) {
            throw new UsageException(lowerFirst(e.getMessage()));
        }
        boolean help = cl.hasOption("h");
        boolean version = cl.hasOption("version");
        String input = cl.getOptionValue("i");
        List<String> rest = cl.getArgList();
        if (input != null && !rest.isEmpty()) {
            throw new UsageException("one input only: got -i " + input + " and " + rest.get(0));
        }
        if (input == null && rest.size() > 1) {
            throw new UsageException("one input only, got " + rest.size() + ": " + String.join(" ", rest));
        }
        if (input == null && !rest.isEmpty()) {
            input = rest.get(0);
        }
        if (input == null && !help && !version) {
            throw new UsageException("no input: give the profile to convert with -i FILE");
        }
        return new Options(input, cl.getOptionValue("o"), help, version);
    }

    static String usage() {
        StringWriter text = new StringWriter();
        PrintWriter pw = new PrintWriter(text);
        HelpFormatter help = HelpFormatter.builder().get();
        help.printHelp(pw, 100, "prof2calltree [-i] FILE [-o FILE]",
                "\nConverts a profile to a callgrind file for KCacheGrind, qcachegrind, callgrind_annotate "
                        + "or gprof2dot.\n\n",
                spec(), 2, 2, FOOTER, false);
        pw.flush();
        return text.toString();
    }

    private static final String FOOTER = """

            Inputs:
              Python pstats dumps of cProfile or profile, from Python 2.7 and 3.x:
                python -m cProfile -o app.prof app.py
              Each function becomes one callgrind function; self cost is its own time (tt) and each
              caller becomes a call with that caller's count and cumulative time, in nanoseconds.
              The profile module records no time per caller: a function's cumulative time is split
              over its callers in proportion to their number of calls.
              Functions that KCacheGrind would merge (it tells functions apart by name and file
              base name only: every <module> of every __init__.py) get a tag naming their path or
              line, such as '<module> [json/__init__.py]'.

            Examples:
              prof2calltree -i app.prof                      writes callgrind.out.app.prof
              prof2calltree -i app.prof -o - | less          writes to standard output
              kcachegrind callgrind.out.app.prof

            Exit status: 0 converted; 1 bad input, or a file could not be read or written (the
            output is written to a temporary file and renamed, so nothing half-written is left and
            an existing output is only replaced by a complete one); 2 bad command line.
            """;

    private static String lowerFirst(String s) {
        if (s == null || s.isEmpty()) {
            return "bad command line";
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
