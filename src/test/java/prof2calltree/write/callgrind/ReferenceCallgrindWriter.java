package prof2calltree.write.callgrind;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import prof2calltree.Version;
import prof2calltree.model.Call;
import prof2calltree.model.CostType;
import prof2calltree.model.Function;
import prof2calltree.model.Profile;
import prof2calltree.model.SelfCost;
import prof2calltree.write.ProfileWriter;
import prof2calltree.write.callgrind.CallgrindWriter.Part;

/**
 * The callgrind writer as it was first written (a Writer, Strings, Comparator chains), kept as
 * the reference whose bytes the faster {@link CallgrindWriter} must match on every profile.
 *
 * <p>Writes the callgrind format (version 1) as KCacheGrind and callgrind_annotate read it: the
 * header in the order both accept ({@code events:} before {@code summary:}), one block per
 * function with its self cost lines and calls, compressed file and function names, and
 * {@code totals:} at the end. UTF-8 whatever the locale; the same profile gives the same bytes.
 */
final class ReferenceCallgrindWriter implements ProfileWriter {
    private final Part part;

    /** A writer of one part of a profile split by thread; null for a whole profile. */
    ReferenceCallgrindWriter(Part part) {
        this.part = part;
    }

    @Override
    public void write(Profile profile, String command, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        new Rendering(profile, w).header(command, part).body().footer();
        w.flush();
    }

    /** The state of writing one profile: the id tables of name compression. */
    private static final class Rendering {
        private final Profile profile;
        private final Writer w;
        private final ReferenceNameTable names;
        private final Map<String, Integer> fileIds = new HashMap<>();
        private final int[] functionIds;
        private int nextFunctionId = 1;
        private final StringBuilder line = new StringBuilder(256);

        Rendering(Profile profile, Writer w) {
            this.profile = profile;
            this.w = w;
            this.names = new ReferenceNameTable(profile.functions());
            this.functionIds = new int[profile.functions().size()];
        }

        Rendering header(String command, Part part) throws IOException {
            w.write("# callgrind format\n");
            w.write("version: 1\n");
            w.write("creator: prof2calltree " + Version.VERSION + "\n");
            w.write("cmd: " + NameTable.clean(command) + "\n");
            if (part != null) {
                // Before events: (KCacheGrind starts a new part at these after it).
                w.write("part: " + part.number() + "\n");
                w.write("thread: " + part.number() + "\n");
                w.write("desc: Thread: " + NameTable.clean(part.thread()) + "\n");
            }
            w.write("positions: line\n");
            StringBuilder events = new StringBuilder("events:");
            for (CostType type : profile.costTypes()) {
                w.write("event: " + type.name() + " : " + NameTable.clean(type.description()) + "\n");
                events.append(' ').append(type.name());
            }
            w.write(events.append('\n').toString());
            w.write(appendCosts(new StringBuilder("summary:"), profile.totals(), true).append('\n').toString());
            return this;
        }

        Rendering body() throws IOException {
            List<Function> order = new ArrayList<>(profile.functions());
            order.sort(Comparator.comparing(Function::file)
                    .thenComparingInt(Function::line)
                    .thenComparing(f -> names.name(f.id())));
            int n = profile.functions().size();
            int[] selfStart = starts(n, profile.selfCosts().size(), i -> profile.selfCosts().get(i).function());
            int[] callStart = starts(n, profile.calls().size(), i -> profile.calls().get(i).caller());
            String currentFile = null;
            for (Function f : order) {
                w.write('\n');
                if (!f.file().equals(currentFile)) {
                    w.write("fl=" + file(f.file()) + "\n");
                    currentFile = f.file();
                }
                w.write("fn=" + function(f) + "\n");
                lastLine = -1;
                for (int i = selfStart[f.id()]; i < selfStart[f.id() + 1]; i++) {
                    SelfCost cost = profile.selfCosts().get(i);
                    line.setLength(0);
                    appendCosts(position(line, cost.line()), cost.costs(), false).append('\n');
                    w.append(line);
                }
                for (int i = callStart[f.id()]; i < callStart[f.id() + 1]; i++) {
                    call(profile.calls().get(i));
                }
            }
            return this;
        }

        void footer() throws IOException {
            w.write(appendCosts(new StringBuilder("\ntotals:"), profile.totals(), true).append('\n').toString());
        }

        private void call(Call call) throws IOException {
            Function callee = profile.functions().get(call.callee());
            line.setLength(0);
            line.append("cfl=").append(file(callee.file())).append('\n');
            line.append("cfn=").append(function(callee)).append('\n');
            line.append("calls=").append(call.count()).append(' ').append(call.calleeLine()).append('\n');
            appendCosts(position(line, call.callerLine()), call.inclusive(), false).append('\n');
            w.append(line);
        }

        private long lastLine = -1;

        /**
         * A cost line's position, compressed as the format allows: "*" for the last cost line's,
         * "+N"/"-N" relative to it where that is shorter; absolute first in each block.
         */
        private StringBuilder position(StringBuilder sb, int position) {
            String absolute = Integer.toString(position);
            String relative = null;
            if (lastLine >= 0 && position >= 0) {
                long diff = position - lastLine;
                relative = diff == 0 ? "*" : diff > 0 ? "+" + diff : "-" + (-diff);
            }
            lastLine = position;
            return sb.append(relative != null && relative.length() < absolute.length() ? relative : absolute);
        }

        /** A file reference: "(id) path" the first time, "(id)" after. */
        private String file(String path) {
            Integer id = fileIds.get(path);
            if (id != null) {
                return "(" + id + ")";
            }
            id = fileIds.size() + 1;
            fileIds.put(path, id);
            return "(" + id + ") " + NameTable.clean(path);
        }

        /** A function reference: "(id) name" the first time, "(id)" after. */
        private String function(Function f) {
            int id = functionIds[f.id()];
            if (id != 0) {
                return "(" + id + ")";
            }
            id = nextFunctionId++;
            functionIds[f.id()] = id;
            return "(" + id + ") " + names.name(f.id());
        }

        /**
         * Appends cost values, each after a space. Trailing zeros are left out (the format reads missing
         * values as 0), but at least one value is written; {@code all} writes every column.
         */
        private static StringBuilder appendCosts(StringBuilder sb, long[] values, boolean all) {
            int last = values.length;
            if (!all) {
                while (last > 1 && values[last - 1] == 0) {
                    last--;
                }
            }
            for (int i = 0; i < last; i++) {
                sb.append(' ').append(values[i]);
            }
            return sb;
        }

        /** Index of the first entry of each function in a list sorted by function, with a sentinel at the end. */
        private static int[] starts(int functions, int size, java.util.function.IntUnaryOperator functionAt) {
            int[] start = new int[functions + 1];
            int i = 0;
            for (int f = 0; f <= functions; f++) {
                while (i < size && functionAt.applyAsInt(i) < f) {
                    i++;
                }
                start[f] = i;
            }
            return start;
        }
    }
}
