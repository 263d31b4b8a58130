package prof2calltree.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.ParseException;
import org.junit.jupiter.api.Test;

/**
 * {@link ArgParser} reads a command line exactly as Commons CLI's {@code DefaultParser} does, which
 * it replaced for start-up time: every one- and two-token line, and random longer ones, built from
 * tokens that exercise its rules, give the same options, values, operands and error messages.
 */
class ArgParserTest {
    private static final String[] TOKENS = {
        "-i", "a.prof", "-", "--", "-o", "out", "-o-", "-oout", "-o=x", "--output", "--output=y", "--out", "--out=z",
        "--output-dir", "-d", "-j", "3", "-j2", "--jobs=0", "--merge", "--mer", "-f", "json", "-fjson", "--top", "5",
        "--top=-1", "-5", "-1.5", "-Infinity", "--to", "--t", "--top5", "-top5", "-toa", "--inc", "--in", "-in",
        "--exclude=bar", "--events", "--per-thread", "--sour=r", "-sour", "-k", "-kh", "-hk", "-ki", "-ik", "-kk",
        "--no", "--no-progress", "-h", "--version", "--vers", "--v", "--ve", "-x", "--frobnicate", "\"q.prof\"",
        "-i\"q\"", "--format=", "-=", "-i=", "--=x", "-input", "-output=o", "-merge", "--merge=1", "-mergex",
        "---x", "-ovalue=x", "-jobs", "-j-1", "--run", "-r"};

    private static org.apache.commons.cli.Options commons() {
        org.apache.commons.cli.Options o = new org.apache.commons.cli.Options();
        for (ArgParser.Opt opt : Options.TABLE) {
            Option.Builder b = Option.builder(opt.shortName).longOpt(opt.longName);
            if (opt.hasArg()) {
                b.hasArg();
            }
            o.addOption(b.get());
        }
        return o;
    }

    private static String viaCommons(org.apache.commons.cli.Options spec, String[] args) {
        try {
            CommandLine cl = DefaultParser.builder().get().parse(spec, args);
            StringBuilder sb = new StringBuilder();
            for (ArgParser.Opt opt : Options.TABLE) {
                if (cl.hasOption(opt.longName)) {
                    sb.append(opt.longName).append(Arrays.toString(cl.getOptionValues(opt.longName))).append(' ');
                }
            }
            return sb.append("operands ").append(cl.getArgList()).toString();
        } catch (ParseException e) {
            String m = e.getMessage();
            return "error: " + Character.toLowerCase(m.charAt(0)) + m.substring(1);
        }
    }

    private static String viaArgParser(String[] args) {
        try {
            ArgParser.Parsed p = ArgParser.parse(Options.TABLE, Arrays.asList(args));
            StringBuilder sb = new StringBuilder();
            for (ArgParser.Opt opt : Options.TABLE) {
                if (p.has(opt)) {
                    String[] values = p.all(opt);
                    sb.append(opt.longName).append(Arrays.toString(values.length == 0 ? null : values)).append(' ');
                }
            }
            return sb.append("operands ").append(p.operands).toString();
        } catch (UsageException e) {
            return "error: " + e.getMessage();
        }
    }

    @Test
    void readsEveryLineAsCommonsCliDoes() {
        org.apache.commons.cli.Options spec = commons();
        List<String[]> lines = new ArrayList<>();
        for (String a : TOKENS) {
            lines.add(new String[] {a});
            for (String b : TOKENS) {
                lines.add(new String[] {a, b});
            }
        }
        Random random = new Random(7);
        for (int n = 0; n < 5000; n++) {
            String[] line = new String[3 + random.nextInt(3)];
            for (int i = 0; i < line.length; i++) {
                line[i] = TOKENS[random.nextInt(TOKENS.length)];
            }
            lines.add(line);
        }
        int errors = 0;
        for (String[] line : lines) {
            String expected = viaCommons(spec, line);
            assertEquals(expected, viaArgParser(line), () -> "for " + Arrays.toString(line));
            errors += expected.startsWith("error: ") ? 1 : 0;
        }
        // The table must exercise both outcomes.
        assertTrue(errors > 100 && errors < lines.size() - 100, errors + " errors in " + lines.size());
    }

    @Test
    void namesTheCandidatesOfAnAbbreviation() {
        assertEquals("error: ambiguous option: '--in'  (could be: 'input', 'include')",
                viaArgParser(new String[] {"--in", "x"}));
    }
}
