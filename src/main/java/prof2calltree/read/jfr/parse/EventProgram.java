package prof2calltree.read.jfr.parse;

import prof2calltree.read.jfr.parse.ChunkQuery.FieldTotal;
import prof2calltree.read.jfr.parse.ChunkQuery.StackEvents;

/**
 * What to read of each event of one type, worked out from its fields once per chunk. As in the
 * JDK's {@code EventParser}, the first field is the start time and, when the type has a field
 * named {@code duration}, the second is the duration, both read as plain integers; the other
 * fields are read by their types, and only up to the last one needed.
 */
final class EventProgram {
    /** Field numbers that stand for no field. */
    static final int NONE = -1;

    /** The index of the {@link StackEvents} or {@link FieldTotal} served. */
    final int target;
    /** Whether {@link #target} is a {@link StackEvents} (else a {@link FieldTotal}). */
    final boolean stacks;
    final FieldDef[] fields;
    /** The first field read by its type: 2 after a duration, else 1. */
    final int firstTyped;
    final int stackField;
    final int threadField;
    final TypeDef threadType;
    /** The weight or total field; NONE when the type lacks it (or it is not a whole number). */
    final int valueField;
    /** Whether the query wants a weight field, which {@link #valueField} may still lack. */
    final boolean weighed;
    /** Whether the query wants a weight field the type does not have at all. */
    final boolean weightMissing;
    final boolean duration;
    /** The last field to read: the others are skipped by the event's size. */
    final int last;

    private EventProgram(int target, boolean stacks, TypeDef type, int stackField, int threadField, int valueField,
            boolean weighed, boolean weightMissing, boolean duration) {
        this.target = target;
        this.stacks = stacks;
        this.fields = type.fields;
        this.firstTyped = type.field("duration") >= 0 ? 2 : 1;
        this.stackField = stackField;
        this.threadField = threadField;
        this.threadType = threadField == NONE ? null : fields[threadField].type();
        this.valueField = valueField;
        this.weighed = weighed;
        this.weightMissing = weightMissing;
        this.duration = duration;
        this.last = Math.max(Math.max(stackField, threadField), valueField);
    }

    /**
     * The program for events of {@code type} that a {@link StackEvents} asks for, given the
     * chunk's stack trace type ({@code trace}, null if none).
     */
    static EventProgram forStacks(int target, StackEvents wanted, TypeDef type, TypeDef trace) {
        int first = type.field("duration") >= 0 ? 2 : 1;
        int stack = type.field("stackTrace");
        boolean stackOk = stack >= first && trace != null && type.fields[stack].type() == trace
                && type.fields[stack].constantPool() && !type.fields[stack].array();
        int thread = NONE;
        for (String name : wanted.threadFields()) {
            thread = type.field(name);
            if (thread >= 0) {
                break;
            }
        }
        boolean threadOk = thread >= first && threadFieldOk(type.fields[thread]);
        String weight = wanted.weightField();
        int value = weight == null ? NONE : valueField(type, weight);
        return new EventProgram(target, true, type, stackOk ? stack : NONE, threadOk ? thread : NONE, value,
                weight != null, weight != null && type.field(weight) < 0, wanted.duration());
    }

    /** The program for events of {@code type} whose field a {@link FieldTotal} sums. */
    static EventProgram forTotal(int target, FieldTotal total, TypeDef type) {
        return new EventProgram(target, false, type, NONE, NONE, valueField(type, total.field()), true, false, false);
    }

    private static boolean threadFieldOk(FieldDef f) {
        return f.constantPool() && !f.array() && f.type().named("java.lang.Thread") && !f.type().reducesToFirstField();
    }

    /** The field named {@code name} if its values are whole numbers (the start time and duration are). */
    private static int valueField(TypeDef type, String name) {
        int i = type.field(name);
        int first = type.field("duration") >= 0 ? 2 : 1;
        return i >= 0 && (i < first || Values.isIntegral(type.fields[i])) ? i : NONE;
    }
}
