package prof2calltree.testutil;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An independent reader of callgrind files for tests: written from the format specification,
 * sharing no code with the writer, and strict where KCacheGrind and callgrind_annotate are
 * (header order, unsigned integer costs, no leading white space, names not redefined).
 */
public final class CallgrindFile {
    /** A function as KCacheGrind sees it: its name and file. */
    public record Key(String name, String file) {}

    /** One call from a function: the callee, the count, and the inclusive cost of those calls. */
    public record CallRecord(Key callee, long count, int callerLine, int calleeLine, long[] inclusive) {}

    /** A function's self cost per line and its calls. */
    public static final class Fn {
        public final Key key;
        public final TreeMap<Integer, long[]> self = new TreeMap<>();
        public final List<CallRecord> calls = new ArrayList<>();

        Fn(Key key) {
            this.key = key;
        }

        public long selfTotal(int event) {
            return self.values().stream().mapToLong(c -> c[event]).sum();
        }
    }

    public final Map<String, String> header = new LinkedHashMap<>();
    public final List<String> events = new ArrayList<>();
    public final Map<String, String> eventDescriptions = new LinkedHashMap<>();
    public final Map<Key, Fn> functions = new LinkedHashMap<>();
    public long[] summary;
    public long[] totals;

    public static CallgrindFile parse(String text) {
        CallgrindFile f = new CallgrindFile();
        f.read(text);
        return f;
    }

    private final Map<String, String> fileNames = new HashMap<>();
    private final Map<String, String> fnNames = new HashMap<>();

    private void read(String text) {
        String[] lines = text.split("\n", -1);
        check(lines[0].equals("# callgrind format"), 1, "first line must be '# callgrind format'");
        String file = null;
        Fn current = null;
        String callFile = null;
        Key pendingCallee = null;
        long pendingCount = -1;
        int pendingTarget = 0;
        boolean sawEvents = false;
        boolean inBody = false;
        lastPosition = -1;
        for (int n = 1; n < lines.length; n++) {
            String line = lines[n];
            int no = n + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            check(!Character.isWhitespace(line.charAt(0)), no, "line starts with white space");
            if (pendingCallee != null) {
                long[] cost = costLine(line, no);
                current.calls.add(new CallRecord(pendingCallee, pendingCount, (int) cost[0], pendingTarget,
                        Arrays.copyOfRange(cost, 1, cost.length)));
                pendingCallee = null;
                continue;
            }
            if (line.startsWith("totals:")) {
                totals = numbers(line.substring(7).trim(), no);
                continue;
            }
            int colon = line.indexOf(": ");
            if (!inBody && colon > 0 && line.substring(0, colon).matches("[a-z]+")) {
                String key = line.substring(0, colon);
                String value = line.substring(colon + 2);
                switch (key) {
                    case "events" -> {
                        events.addAll(Arrays.asList(value.trim().split(" +")));
                        sawEvents = true;
                    }
                    case "event" -> {
                        String[] p = value.split(" : ", 2);
                        eventDescriptions.put(p[0].trim(), p.length > 1 ? p[1] : "");
                    }
                    case "summary" -> {
                        check(sawEvents, no, "summary: before events:");
                        summary = numbers(value, no);
                    }
                    case "positions", "pid", "part", "thread" -> check(!sawEvents, no, key + ": after events:");
                    default -> { }
                }
                header.put(key, value);
                continue;
            }
            inBody = true;
            check(sawEvents, no, "data before events:");
            if (line.startsWith("fl=")) {
                file = define(fileNames, line.substring(3), no);
            } else if (line.startsWith("fn=")) {
                check(file != null, no, "fn= before any fl=");
                Key key = new Key(define(fnNames, line.substring(3), no), file);
                current = functions.computeIfAbsent(key, Fn::new);
                callFile = null;
                lastPosition = -1; // our files start each block with an absolute position
            } else if (line.startsWith("cfl=") || line.startsWith("cfi=")) {
                callFile = define(fileNames, line.substring(4), no);
            } else if (line.startsWith("cfn=")) {
                pendingCallee = new Key(define(fnNames, line.substring(4), no), callFile != null ? callFile : file);
                callFile = null;
                String next = lines[n + 1];
                check(next.startsWith("calls="), n + 2, "cfn= not followed by calls=");
                String[] p = next.substring(6).split(" ");
                pendingCount = Long.parseLong(p[0]);
                pendingTarget = Integer.parseInt(p[1]);
                n++;
            } else if (Character.isDigit(line.charAt(0)) || "+-*".indexOf(line.charAt(0)) >= 0) {
                check(current != null, no, "cost line before fn=");
                long[] cost = costLine(line, no);
                long[] self = current.self.computeIfAbsent((int) cost[0], k -> new long[events.size()]);
                for (int i = 1; i < cost.length; i++) {
                    self[i - 1] += cost[i];
                }
            } else {
                throw new AssertionError("line " + no + ": unexpected: " + line);
            }
        }
        check(pendingCallee == null, lines.length, "calls= without a cost line");
    }

    private long[] costLine(String line, int no) {
        String[] p = line.split(" ");
        check(p.length >= 2 && p.length <= events.size() + 1, no, "cost line has " + (p.length - 1)
                + " values for " + events.size() + " events: " + line);
        long[] v = new long[events.size() + 1];
        // Position compression: "*" is the last cost line's position, "+N" and "-N" relative to it.
        String position = p[0];
        if (position.equals("*") || position.startsWith("+") || position.startsWith("-")) {
            check(lastPosition >= 0, no, "relative position '" + position + "' with no absolute one before it in this block");
            check(position.equals("*") || position.substring(1).matches("[0-9]+"), no, "bad position '" + position + "'");
            long base = lastPosition;
            v[0] = position.equals("*") ? base
                    : position.startsWith("+") ? base + Long.parseLong(position.substring(1))
                    : base - Long.parseLong(position.substring(1));
            check(v[0] >= 0, no, "position " + position + " leads below 0");
        } else {
            check(position.matches("[0-9]+"), no, "not an unsigned integer: '" + position + "'");
            v[0] = Long.parseLong(position);
        }
        lastPosition = v[0];
        for (int i = 1; i < p.length; i++) {
            check(p[i].matches("[0-9]+"), no, "not an unsigned integer: '" + p[i] + "'");
            v[i] = Long.parseLong(p[i]);
        }
        return v;
    }

    /** The position of the last cost line read, for relative positions; -1 at the start of a block. */
    private long lastPosition = -1;

    private static long[] numbers(String value, int no) {
        String[] p = value.trim().split(" +");
        long[] v = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            check(p[i].matches("[0-9]+"), no, "not an unsigned integer: '" + p[i] + "'");
            v[i] = Long.parseLong(p[i]);
        }
        return v;
    }

    /** Resolves "(id) name" (defining id) or "(id)" (using it) or a plain name. */
    private static String define(Map<String, String> table, String ref, int no) {
        if (!ref.startsWith("(")) {
            return ref;
        }
        int close = ref.indexOf(')');
        String id = ref.substring(1, close);
        if (close == ref.length() - 1) {
            String name = table.get(id);
            check(name != null, no, "id (" + id + ") used before it is defined");
            return name;
        }
        String name = ref.substring(close + 2);
        String old = table.put(id, name);
        check(old == null || old.equals(name), no, "id (" + id + ") redefined from '" + old + "' to '" + name + "'");
        return name;
    }

    private static void check(boolean ok, int line, String message) {
        if (!ok) {
            throw new AssertionError("callgrind line " + line + ": " + message);
        }
    }

    /** The sum of all self costs per event. */
    public long[] selfSum() {
        long[] sum = new long[events.size()];
        for (Fn fn : functions.values()) {
            for (long[] c : fn.self.values()) {
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += c[i];
                }
            }
        }
        return sum;
    }

    /** KCacheGrind's identity of a function: name and base name of its file (no objects here). */
    public static String identity(Key key) {
        String f = key.file();
        int slash = Math.max(f.lastIndexOf('/'), f.lastIndexOf('\\'));
        return key.name() + "\u0000" + f.substring(slash + 1);
    }

    public Fn function(Key key) {
        return Objects.requireNonNull(functions.get(key), () -> "no function " + key);
    }
}
