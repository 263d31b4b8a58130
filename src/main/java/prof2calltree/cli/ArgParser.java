package prof2calltree.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a command line into options and operands by the rules of Commons CLI's
 * {@code DefaultParser} (abbreviated long options, {@code --opt=value}, {@code -ovalue},
 * {@code --} to end the options, the same error messages), without loading Commons CLI: its
 * classes, streams and lambdas cost a small conversion about 20 ms of start-up. Commons CLI
 * still renders {@code --help}, from the same {@link Opt} table.
 */
final class ArgParser {
    /** One option: a short name (null if none), a long name, and the name of its value (null for a flag). */
    static final class Opt {
        final String shortName;
        final String longName;
        final String argName;
        final String description;

        Opt(String shortName, String longName, String argName, String description) {
            this.shortName = shortName;
            this.longName = longName;
            this.argName = argName;
            this.description = description;
        }

        boolean hasArg() {
            return argName != null;
        }

        /** How messages name the option, as Commons CLI does: the short name if there is one. */
        String key() {
            return shortName != null ? shortName : longName;
        }
    }

    /** The parsed command line: each option's values in the order given, and the operands. */
    static final class Parsed {
        private final Map<Opt, List<String>> values = new HashMap<>();
        final List<String> operands = new ArrayList<>();

        boolean has(Opt o) {
            return values.containsKey(o);
        }

        /** Every value given to {@code o}, in order; null if it was not given. */
        String[] all(Opt o) {
            List<String> v = values.get(o);
            return v == null ? null : v.toArray(new String[0]);
        }

        /** The first value given to {@code o}, or {@code dflt}. */
        String first(Opt o, String dflt) {
            List<String> v = values.get(o);
            return v == null || v.isEmpty() ? dflt : v.get(0);
        }
    }

    private final List<Opt> table;
    private final Parsed parsed = new Parsed();
    /** The option whose value may come next; null if none. */
    private Opt current;
    /** How many values {@link #current} has got (options take at most one). */
    private int currentValues;
    private boolean skipParsing;

    private ArgParser(List<Opt> table) {
        this.table = table;
    }

    static Parsed parse(List<Opt> table, List<String> args) throws UsageException {
        ArgParser p = new ArgParser(table);
        for (String token : args) {
            p.handleToken(token);
        }
        p.checkRequiredArg();
        return p.parsed;
    }

    private void handleToken(String token) throws UsageException {
        if (skipParsing) {
            parsed.operands.add(token);
        } else if (token.equals("--")) {
            skipParsing = true;
        } else if (acceptsArg() && isArgument(token)) {
            addValue(stripQuotes(token));
        } else if (token.startsWith("--")) {
            handleLongOption(token);
        } else if (token.startsWith("-") && !token.equals("-")) {
            handleShortAndLongOption(token);
        } else {
            handleUnknownToken(token);
        }
        if (current != null && !acceptsArg()) {
            current = null;
        }
    }

    private boolean acceptsArg() {
        return current != null && current.hasArg() && currentValues < 1;
    }

    private void checkRequiredArg() throws UsageException {
        if (acceptsArg()) {
            throw new UsageException("missing argument for option: " + current.key());
        }
    }

    private void handleOption(Opt o) throws UsageException {
        checkRequiredArg();
        if (!parsed.values.containsKey(o)) {
            parsed.values.put(o, new ArrayList<>(1));
        }
        current = o.hasArg() ? o : null;
        currentValues = 0;
    }

    private void addValue(String value) {
        parsed.values.get(current).add(value);
        currentValues++;
    }

    /** Adds {@code value} to the option just handled and closes it. */
    private void handleOptionWithValue(Opt o, String value) throws UsageException {
        handleOption(o);
        addValue(value);
        current = null;
    }

    private void handleUnknownToken(String token) throws UsageException {
        if (token.startsWith("-") && token.length() > 1) {
            throw new UsageException("unrecognized option: " + token);
        }
        parsed.operands.add(token);
    }

    private void handleLongOption(String token) throws UsageException {
        if (token.indexOf('=') == -1) {
            handleLongOptionWithoutEqual(token);
        } else {
            handleLongOptionWithEqual(token);
        }
    }

    private void handleLongOptionWithoutEqual(String token) throws UsageException {
        List<Opt> matching = matchingLongOptions(token);
        if (matching.isEmpty()) {
            handleUnknownToken(token);
        } else if (matching.size() > 1 && longOption(token) == null) {
            throw ambiguous(token, matching);
        } else {
            handleOption(matching.get(0));
        }
    }

    private void handleLongOptionWithEqual(String token) throws UsageException {
        int pos = token.indexOf('=');
        String value = token.substring(pos + 1);
        String name = token.substring(0, pos);
        List<Opt> matching = matchingLongOptions(name);
        if (matching.isEmpty()) {
            handleUnknownToken(token);
        } else if (matching.size() > 1 && longOption(name) == null) {
            throw ambiguous(name, matching);
        } else if (matching.get(0).hasArg()) {
            handleOptionWithValue(matching.get(0), value);
        } else {
            handleUnknownToken(token);
        }
    }

    private void handleShortAndLongOption(String token) throws UsageException {
        String t = stripHyphens(token);
        int pos = t.indexOf('=');
        if (t.length() == 1) {
            Opt o = shortOption(t);
            if (o != null) {
                handleOption(o);
            } else {
                handleUnknownToken(token);
            }
        } else if (pos == -1) {
            Opt prefix;
            if (shortOption(t) != null) {
                handleOption(shortOption(t));
            } else if (!matchingLongOptions(t).isEmpty()) {
                handleLongOptionWithoutEqual(token);
            } else if ((prefix = longPrefix(t)) != null && prefix.hasArg()) {
                handleOptionWithValue(prefix, t.substring(prefix.longName.length()));
            } else {
                handleConcatenatedOptions(token);
            }
        } else {
            String name = t.substring(0, pos);
            if (name.length() == 1) {
                Opt o = option(name);
                if (o != null && o.hasArg()) {
                    handleOptionWithValue(o, t.substring(pos + 1));
                } else {
                    handleUnknownToken(token);
                }
            } else {
                handleLongOptionWithEqual(token);
            }
        }
    }

    private void handleConcatenatedOptions(String token) throws UsageException {
        for (int i = 1; i < token.length(); i++) {
            Opt o = option(String.valueOf(token.charAt(i)));
            if (o == null) {
                handleUnknownToken(token);
                break;
            }
            handleOption(o);
            if (current != null && token.length() != i + 1) {
                addValue(token.substring(i + 1));
                break;
            }
        }
    }

    /** Whether {@code token} is a value rather than an option: not an option, or a negative number. */
    private boolean isArgument(String token) {
        return !isOption(token) || isNegativeNumber(token);
    }

    private static boolean isNegativeNumber(String token) {
        try {
            Double.parseDouble(token);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private boolean isOption(String token) {
        return isLongOption(token) || isShortOption(token);
    }

    private boolean isLongOption(String token) {
        if (!token.startsWith("-") || token.length() == 1) {
            return false;
        }
        int pos = token.indexOf('=');
        String t = pos == -1 ? token : token.substring(0, pos);
        if (!matchingLongOptions(t).isEmpty()) {
            return true;
        }
        return longPrefix(token) != null && !token.startsWith("--");
    }

    private boolean isShortOption(String token) {
        if (!token.startsWith("-") || token.length() == 1) {
            return false;
        }
        int pos = token.indexOf('=');
        String name = pos == -1 ? token.substring(1) : token.substring(1, pos);
        if (shortOption(name) != null) {
            return true;
        }
        return !name.isEmpty() && shortOption(String.valueOf(name.charAt(0))) != null;
    }

    /** The long options {@code token} names: the one it spells out, else every one it abbreviates. */
    private List<Opt> matchingLongOptions(String token) {
        String clean = stripHyphens(token);
        List<Opt> matching = new ArrayList<>();
        Opt exact = longOption(clean);
        if (exact != null) {
            matching.add(exact);
            return matching;
        }
        for (Opt o : table) {
            if (o.longName.startsWith(clean)) {
                matching.add(o);
            }
        }
        return matching;
    }

    /** The longest long option that starts {@code token} and leaves at least two characters after it. */
    private Opt longPrefix(String token) {
        String t = stripHyphens(token);
        for (int i = t.length() - 2; i > 1; i--) {
            Opt o = longOption(t.substring(0, i));
            if (o != null) {
                return o;
            }
        }
        return null;
    }

    private Opt shortOption(String name) {
        String clean = stripHyphens(name);
        for (Opt o : table) {
            if (clean.equals(o.shortName)) {
                return o;
            }
        }
        return null;
    }

    private Opt longOption(String name) {
        String clean = stripHyphens(name);
        for (Opt o : table) {
            if (clean.equals(o.longName)) {
                return o;
            }
        }
        return null;
    }

    /** An option by short name, else by long name. */
    private Opt option(String name) {
        Opt o = shortOption(name);
        return o != null ? o : longOption(name);
    }

    private static String stripHyphens(String s) {
        if (s.startsWith("--")) {
            return s.substring(2);
        }
        if (s.startsWith("-")) {
            return s.substring(1);
        }
        return s;
    }

    /** A separate value loses one pair of enclosing double quotes, as in Commons CLI; a glued one keeps them. */
    private static String stripQuotes(String s) {
        int n = s.length();
        if (n > 1 && s.startsWith("\"") && s.endsWith("\"") && s.substring(1, n - 1).indexOf('"') == -1) {
            return s.substring(1, n - 1);
        }
        return s;
    }

    private static UsageException ambiguous(String token, List<Opt> matching) {
        StringBuilder sb = new StringBuilder("ambiguous option: '").append(token).append("'  (could be: ");
        for (int i = 0; i < matching.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append('\'').append(matching.get(i).longName).append('\'');
        }
        return new UsageException(sb.append(')').toString());
    }
}
