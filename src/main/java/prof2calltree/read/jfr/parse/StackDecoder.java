package prof2calltree.read.jfr.parse;

import java.util.Arrays;

/**
 * Decodes stack trace constants of one stack trace type into reused arrays: whether the trace
 * was truncated, and per frame (top first) its method key, line and where its frame type lies.
 * Follows the JDK's typed objects: a trace without a boolean {@code truncated} field counts as
 * truncated; frames are the {@code frames} array of inline stack frames; a frame's method is its
 * {@code method} field when that refers to the method pool.
 */
final class StackDecoder {
    /** The method key of a frame without a method. */
    static final long NO_METHOD = Long.MIN_VALUE;

    /** What to do with each field of a frame, worked out once: the frames are most of a chunk. */
    private static final byte METHOD = 0;
    private static final byte LINE_INT = 1;
    private static final byte LINE = 2;
    private static final byte TYPE = 3;
    private static final byte VARLONGS = 4;
    private static final byte OTHER = 5;

    private final ChunkBytes in;
    private final TypeDef trace;
    private final int truncatedField;
    private final int framesField;
    private final TypeDef frame;
    private final int methodField;
    private final int lineField;
    private final int typeField;
    /** Per frame field: one of the operations above; for VARLONGS and TYPE, its integers in {@link #counts}. */
    private final byte[] ops;
    private final int[] counts;

    /** The last decoded trace. */
    boolean truncated;
    int depth;
    long[] methods = new long[64];
    int[] lines = new int[64];
    /** Where each frame's type field starts; -1 if frames have none. */
    int[] types = new int[64];

    StackDecoder(ChunkBytes in, TypeDef trace) {
        this.in = in;
        this.trace = trace;
        int t = trace.field("truncated");
        FieldDef tf = t < 0 ? null : trace.fields[t];
        this.truncatedField = tf != null && !tf.array() && !tf.constantPool()
                && tf.type().primitive == TypeDef.Primitive.BOOLEAN ? t : -1;
        int f = trace.field("frames");
        FieldDef ff = f < 0 ? null : trace.fields[f];
        boolean framesOk = ff != null && ff.array() && !ff.constantPool() && ff.type().named("jdk.types.StackFrame")
                && ff.type().primitive == TypeDef.Primitive.NONE && !ff.type().reducesToFirstField();
        this.framesField = framesOk ? f : -1;
        this.frame = framesOk ? ff.type() : null;
        this.methodField = framesOk ? ConstantReader.structField(frame, "method", "jdk.types.Method") : -1;
        int line = framesOk ? frame.field("lineNumber") : -1;
        this.lineField = line >= 0 && Values.isIntegral(frame.fields[line]) ? line : -1;
        this.typeField = framesOk ? ConstantReader.stringField(frame, "type") : -1;
        int n = framesOk ? frame.fields.length : 0;
        this.ops = new byte[n];
        this.counts = new int[n];
        for (int i = 0; i < n; i++) {
            FieldDef fd = frame.fields[i];
            int varLongs = fd.array() ? -1 : fd.constantPool() ? 1 : fd.type().varLongs;
            if (i == methodField) {
                ops[i] = METHOD;
            } else if (i == lineField) {
                ops[i] = fd.type().primitive == TypeDef.Primitive.INT && !fd.unsigned() ? LINE_INT : LINE;
            } else if (i == typeField) {
                ops[i] = TYPE;
                counts[i] = varLongs;
            } else {
                ops[i] = varLongs >= 0 ? VARLONGS : OTHER;
                counts[i] = varLongs;
            }
        }
    }

    /** The method type frames refer to, or null if they name none. */
    TypeDef methodType() {
        return methodField < 0 ? null : frame.fields[methodField].type();
    }

    /** The field describing frame types, or null. */
    FieldDef typeField() {
        return typeField < 0 ? null : frame.fields[typeField];
    }

    /** Decodes the stack trace whose value starts at chunk position {@code at}. */
    void decode(int at) {
        in.seek(at);
        truncated = true;
        depth = 0;
        FieldDef[] fields = trace.fields;
        int n = trace.reducesToFirstField() ? 1 : fields.length;
        for (int i = 0; i < n; i++) {
            if (i == truncatedField) {
                truncated = in.readByte() != 0;
            } else if (i == framesField) {
                readFrames();
            } else {
                Values.skipField(in, fields[i], 0);
            }
        }
    }

    private void readFrames() {
        int count = in.readVarInt();
        in.require(count, "a frame count of");
        if (count > methods.length) {
            int size = Math.max(count, methods.length * 2);
            methods = Arrays.copyOf(methods, size);
            lines = Arrays.copyOf(lines, size);
            types = Arrays.copyOf(types, size);
        }
        FieldDef[] fields = frame.fields;
        byte[] ops = this.ops;
        for (int k = 0; k < count; k++) {
            long method = NO_METHOD;
            int line = -1;
            int type = -1;
            for (int i = 0; i < ops.length; i++) {
                switch (ops[i]) {
                    case METHOD -> method = in.readVarLong();
                    case LINE_INT -> line = in.readVarInt();
                    case LINE -> line = (int) Values.readIntegral(in, fields[i]);
                    case TYPE -> {
                        type = in.pos;
                        if (counts[i] == 1) {
                            in.readVarLong();
                        } else {
                            Values.skipField(in, fields[i], 0);
                        }
                    }
                    case VARLONGS -> in.skipVarLongs(counts[i]);
                    default -> Values.skipField(in, fields[i], 0);
                }
            }
            methods[k] = method;
            lines[k] = line;
            types[k] = type;
        }
        depth = count;
    }
}
