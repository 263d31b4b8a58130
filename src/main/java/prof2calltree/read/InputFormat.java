package prof2calltree.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import prof2calltree.PlainFiles;
import prof2calltree.read.jfr.JfrOptions;
import prof2calltree.read.jfr.JfrReader;
import prof2calltree.read.pstats.PstatsReader;

/** The input formats prof2calltree reads, each recognised by its first bytes, whatever the file name. */
public enum InputFormat {
    /** A Python cProfile or profile dump: a marshalled dict, so it starts with '{' (0x7b, or 0xfb with the ref flag). */
    PSTATS("pstats dump"),
    /** A JDK Flight Recorder recording: chunks that start with "FLR\0". */
    JFR("JFR recording");

    private final String description;

    InputFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** A reader with default options. */
    public ProfileReader newReader() {
        return newReader(JfrOptions.defaults());
    }

    /**
     * A reader; {@code jfrOptions} apply to JFR recordings and are ignored by the other formats.
     * A switch rather than a factory lambda per constant: linking lambdas and constructor
     * references costs start-up time, and would load every reader's classes on every run.
     */
    public ProfileReader newReader(JfrOptions jfrOptions) {
        return switch (this) {
            case PSTATS -> new PstatsReader();
            case JFR -> new JfrReader(jfrOptions);
        };
    }

    /** Recognises a format from a file's first bytes. */
    public static InputFormat detect(Path file) throws IOException, BadInputException {
        byte[] head = new byte[4];
        int n;
        try (InputStream in = PlainFiles.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n == 0) {
            throw new BadInputException("the file is empty: expected a pstats dump or a JFR recording");
        }
        int first = head[0] & 0xff;
        if (first == '{' || first == ('{' | 0x80)) {
            return PSTATS;
        }
        if (n == 4 && head[0] == 'F' && head[1] == 'L' && head[2] == 'R' && head[3] == 0) {
            return JFR;
        }
        if (first == 0x1f && n > 1 && (head[1] & 0xff) == 0x8b) {
            throw new BadInputException("the file is gzip-compressed: gunzip it first");
        }
        throw new BadInputException("not a pstats dump or JFR recording (it starts with " + hex(head, n)
                + "; a pstats dump starts with 7b or fb, a recording with 464c5200)");
    }

    private static String hex(byte[] bytes, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(String.format(Locale.ROOT, "%02x", bytes[i] & 0xff));
        }
        return sb.toString();
    }
}
