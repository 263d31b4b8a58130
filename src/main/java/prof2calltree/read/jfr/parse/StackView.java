package prof2calltree.read.jfr.parse;

import java.util.Arrays;

/**
 * One decoded stack trace of a chunk, frames numbered from the top (0, where the event happened)
 * down to the root, and the names of their methods. A method is a number, the same for every
 * frame of the chunk that names the same method constant.
 */
public final class StackView {
    private final StackDecoder decoder;
    private final MethodTable methods;
    private final ConstantReader reader;
    private int[] numbers = new int[64];

    StackView(StackDecoder decoder, MethodTable methods, ConstantReader reader) {
        this.decoder = decoder;
        this.methods = methods;
        this.reader = reader;
    }

    /** Decodes the stack trace whose value starts at chunk position {@code at}. */
    /** True while the view shows an event's missing stack (no frames); the decoder may be null then. */
    private boolean none;

    /** Loads an event's missing stack: no frames. */
    void loadNone() {
        none = true;
    }

    void load(int at) {
        none = false;
        decoder.decode(at);
        if (numbers.length < decoder.depth) {
            numbers = Arrays.copyOf(numbers, decoder.depth);
        }
        for (int i = 0; i < decoder.depth; i++) {
            numbers[i] = methods.number(decoder.methods[i]);
        }
    }

    /** How many frames the trace holds (0 for an empty one). */
    public int depth() {
        return none ? 0 : decoder.depth;
    }

    /** Whether the recording cut the trace at its stack depth (also when it does not say). */
    public boolean truncated() {
        return !none && decoder.truncated;
    }

    /** The method of frame {@code i}, or -1 if the frame names none that the chunk holds. */
    public int method(int i) {
        return numbers[i];
    }

    /** The line of frame {@code i} as recorded, -1 if unknown. */
    public int line(int i) {
        return decoder.lines[i];
    }

    /** The type of frame {@code i} ("Interpreted", "JIT compiled", "Inlined", "Native"...), or null. */
    public String frameType(int i) {
        FieldDef field = decoder.typeField();
        int at = decoder.types[i];
        return field == null || at < 0 ? null : reader.string(field, at);
    }

    /** The name of the class of {@code method} (a number from {@link #method}), dotted; null if none. */
    public String className(int method) {
        return methods.className(method);
    }

    /** The name of {@code method}, or null. */
    public String methodName(int method) {
        return methods.name(method);
    }

    /** The descriptor of {@code method}, such as {@code (I)V}, or null. */
    public String descriptor(int method) {
        return methods.descriptor(method);
    }
}
