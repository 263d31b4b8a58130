package prof2calltree.read.pstats;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import prof2calltree.PlainFiles;
import prof2calltree.model.CostType;
import prof2calltree.model.Profile;
import prof2calltree.model.ProfileBuilder;
import prof2calltree.read.BadInputException;
import prof2calltree.read.ProfileReader;
import prof2calltree.read.Progress;
import prof2calltree.read.Warnings;
import prof2calltree.read.pstats.PyValues.Code;
import prof2calltree.read.pstats.PyValues.Dict;

/**
 * Reads a pstats dump (cProfile's or the profile module's {@code -o} file, or
 * {@code pstats.Stats.dump_stats}): a marshalled dict from {@code (file, line, name)} to
 * {@code (cc, nc, tt, ct, callers)}. Each entry becomes one function whose self cost is
 * {@code tt}; each caller becomes one call. cProfile gives every edge its own count and
 * cumulative time {@code (nc, cc, tt, ct)}; the profile module gives only a count, so the
 * callee's cumulative time is split over its callers in proportion to their calls.
 */
public final class PstatsReader implements ProfileReader {
    /** The one cost a pstats dump measures. */
    public static final CostType TIME = new CostType("Time", "ns", "Time (ns)");

    /** The file name given to built-in functions, which pstats files under "~" or "". */
    public static final String BUILTIN_FILE = "<built-in>";

    static final double NANOS = 1e9;

    @Override
    public Profile read(Path file, Warnings warnings) throws IOException, BadInputException {
        return read(file, warnings, Progress.NONE);
    }

    /**
     * Reads a dump from a file, reporting progress as it is decoded. Dumps of the usual shape are
     * decoded as they stream in ({@link StatsDecoder}); the rest, and every bad dump, are read
     * whole and go through the generic path.
     */
    @Override
    public Profile read(Path file, Warnings warnings, Progress progress) throws IOException, BadInputException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException("too large for a pstats dump: " + size + " bytes");
        }
        long reported;
        try (InputStream in = PlainFiles.newInputStream(file)) {
            StatsDecoder decoder = new StatsDecoder(in, size, progress);
            StatsTable table = decoder.decode();
            if (table != null) {
                long trailing = decoder.trailing();
                progress.advance(decoder.position() + trailing - decoder.reported());
                warnTrailing(warnings, trailing, decoder.position());
                return table.toProfile(warnings);
            }
            reported = decoder.reported();
        }
        byte[] dump = Files.readAllBytes(file);
        Profile profile = readGeneric(dump, warnings);
        progress.advance(Math.max(0, dump.length - reported));
        return profile;
    }

    /** Reads a dump held in memory. */
    public Profile read(byte[] dump, Warnings warnings) throws BadInputException {
        StatsDecoder decoder = new StatsDecoder(dump, Progress.NONE);
        StatsTable table;
        try {
            table = decoder.decode();
        } catch (IOException e) {
            throw new AssertionError("no I/O in memory", e);
        }
        if (table == null) {
            return readGeneric(dump, warnings);
        }
        warnTrailing(warnings, dump.length - decoder.position(), decoder.position());
        return table.toProfile(warnings);
    }

    /** Reads a dump through the generic marshal decoder: slower, but it takes any marshal data. */
    static Profile readGeneric(byte[] dump, Warnings warnings) throws BadInputException {
        MarshalReader in = new MarshalReader(dump);
        Object top = in.readValue();
        if (!(top instanceof Dict stats)) {
            throw new BadInputException("not a pstats dump: it holds a " + PyValues.typeName(top)
                    + ", not a dict of function statistics");
        }
        warnTrailing(warnings, in.length() - in.position(), in.position());
        return new Conversion(stats, warnings).run();
    }

    private static void warnTrailing(Warnings warnings, long trailing, long end) {
        if (trailing > 0) {
            warnings.warn("ignored " + trailing + " bytes after the dump, from offset " + end);
        }
    }

    /** The warnings that sum up a conversion. */
    static void warnTotals(Warnings warnings, int negative, int unknownCallers) {
        if (negative > 0) {
            warnings.warn(negative + " negative times (the profiler's calibration overshot) counted as 0");
        }
        if (unknownCallers > 0) {
            warnings.warn(unknownCallers + " callers have no entry of their own; added them without self time");
        }
    }

    /** The file name a function gets: pstats files built-ins under "~" (cProfile) or "" (profile). */
    static String fileName(String file) {
        return file.equals("~") || file.isEmpty() ? BUILTIN_FILE : file;
    }

    /** Seconds to whole nanoseconds, counting the negative times (clamped to 0) as it goes. */
    static final class Nanos {
        int negative;

        long of(double seconds) {
            return clamp(Math.round(seconds * NANOS));
        }

        /**
         * The profile module's share of a callee's cumulative time for one caller: it records only
         * call counts per caller, so {@code cumulative} is split in proportion to them.
         */
        long share(double cumulative, long calls, long allCalls) {
            double share = allCalls == 0 ? 0 : (double) Math.max(0, calls) / allCalls;
            return clamp(Math.round(cumulative * NANOS * share));
        }

        long clamp(long nanos) {
            if (nanos < 0) {
                negative++;
                return 0;
            }
            return nanos;
        }
    }

    /**
     * The state of converting one decoded dump. Messages naming the entry and caller are built
     * only when something is wrong: a big dump has a million edges.
     */
    private static final class Conversion {
        private final Dict stats;
        private final Warnings warnings;
        private final ProfileBuilder builder = new ProfileBuilder(List.of(TIME));
        private final Map<Object, Integer> ids = new HashMap<>();
        /** Keys seen by identity first: Python 3 dumps refer back to the same key tuple objects. */
        private final Map<Object, Integer> idsByIdentity = new IdentityHashMap<>();
        private int[] lines = new int[64];
        private final Nanos nanos = new Nanos();
        private int unknownCallers;

        Conversion(Dict stats, Warnings warnings) {
            this.stats = stats;
            this.warnings = warnings;
        }

        Profile run() throws BadInputException {
            int n = stats.keys().size();
            int[] entryIds = new int[n];
            for (int i = 0; i < n; i++) {
                int index = i;
                entryIds[i] = function(stats.keys().get(i), () -> "entry " + index);
            }
            for (int i = 0; i < n; i++) {
                Object key = stats.keys().get(i);
                int index = i;
                entry(entryIds[i], stats.values().get(i), () -> "entry " + index + " (" + describe(key) + ")");
            }
            warnTotals(warnings, nanos.negative, unknownCallers);
            return builder.build();
        }

        private Integer known(Object key) {
            Integer id = idsByIdentity.get(key);
            if (id == null) {
                id = ids.get(key);
                if (id != null) {
                    idsByIdentity.put(key, id);
                }
            }
            return id;
        }

        private int function(Object key, Supplier<String> where) throws BadInputException {
            Integer known = known(key);
            if (known != null) {
                return known;
            }
            if (!(key instanceof List<?> tuple) || tuple.size() != 3) {
                throw new BadInputException(where.get() + ": key is a " + PyValues.typeName(key)
                        + ", expected a (file, line, name) tuple");
            }
            String file = PyValues.text(tuple.get(0));
            if (file == null) {
                throw new BadInputException(where.get() + ": file name is a " + PyValues.typeName(tuple.get(0)));
            }
            int line = intValue(tuple.get(1), where, "line number");
            String name = PyValues.text(tuple.get(2));
            if (name == null && tuple.get(2) instanceof Code code) {
                // The profile module keys the command it ran by that command's code object.
                name = "<profile: " + code.qualname() + " of " + code.filename() + ">";
            }
            if (name == null) {
                throw new BadInputException(where.get() + ": function name is a " + PyValues.typeName(tuple.get(2)));
            }
            int id = builder.function(name, fileName(file), "", line, "");
            ids.put(key, id);
            idsByIdentity.put(key, id);
            if (id >= lines.length) {
                lines = Arrays.copyOf(lines, Math.max(id + 1, lines.length * 2));
            }
            lines[id] = line;
            return id;
        }

        private void entry(int callee, Object value, Supplier<String> where) throws BadInputException {
            if (!(value instanceof List<?> t) || t.size() != 5 || !(t.get(4) instanceof Dict callers)) {
                throw new BadInputException(where.get() + ": value is a " + PyValues.typeName(value)
                        + ", expected a (cc, nc, tt, ct, callers) tuple");
            }
            int line = lines[callee];
            builder.addSelf(callee, line, 0, nanos(t.get(2), where, "tt"));
            double calleeCumulative = seconds(t.get(3), where, "ct");
            long profileCalls = 0;
            for (Object count : callers.values()) {
                if (!(count instanceof List)) {
                    profileCalls += Math.max(0, longValue(count, where, "caller count"));
                }
            }
            List<Object> keys = callers.keys();
            for (int i = 0; i < keys.size(); i++) {
                Object callerKey = keys.get(i);
                Supplier<String> edge = () -> where.get() + ", caller " + describe(callerKey);
                Integer caller = known(callerKey);
                if (caller == null) {
                    caller = function(callerKey, edge);
                    unknownCallers++;
                }
                Object stat = callers.values().get(i);
                long count;
                long inclusive;
                if (stat instanceof List<?> e) {
                    if (e.size() != 4) {
                        throw new BadInputException(edge.get() + ": expected (nc, cc, tt, ct), found " + e.size()
                                + " values");
                    }
                    count = longValue(e.get(0), edge, "nc");
                    inclusive = nanos(e.get(3), edge, "ct");
                } else {
                    count = longValue(stat, edge, "call count");
                    inclusive = nanos.share(calleeCumulative, count, profileCalls);
                }
                if (count < 0) {
                    throw new BadInputException(edge.get() + ": negative call count " + count);
                }
                builder.addCall(caller, lines[caller], callee, line, count, 0, inclusive);
            }
        }

        private long nanos(Object value, Supplier<String> where, String field) throws BadInputException {
            return nanos.of(seconds(value, where, field));
        }

        private static double seconds(Object value, Supplier<String> where, String field) throws BadInputException {
            if (value instanceof Double d && Double.isFinite(d)) {
                return d;
            }
            if (value instanceof Long l) {
                return l;
            }
            throw new BadInputException(where.get() + ": " + field + " is a " + PyValues.typeName(value)
                    + ", expected seconds");
        }

        private static long longValue(Object value, Supplier<String> where, String field) throws BadInputException {
            if (value instanceof Long l) {
                return l;
            }
            if (value instanceof BigInteger) {
                throw new BadInputException(where.get() + ": " + field + " is too large: " + value);
            }
            throw new BadInputException(where.get() + ": " + field + " is a " + PyValues.typeName(value)
                    + ", expected an int");
        }

        private static int intValue(Object value, Supplier<String> where, String field) throws BadInputException {
            long v = longValue(value, where, field);
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new BadInputException(where.get() + ": " + field + " is out of range: " + v);
            }
            return (int) v;
        }

        private static String describe(Object key) {
            if (key instanceof List<?> t && t.size() == 3) {
                Object name = t.get(2) instanceof Code c ? c.qualname() : PyValues.text(t.get(2));
                return PyValues.text(t.get(0)) + ":" + t.get(1) + " " + name;
            }
            return PyValues.typeName(key);
        }
    }
}
