package prof2calltree.write.collapsed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import prof2calltree.model.Function;
import prof2calltree.model.Profile;
import prof2calltree.model.Stack;
import prof2calltree.write.ProfileWriter;
import prof2calltree.write.UnsupportedOutputException;

/**
 * Writes folded stacks, the input of flamegraph.pl, inferno and speedscope: one line
 * {@code root;caller;leaf value} per distinct folded stack, for one cost column.
 *
 * <p>A frame is its function's plain name ({@code java.util.HashMap::getNode}, {@code fib}),
 * without file or qualifier, so overloads and same-named functions of different files share a
 * frame, as they do in other folded-stack converters. In names, {@code ;} becomes {@code ,}
 * (it separates frames) and line breaks become spaces. Stacks that fold to the same text are
 * summed, stacks whose value is 0 are left out, and lines are sorted by their text (UTF-16
 * order), so the same profile gives the same bytes. UTF-8, one {@code \n} after every line.
 */
public final class CollapsedWriter implements ProfileWriter {
    /** The frame standing for an unknown thread when thread frames are on. */
    public static final String UNKNOWN_THREAD = "[unknown thread]";

    /** What the CLI reports for a profile without stacks, after the input's name. */
    static final String NO_STACKS = "pstats dumps record a call graph, not stacks: "
            + "--format collapsed needs a sampled profile (JFR)";

    private final int eventIndex;
    private final boolean threadFrames;

    /** Folded stacks of the first cost column, without thread frames. */
    public CollapsedWriter() {
        this(0, false);
    }

    /**
     * @param eventIndex the cost column to write, an index into {@link Profile#costTypes()}
     * @param threadFrames whether each stack starts with a frame naming its thread
     *     ({@link #UNKNOWN_THREAD} where the input did not record one)
     */
    public CollapsedWriter(int eventIndex, boolean threadFrames) {
        if (eventIndex < 0) {
            throw new IllegalArgumentException("negative event index " + eventIndex);
        }
        this.eventIndex = eventIndex;
        this.threadFrames = threadFrames;
    }

    /**
     * @throws UnsupportedOutputException if the profile has functions but no stacks (a pstats
     *     dump); a profile with nothing in it gives empty output
     */
    @Override
    public void write(Profile profile, String command, OutputStream out) throws IOException {
        if (!profile.hasStacks() && !profile.functions().isEmpty()) {
            throw new UnsupportedOutputException(NO_STACKS);
        }
        if (eventIndex >= Math.max(1, profile.costTypes().size())) {
            throw new IllegalArgumentException("event index " + eventIndex + " out of range: the profile has "
                    + profile.costTypes().size() + " cost types");
        }
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        for (Map.Entry<String, Long> line : fold(profile).entrySet()) {
            w.write(line.getKey());
            w.write(' ');
            w.write(Long.toString(line.getValue()));
            w.write('\n');
        }
        w.flush();
    }

    /** Folded stack text to summed value, sorted, without zero values. */
    private TreeMap<String, Long> fold(Profile profile) {
        List<Function> functions = profile.functions();
        String[] frames = new String[functions.size()];
        for (Function f : functions) {
            frames[f.id()] = frame(f.name());
        }
        TreeMap<String, Long> folded = new TreeMap<>();
        StringBuilder sb = new StringBuilder(256);
        for (Stack stack : profile.stacks()) {
            long value = stack.costs()[eventIndex];
            if (value == 0) {
                continue;
            }
            sb.setLength(0);
            if (threadFrames) {
                sb.append(stack.thread().isEmpty() ? UNKNOWN_THREAD : frame(stack.thread())).append(';');
            }
            for (int f : stack.functions()) {
                sb.append(frames[f]).append(';');
            }
            sb.setLength(sb.length() - 1);
            folded.merge(sb.toString(), value, Long::sum);
        }
        return folded;
    }

    /** A name made safe as one frame: no separator, no line break, not empty. */
    static String frame(String name) {
        String s = name.replace(';', ',').replace('\n', ' ').replace('\r', ' ');
        return s.isEmpty() ? "[unnamed]" : s;
    }
}
