package prof2calltree.write.top;

import java.util.Locale;

/** Cost values as a person reads them: nanoseconds as us/ms/s, bytes as KiB/MiB/GiB, counts as they are. */
final class Units {
    private static final String[] BYTES = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private Units() {}

    /** {@code value} in {@code unit}, scaled to at most four digits before the point. */
    static String human(long value, String unit) {
        switch (unit) {
            case "ns":
                return time(value);
            case "bytes":
                return bytes(value);
            default:
                return Long.toString(value);
        }
    }

    private static String time(long ns) {
        if (ns < 1_000L) {
            return ns + " ns";
        }
        if (ns < 1_000_000L) {
            return String.format(Locale.ROOT, "%.2f us", ns / 1e3);
        }
        if (ns < 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f ms", ns / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", ns / 1e9);
    }

    private static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        double v = b;
        int i = -1;
        while (v >= 1024 && i < BYTES.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, BYTES[i]);
    }

    /** {@code part} as a percentage of {@code whole}, one decimal; "-" when the whole is 0. */
    static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
