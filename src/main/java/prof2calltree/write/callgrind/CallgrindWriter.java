package prof2calltree.write.callgrind;

import java.io.IOException;
import java.io.OutputStream;
import prof2calltree.Version;
import prof2calltree.model.Call;
import prof2calltree.model.CostType;
import prof2calltree.model.Function;
import prof2calltree.model.Profile;
import prof2calltree.model.SelfCost;
import prof2calltree.write.ProfileWriter;

/**
 * Writes the callgrind format (version 1) as KCacheGrind and callgrind_annotate read it: the
 * header in the order both accept ({@code events:} before {@code summary:}), one block per
 * function with its self cost lines and calls, compressed file and function names, and
 * {@code totals:} at the end. UTF-8 whatever the locale; the same profile gives the same bytes.
 */
public final class CallgrindWriter implements ProfileWriter {
    /**
     * Which part of a split profile a file holds (callgrind's {@code part:} and {@code thread:}).
     *
     * @param number the part's number, from 1
     * @param thread the thread's name, shown in KCacheGrind's info as a {@code desc:} line
     */
    public record Part(int number, String thread) {}

    private final Part part;

    /** A writer of whole profiles. */
    public CallgrindWriter() {
        this(null);
    }

    /** A writer of one part of a profile split by thread; null for a whole profile. */
    public CallgrindWriter(Part part) {
        this.part = part;
    }

    @Override
    public void write(Profile profile, String command, OutputStream out) throws IOException {
        ByteOutput o = new ByteOutput(out, 1 << 16);
        new Rendering(profile, o).header(command, part).body().footer();
        o.flush();
    }

    /** The state of writing one profile: the id tables of name compression. */
    private static final class Rendering {
        private final Profile profile;
        private final ByteOutput o;
        private final long[] totals;
        private final Function[] functions;
        private final NameTable names;
        private final FunctionOrder order;
        /** For each file of {@link FunctionOrder#files}, its id in the file; 0 until first written. */
        private final int[] fileIds;
        private int nextFileId = 1;
        /** For each function, its id in the file; 0 until first written. */
        private final int[] functionIds;
        private int nextFunctionId = 1;

        Rendering(Profile profile, ByteOutput o) {
            this.profile = profile;
            this.o = o;
            this.totals = profile.totals();
            this.functions = profile.functions().toArray(new Function[0]);
            this.names = new NameTable(profile.functions());
            this.order = new FunctionOrder(profile.functions(), names);
            this.fileIds = new int[order.files.length];
            this.functionIds = new int[functions.length];
        }

        Rendering header(String command, Part part) throws IOException {
            o.text("# callgrind format\n");
            o.text("version: 1\n");
            o.text("creator: prof2calltree ").text(Version.VERSION).ascii('\n');
            o.text("cmd: ").text(NameTable.clean(command)).ascii('\n');
            if (part != null) {
                // Before events: (KCacheGrind starts a new part at these after it).
                o.text("part: ").number(part.number()).ascii('\n');
                o.text("thread: ").number(part.number()).ascii('\n');
                o.text("desc: Thread: ").text(NameTable.clean(part.thread())).ascii('\n');
            }
            o.text("positions: line\n");
            for (CostType type : profile.costTypes()) {
                o.text("event: ").text(type.name()).text(" : ").text(NameTable.clean(type.description())).ascii('\n');
            }
            o.text("events:");
            for (CostType type : profile.costTypes()) {
                o.ascii(' ').text(type.name());
            }
            o.ascii('\n');
            costs(o.text("summary:"), totals, true);
            return this;
        }

        Rendering body() throws IOException {
            SelfCost[] selfCosts = profile.selfCosts().toArray(new SelfCost[0]);
            Call[] calls = profile.calls().toArray(new Call[0]);
            int n = functions.length;
            int[] selfStart = new int[n + 1];
            for (SelfCost cost : selfCosts) {
                selfStart[cost.function() + 1]++;
            }
            int[] callStart = new int[n + 1];
            for (Call call : calls) {
                callStart[call.caller() + 1]++;
            }
            for (int f = 0; f < n; f++) {
                selfStart[f + 1] += selfStart[f];
                callStart[f + 1] += callStart[f];
            }
            int[] fileOf = order.fileOf;
            int currentFile = -1;
            for (int f : order.order) {
                o.ascii('\n');
                if (fileOf[f] != currentFile) {
                    currentFile = fileOf[f];
                    file(o.ascii('f').ascii('l').ascii('='), currentFile);
                }
                function(o.ascii('f').ascii('n').ascii('='), f);
                for (int i = selfStart[f]; i < selfStart[f + 1]; i++) {
                    SelfCost cost = selfCosts[i];
                    costs(o.number(cost.line()), cost.costs(), false);
                }
                for (int i = callStart[f]; i < callStart[f + 1]; i++) {
                    Call call = calls[i];
                    int callee = call.callee();
                    file(o.ascii('c').ascii('f').ascii('l').ascii('='), fileOf[callee]);
                    function(o.ascii('c').ascii('f').ascii('n').ascii('='), callee);
                    o.text("calls=").number(call.count()).ascii(' ').number(call.calleeLine()).ascii('\n');
                    costs(o.number(call.callerLine()), call.inclusive(), false);
                }
            }
            return this;
        }

        void footer() throws IOException {
            costs(o.text("\ntotals:"), totals, true);
        }

        /** A file reference and its line end: "(id) path" the first time, "(id)" after. */
        private void file(ByteOutput o, int file) throws IOException {
            int id = fileIds[file];
            if (id != 0) {
                o.ascii('(').number(id).ascii(')').ascii('\n');
                return;
            }
            id = nextFileId++;
            fileIds[file] = id;
            o.ascii('(').number(id).ascii(')').ascii(' ').text(NameTable.clean(order.files[file])).ascii('\n');
        }

        /** A function reference and its line end: "(id) name" the first time, "(id)" after. */
        private void function(ByteOutput o, int f) throws IOException {
            int id = functionIds[f];
            if (id != 0) {
                o.ascii('(').number(id).ascii(')').ascii('\n');
                return;
            }
            id = nextFunctionId++;
            functionIds[f] = id;
            o.ascii('(').number(id).ascii(')').ascii(' ').text(names.name(f)).ascii('\n');
        }

        /**
         * Writes cost values, each after a space, and the line end. Trailing zeros are left out (the
         * format reads missing values as 0), but at least one value is written; {@code all} writes
         * every column.
         */
        private static void costs(ByteOutput o, long[] values, boolean all) throws IOException {
            int last = values.length;
            if (!all) {
                while (last > 1 && values[last - 1] == 0) {
                    last--;
                }
            }
            for (int i = 0; i < last; i++) {
                o.ascii(' ').number(values[i]);
            }
            o.ascii('\n');
        }
    }
}
