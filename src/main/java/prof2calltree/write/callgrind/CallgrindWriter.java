package prof2calltree.write.callgrind;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import prof2calltree.Version;
import prof2calltree.model.CallTable;
import prof2calltree.model.CostType;
import prof2calltree.model.FunctionList;
import prof2calltree.model.Profile;
import prof2calltree.model.SelfTable;
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
        private static final byte[] FL = {'f', 'l', '='};
        private static final byte[] FN = {'f', 'n', '='};
        private static final byte[] CFL = {'c', 'f', 'l', '='};
        private static final byte[] CFN = {'c', 'f', 'n', '='};
        private static final byte[] CALLS = {'c', 'a', 'l', 'l', 's', '='};
        /** Room for a reference without its name, "cfl=(id)\n". */
        private static final int REFERENCE = 8 + ByteOutput.MAX_NUMBER;

        private final Profile profile;
        /** The profile's functions, by column. */
        private final FunctionList functions;
        private final ByteOutput o;
        private final SelfTable selfCosts;
        private final CallTable calls;
        /** Index of each function's first self cost and first call, with a sentinel at the end. */
        private final int[] selfStart;
        private final int[] callStart;
        private final long[] totals;
        private final FileTable files;
        private final NameTable names;
        /** For each file of {@link FileTable#paths}, its id in the output; 0 until first written. */
        private final int[] fileIds;
        private int nextFileId = 1;
        /** For each function, its id in the output; 0 until first written. */
        private final int[] functionIds;
        private int nextFunctionId = 1;
        /** The file of the last function block written; -1 before the first. */
        private int currentFile = -1;
        /** For each function, once its file and it have ids, the bytes that start a call to it. */
        private final byte[][] callPrefix;
        /** Bits by function: set once a call to it was written with its references. */
        private final long[] referenced;

        Rendering(Profile profile, ByteOutput o) {
            this.profile = profile;
            this.o = o;
            int n = profile.functions().size();
            selfCosts = SelfTable.of(profile.selfCosts());
            // Read by column: a Call object each would be 10 MB of garbage for 150,000 calls.
            calls = CallTable.of(profile.calls());
            int width = profile.costTypes().size();
            if (selfCosts.size() > 0 && selfCosts.width() != width || calls.size() > 0 && calls.width() != width) {
                throw new IllegalArgumentException("costs of " + selfCosts.width() + " and " + calls.width()
                        + " columns for " + width + " cost types");
            }
            totals = profile.totals();
            // Where each function's self costs and calls start.
            selfStart = new int[n + 1];
            callStart = new int[n + 1];
            // In chunks, for the JIT: see FileTable.CHUNK.
            for (int from = 0; from < selfCosts.size(); from += FileTable.CHUNK) {
                countSelfCosts(from, Math.min(selfCosts.size(), from + FileTable.CHUNK));
            }
            for (int from = 0; from < calls.size(); from += FileTable.CHUNK) {
                countCalls(from, Math.min(calls.size(), from + FileTable.CHUNK));
            }
            for (int f = 0; f < n; f++) {
                selfStart[f + 1] += selfStart[f];
                callStart[f + 1] += callStart[f];
            }
            functions = FunctionList.of(profile.functions());
            files = new FileTable(functions);
            names = new NameTable(functions, files);
            fileIds = new int[files.paths.length];
            functionIds = new int[n];
            callPrefix = new byte[n][];
            referenced = new long[(n + 63) >>> 6];
            row = new long[width];
        }

        private void countSelfCosts(int from, int to) {
            for (int i = from; i < to; i++) {
                selfStart[selfCosts.function(i) + 1]++;
            }
        }

        private void countCalls(int from, int to) {
            for (int i = from; i < to; i++) {
                callStart[calls.caller(i) + 1]++;
            }
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
            o.text("summary:");
            costs(totals, totals.length);
            return this;
        }

        Rendering body() throws IOException {
            int[] order = FunctionOrder.of(functions, files, names);
            for (int from = 0; from < order.length; from += FileTable.CHUNK) {
                blocks(order, from, Math.min(order.length, from + FileTable.CHUNK));
            }
            return this;
        }

        /** Blocks of the functions in {@code order} from {@code from} to {@code to}; in chunks, for the JIT. */
        private void blocks(int[] order, int from, int to) throws IOException {
            for (int k = from; k < to; k++) {
                block(order[k]);
            }
        }

        /** One function's block: its self costs and its calls. */
        private void block(int f) throws IOException {
            o.ascii('\n');
            int file = files.fileOf[f];
            if (file != currentFile) {
                currentFile = file;
                file(FL, file);
            }
            function(FN, f);
            lastLine = -1;
            for (int i = selfStart[f]; i < selfStart[f + 1]; i++) {
                selfCosts.costs(i, row);
                int last = lastColumn(row);
                int p = o.reserve(ByteOutput.MAX_NUMBER + (last + 1) * (1 + ByteOutput.MAX_NUMBER));
                byte[] b = o.buffer();
                p = position(b, p, selfCosts.line(i));
                o.commit(putCosts(b, p, row, last));
            }
            for (int i = callStart[f]; i < callStart[f + 1]; i++) {
                call(i, files.fileOf);
            }
        }

        private void call(int call, int[] fileOf) throws IOException {
            int callee = calls.callee(call);
            byte[] prefix = callPrefix[callee];
            if (prefix == null) {
                if (fileIds[fileOf[callee]] == 0 || functionIds[callee] == 0) {
                    file(CFL, fileOf[callee]);
                    function(CFN, callee);
                    o.bytes(CALLS);
                } else {
                    // From now on, every call to it starts the same way: kept from the second
                    // such call on (most functions of a big dump are called from one place).
                    long bit = 1L << callee;
                    boolean again = (referenced[callee >>> 6] & bit) != 0;
                    referenced[callee >>> 6] |= bit;
                    int start = again ? 0 : o.reserve(prefixScratch.length); // before buffer(): it may grow it
                    byte[] b = again ? prefixScratch : o.buffer();
                    int p = reference(b, start, CFL, fileIds[fileOf[callee]]);
                    p = ByteOutput.put(b, reference(b, p, CFN, functionIds[callee]), CALLS);
                    if (again) {
                        prefix = Arrays.copyOf(b, p);
                        callPrefix[callee] = prefix;
                    } else {
                        o.commit(p);
                    }
                }
            }
            calls.inclusive(call, row);
            int last = lastColumn(row);
            int p = o.reserve((prefix == null ? 0 : prefix.length) + 3 * ByteOutput.MAX_NUMBER + 2
                    + (last + 1) * (1 + ByteOutput.MAX_NUMBER));
            byte[] b = o.buffer();
            if (prefix != null) {
                p = ByteOutput.put(b, p, prefix);
            }
            p = ByteOutput.putLong(b, p, calls.count(call));
            b[p++] = ' ';
            p = ByteOutput.putInt(b, p, calls.calleeLine(call));
            b[p++] = '\n';
            p = position(b, p, calls.callerLine(call));
            o.commit(putCosts(b, p, row, last));
        }

        /** The costs of the cost line being written, one per cost type. */
        private final long[] row;

        /**
         * The last column a cost line needs: trailing zeros are left out (the format reads missing
         * values as 0), but at least one value is written.
         */
        private static int lastColumn(long[] values) {
            int last = values.length - 1;
            while (last > 0 && values[last] == 0) {
                last--;
            }
            return last;
        }

        /** Where a call prefix is put together before it is copied to its own array. */
        private final byte[] prefixScratch = new byte[2 * REFERENCE + CALLS.length];

        /** The position of the block's last cost line; -1 at a block's start (or after a negative line). */
        private long lastLine = -1;

        /**
         * Puts a cost line's position, compressed as the format allows (subposition compression):
         * "*" for the last cost line's position, "+N" or "-N" relative to it, each only where it is
         * shorter than the absolute number; absolute as the first of each block, so that no reader's idea of
         * where a block starts matters. KCacheGrind and callgrind_annotate both resolve relative
         * positions against the last cost line (a calls= target does not move it). Needs
         * {@link ByteOutput#MAX_NUMBER} bytes.
         */
        private int position(byte[] b, int p, int line) {
            long last = lastLine;
            lastLine = line;
            if (last >= 0 && line > 9) {
                long diff = line - last;
                if (diff == 0) {
                    b[p] = '*';
                    return p + 1;
                }
                int magnitude = (int) Math.abs(diff); // both lines are non-negative ints
                if (ByteOutput.length(magnitude) + 1 < ByteOutput.length(line)) {
                    b[p] = (byte) (diff > 0 ? '+' : '-');
                    return ByteOutput.putInt(b, p + 1, magnitude);
                }
            }
            return ByteOutput.putInt(b, p, line);
        }

        void footer() throws IOException {
            o.text("\ntotals:");
            costs(totals, totals.length);
        }

        /** A file reference and its line end: "(id) path" the first time, "(id)" after. */
        private void file(byte[] key, int file) throws IOException {
            int id = fileIds[file];
            if (id == 0) {
                id = nextFileId++;
                fileIds[file] = id;
                named(key, id, NameTable.clean(files.paths[file]));
                return;
            }
            int p = o.reserve(REFERENCE);
            o.commit(reference(o.buffer(), p, key, id));
        }

        /** A function reference and its line end: "(id) name" the first time, "(id)" after. */
        private void function(byte[] key, int f) throws IOException {
            int id = functionIds[f];
            if (id == 0) {
                id = nextFunctionId++;
                functionIds[f] = id;
                named(key, id, names.name(f));
                return;
            }
            int p = o.reserve(REFERENCE);
            o.commit(reference(o.buffer(), p, key, id));
        }

        private void named(byte[] key, int id, String name) throws IOException {
            int p = o.reserve(REFERENCE + 1 + name.length());
            byte[] b = o.buffer();
            p = ByteOutput.put(b, p, key);
            b[p++] = '(';
            p = ByteOutput.putInt(b, p, id);
            b[p++] = ')';
            b[p++] = ' ';
            int end = ByteOutput.putAscii(b, p, name);
            if (end >= 0) {
                b[end] = '\n';
                o.commit(end + 1);
            } else {
                o.commit(p);
                o.text(name).ascii('\n');
            }
        }

        /** Writes "key(id)\n" at {@code p}; returns the position after it. */
        private static int reference(byte[] b, int p, byte[] key, int id) {
            p = ByteOutput.put(b, p, key);
            b[p++] = '(';
            p = ByteOutput.putInt(b, p, id);
            b[p++] = ')';
            b[p++] = '\n';
            return p;
        }

        /** Writes the first {@code count} values, each after a space, and the line end. */
        private void costs(long[] values, int count) throws IOException {
            int p = o.reserve(1 + count * (1 + ByteOutput.MAX_NUMBER));
            o.commit(putCosts(o.buffer(), p, values, count - 1));
        }

        /** Writes values up to {@code last}, each after a space, and the line end; returns the position after. */
        private static int putCosts(byte[] b, int p, long[] values, int last) {
            for (int i = 0; i <= last; i++) {
                b[p++] = ' ';
                p = ByteOutput.putLong(b, p, values[i]);
            }
            b[p++] = '\n';
            return p;
        }
    }
}
